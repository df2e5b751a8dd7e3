/**
 * The answers AWS's 2026 validation-framework rollout left on PutItem, DeleteItem, Scan and
 * TransactGetItems, row by row (see exactness-rows.ts). Where regions still differ,
 * paritysuite/dynamodb-conformance registry/splits.json records each region's answer and the row
 * follows us-east-1's.
 */
import test from 'ava';
import { DDB, registerRows, type Fixtures, type Row } from './exactness-rows.js';

const PS = 'paritysuite/dynamodb-conformance tests/tier3/error-messages';
const SPLITS = 'paritysuite/dynamodb-conformance registry/splits.json';
const INVALID = 'One or more parameter values were invalid: ';
const EMPTY_BINARY_KEY = 'One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty binary value. Key: pk';
const ABSENT = 'absent-table-exactness';
const one = (m: string): string => `1 validation error detected: ${m}`;

const put = (extra: Record<string, unknown>) => (f: Fixtures) => ({ TableName: f.hash, Item: { a: { S: 'em-put-envelope' } }, ...extra });
const del = (extra: Record<string, unknown>) => (f: Fixtures) => ({ TableName: f.hash, Key: { a: { S: 'em-del-envelope' } }, ...extra });
const scan = (extra: Record<string, unknown>) => (f: Fixtures) => ({ TableName: f.hash, ...extra });
const tg = (...items: unknown[]) => () => ({ TransactItems: items });
/** A string leaf wrapped in `depth` single-key maps (paritysuite's deepMap). */
const deepMap = (depth: number): unknown => { let v: unknown = { S: 'leaf' }; for (let i = 0; i < depth; i++) v = { M: { n: v } }; return v; };
const KCE_ORDER = `${PS.replace('error-messages', 'validation-ordering')}/queryKeyCondition.test.ts`;
const OPERAND_N = 'Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N';
const UNDEFINED_MISSING = 'Invalid KeyConditionExpression: An expression attribute value used in expression is not defined; attribute value: :missing';
/** A Query on the range fixture (hash `a`, range `b`) or on a table that does not exist. */
const kq = (KeyConditionExpression: string, values: Record<string, unknown>, absent = false) => (f: Fixtures) =>
  ({ TableName: absent ? ABSENT : f.range, KeyConditionExpression, ExpressionAttributeValues: values });

