/**
 * Query's KeyConditionExpression refusals as ScyllaDB Alternator's
 * test_key_condition_expression.py asserts them, row by row (see exactness-rows.ts and
 * validation-exactness-alternator.test.ts for how its `match=` regexes become rows). Its table
 * (hash `p`, numeric range `c`, attribute `a`) is the range fixture here: `p` is `a`, `c` is
 * `b` (a string), its `a` is `x`. Rows whose regex names the key (`.* p`) are left out: with the
 * key renamed `a` the pattern would match almost any message.
 */
import test from 'ava';
import { registerRows, type Fixtures, type Row } from './exactness-rows.js';

const KCE = 'scylladb/scylladb test/alternator/test_key_condition_expression.py';
type V = Record<string, unknown>;
const P = { ':p': { S: 'alt-q' } };
/** A Query on the range fixture. */
const q = (KeyConditionExpression: string, values?: V, extra: V = {}) => (f: Fixtures) =>
  ({ TableName: f.range, KeyConditionExpression, ...(values && { ExpressionAttributeValues: values }), ...extra });

const rows: Row[] = [
  { source: `${KCE} test_key_condition_expression_and_same`, op: 'Query', body: q('a=:p AND a=:p', P), message: /one/ },
  { source: `${KCE} test_key_condition_expression_partition_missing_val`, op: 'Query', body: q('a=:p'), message: /:p/ },
  { source: `${KCE} test_key_condition_expression_partition_unused_val`, op: 'Query', body: q('a=:p', { ...P, ':qq': { N: '3' } }), message: /qq/ },
  { source: `${KCE} test_key_condition_expression_partition_eq_only`, op: 'Query', body: q('a<:p', P), message: /supported/ },
  { source: `${KCE} test_key_condition_expression_unknown (dog)`, op: 'Query', body: q('a=:p AND dog(b, :c)', { ...P, ':c': { S: '3' } }), message: /dog/ },
  { source: `${KCE} test_key_condition_expression_unknown (attribute_exists)`, op: 'Query', body: q('a=:p AND attribute_exists(b)', P), message: /attribute_exists/ },
  { source: `${KCE} test_key_condition_expression_parser (<>)`, op: 'Query', body: q('a=:p AND b<>:c', { ...P, ':c': { S: '5' } }), message: /operator/ },
  { source: `${KCE} test_key_condition_expression_parser (IN)`, op: 'Query', body: q('a=:p AND b IN (:c)', { ...P, ':c': { S: '5' } }), message: /operator/ },
  { source: `${KCE} test_key_condition_expression_parser (OR)`, op: 'Query', body: q('b=:c OR a=:p', { ...P, ':c': { S: '3' } }), message: /OR/ },
  { source: `${KCE} test_key_condition_expression_parser (NOT)`, op: 'Query', body: q('NOT b=:c AND a=:p', { ...P, ':c': { S: '3' } }), message: /NOT/ },
  { source: `${KCE} test_key_condition_expression_syntax`, op: 'Query', body: q('a=:p AND b!=:c', { ...P, ':c': { S: '3' } }), message: /yntax/ },
  { source: `${KCE} test_key_condition_expression_empty`, op: 'Query', body: q(''), message: /empty/ },
  { source: `${KCE} test_key_condition_expression_non_key (two conditions)`, op: 'Query', body: q('a=:p AND x<:x', { ...P, ':x': { N: '3' } }), message: /key/ },
  { source: `${KCE} test_key_condition_expression_non_key (a nested path)`, op: 'Query', body: q('a=:p AND x.b<:x', { ...P, ':x': { N: '3' } }), message: /nested/ },
  { source: `${KCE} test_key_condition_expression_name_ref_error (undefined)`, op: 'Query',
    body: q('#name1=:p AND #name2=:c', { ...P, ':c': { S: '3' } }, { ExpressionAttributeNames: { '#name1': 'a' } }), message: /name2/ },
  { source: `${KCE} test_key_condition_expression_name_ref_error (unused)`, op: 'Query',
    body: q('#name1=:p', P, { ExpressionAttributeNames: { '#name1': 'a', '#name2': 'b' } }), message: /name2/ },
  { source: `${KCE} test_key_condition_expression_wrong_type (hash)`, op: 'Query', body: q('a=:num', { ':num': { N: '3' } }), message: /type/ },
  { source: `${KCE} test_key_condition_expression_wrong_type (range)`, op: 'Query', body: q('a=:p AND b=:num', { ...P, ':num': { N: '3' } }), message: /type/ },
  { source: `${KCE} test_key_condition_expression_str_begins_case`, op: 'Query', body: q('a=:p AND BEGINS_WITH(b,:c)', { ...P, ':c': { S: '00' } }), message: /BEGINS_WITH/ },
  { source: `${KCE} test_key_condition_expression_and_conditions`, op: 'Query',
    body: q('a=:p', P, { KeyConditions: { b: { AttributeValueList: [{ S: '3' }], ComparisonOperator: 'GT' } } }), message: /both/ },
];

registerRows(test, rows);
