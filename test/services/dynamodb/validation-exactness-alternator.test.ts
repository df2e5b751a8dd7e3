/**
 * UpdateExpression refusals as ScyllaDB Alternator's tests assert them (see exactness-rows.ts).
 * Those tests run against real DynamoDB too and match the error with a regex
 * (`pytest.raises(ClientError, match='ValidationException.*overlap')`: botocore's text is
 * "An error occurred (ValidationException) when calling ...: <message>"), so each row checks the
 * type and searches the message for the regex's part after `ValidationException.*`, as the
 * source does. Rows whose source matches only 'ValidationException' are left out (no wording).
 * Alternator's attribute `a` is `x` here (the fixtures' key is `a`); its composite table is the
 * range fixture (hash `a`, range `b`).
 */
import test from 'ava';
import { registerRows, type Fixtures, type Row } from './exactness-rows.js';

const UE = 'scylladb/scylladb test/alternator/test_update_expression.py';
/** Its xfail tests fail on Alternator and pass on AWS; numbers as boto3 sends a Decimal (str()). */
const NUM = 'scylladb/scylladb test/alternator/test_number.py';
const LIM = 'scylladb/scylladb test/alternator/test_limits.py';
const PE = 'scylladb/scylladb test/alternator/test_projection_expression.py';
const projectionOverlaps = ['a, a', 'a.b, a.b', 'a[1], a[1]', 'a, a.b', 'a.b, a', 'a.b, a.b[2]', 'a.b, a.b.c', 'a, a.b[2].c', 'a.b.d, a.b', 'a.b.d.e, a.b', 'a.b, a.b.d', 'a.b, a.b.d.e'];
/** A GetItem of the hash fixture's item with a ProjectionExpression (paths checked symbolically, no item needed). */
const get = (ProjectionExpression: string, extra: V = {}) => (f: Fixtures) => ({ TableName: f.hash, Key: { a: { S: 'alt-pe' } }, ConsistentRead: true, ProjectionExpression, ...extra });
/** test_limits.py's names: 64 KiB is one byte too long for a non-key attribute, 256 for a key. */
const TOO_LONG = 'n'.repeat(65536);
const LONG_KEY = 'k'.repeat(256);
let ct = 0;
/** A CreateTable body; each its own name, so a wrongly accepted row changes no other row. */
const table = (extra: V) => () => ({ TableName: `alt-limits-${ct++}`, BillingMode: 'PAY_PER_REQUEST', ...extra });
const S = (AttributeName: string) => ({ AttributeName, AttributeType: 'S' });
const K = (AttributeName: string, KeyType: string) => ({ AttributeName, KeyType });
type V = Record<string, unknown>;

/** An UpdateItem of the hash fixture's item `key`. */
const upd = (key: string, UpdateExpression: string, extra: V = {}) => (f: Fixtures) => ({ TableName: f.hash, Key: { a: { S: key } }, UpdateExpression, ...extra });
/** A PutItem of the hash fixture's item `key`, run first (each row its own key: ava runs rows concurrently). */
const seed = (key: string, attrs: V) => [{ op: 'PutItem', body: (f: Fixtures) => ({ TableName: f.hash, Item: { a: { S: key }, ...attrs } }) }];
const VALS = { ExpressionAttributeValues: { ':val1': { N: '2' }, ':val2': { S: 'there' } } };

const overlaps = ['SET x = :val1, x.b = :val2', 'SET x.b = :val1, x = :val2', 'SET x.b = :val1, x.b = :val2', 'SET x.b = :val1, x.b.c = :val2',
  'SET x.b.c = :val1, x.b = :val2', 'SET x.b.c = :val1, x.b.c = :val2', 'SET x.b = :val1, x.b.c.d.e = :val2', 'SET x.b.c.d.e = :val1, x.b = :val2',
  'SET x = :val1, x[1] = :val2', 'SET x[1] = :val1, x = :val2', 'SET x[1] = :val1, x[1] = :val2', 'SET x[1][1] = :val1, x[1] = :val2',
  'SET x[1] = :val1, x[1][1] = :val2', 'SET x[1][1] = :val1, x[1][1] = :val2', 'SET x[1][1][1][1] = :val1, x[1][1] = :val2',
  'SET x[1][1] = :val1, x[1][1][1][1] = :val2', 'SET x[1][1][1][1] = :val1, x[1][1][1][1] = :val2'];

