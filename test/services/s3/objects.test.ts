import test from 'ava';
import {
  CopyObjectCommand, CreateBucketCommand, DeleteObjectCommand, DeleteObjectsCommand, DeleteObjectTaggingCommand,
  GetObjectCommand, GetObjectTaggingCommand, HeadObjectCommand, PutObjectCommand, PutObjectTaggingCommand,
} from '@aws-sdk/client-s3';
import { errorOf } from '../../helpers/errors.js';
import { s3Client, startBoltstack, uniqueBucket } from '../../helpers/server.js';
import { md5Hex, patternBuffer } from '../../helpers/bytes.js';
import type { Boltstack } from '../../../src/index.js';

let server: Boltstack;
let bucket: string;
test.before(async () => {
  server = await startBoltstack();
  bucket = uniqueBucket();
  await s3Client(server.endpoint).send(new CreateBucketCommand({ Bucket: bucket }));
});
test.after.always(async () => { await server?.stop(); });


test('put and get round-trip bytes, metadata and content headers; ETag is the MD5', async (t) => {
  const s3 = s3Client(server.endpoint);
  const body = patternBuffer(300_000, 7);
  const put = await s3.send(new PutObjectCommand({
    Bucket: bucket, Key: 'dir/file.bin', Body: body, ContentType: 'application/x-test', ContentDisposition: 'attachment',
    ContentLanguage: 'en', CacheControl: 'max-age=60', Metadata: { color: 'blue', 'Mixed-Case': 'x' }, Tagging: 'a=1&b=2',
  }));
  t.is(put.ETag, `"${md5Hex(body)}"`);
  t.truthy(put.ChecksumCRC32, 'the SDK default CRC32 is verified and echoed');
  const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'dir/file.bin' }));
  const bytes = Buffer.from(await got.Body!.transformToByteArray());
  t.true(bytes.equals(body));
  t.is(got.ContentLength, body.length);
  t.is(got.ContentType, 'application/x-test');
  t.is(got.ContentDisposition, 'attachment');
  t.is(got.ContentLanguage, 'en');
  t.is(got.CacheControl, 'max-age=60');
  t.deepEqual(got.Metadata, { color: 'blue', 'mixed-case': 'x' });
  t.is(got.ETag, put.ETag);
  t.is(got.TagCount, 2);
  t.true(got.LastModified instanceof Date);
});

test('empty objects work', async (t) => {
  const s3 = s3Client(server.endpoint);
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'empty', Body: new Uint8Array(0) }));
  const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'empty' }));
  t.is(got.ContentLength, 0);
  t.is((await got.Body!.transformToByteArray()).length, 0);
  t.is(got.ETag, '"d41d8cd98f00b204e9800998ecf8427e"');
});

test('HeadObject answers the headers; a missing key is a bodiless 404', async (t) => {
  const s3 = s3Client(server.endpoint);
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'head-me', Body: 'hello' }));
  const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'head-me' }));
  t.is(head.ContentLength, 5);
  t.is(head.ETag, `"${md5Hex(Buffer.from('hello'))}"`);
  const err = await errorOf(s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'nope' })));
  t.is(err.$metadata.httpStatusCode, 404);
  t.is(err.name, 'NotFound');
  const get = await errorOf(s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'nope' })));
  t.is(get.name, 'NoSuchKey');
  t.is((get as unknown as { Key?: string }).Key, 'nope');
});

test('ranges: 206 with Content-Range, suffix and open ranges, 416 past the end', async (t) => {
  const s3 = s3Client(server.endpoint);
  const body = patternBuffer(10_000, 3);
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'ranged', Body: body }));
  const cases: [string, number, number][] = [['bytes=0-99', 0, 99], ['bytes=9900-', 9900, 9999], ['bytes=-10', 9990, 9999], ['bytes=5000-20000', 5000, 9999]];
  for (const [range, start, end] of cases) {
    const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'ranged', Range: range }));
    t.is(got.$metadata.httpStatusCode, 206, range);
    t.is(got.ContentRange, `bytes ${start}-${end}/10000`, range);
    t.true(Buffer.from(await got.Body!.transformToByteArray()).equals(body.subarray(start, end + 1)), range);
  }
  const err = await errorOf(s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'ranged', Range: 'bytes=10000-10010' })));
  t.is(err.name, 'InvalidRange');
  t.is(err.$metadata.httpStatusCode, 416);
});

