/**
 * Expression errors sent through the server (syntax errors, reserved words, unused and empty
 * expressions, the 4 KB limit), TransactWriteItems' request-level checks, and DescribeTable and
 * DeleteTable's refusals, row by row (see exactness-rows.ts). The expression parser's own unit
 * tests (expressions/*.test.ts) cover the grammar; these rows pin which operation reports what,
 * in which envelope.
 */
import test from 'ava';
import { DDB, registerRows, type Fixtures, type Row } from './exactness-rows.js';

const PS = 'paritysuite/dynamodb-conformance tests/tier3';
const TWI = `${PS}/error-messages/transactWriteItems.test.ts`;
const DEEP = `${PS}/validation-ordering/deepRequests.test.ts`;
const DYN = 'architect/dynalite test';
const ABSENT = 'absent-table-exactness';
const EMPTY_BINARY_KEY = 'One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty binary value. Key: pk';
const EMPTY_CONDITION = 'Invalid ConditionExpression: The expression can not be empty;';
const UNUSED_V = 'Value provided in ExpressionAttributeValues unused in expressions: keys: {:v}';
const badName = (path: string): string =>
  `1 validation error detected: Value 'bad!name' at 'transactItems.${path}.tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+`;
/** Sources that predate AWS's 2026 envelope on item-write expression errors: either form. */
const floated = (m: string): RegExp => new RegExp(`^(1 validation error detected: )?${m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

const tx = (...items: unknown[]) => () => ({ TransactItems: items });
const onHash = (f: (t: string) => unknown) => (fx: Fixtures) => tx(f(fx.hash))();
const cc = (t: string, extra: Record<string, unknown>) => ({ ConditionCheck: { TableName: t, Key: { a: { S: 'em-twi-cc' } }, ...extra } });

const rows: Row[] = [
  // TransactWriteItems: request-level checks before any action runs (us-east-1 and eu-west-2, 2026-10-08/09).
  { source: `${TWI} "Put malformed table name"`, op: 'TransactWriteItems', body: tx({ Put: { TableName: 'bad!name', Item: { pk: { S: 'a' } } } }), message: badName('1.member.put') },
  { source: `${TWI} "Update malformed table name on the second action"`, op: 'TransactWriteItems',
    body: (f) => tx({ Put: { TableName: f.hash, Item: { a: { S: 'em-twi-badname-first' } } } },
      { Update: { TableName: 'bad!name', Key: { pk: { S: 'a' } }, UpdateExpression: 'SET a = :a', ExpressionAttributeValues: { ':a': { S: 'x' } } } })(),
    message: badName('2.member.update') },
  { source: `${TWI} "Delete malformed table name"`, op: 'TransactWriteItems', body: tx({ Delete: { TableName: 'bad!name', Key: { pk: { S: 'a' } } } }), message: badName('1.member.delete') },
  { source: `${TWI} "ConditionCheck malformed table name"`, op: 'TransactWriteItems',
    body: tx({ ConditionCheck: { TableName: 'bad!name', Key: { pk: { S: 'a' } }, ConditionExpression: 'attribute_exists(pk)' } }), message: badName('1.member.conditionCheck') },
  { source: `${TWI} "Put empty ConditionExpression"`, op: 'TransactWriteItems',
    body: onHash((t) => ({ Put: { TableName: t, Item: { a: { S: 'em-twi-empty-put' } }, ConditionExpression: '' } })), message: EMPTY_CONDITION },
  { source: `${TWI} "Delete empty ConditionExpression"`, op: 'TransactWriteItems',
    body: onHash((t) => ({ Delete: { TableName: t, Key: { a: { S: 'em-twi-empty-del' } }, ConditionExpression: '' } })), message: EMPTY_CONDITION },
  { source: `${TWI} "ConditionCheck empty ConditionExpression"`, op: 'TransactWriteItems', body: onHash((t) => cc(t, { ConditionExpression: '' })), message: EMPTY_CONDITION },
  { source: `${TWI} "ConditionCheck malformed ConditionExpression"`, op: 'TransactWriteItems', body: onHash((t) => cc(t, { ConditionExpression: 'attribute_not_exists(' })),
    message: 'Invalid ConditionExpression: Syntax error; token: "<EOF>", near: "("' },
  { source: `${TWI} "ConditionCheck unused ExpressionAttributeValues"`, op: 'TransactWriteItems',
    body: onHash((t) => cc(t, { ConditionExpression: 'attribute_not_exists(a)', ExpressionAttributeValues: { ':v': { S: 'x' } } })), message: UNUSED_V },
  { source: `${TWI} "Put unused ExpressionAttributeValues"`, op: 'TransactWriteItems',
    body: onHash((t) => ({ Put: { TableName: t, Item: { a: { S: 'em-twi-unused-put' } }, ConditionExpression: 'attribute_not_exists(a)', ExpressionAttributeValues: { ':v': { S: 'x' } } } })),
    message: UNUSED_V },
  { source: `${TWI} "Update unused ExpressionAttributeValues"`, op: 'TransactWriteItems',
    body: onHash((t) => ({ Update: { TableName: t, Key: { a: { S: 'em-twi-unused-upd' } }, UpdateExpression: 'SET b = :a', ExpressionAttributeValues: { ':a': { S: 'x' }, ':v': { S: 'x' } } } })),
    message: UNUSED_V },
  { source: `${TWI} "Delete unused ExpressionAttributeValues"`, op: 'TransactWriteItems',
    body: onHash((t) => ({ Delete: { TableName: t, Key: { a: { S: 'em-twi-unused-del' } }, ConditionExpression: 'attribute_exists(a)', ExpressionAttributeValues: { ':v': { S: 'x' } } } })),
    message: UNUSED_V },
  { source: `${TWI} "action with no operation" (us-east-1's sentence)`, op: 'TransactWriteItems', body: tx({}),
    message: 'Invalid Request: TransactWriteRequest should contain Delete or Put or Update request' },
  { source: `${TWI} "Put empty-binary item key"`, op: 'TransactWriteItems', body: (f) => tx({ Put: { TableName: f.binary, Item: { pk: { B: '' } } } })(), message: EMPTY_BINARY_KEY },
  { source: `${TWI} "Update empty-binary Key"`, op: 'TransactWriteItems',
    body: (f) => tx({ Update: { TableName: f.binary, Key: { pk: { B: '' } }, UpdateExpression: 'SET attr1 = :v', ExpressionAttributeValues: { ':v': { S: 'x' } } } })(), message: EMPTY_BINARY_KEY },
  { source: `${TWI} "Delete empty-binary Key"`, op: 'TransactWriteItems', body: (f) => tx({ Delete: { TableName: f.binary, Key: { pk: { B: '' } } } })(), message: EMPTY_BINARY_KEY },
  { source: `${TWI} "ConditionCheck empty-binary Key"`, op: 'TransactWriteItems',
    body: (f) => tx({ ConditionCheck: { TableName: f.binary, Key: { pk: { B: '' } }, ConditionExpression: 'attribute_not_exists(pk)' } })(), message: EMPTY_BINARY_KEY },
  // Expression checks come before the table is looked up (absent tables; the source's nested keys left out).
  { source: `${DEEP} "reports a Put condition syntax error before a later Delete key nested 100 levels"`, op: 'TransactWriteItems',
    body: tx({ Put: { TableName: ABSENT, Item: { pk: { S: 'a' }, sk: { S: '1' } }, ConditionExpression: 'a = = b' } }),
    message: 'Invalid ConditionExpression: Syntax error; token: "=", near: "= = b"' },
  { source: `${DEEP} "reports an oversized condition before the same Delete key nested 100 levels"`, op: 'TransactWriteItems',
    body: tx({ Delete: { TableName: ABSENT, Key: { pk: { S: 'a' }, sk: { S: '1' } }, ConditionExpression: 'a = :v' + ' AND a = :v'.repeat(373), ExpressionAttributeValues: { ':v': { S: 'x' } } } }),
    message: 'Invalid ConditionExpression: Expression size has exceeded the maximum allowed size; expression size: 4109' },
  { source: `${DEEP} "reports an oversized UpdateExpression before a later ConditionCheck key nested 100 levels"`, op: 'TransactWriteItems',
    body: tx({ Update: { TableName: ABSENT, Key: { pk: { S: 'a' }, sk: { S: '1' } },
      UpdateExpression: 'SET ' + Array.from({ length: 500 }, (_, i) => `a${i} = :v`).join(', '), ExpressionAttributeValues: { ':v': { S: 'x' } } } }),
    message: 'Invalid UpdateExpression: Expression size has exceeded the maximum allowed size;' },

  // Syntax errors and reserved words through the item operations.
  { source: 'jacquev6/LowVoltage exploration test "ConditionExpression foo" (real DynamoDB answer, UpdateItem)', op: 'UpdateItem',
    body: (f) => ({ TableName: f.hash, Key: { a: { S: 'bbb' } }, ConditionExpression: 'foo' }), message: floated('Invalid ConditionExpression: Syntax error; token: "<EOF>", near: "foo"') },
  { source: 'sensedeep/dynamodb-onetable#242 (2022, a PutItem on a key named "name")', op: 'PutItem',
    body: (f) => ({ TableName: f.hash, Item: { a: { S: 'x' } }, ConditionExpression: 'attribute_not_exists(name)' }),
    message: floated('Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: name') },
  { source: 'kritish-dhaubanjar/dynamodb-dashboard#264 (2023, PutItem)', op: 'PutItem',
    body: (f) => ({ TableName: f.hash, Item: { a: { S: 'x' } }, ConditionExpression: 'attribute_not_exists(date)' }),
    message: floated('Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: date') },
  { source: 'aws/aws-sdk-php#1233 (2017, us-east-1 answer quoted whole)', op: 'Query',
    body: (f) => ({ TableName: f.range, KeyConditionExpression: 'hash = :v_hash', ExpressionAttributeValues: { ':v_hash': { S: 'a8' } } }),
    message: 'Invalid KeyConditionExpression: Attribute name is a reserved keyword; reserved keyword: hash' },

  // DescribeTable and DeleteTable (architect/dynalite test/describeTable.js, test/deleteTable.js).
  { source: `${DYN}/describeTable.js "null attributes"`, op: 'DescribeTable', body: () => ({ TableName: 'abc;' }),
    message: "1 validation error detected: Value 'abc;' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+" },
  { source: `${DYN}/deleteTable.js "null attributes"`, op: 'DeleteTable', body: () => ({ TableName: 'abc;' }),
    message: "1 validation error detected: Value 'abc;' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+" },
  { source: `${DYN}/describeTable.js "table does not exist"`, op: 'DescribeTable', body: () => ({ TableName: ABSENT }),
    type: DDB('ResourceNotFoundException'), message: `Requested resource not found: Table: ${ABSENT} not found` },
  { source: `${DYN}/deleteTable.js "table does not exist"`, op: 'DeleteTable', body: () => ({ TableName: ABSENT }),
    type: DDB('ResourceNotFoundException'), message: `Requested resource not found: Table: ${ABSENT} not found` },
];

registerRows(test, rows);
