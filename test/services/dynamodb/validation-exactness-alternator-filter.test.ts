/**
 * Query FilterExpression refusals as ScyllaDB Alternator's test_filter_expression.py asserts them
 * (tests that pass on AWS DynamoDB), row by row (see exactness-rows.ts). Alternator's
 * test_table_sn (hash `p`, range `c`) is the range fixture here: its `p` is `a`, its `c` is `b`.
 * Every Query reads a partition with no items unless a row puts one first: AWS validates the
 * expression before it reads (test_filter_expression_validation_without_results).
 */
import test from 'ava';
import { registerRows, type Fixtures, type Row } from './exactness-rows.js';

const FE = 'scylladb/scylladb test/alternator/test_filter_expression.py';
type V = Record<string, unknown>;
const P = { S: 'alt-fe' };

/** A Query of the range fixture's partition `alt-fe` with this FilterExpression. */
const query = (FilterExpression: string, values: V = {}, extra: V = {}) => (f: Fixtures) => ({
  TableName: f.range, KeyConditionExpression: 'a=:p', FilterExpression, ExpressionAttributeValues: { ':p': P, ...values }, ...extra,
});
const row = (test: string, FilterExpression: string, values: V, message: RegExp, extra: V = {}): Row =>
  ({ source: `${FE} ${test}`, op: 'Query', body: query(FilterExpression, values, extra), message });
const N3 = { N: '3' };
const HELLO = { S: 'hello' };

const rows: Row[] = [
  { source: `${FE} test_filter_expression_partition_key_1`, op: 'Query',
    body: (f) => ({ TableName: f.range, FilterExpression: 'a=:p', ExpressionAttributeValues: { ':p': P } }), message: /Condition/ },
  row('test_filter_expression_partition_key_2', 'a=:p', {}, / a/),
  row('test_filter_expression_sort_key', 'b=:c', { ':c': { S: '3' } }, / key /),
  row('test_filter_expression_missing_val', 'i=:i', {}, /:i/),
  row('test_filter_expression_unused_val', 'i=:i', { ':i': N3, ':qq': N3 }, /qq/),
  row('test_filter_expression_num_between_reverse', 'i BetWEeN :i1 AnD :i2', { ':i1': { N: '5' }, ':i2': N3 }, / BETWEEN/),
  row('test_filter_expression_num_begins', 'begins_with(i, :i)', { ':i': N3 }, /begins_with/),
  { ...row('test_filter_expression_attribute_type (HELLO)', 'attribute_type(r, :t)', { ':t': { S: 'HELLO' } }, /HELLO/),
    setup: [{ op: 'PutItem', body: (f: Fixtures) => ({ TableName: f.range, Item: { a: P, b: { S: 'r' }, r: N3 } }) }] },
  row('test_filter_expression_unknown_function', 'dog(i, :i)', { ':i': N3 }, /dog/),
  row('test_filter_expression_syntax', 'i != :i', { ':i': N3 }, /yntax/),
  row('test_filter_expression_empty', '', {}, /empty/),
  row('test_filter_expression_compare_attributes (to the sort key)', 'i=b', {}, / b/),
  row('test_filter_expression_name_ref_error (missing)', '#name=:i', { ':i': N3 }, /name/),
  row('test_filter_expression_name_ref_error (unused)', '#name=:i', { ':i': N3 }, /another/, { ExpressionAttributeNames: { '#name': 'i', '#another': 'j' } }),
  row('test_filter_expression_and_attributes_to_get', 'x=:x', { ':x': { S: 'mouse' } }, / both/, { AttributesToGet: ['y'] }),
  row('test_filter_expression_validation_without_results (begins_with of a number)', 'begins_with(s, :n)', { ':n': N3 }, /Invalid FilterExpression.*begins_with/),
  row('test_filter_expression_validation_without_results (begins_with, one argument)', 'begins_with(s)', {}, /Invalid FilterExpression.*begins_with/),
  row('test_filter_expression_validation_without_results (dog)', 'dog(s, :v)', { ':v': HELLO }, /Invalid FilterExpression.*dog/),
  row('test_filter_expression_validation_without_results (list_append)', 'list_append(s, :v) = :v', { ':v': HELLO }, /Invalid FilterExpression.*list_append/),
  row('test_filter_expression_validation_without_results (if_not_exists)', 'if_not_exists(s, :v) = :v', { ':v': HELLO },
    /Invalid FilterExpression.*if_not_exists/),
  row('test_filter_expression_validation_without_results (attribute_type of a path)', 'attribute_type(s, i)', {}, /Invalid FilterExpression.*attribute_type/),
];

registerRows(test, rows);
