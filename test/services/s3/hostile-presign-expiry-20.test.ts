/**
 * Hostile pass 20 over presigned-URL expiry (src/gateway/presign-expiry.ts holds each answer's
 * source). A malformed X-Amz-Expires, X-Amz-Date or SigV2 Expires was taken as "not presigned"
 * and the request went through: now each is S3's 4xx. Also: an expired PUT with a body leaves the
 * connection usable, and expired UploadPart and DeleteObject URLs change nothing.
 */
import test from 'ava';
import http from 'node:http';
import {
  CreateBucketCommand, CreateMultipartUploadCommand, DeleteObjectCommand, GetObjectCommand, HeadObjectCommand,
  ListPartsCommand, PutObjectCommand, UploadPartCommand,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { s3Client, startBoltstack, uniqueBucket } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';

let server: Boltstack;
let bucket: string;
test.before(async () => {
  server = await startBoltstack();
  bucket = uniqueBucket('hostile-presign');
  const s3 = s3Client(server.endpoint);
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'k', Body: 'hello' }));
});
test.after.always(async () => { await server?.stop(); });

const setParam = (url: string, name: string, raw: string): string => url.replace(new RegExp(`([?&]${name}=)[^&]*`), `$1${raw}`);

const NUMBER = 'X-Amz-Expires should be a number';
const NEGATIVE = 'X-Amz-Expires must be non-negative';
const WEEK = 'X-Amz-Expires must be less than a week (in seconds); that is, the given X-Amz-Expires must be less than 604800 seconds';
const DATE = 'X-Amz-Date must be in the ISO8601 Long Format "yyyyMMdd\'T\'HHmmss\'Z\'"';
const MISSING = 'Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.';

// [row, change to a valid 60 s GET URL, status, code, message]; sources in presign-expiry.ts.
type Row = [string, (url: string) => string, number, string, string | undefined];
const ROWS: Row[] = [
  ['empty X-Amz-Expires', (u) => setParam(u, 'X-Amz-Expires', ''), 400, 'AuthorizationQueryParametersError', NUMBER],
  ['X-Amz-Expires=undefined (minio-js#1312, S3)', (u) => setParam(u, 'X-Amz-Expires', 'undefined'), 400, 'AuthorizationQueryParametersError', NUMBER],
  ['X-Amz-Expires=-1 (fog#3528, S3)', (u) => setParam(u, 'X-Amz-Expires', '-1'), 400, 'AuthorizationQueryParametersError', NEGATIVE],
  ['X-Amz-Expires=1e400', (u) => setParam(u, 'X-Amz-Expires', '1e400'), 400, 'AuthorizationQueryParametersError', NUMBER],
  ['X-Amz-Expires=2^63 (swift s3api functests)', (u) => setParam(u, 'X-Amz-Expires', '9223372036854775808'), 400, 'AuthorizationQueryParametersError', NUMBER],
  ['X-Amz-Expires=2^53+1', (u) => setParam(u, 'X-Amz-Expires', '9007199254740993'), 400, 'AuthorizationQueryParametersError', WEEK],
  ['X-Amz-Expires with a space before it', (u) => setParam(u, 'X-Amz-Expires', '%2060'), 400, 'AuthorizationQueryParametersError', NUMBER],
  ['X-Amz-Expires=60.5', (u) => setParam(u, 'X-Amz-Expires', '60.5'), 400, 'AuthorizationQueryParametersError', NUMBER],
  ['X-Amz-Date in extended ISO form', (u) => setParam(u, 'X-Amz-Date', encodeURIComponent(new Date().toISOString())), 400, 'AuthorizationQueryParametersError', DATE],
  ['X-Amz-Date with a leap second', (u) => setParam(u, 'X-Amz-Date', '20261231T235960Z'), 400, 'AuthorizationQueryParametersError', DATE],
  ['X-Amz-Date in month 13', (u) => setParam(u, 'X-Amz-Date', '20261301T000000Z'), 400, 'AuthorizationQueryParametersError', DATE],
  ['empty X-Amz-Date', (u) => setParam(u, 'X-Amz-Date', ''), 400, 'AuthorizationQueryParametersError', DATE],
  ['X-Amz-Date in year 0000 has expired', (u) => setParam(u, 'X-Amz-Date', '00000101T000000Z'), 403, 'AccessDenied', 'Request has expired'],
  ['X-Amz-Date in year 9999 is not yet valid', (u) => setParam(u, 'X-Amz-Date', '99991231T235959Z'), 403, 'AccessDenied', 'Request is not yet valid'],
  ['X-Amz-Algorithm without X-Amz-Expires, SigV2 Expires beside it', (u) => u.replace(/X-Amz-Expires=/, 'Expires='), 400, 'AuthorizationQueryParametersError', MISSING],
  ['X-Amz-Expires in percent-encoded digits is read decoded', (u) => setParam(u, 'X-Amz-Expires', '%2D1'), 400, 'AuthorizationQueryParametersError', NEGATIVE],
  ['a percent-encoded X-Amz-Expires name is read decoded', (u) => setParam(u, 'X-Amz-Expires', '-1').replace('X-Amz-Expires=', 'X-Amz-%45xpires='), 400, 'AuthorizationQueryParametersError', NEGATIVE],
  ['X-Amz-Expires of 0060 is 60 s', (u) => setParam(u, 'X-Amz-Expires', '0060'), 200, '', undefined],
  ['x-amz-expires in lower case is an ordinary parameter', (u) => `${u}&x-amz-expires=-5`, 200, '', undefined],
];