test('conditional GET: If-None-Match → 304, If-Match mismatch → 412, dates', async (t) => {
  const s3 = s3Client(server.endpoint);
  const put = await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'cond', Body: 'x' }));
  const notModified = await errorOf(s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'cond', IfNoneMatch: put.ETag })));
  t.is(notModified.$metadata.httpStatusCode, 304);
  const failed = await errorOf(s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'cond', IfMatch: '"nope"' })));
  t.is(failed.$metadata.httpStatusCode, 412);
  t.is(failed.name, 'PreconditionFailed');
  const ok = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'cond', IfMatch: put.ETag, IfModifiedSince: new Date(0) }));
  t.is(ok.$metadata.httpStatusCode, 200);
  // Not before the last modification (a future date is ignored: not-modified-headers.test.ts).
  const notModifiedSince = await errorOf(s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'cond', IfModifiedSince: new Date() })));
  t.is(notModifiedSince.$metadata.httpStatusCode, 304);
  const unmodified = await errorOf(s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'cond', IfUnmodifiedSince: new Date(0) })));
  t.is(unmodified.$metadata.httpStatusCode, 412);
});

test('conditional PUT with If-None-Match: * refuses to overwrite', async (t) => {
  const s3 = s3Client(server.endpoint);
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'once', Body: 'a', IfNoneMatch: '*' }));
  const err = await errorOf(s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'once', Body: 'b', IfNoneMatch: '*' })));
  t.is(err.$metadata.httpStatusCode, 412);
  const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'once' }));
  t.is(await got.Body!.transformToString(), 'a');
});

test('response-* overrides and checksum mode', async (t) => {
  const s3 = s3Client(server.endpoint);
  const put = await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'over', Body: 'abc', ChecksumAlgorithm: 'SHA256' }));
  t.truthy(put.ChecksumSHA256);
  const got = await s3.send(new GetObjectCommand({
    Bucket: bucket, Key: 'over', ResponseContentType: 'text/x-over', ResponseContentDisposition: 'inline', ChecksumMode: 'ENABLED',
  }));
  t.is(got.ContentType, 'text/x-over');
  t.is(got.ContentDisposition, 'inline');
  t.is(got.ChecksumSHA256, put.ChecksumSHA256);
  t.is(await got.Body!.transformToString(), 'abc');
});

test('a wrong Content-MD5 or checksum is BadDigest and nothing is stored', async (t) => {
  const s3 = s3Client(server.endpoint);
  const md5 = await errorOf(s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'bad-md5', Body: 'abc', ContentMD5: Buffer.alloc(16).toString('base64') })));
  t.is(md5.name, 'BadDigest');
  t.is(md5.$metadata.httpStatusCode, 400);
  const crc = await errorOf(s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'bad-crc', Body: 'abc', ChecksumCRC32: 'AAAAAA==' })));
  t.is(crc.name, 'BadDigest');
  t.is(crc.message, 'The CRC32 you specified did not match the calculated checksum.');
  for (const key of ['bad-md5', 'bad-crc']) {
    const err = await errorOf(s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key })));
    t.is(err.$metadata.httpStatusCode, 404, key);
  }
});

test('a key over 1,024 bytes is KeyTooLongError; keys with ../ and odd characters are just keys', async (t) => {
  const s3 = s3Client(server.endpoint);
  const err = await errorOf(s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'k'.repeat(1025), Body: 'x' })));
  t.is(err.name, 'KeyTooLongError');
  for (const key of ['../../etc/passwd', 'a/../../b', '%2e%2e/x', 'sp ace/ünï€ødé/😀', 'a+b=c&d?e#f']) {
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: key }));
    const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    t.is(await got.Body!.transformToString(), key, key);
  }
});

test('DeleteObject is idempotent; DeleteObjects reports per key and honours Quiet', async (t) => {
  const s3 = s3Client(server.endpoint);
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'd1', Body: '1' }));
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'd2', Body: '2' }));
  const del = await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: 'd1' }));
  t.is(del.$metadata.httpStatusCode, 204);
  t.is((await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: 'd1' }))).$metadata.httpStatusCode, 204);
  const many = await s3.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: [{ Key: 'd2' }, { Key: 'never-there' }, { Key: 'k'.repeat(1100) }] } }));
  t.deepEqual(many.Deleted!.map((d) => d.Key).sort(), ['d2', 'never-there']);
  t.is(many.Errors![0]!.Code, 'KeyTooLongError');
  const quiet = await s3.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Quiet: true, Objects: [{ Key: 'x1' }] } }));
  t.is(quiet.Deleted, undefined);
});

