/**
 * ConditionExpression refusals as ScyllaDB Alternator's test_condition_expression.py asserts them
 * (tests that pass on AWS DynamoDB), row by row (see exactness-rows.ts); its
 * test_condition_expression_attribute_updates row lives in validation-exactness-alternator-items.
 * Alternator's test_table_s (hash `p`) is the hash fixture (hash `a`); its attribute `a` is `x`.
 */
import test from 'ava';
import { registerRows, type Fixtures, type Row } from './exactness-rows.js';

const CE = 'scylladb/scylladb test/alternator/test_condition_expression.py';
type V = Record<string, unknown>;
const N = (n: number) => ({ N: String(n) });
const KEY = { a: { S: 'alt-ce' } };

/** An UpdateItem `SET z = :val` of the hash fixture's item under this ConditionExpression. */
const upd = (test: string, ConditionExpression: string, values: V, message: RegExp): Row => ({ source: `${CE} ${test}`, op: 'UpdateItem',
  body: (f: Fixtures) => ({ TableName: f.hash, Key: KEY, UpdateExpression: 'SET z = :val', ConditionExpression, ExpressionAttributeValues: { ':val': N(1), ...values } }),
  message });
/** test_update_condition_unused_entries_failed: one unused entry, in each of the three writes. */
const unused = (label: string, values: V, names: V, message: RegExp): Row[] => [
  { source: `${CE} test_update_condition_unused_entries_failed (UpdateItem, ${label})`, op: 'UpdateItem', body: (f) => ({ TableName: f.hash, Key: KEY,
    UpdateExpression: 'SET #name1 = :val1', ConditionExpression: '#name2 = :val2', ExpressionAttributeValues: { ':val1': N(1), ':val2': N(2), ...values },
    ExpressionAttributeNames: { '#name1': 'x', '#name2': 'b', ...names } }), message },
  { source: `${CE} test_update_condition_unused_entries_failed (DeleteItem, ${label})`, op: 'DeleteItem', body: (f) => ({ TableName: f.hash, Key: KEY,
    ConditionExpression: '#name1 = :val1', ExpressionAttributeValues: { ':val1': N(1), ...values }, ExpressionAttributeNames: { '#name1': 'x', ...names } }), message },
  { source: `${CE} test_update_condition_unused_entries_failed (PutItem, ${label})`, op: 'PutItem', body: (f) => ({ TableName: f.hash, Item: { ...KEY, x: N(3) },
    ConditionExpression: '#name1 = :val1', ExpressionAttributeValues: { ':val1': N(1), ...values }, ExpressionAttributeNames: { '#name1': 'x', ...names } }), message },
];

const rows: Row[] = [
  upd('test_update_condition_in (IN with no operands)', 'x IN ()', {}, /yntax error/),
  upd('test_update_condition_attribute_exists (of a value)', 'attribute_exists (:val)', {}, /path/),
  upd('test_update_condition_attribute_type_unknown', 'attribute_type (x, :type)', { ':type': { S: 'DOG' } }, /DOG/),
  upd('test_update_condition_size (two operands)', 'size(x, x)=:arg', { ':arg': N(5) }, /2/),
  upd('test_update_condition_other_funcs (dog)', 'dog(x)=:arg', { ':arg': N(5) }, /function/),
  upd('test_update_condition_other_funcs (if_not_exists)', 'if_not_exists(x, x)=:arg', { ':arg': N(5) }, /not allowed/),
  upd('test_update_condition_other_funcs (list_append)', 'list_append(x, x)=:arg', { ':arg': N(5) }, /not allowed/),
  upd('test_update_condition_empty', '', {}, /empty/),
  ...unused('val3', { ':val3': N(3) }, {}, /val3/),
  ...unused('name3', {}, { '#name3': 'c' }, /name3/),
];

registerRows(test, rows);
