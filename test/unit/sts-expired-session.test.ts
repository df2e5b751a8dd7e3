/**
 * The check the gateway makes for expired session credentials (services/sts/expired-session.ts),
 * on the tokens STS really issues (SDK v3 AssumeRole/GetSessionToken/GetFederationToken against
 * the server), and what each protocol answers.
 *
 * Sources of AWS's answers (each row names its own): S3 400 ExpiredToken "The provided token has
 * expired." with <Token-0> (romange/helio#15, 2022-09; craftcms/aws-s3#182, 2025-03, raw XML);
 * DynamoDB 400 com.amazon.coral.service#ExpiredTokenException "The security token included in the
 * request is expired" (guregu/dynamo#68, 2018-03, raw body); STS/SQS/IAM query 403 ExpiredToken
 * with the same message (pulumi/pulumi-aws#2560, 2023-06; kifi/franz#63, 2016-04;
 * cfn-sphere/cfn-sphere#55, 2016-02, raw XML). An expired session is one whose Expiration has
 * been reached (STS API_Credentials.html: "The date on which the current credentials expire").
 */
import test from 'ava';
import { randomBytes } from 'node:crypto';
import { AssumeRoleCommand, GetFederationTokenCommand, GetSessionTokenCommand, STSClient, type Credentials } from '@aws-sdk/client-sts';
import type { Boltstack } from '../../src/index.js';
import { newKeyId } from '../../src/services/sts/access-key-id.js';
import { expiredTokenError, isExpiredSession } from '../../src/services/sts/expired-session.js';
import { newSessionToken, sessionTokenExpiry } from '../../src/services/sts/session-token.js';
import { CREDENTIALS, startBoltstack } from '../helpers/server.js';

let server: Boltstack;
let sts: STSClient;
test.before(async () => {
  server = await startBoltstack();
  sts = new STSClient({ endpoint: server.endpoint, region: 'us-east-1', credentials: CREDENTIALS });
});
test.after.always(async () => { sts?.destroy(); await server?.stop(); });

const issuers: Array<[string, () => Promise<Credentials>]> = [
  ['AssumeRole', async () => (await sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::111122223333:role/r', RoleSessionName: 'expiry', DurationSeconds: 900 }))).Credentials!],
  ['GetSessionToken', async () => (await sts.send(new GetSessionTokenCommand({ DurationSeconds: 900 }))).Credentials!],
  ['GetFederationToken', async () => (await sts.send(new GetFederationTokenCommand({ Name: 'fed', DurationSeconds: 900 }))).Credentials!],
];

for (const [operation, issue] of issuers) {
  test(`${operation} credentials are expired from their Expiration on, and not before it`, async (t) => {
    const c = await issue();
    const end = c.Expiration!.getTime();
    t.false(isExpiredSession(c.AccessKeyId, c.SessionToken, Date.now()), 'live when issued');
    t.false(isExpiredSession(c.AccessKeyId, c.SessionToken, end - 1), 'live until its Expiration');
    t.true(isExpiredSession(c.AccessKeyId, c.SessionToken, end), 'expired at its Expiration');
    t.true(isExpiredSession(c.AccessKeyId, c.SessionToken, end + 3_600_000));
    // The token still looks like AWS's: same start, same length as before it carried the expiry.
    t.true(c.SessionToken!.startsWith('IQoJb3JpZ2luX2VjE'));
    t.is(c.SessionToken!.length, 17 + 320);
  });
}

test('what is never judged expired: long-term and 12-digit keys, no token, a token of another layout, a token issued for another key', (t) => {
  const later = Date.now() + 10 * 365 * 86_400_000;
  const key = newKeyId('111122223333');
  const expiresAt = Math.floor(Date.now() / 1000);
  const token = newSessionToken(key, expiresAt);
  t.is(sessionTokenExpiry(key, token), expiresAt);
  t.true(isExpiredSession(key, token, later), 'the control: this pair is expired');
  t.false(isExpiredSession(undefined, token, later));
  t.false(isExpiredSession('test', token, later));
  t.false(isExpiredSession('000000000000', token, later));
  t.false(isExpiredSession(newKeyId('111122223333', 'AKIA'), token, later));
  t.false(isExpiredSession(key, undefined, later), 'a session sent without its token');
  // A real AWS token, or one an earlier boltstack issued: the same start, random after it.
  t.false(isExpiredSession(key, `IQoJb3JpZ2luX2VjE${randomBytes(240).toString('base64')}`, later));
  t.false(isExpiredSession(newKeyId('111122223333'), token, later), 'another key with this token');
  t.false(isExpiredSession(key, token.slice(0, 40), later), 'a truncated token');
});

test('the answers: S3 400 ExpiredToken with the token as Token-0; DynamoDB 400 ExpiredTokenException; the query services 403 ExpiredToken', (t) => {
  t.like(expiredTokenError('s3', 'TOKEN'), { code: 'ExpiredToken', status: 400, message: 'The provided token has expired.', fields: { 'Token-0': 'TOKEN' } });
  for (const service of ['dynamodb', 'dynamodbstreams']) {
    t.like(expiredTokenError(service, 'TOKEN'), { code: 'ExpiredTokenException', status: 400, message: 'The security token included in the request is expired', fields: {} });
  }
  for (const service of ['sts', 'sqs', 'sns']) {
    t.like(expiredTokenError(service, 'TOKEN'), { code: 'ExpiredToken', status: 403, fault: 'Sender', message: 'The security token included in the request is expired', fields: {} });
  }
});
