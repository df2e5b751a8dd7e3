/**
 * ConsumedCapacity of writes on a table with every kind of index, as native AWS DynamoDB reported
 * it in 2026 (radkawar/stackd testdata/aws/dynamodb/index_capacity.json, calls of 2026-09-17: a
 * table with KEYS_ONLY, INCLUDE [p] and ALL local and global indexes on `x`). The items here are
 * sized to the capture's labels (a table write of 2 units, an INCLUDE entry under or just over 1 KB).
 */
import test from 'ava';
import {
  BatchGetItemCommand, BatchWriteItemCommand, CreateTableCommand, DeleteItemCommand, GetItemCommand, PutItemCommand, QueryCommand,
  TransactGetItemsCommand, TransactWriteItemsCommand, UpdateItemCommand,
  type AttributeValue, type ConsumedCapacity, type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { startBoltstack } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';
import { ddbClient, uniqueTable } from './helpers.js';

const SRC = 'radkawar/stackd testdata/aws/dynamodb/index_capacity.json';
let server: Boltstack;
let ddb: DynamoDBClient;
test.before(async () => { server = await startBoltstack(); ddb = ddbClient(server.endpoint); });
test.after.always(async () => { await server?.stop(); });

async function indexedTable(): Promise<string> {
  const TableName = uniqueTable('icap');
  const lsi = (IndexName: string, Projection: object) => ({ IndexName, KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' as const }, { AttributeName: 'x', KeyType: 'RANGE' as const }], Projection });
  const gsi = (IndexName: string, Projection: object) => ({ IndexName, KeySchema: [{ AttributeName: 'x', KeyType: 'HASH' as const }], Projection });
  // seq 2 (2026-09-17): the capture's table.
  await ddb.send(new CreateTableCommand({
    TableName, BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'sk', AttributeType: 'S' }, { AttributeName: 'x', AttributeType: 'S' }],
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
    LocalSecondaryIndexes: [lsi('lsi-keys', { ProjectionType: 'KEYS_ONLY' }), lsi('lsi-include', { ProjectionType: 'INCLUDE', NonKeyAttributes: ['p'] }), lsi('lsi-all', { ProjectionType: 'ALL' })],
    GlobalSecondaryIndexes: [gsi('gsi-keys', { ProjectionType: 'KEYS_ONLY' }), gsi('gsi-include', { ProjectionType: 'INCLUDE', NonKeyAttributes: ['p'] }), gsi('gsi-all', { ProjectionType: 'ALL' })],
  }));
  return TableName;
}

const S = (s: string): AttributeValue => ({ S: s });
// 1,213 bytes: a 2-unit table write; its INCLUDE entry (keys and p) is 512 bytes.
const item = (over: Record<string, AttributeValue> = {}) => ({ pk: S('p1'), sk: S('s1'), x: S('x1'), p: S('a'.repeat(500)), q: S('b'.repeat(700)), ...over });

/** The expected INDEXES answer: units per part, with `kind` beside each when a transaction. */
function expected(TableName: string, table: number, indexes: Record<string, number>, kind?: 'WriteCapacityUnits'): ConsumedCapacity {
  const part = (n: number) => (kind ? { CapacityUnits: n, [kind]: n } : { CapacityUnits: n });
  const total = table + Object.values(indexes).reduce((a, b) => a + b, 0);
  const out: ConsumedCapacity = { TableName, ...part(total), Table: part(table) };
  for (const [name, n] of Object.entries(indexes)) {
    const group = name.startsWith('gsi') ? (out.GlobalSecondaryIndexes ??= {}) : (out.LocalSecondaryIndexes ??= {});
    group[name] = part(n);
  }
  return out;
}
const everyIndex = (all: number, include: number, keys: number) => ({ 'lsi-keys': keys, 'lsi-include': include, 'lsi-all': all, 'gsi-keys': keys, 'gsi-include': include, 'gsi-all': all });

test(`single-item writes charge only the index entries they change (${SRC} seq 22-29, 49-58, 2026-09-17)`, async (t) => {
  const TableName = await indexedTable();
  const put = async (Item: Record<string, AttributeValue>) => (await ddb.send(new PutItemCommand({ TableName, Item, ReturnConsumedCapacity: 'INDEXES' }))).ConsumedCapacity;
  // seq 22: an insert writes every entry.
  t.deepEqual(await put(item()), expected(TableName, 2, everyIndex(2, 1, 1)));
  // seq 23: an identical overwrite writes no entry.
  t.deepEqual(await put(item()), expected(TableName, 2, {}));
  // seq 24: a change outside the INCLUDE projection rewrites only the ALL entries.
  t.deepEqual(await put(item({ q: S('c'.repeat(700)) })), expected(TableName, 2, { 'lsi-all': 2, 'gsi-all': 2 }));
  const update = async (value: string) => (await ddb.send(new UpdateItemCommand({
    TableName, Key: { pk: S('p1'), sk: S('s1') }, UpdateExpression: 'SET p = :p', ExpressionAttributeValues: { ':p': S(value) }, ReturnConsumedCapacity: 'INDEXES',
  }))).ConsumedCapacity;
  // seq 50: an update to the same value.
  t.deepEqual(await update('a'.repeat(500)), expected(TableName, 2, {}));
  // seq 52: a projected attribute changed, same size: ALL and INCLUDE entries, not KEYS_ONLY.
  t.deepEqual(await update('d'.repeat(500)), expected(TableName, 2, { 'lsi-all': 2, 'lsi-include': 1, 'gsi-all': 2, 'gsi-include': 1 }));
  // seq 53: the INCLUDE entry grows past 1 KB.
  t.deepEqual(await update('e'.repeat(1020)), expected(TableName, 2, { 'lsi-all': 2, 'lsi-include': 2, 'gsi-all': 2, 'gsi-include': 2 }));
  // seq 29: deleting removes every entry.
  const deleted = await ddb.send(new DeleteItemCommand({ TableName, Key: { pk: S('p1'), sk: S('s1') }, ReturnConsumedCapacity: 'INDEXES' }));
  t.deepEqual(deleted.ConsumedCapacity, expected(TableName, 2, everyIndex(2, 2, 1)));
});

test(`transactional writes: twice the units on the table, WriteCapacityUnits beside each figure (${SRC} seq 40-48, 59-62, 74-78, 2026-09-17)`, async (t) => {
  const TableName = await indexedTable();
  const write = async (action: NonNullable<ConstructorParameters<typeof TransactWriteItemsCommand>[0]['TransactItems']>[number]) =>
    (await ddb.send(new TransactWriteItemsCommand({ TransactItems: [action], ReturnConsumedCapacity: 'INDEXES' }))).ConsumedCapacity;
  // seq 40: an insert: 4 on the table, the index entries at their standard cost.
  t.deepEqual(await write({ Put: { TableName, Item: item() } }), [expected(TableName, 4, everyIndex(2, 1, 1), 'WriteCapacityUnits')]);
  // seq 41: an identical overwrite.
  t.deepEqual(await write({ Put: { TableName, Item: item() } }), [expected(TableName, 4, {}, 'WriteCapacityUnits')]);
  // seq 42: a change outside the INCLUDE projection.
  t.deepEqual(await write({ Put: { TableName, Item: item({ q: S('c'.repeat(700)) }) } }), [expected(TableName, 4, { 'lsi-all': 2, 'gsi-all': 2 }, 'WriteCapacityUnits')]);
  // seq 62: an update of a projected attribute, same size.
  const update = { TableName, Key: { pk: S('p1'), sk: S('s1') }, UpdateExpression: 'SET p = :p', ExpressionAttributeValues: { ':p': S('d'.repeat(500)) } };
  t.deepEqual(await write({ Update: update }), [expected(TableName, 4, { 'lsi-all': 2, 'lsi-include': 1, 'gsi-all': 2, 'gsi-include': 1 }, 'WriteCapacityUnits')]);
  // seq 74-77 (4,096 and 4,097 bytes): a ConditionCheck alone is charged as a write of the item.
  await ddb.send(new PutItemCommand({ TableName, Item: { pk: S('c'), sk: S('4096'), v: S('v'.repeat(4096 - 10)) } }));
  const check = (sk: string) => ({ ConditionCheck: { TableName, Key: { pk: S('c'), sk: S(sk) }, ConditionExpression: 'attribute_not_exists(nope)' } });
  t.deepEqual(await write(check('4096')), [expected(TableName, 8, {}, 'WriteCapacityUnits')]);
  // seq 78: a ConditionCheck of a missing item.
  t.deepEqual(await write(check('none')), [expected(TableName, 2, {}, 'WriteCapacityUnits')]);
  // seq 47: deleting an indexed item.
  t.deepEqual(await write({ Delete: { TableName, Key: { pk: S('p1'), sk: S('s1') } } }), [expected(TableName, 4, everyIndex(2, 1, 1), 'WriteCapacityUnits')]);
  // seq 48: deleting a missing item.
  t.deepEqual(await write({ Delete: { TableName, Key: { pk: S('p1'), sk: S('s1') } } }), [expected(TableName, 2, {}, 'WriteCapacityUnits')]);
});

const CAP = 'radkawar/stackd testdata/aws/dynamodb/capacity.json';

test(`reads, batches and transactions on a table with a KEYS_ONLY GSI (${CAP} "conclusions", 2026-09-17)`, async (t) => {
  const TableName = uniqueTable('cap');
  await ddb.send(new CreateTableCommand({
    TableName, BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'sk', AttributeType: 'S' }, { AttributeName: 'g', AttributeType: 'S' }],
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
    GlobalSecondaryIndexes: [{ IndexName: 'by-g', KeySchema: [{ AttributeName: 'g', KeyType: 'HASH' }], Projection: { ProjectionType: 'KEYS_ONLY' } }],
  }));
  // Items of exactly `bytes` bytes (names and string values): pk, sk and padding `v`.
  const sized = (pk: string, sk: string, bytes: number, extra: Record<string, AttributeValue> = {}) => {
    const fixed = 2 + pk.length + 2 + sk.length + 1 + Object.entries(extra).reduce((n, [k, v]) => n + k.length + (v.S ?? '').length, 0);
    return { pk: S(pk), sk: S(sk), ...extra, v: S('v'.repeat(bytes - fixed)) };
  };
  const key = (pk: string, sk: string) => ({ pk: S(pk), sk: S(sk) });
  // "Write 1 KiB rounding": 1,024 / 1,025 / 4,096 / 4,097 bytes cost 1 / 2 / 4 / 5.
  for (const [bytes, units] of [[1024, 1], [1025, 2], [4096, 4], [4097, 5]] as const) {
    const out = await ddb.send(new PutItemCommand({ TableName, Item: sized('w', String(bytes), bytes), ReturnConsumedCapacity: 'TOTAL' }));
    t.deepEqual(out.ConsumedCapacity, { TableName, CapacityUnits: units }, `put ${bytes}`);
  }
  // "Read 4 KiB rounding", with a projection that does not shrink the charge.
  const get = async (sk: string, ConsistentRead: boolean, ProjectionExpression?: string) =>
    (await ddb.send(new GetItemCommand({ TableName, Key: key('w', sk), ConsistentRead, ProjectionExpression, ReturnConsumedCapacity: 'TOTAL' }))).ConsumedCapacity?.CapacityUnits;
  t.deepEqual([await get('4096', false), await get('4096', true), await get('4097', false), await get('4097', true), await get('4097', true, 'pk')], [0.5, 1, 1, 2, 2]);
  // "Missing reads": a missing GetItem 0.5 / 1; an empty strong Query 1.
  t.deepEqual([await get('none', false), await get('none', true)], [0.5, 1]);
  const empty = await ddb.send(new QueryCommand({ TableName, KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': S('nobody') }, ConsistentRead: true, ReturnConsumedCapacity: 'TOTAL' }));
  t.deepEqual(empty.ConsumedCapacity, { TableName, CapacityUnits: 1 });
  // "Query/Scan filter and Limit": two items of 1,024 and 1,025 bytes read together are 1 strong unit, filtered or not.
  await ddb.send(new PutItemCommand({ TableName, Item: sized('q', 'a', 1024) }));
  await ddb.send(new PutItemCommand({ TableName, Item: sized('q', 'b', 1025) }));
  const query = async (filter: boolean, ConsistentRead: boolean, Limit?: number) => ddb.send(new QueryCommand({
    TableName, KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': S('q'), ...(filter ? { ':no': S('no') } : {}) },
    ...(filter ? { FilterExpression: 'v = :no' } : {}), ConsistentRead, Limit, ReturnConsumedCapacity: 'TOTAL',
  }));
  const both = await query(false, true);
  t.deepEqual([both.Count, both.ConsumedCapacity?.CapacityUnits], [2, 1]);
  const filtered = await query(true, true, 2);
  t.deepEqual([filtered.Count, filtered.ScannedCount, filtered.ConsumedCapacity?.CapacityUnits], [0, 2, 1]);
  const eventual = await query(true, false, 1);
  t.deepEqual([eventual.Count, eventual.ScannedCount, eventual.ConsumedCapacity?.CapacityUnits, eventual.LastEvaluatedKey], [0, 1, 0.5, key('q', 'a')]);
  // "Write preimage and missing-item costs": overwriting 4,097 bytes with 64 costs 5; deleting a missing item 1.
  const shrink = await ddb.send(new PutItemCommand({ TableName, Item: sized('w', '4097', 64), ReturnConsumedCapacity: 'TOTAL' }));
  t.is(shrink.ConsumedCapacity?.CapacityUnits, 5);
  const missingUpdate = await ddb.send(new UpdateItemCommand({ TableName, Key: key('u', 'new'), UpdateExpression: 'SET a = :a', ExpressionAttributeValues: { ':a': S('x') }, ReturnConsumedCapacity: 'TOTAL' }));
  t.is(missingUpdate.ConsumedCapacity?.CapacityUnits, 1);
  const missingDelete = await ddb.send(new DeleteItemCommand({ TableName, Key: key('d', 'none'), ReturnConsumedCapacity: 'TOTAL' }));
  t.is(missingDelete.ConsumedCapacity?.CapacityUnits, 1);
  // "Separate GSI metering": a 4,097-byte item entering the KEYS_ONLY index: table 5 + GSI 1;
  // a change of unprojected payload only: table 5, no GSI; a GSI Query: the table part is 0.
  const gsiPut = await ddb.send(new PutItemCommand({ TableName, Item: sized('g', '1', 4097, { g: S('g1') }), ReturnConsumedCapacity: 'INDEXES' }));
  t.deepEqual(gsiPut.ConsumedCapacity, { TableName, CapacityUnits: 6, Table: { CapacityUnits: 5 }, GlobalSecondaryIndexes: { 'by-g': { CapacityUnits: 1 } } });
  const payload = await ddb.send(new UpdateItemCommand({ TableName, Key: key('g', '1'), UpdateExpression: 'SET v = :v', ExpressionAttributeValues: { ':v': S('w'.repeat(4097 - 10 - 3)) }, ReturnConsumedCapacity: 'INDEXES' }));
  t.deepEqual(payload.ConsumedCapacity, { TableName, CapacityUnits: 5, Table: { CapacityUnits: 5 } });
  const gsiQuery = await ddb.send(new QueryCommand({ TableName, IndexName: 'by-g', KeyConditionExpression: 'g = :g', ExpressionAttributeValues: { ':g': S('absent') }, ReturnConsumedCapacity: 'INDEXES' }));
  t.deepEqual(gsiQuery.ConsumedCapacity, { TableName, CapacityUnits: 0.5, Table: { CapacityUnits: 0 }, GlobalSecondaryIndexes: { 'by-g': { CapacityUnits: 0.5 } } });
  // "Batch per-item rounding": two small items and a missing one: 1.5 eventual / 3 strong; a
  // 64-byte put, a 1,025-byte put and a missing delete: 4.
  const keys = [key('q', 'a'), key('w', '4097'), key('b', 'none')];
  const bget = async (ConsistentRead: boolean) => (await ddb.send(new BatchGetItemCommand({ RequestItems: { [TableName]: { Keys: keys, ConsistentRead, ProjectionExpression: 'pk' } }, ReturnConsumedCapacity: 'TOTAL' }))).ConsumedCapacity;
  t.deepEqual([await bget(false), await bget(true)], [[{ TableName, CapacityUnits: 1.5 }], [{ TableName, CapacityUnits: 3 }]]);
  const bwrite = await ddb.send(new BatchWriteItemCommand({ RequestItems: { [TableName]: [
    { PutRequest: { Item: sized('b', '64', 64) } }, { PutRequest: { Item: sized('b', '1025', 1025) } }, { DeleteRequest: { Key: key('b', 'none') } },
  ] }, ReturnConsumedCapacity: 'TOTAL' }));
  t.deepEqual(bwrite.ConsumedCapacity, [{ TableName, CapacityUnits: 4 }]);
  // "Transactions": a TransactGetItems of two small items and a missing one is 6 read units,
  // named ReadCapacityUnits too; a 1,025-byte Put and a missing Delete are 6 write units.
  const tget = await ddb.send(new TransactGetItemsCommand({ TransactItems: keys.map((Key) => ({ Get: { TableName, Key } })), ReturnConsumedCapacity: 'TOTAL' }));
  t.deepEqual(tget.ConsumedCapacity, [{ TableName, CapacityUnits: 6, ReadCapacityUnits: 6 }]);
  const tgetIndexes = await ddb.send(new TransactGetItemsCommand({ TransactItems: [{ Get: { TableName, Key: key('q', 'a') } }], ReturnConsumedCapacity: 'INDEXES' }));
  t.deepEqual(tgetIndexes.ConsumedCapacity, [{ TableName, CapacityUnits: 2, ReadCapacityUnits: 2, Table: { CapacityUnits: 2, ReadCapacityUnits: 2 } }]);
  const twrite = await ddb.send(new TransactWriteItemsCommand({ TransactItems: [{ Put: { TableName, Item: sized('t', '1025', 1025) } }, { Delete: { TableName, Key: key('t', 'none') } }], ReturnConsumedCapacity: 'TOTAL' }));
  t.deepEqual(twrite.ConsumedCapacity, [{ TableName, CapacityUnits: 6, WriteCapacityUnits: 6 }]);
});
