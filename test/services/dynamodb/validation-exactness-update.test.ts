/**
 * UpdateItem's UpdateExpression refusals, row by row against what real DynamoDB answered (see
 * exactness-rows.ts). dynalite recorded the messages before AWS put UpdateItem's expression
 * errors in the "1 validation error detected: " envelope; paritysuite/dynamodb-conformance
 * captured the envelope on them (tests/tier3/error-messages/updateItem.test.ts and
 * valueLayers.test.ts, 2026-10-09), so each row is dynalite's message inside it.
 */
import test from 'ava';
import { registerRows, type Fixtures, type Row } from './exactness-rows.js';

const DYN = 'architect/dynalite test/updateItem.js';
const PS = 'paritysuite/dynamodb-conformance tests/tier3/validation-ordering/updateItem.test.ts';
const EMPTY_NAME = "Value '' at 'tableName' failed to satisfy constraint: Member must have length greater than or equal to 1";
const NO_KEY = "Value null at 'key' failed to satisfy constraint: Member must not be null";
const one = (m: string): string => `1 validation error detected: ${m}`;
const INVALID_UPDATE = 'Invalid UpdateExpression: ';
const OVERLAP = `${INVALID_UPDATE}Two document paths overlap with each other; must remove or rewrite one of these paths; `;
const CONFLICT = `${INVALID_UPDATE}Two document paths conflict with each other; must remove or rewrite one of these paths; `;
const OPERAND = `${INVALID_UPDATE}Incorrect operand type for operator or function; `;

/** An UpdateItem of the hash fixture's item `k` with the given expression members. */
const upd = (UpdateExpression: string, extra: Record<string, unknown> = {}) => (f: Fixtures) => ({ TableName: f.hash, Key: { a: { S: 'k' } }, UpdateExpression, ...extra });