for (const [row, change, status, code, message] of ROWS) {
  test(`presigned GET, ${row}: ${status} ${code}`, async (t) => {
    const url = change(await getSignedUrl(s3Client(server.endpoint), new GetObjectCommand({ Bucket: bucket, Key: 'k' }), { expiresIn: 60 }));
    const got = await fetch(url);
    const body = await got.text();
    t.is(got.status, status, body);
    if (message !== undefined) t.true(body.includes(`<Code>${code}</Code><Message>${message.replace(/"/g, '&quot;').replace(/'/g, '&apos;')}</Message>`) || body.includes(`<Code>${code}</Code><Message>${message}</Message>`), body);
  });
}

test('presigned SigV2: Expires not an integer below 2^31 is 403 "Invalid date (should be seconds since epoch)"', async (t) => {
  const base = `${server.endpoint}/${bucket}/k?AWSAccessKeyId=test&Signature=x`;
  for (const expires of ['abc', '', '-1', '4294967296']) {
    const got = await fetch(`${base}&Expires=${expires}`);
    t.is(got.status, 403, expires);
    t.regex(await got.text(), new RegExp(`<Code>AccessDenied</Code><Message>Invalid date \\(should be seconds since epoch\\): ${expires}</Message>`));
  }
  const later = await fetch(`${base}&Expires=${Math.floor(Date.now() / 1000) + 60}`);
  t.is(later.status, 200);
});

/** One keep-alive socket: an answer before the body was read must still leave it usable. */
function send(agent: http.Agent, url: string, method: string, body?: Buffer): Promise<{ status: number; text: string; reused: boolean }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, agent, headers: body ? { 'content-length': String(body.length) } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString(), reused: req.reusedSocket }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

test('an expired or malformed presigned PUT with a 2 MiB body: refused, nothing stored, the connection serves the next request', async (t) => {
  const s3 = s3Client(server.endpoint);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const old = new Date(Date.now() - 120_000);
    const expiredUrl = await getSignedUrl(s3, new PutObjectCommand({ Bucket: bucket, Key: 'late' }), { expiresIn: 60, signingDate: old });
    const body = Buffer.alloc(2 * 1024 * 1024, 7);
    const first = await send(agent, expiredUrl, 'PUT', body);
    t.is(first.status, 403, first.text);
    const malformed = setParam(expiredUrl, 'X-Amz-Expires', '-1');
    const second = await send(agent, malformed, 'PUT', body);
    t.is(second.status, 400, second.text);
    const after = await send(agent, `${server.endpoint}/${bucket}/k`, 'GET');
    t.is(after.status, 200);
    t.is(after.text, 'hello');
    t.true(after.reused, 'the keep-alive socket was reused');
    await t.throwsAsync(s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'late' })), { name: 'NotFound' });
  } finally {
    agent.destroy();
  }
});

test('an expired presigned UploadPart stores no part; an expired presigned DeleteObject deletes nothing; HEAD gets a bare 400', async (t) => {
  const s3 = s3Client(server.endpoint);
  const old = new Date(Date.now() - 120_000);
  const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: 'mpu' }));
  const partUrl = await getSignedUrl(s3, new UploadPartCommand({ Bucket: bucket, Key: 'mpu', UploadId, PartNumber: 1 }), { expiresIn: 60, signingDate: old });
  const part = await fetch(partUrl, { method: 'PUT', body: 'part one' });
  t.is(part.status, 403);
  const parts = await s3.send(new ListPartsCommand({ Bucket: bucket, Key: 'mpu', UploadId }));
  t.is(parts.Parts?.length ?? 0, 0);
  const deleteUrl = await getSignedUrl(s3, new DeleteObjectCommand({ Bucket: bucket, Key: 'k' }), { expiresIn: 60, signingDate: old });
  const deleted = await fetch(deleteUrl, { method: 'DELETE' });
  t.is(deleted.status, 403);
  t.is((await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'k' }))).ContentLength, 5);
  const headUrl = setParam(await getSignedUrl(s3, new HeadObjectCommand({ Bucket: bucket, Key: 'k' }), { expiresIn: 60 }), 'X-Amz-Expires', 'abc');
  const head = await fetch(headUrl, { method: 'HEAD' });
  t.is(head.status, 400);
  t.is(await head.text(), '');
});
