/**
 * Which problem TransactWriteItems and TransactGetItems report first when a request has several,
 * row by row (paritysuite/dynamodb-conformance tests/tier3/validation-ordering/transactions.test.ts,
 * us-east-1 and eu-west-2, 2026-10-09; see exactness-rows.ts). Member constraints come first,
 * together; then each action's expressions and values in request order; then the tables.
 */
import test from 'ava';
import { registerRows, type Fixtures, type Row } from './exactness-rows.js';

const PS = 'paritysuite/dynamodb-conformance tests/tier3/validation-ordering/transactions.test.ts';
const ABSENT = 'absent-table-exactness';
const ENUM_RCC = "Value 'BOGUS' at 'returnConsumedCapacity' failed to satisfy constraint: Member must satisfy enum value set: [INDEXES, TOTAL, NONE]";
const ENUM_RICM = "Value 'BOGUS2' at 'returnItemCollectionMetrics' failed to satisfy constraint: Member must satisfy enum value set: [SIZE, NONE]";
const TOKEN = 'x'.repeat(37);
const TOKEN_ECHOED = `Value '${TOKEN}' at 'clientRequestToken' failed to satisfy constraint: Member must have length less than or equal to 36`;
const SYNTAX = 'Invalid ConditionExpression: Syntax error; token: "<EOF>", near: "("';
const NEST = 'Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond supported limit';
const UNUSED = 'Value provided in ExpressionAttributeValues unused in expressions: keys: {:v}';
const one = (m: string): string => `1 validation error detected: ${m}`;

const deep32 = (): unknown => { let v: unknown = { S: 'leaf' }; for (let i = 0; i < 32; i++) v = { M: { n: v } }; return v; };
const put = (TableName: string, a: string, extra: Record<string, unknown> = {}) => ({ Put: { TableName, Item: { a: { S: a }, ...extra } } });
const badCheck = (t: string) => ({ ConditionCheck: { TableName: t, Key: { a: { S: 'vo-tx-cc' } }, ConditionExpression: 'attribute_not_exists(' } });
const unusedCheck = (t: string) => ({ ConditionCheck: { TableName: t, Key: { a: { S: 'vo-tx-cc' } }, ConditionExpression: 'attribute_not_exists(a)', ExpressionAttributeValues: { ':v': { S: 'x' } } } });
const tw = (items: (f: Fixtures) => unknown[], extra: Record<string, unknown> = {}) => (f: Fixtures) => ({ TransactItems: items(f), ...extra });
const get = (TableName: string, a: string) => ({ Get: { TableName, Key: { a: { S: a } } } });

