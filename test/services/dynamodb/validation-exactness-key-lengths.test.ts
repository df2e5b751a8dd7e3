/**
 * Key value sizes: a partition key is at most 2048 bytes and a sort key at most 1024, for S and for
 * B (the raw bytes, not their base64), on reads as on writes. Sources that ran against AWS:
 *   ALT  scylladb/scylladb test/alternator/test_limits.py (test_limit_partition_key_len_2048,
 *        test_limit_partition_key_len, test_limit_sort_key_len_1024, test_limit_sort_key_len,
 *        test_limit_sort_key_len_lsi): the limit, the read and the write refused ("limit").
 *   DYN  mhart/dynalite test/{getItem,batchGetItem,batchWriteItem}.js "should return
 *        ValidationException if hash|range key is too big": the exact wording.
 *   EXT  ExtendDB/extenddb PR #194 (2026-06-30), "captured directly via the AWS CLI": DeleteItem
 *        and UpdateItem answer an oversized key with the same two messages.
 *   IDX  a GSI partition key value over 2048 bytes, in AWS's words as quoted by
 *        architect/dynalite issue #35 (2015, "Size limit exceeded for Index Key c Actual Size:
 *        43398 bytes Max Size: 2048 bytes IndexName: index4", on dynalite's test tables, whose
 *        index4 our range fixture copies) and wellcomecollection/platform issue #2285 (2018,
 *        "... Index Key componentId Actual Size: 2175 bytes Max Size: 2048 bytes IndexName:
 *        work-sets-index", Status Code 400, ValidationException).
 *   QRY  a Query whose partition key value is over 2048 bytes, in AWS's words:
 *        facebook/ThreatExchange issue #1324 (2023-07-10, "An error occurred (ValidationException)
 *        when calling the Query operation: One or more parameter values were invalid: Size of
 *        hashkey has exceeded the maximum size limit of2048 bytes") and nextauthjs/next-auth
 *        issue #5827 (2024-03-23, the same message through the v3 SDK).
 * PutItem's S rows are in validation-exactness-put.test.ts already. Not here, for want of a
 * source that quotes AWS: Transact* and PartiQL keys (boltstack answers them with the same two
 * messages, item-key.ts), an index sort key over 1024 bytes, a Query's sort key condition value
 * over 1024 bytes and a Query on an index with a partition key value over 2048 (both answered
 * as before: no items).
 */
import test from 'ava';
import { registerRows, type Row } from './exactness-rows.js';
import { startBoltstack } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';
import { rawCall, uniqueTable } from './helpers.js';

const ALT = 'scylladb/scylladb test/alternator/test_limits.py';
const DYN = 'mhart/dynalite test';
const HASH = 'One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 bytes';
const RANGE = 'One or more parameter values were invalid: Aggregated size of all range keys has exceeded the size limit of 1024 bytes';
const s = (n: number) => ({ S: 'x'.repeat(n) });
const INDEX_KEY = 'One or more parameter values were invalid: Size limit exceeded for Index Key c Actual Size: ';
/** Base64 of n raw bytes of 123 (Alternator's bytearray([123]*n)). */
const b = (n: number) => ({ B: Buffer.alloc(n, 123).toString('base64') });

/** A row on its own copy of Alternator's test_table_sb (hash `p` S, range `c` B), made by its setup (rows run at once). */
function sb(source: string, op: string, body: (table: string) => unknown): Row {
  const TableName = uniqueTable('xkb');
  const setup = [{ op: 'CreateTable', body: () => ({ TableName, BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'p', AttributeType: 'S' }, { AttributeName: 'c', AttributeType: 'B' }],
    KeySchema: [{ AttributeName: 'p', KeyType: 'HASH' }, { AttributeName: 'c', KeyType: 'RANGE' }] }) }];
  return { source, op, setup, body: () => body(TableName), message: RANGE };
}

