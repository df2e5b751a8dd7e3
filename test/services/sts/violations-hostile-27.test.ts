/**
 * Hostile pass 27 on STS's "every violated rule" (violations.ts): a request that leaves a
 * required member out AND breaks another member's rule. AWS's validation layer reports the
 * absent member and the broken rules in one ValidationError, one count: real AWS answers of the
 * same validation layer (DynamoDB's, measured 2026-10-09 in ack-api-quirks services/dynamodb
 * DDB-TABLE-457, row rst_gsi_override_name_only): "3 validation errors detected: Value 'x' at
 * '…indexName' failed to satisfy constraint: Member must have length greater than or equal to 3;
 * Value null at '…keySchema' failed to satisfy constraint: Member must not be null; …". Before
 * the fix boltstack reported the absent member alone ("1 validation error detected: Value null
 * at 'roleArn' …"), dropping the rest. No capture of STS itself mixing the two was found, and
 * AWS's order across members is not the model's in every capture (the same row set: writeCapacityUnits
 * before readCapacityUnits), so the absent members come first, then the rules in the model's
 * order: the count and the clauses are what a client can rely on.
 */
import test from 'ava';
import { queryPost } from '../../helpers/query-client.js';
import { startBoltstack } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';

let server: Boltstack;
test.before(async () => { server = await startBoltstack(); });
test.after.always(async () => { await server?.stop(); });

const nullAt = (member: string): string => `Value null at '${member}' failed to satisfy constraint: Member must not be null`;
const clause = (value: string | number, member: string, constraint: string): string => `Value '${value}' at '${member}' failed to satisfy constraint: ${constraint}`;
const SESSION_PATTERN = 'Member must satisfy regular expression pattern: [\\w+=,.@-]*';
const messageOf = (body: string): string | undefined => /<Message>([^<]*)<\/Message>/.exec(body)?.[1]?.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
const codeOf = (body: string): string | undefined => /<Code>([^<]*)<\/Code>/.exec(body)?.[1];

async function refused(params: Record<string, string>): Promise<{ status: number; code?: string; message?: string }> {
  const res = await queryPost(server.endpoint, { service: 'sts', params });
  return { status: res.status, code: codeOf(res.body), message: messageOf(res.body) };
}

test('AssumeRole without RoleArn, a session name of a space and one second: 3 validation errors, the absent member among them', async (t) => {
  // Members sent out of the model's order: the answer's order does not follow the request's.
  const err = await refused({ Action: 'AssumeRole', DurationSeconds: '1', RoleSessionName: 'a b' });
  t.deepEqual(err, {
    status: 400, code: 'ValidationError',
    message: `3 validation errors detected: ${nullAt('roleArn')}; ${clause('a b', 'roleSessionName', SESSION_PATTERN)}; `
      + clause(1, 'durationSeconds', 'Member must have value greater than or equal to 900'),
  });
});

test('AssumeRole with a short RoleArn, no session name and a tag without its key: each reported once', async (t) => {
  const err = await refused({ Action: 'AssumeRole', RoleArn: 'arn:short', 'Tags.member.1.Value': 'v' });
  t.deepEqual(err, {
    status: 400, code: 'ValidationError',
    message: `3 validation errors detected: ${nullAt('roleSessionName')}; ${nullAt('tags.1.member.key')}; `
      + clause('arn:short', 'roleArn', 'Member must have length greater than or equal to 20'),
  });
});

test('AssumeRoleWithWebIdentity without its token and with a one-letter session name: a ValidationError, never a crash', async (t) => {
  const err = await refused({ Action: 'AssumeRoleWithWebIdentity', RoleArn: 'arn:aws:iam::111122223333:role/r', RoleSessionName: 'a' });
  t.deepEqual(err, {
    status: 400, code: 'ValidationError',
    message: `2 validation errors detected: ${nullAt('webIdentityToken')}; ${clause('a', 'roleSessionName', 'Member must have length greater than or equal to 2')}`,
  });
});

test('GetFederationToken without Name and with a duration too long; AssumeRoot without its principal and a long duration', async (t) => {
  t.deepEqual(await refused({ Action: 'GetFederationToken', DurationSeconds: '200000' }), {
    status: 400, code: 'ValidationError',
    message: `2 validation errors detected: ${nullAt('name')}; ${clause(200000, 'durationSeconds', 'Member must have value less than or equal to 129600')}`,
  });
  t.deepEqual(await refused({ Action: 'AssumeRoot', 'TaskPolicyArn.arn': 'arn:aws:iam::aws:policy/root-task/S3UnlockBucketPolicy', DurationSeconds: '901' }), {
    status: 400, code: 'ValidationError',
    message: `2 validation errors detected: ${nullAt('targetPrincipal')}; ${clause(901, 'durationSeconds', 'Member must have value less than or equal to 900')}`,
  });
});

test('an absent member alone keeps its one-clause answer; a request with none absent is unchanged', async (t) => {
  t.deepEqual(await refused({ Action: 'AssumeRole', RoleSessionName: 'ok-session' }),
    { status: 400, code: 'ValidationError', message: `1 validation error detected: ${nullAt('roleArn')}` });
  t.deepEqual(await refused({ Action: 'DecodeAuthorizationMessage' }),
    { status: 400, code: 'ValidationError', message: `1 validation error detected: ${nullAt('encodedMessage')}` });
  const ok = await queryPost(server.endpoint, { service: 'sts', params: { Action: 'AssumeRole', RoleArn: 'arn:aws:iam::111122223333:role/r', RoleSessionName: 'ok-session' } });
  t.is(ok.status, 200);
});
