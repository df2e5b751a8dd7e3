/**
 * CreateTable refusals, row by row against what real DynamoDB answered (see exactness-rows.ts).
 * CreateTable still reports its model constraints together ("N validation errors detected"), in
 * the older framework's wording (paritysuite's 2026-10-09 capture of two index names below).
 */
import test from 'ava';
import { registerRows, type Row } from './exactness-rows.js';

const DYN = 'architect/dynalite test/createTable.js';
const UPD = 'architect/dynalite test/updateTable.js';
const PS = 'paritysuite/dynamodb-conformance tests/tier3/validation-ordering/createTable.test.ts';
const INVALID = 'One or more parameter values were invalid: ';
const PT = { ReadCapacityUnits: 1, WriteCapacityUnits: 1 };
const S = (AttributeName: string) => ({ AttributeName, AttributeType: 'S' });
const K = (AttributeName: string, KeyType: string) => ({ AttributeName, KeyType });
const AB = [S('a'), S('b')];
const lsi = (IndexName: string, KeySchema: unknown[], Projection: unknown = { ProjectionType: 'ALL' }) => ({ IndexName, KeySchema, Projection });
/** A CreateTable body; each row its own name, so a wrongly accepted row changes no other row. */
let n = 0;
const ct = (extra: Record<string, unknown>) => () => ({ TableName: `ct-exact-${n++}`, ProvisionedThroughput: PT, ...extra });

