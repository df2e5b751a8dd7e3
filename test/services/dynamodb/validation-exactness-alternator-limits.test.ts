/**
 * Name-length and expression-size refusals as ScyllaDB Alternator's test_limits.py asserts them
 * (tests that pass on AWS DynamoDB), the cases validation-exactness-alternator.test.ts does not
 * already hold, row by row (see exactness-rows.ts). Alternator's test_table_s (hash `p`) is the
 * hash fixture (hash `a`); its attributes `a`, `b` are `x`, `y`. Not here (boltstack differs, no
 * exact wording to follow): test_limit_attribute_length_gsi_lsi_projection_bad (a 256-character
 * NonKeyAttributes name is accepted).
 */
import test from 'ava';
import { registerRows, type Fixtures, type Row } from './exactness-rows.js';

const LIM = 'scylladb/scylladb test/alternator/test_limits.py';
type V = Record<string, unknown>;
const LONG = 'k'.repeat(256);
const SHORT = 'incoherent-short-name';
const S = (AttributeName: string) => ({ AttributeName, AttributeType: 'S' });
const K = (AttributeName: string, KeyType: string) => ({ AttributeName, KeyType });
const ALL = { ProjectionType: 'ALL' };
let ct = 0;
const table = (extra: V) => () => ({ TableName: `alt-lim-${process.pid}-${ct++}`, BillingMode: 'PAY_PER_REQUEST', KeySchema: [K('a', 'HASH'), K('b', 'RANGE')], ...extra });
const create = (test: string, extra: V): Row => ({ source: `${LIM} ${test}`, op: 'CreateTable', body: table(extra), message: /25[56]/ });
const KEY = { a: { S: 'alt-lim' } };
const SPACES = ' '.repeat(4085);
/** An UpdateItem `SET z = :val` of the hash fixture's item under this ConditionExpression. */
const cond = (test: string, ConditionExpression: string, message: RegExp): Row => ({ source: `${LIM} ${test}`, op: 'UpdateItem',
  body: (f: Fixtures) => ({ TableName: f.hash, Key: KEY, UpdateExpression: 'SET z = :val', ConditionExpression, ExpressionAttributeValues: { ':val': { N: '1' } } }), message });

