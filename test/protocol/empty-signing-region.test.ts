/**
 * A credential scope with an empty region (".../20261207//sqs/aws4_request", what a client sends
 * with its region set to nothing) is refused before the operation by every service, in each
 * service's words (sources in src/gateway/empty-signing-region.ts): DynamoDB 400
 * com.amazon.coral.service#InvalidSignatureException with a lower-case "message"; SQS (query and
 * JSON), SNS and STS 403 SignatureDoesNotMatch. Regression: before, only S3 refused it; the other
 * services ran the operation and kept its resources in a region named "", so a misconfigured
 * client passed against boltstack and failed on AWS.
 */
import test from 'ava';
import { ListQueuesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { SignatureV4 } from '@smithy/signature-v4';
import type { Boltstack } from '../../src/index.js';
import { NodeSha256 } from '../helpers/node-sha256.js';
import { CREDENTIALS, startBoltstack } from '../helpers/server.js';

let server: Boltstack;
test.before(async () => { server = await startBoltstack(); });
test.after.always(async () => { await server?.stop(); });

const MESSAGE = "Credential should be scoped to a valid region, not ''. ";

async function send(service: string, region: string, headers: Record<string, string>, body: string): Promise<{ status: number; body: string }> {
  const url = new URL(server.endpoint);
  const signer = new SignatureV4({ credentials: CREDENTIALS, region, service, sha256: NodeSha256 });
  const signed = await signer.sign({ method: 'POST', protocol: 'http:', hostname: url.hostname, port: Number(url.port), path: '/', headers: { host: url.host, ...headers }, body });
  const answer = await fetch(server.endpoint, { method: 'POST', headers: signed.headers as Record<string, string>, body });
  return { status: answer.status, body: await answer.text() };
}

const FORM = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' };
// The XML escapes the quotes (&apos;); read back as text.
const queryCall = (service: string, region: string, form: string) => send(service, region, FORM, form)
  .then((a) => ({ ...a, body: a.body.replaceAll('&apos;', "'") }));
const queryError = (code: string) => new RegExp(`<Error><Type>Sender</Type><Code>${code}</Code><Message>${MESSAGE.replace(/[.()]/g, '\\$&')}</Message>(<Detail/>)?</Error>`);

test('DynamoDB: 400 InvalidSignatureException with a lower-case "message", and no table is made', async (t) => {
  const create = JSON.stringify({ TableName: 'empty-region', AttributeDefinitions: [{ AttributeName: 'k', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'k', KeyType: 'HASH' }], BillingMode: 'PAY_PER_REQUEST' });
  const target = (op: string) => ({ 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': `DynamoDB_20120810.${op}` });
  const refused = await send('dynamodb', '', target('CreateTable'), create);
  t.is(refused.status, 400);
  t.deepEqual(JSON.parse(refused.body), { __type: 'com.amazon.coral.service#InvalidSignatureException', message: MESSAGE });
  const listed = await send('dynamodb', 'us-east-1', target('ListTables'), '{}');
  t.deepEqual(JSON.parse(listed.body), { TableNames: [] });
});

test('SQS query: 403 SignatureDoesNotMatch, and no queue is made', async (t) => {
  const refused = await queryCall('sqs', '', 'Action=CreateQueue&QueueName=empty-region&Version=2012-11-05');
  t.is(refused.status, 403);
  t.regex(refused.body, queryError('SignatureDoesNotMatch'));
  const listed = await new SQSClient({ endpoint: server.endpoint, region: 'us-east-1', credentials: CREDENTIALS }).send(new ListQueuesCommand({}));
  t.is(listed.QueueUrls, undefined);
});

test('SQS JSON (the SDK v3 protocol): 403 SignatureDoesNotMatch', async (t) => {
  const refused = await send('sqs', '', { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'AmazonSQS.ListQueues' }, '{}');
  t.is(refused.status, 403);
  t.like(JSON.parse(refused.body), { message: MESSAGE });
});

test('SNS and STS: 403 SignatureDoesNotMatch', async (t) => {
  const sns = await queryCall('sns', '', 'Action=ListTopics&Version=2010-03-31');
  const sts = await queryCall('sts', '', 'Action=GetCallerIdentity&Version=2011-06-15');
  for (const refused of [sns, sts]) {
    t.is(refused.status, 403);
    t.regex(refused.body, queryError('SignatureDoesNotMatch'));
  }
});

test('a region named by the client (not empty) still works: boltstack serves every region at one endpoint', async (t) => {
  const answer = await queryCall('sts', 'local', 'Action=GetCallerIdentity&Version=2011-06-15');
  t.is(answer.status, 200);
});
