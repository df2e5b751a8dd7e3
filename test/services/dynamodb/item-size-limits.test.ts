/**
 * The 400 KB item limit to the byte, as paritysuite/dynamodb-conformance measured it against real
 * DynamoDB (tests/tier3/limits/itemSizeBySurface.test.ts and numberByteSize.test.ts, eu-west-2,
 * 2026-08-18 to 2026-10-09): each case is accepted at the predicted figure and refused one byte
 * over. UpdateItem charges the statement (expressions/update-charge.ts); every other surface
 * sizes the finished item.
 */
import test from 'ava';
import type { Boltstack } from '../../../src/index.js';
import { startBoltstack } from '../../helpers/server.js';
import { rawCall, uniqueTable } from './helpers.js';

const MAX = 409_600;
const PUT_WORDING = 'Item size has exceeded the maximum allowed size';
const UPDATE_WORDING = 'Item size to update has exceeded the maximum allowed size';
/** `SET b = :pad`'s own charge: the update (3), the SET (19), the name `b` (1). */
const PAD_CLAUSE = 3 + 19 + 1;

let server: Boltstack;
const table = uniqueTable('size');
type V = Record<string, unknown>;

test.before(async () => {
  server = await startBoltstack();
  const r = await rawCall(server.endpoint, 'CreateTable', {
    TableName: table, BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
  });
  if (r.status !== 200) throw new Error(JSON.stringify(r.body));
});
test.after.always(async () => { await server?.stop(); });

const call = (op: string, body: V) => rawCall(server.endpoint, op, body);
const pad = (bytes: number): V => ({ S: 'x'.repeat(bytes) });
let n = 0;
const fresh = (): string => `k${n++}`;

async function accepted(t: import('ava').ExecutionContext, op: string, body: V): Promise<void> {
  const r = await call(op, body);
  t.is(r.status, 200, JSON.stringify(r.body).slice(0, 300));
}
async function refused(t: import('ava').ExecutionContext, op: string, body: V, wording: string): Promise<void> {
  const r = await call(op, body);
  t.is(r.status, 400, 'accepted one byte over');
  t.is(r.body.message, wording);
}

/**
 * itemSizeBySurface.test.ts "UpdateItem charges each kind of clause": `SET b = :pad` plus the
 * clause, padded to the predicted charge, accepted, and refused one byte over.
 */