const rows: Row[] = [
  { source: `${LIM} test_limit_attribute_length_key_bad_incoherent_names (RANGE named only in KeySchema)`, op: 'CreateTable',
    body: table({ KeySchema: [K('x', 'HASH'), K(LONG, 'RANGE')], AttributeDefinitions: [S(SHORT), S('x')] }), message: /25[56]/ },
  { source: `${LIM} test_limit_attribute_length_key_bad_incoherent_names (RANGE named only in AttributeDefinitions)`, op: 'CreateTable',
    body: table({ KeySchema: [K('x', 'HASH'), K(SHORT, 'RANGE')], AttributeDefinitions: [S(LONG), S('x')] }), message: /25[56]/ },
  create('test_limit_attribute_length_gsi_lsi_bad_incoherent_names (GSI, long definition)', { AttributeDefinitions: [S('a'), S('b'), S(LONG)],
    GlobalSecondaryIndexes: [{ IndexName: 'gsi', KeySchema: [K(SHORT, 'HASH')], Projection: ALL }] }),
  create('test_limit_attribute_length_gsi_lsi_bad_incoherent_names (GSI, long key)', { AttributeDefinitions: [S('a'), S('b'), S(SHORT)],
    GlobalSecondaryIndexes: [{ IndexName: 'gsi', KeySchema: [K(LONG, 'HASH')], Projection: ALL }] }),
  create('test_limit_attribute_length_gsi_lsi_bad_incoherent_names (LSI, long definition)', { AttributeDefinitions: [S('a'), S('b'), S(LONG)],
    LocalSecondaryIndexes: [{ IndexName: 'lsi', KeySchema: [K('a', 'HASH'), K(SHORT, 'RANGE')], Projection: ALL }] }),
  create('test_limit_attribute_length_gsi_lsi_bad_incoherent_names (LSI, long key)', { AttributeDefinitions: [S('a'), S('b'), S(SHORT)],
    LocalSecondaryIndexes: [{ IndexName: 'lsi', KeySchema: [K('a', 'HASH'), K(LONG, 'RANGE')], Projection: ALL }] }),
  { source: `${LIM} test_limit_expression_len (ProjectionExpression)`, op: 'GetItem', body: (f) => ({ TableName: f.hash, Key: KEY, ProjectionExpression: 'x'.repeat(4097) }),
    message: /ProjectionExpression/ },
  { source: `${LIM} test_limit_expression_len (UpdateExpression)`, op: 'UpdateItem',
    body: (f) => ({ TableName: f.hash, Key: KEY, UpdateExpression: `SET ${SPACES}x = :val`, ExpressionAttributeValues: { ':val': { N: '1' } } }), message: /UpdateExpression/ },
  { source: `${LIM} test_limit_expression_len (ConditionExpression)`, op: 'UpdateItem', body: (f) => ({ TableName: f.hash, Key: KEY, UpdateExpression: 'SET x = :newval',
    ConditionExpression: `x ${SPACES} = :oldval`, ExpressionAttributeValues: { ':newval': { N: '3' }, ':oldval': { N: '2' } } }), message: /ConditionExpression/ },
  { source: `${LIM} test_limit_expression_len (FilterExpression)`, op: 'Query', body: (f) => ({ TableName: f.hash, ConsistentRead: true,
    KeyConditions: { a: { AttributeValueList: [{ S: 'alt-lim' }], ComparisonOperator: 'EQ' } }, FilterExpression: `x ${SPACES} = :theval`,
    ExpressionAttributeValues: { ':theval': { N: '2' } } }), message: /FilterExpression/ },
  cond('test_limit_expression_len_crash1', 'x<y ' + 'and (x<y '.repeat(20000) + ')'.repeat(20000), /expression size/),
  cond('test_limit_expression_len_crash2', '('.repeat(20000) + 'x<y' + ')'.repeat(20000), /expression size/),
  cond('test_limit_expression_len_crash3', '('.repeat(15000), /expression size/),
  cond('test_limit_expression_len_crash4', 'not '.repeat(20000) + 'x<y', /expression size/),
  cond('test_limit_expression_len_crash5', 'x < ' + 'f('.repeat(20000) + 'y' + ')'.repeat(20000), /expression size/),
  // Deeper than the parser's stack: the answer, not an InternalFailure (deep-parentheses.ts).
  cond('test_deeply_nested_expression_1', '('.repeat(4096), /ConditionExpression/),
  cond('test_deeply_nested_expression_3 (its comment quotes AWS)', '('.repeat(2046) + 'x<y' + ')'.repeat(2046),
    /Invalid ConditionExpression: The expression has redundant parentheses;$/),
  // test_deeply_nested_expression_2's comment quotes AWS: it stops counting at the 301st operator.
  cond('test_deeply_nested_expression_2 (depth 454)', 'x<y ' + 'or (x<y '.repeat(454) + ')'.repeat(454),
    /Invalid ConditionExpression: The expression contains too many operators; operator count: 301$/),
  cond('test_deeply_nested_expression_4', 'not '.repeat(1000) + 'x<y', /ConditionExpression/),
  cond('test_deeply_nested_expression_5 (f, its comment quotes AWS)', 'x < ' + 'f('.repeat(1355) + 'y' + ')'.repeat(1355),
    /Invalid ConditionExpression: Invalid function name; function: f$/),
  cond('test_deeply_nested_expression_5 (size)', 'x < ' + 'size('.repeat(680) + 'y' + ')'.repeat(680), /ConditionExpression/),
];

registerRows(test, rows);
