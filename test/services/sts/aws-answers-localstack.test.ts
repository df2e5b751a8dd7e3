/**
 * STS's answers against AWS's recordings in localstack's tests/aws/services/sts/test_sts.snapshot.json
 * that aws-error-answers.test.ts does not have: role chaining with transitive session tags, and who
 * a role session's credentials are. Over the query protocol, calls made with the session's key.
 */
import test from 'ava';
import { startBoltstack } from '../../helpers/server.js';
import { queryPost, xmlValue } from '../../helpers/query-client.js';
import type { Boltstack } from '../../../src/index.js';

const PY = 'localstack/localstack tests/aws/services/sts/test_sts.py';
const ROLE_1 = 'arn:aws:iam::111122223333:role/role-1';
const ROLE_2 = 'arn:aws:iam::111122223333:role/role-2';
const CONFLICT = "One of the specified transitive tag keys can't be set because it conflicts with a transitive tag key from the calling session.";

let server: Boltstack;
test.before(async () => { server = await startBoltstack(); });
test.after.always(async () => { await server?.stop(); });

const sts = (params: Record<string, string>, accessKeyId?: string) =>
  queryPost(server.endpoint, { service: 'sts', params, ...(accessKeyId === undefined ? {} : { accessKeyId }) });
const tags = (list: Array<[string, string]>): Record<string, string> =>
  Object.fromEntries(list.flatMap(([k, v], i) => [[`Tags.member.${i + 1}.Key`, k], [`Tags.member.${i + 1}.Value`, v]]));

/** AssumeRole, answering the new session's key id. */
async function assume(roleArn: string, session: string, params: Record<string, string>, accessKeyId?: string): Promise<string> {
  const answer = await sts({ Action: 'AssumeRole', RoleArn: roleArn, RoleSessionName: session, ...params }, accessKeyId);
  const key = xmlValue(answer.body, 'AccessKeyId');
  if (answer.status !== 200 || key === undefined) throw new Error(`AssumeRole: ${answer.status} ${answer.body}`);
  return key;
}

test(`role chaining: a session with a transitive tag may not set that tag again, in any case [${PY}::TestSTSAssumeRoleTagging::test_iam_role_chaining_override_transitive_tags (validated 2025-04-10)]`, async (t) => {
  const session1 = await assume(ROLE_1, 'Session1', { ...tags([['SessionTag1', 'SessionValue1']]), 'TransitiveTagKeys.member.1': 'SessionTag1' });
  for (const key of ['SessionTag1', 'sessiontag1']) {
    const answer = await sts({ Action: 'AssumeRole', RoleArn: ROLE_2, RoleSessionName: 'Session2SessionTagOverride', ...tags([[key, 'SessionValue2']]) }, session1);
    t.is(answer.status, 400, answer.body);
    t.is(xmlValue(answer.body, 'Type'), 'Sender');
    t.is(xmlValue(answer.body, 'Code'), 'InvalidParameterValue');
    t.is(xmlValue(answer.body, 'Message'), CONFLICT);
  }
});

test('role chaining: other tags are accepted, and the transitive key stays fixed one session further down the chain [AWS IAM User Guide, id_session-tags.html "Chaining roles with session tags": transitive tags persist through role chaining]', async (t) => {
  const session1 = await assume(ROLE_1, 'Session1', { ...tags([['SessionTag1', 'SessionValue1']]), 'TransitiveTagKeys.member.1': 'SessionTag1' });
  const session2 = await assume(ROLE_2, 'Session2', tags([['OtherTag', 'x']]), session1);
  const answer = await sts({ Action: 'AssumeRole', RoleArn: ROLE_1, RoleSessionName: 'Session3', ...tags([['SESSIONTAG1', 'y']]) }, session2);
  t.is(answer.status, 400, answer.body);
  t.is(xmlValue(answer.body, 'Message'), CONFLICT);
  // A session whose tags were not transitive passes nothing on.
  const plain = await assume(ROLE_1, 'Plain', tags([['SessionTag1', 'v']]));
  t.truthy(await assume(ROLE_2, 'FromPlain', tags([['SessionTag1', 'w']]), plain));
});

test(`GetCallerIdentity with a role session's credentials: the role's account, the assumed-role ARN and AssumedRoleId [${PY}::TestSTSCallerIdentity::test_get_caller_identity_with_assumed_role_credentials (validated 2026-02-09)]`, async (t) => {
  const answer = await sts({ Action: 'AssumeRole', RoleArn: ROLE_1, RoleSessionName: 'caller-session' });
  const key = xmlValue(answer.body, 'AccessKeyId')!;
  const identity = await sts({ Action: 'GetCallerIdentity' }, key);
  t.is(identity.status, 200, identity.body);
  t.is(xmlValue(identity.body, 'Account'), '111122223333');
  t.is(xmlValue(identity.body, 'Arn'), 'arn:aws:sts::111122223333:assumed-role/role-1/caller-session');
  t.is(xmlValue(identity.body, 'UserId'), xmlValue(answer.body, 'AssumedRoleId'));
  t.regex(xmlValue(identity.body, 'UserId')!, /^AROA[A-Z0-9]+:caller-session$/);
});
