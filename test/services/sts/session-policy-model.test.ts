/**
 * A session policy (AssumeRole, GetFederationToken, ...) is checked against the model's
 * sessionPolicyDocumentType (botocore 1.43.11: length 1 to 2048, pattern
 * [\u0009\u000A\u000D\u0020-\u00FF]+) before it is read as JSON, as AWS's validation layer does
 * for every constrained member: an empty one is a pattern and a length error, not MalformedPolicyDocument, and
 * characters past U+00FF are refused (hostile pass 20 found both accepted or misnamed).
 */
import test from 'ava';
import { AssumeRoleCommand, GetFederationTokenCommand, STSClient } from '@aws-sdk/client-sts';
import { CREDENTIALS, startBoltstack } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';

let server: Boltstack;
test.before(async () => { server = await startBoltstack(); });
test.after.always(async () => { await server?.stop(); });

const ROLE = 'arn:aws:iam::000000000000:role/r';

async function refusal(call: Promise<unknown>): Promise<{ name: string; message: string }> {
  try { await call; } catch (err) { return { name: (err as Error).name, message: (err as Error).message }; }
  throw new Error('expected a refusal');
}

test('an empty Policy is a pattern and a length ValidationError; CJK or emoji the pattern one; Latin-1 is accepted', async (t) => {
  const sts = new STSClient({ endpoint: server.endpoint, region: 'us-east-1', credentials: CREDENTIALS });
  const policyOf = (Policy: string) => sts.send(new AssumeRoleCommand({ RoleArn: ROLE, RoleSessionName: 'session', Policy }));
  // '' breaks the pattern (…]+) and the minimum; both are reported, the pattern first (msg27,
  // src/services/sts/violations.ts: AWS's answers when one value breaks both).
  t.deepEqual(await refusal(policyOf('')), {
    name: 'ValidationError',
    message: "2 validation errors detected: Value '' at 'policy' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\u0009\\u000A\\u000D\\u0020-\\u00FF]+; Value '' at 'policy' failed to satisfy constraint: Member must have length greater than or equal to 1",
  });
  const cjk = '{"Version":"2012-10-17","Statement":[{"Sid":"日本","Effect":"Allow","Action":"s3:*","Resource":"*"}]}';
  t.deepEqual(await refusal(policyOf(cjk)), {
    name: 'ValidationError',
    message: `1 validation error detected: Value '${cjk}' at 'policy' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\u0009\\u000A\\u000D\\u0020-\\u00FF]+`,
  });
  t.is((await refusal(sts.send(new GetFederationTokenCommand({ Name: 'bob', Policy: '{"Sid":"😀"}' })))).name, 'ValidationError');
  const latin1 = '{"Version":"2012-10-17","Statement":[{"Sid":"cafe","Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::caf\u00e9"}]}';
  const ok = await policyOf(latin1);
  t.truthy(ok.Credentials?.AccessKeyId);
});