const clauses: Array<{ name: string; clause: string; values?: V; seed?: V; charge: number }> = [
  { name: 'a path operand: 15 bytes plus its name', clause: 'SET c = abcdefghij', seed: { abcdefghij: pad(10) }, charge: 19 + 1 + (1 + 14 + 10) },
  { name: 'a nested path operand: 14 bytes plus the element, per element', clause: 'SET c = m.z', seed: { m: { M: { z: pad(10) } } }, charge: 19 + 1 + (1 + 15 + 15) },
  { name: 'a list element operand', clause: 'SET c = l[10]', seed: { l: { L: [...Array.from({ length: 10 }, () => ({ S: 'e' })), pad(10)] } }, charge: 19 + 1 + (1 + 15 + 16) },
  { name: 'list_append: 37 bytes plus its operands', clause: 'SET l = list_append(l, :new)', seed: { l: { L: [{ S: 'e' }] } },
    values: { ':new': { L: [pad(10)] } }, charge: 19 + 1 + 37 + (1 + 15) + (3 + 1 + 10) },
  { name: 'a document value at its size', clause: 'SET c = if_not_exists(c, :m)', seed: { c: { S: 'c' } },
    values: { ':m': { M: { a: pad(100) } } }, charge: 19 + 1 + 39 + (1 + 15) + (3 + 1 + 1 + 100) },
  { name: 'one value used twice, charged twice', clause: 'SET c = if_not_exists(c, :s), d = if_not_exists(d, :s)', seed: { c: { S: 'c' }, d: { S: 'd' } },
    values: { ':s': pad(100) }, charge: 2 * (19 + 1 + 39 + (1 + 15) + 100) },
  { name: 'an addition: 34 bytes plus its operands', clause: 'SET n = n + :one', seed: { n: { N: '1' } }, values: { ':one': { N: '1' } }, charge: 19 + 1 + 34 + 16 + 2 },
  { name: 'a 20-digit sum costs what 1 + 1 does', clause: 'SET n = n + :one', seed: { n: { N: '12345678901234567890' } }, values: { ':one': { N: '1' } }, charge: 19 + 1 + 34 + 16 + 2 },
  { name: 'a subtraction: 37 bytes plus its operands', clause: 'SET n = n - :one', seed: { n: { N: '1' } }, values: { ':one': { N: '1' } }, charge: 19 + 1 + 37 + 16 + 2 },
  { name: 'if_not_exists on a missing path', clause: 'SET c = if_not_exists(c, :v)', values: { ':v': pad(10) }, charge: 19 + 1 + 39 + 16 + 10 },
  { name: 'an ADD: 19 bytes plus its path and the value', clause: 'ADD abcdefghij :one', seed: { abcdefghij: { N: '1' } }, values: { ':one': { N: '1' } }, charge: 19 + 10 + 2 },
  { name: 'an ADD to a set: the members it adds', clause: 'ADD ss :new', seed: { ss: { SS: ['ppppp'] } }, values: { ':new': { SS: ['s'.repeat(500)] } }, charge: 19 + 2 + 500 },
  { name: 'a REMOVE: 1 byte plus its path', clause: 'REMOVE abcdefghij', seed: { abcdefghij: { S: 'rrrrr' } }, charge: 1 + 10 },
  { name: 'a REMOVE through a map: 4 bytes and the key per step', clause: 'REMOVE m.yyyyyyyyyy', seed: { m: { M: { x: pad(10), yyyyyyyyyy: { S: 'r' } } } }, charge: 1 + 1 + 4 + 10 },
  { name: 'a REMOVE through a list index: 4 bytes plus its digits', clause: 'REMOVE l[10]', seed: { l: { L: Array.from({ length: 11 }, () => ({ S: 'e' })) } }, charge: 1 + 1 + 4 + 2 },
  { name: 'a DELETE: 1 byte plus its path, not the members removed', clause: 'DELETE abcdefghij :rm', seed: { abcdefghij: { SS: ['ppppp', 'q'.repeat(20)] } },
    values: { ':rm': { SS: ['q'.repeat(20)] } }, charge: 1 + 10 },
];

for (const c of clauses) {
  test(`UpdateItem charges ${c.name}`, async (t) => {
    const expression = c.clause.startsWith('SET ') ? `SET b = :pad, ${c.clause.slice(4)}` : `SET b = :pad ${c.clause}`;
    const padding = MAX - PAD_CLAUSE - c.charge;
    const send = async (bytes: number) => {
      const key = { pk: { S: fresh() } };
      if (c.seed) await accepted(t, 'PutItem', { TableName: table, Item: { ...key, ...c.seed } });
      return { TableName: table, Key: key, UpdateExpression: expression, ExpressionAttributeValues: { ...c.values, ':pad': pad(bytes) } };
    };
    await accepted(t, 'UpdateItem', await send(padding));
    await refused(t, 'UpdateItem', await send(padding + 1), UPDATE_WORDING);
  });
}

test('UpdateItem leaves the key out: a one-byte key puts the ceiling 19 bytes under 409,600', async (t) => {
  // pk 'K' is 3 bytes; the finished item {pk, b} at MAX - 19 is accepted, one more byte refused.
  await accepted(t, 'UpdateItem', { TableName: table, Key: { pk: { S: 'K' } }, UpdateExpression: 'SET b = :pad', ExpressionAttributeValues: { ':pad': pad(MAX - 19 - 3 - 1) } });
  await refused(t, 'UpdateItem', { TableName: table, Key: { pk: { S: 'L' } }, UpdateExpression: 'SET b = :pad', ExpressionAttributeValues: { ':pad': pad(MAX - 19 - 3 - 1 + 1) } }, UPDATE_WORDING);
});

test('UpdateItem caps the finished item at exactly 409,600 with a 100-byte key', async (t) => {
  const key = (c: string) => ({ pk: { S: c.repeat(100) } });
  await accepted(t, 'UpdateItem', { TableName: table, Key: key('a'), UpdateExpression: 'SET b = :pad', ExpressionAttributeValues: { ':pad': pad(MAX - 102 - 1) } });
  await refused(t, 'UpdateItem', { TableName: table, Key: key('b'), UpdateExpression: 'SET b = :pad', ExpressionAttributeValues: { ':pad': pad(MAX - 102) } }, UPDATE_WORDING);
});

