/**
 * Concurrent writers of one item through the real client, now that writes are group-committed
 * and an item's lock is released once its change is queued (item-store.ts): a condition still
 * sees the item it replaces, so exactly one conditional create wins, no increment is lost, the
 * GSI and the statistics follow the last write, and TransactGetItems never sees a torn
 * transaction.
 */
import test from 'ava';
import {
  CreateTableCommand, DescribeTableCommand, GetItemCommand, PutItemCommand, QueryCommand, TransactGetItemsCommand, TransactWriteItemsCommand, TransactionCanceledException,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { startBoltstack } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';
import { ddbClient, ddbErrorOf, uniqueTable } from './helpers.js';

let server: Boltstack;
let TableName: string;
test.before(async () => {
  server = await startBoltstack();
  TableName = uniqueTable('conc');
  await ddbClient(server.endpoint).send(new CreateTableCommand({
    TableName, BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }, { AttributeName: 'g', AttributeType: 'S' }],
    KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
    GlobalSecondaryIndexes: [{ IndexName: 'byG', KeySchema: [{ AttributeName: 'g', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } }],
  }));
});
test.after.always(async () => { await server?.stop(); });

test.serial('of 24 concurrent conditional creates of one item exactly one wins', async (t) => {
  const ddb = ddbClient(server.endpoint, { maxAttempts: 1 });
  const results = await Promise.allSettled(Array.from({ length: 24 }, (_, i) => ddb.send(new PutItemCommand({
    TableName, Item: { id: { S: 'once' }, writer: { N: String(i) } }, ConditionExpression: 'attribute_not_exists(id)',
  }))));
  t.is(results.filter((r) => r.status === 'fulfilled').length, 1);
  for (const r of results) if (r.status === 'rejected') t.is((r.reason as Error).name, 'ConditionalCheckFailedException');
});

test.serial('50 concurrent increments of one item lose none; the GSI and ItemCount follow the last write', async (t) => {
  const ddb = ddbClient(server.endpoint, { maxAttempts: 1 });
  await Promise.all(Array.from({ length: 50 }, (_, i) => ddb.send(new UpdateItemCommand({
    TableName, Key: { id: { S: 'counter' } }, UpdateExpression: 'ADD n :one SET g = :g', ExpressionAttributeValues: { ':one': { N: '1' }, ':g': { S: `g${i % 5}` } },
  }))));
  const item = await ddb.send(new GetItemCommand({ TableName, Key: { id: { S: 'counter' } } }));
  t.is(item.Item?.n?.N, '50');
  const last = item.Item!.g!.S!;
  let entries = 0;
  for (let i = 0; i < 5; i++) {
    const q = await ddb.send(new QueryCommand({ TableName, IndexName: 'byG', KeyConditionExpression: 'g = :g', FilterExpression: 'id = :id', ExpressionAttributeValues: { ':g': { S: `g${i}` }, ':id': { S: 'counter' } } }));
    entries += q.Count!;
    if (q.Count) t.is(`g${i}`, last, 'the one index entry is under the last value');
  }
  t.is(entries, 1);
  const described = await ddb.send(new DescribeTableCommand({ TableName }));
  t.is(described.Table!.ItemCount, 2, 'the item from the first test and the counter');
});

test.serial('TransactGetItems sees each concurrent transaction whole or not at all', async (t) => {
  const ddb = ddbClient(server.endpoint, { maxAttempts: 1 });
  const pair = (v: number) => new TransactWriteItemsCommand({ TransactItems: ['left', 'right'].map((id) => ({ Put: { TableName, Item: { id: { S: id }, v: { N: String(v) } } } })) });
  await ddb.send(pair(0));
  let writing = true;
  const writer = (async () => {
    try {
      for (let v = 1; v <= 20; v++) await ddb.send(pair(v));
    } finally {
      writing = false;
    }
  })();
  // Readers run while the pairs are written one after the other: a read meeting a write is
  // cancelled with TransactionConflict (as in AWS); every other read sees both items at one value.
  const seen: number[] = [];
  let conflicts = 0;
  const reader = async () => {
    while (writing) {
      try {
        const r = await ddb.send(new TransactGetItemsCommand({ TransactItems: ['left', 'right'].map((id) => ({ Get: { TableName, Key: { id: { S: id } } } })) }));
        t.is(r.Responses![0]!.Item!.v!.N, r.Responses![1]!.Item!.v!.N);
        seen.push(Number(r.Responses![0]!.Item!.v!.N));
      } catch (err) {
        t.true(err instanceof TransactionCanceledException, String(err));
        const codes = (err as TransactionCanceledException).CancellationReasons!.map((c) => c.Code);
        t.true(codes.includes('TransactionConflict') && codes.every((c) => c === 'None' || c === 'TransactionConflict'), codes.join());
        conflicts++;
      }
    }
  };
  await Promise.all([writer, reader(), reader(), reader()]);
  t.log(`${seen.length} consistent reads, ${conflicts} cancelled by a conflict`);
  t.true(seen.length > 0, 'some reads fell between two transactions');
  const bad = await ddbErrorOf(ddb.send(new PutItemCommand({ TableName, Item: { id: { S: 'once' } }, ConditionExpression: 'attribute_not_exists(id)' })));
  t.is(bad.name, 'ConditionalCheckFailedException', 'the winner of the first test is durable and visible');
});
