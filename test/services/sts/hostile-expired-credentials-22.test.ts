/**
 * Credentials that outlive their session (hostile input, twenty-second pass): AssumeRole
 * credentials used after their expiry, and session credentials from another boltstack data
 * directory. SDK v3 clients against the real server.
 *
 * AWS refuses both: an expired session is `ExpiredToken` "The security token included in the
 * request is expired" (403, STS and IAM: prowler-cloud/prowler#789, cfn-sphere/cfn-sphere#55;
 * S3 answers 400 "The provided token has expired.": romange/helio#15), an unknown one
 * `InvalidClientTokenId`. boltstack checks no signature (auth off, docs/sts.md) but refuses a
 * session it issued once it has ended (its token says when); a foreign session still acts in the
 * account its key encodes, never a 5xx — and, found here, a foreign session is still a session:
 * GetSessionToken and GetFederationToken with one answered root credentials of its account
 * (they refused only sessions this data directory had issued). Now AccessDenied "Cannot call
 * GetSessionToken with session credentials", as for any session (AWS's refusal, docs/sts.md),
 * told by the key's ASIA prefix (IAM reference_identifiers.html: ASIA is the prefix of
 * temporary credentials).
 */
import test from 'ava';
import { CreateQueueCommand, GetQueueUrlCommand, SQSClient } from '@aws-sdk/client-sqs';
import {
  AssumeRoleCommand, GetAccessKeyInfoCommand, GetCallerIdentityCommand, GetFederationTokenCommand, GetSessionTokenCommand,
  STSClient, type Credentials,
} from '@aws-sdk/client-sts';
import type { Boltstack } from '../../../src/index.js';
import { CREDENTIALS, startBoltstack } from '../../helpers/server.js';
import { uniqueQueue } from '../../helpers/sqs.js';
import { withClockAhead } from '../../helpers/clock.js';

let issuing: Boltstack;
let other: Boltstack;
test.before(async () => {
  [issuing, other] = await Promise.all([startBoltstack(), startBoltstack()]);
});
test.after.always(async () => { await Promise.all([issuing?.stop(), other?.stop()]); });

const ROLE_ACCOUNT = '123456789012';
const stsClient = (endpoint: string, credentials = CREDENTIALS): STSClient => new STSClient({ endpoint, region: 'us-east-1', credentials });
const sqsClient = (endpoint: string, credentials: ReturnType<typeof asClient>): SQSClient => new SQSClient({ endpoint, region: 'us-east-1', credentials });
const asClient = (c: Credentials) => ({ accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! });

type Refusal = { name: string; message: string; $metadata: { httpStatusCode?: number } };

async function assumeRole(session: string): Promise<Credentials> {
  const { Credentials } = await stsClient(issuing.endpoint).send(new AssumeRoleCommand({
    RoleArn: `arn:aws:iam::${ROLE_ACCOUNT}:role/h22`, RoleSessionName: session, DurationSeconds: 900,
  }));
  return Credentials!;
}

test.serial('AssumeRole credentials used an hour after their 900 s are refused: 403 ExpiredToken from STS and SQS [AWS: prowler-cloud/prowler#789; expired-session-answers.test.ts has every service]', async (t) => {
  const credentials = await assumeRole('h22-expired');
  t.true(credentials.Expiration!.getTime() < Date.now() + 3_600_000);
  const QueueName = uniqueQueue('h22-expired');
  const refusals = await withClockAhead(3_600_000, async () => Promise.all([
    stsClient(issuing.endpoint, asClient(credentials)).send(new GetCallerIdentityCommand({})).then(() => undefined, (e: Refusal) => e),
    sqsClient(issuing.endpoint, asClient(credentials)).send(new CreateQueueCommand({ QueueName })).then(() => undefined, (e: Refusal) => e),
  ]));
  for (const err of refusals) {
    t.is(err?.name, 'ExpiredToken');
    t.is(err?.$metadata.httpStatusCode, 403);
  }
  t.is((await stsClient(issuing.endpoint, asClient(credentials)).send(new GetCallerIdentityCommand({}))).Arn, `arn:aws:sts::${ROLE_ACCOUNT}:assumed-role/h22/h22-expired`);
});

test('session credentials of another data directory: the account their key encodes, named as its root (the session is not known here), never a 5xx [AWS: InvalidClientTokenId; boltstack: docs/sts.md]', async (t) => {
  const credentials = await assumeRole('h22-foreign');
  const sts = stsClient(other.endpoint, asClient(credentials));
  t.like(await sts.send(new GetCallerIdentityCommand({})), { Account: ROLE_ACCOUNT, Arn: `arn:aws:iam::${ROLE_ACCOUNT}:root` });
  t.is((await sts.send(new GetAccessKeyInfoCommand({ AccessKeyId: credentials.AccessKeyId! }))).Account, ROLE_ACCOUNT);
  const sqs = sqsClient(other.endpoint, asClient(credentials));
  const QueueName = uniqueQueue('h22-foreign');
  await sqs.send(new CreateQueueCommand({ QueueName }));
  t.true((await sqs.send(new GetQueueUrlCommand({ QueueName }))).QueueUrl!.endsWith(`/${ROLE_ACCOUNT}/${QueueName}`));
});

test('GetSessionToken and GetFederationToken with a session of another data directory are refused as for any session: AccessDenied, no root credentials [docs/sts.md; IAM reference_identifiers.html (ASIA)]', async (t) => {
  const credentials = await assumeRole('h22-escalate');
  for (const endpoint of [issuing.endpoint, other.endpoint]) {
    const sts = stsClient(endpoint, asClient(credentials));
    for (const [operation, call] of [
      ['GetSessionToken', sts.send(new GetSessionTokenCommand({}))],
      ['GetFederationToken', sts.send(new GetFederationTokenCommand({ Name: 'h22-user' }))],
    ] as const) {
      const err = await call.then(() => undefined, (e: { name: string; message: string; $metadata: { httpStatusCode?: number } }) => e);
      t.is(err?.name, 'AccessDenied', `${operation} at ${endpoint === issuing.endpoint ? 'the issuing' : 'another'} data dir`);
      t.is(err?.message, `Cannot call ${operation} with session credentials`);
      t.is(err?.$metadata.httpStatusCode, 403);
    }
  }
  // A long-term key is still answered.
  t.truthy((await stsClient(other.endpoint).send(new GetSessionTokenCommand({}))).Credentials?.SessionToken);
});
