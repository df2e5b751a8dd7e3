/**
 * Hostile pass 26, the writes: what a write could store that no item may hold, each refused or
 * made storable (lone surrogates in key values, empty attribute names, an update nesting past 32
 * levels). Rows send raw JSON 1.0 (helpers.ts rawCall) so the SDK's checks hide nothing; each
 * names its source, or says it is an invariant with no AWS capture.
 */
import test from 'ava';
import { startBoltstack } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';
import { makeFixtures, type Fixtures } from './exactness-rows.js';
import { rawCall } from './helpers.js';

const VALIDATION = 'com.amazon.coral.validate#ValidationException';

let server: Boltstack;
let f: Fixtures;
test.before(async () => { server = await startBoltstack(); f = await makeFixtures(server.endpoint); });
test.after.always(async () => { await server?.stop(); });

const call = (op: string, body: unknown) => rawCall(server.endpoint, op, body);
// --- Lone surrogates in key values ---
// JSON's "\ud800" escape decodes to a string no UTF-8 can hold. Such a key value reached the
// storage key as-is and the MetaStore refused it, so every operation on it answered HTTP 500.
// No source shows AWS's answer (its keys are UTF-8, so the value cannot be kept as sent); the
// invariant: an answer that is not a 5xx, and a key found again by the same request text.

const LONE = '\ud800';

test('a lone surrogate in a key value: every operation answers, and the item is found again by the same key [invariant; no AWS capture]', async (t) => {
  const key = { a: { S: `lone-${LONE}-26` } };
  const range = { a: { S: `lone-${LONE}` }, b: { S: `r-${LONE}` } };
  const writes: Array<[string, unknown]> = [
    ['PutItem', { TableName: f.hash, Item: { ...key, x: { S: 'first' } } }],
    ['UpdateItem', { TableName: f.hash, Key: key, UpdateExpression: 'SET y = :v', ExpressionAttributeValues: { ':v': { S: LONE } } }],
    ['PutItem', { TableName: f.range, Item: { ...range, c: { S: `g-${LONE}` } } }],
    ['BatchWriteItem', { RequestItems: { [f.hash]: [{ PutRequest: { Item: { a: { S: `batch-${LONE}` } } } }] } }],
    ['TransactWriteItems', { TransactItems: [{ Put: { TableName: f.hash, Item: { a: { S: `tx-${LONE}` } } } }] }],
    // The idempotency record is keyed by the ClientRequestToken (keys.ts tokenKey): 500 as well.
    ['TransactWriteItems', { ClientRequestToken: `token-${LONE}`, TransactItems: [{ Put: { TableName: f.hash, Item: { a: { S: `tok-${LONE}` } } } }] }],
    ['TransactWriteItems', { ClientRequestToken: `token-${LONE}`, TransactItems: [{ Put: { TableName: f.hash, Item: { a: { S: `tok-${LONE}` } } } }] }],
    ['ExecuteStatement', { Statement: `INSERT INTO "${f.hash}" VALUE {'a': ?}`, Parameters: [{ S: `pq-${LONE}` }] }],
  ];
  for (const [op, body] of writes) {
    const r = await call(op, body);
    t.is(r.status, 200, `${op}: ${JSON.stringify(r.body)}`);
  }
  const got = await call('GetItem', { TableName: f.hash, Key: key, ConsistentRead: true });
  t.is(got.status, 200, JSON.stringify(got.body));
  t.deepEqual((got.body.Item as Record<string, unknown> | undefined)?.y, { S: LONE }, 'the item written under the key is read back under it');
  const reads: Array<[string, unknown]> = [
    ['Query', { TableName: f.range, KeyConditionExpression: 'a = :a AND b > :b', ExpressionAttributeValues: { ':a': range.a, ':b': { S: LONE } } }],
    ['Query', { TableName: f.range, IndexName: 'index4', KeyConditionExpression: 'c = :c', ExpressionAttributeValues: { ':c': { S: `g-${LONE}` } } }],
    ['Scan', { TableName: f.hash, ExclusiveStartKey: key }],
    ['BatchGetItem', { RequestItems: { [f.hash]: { Keys: [{ a: { S: `batch-${LONE}` } }] } } }],
    ['TransactGetItems', { TransactItems: [{ Get: { TableName: f.hash, Key: { a: { S: `tx-${LONE}` } } } }] }],
    ['DeleteItem', { TableName: f.hash, Key: key, ReturnValues: 'ALL_OLD' }],
  ];
  for (const [op, body] of reads) {
    const r = await call(op, body);
    t.is(r.status, 200, `${op}: ${JSON.stringify(r.body)}`);
  }
  const count = async (op: string, body: unknown): Promise<unknown> => (await call(op, body)).body.Count;
  t.is(await count('Query', { TableName: f.range, KeyConditionExpression: 'a = :a', ExpressionAttributeValues: { ':a': range.a } }), 1, 'the range-keyed item is found by its hash key');
  t.is(await count('Query', { TableName: f.range, IndexName: 'index4', KeyConditionExpression: 'c = :c', ExpressionAttributeValues: { ':c': { S: `g-${LONE}` } } }), 1, 'and through its GSI');
});

