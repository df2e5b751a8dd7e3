/**
 * Items through the real SDK client: every attribute type round-trips, keys are checked against
 * the schema with AWS's messages, ReturnValues and ConsumedCapacity, statistics in DescribeTable,
 * secondary index entries follow their items, and the sort order is DynamoDB's.
 */
import test from 'ava';
import {
  BatchGetItemCommand, BatchWriteItemCommand, CreateTableCommand, DeleteItemCommand, DescribeTableCommand,
  GetItemCommand, PutItemCommand, ScanCommand, type AttributeValue, type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { startBoltstack } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';
import { ddbClient, ddbErrorOf, rawCall, uniqueTable } from './helpers.js';

let server: Boltstack;
test.before(async () => { server = await startBoltstack(); });
test.after.always(async () => { await server?.stop(); });

async function hashTable(type: 'S' | 'N' | 'B' = 'S'): Promise<string> {
  const TableName = uniqueTable();
  await ddbClient(server.endpoint).send(new CreateTableCommand({
    TableName, BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'id', AttributeType: type }], KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
  }));
  return TableName;
}

async function rangeTable(rangeType: 'S' | 'N' | 'B', extra: { gsi?: 'ALL' | 'KEYS_ONLY' } = {}): Promise<string> {
  const TableName = uniqueTable();
  await ddbClient(server.endpoint).send(new CreateTableCommand({
    TableName, BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'sk', AttributeType: rangeType }, ...(extra.gsi ? [{ AttributeName: 'g', AttributeType: 'S' as const }] : [])],
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
    ...(extra.gsi ? { GlobalSecondaryIndexes: [{ IndexName: 'byG', KeySchema: [{ AttributeName: 'g', KeyType: 'HASH' }], Projection: { ProjectionType: extra.gsi } }] } : {}),
  }));
  return TableName;
}

test('every attribute type round-trips; numbers come back normalised', async (t) => {
  const ddb = ddbClient(server.endpoint);
  const TableName = await hashTable();
  const Item: Record<string, AttributeValue> = {
    id: { S: 'all-types' }, s: { S: 'héllo \u0000 ✓' }, n: { N: '0012.500' }, b: { B: new Uint8Array([0, 255, 7]) },
    ss: { SS: ['a', 'b'] }, ns: { NS: ['1', '2.50'] }, bs: { BS: [new Uint8Array([1]), new Uint8Array([2, 3])] },
    m: { M: { B: { S: 'named B' }, inner: { L: [{ N: '1' }, { NULL: true }, { BOOL: false }, { B: new Uint8Array([9]) }] } } },
    l: { L: [] }, t: { BOOL: true }, z: { NULL: true },
  };
  await ddb.send(new PutItemCommand({ TableName, Item }));
  const got = (await ddb.send(new GetItemCommand({ TableName, Key: { id: { S: 'all-types' } } }))).Item!;
  t.deepEqual(got, { ...Item, n: { N: '12.5' }, ns: { NS: ['1', '2.5'] } });
  t.deepEqual((await ddb.send(new GetItemCommand({ TableName, Key: { id: { S: 'missing' } } }))).Item, undefined);
});

test('binary and number hash keys address items by value', async (t) => {
  const ddb = ddbClient(server.endpoint);
  const bin = await hashTable('B');
  await ddb.send(new PutItemCommand({ TableName: bin, Item: { id: { B: new Uint8Array([0, 1, 0]) }, v: { S: 'x' } } }));
  t.is((await ddb.send(new GetItemCommand({ TableName: bin, Key: { id: { B: new Uint8Array([0, 1, 0]) } } }))).Item!.v!.S, 'x');
  const num = await hashTable('N');
  await ddb.send(new PutItemCommand({ TableName: num, Item: { id: { N: '10.0' }, v: { S: 'y' } } }));
  t.is((await ddb.send(new GetItemCommand({ TableName: num, Key: { id: { N: '1E1' } } }))).Item!.v!.S, 'y');
});