test('UpdateItem does not charge an attribute the statement leaves alone, nor an alias', async (t) => {
  // u (1 + 10 bytes) sits in the item beside the key: the ceiling rises by exactly its 11 bytes.
  for (const [key, bytes, ok] of [['U1', MAX - PAD_CLAUSE, true], ['U2', MAX - PAD_CLAUSE + 1, false]] as const) {
    await accepted(t, 'PutItem', { TableName: table, Item: { pk: { S: key }, u: pad(10) } });
    const body = { TableName: table, Key: { pk: { S: key } }, UpdateExpression: 'SET #twelvechars = :pad', ExpressionAttributeNames: { '#twelvechars': 'b' },
      ExpressionAttributeValues: { ':pad': pad(bytes) } };
    if (ok) await accepted(t, 'UpdateItem', body); else await refused(t, 'UpdateItem', body, UPDATE_WORDING);
  }
});

test('AttributeUpdates, a transacted Update and a PartiQL UPDATE size the finished item, key included', async (t) => {
  const exact = (key: string) => MAX - (2 + key.length) - 1;
  await accepted(t, 'UpdateItem', { TableName: table, Key: { pk: { S: 'A' } }, AttributeUpdates: { b: { Action: 'PUT', Value: pad(exact('A')) } } });
  await refused(t, 'UpdateItem', { TableName: table, Key: { pk: { S: 'B' } }, AttributeUpdates: { b: { Action: 'PUT', Value: pad(exact('B') + 1) } } }, UPDATE_WORDING);
  await accepted(t, 'TransactWriteItems', { TransactItems: [{ Update: { TableName: table, Key: { pk: { S: 'Y' } }, UpdateExpression: 'SET b = :pad',
    ExpressionAttributeValues: { ':pad': pad(exact('Y')) } } }] });
  await accepted(t, 'PutItem', { TableName: table, Item: { pk: { S: 'X' } } });
  await accepted(t, 'ExecuteStatement', { Statement: `UPDATE "${table}" SET b = ? WHERE pk = ?`, Parameters: [pad(exact('X')), { S: 'X' }] });
});

test('a put sizes the finished item at exactly 409,600 on BatchWriteItem, TransactWriteItems and PartiQL INSERT', async (t) => {
  const item = (key: string, bytes: number) => ({ pk: { S: key }, p: pad(bytes - (2 + key.length) - 1) });
  await accepted(t, 'BatchWriteItem', { RequestItems: { [table]: [{ PutRequest: { Item: item('bw', MAX) } }] } });
  await accepted(t, 'TransactWriteItems', { TransactItems: [{ Put: { TableName: table, Item: item('tp', MAX) } }] });
  await accepted(t, 'ExecuteStatement', { Statement: `INSERT INTO "${table}" VALUE {'pk': ?, 'p': ?}`, Parameters: [{ S: 'pi' }, item('pi', MAX).p] });
  await refused(t, 'PutItem', { TableName: table, Item: item('po', MAX + 1) }, PUT_WORDING);
});

/**
 * numberByteSize.test.ts: a number costs 1 + ceil(integer significant digits / 2) + ceil(fraction
 * significant digits / 2) (+ 1 if negative), on the digits, not the expanded form.
 */
for (const [literal, cost] of [['3.14159', 5], ['123456', 4], ['1E125', 2], ['0042.1200', 3], ['-1', 3]] as const) {
  test(`a number's byte cost: ${literal} costs ${cost}`, async (t) => {
    const item = (key: string, total: number) => ({ pk: { S: key }, n: { N: literal }, p: pad(total - (2 + key.length) - 1 - cost - 1) });
    await accepted(t, 'PutItem', { TableName: table, Item: item(`nb-${literal}`, MAX) });
    await refused(t, 'PutItem', { TableName: table, Item: item(`nc-${literal}`, MAX + 1) }, PUT_WORDING);
  });
}