test('CopyObject copies metadata by default, replaces it on REPLACE, and refuses a no-op copy in place', async (t) => {
  const s3 = s3Client(server.endpoint);
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'src', Body: 'copy me', ContentType: 'text/a', Metadata: { m: '1' } }));
  const copied = await s3.send(new CopyObjectCommand({ Bucket: bucket, Key: 'dst', CopySource: `${bucket}/src` }));
  t.is(copied.CopyObjectResult!.ETag, `"${md5Hex(Buffer.from('copy me'))}"`);
  const dst = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'dst' }));
  t.is(await dst.Body!.transformToString(), 'copy me');
  t.is(dst.ContentType, 'text/a');
  t.deepEqual(dst.Metadata, { m: '1' });
  await s3.send(new CopyObjectCommand({ Bucket: bucket, Key: 'dst2', CopySource: `/${bucket}/src`, MetadataDirective: 'REPLACE', ContentType: 'text/b', Metadata: { n: '2' } }));
  const dst2 = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'dst2' }));
  t.is(dst2.ContentType, 'text/b');
  t.deepEqual(dst2.Metadata, { n: '2' });
  const inPlace = await errorOf(s3.send(new CopyObjectCommand({ Bucket: bucket, Key: 'src', CopySource: `${bucket}/src` })));
  t.is(inPlace.name, 'InvalidRequest');
  const cond = await errorOf(s3.send(new CopyObjectCommand({ Bucket: bucket, Key: 'dst3', CopySource: `${bucket}/src`, CopySourceIfMatch: '"zzz"' })));
  t.is(cond.$metadata.httpStatusCode, 412);
  // Deleting the source leaves the copy intact (blobs are shared, referenced twice).
  await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: 'src' }));
  const still = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'dst' }));
  t.is(await still.Body!.transformToString(), 'copy me');
  const missing = await errorOf(s3.send(new CopyObjectCommand({ Bucket: bucket, Key: 'dst4', CopySource: `${bucket}/src` })));
  t.is(missing.name, 'NoSuchKey');
});

test('object tagging: put, get, delete', async (t) => {
  const s3 = s3Client(server.endpoint);
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'tagged', Body: 't' }));
  t.deepEqual((await s3.send(new GetObjectTaggingCommand({ Bucket: bucket, Key: 'tagged' }))).TagSet, []);
  await s3.send(new PutObjectTaggingCommand({ Bucket: bucket, Key: 'tagged', Tagging: { TagSet: [{ Key: 'env', Value: 'ci' }] } }));
  t.deepEqual((await s3.send(new GetObjectTaggingCommand({ Bucket: bucket, Key: 'tagged' }))).TagSet, [{ Key: 'env', Value: 'ci' }]);
  await s3.send(new DeleteObjectTaggingCommand({ Bucket: bucket, Key: 'tagged' }));
  t.deepEqual((await s3.send(new GetObjectTaggingCommand({ Bucket: bucket, Key: 'tagged' }))).TagSet, []);
  const tooMany = await errorOf(s3.send(new PutObjectTaggingCommand({ Bucket: bucket, Key: 'tagged', Tagging: { TagSet: Array.from({ length: 11 }, (_, i) => ({ Key: `k${i}`, Value: 'v' })) } })));
  // BadRequest, as AWS answers it (boto/boto3#1213, getmoto/moto#7112 verified against AWS).
  t.is(tooMany.name, 'BadRequest');
  t.is(tooMany.message, 'Object tags cannot be greater than 10');
});

test('operations on a missing bucket are NoSuchBucket', async (t) => {
  const s3 = s3Client(server.endpoint);
  const err = await errorOf(s3.send(new PutObjectCommand({ Bucket: uniqueBucket(), Key: 'k', Body: 'v' })));
  t.is(err.name, 'NoSuchBucket');
  t.is(err.$metadata.httpStatusCode, 404);
});