const rows: Row[] = [
  // PutItem (putItem.test.ts "PutItem - request validation envelope": eu-west-2 and us-east-1, 2026-10-09).
  { source: `${PS}/putItem.test.ts "ExpressionAttributeValues or ExpressionAttributeNames without an expression" (names)`, op: 'PutItem',
    body: put({ ExpressionAttributeNames: { '#a': 'a' } }), message: one('ExpressionAttributeNames can only be specified when using expressions') },
  { source: `${PS}/putItem.test.ts "an empty ConditionExpression"`, op: 'PutItem', body: put({ ConditionExpression: '' }),
    message: one('Invalid ConditionExpression: The expression can not be empty;') },
  { source: `${PS}/putItem.test.ts "a malformed Expected condition" (EQ without a value)`, op: 'PutItem', body: put({ Expected: { a: { ComparisonOperator: 'EQ' } } }),
    message: one(`${INVALID}Value or AttributeValueList must be used with ComparisonOperator: EQ for Attribute: a`) },
  { source: `${PS}/putItem.test.ts "empty-binary item key value"`, op: 'PutItem', body: (f) => ({ TableName: f.binary, Item: { pk: { B: '' } } }), message: EMPTY_BINARY_KEY },
  { source: `${SPLITS} "put-item-validation-error-aggregation" (us-east-1, 2026-10-07)`, op: 'PutItem',
    body: () => ({ TableName: '', Item: { pk: { S: 'x' } }, ReturnValues: 'INVALID' }),
    message: one("Value at 'TableName' failed to satisfy constraint: Member must have length greater than or equal to 1") },

  // DeleteItem (deleteItem.test.ts "DeleteItem - request validation envelope", same two regions).
  { source: `${PS}/deleteItem.test.ts "every malformed Expected condition" (Exists true)`, op: 'DeleteItem', body: del({ Expected: { a: { Exists: true } } }),
    message: one(`${INVALID}Value must be provided when Exists is true for Attribute: a`) },
  { source: `${PS}/deleteItem.test.ts "every malformed Expected condition" (Exists false with a value)`, op: 'DeleteItem',
    body: del({ Expected: { a: { Exists: false, Value: { S: 'x' } } } }), message: one(`${INVALID}Value cannot be used when Exists is false for Attribute: a`) },
  { source: `${PS}/deleteItem.test.ts "every malformed Expected condition" (EQ without a value)`, op: 'DeleteItem', body: del({ Expected: { a: { ComparisonOperator: 'EQ' } } }),
    message: one(`${INVALID}Value or AttributeValueList must be used with ComparisonOperator: EQ for Attribute: a`) },
  { source: `${PS}/deleteItem.test.ts "empty-binary key value"`, op: 'DeleteItem', body: (f) => ({ TableName: f.binary, Key: { pk: { B: '' } } }), message: EMPTY_BINARY_KEY },

  // Scan: us-east-1 still answers the five Scan rows in the older wording (splits.json, 2026-10-07).
  { source: `${SPLITS} "scan-segment-out-of-range-message" (us-east-1)`, op: 'Scan', body: scan({ Segment: 5, TotalSegments: 5 }),
    message: 'The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: 5 is not less than TotalSegments: 5' },
  { source: `${SPLITS} "scan-limit-zero-message" (us-east-1)`, op: 'Scan', body: scan({ Limit: 0 }),
    message: one("Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1") },
  { source: `${SPLITS} "scan-segment-negative-message" (us-east-1)`, op: 'Scan', body: scan({ Segment: -1, TotalSegments: 5 }),
    message: one("Value '-1' at 'segment' failed to satisfy constraint: Member must have value greater than or equal to 0") },
  { source: `${SPLITS} "scan-bad-start-key-message" (us-east-1)`, op: 'Scan', body: scan({ ExclusiveStartKey: { wrong: { S: 'x' } } }),
    message: 'The provided starting key is invalid: The provided key element does not match the schema' },
  { source: `${SPLITS} "scan-specific-attributes-message" (us-east-1)`, op: 'Scan', body: scan({ Select: 'SPECIFIC_ATTRIBUTES' }),
    message: 'Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES' },

  // TransactGetItems (transactGetItems.test.ts; the empty list in all 33 regions,
  // captures/2026-10-08-transact-get-empty-transact-items.json, us-east-1 echoing the list).
  { source: 'paritysuite/dynamodb-conformance captures/2026-10-08-transact-get-empty-transact-items.json (us-east-1)', op: 'TransactGetItems', body: tg(),
    message: one("Value '[]' at 'transactItems' failed to satisfy constraint: Member must have length greater than or equal to 1") },
  { source: `${PS}/transactGetItems.test.ts "> 100 gets"`, op: 'TransactGetItems',
    body: (f) => ({ TransactItems: Array.from({ length: 101 }, (_, i) => ({ Get: { TableName: f.hash, Key: { a: { S: `tgi-${i}` } } } })) }),
    message: /^1 validation error detected: (?:Value '\[.+\]' at 'transactItems'|Value at 'TransactItems') failed to satisfy constraint: Member must have length less than or equal to 100$/s },
  { source: `${PS}/transactGetItems.test.ts "non-existent table"`, op: 'TransactGetItems', body: tg({ Get: { TableName: ABSENT, Key: { a: { S: 'x' } } } }),
    type: DDB('ResourceNotFoundException'), message: 'Requested resource not found' },
  { source: `${PS}/transactGetItems.test.ts "invalid ProjectionExpression syntax"`, op: 'TransactGetItems',
    body: (f) => tg({ Get: { TableName: f.hash, Key: { a: { S: 'tgi-pe' } }, ProjectionExpression: '!!!' } })(),
    message: 'Invalid ProjectionExpression: Syntax error; token: "!", near: "!!"' },
  { source: `${PS}/transactGetItems.test.ts "missing key attribute"`, op: 'TransactGetItems', body: (f) => tg({ Get: { TableName: f.hash, Key: {} } })(),
    type: DDB('TransactionCanceledException'), message: 'Transaction cancelled, please refer cancellation reasons for specific reasons [ValidationError]' },

  // UpdateItem: a condition value nested past 32 levels (splits.json "update-item-nesting-depth-expression-value",
  // us-east-1 and 30 other regions, 2026-10-07; the request is tests/tier3/limits/nestingDepth.test.ts's).
  { source: `${SPLITS} "update-item-nesting-depth-expression-value" (us-east-1)`, op: 'UpdateItem',
    body: (f) => ({ TableName: f.hash, Key: { a: { S: 'nest-cond-eav' } }, UpdateExpression: 'SET touched = :t', ConditionExpression: '#d = :deep',
      ExpressionAttributeNames: { '#d': 'data' }, ExpressionAttributeValues: { ':t': { S: 'y' }, ':deep': deepMap(32) } }),
    message: one('Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond supported limit') },

  // Query: the key condition's clauses are checked in written order, before the table is looked up
  // (eu-west-2, 2026-10; the source pins the phrase, the rows Query's bare form as the operand rows above).
  { source: `${KCE_ORDER} "an undefined value written before a bad operand is reported first"`, op: 'Query',
    body: kq('a = :missing AND begins_with(b, :n)', { ':n': { N: '1' } }), message: UNDEFINED_MISSING },
  { source: `${KCE_ORDER} "a bad operand written before an undefined value is reported first"`, op: 'Query',
    body: kq('begins_with(b, :n) AND a = :missing', { ':n': { N: '1' } }), message: OPERAND_N },
  { source: `${KCE_ORDER} "a bad operand in the middle clause is reported ahead of a later undefined value"`, op: 'Query',
    body: kq('a = :p AND begins_with(b, :n) AND b = :missing', { ':p': { S: 'q' }, ':n': { N: '1' } }), message: OPERAND_N },
  { source: `${KCE_ORDER} "a bad operand is reported ahead of a third condition"`, op: 'Query',
    body: kq('a = :p AND begins_with(b, :n) AND b > :s', { ':p': { S: 'q' }, ':n': { N: '1' }, ':s': { S: 'a' } }), message: OPERAND_N },
  { source: `${KCE_ORDER} "a bad operand is reported ahead of a missing table"`, op: 'Query',
    body: kq('a = :p AND begins_with(b, :n)', { ':p': { S: 'q' }, ':n': { N: '1' } }, true), message: OPERAND_N },
  { source: `${KCE_ORDER} "a well-formed key condition on the same missing table reports it missing"`, op: 'Query',
    body: kq('a = :p AND begins_with(b, :s)', { ':p': { S: 'q' }, ':s': { S: 'a' } }, true), type: DDB('ResourceNotFoundException'), message: 'Requested resource not found' },
];

registerRows(test, rows);
