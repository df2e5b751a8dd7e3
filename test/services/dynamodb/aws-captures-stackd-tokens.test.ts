/**
 * ClientRequestToken as native AWS DynamoDB compared requests in 2026 (radkawar/stackd
 * testdata/aws/dynamodb/transaction_tokens.json, calls of 2026-09-17): ReturnConsumedCapacity and
 * ReturnItemCollectionMetrics are part of the request a token stands for, NONE as if omitted.
 */
import test from 'ava';
import { TransactWriteItemsCommand, type DynamoDBClient, type TransactWriteItemsCommandInput } from '@aws-sdk/client-dynamodb';
import { startBoltstack } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';
import { createKeyedTable, ddbClient, ddbErrorOf, uniqueTable } from './helpers.js';

const SRC = 'radkawar/stackd testdata/aws/dynamodb/transaction_tokens.json';
let server: Boltstack;
let ddb: DynamoDBClient;
let TableName: string;
test.before(async () => {
  server = await startBoltstack();
  ddb = ddbClient(server.endpoint);
  TableName = uniqueTable('tok');
  await createKeyedTable(ddb, TableName, [['pk', 'S']]);
});
test.after.always(async () => { await server?.stop(); });

const request = (token: string, extra: Partial<TransactWriteItemsCommandInput> = {}) => new TransactWriteItemsCommand({
  ClientRequestToken: token, TransactItems: [{ Put: { TableName, Item: { pk: { S: token } } } }], ...extra,
});

test(`a token's ReturnConsumedCapacity and ReturnItemCollectionMetrics are compared (${SRC} seq 99-115, 2026-09-17)`, async (t) => {
  await ddb.send(request('rcc', { ReturnConsumedCapacity: 'INDEXES' }));
  for (const other of [{ ReturnConsumedCapacity: 'TOTAL' }, { ReturnConsumedCapacity: 'NONE' }, {}] as const) {
    const err = await ddbErrorOf(ddb.send(request('rcc', other)));
    t.is(err.name, 'IdempotentParameterMismatchException', JSON.stringify(other));
  }
  // The original request still replays after the refused variants.
  const again = await ddb.send(request('rcc', { ReturnConsumedCapacity: 'INDEXES' }));
  t.is(again.ConsumedCapacity?.[0]?.TableName, TableName);
  // Omitted and NONE are the same request.
  await ddb.send(request('none'));
  await t.notThrowsAsync(ddb.send(request('none', { ReturnConsumedCapacity: 'NONE', ReturnItemCollectionMetrics: 'NONE' })));
  const added = await ddbErrorOf(ddb.send(request('none', { ReturnConsumedCapacity: 'INDEXES' })));
  t.is(added.name, 'IdempotentParameterMismatchException');
  const metrics = await ddbErrorOf(ddb.send(request('none', { ReturnItemCollectionMetrics: 'SIZE' })));
  t.is(metrics.name, 'IdempotentParameterMismatchException');
});