const rows: Row[] = [
  { source: `${PS} "refuses an unknown ReturnConsumedCapacity and writes nothing"`, op: 'TransactWriteItems',
    body: tw((f) => [put(f.hash, 'vo-tx-rcc')], { ReturnConsumedCapacity: 'BOGUS' }), message: one(ENUM_RCC) },
  { source: `${PS} "refuses an unknown ReturnItemCollectionMetrics and writes nothing"`, op: 'TransactWriteItems',
    body: tw((f) => [put(f.hash, 'vo-tx-ricm')], { ReturnItemCollectionMetrics: 'BOGUS2' }), message: one(ENUM_RICM) },
  { source: `${PS} "reports both unknown enums in one message, ReturnConsumedCapacity first"`, op: 'TransactWriteItems',
    body: tw((f) => [put(f.hash, 'vo-tx-both')], { ReturnConsumedCapacity: 'BOGUS', ReturnItemCollectionMetrics: 'BOGUS2' }),
    message: `2 validation errors detected: ${ENUM_RCC}; ${ENUM_RICM}` },
  { source: `${PS} "reports an unknown ReturnConsumedCapacity ahead of a missing table"`, op: 'TransactWriteItems',
    body: tw(() => [put(ABSENT, 'a')], { ReturnConsumedCapacity: 'BOGUS' }), message: one(ENUM_RCC) },
  { source: `${PS} "reports an unknown ReturnConsumedCapacity ahead of a duplicate target"`, op: 'TransactWriteItems',
    body: tw((f) => [put(f.hash, 'vo-tx-dup'), { Delete: { TableName: f.hash, Key: { a: { S: 'vo-tx-dup' } } } }], { ReturnConsumedCapacity: 'BOGUS' }), message: one(ENUM_RCC) },
  { source: `${PS} "refuses a ClientRequestToken over 36 characters" (us-east-1 echoes it)`, op: 'TransactWriteItems',
    body: tw((f) => [put(f.hash, 'vo-tx-token')], { ClientRequestToken: TOKEN }), message: one(TOKEN_ECHOED) },
  { source: `${PS} "reports a ClientRequestToken over 36 characters ahead of an unknown ReturnConsumedCapacity" (us-east-1)`, op: 'TransactWriteItems',
    body: tw((f) => [put(f.hash, 'vo-tx-token')], { ClientRequestToken: TOKEN, ReturnConsumedCapacity: 'BOGUS' }),
    message: `2 validation errors detected: ${TOKEN_ECHOED}; ${ENUM_RCC}` },
  { source: `${PS} "reports a malformed condition on a later action ahead of a missing table on an earlier one"`, op: 'TransactWriteItems',
    body: tw((f) => [put(ABSENT, 'a'), badCheck(f.hash)]), message: SYNTAX },
  { source: `${PS} "reports a malformed condition on the first action ahead of a too deep item on the second"`, op: 'TransactWriteItems',
    body: tw((f) => [badCheck(f.hash), put(f.hash, 'vo-tx-deep', { data: deep32() })]), message: SYNTAX },
  { source: `${PS} "reports a too deep item on the first action ahead of a malformed condition on the second"`, op: 'TransactWriteItems',
    body: tw((f) => [put(f.hash, 'vo-tx-deep', { data: deep32() }), badCheck(f.hash)]), message: NEST },
  { source: `${PS} "reports an unused value ahead of a missing table on an earlier action"`, op: 'TransactWriteItems',
    body: tw((f) => [put(ABSENT, 'a'), unusedCheck(f.hash)]), message: UNUSED },
  { source: `${PS} "reports an unused value ahead of a missing table on a later action"`, op: 'TransactWriteItems',
    body: tw((f) => [unusedCheck(f.hash), put(ABSENT, 'a')]), message: UNUSED },
  { source: `${PS} "reports an unused value ahead of a duplicate target"`, op: 'TransactWriteItems',
    body: tw((f) => [put(f.hash, 'vo-tx-cc'), unusedCheck(f.hash)]), message: UNUSED },

  // A request without TransactItems (required in the model) answered 500 InternalFailure: the
  // member check listed the violation, then the action loop read the missing list (found by a
  // model-driven fuzz, 2026-12-06). AWS lists a missing required member as "Value null at …"
  // in one envelope with the other member violations (the rows above; validation-exactness-put).
  { source: 'the model (TransactItems required) and the envelope of the rows above', op: 'TransactWriteItems',
    body: () => ({ ReturnConsumedCapacity: 'BOGUS' }),
    message: `2 validation errors detected: Value null at 'transactItems' failed to satisfy constraint: Member must not be null; ${ENUM_RCC}` },
  { source: 'the model (TransactItems required)', op: 'TransactGetItems', body: () => ({}),
    message: one("Value null at 'transactItems' failed to satisfy constraint: Member must not be null") },

  { source: `${PS} TransactGetItems "refuses an unknown ReturnConsumedCapacity"`, op: 'TransactGetItems',
    body: (f) => ({ TransactItems: [get(f.hash, 'vo-tg-item')], ReturnConsumedCapacity: 'BOGUS' }), message: one(ENUM_RCC) },
  { source: `${PS} TransactGetItems "reports an unknown ReturnConsumedCapacity ahead of a missing table"`, op: 'TransactGetItems',
    body: () => ({ TransactItems: [get(ABSENT, 'a')], ReturnConsumedCapacity: 'BOGUS' }), message: one(ENUM_RCC) },
  { source: `${PS} TransactGetItems "reports an unknown ReturnConsumedCapacity ahead of a duplicate target"`, op: 'TransactGetItems',
    body: (f) => ({ TransactItems: [get(f.hash, 'vo-tg-item'), get(f.hash, 'vo-tg-item')], ReturnConsumedCapacity: 'BOGUS' }), message: one(ENUM_RCC) },
];

registerRows(test, rows);
