/**
 * PutItem's refusals, row by row against what real DynamoDB answered (see exactness-rows.ts).
 * Rows that name a table that does not exist ('abc') check that AWS validates the request before
 * it looks the table up, as the source's test did.
 */
import test from 'ava';
import { registerRows, type Row } from './exactness-rows.js';

const DYN = 'architect/dynalite test/putItem.js';
const INVALID = 'One or more parameter values were invalid: ';
const PS = 'paritysuite/dynamodb-conformance tests/tier3/error-messages/putItem.test.ts';
const NOT_NUMERIC = 'The parameter cannot be converted to a numeric value';
/**
 * PutItem answers value, Expected and expression errors inside this envelope, wherever the value
 * sits (paritysuite/dynamodb-conformance tests/tier3/error-messages/valueLayers.test.ts and
 * putItem.test.ts "request validation envelope", four regions, 2026-10-09): dynalite's messages
 * predate it, so its rows keep their message and gain the envelope. Checks against the table
 * (missing key, key type, key and item size) stay bare.
 */
const one = (m: string): string => `1 validation error detected: ${m}`;

const rows: Row[] = [
  // dynalite's "2 validation errors detected" (tableName and item) is AWS's older answer: AWS now
  // reports the first only (paritysuite's 2026-10-07 capture, put-item-validation-error-aggregation).
  { source: `${PS} "missing table name: full validation error string"`, op: 'PutItem', body: () => ({ Item: { a: { S: 'x' } } }),
    message: "1 validation error detected: Value null at 'tableName' failed to satisfy constraint: Member must not be null" },
  { source: `${PS} "table name too long (256 chars)"`, op: 'PutItem', body: () => ({ TableName: 'a'.repeat(256), Item: { a: { S: 'x' } } }),
    message: `1 validation error detected: Value '${'a'.repeat(256)}' at 'tableName' failed to satisfy constraint: Member must have length less than or equal to 255` },
  { source: `${PS} "table name with invalid chars"`, op: 'PutItem', body: () => ({ TableName: 'bad table!@#', Item: { a: { S: 'x' } } }),
    message: "1 validation error detected: Value 'bad table!@#' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+" },
  { source: `${PS} "mixing expression and non-expression"`, op: 'PutItem',
    body: (f) => ({ TableName: f.hash, Item: { a: { S: 'x' } }, Expected: { a: { Exists: false } }, ConditionExpression: 'attribute_not_exists(a)' }),
    message: one('Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {Expected} Expression parameters: {ConditionExpression}') },
  { source: `${PS} "PutItem - request validation envelope"`, op: 'PutItem',
    body: (f) => ({ TableName: f.hash, Item: { a: { S: 'x' } }, ExpressionAttributeValues: { ':v': { S: 'x' } } }),
    message: '1 validation error detected: ExpressionAttributeValues can only be specified when using expressions' },
  { source: `${PS} "redundant parentheses in ConditionExpression"`, op: 'PutItem',
    body: (f) => ({ TableName: f.hash, Item: { a: { S: 'x' } }, ConditionExpression: '((attribute_not_exists(a)))' }),
    message: one('Invalid ConditionExpression: The expression has redundant parentheses;') },
  { source: `${PS} "contains() with duplicate path and operand"`, op: 'PutItem',
    body: (f) => ({ TableName: f.hash, Item: { a: { S: 'x' } }, ConditionExpression: 'contains(#a, #a)', ExpressionAttributeNames: { '#a': 'data' } }),
    message: one('Invalid ConditionExpression: The first operand must be distinct from the remaining operands for this operator or function; operator: contains, first operand: [data]') },
  { source: `${PS} "empty binary set"`, op: 'PutItem', body: (f) => ({ TableName: f.hash, Item: { a: { S: 'x' }, bad: { BS: [] } } }),
    message: one(`${INVALID}Binary sets should not be empty`) },
  { source: `${PS} "empty number set"`, op: 'PutItem', body: (f) => ({ TableName: f.hash, Item: { a: { S: 'x' }, bad: { NS: [] } } }),
    message: one(`${INVALID}An number set  may not be empty`) },
  { source: `${DYN} "no value and no exists"`, op: 'PutItem', body: () => ({ TableName: 'abc', Item: {}, Expected: { a: {} } }),
    message: one(`${INVALID}Value must be provided when Exists is null for Attribute: a`) },
  { source: `${DYN} "Exists true with no value"`, op: 'PutItem', body: () => ({ TableName: 'abc', Item: {}, Expected: { a: { Exists: true } } }),
    message: one(`${INVALID}Value must be provided when Exists is true for Attribute: a`) },
  { source: `${DYN} "Exists false with value"`, op: 'PutItem', body: () => ({ TableName: 'abc', Item: {}, Expected: { a: { Exists: false, Value: { S: 'a' } } } }),
    message: one(`${INVALID}Value cannot be used when Exists is false for Attribute: a`) },
  { source: `${DYN} "empty key type"`, op: 'PutItem', body: () => ({ TableName: 'abc', Item: { a: {} } }),
    message: one('Supplied AttributeValue is empty, must contain exactly one of the supported datatypes') },
  { source: `${DYN} "false null"`, op: 'PutItem', body: () => ({ TableName: 'abc', Item: { a: { NULL: false } } }),
    message: one(`${INVALID}Null attribute value types must have the value of true`) },
  { source: `${DYN} "empty set key"`, op: 'PutItem', body: () => ({ TableName: 'abc', Item: { a: { SS: [] } } }),
    message: one(`${INVALID}An string set  may not be empty`) },
  // The empty number's echo (": ") and the duplicates' rendering are the current layer's
  // (paritysuite valueLayers.test.ts, 2026-10-09); dynalite recorded the older layer's.
  { source: `${DYN} "key has empty numeric in set"`, op: 'PutItem', body: () => ({ TableName: 'abc', Item: { a: { NS: ['1', ''] } } }), message: one(`${NOT_NUMERIC}: `) },
  { source: `${DYN} "duplicate string in set"`, op: 'PutItem', body: () => ({ TableName: 'abc', Item: { a: { SS: ['a', 'a'] } } }),
    message: one(`${INVALID}Input collection ["a", "a"] contains duplicates.`) },
  { source: `${DYN} "duplicate number in set"`, op: 'PutItem', body: () => ({ TableName: 'abc', Item: { a: { NS: ['1', '1'] } } }),
    message: one(`${INVALID}Input collection contains duplicates.`) },
  { source: `${DYN} "duplicate binary in set"`, op: 'PutItem', body: () => ({ TableName: 'abc', Item: { a: { BS: ['Yg==', 'Yg=='] } } }),
    message: one(`${INVALID}Input collection ["Yg==","Yg=="]of type BS contains duplicates.`) },
  { source: `${DYN} "multiple types"`, op: 'PutItem', body: () => ({ TableName: 'abc', Item: { a: { S: 'a', N: '1' } } }),
    message: one('Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes') },
  { source: `${DYN} "key has empty numeric type"`, op: 'PutItem', body: () => ({ TableName: 'abc', Item: { a: { N: '' } } }), message: one(`${NOT_NUMERIC}: `) },
  { source: `${DYN} "key has incorrect numeric type"`, op: 'PutItem', body: () => ({ TableName: 'abc', Item: { a: { N: 'b' } } }), message: one(`${NOT_NUMERIC}: b`) },
  { source: `${DYN} "incorrect numeric type in set"`, op: 'PutItem', body: () => ({ TableName: 'abc', Item: { a: { NS: ['1', 'b', 'a'] } } }), message: one(`${NOT_NUMERIC}: b`) },
  { source: `${DYN} "empty expected value"`, op: 'PutItem', body: () => ({ TableName: 'abc', Item: {}, Expected: { a: { Value: {} } } }),
    message: one('Supplied AttributeValue is empty, must contain exactly one of the supported datatypes') },
  { source: `${DYN} "trying to store large number"`, op: 'PutItem', body: () => ({ TableName: 'aaa', Item: { a: { N: '123456789012345678901234567890123456789' } } }),
    message: one('Attempting to store more than 38 significant digits in a Number') },
  { source: `${DYN} "trying to store long digited number"`, op: 'PutItem', body: () => ({ TableName: 'aaa', Item: { a: { N: '-1.23456789012345678901234567890123456789' } } }),
    message: one('Attempting to store more than 38 significant digits in a Number') },
  { source: `${DYN} "huge positive number"`, op: 'PutItem', body: () => ({ TableName: 'aaa', Item: { a: { N: '1e126' } } }),
    message: one('Number overflow. Attempting to store a number with magnitude larger than supported range') },
  { source: `${DYN} "huge negative number"`, op: 'PutItem', body: () => ({ TableName: 'aaa', Item: { a: { N: '-1e126' } } }),
    message: one('Number overflow. Attempting to store a number with magnitude larger than supported range') },
  { source: `${DYN} "tiny positive number"`, op: 'PutItem', body: () => ({ TableName: 'aaa', Item: { a: { N: '1e-131' } } }),
    message: one('Number underflow. Attempting to store a number with magnitude smaller than supported range') },
  { source: `${DYN} "ComparisonOperator used alone"`, op: 'PutItem', body: () => ({ TableName: 'aaa', Item: {}, Expected: { a: { ComparisonOperator: 'LT' } } }),
    message: one(`${INVALID}Value or AttributeValueList must be used with ComparisonOperator: LT for Attribute: a`) },
  { source: `${DYN} "ComparisonOperator and Exists are used together"`, op: 'PutItem',
    body: () => ({ TableName: 'aaa', Item: {}, Expected: { a: { Exists: true, ComparisonOperator: 'LT' } } }),
    message: one(`${INVALID}Exists and ComparisonOperator cannot be used together for Attribute: a`) },
  { source: `${DYN} "AttributeValueList and Value are used together"`, op: 'PutItem',
    body: () => ({ TableName: 'aaa', Item: {}, Expected: { a: { AttributeValueList: [{ S: 'a' }], Value: { S: 'a' }, ComparisonOperator: 'LT' } } }),
    message: one(`${INVALID}Value and AttributeValueList cannot be used together for Attribute: a`) },
  { source: `${DYN} "AttributeValueList used without ComparisonOperator"`, op: 'PutItem',
    body: () => ({ TableName: 'aaa', Item: {}, Expected: { a: { AttributeValueList: [{ S: 'a' }] } } }),
    message: one(`${INVALID}AttributeValueList can only be used with a ComparisonOperator for Attribute: a`) },
  { source: `${DYN} "AttributeValueList is incorrect length: EQ"`, op: 'PutItem',
    body: () => ({ TableName: 'aaa', Item: {}, Expected: { a: { AttributeValueList: [], ComparisonOperator: 'EQ' } } }),
    message: one(`${INVALID}Invalid number of argument(s) for the EQ ComparisonOperator`) },
  { source: `${DYN} "AttributeValueList is incorrect length: BETWEEN"`, op: 'PutItem',
    body: () => ({ TableName: 'aaa', Item: {}, Expected: { a: { AttributeValueList: [{ N: '1' }, { N: '10' }, { N: '12' }], ComparisonOperator: 'BETWEEN' } } }),
    message: one(`${INVALID}Invalid number of argument(s) for the BETWEEN ComparisonOperator`) },
  { source: `${DYN} "Value provides incorrect number of attributes: NULL"`, op: 'PutItem',
    body: () => ({ TableName: 'aaa', Item: {}, Expected: { a: { Value: { S: 'a' }, ComparisonOperator: 'NULL' } } }),
    message: one(`${INVALID}Invalid number of argument(s) for the NULL ComparisonOperator`) },
  { source: `${DYN} "item is too big with small attribute"`, op: 'PutItem',
    body: (f) => ({ TableName: f.hash, Item: { a: { S: 'k' }, b: { S: 'x'.repeat(400 * 1024 - 2) } } }),
    message: 'Item size has exceeded the maximum allowed size' },
  { source: `${DYN} "key is empty and table does exist"`, op: 'PutItem', body: (f) => ({ TableName: f.hash, Item: {} }),
    message: `${INVALID}Missing the key a in the item` },
  { source: `${DYN} "key has incorrect attributes"`, op: 'PutItem', body: (f) => ({ TableName: f.hash, Item: { b: { S: 'a' } } }),
    message: `${INVALID}Missing the key a in the item` },
  { source: `${DYN} "key is incorrect binary type"`, op: 'PutItem', body: (f) => ({ TableName: f.hash, Item: { a: { B: 'abcd' } } }),
    message: `${INVALID}Type mismatch for key a expected: S actual: B` },
  { source: `${DYN} "key is incorrect string set type"`, op: 'PutItem', body: (f) => ({ TableName: f.hash, Item: { a: { SS: ['a'] } } }),
    message: `${INVALID}Type mismatch for key a expected: S actual: SS` },
  { source: `${DYN} "missing range key"`, op: 'PutItem', body: (f) => ({ TableName: f.range, Item: { a: { S: 'a' } } }),
    message: `${INVALID}Missing the key b in the item` },
  { source: `${DYN} "secondary index key is incorrect type"`, op: 'PutItem', body: (f) => ({ TableName: f.range, Item: { a: { S: 'a' }, b: { S: 'a' }, c: { N: '1' } } }),
    message: `${INVALID}Type mismatch for Index Key c Expected: S Actual: N IndexName: index4` },
  { source: `${DYN} "hash key is too big"`, op: 'PutItem', body: (f) => ({ TableName: f.hash, Item: { a: { S: 'a'.repeat(2049) } } }),
    message: `${INVALID}Size of hashkey has exceeded the maximum size limit of2048 bytes` },
  { source: `${DYN} "range key is too big"`, op: 'PutItem', body: (f) => ({ TableName: f.range, Item: { a: { S: 'a' }, b: { S: 'b'.repeat(1025) } } }),
    message: `${INVALID}Aggregated size of all range keys has exceeded the size limit of 1024 bytes` },
];

registerRows(test, rows);
