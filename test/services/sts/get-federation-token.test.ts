/**
 * GetFederationToken through @aws-sdk/client-sts, raw query calls and the AWS CLI: credentials of a
 * federated user of the caller's account, whom GetCallerIdentity then names; AWS's validation and
 * its refusal of session credentials. Each row names where AWS's answer comes from.
 */
import test from 'ava';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import {
  AssumeRoleCommand, GetCallerIdentityCommand, GetFederationTokenCommand, GetSessionTokenCommand, STSClient, type Credentials,
} from '@aws-sdk/client-sts';
import { CreateBucketCommand, ListBucketsCommand } from '@aws-sdk/client-s3';
import { cliTestFor } from '../../helpers/aws-cli.js';
import { CREDENTIALS, s3Client, startBoltstack, uniqueBucket } from '../../helpers/server.js';
import { queryPost, xmlValue } from '../../helpers/query-client.js';
import type { Boltstack } from '../../../src/index.js';

const API = 'STS API reference, API_GetFederationToken.html';
const SNAP = 'localstack tests/aws/services/sts/test_sts.snapshot.json';

let server: Boltstack;
test.before(async () => { server = await startBoltstack(); });
test.after.always(async () => { await server?.stop(); });

const sts = (credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string } = CREDENTIALS): STSClient =>
  new STSClient({ endpoint: server.endpoint, region: 'us-east-1', credentials });
const asCredentials = (c: Credentials | undefined) => ({ accessKeyId: c!.AccessKeyId!, secretAccessKey: c!.SecretAccessKey!, sessionToken: c!.SessionToken! });
const federation = (params: Record<string, string>, accessKeyId?: string) =>
  queryPost(server.endpoint, { service: 'sts', params: { Action: 'GetFederationToken', ...params }, ...(accessKeyId === undefined ? {} : { accessKeyId }) });

interface SdkError { name: string; message: string; $metadata: { httpStatusCode?: number } }

test(`the federated user of the caller's account, and PackedPolicySize 0 without a policy [${SNAP} test_get_federation_token (2024-06-05); ${API}]`, async (t) => {
  const out = await sts({ accessKeyId: '111122223333', secretAccessKey: 'x' }).send(new GetFederationTokenCommand({ Name: 'Bob', DurationSeconds: 900 }));
  t.deepEqual(out.FederatedUser, { FederatedUserId: '111122223333:Bob', Arn: 'arn:aws:sts::111122223333:federated-user/Bob' });
  t.is(out.PackedPolicySize, 0);
  t.regex(out.Credentials!.AccessKeyId!, /^ASIA[A-Z2-7]{16}$/);
  const ttl = out.Credentials!.Expiration!.getTime() - Date.now();
  t.true(ttl > 890_000 && ttl <= 900_000, `expires in 15 min, got ${ttl} ms`);
});

test(`GetCallerIdentity with federation credentials names the federated user; their buckets are the account's [AWS API_GetCallerIdentity.html, federated user example]`, async (t) => {
  const out = await sts({ accessKeyId: '444455556666', secretAccessKey: 'x' }).send(new GetFederationTokenCommand({ Name: 'alice@example.com' }));
  const federated = sts(asCredentials(out.Credentials));
  const who = await federated.send(new GetCallerIdentityCommand({}));
  t.deepEqual({ UserId: who.UserId, Account: who.Account, Arn: who.Arn },
    { UserId: '444455556666:alice@example.com', Account: '444455556666', Arn: 'arn:aws:sts::444455556666:federated-user/alice@example.com' });
  const bucket = uniqueBucket('federated');
  const s3 = s3Client(server.endpoint, { credentials: asCredentials(out.Credentials) });
  const owner = s3Client(server.endpoint, { credentials: { accessKeyId: '444455556666', secretAccessKey: 'x' } });
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  t.true((await owner.send(new ListBucketsCommand({}))).Buckets!.some((b) => b.Name === bucket));
  s3.destroy(); owner.destroy(); federated.destroy();
});

test(`a root caller's federation session lasts at most an hour, 12 h asked or by default [${API}, DurationSeconds: "restricted to a maximum of 3,600 seconds"]`, async (t) => {
  for (const DurationSeconds of [129600, undefined]) {
    const out = await sts().send(new GetFederationTokenCommand({ Name: 'ci', ...(DurationSeconds === undefined ? {} : { DurationSeconds }) }));
    const ttl = out.Credentials!.Expiration!.getTime() - Date.now();
    t.true(ttl > 3_590_000 && ttl <= 3_600_000, `expires in 1 h, got ${ttl} ms`);
  }
});

test('a session policy and tags give a PackedPolicySize above 0', async (t) => {
  const out = await sts().send(new GetFederationTokenCommand({
    Name: 'tagged', Policy: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}', Tags: [{ Key: 'team', Value: 'a' }],
  }));
  t.true(out.PackedPolicySize! > 0 && out.PackedPolicySize! <= 100);
});

test('refused with session credentials: AccessDenied 403 "Cannot call GetFederationToken with session credentials" [fwdcloudsec/granted#151 (2022-04-21) and hashicorp/vault#4108 (2018-03-08), quoting AWS]', async (t) => {
  const role = await sts().send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::111122223333:role/r', RoleSessionName: 's1' }));
  const fromRole = await federation({ Name: 'Bob' }, role.Credentials!.AccessKeyId!);
  t.is(fromRole.status, 403, fromRole.body);
  t.is(xmlValue(fromRole.body, 'Type'), 'Sender');
  t.is(xmlValue(fromRole.body, 'Code'), 'AccessDenied');
  t.is(xmlValue(fromRole.body, 'Message'), 'Cannot call GetFederationToken with session credentials');
  // A federated user is a session too: neither GetFederationToken nor GetSessionToken (API reference, "Permissions").
  const fed = await sts().send(new GetFederationTokenCommand({ Name: 'Bob' }));
  const client = sts(asCredentials(fed.Credentials));
  const again = await t.throwsAsync(client.send(new GetFederationTokenCommand({ Name: 'Bob' }))) as unknown as SdkError;
  t.is(again.name, 'AccessDenied');
  t.is(again.$metadata.httpStatusCode, 403);
  const token = await t.throwsAsync(client.send(new GetSessionTokenCommand({}))) as unknown as SdkError;
  t.is(token.message, 'Cannot call GetSessionToken with session credentials');
  client.destroy();
});