const keyUpdates: Array<[string, V]> = [
  ['SET a = :val1', { ':val1': { N: '4' } }], ['SET b = :val1', { ':val1': { N: '4' } }], ['REMOVE a', {}], ['REMOVE b', {}],
  ['ADD a :val1', { ':val1': { N: '4' } }], ['ADD b :val1', { ':val1': { N: '4' } }],
  ['DELETE a :val1', { ':val1': { SS: ['cat', 'mouse'] } }], ['DELETE b :val1', { ':val1': { SS: ['cat', 'mouse'] } }],
];

const rows: Row[] = [
  ...overlaps.map((expr): Row => ({ source: `${UE} test_update_expression_multi_overlap_nested (${expr})`, op: 'UpdateItem', body: upd('alt-overlap', expr, VALS), message: /overlap/ })),
  ...['SET x.b = :val1, x[1] = :val2', 'SET x.b.c = :val1, x.b[2] = :val2'].map((expr): Row => ({
    source: `${UE} test_update_expression_multi_conflict_nested (${expr})`, op: 'UpdateItem', body: upd('alt-conflict', expr, VALS), message: /conflict/ })),
  ...keyUpdates.map(([expr, values]): Row => ({ source: `${UE} test_update_expression_cannot_modify_key (${expr})`, op: 'UpdateItem',
    body: (f) => ({ TableName: f.range, Key: { a: { S: 'alt-key' }, b: { S: 'alt-key' } }, UpdateExpression: expr,
      ...(Object.keys(values).length ? { ExpressionAttributeValues: values } : {}) }), message: /key/ })),
  { source: `${UE} test_update_expression_unknown_function (f)`, op: 'UpdateItem', body: upd('alt-fn', 'SET x = f(b,c,d)'), message: /f/ },
  { source: `${UE} test_update_expression_unknown_function (f123_hi)`, op: 'UpdateItem', body: upd('alt-fn', 'SET x = f123_hi(b,c,d)'), message: /f123_hi/ },
  { source: `${UE} test_update_expression_unknown_function (_f)`, op: 'UpdateItem', body: upd('alt-fn', 'SET x = _f(b,c,d)'), message: /yntax error/ },
  { source: `${UE} test_update_expression_add_numbers (a string value)`, op: 'UpdateItem', setup: seed('alt-addn', { x: { N: '3' }, y: { S: 'hi' } }),
    body: upd('alt-addn', 'ADD x :val1', { ExpressionAttributeValues: { ':val1': { S: 'hello' } } }), message: /type/ },
  { source: `${UE} test_update_expression_add_numbers (to a string attribute)`, op: 'UpdateItem', setup: seed('alt-addn2', { x: { N: '3' }, y: { S: 'hi' } }),
    body: upd('alt-addn2', 'ADD y :val1', { ExpressionAttributeValues: { ':val1': { N: '1' } } }), message: /type/ },
  { source: `${UE} test_update_expression_add_sets (a string value)`, op: 'UpdateItem', setup: seed('alt-adds', { x: { SS: ['dog', 'cat'] } }),
    body: upd('alt-adds', 'ADD x :val1', { ExpressionAttributeValues: { ':val1': { S: 'hello' } } }), message: /type/ },
  { source: `${UE} test_update_expression_add_lists (list to a list)`, op: 'UpdateItem', setup: seed('alt-addl', { x: { L: [{ N: '1' }, { N: '2' }] } }),
    body: upd('alt-addl', 'ADD x :val1', { ExpressionAttributeValues: { ':val1': { L: [{ N: '3' }, { N: '4' }] } } }), message: /operand/ },
  { source: `${UE} test_update_expression_add_lists (list to a set)`, op: 'UpdateItem', setup: seed('alt-addl2', { x: { NS: ['1', '2'] } }),
    body: upd('alt-addl2', 'ADD x :val1', { ExpressionAttributeValues: { ':val1': { L: [{ N: '3' }, { N: '4' }] } } }), message: /operand/ },
  { source: `${UE} test_update_expression_add_lists (set to a list)`, op: 'UpdateItem', setup: seed('alt-addl3', { x: { L: [{ N: '1' }, { N: '2' }] } }),
    body: upd('alt-addl3', 'ADD x :val1', { ExpressionAttributeValues: { ':val1': { NS: ['3', '4'] } } }), message: /operand/ },
  { source: `${UE} test_update_expression_delete_sets (an empty set)`, op: 'UpdateItem', setup: seed('alt-del', { x: { SS: ['dog'] } }),
    body: upd('alt-del', 'DELETE x :val1', { ExpressionAttributeValues: { ':val1': { SS: [] } } }), message: /empty/ },
  { source: `${UE} test_update_expression_delete_sets (a string value)`, op: 'UpdateItem', setup: seed('alt-del2', { x: { SS: ['dog', 'cat'] } }),
    body: upd('alt-del2', 'DELETE x :val1', { ExpressionAttributeValues: { ':val1': { S: 'hello' } } }), message: /type/ },
  { source: `${UE} test_update_expression_nested_attribute_index_reference`, op: 'UpdateItem', setup: seed('alt-idx', { x: { L: [{ S: 'one' }] } }),
    body: upd('alt-idx', 'SET x[:xyz] = :val1', { ExpressionAttributeValues: { ':val1': { S: 'hello' }, ':xyz': { N: '1' } } }), message: /yntax/ },
  { source: `${UE} test_update_expression_nested_attribute_index_reference_name`, op: 'UpdateItem', setup: seed('alt-idx2', { x: { L: [{ S: 'one' }] } }),
    body: upd('alt-idx2', 'SET x[#xyz] = :val1', { ExpressionAttributeValues: { ':val1': { S: 'hello' } } }), message: /yntax/ },
  ...['SET x.c = :val1', 'SET y.c = :val1', 'SET c.c = :val1', 'REMOVE x.c', 'REMOVE y.c', 'REMOVE c.c',
    'SET x[0] = :val1', 'SET b[0] = :val1', 'REMOVE x[0]', 'REMOVE b[0]'].map((expr): Row => ({
    source: `${UE} test_nested_attribute_update_bad_path_${expr.includes('[') ? 'array' : 'dot'} (${expr})`, op: 'UpdateItem',
    setup: seed(`alt-path-${expr}`, { x: { S: 'hello' }, y: { L: [{ S: 'hi' }] } }),
    body: upd(`alt-path-${expr}`, expr, expr.startsWith('SET') ? { ExpressionAttributeValues: { ':val1': { N: '7' } } } : {}), message: /path/ })),
  ...['SET c.c = :val1', 'SET b[0] = :val1'].map((expr): Row => ({ source: `${UE} test_nested_attribute_update_bad_path (${expr}, the item missing)`, op: 'UpdateItem',
    body: upd('alt-path-missing', expr, { ExpressionAttributeValues: { ':val1': { N: '7' } } }), message: /path/ })),
  // test_update_expression_name_token matches only 'ValidationException'; its comment quotes AWS's answer for `SET _123`.
  { source: `${UE} test_update_expression_name_token (the comment's quoted answer)`, op: 'UpdateItem',
    body: upd('alt-name', 'SET _123 = :val1', { ExpressionAttributeValues: { ':val1': { N: '3' } } }), message: /Invalid UpdateExpression: Syntax error; token: "_", near: "SET _123"/ },
  { source: `${UE} test_update_expression_empty_attribute`, op: 'UpdateItem', body: upd('alt-empty', 'SET x = :v', { ExpressionAttributeValues: { ':v': { SS: [] } } }), message: /empty/ },

  // Numbers out of DynamoDB's range or precision (test_number.py).
  ...([['1E+126', /overflow/], ['1.1E+126', /overflow/], ['1E-131', /underflow/], ['9E-131', /underflow/]] as const).map(([n, message]): Row => ({
    source: `${NUM} test_number_magnitude_not_allowed (${n})`, op: 'UpdateItem', body: upd('alt-num', 'SET x = :val', { ExpressionAttributeValues: { ':val': { N: n } } }), message })),
  ...['3.14159265358979323846264338327950288419', '314159265358979323846.264338327950288419', '3.14159265358979323846264338327950288419E+68'].map((n): Row => ({
    source: `${NUM} test_number_precision_not_allowed (${n})`, op: 'UpdateItem', body: upd('alt-num', 'SET x = :val', { ExpressionAttributeValues: { ':val': { N: n } } }),
    message: /significant/ })),
  ...([['1E+126', /overflow/], ['-1.1E+126', /overflow/], ['1E-131', /underflow/], ['-9E-131', /underflow/], ['3.14159265358979323846264338327950288419', /significant/]] as const)
    .map(([n, message]): Row => ({ source: `${NUM} test_number_magnitude_key / test_number_precision_key (${n})`, op: 'UpdateItem',
      body: (f) => ({ TableName: f.numeric, Key: { p: { N: n } }, UpdateExpression: 'SET x = :val', ExpressionAttributeValues: { ':val': { S: 'x' } } }), message })),
  ...([['SET b = :val1 + :val2', '9E+125', '9E+125'], ['SET b = :val1 - :val2', '9E+125', '-9E+125']] as const).map(([expr, v1, v2]): Row => ({
    source: `${NUM} test_update_expression_plus_overflow (${expr})`, op: 'UpdateItem',
    body: upd('alt-num', expr, { ExpressionAttributeValues: { ':val1': { N: v1 }, ':val2': { N: v2 } } }), message: /overflow/ })),
  ...['SET b = :val1 - :val2', 'SET b = :val1 + :val2'].map((expr): Row => ({ source: `${NUM} test_update_expression_plus_imprecise (${expr})`, op: 'UpdateItem',
    body: upd('alt-num', expr, { ExpressionAttributeValues: { ':val1': { N: '1E+50' }, ':val2': { N: '1' } } }), message: /number/ })),
  ...['NaN', 'Infinity', '-Infinity', '-NaN', 'dog', '-dog', ' 1', '1 '].map((n): Row => ({ source: `${NUM} test_invalid_numbers (${JSON.stringify(n)})`, op: 'UpdateItem',
    body: upd('alt-num', 'SET x = :val', { ExpressionAttributeValues: { ':val': { N: n } } }), message: /numeric/ })),

  // Attribute name lengths (test_limits.py; the regex accepts either figure, 65535 or 65536 / 255 or 256).
  { source: `${LIM} test_limit_attribute_length_nonkey_bad (PutItem)`, op: 'PutItem', body: (f) => ({ TableName: f.hash, Item: { a: { S: 'alt-long' }, [TOO_LONG]: { N: '1' } } }), message: /6553[56]/ },
  { source: `${LIM} test_limit_attribute_length_nonkey_bad (GetItem ProjectionExpression)`, op: 'GetItem',
    body: (f) => ({ TableName: f.hash, Key: { a: { S: 'alt-long' } }, ProjectionExpression: '#name', ExpressionAttributeNames: { '#name': TOO_LONG } }), message: /6553[56]/ },
  { source: `${LIM} test_limit_attribute_length_nonkey_bad (GetItem AttributesToGet)`, op: 'GetItem',
    body: (f) => ({ TableName: f.hash, Key: { a: { S: 'alt-long' } }, AttributesToGet: [TOO_LONG] }), message: /6553[56]/ },
  { source: `${LIM} test_limit_attribute_length_nonkey_bad (AttributeUpdates)`, op: 'UpdateItem',
    body: (f) => ({ TableName: f.hash, Key: { a: { S: 'alt-long' } }, AttributeUpdates: { [TOO_LONG]: { Value: { N: '2' }, Action: 'PUT' } } }), message: /6553[56]/ },
  { source: `${LIM} test_limit_attribute_length_nonkey_bad (UpdateExpression)`, op: 'UpdateItem',
    body: upd('alt-long', 'SET #name = :val', { ExpressionAttributeNames: { '#name': TOO_LONG }, ExpressionAttributeValues: { ':val': { N: '3' } } }), message: /6553[56]/ },
  { source: `${LIM} test_limit_attribute_length_nonkey_bad (ConditionExpression)`, op: 'UpdateItem',
    body: upd('alt-long', 'SET x = :val', { ConditionExpression: '#name = :val', ExpressionAttributeNames: { '#name': TOO_LONG }, ExpressionAttributeValues: { ':val': { N: '1' } } }),
    message: /6553[56]/ },
  { source: `${LIM} test_limit_attribute_length_key_bad (HASH)`, op: 'CreateTable', body: table({ KeySchema: [K(LONG_KEY, 'HASH')], AttributeDefinitions: [S(LONG_KEY)] }), message: /25[56]/ },
  { source: `${LIM} test_limit_attribute_length_key_bad (RANGE)`, op: 'CreateTable',
    body: table({ KeySchema: [K('x', 'HASH'), K(LONG_KEY, 'RANGE')], AttributeDefinitions: [S(LONG_KEY), S('x')] }), message: /25[56]/ },
  { source: `${LIM} test_limit_attribute_length_key_bad_incoherent_names (HASH named only in KeySchema)`, op: 'CreateTable',
    body: table({ KeySchema: [K(LONG_KEY, 'HASH')], AttributeDefinitions: [S('incoherent-short-name')] }), message: /25[56]/ },
  { source: `${LIM} test_limit_attribute_length_key_bad_incoherent_names (HASH named only in AttributeDefinitions)`, op: 'CreateTable',
    body: table({ KeySchema: [K('incoherent-short-name', 'HASH')], AttributeDefinitions: [S(LONG_KEY)] }), message: /25[56]/ },
  { source: `${LIM} test_limit_attribute_length_gsi_lsi_bad (GSI)`, op: 'CreateTable', body: table({ KeySchema: [K('a', 'HASH'), K('b', 'RANGE')],
    AttributeDefinitions: [S('a'), S('b'), S(LONG_KEY)], GlobalSecondaryIndexes: [{ IndexName: 'gsi', KeySchema: [K(LONG_KEY, 'HASH')], Projection: { ProjectionType: 'ALL' } }] }),
    message: /25[56]/ },
  { source: `${LIM} test_limit_attribute_length_gsi_lsi_bad (LSI)`, op: 'CreateTable', body: table({ KeySchema: [K('a', 'HASH'), K('b', 'RANGE')],
    AttributeDefinitions: [S('a'), S('b'), S(LONG_KEY)], LocalSecondaryIndexes: [{ IndexName: 'lsi', KeySchema: [K('a', 'HASH'), K(LONG_KEY, 'RANGE')], Projection: { ProjectionType: 'ALL' } }] }),
    message: /25[56]/ },

  // ProjectionExpression paths (test_projection_expression.py; its `a` kept: the checks are symbolic).
  ...projectionOverlaps.map((expr): Row => ({ source: `${PE} test_projection_expression_path_overlap (${expr})`, op: 'GetItem', body: get(expr), message: / overlap/ })),
  { source: `${PE} test_projection_expression_path_conflict (a.b, a[1])`, op: 'GetItem', body: get('a.b, a[1]'), message: / conflict/ },
  { source: `${PE} test_projection_expression_and_attributes_to_get (GetItem)`, op: 'GetItem', body: get('a', { AttributesToGet: ['b'] }), message: /both/ },
  { source: `${PE} test_projection_expression_and_attributes_to_get (Scan)`, op: 'Scan',
    body: (f) => ({ TableName: f.hash, ProjectionExpression: 'a', AttributesToGet: ['a'] }), message: /both/ },
  { source: `${PE} test_projection_expression_and_attributes_to_get (Query)`, op: 'Query',
    body: (f) => ({ TableName: f.hash, KeyConditions: { a: { AttributeValueList: [{ S: 'alt-pe' }], ComparisonOperator: 'EQ' } }, ProjectionExpression: 'a', AttributesToGet: ['a'] }),
    message: /both/ },
];

registerRows(test, rows);
