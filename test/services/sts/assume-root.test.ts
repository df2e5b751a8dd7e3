/**
 * AssumeRoot through @aws-sdk/client-sts and raw query calls: short-term credentials of a member
 * account's root user, and AWS's validation answers, row by row against a raw capture of native
 * AWS (radkawar/stackd testdata/aws/iam/root_access.json, 2026-09-11, real STS through the CLI).
 */
import test from 'ava';
import { AssumeRoleCommand, AssumeRootCommand, GetCallerIdentityCommand, GetSessionTokenCommand, STSClient, type Credentials } from '@aws-sdk/client-sts';
import { CREDENTIALS, startBoltstack } from '../../helpers/server.js';
import { queryPost, xmlValue } from '../../helpers/query-client.js';
import type { Boltstack } from '../../../src/index.js';

const CAPTURE = 'radkawar/stackd testdata/aws/iam/root_access.json (2026-09-11)';
const API = 'STS API reference, API_AssumeRoot.html';
const AUDIT = 'arn:aws:iam::aws:policy/root-task/IAMAuditRootUserCredentials';

let server: Boltstack;
test.before(async () => { server = await startBoltstack(); });
test.after.always(async () => { await server?.stop(); });

const sts = (credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string } = CREDENTIALS): STSClient =>
  new STSClient({ endpoint: server.endpoint, region: 'us-east-1', credentials });
const asCredentials = (c: Credentials | undefined) => ({ accessKeyId: c!.AccessKeyId!, secretAccessKey: c!.SecretAccessKey!, sessionToken: c!.SessionToken! });
const assumeRoot = (params: Record<string, string>) =>
  queryPost(server.endpoint, { service: 'sts', params: { Action: 'AssumeRoot', TargetPrincipal: '123456789012', 'TaskPolicyArn.arn': AUDIT, ...params } });

test(`credentials of the target account's root user, 900 s by default; GetCallerIdentity names that root [${API}; ${CAPTURE} inputs]`, async (t) => {
  const out = await sts().send(new AssumeRootCommand({ TargetPrincipal: '123456789012', TaskPolicyArn: { arn: AUDIT } }));
  t.regex(out.Credentials!.AccessKeyId!, /^ASIA[A-Z2-7]{16}$/);
  const ttl = out.Credentials!.Expiration!.getTime() - Date.now();
  t.true(ttl > 890_000 && ttl <= 900_000, `expires in 15 min, got ${ttl} ms`);
  t.is(out.SourceIdentity, undefined);
  const root = sts(asCredentials(out.Credentials));
  const who = await root.send(new GetCallerIdentityCommand({}));
  t.deepEqual({ UserId: who.UserId, Account: who.Account, Arn: who.Arn }, { UserId: '123456789012', Account: '123456789012', Arn: 'arn:aws:iam::123456789012:root' });
  // A root session is a session: GetSessionToken refuses it.
  const err = await t.throwsAsync(root.send(new GetSessionTokenCommand({}))) as unknown as { name: string };
  t.is(err.name, 'AccessDenied');
  root.destroy();
});

test(`the root user's ARN as TargetPrincipal, every root-task policy, DurationSeconds 0 [${CAPTURE} assume_root_management_root_arn, assume_root_duration_zero (both passed validation); ${API}]`, async (t) => {
  for (const task of ['IAMAuditRootUserCredentials', 'IAMCreateRootUserPassword', 'IAMDeleteRootUserCredentials', 'S3UnlockBucketPolicy', 'SQSUnlockQueuePolicy']) {
    const answer = await assumeRoot({ TargetPrincipal: 'arn:aws:iam::210987654321:root', 'TaskPolicyArn.arn': `arn:aws:iam::aws:policy/root-task/${task}`, DurationSeconds: '0' });
    t.is(answer.status, 200, answer.body);
    t.regex(answer.body, /<AssumeRootResponse xmlns="https:\/\/sts\.amazonaws\.com\/doc\/2011-06-15\/">\s*<AssumeRootResult>/);
    const who = await queryPost(server.endpoint, { service: 'sts', params: { Action: 'GetCallerIdentity' }, accessKeyId: xmlValue(answer.body, 'AccessKeyId')! });
    t.is(xmlValue(who.body, 'Arn'), 'arn:aws:iam::210987654321:root');
  }
});

test(`SourceIdentity is the calling session's [${API}, SourceIdentity: "specified by the principal that is calling"]`, async (t) => {
  const role = await sts().send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::111122223333:role/org-admin', RoleSessionName: 'org-session', SourceIdentity: 'alice' }));
  const out = await sts(asCredentials(role.Credentials)).send(new AssumeRootCommand({ TargetPrincipal: '123456789012', TaskPolicyArn: { arn: AUDIT } }));
  t.is(out.SourceIdentity, 'alice');
});

interface Row { name: string; source: string; params: Record<string, string>; message: string }
const ROWS: Row[] = [
  { name: "an IAM user's ARN as TargetPrincipal", source: `${CAPTURE} assume_root_owned_user_arn`,
    params: { TargetPrincipal: 'arn:aws:iam::123456789012:user/org-access/someone' }, message: 'Request must contain a valid target principal' },
  { name: 'DurationSeconds 901', source: `${CAPTURE} assume_root_duration_over_limit`, params: { DurationSeconds: '901' },
    message: "1 validation error detected: Value '901' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to 900" },
  { name: 'a managed policy that is no root-task policy', source: `${CAPTURE} assume_root_invalid_task_policy`,
    params: { 'TaskPolicyArn.arn': 'arn:aws:iam::aws:policy/ReadOnlyAccess' }, message: 'Request must contain valid AWS managed task policy ARN' },
  { name: 'TaskPolicyArn without arn', source: `${CAPTURE} assume_root_task_policy_missing_arn`, params: { 'TaskPolicyArn.arn': '' },
    message: "1 validation error detected: Value null at 'taskPolicyArn' failed to satisfy constraint: Member must not be null" },
  { name: 'an 11-character TargetPrincipal', source: `${API}, TargetPrincipal: minimum length 12`, params: { TargetPrincipal: '12345678901' },
    message: "1 validation error detected: Value '12345678901' at 'targetPrincipal' failed to satisfy constraint: Member must have length greater than or equal to 12" },
];

for (const row of ROWS) {
  test(`AssumeRoot with ${row.name}: ValidationError [${row.source}]`, async (t) => {
    const params = Object.fromEntries(Object.entries({ TargetPrincipal: '123456789012', 'TaskPolicyArn.arn': AUDIT, ...row.params }).filter(([, v]) => v !== ''));
    const answer = await queryPost(server.endpoint, { service: 'sts', params: { Action: 'AssumeRoot', ...params } });
    t.is(answer.status, 400, answer.body);
    t.is(xmlValue(answer.body, 'Type'), 'Sender');
    t.is(xmlValue(answer.body, 'Code'), 'ValidationError');
    t.is(xmlValue(answer.body, 'Message'), row.message);
  });
}