// --- Empty attribute names ---
// Attribute names are at least one character long (developerguide
// HowItWorks.NamingRulesDataTypes.html, "Naming rules"); an item with a top-level "" name was
// stored. AWS's words, and that it answers them before looking the table up:
// paritysuite/dynamodb-conformance tests/tier3/validation-ordering/deepRequests.test.ts (absent
// tables, ten regions, 2026-10-09).

const DEEP = 'paritysuite/dynamodb-conformance tests/tier3/validation-ordering/deepRequests.test.ts';
const deep = (n: number): unknown => { let v: unknown = { S: 'leaf' }; for (let i = 0; i < n; i++) v = { M: { n: v } }; return v; };
const absentKey = (pk: string) => ({ pk: { S: pk }, sk: { S: '1' } });
const ABSENT = 'deep-order-absent-26';

test(`TransactWriteItems: an empty attribute name is "Empty attribute name", before the table is looked up; a value nested 40 levels in an earlier Put wins (${DEEP} "reports a Put item nested 40 levels before an empty attribute name in a later Put", "reports an empty attribute name before ...")`, async (t) => {
  const alone = await call('TransactWriteItems', { TransactItems: [{ Put: { TableName: ABSENT, Item: { ...absentKey('a'), '': { S: 'x' } } } }] });
  t.deepEqual([alone.status, alone.body.__type, alone.body.message], [400, VALIDATION, 'Empty attribute name']);
  const later = await call('TransactWriteItems', { TransactItems: [
    { Put: { TableName: ABSENT, Item: { ...absentKey('b'), d: deep(40) } } },
    { Put: { TableName: ABSENT, Item: { ...absentKey('a'), '': { S: 'x' } } } },
  ] });
  t.is(later.body.message, 'Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond supported limit');
  // The source's "before a later ConditionCheck value nested 100 levels", with the value at 40 (see below for 100).
  const before = await call('TransactWriteItems', { TransactItems: [
    { Put: { TableName: ABSENT, Item: { ...absentKey('a'), '': { S: 'x' } } } },
    { ConditionCheck: { TableName: ABSENT, Key: absentKey('b'), ConditionExpression: 'd = :deep', ExpressionAttributeValues: { ':deep': deep(40) } } },
  ] });
  t.is(before.body.message, 'Empty attribute name');
});