const rows: Row[] = [
  // Partition key: the fixtures' hash table (`a` S) and binary table (`pk` B).
  { source: `${ALT} test_limit_partition_key_len_2048 (GetItem, S 2049); ${DYN}/getItem.js`, op: 'GetItem',
    body: (f) => ({ TableName: f.hash, Key: { a: s(2049) }, ConsistentRead: true }), message: HASH },
  { source: `${ALT} test_limit_partition_key_len_2048 (PutItem, B 2049)`, op: 'PutItem', body: (f) => ({ TableName: f.binary, Item: { pk: b(2049) } }), message: HASH },
  { source: `${ALT} test_limit_partition_key_len_2048 (GetItem, B 2049)`, op: 'GetItem',
    body: (f) => ({ TableName: f.binary, Key: { pk: b(2049) }, ConsistentRead: true }), message: HASH },
  { source: `${ALT} test_limit_partition_key_len (PutItem, S 65537)`, op: 'PutItem', body: (f) => ({ TableName: f.hash, Item: { a: s(65537) } }), message: HASH },
  { source: `${ALT} test_limit_partition_key_len (GetItem, S 65537)`, op: 'GetItem',
    body: (f) => ({ TableName: f.hash, Key: { a: s(65537) }, ConsistentRead: true }), message: HASH },
  { source: `${ALT} test_limit_partition_key_len (PutItem, B 65537)`, op: 'PutItem', body: (f) => ({ TableName: f.binary, Item: { pk: b(65537) } }), message: HASH },
  { source: `${ALT} test_limit_partition_key_len (GetItem, B 65537)`, op: 'GetItem',
    body: (f) => ({ TableName: f.binary, Key: { pk: b(65537) }, ConsistentRead: true }), message: HASH },
  { source: `${DYN}/batchGetItem.js (hash key is too big)`, op: 'BatchGetItem', body: (f) => ({ RequestItems: { [f.hash]: { Keys: [{ a: s(2049) }] } } }), message: HASH },
  { source: `${DYN}/batchWriteItem.js (hash key is too big)`, op: 'BatchWriteItem',
    body: (f) => ({ RequestItems: { [f.hash]: [{ PutRequest: { Item: { a: s(2049) } } }] } }), message: HASH },
  { source: 'EXT (DeleteItem, hash key > 2048 bytes)', op: 'DeleteItem', body: (f) => ({ TableName: f.hash, Key: { a: s(2049) } }), message: HASH },
  { source: 'EXT (UpdateItem, hash key > 2048 bytes)', op: 'UpdateItem',
    body: (f) => ({ TableName: f.hash, Key: { a: s(2049) }, UpdateExpression: 'SET z = :v', ExpressionAttributeValues: { ':v': { N: '1' } } }), message: HASH },
  // Sort key: the fixtures' range table (`a`, `b` S) and test_table_sb (`p` S, `c` B).
  { source: `${ALT} test_limit_sort_key_len_1024 (GetItem, S 1025); ${DYN}/getItem.js`, op: 'GetItem',
    body: (f) => ({ TableName: f.range, Key: { a: { S: 'k' }, b: s(1025) }, ConsistentRead: true }), message: RANGE },
  sb(`${ALT} test_limit_sort_key_len_1024 (PutItem, B 1025)`, 'PutItem', (TableName) => ({ TableName, Item: { p: { S: 'k' }, c: b(1025) } })),
  sb(`${ALT} test_limit_sort_key_len_1024 (GetItem, B 1025)`, 'GetItem', (TableName) => ({ TableName, Key: { p: { S: 'k' }, c: b(1025) }, ConsistentRead: true })),
  { source: `${ALT} test_limit_sort_key_len (PutItem, S 65537)`, op: 'PutItem', body: (f) => ({ TableName: f.range, Item: { a: { S: 'k' }, b: s(65537) } }), message: RANGE },
  { source: `${ALT} test_limit_sort_key_len (GetItem, S 65537)`, op: 'GetItem',
    body: (f) => ({ TableName: f.range, Key: { a: { S: 'k' }, b: s(65537) }, ConsistentRead: true }), message: RANGE },
  sb(`${ALT} test_limit_sort_key_len (PutItem, B 65537)`, 'PutItem', (TableName) => ({ TableName, Item: { p: { S: 'k' }, c: b(65537) } })),
  sb(`${ALT} test_limit_sort_key_len (GetItem, B 65537)`, 'GetItem', (TableName) => ({ TableName, Key: { p: { S: 'k' }, c: b(65537) }, ConsistentRead: true })),
  { source: `${DYN}/batchGetItem.js (range key is too big)`, op: 'BatchGetItem',
    body: (f) => ({ RequestItems: { [f.range]: { Keys: [{ a: { S: 'k' }, b: s(1025) }] } } }), message: RANGE },
  { source: `${DYN}/batchWriteItem.js (range key is too big)`, op: 'BatchWriteItem',
    body: (f) => ({ RequestItems: { [f.range]: [{ PutRequest: { Item: { a: { S: 'k' }, b: s(1025) } } }] } }), message: RANGE },
  { source: 'EXT (DeleteItem, sort key > 1024 bytes)', op: 'DeleteItem', body: (f) => ({ TableName: f.range, Key: { a: { S: 'k' }, b: s(1025) } }), message: RANGE },
  { source: 'EXT (UpdateItem, sort key > 1024 bytes)', op: 'UpdateItem',
    body: (f) => ({ TableName: f.range, Key: { a: { S: 'k' }, b: s(1025) }, UpdateExpression: 'SET z = :v', ExpressionAttributeValues: { ':v': { N: '1' } } }), message: RANGE },
  // A GSI partition key: the range fixture's index4 is keyed on `c`.
  { source: 'IDX (PutItem, GSI partition key of 2049 bytes)', op: 'PutItem',
    body: (f) => ({ TableName: f.range, Item: { a: { S: 'k' }, b: { S: 'k' }, c: s(2049) } }), message: `${INDEX_KEY}2049 bytes Max Size: 2048 bytes IndexName: index4` },
  { source: 'IDX (PutItem, GSI partition key of 43398 bytes, dynalite #35)', op: 'PutItem',
    body: (f) => ({ TableName: f.range, Item: { a: { S: 'k' }, b: { S: 'k' }, c: s(43398) } }), message: `${INDEX_KEY}43398 bytes Max Size: 2048 bytes IndexName: index4` },
  { source: 'IDX (PutItem, GSI partition key of 1025 two-byte characters: the size is in UTF-8 bytes)', op: 'PutItem',
    body: (f) => ({ TableName: f.range, Item: { a: { S: 'k' }, b: { S: 'k' }, c: { S: '\u00e9'.repeat(1025) } } }), message: `${INDEX_KEY}2050 bytes Max Size: 2048 bytes IndexName: index4` },
  // A Query's partition key value over 2048 bytes (QRY): refused, not answered empty.
  { source: 'QRY (Query KeyConditionExpression, S 2049)', op: 'Query',
    body: (f) => ({ TableName: f.hash, KeyConditionExpression: 'a = :a', ExpressionAttributeValues: { ':a': s(2049) } }), message: HASH },
  { source: 'QRY (Query KeyConditionExpression, S of 683 three-byte characters: 2049 UTF-8 bytes)', op: 'Query',
    body: (f) => ({ TableName: f.hash, KeyConditionExpression: 'a = :a', ExpressionAttributeValues: { ':a': { S: '\u20ac'.repeat(683) } } }), message: HASH },
  { source: 'QRY (Query KeyConditions EQ, S 2049, with a sort key condition)', op: 'Query',
    body: (f) => ({ TableName: f.range, KeyConditions: { a: { AttributeValueList: [s(2049)], ComparisonOperator: 'EQ' }, b: { AttributeValueList: [{ S: 'k' }], ComparisonOperator: 'EQ' } } }), message: HASH },
  { source: 'QRY (Query KeyConditionExpression, B 2049)', op: 'Query',
    body: (f) => ({ TableName: f.binary, KeyConditionExpression: 'pk = :k', ExpressionAttributeValues: { ':k': b(2049) } }), message: HASH },
];