test('key validation answers with AWS\'s messages', async (t) => {
  const ddb = ddbClient(server.endpoint);
  const TableName = await hashTable();
  const message = async (p: Promise<unknown>): Promise<string> => { const e = await ddbErrorOf(p); t.is(e.name, 'ValidationException', e.message); return e.message; };
  t.is(await message(ddb.send(new PutItemCommand({ TableName, Item: { id: { N: '1' } } }))),
    'One or more parameter values were invalid: Type mismatch for key id expected: S actual: N');
  t.is(await message(ddb.send(new PutItemCommand({ TableName, Item: { other: { S: '1' } } }))), 'One or more parameter values were invalid: Missing the key id in the item');
  t.is(await message(ddb.send(new PutItemCommand({ TableName, Item: { id: { S: '' } } }))),
    'One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: id');
  t.is(await message(ddb.send(new GetItemCommand({ TableName, Key: { id: { N: '1' } } }))), 'The provided key element does not match the schema');
  t.is(await message(ddb.send(new GetItemCommand({ TableName, Key: { id: { S: '1' }, x: { S: '2' } } }))), 'The provided key element does not match the schema');
  t.is(await message(ddb.send(new PutItemCommand({ TableName, Item: { id: { S: 'big' }, data: { S: 'x'.repeat(400 * 1024) } } }))), 'Item size has exceeded the maximum allowed size');
  // paritysuite/dynamodb-conformance tests/tier3/error-messages/deleteItem.test.ts (2026-10-09, in the
  // envelope); dynalite test/putItem.js "incorrect ReturnValues" words PutItem's the same.
  t.is(await message(ddb.send(new PutItemCommand({ TableName, Item: { id: { S: 'r' } }, ReturnValues: 'ALL_NEW' }))), '1 validation error detected: ReturnValues can only be ALL_OLD or NONE');
  const missing = await ddbErrorOf(ddb.send(new GetItemCommand({ TableName: uniqueTable('none'), Key: { id: { S: '1' } } })));
  t.is(missing.name, 'ResourceNotFoundException');
  t.is(missing.message, 'Requested resource not found');
  const raw = await rawCall(server.endpoint, 'PutItem', { TableName, Item: { id: { S: 'ok' }, bad: { SS: [] } } });
  t.is(raw.body.__type, 'com.amazon.coral.validate#ValidationException');
  t.regex(String(raw.body.message), /An string set {2}may not be empty/);
});

test('ReturnValues ALL_OLD, ConsumedCapacity from item sizes, statistics in DescribeTable', async (t) => {
  const ddb = ddbClient(server.endpoint);
  const TableName = await rangeTable('N', { gsi: 'KEYS_ONLY' });
  const first = await ddb.send(new PutItemCommand({ TableName, Item: { pk: { S: 'a' }, sk: { N: '1' }, g: { S: 'x' }, big: { S: 'y'.repeat(1500) } }, ReturnConsumedCapacity: 'INDEXES' }));
  t.deepEqual(first.ConsumedCapacity, { TableName, CapacityUnits: 3, Table: { CapacityUnits: 2 }, GlobalSecondaryIndexes: { byG: { CapacityUnits: 1 } } });
  const second = await ddb.send(new PutItemCommand({ TableName, Item: { pk: { S: 'a' }, sk: { N: '1' }, v: { S: 'new' } }, ReturnValues: 'ALL_OLD', ReturnConsumedCapacity: 'TOTAL' }));
  t.is(second.Attributes!.big!.S!.length, 1500);
  t.deepEqual(second.ConsumedCapacity, { TableName, CapacityUnits: 3 }, 'old item size counts; the GSI entry is removed');
  await ddb.send(new PutItemCommand({ TableName, Item: { pk: { S: 'b' }, sk: { N: '2' }, g: { S: 'z' } } }));
  const d = (await ddb.send(new DescribeTableCommand({ TableName }))).Table!;
  t.is(d.ItemCount, 2);
  t.true(d.TableSizeBytes! > 10);
  t.is(d.GlobalSecondaryIndexes![0]!.ItemCount, 1);
  const del = await ddb.send(new DeleteItemCommand({ TableName, Key: { pk: { S: 'b' }, sk: { N: '2' } }, ReturnValues: 'ALL_OLD' }));
  t.deepEqual(del.Attributes, { pk: { S: 'b' }, sk: { N: '2' }, g: { S: 'z' } });
  t.is((await ddb.send(new DescribeTableCommand({ TableName }))).Table!.ItemCount, 1);
  const read = await ddb.send(new GetItemCommand({ TableName, Key: { pk: { S: 'a' }, sk: { N: '1' } }, ReturnConsumedCapacity: 'TOTAL', ConsistentRead: true }));
  t.deepEqual(read.ConsumedCapacity, { TableName, CapacityUnits: 1 });
});

