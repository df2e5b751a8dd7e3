/**
 * Hostile pass 20 over DynamoDB resource policies (src/services/dynamodb/policy-document.ts,
 * policy-target.ts, operations/resource-policy.ts). What broke:
 * - a document nested ~9,000 levels deep (it fits in 20 KB) made JSON.stringify overflow the
 *   stack: a 500 InternalServerError instead of a ValidationException;
 * - a statement or top-level key that Object.prototype also has ("toString", "constructor",
 *   "__proto__") was silently dropped from the stored document (data lost, answered back
 *   different from what was sent).
 * Pinned beside them: the 20,480-byte limit counts UTF-8 bytes, not characters; non-object
 * Statement items; numbers where strings belong; ARN edge cases; 20 concurrent Puts with one
 * ExpectedRevisionId (exactly one wins).
 */
import test from 'ava';
import { PutResourcePolicyCommand, GetResourcePolicyCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Boltstack } from '../../../src/index.js';
import { startBoltstack } from '../../helpers/server.js';
import { createKeyedTable, ddbClient, rawCall, uniqueTable } from './helpers.js';

const ACCOUNT = '000000000000';
const arnOf = (table: string): string => `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/${table}`;
const PREFIX = 'com.amazonaws.dynamodb.v20120810#';

let server: Boltstack;
let ddb: DynamoDBClient;
let table: string;
test.before(async () => {
  server = await startBoltstack();
  ddb = ddbClient(server.endpoint);
  table = uniqueTable('hostile-pol');
  await createKeyedTable(ddb, table, [['pk', 'S']]);
});
test.after.always(async () => { await server?.stop(); });

