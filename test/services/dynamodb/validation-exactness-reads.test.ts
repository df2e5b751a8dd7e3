/**
 * Query, Scan, BatchGetItem and TransactGetItems refusals, row by row against what real DynamoDB
 * answered (see exactness-rows.ts).
 */
import test from 'ava';
import { DDB, registerRows, type Fixtures, type Row } from './exactness-rows.js';

const PS = 'paritysuite/dynamodb-conformance tests/tier3';
const SCAN = 'architect/dynalite test/scan.js';
const ABSENT = 'absent-table-exactness';
const operand = (op: string, type: string): string =>
  `Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or function: ${op}, operand type: ${type}`;
const KEY_SCHEMA = 'One or more parameter values were invalid: Condition parameter type does not match schema type';
const OVERLAP = 'Invalid ProjectionExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; ';

/** A Query on the range fixture (hash `a` S, range `b` S) with the given key condition and values. */
const q = (KeyConditionExpression: string, values: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  (f: Fixtures) => ({ TableName: f.range, KeyConditionExpression, ExpressionAttributeValues: values, ...extra });
const bg = (entry: Record<string, unknown>) => (f: Fixtures) => ({ RequestItems: { [f.hash]: { Keys: [{ a: { S: 'k' } }], ...entry } } });

const rows: Row[] = [
  // Key condition operands (paritysuite error-messages/queryKeyConditionOperands.test.ts, eu-west-2, 2026-10).
  { source: `${PS}/error-messages/queryKeyConditionOperands.test.ts "begins_with ... number operand"`, op: 'Query',
    body: q('a = :p AND begins_with(b, :v)', { ':p': { S: 'q' }, ':v': { N: '1' } }), message: operand('begins_with', 'N') },
  { source: `${PS}/error-messages/queryKeyConditionOperands.test.ts "begins_with ... boolean operand"`, op: 'Query',
    body: q('a = :p AND begins_with(b, :v)', { ':p': { S: 'q' }, ':v': { BOOL: true } }), message: operand('begins_with', 'BOOL') },
  { source: `${PS}/error-messages/queryKeyConditionOperands.test.ts "an ordering comparison with a boolean operand"`, op: 'Query',
    body: q('a = :p AND b < :v', { ':p': { S: 'q' }, ':v': { BOOL: true } }), message: operand('<', 'BOOL') },
  { source: `${PS}/error-messages/queryKeyConditionOperands.test.ts "an ordering comparison written value first"`, op: 'Query',
    body: q('a = :p AND :v >= b', { ':p': { S: 'q' }, ':v': { BOOL: true } }), message: operand('>=', 'BOOL') },
  { source: `${PS}/error-messages/queryKeyConditionOperands.test.ts "BETWEEN with boolean bounds"`, op: 'Query',
    body: q('a = :p AND b BETWEEN :x AND :y', { ':p': { S: 'q' }, ':x': { BOOL: false }, ':y': { BOOL: true } }), message: operand('BETWEEN', 'BOOL') },
  { source: `${PS}/error-messages/queryKeyConditionOperands.test.ts "equality with a boolean fails the schema check"`, op: 'Query',
    body: q('a = :p AND b = :v', { ':p': { S: 'q' }, ':v': { BOOL: true } }), message: KEY_SCHEMA },
  { source: `${PS}/error-messages/queryKeyConditionOperands.test.ts "begins_with on a number sort key with a string operand" (hash key here)`, op: 'Query',
    body: (f) => ({ TableName: f.numeric, KeyConditionExpression: 'p = :v', ExpressionAttributeValues: { ':v': { S: 'a' } } }), message: KEY_SCHEMA },
  { source: `${PS}/error-messages/queryKeyConditionOperands.test.ts "two conditions on the sort key"`, op: 'Query',
    body: q('a = :p AND b > :x AND b < :y', { ':p': { S: 'q' }, ':x': { S: '1' }, ':y': { S: '5' } }),
    message: 'Invalid KeyConditionExpression: KeyConditionExpressions must only contain one condition per key' },
  { source: `${PS}/error-messages/queryKeyConditionOperands.test.ts "three conditions naming three attributes"`, op: 'Query',
    body: q('a = :p AND b > :x AND extra = :y', { ':p': { S: 'q' }, ':x': { S: '1' }, ':y': { S: '5' } }),
    message: 'The number of query conditions (3) exceeds the number of key attributes defined in the schema (2)' },
  { source: `${PS}/validation-ordering/query.test.ts "reports XOR with two QueryFilter conditions before an unknown Select"`, op: 'Query',
    body: () => ({ TableName: ABSENT, KeyConditions: { a: { ComparisonOperator: 'EQ', AttributeValueList: [{ S: 'a' }] } },
      QueryFilter: { b: { ComparisonOperator: 'NULL' }, c: { ComparisonOperator: 'NULL' } }, ConditionalOperator: 'XOR', Select: 'BOGUS' }),
    message: 'Failed to satisfy constraint: Member must satisfy enum value set: [ALL, OR]' },
  { source: 'AWS CLI answer quoted in a published walkthrough (search corpus "Query condition missed key schema element: id")', op: 'Query',
    body: q('c = :v', { ':v': { S: 'x' } }), message: 'Query condition missed key schema element: a' },
  { source: 'AmazonDynamoDBException quoted in a published example (search corpus "Query key condition not supported")', op: 'Query',
    body: q('a < :v', { ':v': { S: 'x' } }), message: 'Query key condition not supported' },
  { source: `${PS}/validation-ordering/query.test.ts "reports invalid Limit value" (the source pins only 'Limit' in the message)`, op: 'Query',
    body: q('a = :v', { ':v': { S: 'x' } }, { Limit: 0 }), message: /Limit/ },

  // Index reads (paritysuite error-messages/indexReads.test.ts).
  { source: `${PS}/error-messages/indexReads.test.ts "ConsistentRead on GSI" (Query)`, op: 'Query',
    body: (f) => ({ TableName: f.range, IndexName: 'index4', KeyConditionExpression: 'c = :v', ExpressionAttributeValues: { ':v': { S: 'x' } }, ConsistentRead: true }),
    message: 'Consistent reads are not supported on global secondary indexes' },
  { source: `${PS}/error-messages/indexReads.test.ts "ConsistentRead on a GSI" (Scan)`, op: 'Scan',
    body: (f) => ({ TableName: f.range, IndexName: 'index4', ConsistentRead: true }), message: 'Consistent reads are not supported on global secondary indexes' },

  // BatchGetItem (paritysuite error-messages/batchGetItem.test.ts).
  { source: `${PS}/error-messages/batchGetItem.test.ts "empty RequestItems"`, op: 'BatchGetItem', body: () => ({ RequestItems: {} }),
    message: "1 validation error detected: Value at 'RequestItems' failed to satisfy constraint: Member must have length greater than or equal to 1" },
  { source: `${PS}/error-messages/batchGetItem.test.ts "> 100 keys across all tables"`, op: 'BatchGetItem',
    body: (f) => ({ RequestItems: { [f.hash]: { Keys: Array.from({ length: 101 }, (_, i) => ({ a: { S: `bg-${i}` } })) } } }),
    message: /^1 validation error detected: Value at 'RequestItems\.xh-[^.]+\.member\.Keys' failed to satisfy constraint: Member must have length less than or equal to 100$/ },
  { source: `${PS}/error-messages/batchGetItem.test.ts "non-existent table"`, op: 'BatchGetItem', body: () => ({ RequestItems: { [ABSENT]: { Keys: [{ a: { S: 'k' } }] } } }),
    type: DDB('ResourceNotFoundException'), message: 'Requested resource not found' },
  { source: `${PS}/error-messages/batchGetItem.test.ts "duplicate keys in one Keys array"`, op: 'BatchGetItem',
    body: (f) => ({ RequestItems: { [f.hash]: { Keys: [{ a: { S: 'd' } }, { a: { S: 'd' } }] } } }), message: 'Provided list of item keys contains duplicates' },
  { source: `${PS}/error-messages/batchGetItem.test.ts "AttributesToGet with ProjectionExpression"`, op: 'BatchGetItem',
    body: bg({ AttributesToGet: ['a'], ProjectionExpression: 'a' }),
    message: /Can not use both expression and non-expression parameters in the same request: Non-expression parameters: \{AttributesToGet\} Expression parameters: \{ProjectionExpression\}$/ },
  { source: `${PS}/error-messages/batchGetItem.test.ts "malformed table name"`, op: 'BatchGetItem', body: () => ({ RequestItems: { 'bad!name': { Keys: [{ pk: { S: 'a' } }] } } }),
    message: "1 validation error detected: Value '{\"bad!name\":{\"Keys\":[{\"pk\":{\"S\":\"a\"}}]}}' at 'requestItems' failed to satisfy constraint: Map keys must satisfy constraint: [Member must have length less than or equal to 255, Member must have length greater than or equal to 3, Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+]" },
  { source: `${PS}/error-messages/batchGetItem.test.ts "empty Keys list"`, op: 'BatchGetItem', body: (f) => ({ RequestItems: { [f.hash]: { Keys: [] } } }),
    message: /^1 validation error detected: Value at 'RequestItems\.xh-[^.]+\.member\.Keys' failed to satisfy constraint: Member must have length greater than or equal to 1$/ },
  { source: `${PS}/error-messages/batchGetItem.test.ts "duplicate paths (a, a)"`, op: 'BatchGetItem', body: bg({ ProjectionExpression: 'a, a' }),
    message: `${OVERLAP}path one: [a], path two: [a]` },
  { source: `${PS}/error-messages/batchGetItem.test.ts "two distinct aliases resolving to one attribute"`, op: 'BatchGetItem',
    body: bg({ ProjectionExpression: '#a, #b', ExpressionAttributeNames: { '#a': 'a', '#b': 'a' } }), message: `${OVERLAP}path one: [a], path two: [a]` },
  { source: `${PS}/error-messages/batchGetItem.test.ts "overlapping parent and child paths (a, a.b)"`, op: 'BatchGetItem', body: bg({ ProjectionExpression: 'a, a.b' }),
    message: `${OVERLAP}path one: [a], path two: [a, b]` },

  // Scan (architect/dynalite test/scan.js; Scan answers in the older validation layer, bare).
  { source: `${SCAN} "incorrect attributes" (select)`, op: 'Scan', body: (f) => ({ TableName: f.hash, Select: 'hi' }),
    message: "1 validation error detected: Value 'hi' at 'select' failed to satisfy constraint: Member must satisfy enum value set: [SPECIFIC_ATTRIBUTES, COUNT, ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES]" },
  { source: `${SCAN} "incorrect attributes" (scanFilter comparisonOperator)`, op: 'Scan', body: (f) => ({ TableName: f.hash, ScanFilter: { b: { ComparisonOperator: '' } } }),
    message: "1 validation error detected: Value '' at 'scanFilter.b.member.comparisonOperator' failed to satisfy constraint: Member must satisfy enum value set: [IN, NULL, BETWEEN, LT, NOT_CONTAINS, EQ, GT, NOT_NULL, NE, LE, BEGINS_WITH, GE, CONTAINS]" },
  { source: `${SCAN} "incorrect attributes" (segment)`, op: 'Scan', body: (f) => ({ TableName: f.hash, Segment: -1, TotalSegments: 2 }),
    message: "1 validation error detected: Value '-1' at 'segment' failed to satisfy constraint: Member must have value greater than or equal to 0" },
  { source: `${SCAN} "incorrect attributes" (totalSegments)`, op: 'Scan', body: (f) => ({ TableName: f.hash, Segment: 0, TotalSegments: -1 }),
    message: "1 validation error detected: Value '-1' at 'totalSegments' failed to satisfy constraint: Member must have value greater than or equal to 1" },
  { source: `${SCAN} "expression and non-expression"`, op: 'Scan',
    body: (f) => ({ TableName: f.hash, ScanFilter: { a: { ComparisonOperator: 'EQ', AttributeValueList: [{ S: 'x' }] } }, AttributesToGet: ['a'], ConditionalOperator: 'OR', FilterExpression: 'a = :v', ProjectionExpression: 'a', ExpressionAttributeValues: { ':v': { S: 'x' } } }),
    message: 'Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {AttributesToGet, ScanFilter, ConditionalOperator} Expression parameters: {ProjectionExpression, FilterExpression}' },
  { source: `${SCAN} "ExpressionAttributeNames but no FilterExpression"`, op: 'Scan', body: (f) => ({ TableName: f.hash, ExpressionAttributeNames: { '#a': 'a' } }),
    message: 'ExpressionAttributeNames can only be specified when using expressions' },
  { source: `${SCAN} "ExpressionAttributeValues but no FilterExpression"`, op: 'Scan', body: (f) => ({ TableName: f.hash, ExpressionAttributeValues: { ':v': { S: 'x' } } }),
    message: 'ExpressionAttributeValues can only be specified when using expressions: FilterExpression is null' },
  { source: `${SCAN} "duplicate values in AttributesToGet"`, op: 'Scan', body: (f) => ({ TableName: f.hash, AttributesToGet: ['a', 'a'] }),
    message: 'One or more parameter values were invalid: Duplicate value in attribute name: a' },
  { source: `${SCAN} "incorrect number of ScanFilter arguments" (EQ)`, op: 'Scan', body: (f) => ({ TableName: f.hash, ScanFilter: { a: { ComparisonOperator: 'EQ' } } }),
    message: 'One or more parameter values were invalid: Invalid number of argument(s) for the EQ ComparisonOperator' },
  { source: `${SCAN} "invalid ComparisonOperator types" (LT BOOL)`, op: 'Scan', body: (f) => ({ TableName: f.hash, ScanFilter: { a: { ComparisonOperator: 'LT', AttributeValueList: [{ BOOL: true }] } } }),
    message: 'One or more parameter values were invalid: ComparisonOperator LT is not valid for BOOL AttributeValue type' },
  { source: `${SCAN} "invalid BEGINS_WITH ComparisonOperator types" (N)`, op: 'Scan',
    body: (f) => ({ TableName: f.hash, ScanFilter: { a: { ComparisonOperator: 'BEGINS_WITH', AttributeValueList: [{ N: '1' }] } } }),
    message: 'One or more parameter values were invalid: ComparisonOperator BEGINS_WITH is not valid for N AttributeValue type' },
  { source: `${SCAN} "empty/invalid numbers in ScanFilter" (1e126)`, op: 'Scan',
    body: (f) => ({ TableName: f.hash, ScanFilter: { a: { ComparisonOperator: 'EQ', AttributeValueList: [{ N: '1e126' }] } } }),
    message: 'Number overflow. Attempting to store a number with magnitude larger than supported range' },
];

registerRows(test, rows);