const rows: Row[] = [
  { source: `${DYN} "low ProvisionedThroughput.WriteCapacityUnits"`, op: 'CreateTable',
    body: ct({ AttributeDefinitions: [], KeySchema: [], ProvisionedThroughput: { ReadCapacityUnits: -1, WriteCapacityUnits: -1 } }),
    message: "3 validation errors detected: Value '-1' at 'provisionedThroughput.writeCapacityUnits' failed to satisfy constraint: Member must have value greater than or equal to 1; "
      + "Value '-1' at 'provisionedThroughput.readCapacityUnits' failed to satisfy constraint: Member must have value greater than or equal to 1; "
      + "Value '[]' at 'keySchema' failed to satisfy constraint: Member must have length greater than or equal to 1" },
  { source: `${DYN} "high ProvisionedThroughput.ReadCapacityUnits and neg"`, op: 'CreateTable',
    body: ct({ AttributeDefinitions: [], KeySchema: [K('a', 'HASH')], ProvisionedThroughput: { ReadCapacityUnits: 1000000000001, WriteCapacityUnits: -1 } }),
    message: "1 validation error detected: Value '-1' at 'provisionedThroughput.writeCapacityUnits' failed to satisfy constraint: Member must have value greater than or equal to 1" },
  { source: `${DYN} "high ProvisionedThroughput.ReadCapacityUnits"`, op: 'CreateTable',
    body: ct({ AttributeDefinitions: [], KeySchema: [K('a', 'HASH')], ProvisionedThroughput: { ReadCapacityUnits: 1000000000001, WriteCapacityUnits: 1000000000001 } }),
    message: 'Given value 1000000000001 for ReadCapacityUnits is out of bounds' },
  { source: `${DYN} "high ProvisionedThroughput.WriteCapacityUnits"`, op: 'CreateTable',
    body: ct({ AttributeDefinitions: [], KeySchema: [K('a', 'HASH')], ProvisionedThroughput: { ReadCapacityUnits: 1000000000000, WriteCapacityUnits: 1000000000001 } }),
    message: 'Given value 1000000000001 for WriteCapacityUnits is out of bounds' },
  { source: `${DYN} "missing key attribute definitions"`, op: 'CreateTable', body: ct({ AttributeDefinitions: [], KeySchema: [K('a', 'HASH'), K('a', 'HASH')] }),
    message: 'Invalid KeySchema: Some index key attribute have no definition' },
  { source: `${DYN} "attribute definitions member nulls"`, op: 'CreateTable', body: ct({ AttributeDefinitions: [{}], KeySchema: [K('a', 'HASH'), K('a', 'HASH')] }),
    message: "2 validation errors detected: Value null at 'attributeDefinitions.1.member.attributeName' failed to satisfy constraint: Member must not be null; "
      + "Value null at 'attributeDefinitions.1.member.attributeType' failed to satisfy constraint: Member must not be null" },
  { source: `${DYN} "SS in attr definition"`, op: 'CreateTable', body: ct({ AttributeDefinitions: [{ AttributeName: 'b', AttributeType: 'SS' }], KeySchema: [K('a', 'HASH')] }),
    message: "1 validation error detected: Value 'SS' at 'attributeDefinitions.1.member.attributeType' failed to satisfy constraint: Member must satisfy enum value set: [B, N, S]" },
  { source: `${DYN} "missing key attr definition"`, op: 'CreateTable', body: ct({ AttributeDefinitions: [S('b')], KeySchema: [K('a', 'HASH')] }),
    message: `${INVALID}Some index key attributes are not defined in AttributeDefinitions. Keys: [a], AttributeDefinitions: [b]` },
  { source: `${DYN} "missing key attr definition when double and valid"`, op: 'CreateTable', body: ct({ AttributeDefinitions: [S('b')], KeySchema: [K('a', 'HASH'), K('b', 'RANGE')] }),
    message: 'Invalid KeySchema: Some index key attribute have no definition' },
  { source: `${DYN} "5" (hash and range the same name)`, op: 'CreateTable', body: ct({ AttributeDefinitions: AB, KeySchema: [K('a', 'HASH'), K('a', 'HASH')] }),
    message: 'Both the Hash Key and the Range Key element in the KeySchema have the same name' },
  { source: `${DYN} "6"`, op: 'CreateTable', body: ct({ AttributeDefinitions: AB, KeySchema: [K('a', 'HASH'), K('b', 'HASH')] }),
    message: 'Invalid KeySchema: The second KeySchemaElement is not a RANGE key type' },
  { source: `${DYN} "7"`, op: 'CreateTable', body: ct({ AttributeDefinitions: AB, KeySchema: [K('a', 'RANGE'), K('b', 'HASH')] }),
    message: 'Invalid KeySchema: The first KeySchemaElement is not a HASH key type' },
  { source: `${DYN} "9"`, op: 'CreateTable', body: ct({ AttributeDefinitions: [S('a'), S('c'), S('b')], KeySchema: [K('a', 'HASH'), K('b', 'RANGE')] }),
    message: `${INVALID}Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions` },
  { source: `${DYN} "11" (newer revision's words; moto agrees)`, op: 'CreateTable', body: ct({ AttributeDefinitions: AB, KeySchema: [K('a', 'HASH')], LocalSecondaryIndexes: [] }),
    message: `${INVALID}List of LocalSecondaryIndexes is empty` },
  { source: `${DYN} "17"`, op: 'CreateTable', body: ct({ AttributeDefinitions: AB, KeySchema: [K('a', 'HASH'), K('b', 'RANGE')], LocalSecondaryIndexes: [lsi('abc', [K('b', 'HASH')], {})] }),
    message: `${INVALID}Index KeySchema does not have a range key for index: abc` },
  { source: `${DYN} "18"`, op: 'CreateTable',
    body: ct({ AttributeDefinitions: AB, KeySchema: [K('a', 'HASH'), K('b', 'RANGE')], LocalSecondaryIndexes: [lsi('abc', [K('b', 'HASH'), K('a', 'RANGE')], {})] }),
    message: `${INVALID}Index KeySchema does not have the same leading hash key as table KeySchema for index: abc. index hash key: b, table hash key: a` },
  { source: `${DYN} "19"`, op: 'CreateTable',
    body: ct({ AttributeDefinitions: AB, KeySchema: [K('a', 'HASH'), K('b', 'RANGE')], LocalSecondaryIndexes: [lsi('abc', [K('a', 'HASH'), K('a', 'RANGE')], {})] }),
    message: 'Both the Hash Key and the Range Key element in the KeySchema have the same name' },
  { source: `${DYN} "21"`, op: 'CreateTable',
    body: ct({ AttributeDefinitions: AB, KeySchema: [K('a', 'HASH'), K('b', 'RANGE')], LocalSecondaryIndexes: [lsi('abc', [K('a', 'HASH'), K('b', 'RANGE')], {})] }),
    message: `${INVALID}Unknown ProjectionType: null` },
  { source: `${DYN} "22"`, op: 'CreateTable',
    body: ct({ AttributeDefinitions: AB, KeySchema: [K('a', 'HASH'), K('b', 'RANGE')], LocalSecondaryIndexes: [lsi('abc', [K('a', 'HASH'), K('b', 'RANGE')], { NonKeyAttributes: [], ProjectionType: 'abc' })] }),
    message: "2 validation errors detected: Value 'abc' at 'localSecondaryIndexes.1.member.projection.projectionType' failed to satisfy constraint: Member must satisfy enum value set: [ALL, INCLUDE, KEYS_ONLY]; "
      + "Value '[]' at 'localSecondaryIndexes.1.member.projection.nonKeyAttributes' failed to satisfy constraint: Member must have length greater than or equal to 1" },
  { source: `${DYN} "24"`, op: 'CreateTable',
    body: ct({ AttributeDefinitions: AB, KeySchema: [K('a', 'HASH'), K('b', 'RANGE')], LocalSecondaryIndexes: [lsi('abc', [K('a', 'HASH'), K('b', 'RANGE')], { ProjectionType: 'ALL', NonKeyAttributes: ['a'] })] }),
    message: `${INVALID}ProjectionType is ALL, but NonKeyAttributes is specified` },
  { source: `${DYN} "26"`, op: 'CreateTable',
    body: ct({ AttributeDefinitions: AB, KeySchema: [K('a', 'HASH'), K('b', 'RANGE')], LocalSecondaryIndexes: [lsi('abc', [K('a', 'HASH'), K('b', 'RANGE')]), lsi('abc', [K('a', 'HASH'), K('b', 'RANGE')])] }),
    message: `${INVALID}Duplicate index name: abc` },
  { source: `${DYN} "28" (newer revision's words)`, op: 'CreateTable',
    body: ct({ AttributeDefinitions: AB, KeySchema: [K('a', 'HASH'), K('b', 'RANGE')], LocalSecondaryIndexes: ['abc', 'abd', 'abe', 'abf', 'abg', 'abh'].map((i) => lsi(i, [K('a', 'HASH'), K('b', 'RANGE')])) }),
    message: `${INVALID}Number of LocalSecondaryIndexes exceeds per-table limit of 5` },
  { source: `${PS} "lists the GSI error before the LSI error when the request lists the LSI first"`, op: 'CreateTable',
    body: () => ({ TableName: 'ct-exact-names', BillingMode: 'PAY_PER_REQUEST', AttributeDefinitions: [S('pk'), S('sk')], KeySchema: [K('pk', 'HASH'), K('sk', 'RANGE')],
      LocalSecondaryIndexes: [lsi('l1', [K('pk', 'HASH'), K('lr', 'RANGE')])], GlobalSecondaryIndexes: [{ IndexName: 'g1', KeySchema: [K('gh', 'HASH')], Projection: { ProjectionType: 'ALL' } }] }),
    message: "2 validation errors detected: Value 'g1' at 'globalSecondaryIndexes.1.member.indexName' failed to satisfy constraint: Member must have length greater than or equal to 3; "
      + "Value 'l1' at 'localSecondaryIndexes.1.member.indexName' failed to satisfy constraint: Member must have length greater than or equal to 3" },
  { source: `${PS} "rejects a duplicate attribute in KeySchema"`, op: 'CreateTable',
    body: () => ({ TableName: 'ct-exact-dupkey', BillingMode: 'PAY_PER_REQUEST', AttributeDefinitions: [S('pk')], KeySchema: [K('pk', 'HASH'), K('pk', 'RANGE')] }), message: /^Invalid KeySchema/ },
  { source: `${PS} "rejects more than two KeySchema elements"`, op: 'CreateTable',
    body: () => ({ TableName: 'ct-exact-three', BillingMode: 'PAY_PER_REQUEST', AttributeDefinitions: [S('pk'), S('sk'), S('tk')], KeySchema: [K('pk', 'HASH'), K('sk', 'RANGE'), K('tk', 'RANGE')] }),
    message: /Member must have length less than or equal to 2/ },
  { source: `${PS} "rejects an invalid BillingMode on its own"`, op: 'CreateTable',
    body: () => ({ TableName: 'ct-exact-billing', BillingMode: 'INVALID_MODE', AttributeDefinitions: [S('pk')], KeySchema: [K('pk', 'HASH')] }),
    message: /billingMode.*\[PROVISIONED, PAY_PER_REQUEST\]/ },

  // UpdateTable (architect/dynalite test/updateTable.js; 'abs-…' tables do not exist: these come first).
  { source: `${UPD} "null attributes"`, op: 'UpdateTable', body: () => ({ TableName: 'abc;' }),
    message: "1 validation error detected: Value 'abc;' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+" },
  { source: `${UPD} "low ProvisionedThroughput.WriteCapacityUnits"`, op: 'UpdateTable', body: () => ({ TableName: 'abs-upd', ProvisionedThroughput: { ReadCapacityUnits: -1, WriteCapacityUnits: -1 } }),
    message: "2 validation errors detected: Value '-1' at 'provisionedThroughput.writeCapacityUnits' failed to satisfy constraint: Member must have value greater than or equal to 1; "
      + "Value '-1' at 'provisionedThroughput.readCapacityUnits' failed to satisfy constraint: Member must have value greater than or equal to 1" },
  { source: `${UPD} "high ProvisionedThroughput.ReadCapacityUnits"`, op: 'UpdateTable',
    body: () => ({ TableName: 'abs-upd', ProvisionedThroughput: { ReadCapacityUnits: 1000000000001, WriteCapacityUnits: 1000000000001 } }),
    message: 'Given value 1000000000001 for ReadCapacityUnits is out of bounds' },
  { source: `${UPD} "empty index struct"`, op: 'UpdateTable', body: () => ({ TableName: 'abs-upd', GlobalSecondaryIndexUpdates: [{}] }),
    message: `${INVALID}One of GlobalSecondaryIndexUpdate.Update, GlobalSecondaryIndexUpdate.Create, GlobalSecondaryIndexUpdate.Delete must not be null` },
  { source: `${UPD} "repeated GlobalSecondaryIndexUpdates"`, op: 'UpdateTable', body: () => ({ TableName: 'abs-upd', GlobalSecondaryIndexUpdates: [{ Delete: { IndexName: 'abc' } }, { Delete: { IndexName: 'abc' } }] }),
    message: `${INVALID}Only one global secondary index update per index is allowed simultaneously. Index: abc` },
  { source: `${UPD} "table does not exist"`, op: 'UpdateTable', body: () => ({ TableName: 'abs-upd', ProvisionedThroughput: PT }),
    type: 'com.amazonaws.dynamodb.v20120810#ResourceNotFoundException', message: 'Requested resource not found: Table: abs-upd not found' },
];

registerRows(test, rows);
