/**
 * Failed conditional writes and transactions, and reads by table ARN, as native AWS DynamoDB
 * answered them (radkawar/stackd testdata/aws/dynamodb/transaction_failure_metrics.json, calls of
 * 2026-09-17 17:56-18:07; attribute_boundaries.json, calls of 2026-09-17 09:29-09:31; us-east-1).
 * AWS's payloads were runs of "x": their lengths are chosen here to give the units AWS charged
 * (the small item one write and one read unit, the large one nine and three).
 */
import test from 'ava';
import { BatchWriteItemCommand, DeleteTableCommand, PutItemCommand, TransactGetItemsCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { startBoltstack } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';
import { createKeyedTable, ddbClient, rawCall, uniqueTable } from './helpers.js';

const TX = 'radkawar/stackd testdata/aws/dynamodb/transaction_failure_metrics.json';
const ATTR = 'radkawar/stackd testdata/aws/dynamodb/attribute_boundaries.json';
let server: Boltstack;
let ddb: DynamoDBClient;
test.before(async () => { server = await startBoltstack(); ddb = ddbClient(server.endpoint); });
test.after.always(async () => { await server?.stop(); });

const small = { pk: { S: 'small' }, payload: { S: 'x'.repeat(500) } };
const large = { pk: { S: 'large' }, payload: { S: 'x'.repeat(8500) } };
const FAILED = { Code: 'ConditionalCheckFailed', Message: 'The conditional request failed' };
const putIfAbsent = (TableName: string, pk: string, length: number) => ({
  Put: { TableName, Item: { pk: { S: pk }, payload: { S: 'y'.repeat(length) } }, ConditionExpression: 'attribute_not_exists(pk)', ReturnValuesOnConditionCheckFailure: 'ALL_OLD' },
});

async function seeded(): Promise<string> {
  const TableName = uniqueTable('txfail');
  await createKeyedTable(ddb, TableName, [['pk', 'S']]);
  const written = await ddb.send(new BatchWriteItemCommand({ ReturnConsumedCapacity: 'TOTAL', RequestItems: { [TableName]: [{ PutRequest: { Item: small } }, { PutRequest: { Item: large } }] } }));
  if (written.ConsumedCapacity?.[0]?.CapacityUnits !== 10) throw new Error('the seed does not charge what seq 7 charged');
  return TableName;
}

test(`the seed: a batch of both items, then a transactional read of both (${TX} seq 7-8)`, async (t) => {
  const TableName = uniqueTable('txfail');
  await createKeyedTable(ddb, TableName, [['pk', 'S']]);
  const written = await ddb.send(new BatchWriteItemCommand({ ReturnConsumedCapacity: 'TOTAL', RequestItems: { [TableName]: [{ PutRequest: { Item: small } }, { PutRequest: { Item: large } }] } }));
  t.deepEqual([written.UnprocessedItems, written.ConsumedCapacity], [{}, [{ TableName, CapacityUnits: 10 }]], 'seq 7');
  const read = await ddb.send(new TransactGetItemsCommand({ ReturnConsumedCapacity: 'TOTAL', TransactItems: [{ Get: { TableName, Key: { pk: small.pk } } }, { Get: { TableName, Key: { pk: large.pk } } }] }));
  t.deepEqual([read.ConsumedCapacity, read.Responses?.map((r) => r.Item?.pk?.S)], [[{ TableName, CapacityUnits: 8, ReadCapacityUnits: 8 }], ['small', 'large']], 'seq 8');
});

// A refused write answers the item as it was and no ConsumedCapacity, though TOTAL was asked for.
for (const [seq, op, body] of [
  ['seq 9 (put-item-grow)', 'PutItem', (TableName: string) => ({ TableName, Item: { pk: small.pk, payload: { S: 'y'.repeat(8500) } } })],
  ['seq 10 (put-item-shrink)', 'PutItem', (TableName: string) => ({ TableName, Item: { pk: large.pk, payload: { S: 'y'.repeat(500) } } })],
  ['seq 11 (update-item-grow)', 'UpdateItem', (TableName: string) => ({ TableName, Key: { pk: small.pk }, UpdateExpression: 'SET payload = :p', ExpressionAttributeValues: { ':p': { S: 'y'.repeat(8500) } } })],
  ['seq 12 (update-item-shrink)', 'UpdateItem', (TableName: string) => ({ TableName, Key: { pk: large.pk }, UpdateExpression: 'SET payload = :p', ExpressionAttributeValues: { ':p': { S: 'y'.repeat(500) } } })],
] as const) {
  test(`${op} refused by attribute_not_exists answers the old item, no capacity (${TX} ${seq})`, async (t) => {
    const TableName = await seeded();
    const r = await rawCall(server.endpoint, op, { ...body(TableName), ConditionExpression: 'attribute_not_exists(pk)', ReturnValuesOnConditionCheckFailure: 'ALL_OLD', ReturnConsumedCapacity: 'TOTAL' });
    const old = op === 'PutItem' ? body(TableName).Item!.pk.S : body(TableName).Key!.pk.S;
    t.deepEqual([r.status, r.body.__type, r.body.Message, r.body.Item, r.body.ConsumedCapacity],
      [400, 'com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException', 'The conditional request failed', old === 'small' ? small : large, undefined]);
  });
}

const transactions: Array<[string, (TableName: string) => unknown[], string, (typeof FAILED & { Item?: unknown } | { Code: string })[]]> = [
  ['seq 15 (failed small, prepared other)', (T) => [putIfAbsent(T, 'small', 8500), { Put: { TableName: T, Item: { pk: { S: 'prepared' }, payload: { S: 'y' } } } }],
    '[ConditionalCheckFailed, None]', [{ ...FAILED, Item: small }, { Code: 'None' }]],
  ['seq 16 (two failures, both reported)', (T) => [putIfAbsent(T, 'small', 8500), putIfAbsent(T, 'large', 500)],
    '[ConditionalCheckFailed, ConditionalCheckFailed]', [{ ...FAILED, Item: small }, { ...FAILED, Item: large }]],
  ['seq 17 (false check on the large item)', (T) => [{ ConditionCheck: { TableName: T, Key: { pk: large.pk }, ConditionExpression: 'attribute_exists(absent)', ReturnValuesOnConditionCheckFailure: 'ALL_OLD' } }],
    '[ConditionalCheckFailed]', [{ ...FAILED, Item: large }]],
  ['seq 18 (false check on a missing item: no Item)', (T) => [{ ConditionCheck: { TableName: T, Key: { pk: { S: 'missing' } }, ConditionExpression: 'attribute_exists(absent)', ReturnValuesOnConditionCheckFailure: 'ALL_OLD' } }],
    '[ConditionalCheckFailed]', [FAILED]],
];
for (const [seq, items, codes, reasons] of transactions) {
  test(`TransactWriteItems cancelled: ${codes}, each reason with the old item asked for (${TX} ${seq})`, async (t) => {
    const TableName = await seeded();
    const r = await rawCall(server.endpoint, 'TransactWriteItems', { TransactItems: items(TableName), ClientRequestToken: `${TableName}-token`, ReturnConsumedCapacity: 'TOTAL' });
    t.deepEqual([r.status, r.body.__type, r.body.Message, r.body.CancellationReasons, r.body.ConsumedCapacity], [400, 'com.amazonaws.dynamodb.v20120810#TransactionCanceledException',
      `Transaction cancelled, please refer cancellation reasons for specific reasons ${codes}`, reasons, undefined]);
  });
}

test(`a table's ARN names it for GetItem, with and without a projection; DeleteTable's answer; then not found (${ATTR} seq 9, 12, 20, 33, 36)`, async (t) => {
  const TableName = uniqueTable('attr');
  await createKeyedTable(ddb, TableName, [['pk', 'S']]);
  const item = { pk: { S: 'probe' }, allowed: { S: 'public' }, secret: { S: 'owned-secret' } };
  t.deepEqual((await ddb.send(new PutItemCommand({ TableName, Item: item }))).Attributes, undefined, 'seq 9');
  const arn = `arn:aws:dynamodb:us-east-1:000000000000:table/${TableName}`;
  const projected = await rawCall(server.endpoint, 'GetItem', { TableName: arn, Key: { pk: item.pk }, ConsistentRead: true, ProjectionExpression: 'pk, allowed' });
  t.deepEqual([projected.status, projected.body], [200, { Item: { pk: item.pk, allowed: item.allowed } }], 'seq 12');
  const whole = await rawCall(server.endpoint, 'GetItem', { TableName: arn, Key: { pk: item.pk }, ConsistentRead: true });
  t.deepEqual([whole.status, whole.body], [200, { Item: item }], 'seq 20');
  const { TableId, ...deleted } = (await ddb.send(new DeleteTableCommand({ TableName }))).TableDescription!;
  t.truthy(TableId);
  t.deepEqual(Object.keys(deleted).sort(), ['BillingModeSummary', 'DeletionProtectionEnabled', 'ItemCount', 'ProvisionedThroughput', 'TableArn', 'TableName', 'TableSizeBytes', 'TableStatus'], 'seq 33');
  t.deepEqual([deleted.TableStatus, deleted.TableArn, deleted.ProvisionedThroughput], ['DELETING', arn, { NumberOfDecreasesToday: 0, ReadCapacityUnits: 0, WriteCapacityUnits: 0 }], 'seq 33');
  // AWS still described it DELETING for ~10 s (seq 34-35); boltstack's is gone at once.
  const gone = await rawCall(server.endpoint, 'DescribeTable', { TableName });
  t.deepEqual([gone.status, gone.body.__type, gone.body.message], [400, 'com.amazonaws.dynamodb.v20120810#ResourceNotFoundException', `Requested resource not found: Table: ${TableName} not found`], 'seq 36');
});