const statement = (extra: Record<string, unknown> = {}): Record<string, unknown> =>
  ({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/u` }, Action: 'dynamodb:GetItem', Resource: arnOf(table), ...extra });
const put = (name: string, Policy: string, ExpectedRevisionId?: string) =>
  rawCall(server.endpoint, 'PutResourcePolicy', { ResourceArn: arnOf(name), Policy, ...(ExpectedRevisionId ? { ExpectedRevisionId } : {}) });

test('a Condition nested 9,000 levels deep (under 20 KB): a 400 ValidationException, not a 500', async (t) => {
  const depth = 9000;
  const text = JSON.stringify({ Version: '2012-10-17', Statement: [statement({ Condition: { StringEquals: { 'aws:x': '@' } } })] })
    .replace('"@"', '['.repeat(depth) + '"a"' + ']'.repeat(depth));
  t.true(Buffer.byteLength(text) <= 20480);
  const r = await put(table, text);
  t.is(r.status, 400, JSON.stringify(r.body).slice(0, 300));
  t.regex(String(r.body.__type), /#ValidationException$/);
  // AWS's message for such a document was not captured; the closest of its documented answers.
  t.is(r.body.message, 'One or more parameter values were invalid: Invalid policy document: This policy contains invalid Json');
});

test('keys Object.prototype also has are kept, as any other key is', async (t) => {
  const name = uniqueTable('hostile-pol-keys');
  await createKeyedTable(ddb, name, [['pk', 'S']]);
  const text = `{"Version":"2012-10-17","Id":"x","toString":"t","Statement":[{"Sid":"a","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::${ACCOUNT}:user/u"},"Action":"dynamodb:GetItem","Resource":"${arnOf(name)}","constructor":"c","__proto__":{"p":1}}]}`;
  const r = await put(name, text);
  t.is(r.status, 200, JSON.stringify(r.body));
  const got = await ddb.send(new GetResourcePolicyCommand({ ResourceArn: arnOf(name) }));
  const doc = JSON.parse(got.Policy!) as Record<string, unknown> & { Statement: Array<Record<string, unknown>> };
  t.is(Object.getOwnPropertyDescriptor(doc, 'toString')?.value, 't', got.Policy);
  t.is(Object.getOwnPropertyDescriptor(doc.Statement[0], 'constructor')?.value, 'c', got.Policy);
  t.deepEqual(Object.getOwnPropertyDescriptor(doc.Statement[0], '__proto__')?.value, { p: 1 }, got.Policy);
});

test('the 20,480-byte limit counts UTF-8 bytes: 20,480 bytes of two-byte text pass, one byte more does not', async (t) => {
  const base = JSON.stringify({ Version: '2012-10-17', Statement: [statement({ Sid: 'PAD' })] });
  const room = 20480 - Buffer.byteLength(base);
  const fill = (bytes: number): string => base.replace('"Sid":"PAD"', `"Sid":"PAD","Id":"${'é'.repeat(Math.floor(bytes / 2))}${'a'.repeat(bytes % 2)}"`);
  const exact = fill(room - 8); // `,"Id":""` is 8 bytes
  t.is(Buffer.byteLength(exact), 20480);
  t.is((await put(table, exact)).status, 200);
  const over = fill(room - 7);
  t.is(Buffer.byteLength(over), 20481);
  t.true(over.length < 20480, 'fewer characters than the limit');
  const r = await put(table, over);
  t.is(r.status, 400);
  t.is(r.body.message, 'One or more parameter values were invalid: Maximum policy size of 20480 bytes exceeded');
});

test('Statement items that are not objects, a Statement that is a number: invalid Json; a number as Effect is no Allow', async (t) => {
  for (const Statement of [[null], [1], ['s'], [[statement()]], 5, 'text', true]) {
    const r = await put(table, JSON.stringify({ Version: '2012-10-17', Statement }));
    t.is(r.status, 400, JSON.stringify(Statement));
    t.regex(String(r.body.__type), /#ValidationException$/, JSON.stringify(Statement));
  }
  const r = await put(table, JSON.stringify({ Version: '2012-10-17', Statement: [statement({ Effect: 1, Principal: '*', Action: 7, Sid: 3 })] }));
  t.true(r.status === 200 || r.status === 400, JSON.stringify(r.body));
  t.not(r.status, 500);
});

test('ARNs: a trailing slash, names of 2 and 256 characters, an odd stream label: ValidationException, never a 500', async (t) => {
  const rows = [`${arnOf(table)}/`, arnOf('ab'), arnOf('a'.repeat(256)), `${arnOf(table)}/stream/2026-13-45T99:99:99.999`, `${arnOf(table)}/stream/`, `${arnOf(table)}/stream/x/y`, arnOf('%41bc'), arnOf('tåble')];
  for (const ResourceArn of rows) {
    const r = await rawCall(server.endpoint, 'GetResourcePolicy', { ResourceArn });
    t.true(r.status === 400, `${ResourceArn}: ${JSON.stringify(r.body)}`);
  }
  // 3 and 255 characters are table names; with no such table, ResourceNotFound.
  for (const name of ['abc', 'a'.repeat(255)]) {
    const r = await rawCall(server.endpoint, 'GetResourcePolicy', { ResourceArn: arnOf(name) });
    t.is(r.body.__type, `${PREFIX}ResourceNotFoundException`, name);
  }
});

test('20 concurrent Puts with one ExpectedRevisionId: exactly one wins, the rest see the new revision', async (t) => {
  const name = uniqueTable('hostile-pol-race');
  await createKeyedTable(ddb, name, [['pk', 'S']]);
  const first = await ddb.send(new PutResourcePolicyCommand({ ResourceArn: arnOf(name), Policy: JSON.stringify({ Version: '2012-10-17', Statement: [statement({ Resource: arnOf(name) })] }) }));
  const answers = await Promise.all(Array.from({ length: 20 }, (_, i) =>
    put(name, JSON.stringify({ Version: '2012-10-17', Statement: [statement({ Resource: arnOf(name), Sid: `S${i}` })] }), first.RevisionId)));
  const won = answers.filter((a) => a.status === 200);
  t.is(won.length, 1, JSON.stringify(answers.map((a) => a.status)));
  for (const a of answers.filter((x) => x.status !== 200)) t.is(a.body.__type, `${PREFIX}PolicyNotFoundException`);
  const got = await ddb.send(new GetResourcePolicyCommand({ ResourceArn: arnOf(name) }));
  t.is(got.RevisionId, won[0]!.body.RevisionId as string);
});
