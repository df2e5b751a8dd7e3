/**
 * Raw HTTP against the server: virtual-hosted addressing by Host header, internal endpoints,
 * NotImplemented from the catalogue, and bad input that must be refused, never crash.
 */
import test from 'ava';
import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { startBoltstack, TEST_ADAPTER } from '../helpers/server.js';
import type { Boltstack } from '../../src/index.js';

let server: Boltstack;
test.before(async () => { server = await startBoltstack(); });
test.after.always(async () => { await server?.stop(); });

interface Reply { status: number; headers: Record<string, string | string[] | undefined>; body: string }

function send(method: string, path: string, headers: Record<string, string> = {}, body?: string | Buffer): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const SIGNED_S3 = { authorization: 'AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=00' };

test('virtual-hosted requests by Host header reach the bucket', async (t) => {
  t.is((await send('PUT', '/vh-bucket', SIGNED_S3)).status, 200);
  for (const host of ['vh-bucket.localhost', 'vh-bucket.s3.localhost', 'vh-bucket.s3.us-east-1.localhost.localstack.cloud']) {
    const put = await send('PUT', '/obj.txt', { ...SIGNED_S3, host: `${host}:${server.port}`, 'content-length': '5' }, 'hello');
    t.is(put.status, 200, host);
    const get = await send('GET', '/obj.txt', { ...SIGNED_S3, host: `${host}:${server.port}` });
    t.is(get.body, 'hello', host);
    t.truthy(get.headers['x-amz-request-id']);
    t.truthy(get.headers['x-amz-id-2']);
  }
  const noType = await send('PUT', '/typeless', { ...SIGNED_S3, host: `vh-bucket.localhost:${server.port}`, 'content-length': '1' }, 'x');
  t.is(noType.status, 200);
  const typeless = await send('HEAD', '/typeless', { ...SIGNED_S3, host: `vh-bucket.localhost:${server.port}` });
  t.is(typeless.headers['content-type'], 'binary/octet-stream');
  t.is(typeless.headers['content-length'], '1');
  const list = await send('GET', '/?list-type=2', { ...SIGNED_S3, host: `vh-bucket.localhost:${server.port}` });
  t.regex(list.body, /<Key>obj\.txt<\/Key>/);
  t.regex(list.body, /<ListBucketResult xmlns="http:\/\/s3\.amazonaws\.com\/doc\/2006-03-01\/">/);
});

test('health names the HTTP adapter serving, and why when it is not uWS', async (t) => {
  const health = JSON.parse((await send('GET', '/_boltstack/health')).body) as { http: string; httpReason?: string };
  const expected = process.env.BOLTSTACK_EXPECT_HTTP_ADAPTER ?? (TEST_ADAPTER === 'auto' ? undefined : TEST_ADAPTER);
  if (expected !== undefined) t.is(health.http, expected, health.httpReason);
  t.is(health.httpReason, server.httpAdapterReason);
  if (health.http === 'uws') {
    t.is(health.httpReason, undefined);
  } else if (TEST_ADAPTER === 'node-http') {
    t.is(health.httpReason, 'chosen with --http-adapter node-http');
  } else {
    // A fallback names this Node's ABI and version and (on Linux) the running glibc.
    const glibc = process.platform === 'linux' ? ` with glibc ${String((process.report.getReport() as { header: { glibcVersionRuntime?: string } }).header.glibcVersionRuntime)}` : '';
    t.true(health.httpReason?.startsWith(
      `no uWS build for Node ABI ${process.versions.modules} (Node ${process.versions.node}) on ${process.platform}/${process.arch}${glibc}`,
    ), health.httpReason);
  }
});

// Serial: reset wipes the server the other tests share (serial tests run first in ava).
test.serial('health, capabilities and reset', async (t) => {
  const health = JSON.parse((await send('GET', '/_boltstack/health')).body) as { services: Record<string, string>; http: string; version: string };
  t.is(health.http, server.httpAdapter);
  t.truthy(health.version);
  t.true(['running', 'available'].includes(health.services.s3!));
  t.true(['running', 'available'].includes(health.services.dynamodb!));
  t.deepEqual(JSON.parse((await send('GET', '/_localstack/health')).body).services, health.services);
  const caps = JSON.parse((await send('GET', '/_boltstack/capabilities')).body) as Record<string, { operations: Record<string, boolean> }>;
  t.true(caps.s3!.operations.PutObject);
  t.false(caps.s3!.operations.PutBucketPolicy);
  t.true(caps.dynamodb!.operations.CreateTable);
  t.false(caps.dynamodb!.operations.SearchVectors);
  await send('PUT', '/reset-me', SIGNED_S3);
  t.is((await send('POST', '/_boltstack/reset')).status, 200);
  t.is((await send('HEAD', '/reset-me', SIGNED_S3)).status, 404);
});

test('an operation of the catalogue that is not implemented answers NotImplemented (501) naming it', async (t) => {
  await send('PUT', '/ni-bucket', SIGNED_S3);
  const policy = await send('GET', '/ni-bucket?policy', SIGNED_S3);
  t.is(policy.status, 501);
  t.regex(policy.body, /<Code>NotImplemented<\/Code>/);
  t.regex(policy.body, /GetBucketPolicy/);
  const ddb = await send('POST', '/', { 'x-amz-target': 'DynamoDB_20120810.SearchVectors', 'content-type': 'application/x-amz-json-1.0' }, '{}');
  t.is(ddb.status, 501);
  t.regex(ddb.body, /NotImplemented/);
  t.regex(ddb.body, /SearchVectors/);
  t.truthy(ddb.headers['x-amzn-requestid']);
});

