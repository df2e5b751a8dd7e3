/**
 * PutItem, GetItem, UpdateItem (AttributeUpdates), DeleteItem and BatchWriteItem refusals as
 * ScyllaDB Alternator's test_item.py asserts them, row by row (see exactness-rows.ts and
 * validation-exactness-alternator.test.ts for how its `match=` regexes become rows). Alternator's
 * attribute `a` is `x` here (the fixtures' key is `a`); its composite table `test_table` is the
 * range fixture (hash `a`, range `b`), its binary-keyed `test_table_b` the binary fixture.
 */
import test from 'ava';
import { registerRows, type Fixtures, type Row } from './exactness-rows.js';

const IT = 'scylladb/scylladb test/alternator/test_item.py';
const BA = 'scylladb/scylladb test/alternator/test_batch.py';
const put = (Item: V) => ({ PutRequest: { Item } });
const del = (Key: V) => ({ DeleteRequest: { Key } });
const hk = (k: string): V => ({ a: { S: k } });
const rk = (k: string, c: string): V => ({ a: { S: k }, b: { S: c } });
type V = Record<string, unknown>;

let n = 0;
/**
 * AttributeUpdates on a fresh item of the hash fixture, after a PutItem of `x` (when given). Each
 * row gets its own key: ava runs a file's rows concurrently, so a shared key races.
 */
function au(prefix: string, update: V, x?: V): Pick<Row, 'body' | 'setup'> {
  const key = `${prefix}-${n++}`;
  return {
    ...(x && { setup: [{ op: 'PutItem', body: (f: Fixtures) => ({ TableName: f.hash, Item: { a: { S: key }, x } }) }] }),
    body: (f: Fixtures) => ({ TableName: f.hash, Key: { a: { S: key } }, AttributeUpdates: { x: update } }),
  };
}

/** test_update_item_delete: a Value on DELETE is refused for every type but a set. */
const notSets: Array<[string, V]> = [['S', { S: 'b' }], ['N', { N: '3' }], ['B', { B: 'Yg==' }], ['BOOL true', { BOOL: true }], ['BOOL false', { BOOL: false }],
  ['NULL', { NULL: true }], ['L', { L: [{ N: '2' }, { N: '3' }] }], ['M', { M: { a: { N: '3' } } }]];

/** test_update_item_add: ADD refuses other types (`type`) and mixing numbers, sets and lists (`mismatch`). */
const adds: Array<[string, V, V, RegExp]> = [
  ['NS + SS', { NS: ['1', '2'] }, { SS: ['a'] }, /mismatch/],
  ['S + S', { S: 'dog' }, { S: 's' }, /type/],
  ['M + M', { M: { x: { N: '1' } } }, { M: { y: { N: '2' } } }, /type/],
  ['SS + S', { SS: ['dog'] }, { S: 'cat' }, /type/],
  ['SS + N', { SS: ['dog'] }, { N: '2' }, /mismatch/],
  ['SS + L', { SS: ['dog'] }, { L: [{ S: 'cat' }] }, /mismatch/],
  ['L + SS', { L: [{ S: 'dog' }] }, { SS: ['cat'] }, /mismatch/],
  ['L + N', { L: [{ S: 'dog' }] }, { N: '3' }, /mismatch/],
  ['N + L', { N: '2' }, { L: [{ S: 'dog' }] }, /mismatch/],
  ['N + SS', { N: '2' }, { SS: ['dog'] }, /mismatch/],
];