registerRows(test, rows);

// The sizes at the limit are accepted and read back (the success halves of the same ALT tests).
let server: Boltstack;
test.before(async () => { server = await startBoltstack(); });
test.after.always(async () => { await server?.stop(); });

async function ok(op: string, body: unknown): Promise<Record<string, any>> {
  const r = await rawCall(server.endpoint, op, body);
  if (r.status !== 200) throw new Error(`${op}: ${JSON.stringify(r.body)}`);
  return r.body;
}
async function makeTable(keys: Array<[string, string]>, extra: Record<string, unknown> = {}): Promise<string> {
  const TableName = uniqueTable('xkl');
  await ok('CreateTable', { TableName, BillingMode: 'PAY_PER_REQUEST', ...extra,
    AttributeDefinitions: [...keys, ...((extra.AttributeDefinitions as Array<[string, string]> | undefined) ?? [])].map(([AttributeName, AttributeType]) => ({ AttributeName, AttributeType })),
    KeySchema: keys.map(([AttributeName], i) => ({ AttributeName, KeyType: i === 0 ? 'HASH' : 'RANGE' })) });
  return TableName;
}
const roundTrip = async (TableName: string, Item: Record<string, unknown>, Key: Record<string, unknown>) => {
  await ok('PutItem', { TableName, Item });
  return (await ok('GetItem', { TableName, Key, ConsistentRead: true })).Item;
};