/**
 * Two items of known size by DynamoDB's rules (values/item-size.ts), for the ItemCount and
 * TableSizeBytes tests: a = names 5 + "a" 1 + "héllo" 6 + 12300 3 + [-1.5, true] 3 + (1 + 4) +
 * (1 + 1) = 25; b = names 4 + "b" 1 + {k: [x, yy]} 3 + (1 + 1 + 3) + 3 bytes = 16; a reduced to
 * its key, 3.
 */
const SIZED_ITEMS: Record<string, AttributeValue>[] = [
  { id: { S: 'a' }, s: { S: 'héllo' }, n: { N: '12300' }, l: { L: [{ N: '-1.5' }, { BOOL: true }] } },
  { id: { S: 'b' }, m: { M: { k: { SS: ['x', 'yy'] } } }, b: { B: new Uint8Array([1, 2, 3]) } },
];

/** [ItemCount, TableSizeBytes] as DescribeTable reports them. */
async function tableFigures(ddb: DynamoDBClient, TableName: string): Promise<[number | undefined, number | undefined]> {
  const d = (await ddb.send(new DescribeTableCommand({ TableName }))).Table!;
  return [d.ItemCount, d.TableSizeBytes];
}

test('plain puts that replace items keep ItemCount and TableSizeBytes exact (the replaced item is sized, not decoded)', async (t) => {
  const ddb = ddbClient(server.endpoint);
  const TableName = await hashTable();
  const items = SIZED_ITEMS;
  const sizeOf = () => tableFigures(ddb, TableName);
  for (const Item of items) await ddb.send(new PutItemCommand({ TableName, Item }));
  const written = await sizeOf();
  t.deepEqual(written, [2, 41]);
  // Replacing each item by itself, many times, leaves the figures as they were.
  for (let round = 0; round < 3; round++) for (const Item of items) await ddb.send(new PutItemCommand({ TableName, Item }));
  t.deepEqual(await sizeOf(), written);
  // Replacing by a smaller item and back changes the bytes by exactly the difference.
  await ddb.send(new PutItemCommand({ TableName, Item: { id: { S: 'a' } } }));
  const smaller = await sizeOf();
  t.deepEqual(smaller, [2, 19]);
  await ddb.send(new PutItemCommand({ TableName, Item: items[0]! }));
  t.deepEqual(await sizeOf(), written);
  // ALL_OLD still answers the replaced item, decoded.
  const old = await ddb.send(new PutItemCommand({ TableName, Item: items[1]!, ReturnValues: 'ALL_OLD' }));
  t.deepEqual(old.Attributes, items[1]);
  t.deepEqual(await sizeOf(), written);
});

test('BatchWriteItem that replaces and deletes items keeps ItemCount and TableSizeBytes exact (replaced items are sized, not decoded)', async (t) => {
  const ddb = ddbClient(server.endpoint);
  const TableName = await hashTable();
  const items = SIZED_ITEMS;
  const batch = (requests: object[]) => ddb.send(new BatchWriteItemCommand({ RequestItems: { [TableName]: requests as never } }));
  const puts = (list: Record<string, AttributeValue>[]) => batch(list.map((Item) => ({ PutRequest: { Item } })));
  const sizeOf = () => tableFigures(ddb, TableName);
  await puts(items);
  t.deepEqual(await sizeOf(), [2, 41]);
  for (let round = 0; round < 3; round++) await puts(items);
  t.deepEqual(await sizeOf(), [2, 41], 'replacing each item by itself leaves the figures');
  await puts([{ id: { S: 'a' } }]);
  t.deepEqual(await sizeOf(), [2, 19], 'a smaller item changes the bytes by the difference');
  await batch([{ DeleteRequest: { Key: { id: { S: 'b' } } } }, { PutRequest: { Item: items[0]! } }]);
  t.deepEqual(await sizeOf(), [1, 25], 'a deleted item leaves the count and its bytes');
  await batch([{ DeleteRequest: { Key: { id: { S: 'a' } } } }, { DeleteRequest: { Key: { id: { S: 'never' } } } }]);
  t.deepEqual(await sizeOf(), [0, 0]);
});

