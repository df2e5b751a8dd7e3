/**
 * CreateTable, UpdateTable, DescribeTable, secondary-index, tagging and TTL refusals as ScyllaDB
 * Alternator's test_table.py, test_describe_table.py, test_gsi.py, test_lsi.py, test_tag.py and
 * test_ttl.py assert them (tests that pass
 * on AWS DynamoDB), row by row (see exactness-rows.ts). Alternator's `match=` regexes run over
 * botocore's "An error occurred (Code) when calling the Op operation: message", so a row keeps
 * only the part of the regex that must sit in the message. Alternator's GSI table test_table_gsi_1
 * is the range fixture here (its GSI `index4` on `c`, KEYS_ONLY).
 */
import test from 'ava';
import { DDB, registerRows, type Fixtures, type Row } from './exactness-rows.js';

const TA = 'scylladb/scylladb test/alternator/test_table.py';
const GSI = 'scylladb/scylladb test/alternator/test_gsi.py';
const LSI = 'scylladb/scylladb test/alternator/test_lsi.py';
const TAG = 'scylladb/scylladb test/alternator/test_tag.py';
const TTL = 'scylladb/scylladb test/alternator/test_ttl.py';
type V = Record<string, unknown>;

const S = (AttributeName: string, AttributeType = 'S') => ({ AttributeName, AttributeType });
const K = (AttributeName: string, KeyType: string) => ({ AttributeName, KeyType });
const ALL = { ProjectionType: 'ALL' };
let ct = 0;
/** A CreateTable body, each its own name, so a wrongly accepted row changes no other row. */
const table = (extra: V) => () => ({ TableName: `alt-tables-${process.pid}-${ct++}`, BillingMode: 'PAY_PER_REQUEST', ...extra });
/** A table with hash `p` and a GSI `hello` of the given shape (test_gsi.py's create_test_table calls). */
const gsiTable = (index: V, defs: V[] = [S('p'), S('x')]) =>
  table({ KeySchema: [K('p', 'HASH')], AttributeDefinitions: defs, GlobalSecondaryIndexes: [{ IndexName: 'hello', KeySchema: [K('x', 'HASH')], Projection: ALL, ...index }] });
const gsiNamed = (IndexName: string) =>
  table({ KeySchema: [K('p', 'HASH')], AttributeDefinitions: [S('p')], GlobalSecondaryIndexes: [{ IndexName, KeySchema: [K('p', 'HASH')], Projection: ALL }] });
const lsiTable = (KeySchema: V[], defs: V[] = [S('p'), S('c'), S('b')]) => table({ KeySchema: [K('p', 'HASH'), K('c', 'RANGE')], AttributeDefinitions: defs,
  LocalSecondaryIndexes: [{ IndexName: 'hello', KeySchema, Projection: ALL }] });

/** A table made by a row's setup (named per row), with TTL optionally enabled on `expiration`. */
function ttlTable(enable: boolean): { name: string; setup: NonNullable<Row['setup']> } {
  const name = `alt-ttl-${process.pid}-${ct++}`;
  const setup: NonNullable<Row['setup']> = [{ op: 'CreateTable', body: () => ({ TableName: name, BillingMode: 'PAY_PER_REQUEST', KeySchema: [K('p', 'HASH')], AttributeDefinitions: [S('p')] }) }];
  if (enable) setup.push({ op: 'UpdateTimeToLive', body: () => ({ TableName: name, TimeToLiveSpecification: { AttributeName: 'expiration', Enabled: true } }) });
  return { name, setup };
}
const ttlRow = (source: string, enable: boolean, spec: V, message: RegExp): Row => {
  const t = ttlTable(enable);
  return { source, op: 'UpdateTimeToLive', setup: t.setup, body: () => ({ TableName: t.name, TimeToLiveSpecification: spec }), message };
};