const rows: Row[] = [
  { source: `${DYN} "invalid ExpressionAttributeNames"`, op: 'UpdateItem',
    body: upd('SET b = :v', { ExpressionAttributeNames: { a: 'a' }, ExpressionAttributeValues: { ':v': { S: 'x' } } }),
    message: one('ExpressionAttributeNames contains invalid key: Syntax error; key: "a"') },
  { source: `${DYN} "invalid keys in ExpressionAttributeValues"`, op: 'UpdateItem',
    body: upd('SET b = :v', { ExpressionAttributeValues: { ':v': { S: 'x' }, b: { S: 'a' } } }),
    message: one('ExpressionAttributeValues contains invalid key: Syntax error; key: "b"') },
  { source: `${DYN} "syntax errors in UpdateExpression" (set a)`, op: 'UpdateItem', body: upd('set a'),
    message: /^1 validation error detected: Invalid UpdateExpression: Syntax error; / },
  { source: `${DYN} "syntax errors in UpdateExpression" (set a = b + c + d)`, op: 'UpdateItem', body: upd('set a = b + c + d'),
    message: /^1 validation error detected: Invalid UpdateExpression: Syntax error; / },
  { source: `${DYN} "syntax errors in UpdateExpression" (set a[1] = "eight")`, op: 'UpdateItem', body: upd('set a[1] = "eight"'),
    message: /^1 validation error detected: Invalid UpdateExpression: Syntax error; / },
  { source: `${DYN} "reserved keywords"`, op: 'UpdateItem', body: upd(' remove Absolute '),
    message: one(`${INVALID_UPDATE}Attribute name is a reserved keyword; reserved keyword: Absolute`) },
  { source: `${DYN} "invalid functions in UpdateExpression"`, op: 'UpdateItem',
    body: upd('set #c = if_not_exist(:c) set c = d', { ExpressionAttributeNames: { '#c': 'c' }, ExpressionAttributeValues: { ':c': { S: 'a' } } }),
    message: /^1 validation error detected: Invalid UpdateExpression: Invalid function name; function: / },
  { source: `${DYN} "multiple sections" (SET)`, op: 'UpdateItem',
    body: upd('set b = #c set c = :d', { ExpressionAttributeNames: { '#c': 'c' }, ExpressionAttributeValues: { ':d': { S: 'a' } } }),
    message: one(`${INVALID_UPDATE}The "SET" section can only be used once in an update expression;`) },
  { source: `${DYN} "multiple sections" (REMOVE)`, op: 'UpdateItem', body: upd('remove b set c = d remove e'),
    message: one(`${INVALID_UPDATE}The "REMOVE" section can only be used once in an update expression;`) },
  { source: `${DYN} "undefined attribute names in UpdateExpression"`, op: 'UpdateItem',
    body: upd('SET #c = if_not_exists(:c)', { ExpressionAttributeNames: { '#b': 'b' }, ExpressionAttributeValues: { ':c': { S: 'a' } } }),
    message: /^1 validation error detected: Invalid UpdateExpression: An expression attribute name used in the document path is not defined; attribute name: #/ },
  { source: `${DYN} "overlapping paths in UpdateExpression" (set a = b remove a)`, op: 'UpdateItem', body: upd('set b = c remove b'),
    message: one(`${OVERLAP}path one: [b], path two: [b]`) },
  { source: `${DYN} "overlapping paths in UpdateExpression" (remove c, #c.a)`, op: 'UpdateItem', body: upd('remove c, #c.b', { ExpressionAttributeNames: { '#c': 'c' } }),
    message: one(`${OVERLAP}path one: [c], path two: [c, b]`) },
  { source: `${DYN} "overlapping paths in UpdateExpression" (set c.b.#c = a, c = a)`, op: 'UpdateItem',
    body: upd('set c.b.#c = d, c = d', { ExpressionAttributeNames: { '#c': 'c' } }), message: one(`${OVERLAP}path one: [c, b, c], path two: [c]`) },
  { source: `${DYN} "overlapping paths in UpdateExpression" (#c[3].#d)`, op: 'UpdateItem',
    body: upd('set #c[3].#d = d, #c[3] = d', { ExpressionAttributeNames: { '#c': 'c', '#d': '[3]' } }), message: one(`${OVERLAP}path one: [c, [3], [3]], path two: [c, [3]]`) },
  { source: `${DYN} "conflicting paths in UpdateExpression" (remove a.#c set a[1])`, op: 'UpdateItem',
    body: upd('remove b.#c set b[1] = #d', { ExpressionAttributeNames: { '#c': 'c', '#d': '[3]' } }), message: one(`${CONFLICT}path one: [b, c], path two: [b, [1]]`) },
  { source: `${DYN} "incorrect types in UpdateExpression" (DELETE STRING)`, op: 'UpdateItem', body: upd('delete b.c :v', { ExpressionAttributeValues: { ':v': { S: 'a' } } }),
    message: one(`${OPERAND}operator: DELETE, operand type: STRING`) },
  { source: `${DYN} "incorrect types in UpdateExpression" (ADD LIST)`, op: 'UpdateItem', body: upd('add b.c :v', { ExpressionAttributeValues: { ':v': { L: [{ N: '1' }] } } }),
    message: one(`${OPERAND}operator: ADD, operand type: LIST`) },
  { source: `${DYN} "incorrect types in UpdateExpression" (DELETE NUMBER)`, op: 'UpdateItem', body: upd('delete b.c :v', { ExpressionAttributeValues: { ':v': { N: '1' } } }),
    message: one(`${OPERAND}operator: DELETE, operand type: NUMBER`) },
  { source: `${DYN} "incorrect types in UpdateExpression" (ADD BINARY)`, op: 'UpdateItem', body: upd('add b.c :v', { ExpressionAttributeValues: { ':v': { B: 'YQ==' } } }),
    message: one(`${OPERAND}operator: ADD, operand type: BINARY`) },
  { source: `${DYN} "incorrect number of operands to functions"`, op: 'UpdateItem', body: upd('set b = if_not_exists(c)'),
    message: /^1 validation error detected: Invalid UpdateExpression: Incorrect number of operands for operator or function; operator or function: if_not_exists, number of operands: 1$/ },
  { source: `${DYN} "incorrect operand path type to functions"`, op: 'UpdateItem', body: upd('set b = if_not_exists(:v, c)', { ExpressionAttributeValues: { ':v': { S: 'a' } } }),
    message: one(`${INVALID_UPDATE}Operator or function requires a document path; operator or function: if_not_exists`) },
  { source: `${DYN} "incorrect types to functions" (list_append S)`, op: 'UpdateItem', body: upd('set b = list_append(:v, b)', { ExpressionAttributeValues: { ':v': { S: 'a' } } }),
    message: one(`${OPERAND}operator or function: list_append, operand type: S`) },
  { source: `${DYN} "incorrect types to functions" (+ S)`, op: 'UpdateItem', body: upd('set b = b + :v', { ExpressionAttributeValues: { ':v': { S: 'a' } } }),
    message: one(`${OPERAND}operator or function: +, operand type: S`) },
  { source: `${DYN} "empty ExpressionAttributeNames"`, op: 'UpdateItem', body: upd('set b = :v', { ExpressionAttributeNames: {}, ExpressionAttributeValues: { ':v': { S: 'a' } } }),
    message: one('ExpressionAttributeNames must not be empty') },

  // The model constraints' order and wording (paritysuite/dynamodb-conformance, two regions, 2026-10-09;
  // the newer form in 31 of 33 regions, 2026-10-07).
  { source: `${PS} "joins an empty table name with the missing key"`, op: 'UpdateItem',
    body: () => ({ TableName: '', UpdateExpression: 'SET a = :a', ExpressionAttributeValues: { ':a': { S: 'x' } } }), message: `2 validation errors detected: ${EMPTY_NAME}; ${NO_KEY}` },
  { source: `${PS} "joins the enums, an empty table name and the missing key in member order"`, op: 'UpdateItem',
    body: () => ({ TableName: '', UpdateExpression: 'SET a = :a', ExpressionAttributeValues: { ':a': { S: 'x' } }, ReturnConsumedCapacity: 'INVALID', ReturnValues: 'INVALID' }),
    message: "4 validation errors detected: Value 'INVALID' at 'returnConsumedCapacity' failed to satisfy constraint: Member must satisfy enum value set: [INDEXES, TOTAL, NONE]; "
      + `${EMPTY_NAME}; Value 'INVALID' at 'returnValues' failed to satisfy constraint: Member must satisfy enum value set: [ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]; ${NO_KEY}` },
  { source: `${PS} "joins XOR with two Expected conditions to the missing key"`, op: 'UpdateItem',
    body: () => ({ TableName: 'absent-table-exactness', AttributeUpdates: { x: { Action: 'PUT', Value: { S: '1' } } }, Expected: { a: { Exists: false }, b: { Exists: false } }, ConditionalOperator: 'XOR' }),
    message: `2 validation errors detected: Value 'XOR' at 'conditionalOperator' failed to satisfy constraint: Member must satisfy enum value set: [OR, AND]; ${NO_KEY}` },
  { source: `${PS} "rejects invalid ReturnValues (UpdateItem reports the first enum error)" (registry/splits.json, us-east-1)`, op: 'UpdateItem',
    body: () => ({ TableName: 'absent-table-exactness', Key: { pk: { S: 'test' } }, ReturnValues: 'INVALID', ReturnConsumedCapacity: 'INVALID' }),
    message: '1 validation error detected: Failed to satisfy constraint: Member must satisfy enum value set: [ALL_OLD, UPDATED_OLD, ALL_NEW, UPDATE_NEW, NONE]' },
];

registerRows(test, rows);