const rows: Row[] = [
  { source: `${IT} test_getitem_attributes_to_get_duplicate`, op: 'GetItem',
    body: (f) => ({ TableName: f.range, Key: { a: { S: 'alt-get' }, b: { S: 'alt-get' } }, AttributesToGet: ['x', 'x'], ConsistentRead: true }), message: /Duplicate/ },
  ...notSets.map(([type, value]): Row => ({ source: `${IT} test_update_item_delete (a Value of type ${type})`, op: 'UpdateItem',
    ...au('alt-del', { Action: 'DELETE', Value: value }, value), message: /type/ })),
  { source: `${IT} test_update_item_delete (a set Value on a map)`, op: 'UpdateItem', ...au('alt-del', { Action: 'DELETE', Value: { NS: ['1', '2'] } }, { M: { a: { N: '3' } } }),
    message: /mismatch/ },
  { source: `${IT} test_update_item_delete (SS from NS)`, op: 'UpdateItem', ...au('alt-del', { Action: 'DELETE', Value: { SS: ['hi'] } }, { NS: ['1', '2', '3'] }), message: /mismatch/ },
  { source: `${IT} test_update_item_delete (an empty set)`, op: 'UpdateItem', ...au('alt-del', { Action: 'DELETE', Value: { NS: [] } }, { NS: ['1', '2', '3'] }), message: /empty/ },
  ...adds.map(([label, x, value, message]): Row => ({ source: `${IT} test_update_item_add (${label})`, op: 'UpdateItem', ...au('alt-add', { Action: 'ADD', Value: value }, x), message })),
  { source: `${IT} test_update_item_empty_attribute`, op: 'UpdateItem', ...au('alt-empty', { Action: 'PUT', Value: { SS: [] } }), message: /empty/ },
  { source: `${IT} test_update_item_empty_key (S)`, op: 'UpdateItem',
    body: (f) => ({ TableName: f.hash, Key: { a: { S: '' } }, AttributeUpdates: { v: { Action: 'PUT', Value: { S: 'abc' } } } }), message: /empty/ },
  { source: `${IT} test_update_item_empty_key (B)`, op: 'UpdateItem',
    body: (f) => ({ TableName: f.binary, Key: { pk: { B: '' } }, AttributeUpdates: { v: { Action: 'PUT', Value: { S: 'abc' } } } }), message: /empty/ },
  { source: `${IT} test_update_item_empty_key (sort key)`, op: 'UpdateItem',
    body: (f) => ({ TableName: f.range, Key: { a: { S: 'abc' }, b: { S: '' } }, AttributeUpdates: { v: { Action: 'PUT', Value: { S: 'abc' } } } }), message: /empty/ },
  { source: `${IT} test_put_item_empty_attribute`, op: 'PutItem', body: (f) => ({ TableName: f.hash, Item: { a: { S: 'alt-put-empty' }, x: { SS: [] } } }), message: /empty/ },
  { source: `${IT} test_put_item_empty_key (B)`, op: 'PutItem', body: (f) => ({ TableName: f.binary, Item: { pk: { B: '' }, v: { S: 'something' } } }), message: /empty/ },
  { source: `${IT} test_key_empty_string_value (PutItem hash)`, op: 'PutItem', body: (f) => ({ TableName: f.range, Item: { a: { S: '' }, b: { S: 'c' } } }), message: /empty string/ },
  { source: `${IT} test_key_empty_string_value (PutItem sort)`, op: 'PutItem', body: (f) => ({ TableName: f.range, Item: { a: { S: 'p' }, b: { S: '' } } }), message: /empty string/ },
  { source: `${IT} test_key_empty_string_value (UpdateItem hash)`, op: 'UpdateItem',
    body: (f) => ({ TableName: f.range, Key: { a: { S: '' }, b: { S: 'c' } }, AttributeUpdates: { x: { Value: { N: '3' }, Action: 'PUT' } } }), message: /empty string/ },
  { source: `${IT} test_key_empty_string_value (UpdateItem sort)`, op: 'UpdateItem',
    body: (f) => ({ TableName: f.range, Key: { a: { S: 'p' }, b: { S: '' } }, AttributeUpdates: { x: { Value: { N: '3' }, Action: 'PUT' } } }), message: /empty string/ },
  { source: `${IT} test_key_empty_string_value (BatchWriteItem hash)`, op: 'BatchWriteItem',
    body: (f) => ({ RequestItems: { [f.range]: [{ PutRequest: { Item: { a: { S: '' }, b: { S: 'c' } } } }] } }), message: /empty string/ },
  { source: `${IT} test_key_empty_string_value (BatchWriteItem sort)`, op: 'BatchWriteItem',
    body: (f) => ({ RequestItems: { [f.range]: [{ PutRequest: { Item: { a: { S: 'p' }, b: { S: '' } } } }] } }), message: /empty string/ },
  { source: `${IT} test_key_empty_bytes_value (UpdateItem)`, op: 'UpdateItem',
    body: (f) => ({ TableName: f.binary, Key: { pk: { B: '' } }, AttributeUpdates: { x: { Value: { N: '3' }, Action: 'PUT' } } }), message: /empty/ },
  { source: `${IT} test_key_empty_bytes_value (BatchWriteItem)`, op: 'BatchWriteItem', body: (f) => ({ RequestItems: { [f.binary]: [{ PutRequest: { Item: { pk: { B: '' } } } }] } }),
    message: /empty/ },

  { source: 'scylladb/scylladb test/alternator/test_condition_expression.py test_condition_expression_attribute_updates', op: 'UpdateItem',
    body: (f) => ({ TableName: f.hash, Key: { a: { S: 'alt-ce' } }, AttributeUpdates: { x: { Value: { N: '1' }, Action: 'PUT' } }, ConditionExpression: 'x = :oldval',
      ExpressionAttributeValues: { ':oldval': { N: '2' } } }), message: /ConditionExpression/ },

  // test_unused_entries_no_expression: the maps without an expression name themselves.
  { source: `${IT} test_unused_entries_no_expression (PutItem names)`, op: 'PutItem',
    body: (f) => ({ TableName: f.hash, Item: { a: { S: 'alt-u' }, x: { S: 'dog' } }, ExpressionAttributeNames: { '#name1': 'x' } }), message: /ExpressionAttributeNames/ },
  { source: `${IT} test_unused_entries_no_expression (PutItem values)`, op: 'PutItem',
    body: (f) => ({ TableName: f.hash, Item: { a: { S: 'alt-u' }, x: { S: 'dog' } }, ExpressionAttributeValues: { ':val1': { N: '1' } } }), message: /ExpressionAttributeValues/ },
  { source: `${IT} test_unused_entries_no_expression (DeleteItem names)`, op: 'DeleteItem',
    body: (f) => ({ TableName: f.hash, Key: { a: { S: 'alt-u' } }, ExpressionAttributeNames: { '#name1': 'x' } }), message: /ExpressionAttributeNames/ },
  { source: `${IT} test_unused_entries_no_expression (DeleteItem values)`, op: 'DeleteItem',
    body: (f) => ({ TableName: f.hash, Key: { a: { S: 'alt-u' } }, ExpressionAttributeValues: { ':val1': { N: '1' } } }), message: /ExpressionAttributeValues/ },
  { source: `${IT} test_unused_entries_no_expression (UpdateItem names)`, op: 'UpdateItem',
    body: (f) => ({ TableName: f.hash, Key: { a: { S: 'alt-u' } }, AttributeUpdates: { x: { Value: { S: 'dog' }, Action: 'PUT' } }, ExpressionAttributeNames: { '#name1': 'x' } }),
    message: /ExpressionAttributeNames/ },
  { source: `${IT} test_unused_entries_no_expression (UpdateItem values)`, op: 'UpdateItem',
    body: (f) => ({ TableName: f.hash, Key: { a: { S: 'alt-u' } }, AttributeUpdates: { x: { Value: { S: 'dog' }, Action: 'PUT' } }, ExpressionAttributeValues: { ':val1': { N: '1' } } }),
    message: /ExpressionAttributeValues/ },
  { source: `${IT} test_unused_entries_no_expression (GetItem names)`, op: 'GetItem',
    body: (f) => ({ TableName: f.hash, Key: { a: { S: 'alt-u' } }, ExpressionAttributeNames: { '#name1': 'x' } }), message: /ExpressionAttributeNames/ },

  // test_batch.py: a key twice in one batch ("Provided list of item keys contains duplicates"), and more than 25 writes.
  ...([['two puts', () => [put(hk('alt-d')), put(hk('alt-d'))], 'hash'], ['two puts', () => [put(rk('alt-d', 'c')), put(rk('alt-d', 'c'))], 'range'],
    ['two deletes', () => [del(hk('alt-d')), del(hk('alt-d'))], 'hash'], ['two deletes', () => [del(rk('alt-d', 'c')), del(rk('alt-d', 'c'))], 'range'],
    ['a delete and a put', () => [del(hk('alt-d')), put(hk('alt-d'))], 'hash'], ['a delete and a put', () => [del(rk('alt-d', 'c')), put(rk('alt-d', 'c'))], 'range'],
  ] as const).map(([label, requests, on]): Row => ({ source: `${BA} test_batch_write_duplicate_* (${label}, ${on} table)`, op: 'BatchWriteItem',
    body: (f) => ({ RequestItems: { [on === 'hash' ? f.hash : f.range]: requests() } }), message: /duplicates/ })),
  { source: `${BA} test_batch_get_item_duplicate (hash table)`, op: 'BatchGetItem', body: (f) => ({ RequestItems: { [f.hash]: { Keys: [hk('alt-d'), hk('alt-d')] } } }),
    message: /duplicates/ },
  { source: `${BA} test_batch_get_item_duplicate (range table)`, op: 'BatchGetItem', body: (f) => ({ RequestItems: { [f.range]: { Keys: [rk('alt-d', 'c'), rk('alt-d', 'c')] } } }),
    message: /duplicates/ },
  { source: `${BA} test_batch_write_item_too_many (105 puts)`, op: 'BatchWriteItem',
    body: (f) => ({ RequestItems: { [f.range]: Array.from({ length: 105 }, (_, i) => put(rk('alt-many', String(i)))) } }), message: /length/ },
  { source: `${BA} test_batch_write_item_too_many (105 deletes)`, op: 'BatchWriteItem',
    body: (f) => ({ RequestItems: { [f.range]: Array.from({ length: 105 }, (_, i) => del(rk('alt-many', String(i)))) } }), message: /length/ },
];

registerRows(test, rows);