interface Row { name: string; source: string; params: Record<string, string>; code: string; message: string }
const ROWS: Row[] = [
  { name: 'a 33-character Name', source: 'an AWS SDK answer quoted in a Lambda README ("Value at \'name\' failed to satisfy constraint: Member must have length less than or equal to 32"); API reference Name: 2-32',
    params: { Name: 'n'.repeat(33) }, code: 'ValidationError',
    message: `1 validation error detected: Value '${'n'.repeat(33)}' at 'name' failed to satisfy constraint: Member must have length less than or equal to 32` },
  { name: 'a 1-character Name', source: `${API}, Name: minimum length 2`, params: { Name: 'n' }, code: 'ValidationError',
    message: "1 validation error detected: Value 'n' at 'name' failed to satisfy constraint: Member must have length greater than or equal to 2" },
  { name: 'a Name with a colon', source: `${API}, Name pattern [\\w+=,.@-]*`, params: { Name: 'a:b' }, code: 'ValidationError',
    message: "1 validation error detected: Value 'a:b' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*" },
  { name: 'DurationSeconds past 36 hours', source: `${API}, DurationSeconds 900-129600`, params: { Name: 'ok', DurationSeconds: '129601' }, code: 'ValidationError',
    message: "1 validation error detected: Value '129601' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to 129600" },
  { name: 'DurationSeconds under 15 minutes', source: `${API}, DurationSeconds 900-129600`, params: { Name: 'ok', DurationSeconds: '899' }, code: 'ValidationError',
    message: "1 validation error detected: Value '899' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900" },
  { name: 'a policy that is not JSON', source: 'as AssumeRole answers (aws-error-answers.test.ts)', params: { Name: 'ok', Policy: '{nope' }, code: 'MalformedPolicyDocument',
    message: 'The policy is not in the valid JSON format.' },
  { name: 'two tag keys differing in case', source: `${SNAP} test_assume_role_tag_validation (2025-04-10), the same session-tag rule`,
    params: { Name: 'ok', 'Tags.member.1.Key': 'Team', 'Tags.member.1.Value': 'a', 'Tags.member.2.Key': 'team', 'Tags.member.2.Value': 'b' },
    code: 'InvalidParameterValue', message: 'Duplicate tag keys found. Please note that Tag keys are case insensitive.' },
];

for (const row of ROWS) {
  test(`GetFederationToken with ${row.name}: ${row.code} [${row.source}]`, async (t) => {
    const answer = await federation(row.params);
    t.is(answer.status, 400, answer.body);
    t.is(xmlValue(answer.body, 'Type'), 'Sender');
    t.is(xmlValue(answer.body, 'Code'), row.code);
    t.is(xmlValue(answer.body, 'Message'), row.message);
  });
}

test('the XML answer: GetFederationTokenResult with Credentials, FederatedUser and PackedPolicySize', async (t) => {
  const answer = await federation({ Name: 'xml-user' }, '210987654321');
  t.is(answer.status, 200, answer.body);
  t.regex(answer.body, /<GetFederationTokenResponse xmlns="https:\/\/sts\.amazonaws\.com\/doc\/2011-06-15\/">\s*<GetFederationTokenResult>/);
  t.is(xmlValue(answer.body, 'FederatedUserId'), '210987654321:xml-user');
  t.is(xmlValue(answer.body, 'Arn'), 'arn:aws:sts::210987654321:federated-user/xml-user');
  t.is(xmlValue(answer.body, 'PackedPolicySize'), '0');
  t.truthy(xmlValue(answer.body, 'SessionToken'));
});

const cliTest = cliTestFor('get-federation-token.test');
const run = promisify(execFile);

cliTest('aws sts get-federation-token, then get-caller-identity with its credentials', async (t) => {
  const base = { ...process.env, AWS_DEFAULT_REGION: 'us-east-1', AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null' };
  const aws = async (env: Record<string, string>, ...args: string[]): Promise<Record<string, unknown>> =>
    JSON.parse((await run('aws', ['--endpoint-url', server.endpoint, '--output', 'json', ...args], { env: { ...base, ...env } })).stdout) as Record<string, unknown>;
  const out = await aws({ AWS_ACCESS_KEY_ID: '123456789012', AWS_SECRET_ACCESS_KEY: 'x' }, 'sts', 'get-federation-token', '--name', 'cli-user');
  t.deepEqual(out.FederatedUser, { FederatedUserId: '123456789012:cli-user', Arn: 'arn:aws:sts::123456789012:federated-user/cli-user' });
  const c = out.Credentials as { AccessKeyId: string; SecretAccessKey: string; SessionToken: string };
  const who = await aws({ AWS_ACCESS_KEY_ID: c.AccessKeyId, AWS_SECRET_ACCESS_KEY: c.SecretAccessKey, AWS_SESSION_TOKEN: c.SessionToken }, 'sts', 'get-caller-identity');
  t.deepEqual(who, { UserId: '123456789012:cli-user', Account: '123456789012', Arn: 'arn:aws:sts::123456789012:federated-user/cli-user' });
});