test(`a 2048-byte partition key, S and B: ${ALT} test_limit_partition_key_len_2048`, async (t) => {
  const ts = await makeTable([['p', 'S']]);
  t.deepEqual(await roundTrip(ts, { p: s(2048), z: { S: 'hello' } }, { p: s(2048) }), { p: s(2048), z: { S: 'hello' } });
  const tb = await makeTable([['p', 'B']]);
  t.deepEqual(await roundTrip(tb, { p: b(2048), z: { S: 'hello' } }, { p: b(2048) }), { p: b(2048), z: { S: 'hello' } });
});

test('a Query with a 2048-byte partition key value, S and B, and with 682 three-byte characters (2046 bytes), finds the item: QRY (the limit is 2048)', async (t) => {
  const ts = await makeTable([['p', 'S']]);
  for (const p of [s(2048), { S: '\u20ac'.repeat(682) }]) {
    await ok('PutItem', { TableName: ts, Item: { p } });
    t.deepEqual((await ok('Query', { TableName: ts, KeyConditionExpression: 'p = :p', ExpressionAttributeValues: { ':p': p } })).Items, [{ p }]);
  }
  const tb = await makeTable([['p', 'B']]);
  await ok('PutItem', { TableName: tb, Item: { p: b(2048) } });
  t.deepEqual((await ok('Query', { TableName: tb, KeyConditionExpression: 'p = :p', ExpressionAttributeValues: { ':p': b(2048) } })).Items, [{ p: b(2048) }]);
});

test('a GSI partition key of 2048 bytes is accepted and indexed: IDX (the limit is "Max Size: 2048 bytes")', async (t) => {
  const TableName = await makeTable([['a', 'S'], ['b', 'S']], {
    AttributeDefinitions: [['c', 'S']],
    GlobalSecondaryIndexes: [{ IndexName: 'index4', KeySchema: [{ AttributeName: 'c', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } }],
  });
  const item = { a: { S: 'k' }, b: { S: 'k' }, c: s(2048) };
  await ok('PutItem', { TableName, Item: item });
  const q = await ok('Query', { TableName, IndexName: 'index4', KeyConditionExpression: 'c = :c', ExpressionAttributeValues: { ':c': item.c } });
  t.deepEqual(q.Items, [item]);
});

test(`a 1024-byte sort key, S and B: ${ALT} test_limit_sort_key_len_1024`, async (t) => {
  const ts = await makeTable([['p', 'S'], ['c', 'S']]);
  const ks = { p: { S: 'k' }, c: s(1024) };
  t.deepEqual(await roundTrip(ts, ks, ks), ks);
  const tb = await makeTable([['p', 'S'], ['c', 'B']]);
  const kb = { p: { S: 'k' }, c: b(1024) };
  t.deepEqual(await roundTrip(tb, kb, kb), kb);
});

test(`a table sort key and an LSI sort key of 1024 bytes each: ${ALT} test_limit_sort_key_len_lsi ("Aggregated" does not add them up)`, async (t) => {
  const TableName = await makeTable([['a', 'S'], ['b', 'S']], {
    AttributeDefinitions: [['c', 'S']],
    LocalSecondaryIndexes: [{ IndexName: 'lsi', KeySchema: [{ AttributeName: 'a', KeyType: 'HASH' }, { AttributeName: 'c', KeyType: 'RANGE' }], Projection: { ProjectionType: 'ALL' } }],
  });
  const item = { a: { S: 'hello' }, b: s(1024), c: { S: 'y'.repeat(1024) } };
  t.deepEqual(await roundTrip(TableName, item, { a: item.a, b: item.b }), item);
  const q = await ok('Query', { TableName, IndexName: 'lsi', ConsistentRead: true, KeyConditions: {
    a: { AttributeValueList: [{ S: 'hello' }], ComparisonOperator: 'EQ' }, c: { AttributeValueList: [item.c], ComparisonOperator: 'EQ' } } });
  t.deepEqual(q.Items, [item]);
});
