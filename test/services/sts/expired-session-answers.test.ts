/**
 * A request signed with a session boltstack issued whose Expiration has passed is refused before
 * its operation, in each service's words (sources in src/services/sts/expired-session.ts):
 * S3 400 ExpiredToken with <Token-0>, DynamoDB 400 com.amazon.coral.service#ExpiredTokenException
 * with a lower-case "message", the query services and SQS 403 ExpiredToken. Regression: before,
 * an ended session kept working, so credential-refresh bugs passed against boltstack.
 *
 * The server runs in this process: moving Date.now moves the clock the gateway reads.
 */
import test from 'ava';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { ListTopicsCommand, SNSClient } from '@aws-sdk/client-sns';
import { ListQueuesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { SignatureV4 } from '@smithy/signature-v4';
import { NodeSha256 } from '../../helpers/node-sha256.js';
import type { Boltstack } from '../../../src/index.js';
import { CREDENTIALS, startBoltstack } from '../../helpers/server.js';
import { withClockAhead } from '../../helpers/clock.js';

let server: Boltstack;
test.before(async () => { server = await startBoltstack(); });
test.after.always(async () => { await server?.stop(); });

type Session = { accessKeyId: string; secretAccessKey: string; sessionToken: string };
type Refusal = { name: string; message: string; $metadata: { httpStatusCode?: number } };

async function session(name: string): Promise<Session> {
  const { Credentials } = await new STSClient({ endpoint: server.endpoint, region: 'us-east-1', credentials: CREDENTIALS })
    .send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/expiry', RoleSessionName: name, DurationSeconds: 900 }));
  return { accessKeyId: Credentials!.AccessKeyId!, secretAccessKey: Credentials!.SecretAccessKey!, sessionToken: Credentials!.SessionToken! };
}

const refusalOf = (p: Promise<unknown>): Promise<Refusal | undefined> => p.then(() => undefined, (e: Refusal) => e);
const SIXTEEN_MINUTES = 16 * 60_000;

test.serial('every service refuses an ended session with its own code, status and message', async (t) => {
  const credentials = await session('all-services');
  const config = { endpoint: server.endpoint, region: 'us-east-1', credentials };
  const [s3, dynamodb, sqs, sns, sts] = await withClockAhead(SIXTEEN_MINUTES, () => Promise.all([
    refusalOf(new S3Client({ ...config, forcePathStyle: true }).send(new ListBucketsCommand({}))),
    refusalOf(new DynamoDBClient(config).send(new ListTablesCommand({}))),
    refusalOf(new SQSClient(config).send(new ListQueuesCommand({}))),
    refusalOf(new SNSClient(config).send(new ListTopicsCommand({}))),
    refusalOf(new STSClient(config).send(new GetCallerIdentityCommand({}))),
  ]));
  t.like(s3, { name: 'ExpiredToken', message: 'The provided token has expired.', $metadata: { httpStatusCode: 400 } });
  t.like(dynamodb, { name: 'ExpiredTokenException', message: 'The security token included in the request is expired', $metadata: { httpStatusCode: 400 } });
  for (const err of [sqs, sns, sts]) t.like(err, { name: 'ExpiredToken', message: 'The security token included in the request is expired', $metadata: { httpStatusCode: 403 } });
});

test.serial('the same session works until its Expiration', async (t) => {
  const credentials = await session('still-live');
  const config = { endpoint: server.endpoint, region: 'us-east-1', credentials };
  const who = await withClockAhead(14 * 60_000, () => new STSClient(config).send(new GetCallerIdentityCommand({})));
  t.is(who.Arn, 'arn:aws:sts::123456789012:assumed-role/expiry/still-live');
  t.truthy(await withClockAhead(14 * 60_000, () => new DynamoDBClient(config).send(new ListTablesCommand({}))));
});

test.serial('the raw answers: DynamoDB body as captured, S3 document with the token sent', async (t) => {
  const credentials = await session('raw');
  const url = new URL(server.endpoint);
  const signer = new SignatureV4({ credentials, region: 'us-east-1', service: 'dynamodb', sha256: NodeSha256 });
  const [dynamodb, s3] = await withClockAhead(SIXTEEN_MINUTES, async () => {
    const body = '{}';
    const signed = await signer.sign({
      method: 'POST', protocol: 'http:', hostname: url.hostname, port: Number(url.port), path: '/',
      headers: { host: url.host, 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'DynamoDB_20120810.ListTables' }, body,
    });
    const ddb = await fetch(server.endpoint, { method: 'POST', headers: signed.headers as Record<string, string>, body });
    const s3Signer = new SignatureV4({ credentials, region: 'us-east-1', service: 's3', sha256: NodeSha256 });
    const s3Signed = await s3Signer.sign({
      method: 'GET', protocol: 'http:', hostname: url.hostname, port: Number(url.port), path: '/',
      headers: { host: url.host, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' },
    });
    const s3Answer = await fetch(server.endpoint, { headers: s3Signed.headers as Record<string, string> });
    return [{ status: ddb.status, body: await ddb.text() }, { status: s3Answer.status, body: await s3Answer.text() }];
  });
  // guregu/dynamo#68 (2018): the 125-byte answer.
  t.is(dynamodb.status, 400);
  t.is(dynamodb.body, '{"__type":"com.amazon.coral.service#ExpiredTokenException","message":"The security token included in the request is expired"}');
  t.is(s3.status, 400);
  t.regex(s3.body, /<Error><Code>ExpiredToken<\/Code><Message>The provided token has expired\.<\/Message><Token-0>([^<]+)<\/Token-0><RequestId>/);
  t.is(/<Token-0>([^<]+)<\/Token-0>/.exec(s3.body)![1], credentials.sessionToken);
});

test.serial('a presigned URL of an ended session is refused too; a session token boltstack did not issue is never judged expired', async (t) => {
  const credentials = await session('presigned');
  const s3 = new S3Client({ endpoint: server.endpoint, region: 'us-east-1', credentials, forcePathStyle: true });
  const url = await withClockAhead(SIXTEEN_MINUTES, () => getSignedUrl(s3, new GetObjectCommand({ Bucket: 'no-such-bucket-expiry', Key: 'k' }), { expiresIn: 3600 }));
  const answer = await withClockAhead(SIXTEEN_MINUTES, async () => {
    const res = await fetch(url);
    return { status: res.status, body: await res.text() };
  });
  t.is(answer.status, 400);
  t.true(answer.body.includes('<Code>ExpiredToken</Code>'), answer.body);

  // A token in another layout (a real AWS token's start, other bytes): not boltstack's, no expiry known.
  const foreign = { ...credentials, sessionToken: `IQoJb3JpZ2luX2VjE${Buffer.alloc(240, 7).toString('base64')}` };
  const who = await withClockAhead(SIXTEEN_MINUTES, () => new STSClient({ endpoint: server.endpoint, region: 'us-east-1', credentials: foreign }).send(new GetCallerIdentityCommand({})));
  t.is(who.Account, '123456789012');
});