const NON_KEY_TYPES = ['BOOL', 'BS', 'L', 'M', 'NS', 'NULL', 'SS'];
const BAD_KEYS: Array<[string, V]> = [['BOOL', { BOOL: false }], ['BS', { BS: ['aGk=', 'dGhlcmU='] }], ['L', { L: [{ S: 'hi' }, { N: '3' }] }],
  ['M', { M: { hi: { N: '3' } } }], ['NS', { NS: ['1', '2'] }], ['NULL', { NULL: true }], ['SS', { SS: ['hi', 'there'] }]];
const indexArn = (f: Fixtures) => `arn:aws:dynamodb:us-east-1:000000000000:table/${f.range}/index/index4`;
const lsiName = `alt-lsi-${process.pid}`;

const rows: Row[] = [
  { source: `${TA} test_create_table_duplicate_attribute_name`, op: 'CreateTable',
    body: table({ KeySchema: [K('xyz', 'HASH')], AttributeDefinitions: [S('xyz'), S('xyz', 'N')] }), message: /uplicate.*xyz/ },
  { source: `${TA} test_create_table_invalid_attribute_definitions (no AttributeName)`, op: 'CreateTable',
    body: table({ KeySchema: [K('xyz', 'HASH')], AttributeDefinitions: [{ AttributeType: 'S' }] }), message: /ttributeName/ },
  { source: `${TA} test_create_table_invalid_attribute_definitions (no AttributeType)`, op: 'CreateTable',
    body: table({ KeySchema: [K('xyz', 'HASH')], AttributeDefinitions: [{ AttributeName: 'xyz' }] }), message: /ttributeType/ },
  { source: `${TA} test_create_table_lacking_attribute_definitions`, op: 'CreateTable', body: table({ KeySchema: [K('p', 'HASH')] }), message: /[aA]ttributeDefinitions/ },
  { source: `${TA} test_create_table_already_exists`, op: 'CreateTable', type: DDB('ResourceInUseException'),
    body: (f) => ({ TableName: f.range, BillingMode: 'PAY_PER_REQUEST', KeySchema: [K('p', 'HASH'), K('c', 'RANGE')], AttributeDefinitions: [S('p'), S('c')] }),
    message: /already exists/ },
  // Its re.match(message, expected) passes when the message is a prefix of AWS's full sentence.
  { source: 'scylladb/scylladb test/alternator/test_describe_table.py test_describe_table_non_existent_table', op: 'DescribeTable',
    type: DDB('ResourceNotFoundException'), body: () => ({ TableName: 'non_existent_table' }),
    message: /^Requested resource not found(: Table: non_existent_table not found)?$/ },
  { source: `${TA} test_create_table_spurious_attribute_definitions`, op: 'CreateTable',
    body: table({ KeySchema: [K('p', 'HASH')], AttributeDefinitions: [S('p'), S('c')] }), message: /AttributeDefinitions/ },
  ...NON_KEY_TYPES.flatMap((t): Row[] => [
    { source: `${TA} test_forbidden_key_types (hash ${t})`, op: 'CreateTable', body: table({ KeySchema: [K('p', 'HASH')], AttributeDefinitions: [S('p', t)] }),
      message: new RegExp(`'${t}'`) },
    { source: `${TA} test_forbidden_key_types (range ${t})`, op: 'CreateTable',
      body: table({ KeySchema: [K('p', 'HASH'), K('c', 'RANGE')], AttributeDefinitions: [S('p'), S('c', t)] }), message: new RegExp(`'${t}'`) },
  ]),
  ...BAD_KEYS.map(([t, value]): Row => ({ source: `${TA} test_forbidden_key_types_getitem (${t})`, op: 'GetItem',
    body: (f) => ({ TableName: f.hash, Key: { a: value } }), message: /match/ })),

  { source: `${GSI} test_gsi_missing_index (Query)`, op: 'Query',
    body: (f) => ({ TableName: f.range, IndexName: 'wrong_name', KeyConditions: { x: { AttributeValueList: [{ N: '1' }], ComparisonOperator: 'EQ' } } }), message: /wrong_name/ },
  { source: `${GSI} test_gsi_missing_index (Scan)`, op: 'Scan', body: (f) => ({ TableName: f.range, IndexName: 'wrong_name' }), message: /wrong_name/ },
  { source: `${GSI} test_gsi_strong_consistency (Query)`, op: 'Query', body: (f) => ({ TableName: f.range, IndexName: 'index4', ConsistentRead: true,
    KeyConditions: { c: { AttributeValueList: [{ S: 'hi' }], ComparisonOperator: 'EQ' } } }), message: /Consistent/ },
  { source: `${GSI} test_gsi_strong_consistency (Scan)`, op: 'Scan', body: (f) => ({ TableName: f.range, IndexName: 'index4', ConsistentRead: true }), message: /Consistent/ },
  { source: `${GSI} test_gsi_empty_value`, op: 'PutItem', body: (f) => ({ TableName: f.range, Item: { a: { S: 'alt-gsi' }, b: { S: 'b' }, c: { S: '' } } }), message: /empty/ },
  { source: `${GSI} test_gsi_wrong_type_attribute_put`, op: 'PutItem', body: (f) => ({ TableName: f.range, Item: { a: { S: 'alt-gsi' }, b: { S: 'b' }, c: { N: '3' } } }),
    message: /mismatch/ },
  { source: `${GSI} test_gsi_wrong_type_attribute_update`, op: 'UpdateItem',
    body: (f) => ({ TableName: f.range, Key: { a: { S: 'alt-gsi' }, b: { S: 'b' } }, AttributeUpdates: { c: { Value: { N: '3' }, Action: 'PUT' } } }), message: /mismatch/ },
  { source: `${GSI} test_gsi_wrong_type_attribute_batch`, op: 'BatchWriteItem', body: (f) => ({ RequestItems: { [f.range]: [
    { PutRequest: { Item: { a: { S: 'alt-gsi1' }, b: { S: 'b' }, c: { S: 'x' } } } }, { PutRequest: { Item: { a: { S: 'alt-gsi2' }, b: { S: 'b' }, c: { N: '3' } } } }] } }),
    message: /mismatch/ },
  { source: `${GSI} test_gsi_missing_attribute_definition`, op: 'CreateTable', body: gsiTable({}, [S('p')]), message: /AttributeDefinitions/ },
  // The projection tests are xfail on Alternator (it ignores projections); they pass on AWS.
  { source: `${GSI} test_gsi_projection_error_missing_nonkeyattributes`, op: 'CreateTable', body: gsiTable({ Projection: { ProjectionType: 'INCLUDE' } }),
    message: /NonKeyAttributes/ },
  { source: `${GSI} test_gsi_projection_error_superflous_nonkeyattributes`, op: 'CreateTable',
    body: gsiTable({ Projection: { ProjectionType: 'ALL', NonKeyAttributes: ['a'] } }), message: /NonKeyAttributes/ },
  { source: `${GSI} test_gsi_projection_error_duplicate`, op: 'CreateTable', body: gsiTable({ Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['a', 'a'] } }),
    message: /Duplicate/ },
  { source: `${GSI} test_gsi_bad_projection_type`, op: 'CreateTable', body: gsiTable({ Projection: { ProjectionType: 'nonsense' } }), message: /nonsense/ },
  { source: `${GSI} test_gsi_missing_projection_type`, op: 'CreateTable', body: gsiTable({ Projection: {} }), message: /ProjectionType/ },
  { source: `${GSI} test_gsi_backfill (an index name that exists)`, op: 'UpdateTable', body: (f) => ({ TableName: f.range, AttributeDefinitions: [S('y')],
    GlobalSecondaryIndexUpdates: [{ Create: { IndexName: 'index4', KeySchema: [K('y', 'HASH')], Projection: ALL } }] }), message: /already exists/ },
  { source: `${GSI} test_gsi_unsupported_names (n)`, op: 'CreateTable', body: gsiNamed('n'), message: /3/ },
  { source: `${GSI} test_gsi_unsupported_names (nn)`, op: 'CreateTable', body: gsiNamed('nn'), message: /3/ },
  { source: `${GSI} test_gsi_unsupported_names (256 n)`, op: 'CreateTable', body: gsiNamed('n'.repeat(256)), message: /nnnnn/ },
  { source: `${GSI} test_gsi_unsupported_names (nyh@test)`, op: 'CreateTable', body: gsiNamed('nyh@test'), message: /nyh/ },
  { source: `${GSI} test_gsi_query_select_2 (ALL_ATTRIBUTES on a partly projected GSI)`, op: 'Query', body: (f) => ({ TableName: f.range, IndexName: 'index4',
    Select: 'ALL_ATTRIBUTES', KeyConditions: { c: { AttributeValueList: [{ S: 'x' }], ComparisonOperator: 'EQ' } } }), message: /ALL_ATTRIBUTES/ },

  { source: `${LSI} test_lsi_wrong_different_hash`, op: 'CreateTable', body: lsiTable([K('b', 'HASH'), K('p', 'RANGE')]), message: /hash key/ },
  { source: `${LSI} test_lsi_wrong_bad_range`, op: 'CreateTable', body: lsiTable([K('p', 'HASH'), K('p', 'RANGE')], [S('p'), S('c')]), message: /same/ },
  { source: `${LSI} test_lsi_empty_value`, op: 'PutItem', setup: [{ op: 'CreateTable', body: () => ({ TableName: lsiName, BillingMode: 'PAY_PER_REQUEST',
    KeySchema: [K('p', 'HASH'), K('c', 'RANGE')], AttributeDefinitions: [S('p'), S('c'), S('b')],
    LocalSecondaryIndexes: [{ IndexName: 'hello', KeySchema: [K('p', 'HASH'), K('b', 'RANGE')], Projection: ALL }] }) }],
    body: () => ({ TableName: lsiName, Item: { p: { S: 'p' }, c: { S: 'c' }, b: { S: '' } } }), message: /empty/ },

  // "Older DynamoDB returned AccessDeniedException for this case, newer one returns ValidationException saying "ARNs must start with 'arn:'"".
  { source: `${TAG} test_tag_resource_incorrect (I_do_not_exist)`, op: 'TagResource', body: () => ({ ResourceArn: 'I_do_not_exist', Tags: [{ Key: '7', Value: '8' }] }),
    message: /ARNs/ },
  { source: `${TAG} test_tag_lsi_gsi (ListTagsOfResource of an index ARN)`, op: 'ListTagsOfResource', body: (f) => ({ ResourceArn: indexArn(f) }),
    message: /[Rr]esource ?[Aa]rn/ },
  { source: `${TAG} test_tag_lsi_gsi (TagResource of an index ARN)`, op: 'TagResource', body: (f) => ({ ResourceArn: indexArn(f), Tags: [{ Key: 'hi', Value: 'hello' }] }),
    message: /[Rr]esource ?[Aa]rn/ },

  ttlRow(`${TTL} test_ttl_enable (enabled again)`, true, { AttributeName: 'expiration', Enabled: true }, /(active|enabled)/),
  ttlRow(`${TTL} test_ttl_enable (another attribute)`, true, { AttributeName: 'new', Enabled: true }, /(active|enabled)/),
  ttlRow(`${TTL} test_ttl_disable_errors (not enabled)`, false, { AttributeName: 'expiration', Enabled: false }, /disabled/),
  ttlRow(`${TTL} test_ttl_disable_errors (another attribute)`, true, { AttributeName: 'dog', Enabled: false }, /different/),
  ttlRow(`${TTL} test_update_ttl_errors (256 characters)`, false, { AttributeName: 'x'.repeat(256), Enabled: true }, /length/),
  ttlRow(`${TTL} test_update_ttl_errors (empty)`, false, { AttributeName: '', Enabled: true }, /length/),
  ttlRow(`${TTL} test_update_ttl_errors (no AttributeName)`, false, { Enabled: true }, /[aA]ttributeName/),
  ttlRow(`${TTL} test_update_ttl_errors (no Enabled)`, false, { AttributeName: 'hello' }, /[eE]nabled/),
];

registerRows(test, rows);