test('bad input gets AWS errors, never a crash', async (t) => {
  await send('PUT', '/bad-input', SIGNED_S3);
  const unclosed = '<Delete><Object><Key>a</Key></Object';
  const xml = await send('POST', '/bad-input?delete', { ...SIGNED_S3, 'content-type': 'application/xml', 'content-md5': createHash('md5').update(unclosed).digest('base64') }, unclosed);
  t.is(xml.status, 400);
  t.regex(xml.body, /<Code>MalformedXML<\/Code>/);
  const json = await send('POST', '/', { 'x-amz-target': 'DynamoDB_20120810.ListTables', 'content-type': 'application/x-amz-json-1.0' }, '{not json');
  t.is(json.status, 400);
  t.regex(json.body, /SerializationException/);
  const unknownTarget = await send('POST', '/', { 'x-amz-target': 'DynamoDB_20120810.NoSuchThing', 'content-type': 'application/x-amz-json-1.0' }, '{}');
  t.is(unknownTarget.status, 400);
  t.regex(unknownTarget.body, /UnknownOperationException/);
  const action = await send('POST', '/', { 'content-type': 'application/x-www-form-urlencoded' }, 'Action=NoSuchAction&Version=2010-03-31');
  t.is(action.status, 400);
  t.regex(action.body, /InvalidAction/);
  // A DynamoDB map nested 5,000 deep through a modelled member: refused, not a stack overflow.
  const deep = await send('POST', '/', { 'x-amz-target': 'DynamoDB_20120810.PutItem', 'content-type': 'application/x-amz-json-1.0' },
    '{"TableName":"t","Item":{"a":' + '{"M":{"a":'.repeat(5000) + '{"S":"x"}' + '}}'.repeat(5000) + '}}');
  t.is(deep.status, 400);
  t.regex(deep.body, /SerializationException/);
  const chunkedNoLength = await send('PUT', '/bad-input/no-length', { ...SIGNED_S3, 'transfer-encoding': 'chunked' }, 'abc');
  t.is(chunkedNoLength.status, 411);
  t.regex(chunkedNoLength.body, /MissingContentLength/);
  const badChunked = await send('PUT', '/bad-input/bad-chunks', {
    ...SIGNED_S3, 'x-amz-content-sha256': 'STREAMING-UNSIGNED-PAYLOAD-TRAILER', 'content-encoding': 'aws-chunked',
    'x-amz-decoded-content-length': '10', 'content-length': '12',
  }, 'zz\r\nbroken\r\n');
  t.is(badChunked.status, 400);
  t.is((await send('HEAD', '/bad-input/bad-chunks', SIGNED_S3)).status, 404);
  // A well-framed body whose declared decoded length is not a number: S3's MissingContentLength.
  const badDeclared = await send('PUT', '/bad-input/bad-declared', {
    ...SIGNED_S3, 'x-amz-content-sha256': 'STREAMING-UNSIGNED-PAYLOAD-TRAILER', 'content-encoding': 'aws-chunked',
    'x-amz-decoded-content-length': 'abc', 'content-length': '13',
  }, '3\r\nabc\r\n0\r\n\r\n');
  t.is(badDeclared.status, 411);
  t.regex(badDeclared.body, /<Code>MissingContentLength<\/Code><Message>You must provide the Content-Length HTTP header\.<\/Message>/);
  t.is((await send('HEAD', '/bad-input/bad-declared', SIGNED_S3)).status, 404);
  const invalidUtf8 = await send('PUT', '/bad-input/%FF%FE', { ...SIGNED_S3, 'content-length': '1' }, 'x');
  t.true([400].includes(invalidUtf8.status));
  const bigHeader = await send('GET', '/bad-input', { ...SIGNED_S3, 'x-big': 'a'.repeat(1024 * 1024) }).catch(() => ({ status: 431 } as Reply));
  t.true(bigHeader.status === 431 || bigHeader.status === 400);
  // Still serving after all of that.
  t.is((await send('GET', '/_boltstack/health')).status, 200);
});

test('signed query-protocol calls (SNS, STS) find their Action in the form body', async (t) => {
  const sts = await send('POST', '/', {
    authorization: 'AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/sts/aws4_request, SignedHeaders=host, Signature=00',
    'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
  }, 'Action=GetCallerIdentity&Version=2011-06-15');
  t.is(sts.status, 200, sts.body);
  t.regex(sts.body, /<GetCallerIdentityResponse xmlns="https:\/\/sts.amazonaws.com\/doc\/2011-06-15\/"><GetCallerIdentityResult>.*<Arn>arn:aws:iam::000000000000:root<\/Arn>/s);
  const sns = await send('POST', '/', {
    authorization: 'AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/sns/aws4_request, SignedHeaders=host, Signature=00',
    'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
  }, 'Action=GetSMSAttributes&Version=2010-03-31');
  t.is(sns.status, 200, sns.body);
  t.regex(sns.body, /<GetSMSAttributesResponse xmlns="http:\/\/sns.amazonaws.com\/doc\/2010-03-31\/"><GetSMSAttributesResult><attributes><entry><key>MonthlySpendLimit<\/key><value>1<\/value><\/entry><\/attributes>/);
});