test('a GSI follows its items: sparse, projected, moved when its key changes', async (t) => {
  const ddb = ddbClient(server.endpoint);
  const TableName = await rangeTable('S', { gsi: 'KEYS_ONLY' });
  await ddb.send(new PutItemCommand({ TableName, Item: { pk: { S: 'p' }, sk: { S: '1' }, g: { S: 'red' }, extra: { S: 'not projected' } } }));
  await ddb.send(new PutItemCommand({ TableName, Item: { pk: { S: 'p' }, sk: { S: '2' } } }));
  let index = await ddb.send(new ScanCommand({ TableName, IndexName: 'byG' }));
  t.deepEqual(index.Items, [{ pk: { S: 'p' }, sk: { S: '1' }, g: { S: 'red' } }]);
  await ddb.send(new PutItemCommand({ TableName, Item: { pk: { S: 'p' }, sk: { S: '1' }, g: { S: 'blue' } } }));
  await ddb.send(new PutItemCommand({ TableName, Item: { pk: { S: 'p' }, sk: { S: '2' }, g: { S: 'green' } } }));
  index = await ddb.send(new ScanCommand({ TableName, IndexName: 'byG' }));
  t.deepEqual(index.Items!.map((i) => i.g!.S), ['blue', 'green']);
  const wrong = await ddbErrorOf(ddb.send(new PutItemCommand({ TableName, Item: { pk: { S: 'p' }, sk: { S: '3' }, g: { N: '1' } } })));
  t.is(wrong.message, 'One or more parameter values were invalid: Type mismatch for Index Key g Expected: S Actual: N IndexName: byG');
  const all = await ddbErrorOf(ddb.send(new ScanCommand({ TableName, IndexName: 'byG', Select: 'ALL_ATTRIBUTES' })));
  t.is(all.message, 'One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported for global secondary index byG because its projection type is not ALL');
});

test('sort order is DynamoDB\'s: numbers by value, strings by UTF-8 bytes, binary unsigned', async (t) => {
  const ddb = ddbClient(server.endpoint);
  const sorted = async (type: 'S' | 'N' | 'B', values: AttributeValue[]): Promise<AttributeValue[]> => {
    const TableName = await rangeTable(type);
    for (const sk of values) await ddb.send(new PutItemCommand({ TableName, Item: { pk: { S: 'one' }, sk } }));
    return (await ddb.send(new ScanCommand({ TableName }))).Items!.map((i) => i.sk!);
  };
  const numbers = ['-1e3', '-5', '-0.5', '0', '1e-130', '2', '10', '10.5', '9.99e125'];
  t.deepEqual((await sorted('N', [...numbers].reverse().map((N) => ({ N })))).map((v) => Number(v.N)), numbers.map(Number));
  const strings = ['', 'B', 'a', 'a\u0000', 'ab', 'é', '\uFFFD', '\u{1F600}'].slice(1);
  t.deepEqual((await sorted('S', [...strings].reverse().map((S) => ({ S })))).map((v) => v.S), strings);
  const bytes = [[0], [0, 0], [1], [127], [128], [255], [255, 0]];
  t.deepEqual((await sorted('B', [...bytes].reverse().map((b) => ({ B: new Uint8Array(b) })))).map((v) => [...v.B!]), bytes);
});

test('Scan pages by Limit and resumes; parallel segments cover every item once; COUNT', async (t) => {
  const ddb = ddbClient(server.endpoint);
  const TableName = await hashTable();
  for (let i = 0; i < 40; i += 20) {
    await ddb.send(new BatchWriteItemCommand({ RequestItems: { [TableName]: Array.from({ length: 20 }, (_, j) => ({ PutRequest: { Item: { id: { S: `k${i + j}` }, n: { N: String(i + j) } } } })) } }));
  }
  const seen: string[] = [];
  let start: Record<string, AttributeValue> | undefined;
  let pages = 0;
  do {
    const page = await ddb.send(new ScanCommand({ TableName, Limit: 15, ExclusiveStartKey: start }));
    pages++;
    seen.push(...page.Items!.map((i) => i.id!.S!));
    t.is(page.ScannedCount, page.Count);
    start = page.LastEvaluatedKey;
  } while (start);
  t.is(pages, 3);
  t.is(new Set(seen).size, 40);
  const segments = await Promise.all([0, 1, 2].map((Segment) => ddb.send(new ScanCommand({ TableName, Segment, TotalSegments: 3 }))));
  const union = segments.flatMap((s) => s.Items!.map((i) => i.id!.S!));
  t.is(union.length, 40);
  t.is(new Set(union).size, 40);
  const count = await ddb.send(new ScanCommand({ TableName, Select: 'COUNT' }));
  t.is(count.Count, 40);
  t.is(count.Items, undefined);
  const seg = await ddbErrorOf(ddb.send(new ScanCommand({ TableName, Segment: 3, TotalSegments: 3 })));
  t.is(seg.message, 'The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: 3 is not less than TotalSegments: 3');
  const limit = await ddbErrorOf(ddb.send(new ScanCommand({ TableName, Limit: 0 })));
  t.is(limit.message, "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1");
});

