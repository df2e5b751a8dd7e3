/**
 * STS through @aws-sdk/client-sts with default settings against the real server: who am I for
 * long-term and temporary keys, and temporary credentials that map back to their account in
 * every service (an S3 bucket created with them belongs to the role's account).
 */
import test from 'ava';
import {
  AssumeRoleCommand, AssumeRoleWithWebIdentityCommand, GetAccessKeyInfoCommand, GetCallerIdentityCommand,
  GetSessionTokenCommand, STSClient, type Credentials,
} from '@aws-sdk/client-sts';
import { CreateBucketCommand, ListBucketsCommand } from '@aws-sdk/client-s3';
import { CREDENTIALS, s3Client, startBoltstack, uniqueBucket } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';

let server: Boltstack;
test.before(async () => { server = await startBoltstack(); });
test.after.always(async () => { await server?.stop(); });

const sts = (credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string } = CREDENTIALS): STSClient =>
  new STSClient({ endpoint: server.endpoint, region: 'us-east-1', credentials });
const asCredentials = (c: Credentials | undefined) => ({ accessKeyId: c!.AccessKeyId!, secretAccessKey: c!.SecretAccessKey!, sessionToken: c!.SessionToken! });

interface SdkError { name: string; message: string; $metadata: { httpStatusCode?: number } }

test('GetCallerIdentity: the default account root for a plain key, the key account for a 12-digit key', async (t) => {
  const plain = await sts().send(new GetCallerIdentityCommand({}));
  t.is(plain.Account, '000000000000');
  t.is(plain.Arn, 'arn:aws:iam::000000000000:root');
  t.is(plain.UserId, '000000000000');
  const own = await sts({ accessKeyId: '123456789012', secretAccessKey: 'x' }).send(new GetCallerIdentityCommand({}));
  t.is(own.Account, '123456789012');
  t.is(own.Arn, 'arn:aws:iam::123456789012:root');
});

test('AssumeRole: temporary ASIA credentials that act as the assumed role in its account', async (t) => {
  const out = await sts().send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::111122223333:role/team/deployer', RoleSessionName: 'ci-run', DurationSeconds: 900 }));
  t.regex(out.Credentials!.AccessKeyId!, /^ASIA[A-Z2-7]{16}$/);
  t.true(out.Credentials!.SecretAccessKey!.length >= 40);
  t.true(out.Credentials!.SessionToken!.length > 100);
  const ttl = out.Credentials!.Expiration!.getTime() - Date.now();
  t.true(ttl > 890_000 && ttl <= 900_000, `expires in 15 min, got ${ttl} ms`);
  t.is(out.AssumedRoleUser!.Arn, 'arn:aws:sts::111122223333:assumed-role/deployer/ci-run');
  t.regex(out.AssumedRoleUser!.AssumedRoleId!, /^AROA[A-Z2-7]{17}:ci-run$/);
  t.is(out.PackedPolicySize, undefined);

  const assumed = sts(asCredentials(out.Credentials));
  const who = await assumed.send(new GetCallerIdentityCommand({}));
  t.is(who.Account, '111122223333');
  t.is(who.Arn, 'arn:aws:sts::111122223333:assumed-role/deployer/ci-run');
  t.is(who.UserId, out.AssumedRoleUser!.AssumedRoleId);
  const info = await sts().send(new GetAccessKeyInfoCommand({ AccessKeyId: out.Credentials!.AccessKeyId! }));
  t.is(info.Account, '111122223333');

  // The same key, used with S3: its buckets are the role account's, not the default account's.
  const bucket = uniqueBucket('assumed');
  const s3 = s3Client(server.endpoint, { credentials: asCredentials(out.Credentials) });
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  t.true((await s3.send(new ListBucketsCommand({}))).Buckets!.some((b) => b.Name === bucket));
  const other = s3Client(server.endpoint);
  t.false((await other.send(new ListBucketsCommand({}))).Buckets?.some((b) => b.Name === bucket) ?? false);
  s3.destroy(); other.destroy(); assumed.destroy();
});

