/**
 * A request whose members break more than one model rule gets every violation in one
 * ValidationError, as AWS's validation layer words it: "N validation errors detected: Value 'x' at
 * 'm' failed to satisfy constraint: …; Value …" ("1 validation error detected" for one), members
 * in the model's order, and for one value the pattern before the length. Before msg27 STS reported
 * only the first rule broken ("1 validation error detected: …"), and a RoleArn that is no ARN
 * answered "… is invalid" before the session name's model violation (every row failed).
 *
 * Sources: the count words and the "; " between clauses, AWS's answers for STS's missing members
 * ("2 validation errors detected: Value null at 'roleArn' …; Value null at 'roleSessionName' …",
 * missing-required-members.test.ts) and other query/JSON services; one value breaking pattern and
 * length is reported pattern first (real AWS answers quoted in public code: Cognito "Value '' at
 * 'confirmationCode' … pattern: [\S]+; … length greater than or equal to 1", Cognito
 * identityPoolId, Firehose endpointConfiguration.name); the model's own checks come before the
 * operation's ("nothing-valid-in-here is invalid" is STS's answer to a well-formed request with a
 * bad ARN: localstack tests/aws/services/sts/test_sts.snapshot.json test_sts_invalid_parameters,
 * 2025-07-21). The constraints are botocore 1.43.11 sts service-2.json. No capture of STS itself
 * breaking two rules at once was found: the order across members follows the model.
 */
import test from 'ava';
import { AssumeRoleCommand, GetAccessKeyInfoCommand, GetFederationTokenCommand, GetSessionTokenCommand, STSClient } from '@aws-sdk/client-sts';
import { CREDENTIALS, startBoltstack } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';

let server: Boltstack;
let sts: STSClient;
test.before(async () => {
  server = await startBoltstack();
  sts = new STSClient({ endpoint: server.endpoint, region: 'us-east-1', credentials: CREDENTIALS, maxAttempts: 1 });
});
test.after.always(async () => { sts?.destroy(); await server?.stop(); });

const ROLE = 'arn:aws:iam::111122223333:role/test-role';
const SESSION_PATTERN = 'Member must satisfy regular expression pattern: [\\w+=,.@-]*';
const clause = (value: string | number, member: string, constraint: string): string => `Value '${value}' at '${member}' failed to satisfy constraint: ${constraint}`;

async function refusal(call: Promise<unknown>): Promise<{ name: string; message: string; status?: number }> {
  try { await call; } catch (err) {
    return { name: (err as Error).name, message: (err as Error).message, status: (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode };
  }
  throw new Error('expected a refusal');
}

test('a RoleSessionName of one character outside the pattern (too short too): both, the pattern first', async (t) => {
  t.deepEqual(await refusal(sts.send(new AssumeRoleCommand({ RoleArn: ROLE, RoleSessionName: ':' }))), {
    name: 'ValidationError', status: 400,
    message: `2 validation errors detected: ${clause(':', 'roleSessionName', SESSION_PATTERN)}; ${clause(':', 'roleSessionName', 'Member must have length greater than or equal to 2')}`,
  });
});

test('three members breaking the model: every one, in the model\'s member order', async (t) => {
  // RoleArn, RoleSessionName, …, DurationSeconds, …, ExternalId: sent in another order on purpose.
  const answer = await refusal(sts.send(new AssumeRoleCommand({ ExternalId: 'x', DurationSeconds: 600, RoleSessionName: 'my session', RoleArn: 'arn:aws:iam::1:role' })));
  t.is(answer.name, 'ValidationError');
  t.is(answer.message, `4 validation errors detected: ${[
    clause('arn:aws:iam::1:role', 'roleArn', 'Member must have length greater than or equal to 20'),
    clause('my session', 'roleSessionName', SESSION_PATTERN),
    clause(600, 'durationSeconds', 'Member must have value greater than or equal to 900'),
    clause('x', 'externalId', 'Member must have length greater than or equal to 2'),
  ].join('; ')}`);
});

test('the model\'s violations come before "… is invalid", the operation\'s own check of the ARN', async (t) => {
  const notAnArn = 'nothing-valid-in-here';
  t.is((await refusal(sts.send(new AssumeRoleCommand({ RoleArn: notAnArn, RoleSessionName: 'ok-session' })))).message, `${notAnArn} is invalid`);
  t.is((await refusal(sts.send(new AssumeRoleCommand({ RoleArn: notAnArn, RoleSessionName: 'a b' })))).message,
    `1 validation error detected: ${clause('a b', 'roleSessionName', SESSION_PATTERN)}`);
});

test('GetSessionToken, GetFederationToken and GetAccessKeyInfo report every violation too', async (t) => {
  t.is((await refusal(sts.send(new GetSessionTokenCommand({ DurationSeconds: 1, SerialNumber: 'arn:aws:iam::111122223333:mfa/user', TokenCode: 'abc' })))).message,
    `3 validation errors detected: ${[
      clause(1, 'durationSeconds', 'Member must have value greater than or equal to 900'),
      clause('abc', 'tokenCode', 'Member must satisfy regular expression pattern: [\\d]*'),
      clause('abc', 'tokenCode', 'Member must have length greater than or equal to 6'),
    ].join('; ')}`);
  t.is((await refusal(sts.send(new GetFederationTokenCommand({ Name: '*', DurationSeconds: 899 })))).message,
    `3 validation errors detected: ${[
      clause('*', 'name', SESSION_PATTERN),
      clause('*', 'name', 'Member must have length greater than or equal to 2'),
      clause(899, 'durationSeconds', 'Member must have value greater than or equal to 900'),
    ].join('; ')}`);
  t.is((await refusal(sts.send(new GetAccessKeyInfoCommand({ AccessKeyId: 'AKIA-short' })))).message,
    `2 validation errors detected: ${clause('AKIA-short', 'accessKeyId', 'Member must satisfy regular expression pattern: [\\w]*')}; ${clause('AKIA-short', 'accessKeyId', 'Member must have length greater than or equal to 16')}`);
});

test('session tags: each tag\'s key and value, in the list\'s order', async (t) => {
  const answer = await refusal(sts.send(new AssumeRoleCommand({ RoleArn: ROLE, RoleSessionName: 'session', Tags: [{ Key: 'a*', Value: 'ok' }, { Key: 'b', Value: 'v*' }] })));
  t.is(answer.message, `2 validation errors detected: ${[
    clause('a*', 'tags.1.member.key', 'Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+'),
    clause('v*', 'tags.2.member.value', 'Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*'),
  ].join('; ')}`);
});