test('BatchWriteItem and BatchGetItem: limits, duplicates, items per table', async (t) => {
  const ddb = ddbClient(server.endpoint);
  const TableName = await hashTable();
  const puts = (n: number, prefix = 'b') => Array.from({ length: n }, (_, i) => ({ PutRequest: { Item: { id: { S: `${prefix}${i}` } } } }));
  await ddb.send(new BatchWriteItemCommand({ RequestItems: { [TableName]: puts(25) } }));
  // A plain load answers nothing but the empty UnprocessedItems (no capacity or metrics added up).
  const plain = await rawCall(server.endpoint, 'BatchWriteItem', { RequestItems: { [TableName]: puts(2, 'plain') } });
  t.deepEqual(plain, { status: 200, body: { UnprocessedItems: {} } });
  const tooMany = await ddbErrorOf(ddb.send(new BatchWriteItemCommand({ RequestItems: { [TableName]: puts(26) } })));
  t.regex(tooMany.message, /at 'requestItems' failed to satisfy constraint: Map value must satisfy constraint: \[Member must have length less than or equal to 25, Member must have length greater than or equal to 1\]$/);
  const dup = await ddbErrorOf(ddb.send(new BatchWriteItemCommand({ RequestItems: { [TableName]: [{ PutRequest: { Item: { id: { S: 'd' } } } }, { DeleteRequest: { Key: { id: { S: 'd' } } } }] } })));
  t.is(dup.message, 'Provided list of item keys contains duplicates');
  t.is((await ddbErrorOf(ddb.send(new BatchWriteItemCommand({ RequestItems: {} })))).message, 'The requestItems parameter is required for BatchWriteItem');
  const written = await ddb.send(new BatchWriteItemCommand({ RequestItems: { [TableName]: [{ DeleteRequest: { Key: { id: { S: 'b0' } } } }] }, ReturnConsumedCapacity: 'TOTAL' }));
  t.deepEqual(written.UnprocessedItems, {});
  t.deepEqual(written.ConsumedCapacity, [{ TableName, CapacityUnits: 1 }]);
  const got = await ddb.send(new BatchGetItemCommand({ RequestItems: { [TableName]: { Keys: [{ id: { S: 'b0' } }, { id: { S: 'b1' } }, { id: { S: 'b24' } }] } } }));
  t.deepEqual(got.Responses![TableName]!.map((i) => i.id!.S).sort(), ['b1', 'b24']);
  t.deepEqual(got.UnprocessedKeys, {});
  const over = await ddbErrorOf(ddb.send(new BatchGetItemCommand({ RequestItems: { [TableName]: { Keys: Array.from({ length: 101 }, (_, i) => ({ id: { S: `x${i}` } })) } } })));
  t.is(over.message, `1 validation error detected: Value at 'RequestItems.${TableName}.member.Keys' failed to satisfy constraint: Member must have length less than or equal to 100`);
  const dupGet = await ddbErrorOf(ddb.send(new BatchGetItemCommand({ RequestItems: { [TableName]: { Keys: [{ id: { S: 'a' } }, { id: { S: 'a' } }] } } })));
  t.is(dupGet.message, 'Provided list of item keys contains duplicates');
});

test('strict mode: a parameter boltstack does not emulate answers NotImplemented naming it', async (t) => {
  const ddb = ddbClient(server.endpoint);
  const err = await ddbErrorOf(ddb.send(new CreateTableCommand({
    TableName: uniqueTable(), BillingMode: 'PAY_PER_REQUEST', GlobalTableSourceArn: 'arn:aws:dynamodb:us-west-2:000000000000:table/source',
    AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
  })));
  t.is(err.name, 'NotImplemented');
  t.regex(err.message, /GlobalTableSourceArn/);
  t.is(err.$metadata.httpStatusCode, 501);
});