test('AssumeRole: session policy and tags give PackedPolicySize; AWS validation messages', async (t) => {
  const client = sts();
  const out = await client.send(new AssumeRoleCommand({
    RoleArn: 'arn:aws:iam::000000000000:role/r', RoleSessionName: 's1', Policy: '{"Version":"2012-10-17","Statement":[]}',
    Tags: [{ Key: 'team', Value: 'a' }], TransitiveTagKeys: ['team'], SourceIdentity: 'alice',
  }));
  t.true(out.PackedPolicySize! > 0 && out.PackedPolicySize! <= 100);
  t.is(out.SourceIdentity, 'alice');
  const cases: [Partial<ConstructorParameters<typeof AssumeRoleCommand>[0]>, string, RegExp][] = [
    [{ RoleSessionName: 'bad/name' }, 'ValidationError', /Value 'bad\/name' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: \[\\w\+=,\.@-\]\*/],
    [{ RoleSessionName: 's'.repeat(65) }, 'ValidationError', /Member must have length less than or equal to 64/],
    [{ RoleArn: 'short' }, 'ValidationError', /at 'roleArn' failed to satisfy constraint: Member must have length greater than or equal to 20/],
    [{ DurationSeconds: 899 }, 'ValidationError', /at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900/],
    [{ DurationSeconds: 43201 }, 'ValidationError', /exceeds the MaxSessionDuration/],
    [{ Policy: '{nope' }, 'MalformedPolicyDocumentException', /not in the valid JSON format/],
    // InvalidParameterValue, as AWS answers (aws-error-answers.test.ts).
    [{ Tags: [{ Key: 'a', Value: 'b' }], TransitiveTagKeys: ['c'] }, 'InvalidParameterValue', /transitive tag key/],
  ];
  for (const [patch, name, message] of cases) {
    const err = await t.throwsAsync(client.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::000000000000:role/r', RoleSessionName: 'ok', ...patch }))) as unknown as SdkError;
    t.is(err.name, name, JSON.stringify(patch));
    t.regex(err.message, message);
    t.is(err.$metadata.httpStatusCode, 400);
  }
});

test('AssumeRole: unemulated parameters are refused naming them (strict by default)', async (t) => {
  const err = await t.throwsAsync(sts().send(new AssumeRoleCommand({
    RoleArn: 'arn:aws:iam::000000000000:role/r', RoleSessionName: 'ok', ProvidedContexts: [{ ProviderArn: 'arn:aws:iam::aws:contextProvider/IdentityCenter', ContextAssertion: 'x' }],
  }))) as unknown as SdkError;
  t.is(err.name, 'NotImplemented');
  t.regex(err.message, /ProvidedContexts/);
});

const jwt = (claims: Record<string, unknown>): string =>
  [{ alg: 'RS256', typ: 'JWT' }, claims].map((part) => Buffer.from(JSON.stringify(part)).toString('base64url')).join('.') + '.c2ln';

test('AssumeRoleWithWebIdentity: unsigned, reads the JWT claims, issues credentials of the role account', async (t) => {
  // The SDK sends this call unsigned; a client without credentials proves it.
  const client = new STSClient({ endpoint: server.endpoint, region: 'us-east-1', credentials: async () => { throw new Error('unsigned call asked for credentials'); } });
  const out = await client.send(new AssumeRoleWithWebIdentityCommand({
    RoleArn: 'arn:aws:iam::444455556666:role/gha', RoleSessionName: 'gh-123',
    WebIdentityToken: jwt({ sub: 'repo:org/app:ref:refs/heads/main', aud: 'sts.amazonaws.com', iss: 'https://token.actions.githubusercontent.com' }),
  }));
  t.is(out.SubjectFromWebIdentityToken, 'repo:org/app:ref:refs/heads/main');
  t.is(out.Audience, 'sts.amazonaws.com');
  t.is(out.Provider, 'token.actions.githubusercontent.com');
  t.is(out.AssumedRoleUser!.Arn, 'arn:aws:sts::444455556666:assumed-role/gha/gh-123');
  const who = await sts(asCredentials(out.Credentials)).send(new GetCallerIdentityCommand({}));
  t.is(who.Account, '444455556666');
  t.is(who.Arn, 'arn:aws:sts::444455556666:assumed-role/gha/gh-123');
  const bad = await t.throwsAsync(client.send(new AssumeRoleWithWebIdentityCommand({ RoleArn: 'arn:aws:iam::444455556666:role/gha', RoleSessionName: 'x1', WebIdentityToken: 'not-a-jwt' }))) as unknown as SdkError;
  t.is(bad.name, 'InvalidIdentityTokenException');
  client.destroy();
});

test('GetSessionToken: same principal and account; refused with session credentials', async (t) => {
  const client = sts({ accessKeyId: '210987654321', secretAccessKey: 'x' });
  const out = await client.send(new GetSessionTokenCommand({}));
  const ttl = out.Credentials!.Expiration!.getTime() - Date.now();
  t.true(ttl > 43_190_000 && ttl <= 43_200_000, 'default 12 h');
  const session = sts(asCredentials(out.Credentials));
  const who = await session.send(new GetCallerIdentityCommand({}));
  t.is(who.Account, '210987654321');
  t.is(who.Arn, 'arn:aws:iam::210987654321:root');
  const err = await t.throwsAsync(session.send(new GetSessionTokenCommand({}))) as unknown as SdkError;
  t.is(err.name, 'AccessDenied');
  t.is(err.$metadata.httpStatusCode, 403);
  const long = await t.throwsAsync(client.send(new GetSessionTokenCommand({ DurationSeconds: 129601 }))) as unknown as SdkError;
  t.regex(long.message, /Member must have value less than or equal to 129600/);
});

test('GetAccessKeyInfo: real AWS key ids decode to their accounts', async (t) => {
  const client = sts();
  for (const [key, account] of [['ASIAVJ2E6QGR2WZILJFM', '364679954851'], ['AKIASP2TPHJSQH3FJXYZ', '171436882533'], ['123456789012test', '000000000000']]) {
    t.is((await client.send(new GetAccessKeyInfoCommand({ AccessKeyId: key }))).Account, account, key);
  }
  const err = await t.throwsAsync(client.send(new GetAccessKeyInfoCommand({ AccessKeyId: 'AKIASHORT' }))) as unknown as SdkError;
  t.is(err.name, 'ValidationError');
});