test(`an empty attribute name is refused by every write that carries an item, and nothing is stored (developerguide naming rules; the words from ${DEEP})`, async (t) => {
  // Only TransactWriteItems' wording is captured; the other writes answer it in their layer's
  // envelope (values/errors.ts: PutItem's "1 validation error detected: ", BatchWriteItem bare).
  const item = { a: { S: 'empty-name-26' }, '': { S: 'x' } };
  for (const [op, body] of [
    ['PutItem', { TableName: f.hash, Item: item }],
    ['BatchWriteItem', { RequestItems: { [f.hash]: [{ PutRequest: { Item: item } }] } }],
    ['TransactWriteItems', { TransactItems: [{ Put: { TableName: f.hash, Item: item } }] }],
  ] as const) {
    const r = await call(op, body);
    t.is(r.status, 400, op);
    t.is(r.body.__type, VALIDATION, op);
    t.regex(String(r.body.message), /^(1 validation error detected: )?Empty attribute name$/, op);
  }
  const read = await call('GetItem', { TableName: f.hash, Key: { a: { S: 'empty-name-26' } }, ConsistentRead: true });
  t.deepEqual(read.body, {});
});

// AWS reads a document nested this deep and answers the empty name. Regression: the JSON decoder
// (src/protocols/json/decode.ts) refused it first with its own SerializationException ("Document
// nesting exceeds the supported depth"), its cap being 100 decoder levels.
for (const [label, item] of [
  ['the empty name first', { ...absentKey('a'), '': { S: 'x' }, d: deep(100) }],
  ['the deep value first', { ...absentKey('a'), d: deep(100), '': { S: 'x' } }],
] as const) {
  test(`TransactWriteItems: "Empty attribute name" ahead of a value nested 100 levels in the same item, ${label} (${DEEP} "reports a top-level empty attribute name before a value nested 100 levels in the same item, in either order")`, async (t) => {
    const r = await call('TransactWriteItems', { TransactItems: [{ Put: { TableName: ABSENT, Item: item } }] });
    t.deepEqual([r.status, r.body.__type, r.body.message], [400, VALIDATION, 'Empty attribute name']);
  });
}

// An expression attribute name that stands for "": UpdateItem's SET created a "" attribute, a
// condition read it. AWS's words: an AWS Amplify app (public GitHub, a React topic editor calling
// UpdateItem through API Gateway and Lambda) compares err.message with
// "ExpressionAttributeNames contains invalid value: Empty attribute name for key #DE" to tell its
// user the topic cannot be blank; DynamoDB Local answers the same (a DynamoDB access-path library's
// test notes, "Measured against DynamoDB Local"). Either envelope (see `floated` in
// validation-exactness-conditions.test.ts).
test('an expression attribute name for "": "ExpressionAttributeNames contains invalid value: Empty attribute name for key #e" on every operation that takes expressions, and nothing is written', async (t) => {
  const names = { ExpressionAttributeNames: { '#e': '' } };
  const message = /^(1 validation error detected: )?ExpressionAttributeNames contains invalid value: Empty attribute name for key #e$/;
  for (const [op, body] of [
    ['UpdateItem', { TableName: f.hash, Key: { a: { S: 'ean-26' } }, UpdateExpression: 'SET #e = :v', ExpressionAttributeValues: { ':v': { S: 'x' } }, ...names }],
    ['PutItem', { TableName: f.hash, Item: { a: { S: 'ean-26' } }, ConditionExpression: 'attribute_not_exists(#e)', ...names }],
    ['DeleteItem', { TableName: f.hash, Key: { a: { S: 'ean-26' } }, ConditionExpression: 'attribute_exists(#e)', ...names }],
    ['GetItem', { TableName: f.hash, Key: { a: { S: 'ean-26' } }, ProjectionExpression: '#e', ...names }],
    ['Query', { TableName: f.range, KeyConditionExpression: 'a = :a', FilterExpression: 'attribute_exists(#e)', ExpressionAttributeValues: { ':a': { S: 'x' } }, ...names }],
    ['Scan', { TableName: f.hash, FilterExpression: 'attribute_exists(#e)', ...names }],
    ['TransactWriteItems', { TransactItems: [{ Update: { TableName: f.hash, Key: { a: { S: 'ean-26' } }, UpdateExpression: 'SET #e = :v', ExpressionAttributeValues: { ':v': { S: 'x' } }, ...names } }] }],
  ] as const) {
    const r = await call(op, body);
    t.is(r.status, 400, `${op}: ${JSON.stringify(r.body)}`);
    t.is(r.body.__type, VALIDATION, op);
    t.regex(String(r.body.message), message, op);
  }
  t.deepEqual((await call('GetItem', { TableName: f.hash, Key: { a: { S: 'ean-26' } }, ConsistentRead: true })).body, {});
});

