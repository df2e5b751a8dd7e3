/**
 * Capacity with ReturnConsumedCapacity INDEXES on an on-demand table with a KEYS_ONLY GSI, and
 * refused writes' answers, as native AWS DynamoDB gave them (radkawar/stackd
 * testdata/aws/dynamodb/capacity_metrics.json, us-east-1, calls of 2026-09-17 15:47-15:54).
 * AWS's payload was a run of "x" charged five write units and two read units (4-5 KB); 4500
 * characters charge the same here.
 */
import { randomUUID } from 'node:crypto';
import test from 'ava';
import { CreateTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { startBoltstack } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';
import { ddbClient, rawCall, uniqueTable } from './helpers.js';

const SRC = 'radkawar/stackd testdata/aws/dynamodb/capacity_metrics.json';
let server: Boltstack;
let ddb: DynamoDBClient;
let TableName: string;
const seed = { pk: { S: 'seed' }, g: { S: 'group' }, payload: { S: 'x'.repeat(4500) } };
const call = async (op: string, body: Record<string, unknown>) => rawCall(server.endpoint, op, { ...body, ReturnConsumedCapacity: 'INDEXES' });

test.before(async () => {
  server = await startBoltstack();
  ddb = ddbClient(server.endpoint);
  TableName = uniqueTable('capmetrics');
  await ddb.send(new CreateTableCommand({
    TableName, BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'g', AttributeType: 'S' }],
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
    GlobalSecondaryIndexes: [{ IndexName: 'by-g', KeySchema: [{ AttributeName: 'g', KeyType: 'HASH' }], Projection: { ProjectionType: 'KEYS_ONLY' } }],
  }));
});
test.after.always(async () => { await server?.stop(); });

test.serial(`a batch write, a transactional read and an index query, each with its table and index units (${SRC} seq 10-12)`, async (t) => {
  const written = await call('BatchWriteItem', { RequestItems: { [TableName]: [{ PutRequest: { Item: seed } }] } });
  t.deepEqual(written.body, { UnprocessedItems: {}, ConsumedCapacity: [{ TableName, CapacityUnits: 6, Table: { CapacityUnits: 5 }, GlobalSecondaryIndexes: { 'by-g': { CapacityUnits: 1 } } }] }, 'seq 10');
  const read = await call('TransactGetItems', { TransactItems: [{ Get: { TableName, Key: { pk: seed.pk } } }] });
  t.deepEqual(read.body.ConsumedCapacity, [{ TableName, CapacityUnits: 4, ReadCapacityUnits: 4, Table: { ReadCapacityUnits: 4, CapacityUnits: 4 } }], 'seq 11');
  const queried = await call('Query', { TableName, IndexName: 'by-g', KeyConditionExpression: 'g = :g', ExpressionAttributeValues: { ':g': { S: 'group' } } });
  t.deepEqual(queried.body, {
    Items: [{ pk: seed.pk, g: seed.g }], Count: 1, ScannedCount: 1,
    ConsumedCapacity: { TableName, CapacityUnits: 0.5, Table: { CapacityUnits: 0 }, GlobalSecondaryIndexes: { 'by-g': { CapacityUnits: 0.5 } } },
  }, 'seq 12: the table part is there, 0');
});

// Each refused write answers the item as it was, and no capacity, though INDEXES was asked for.
const refused: Array<[string, string, Record<string, unknown>, string]> = [
  ['seq 13', 'PutItem', { Item: seed }, 'ConditionalCheckFailedException'],
  ['seq 14', 'UpdateItem', { Key: { pk: seed.pk }, UpdateExpression: 'SET payload = :p', ExpressionAttributeValues: { ':p': { S: 'replacement' } } }, 'ConditionalCheckFailedException'],
  ['seq 15', 'DeleteItem', { Key: { pk: seed.pk } }, 'ConditionalCheckFailedException'],
];
for (const [seq, op, body, code] of refused) {
  test.serial(`${op} refused by attribute_not_exists: the old item, no capacity (${SRC} ${seq})`, async (t) => {
    const r = await call(op, { TableName, ...body, ConditionExpression: 'attribute_not_exists(pk)', ReturnValuesOnConditionCheckFailure: 'ALL_OLD' });
    t.deepEqual([r.status, r.body.__type, r.body.Message, r.body.Item, r.body.ConsumedCapacity],
      [400, `com.amazonaws.dynamodb.v20120810#${code}`, 'The conditional request failed', seed, undefined]);
  });
}

test.serial(`a cancelled transaction, then one that writes, then its replay under the same token (${SRC} seq 16-18)`, async (t) => {
  const cancelled = await call('TransactWriteItems', {
    ClientRequestToken: randomUUID(),
    TransactItems: [{ Put: { TableName, Item: seed, ConditionExpression: 'attribute_not_exists(pk)', ReturnValuesOnConditionCheckFailure: 'ALL_OLD' } }],
  });
  t.deepEqual([cancelled.status, cancelled.body.CancellationReasons, cancelled.body.ConsumedCapacity],
    [400, [{ Code: 'ConditionalCheckFailed', Message: 'The conditional request failed', Item: seed }], undefined], 'seq 16');
  // Tokens are at most 36 characters: a UUID each, not the (longer) table name.
  const transaction = { ClientRequestToken: randomUUID(), TransactItems: [{ Put: { TableName, Item: { pk: { S: 'transaction' }, g: seed.g, payload: { S: 'small' } } } }] };
  t.deepEqual((await call('TransactWriteItems', transaction)).body.ConsumedCapacity, [{
    TableName, CapacityUnits: 3, WriteCapacityUnits: 3, Table: { WriteCapacityUnits: 2, CapacityUnits: 2 },
    GlobalSecondaryIndexes: { 'by-g': { WriteCapacityUnits: 1, CapacityUnits: 1 } },
  }], 'seq 17');
  t.deepEqual((await call('TransactWriteItems', transaction)).body.ConsumedCapacity,
    [{ TableName, CapacityUnits: 2, ReadCapacityUnits: 2, Table: { ReadCapacityUnits: 2, CapacityUnits: 2 } }], 'seq 18: a replay is charged as a read');
});
