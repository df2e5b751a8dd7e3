/**
 * Regression: a 304 Not Modified carried no ETag and no Last-Modified (and a Content-Type of an
 * error document it does not send), so HTTP caches could not revalidate. S3's 304 carries the
 * validators and freshness headers of the 200 it stands for (RFC 7232 §4.1), no payload headers.
 * Also: an If-Modified-Since later than now is ignored, as S3 does (it used to 304).
 */
import test from 'ava';
import { CreateBucketCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { errorOf } from '../../helpers/errors.js';
import { s3Client, startBoltstack } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';
import { signedRequest } from './signed-request.js';

let server: Boltstack;
const bucket = 'not-modified';
let etag: string;
let lastModified: string;
test.before(async () => {
  server = await startBoltstack();
  const s3 = s3Client(server.endpoint);
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  const put = await s3.send(new PutObjectCommand({
    Bucket: bucket, Key: 'page.html', Body: '<p>hi</p>', ContentType: 'text/html', CacheControl: 'max-age=60',
    Expires: new Date('2030-01-01T00:00:00Z'), Metadata: { a: 'b' },
  }));
  etag = put.ETag!;
  lastModified = (await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'page.html' }))).LastModified!.toUTCString();
});
test.after.always(async () => { await server?.stop(); });

for (const method of ['GET', 'HEAD']) {
  test(`${method} If-None-Match: a 304 carries ETag, Last-Modified, Cache-Control and Expires, no body or payload headers`, async (t) => {
    const res = await signedRequest(server.endpoint, { method, path: `/${bucket}/page.html`, headers: { 'if-none-match': etag } });
    t.is(res.status, 304);
    t.is(res.headers.etag, etag);
    t.is(res.headers['last-modified'], lastModified);
    t.is(res.headers['cache-control'], 'max-age=60');
    t.is(res.headers.expires, 'Tue, 01 Jan 2030 00:00:00 GMT');
    t.truthy(res.headers['x-amz-request-id']);
    t.false('content-type' in res.headers);
    t.false('x-amz-meta-a' in res.headers);
    t.is(res.body.length, 0);
  });
}

test('If-Modified-Since not before the last modification: 304 with the validators', async (t) => {
  const res = await signedRequest(server.endpoint, { method: 'GET', path: `/${bucket}/page.html`, headers: { 'if-modified-since': lastModified } });
  t.is(res.status, 304);
  t.is(res.headers.etag, etag);
  t.is(res.headers['last-modified'], lastModified);
});

test('the SDK sees the 304 as NotModified', async (t) => {
  const s3 = s3Client(server.endpoint);
  const err = await errorOf(s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'page.html', IfNoneMatch: etag })));
  t.is(err.$metadata.httpStatusCode, 304);
  const head = await errorOf(s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'page.html', IfModifiedSince: new Date() })));
  t.is(head.$metadata.httpStatusCode, 304);
});

test('an If-Modified-Since in the future is ignored: 200 with the object', async (t) => {
  const s3 = s3Client(server.endpoint);
  const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'page.html', IfModifiedSince: new Date(Date.now() + 86_400_000) }));
  t.is(got.$metadata.httpStatusCode, 200);
  t.is(await got.Body!.transformToString(), '<p>hi</p>');
});