// --- The 32-level cap on the item an update builds ---
// Each value of an update passed the cap on its own, but a nested path put it deeper: `SET d.n =
// :v` with a 31-level :v under a 30-level d stored an item nested 33 levels, which no PutItem could
// write back. paritysuite/dynamodb-conformance tests/tier3/limits/nestingDepth.test.ts (eu-west-2
// and us-east-1, 2026-09-12): "An Update that writes a too deep value into the item still cancels
// on the stored-item cap", with the cap's own message; 30 of 33 regions cancel a transacted
// Update with a ValidationError reason. UpdateItem answers it as it answers the other check on
// the finished item ("Item size to update ..."), bare.
const NEST = 'Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond supported limit';
const NESTING_SRC = 'paritysuite/dynamodb-conformance tests/tier3/limits/nestingDepth.test.ts';

test(`UpdateItem: a nested SET that takes the item past 32 levels is refused with the cap's message and nothing changes; up to 32 is written (${NESTING_SRC})`, async (t) => {
  const key = { a: { S: 'nest-update-26' } };
  t.is((await call('PutItem', { TableName: f.hash, Item: { ...key, d: deep(30) } })).status, 200);
  const over = await call('UpdateItem', { TableName: f.hash, Key: key, UpdateExpression: 'SET d.n = :v', ExpressionAttributeValues: { ':v': deep(31) } });
  t.deepEqual([over.status, over.body.__type, over.body.message], [400, VALIDATION, NEST]);
  const item = (await call('GetItem', { TableName: f.hash, Key: key, ConsistentRead: true })).body.Item;
  t.deepEqual(item, { ...key, d: deep(30) }, 'unchanged');
  // d.n at level 2 holding 30 wraps: the leaf at level 32, the deepest the cap allows.
  const at = await call('UpdateItem', { TableName: f.hash, Key: key, UpdateExpression: 'SET d.n = :v', ExpressionAttributeValues: { ':v': deep(30) } });
  t.is(at.status, 200, JSON.stringify(at.body));
  // The written item can be put back as it is.
  const written = (await call('GetItem', { TableName: f.hash, Key: key, ConsistentRead: true })).body.Item;
  t.is((await call('PutItem', { TableName: f.hash, Item: written })).status, 200);
});

test(`TransactWriteItems: the same Update cancels with a ValidationError reason carrying the cap's message (${NESTING_SRC}, "cancels an Update that writes a 32-level value into the item")`, async (t) => {
  const key = { a: { S: 'nest-twi-26' } };
  t.is((await call('PutItem', { TableName: f.hash, Item: { ...key, d: deep(30) } })).status, 200);
  const r = await call('TransactWriteItems', { TransactItems: [{ Update: { TableName: f.hash, Key: key, UpdateExpression: 'SET d.n = :v', ExpressionAttributeValues: { ':v': deep(31) } } }] });
  t.is(r.status, 400);
  t.is(r.body.__type, 'com.amazonaws.dynamodb.v20120810#TransactionCanceledException');
  // AWS sends this exception's text as `Message` (aws-captures-stackd-failure-answers.test.ts).
  t.is(r.body.Message, 'Transaction cancelled, please refer cancellation reasons for specific reasons [ValidationError]');
  t.deepEqual(r.body.CancellationReasons, [{ Code: 'ValidationError', Message: NEST }]);
});
