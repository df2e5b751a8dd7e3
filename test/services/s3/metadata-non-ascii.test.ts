/**
 * Regression: non-ASCII user metadata did not round-trip as S3 answers it. Header values are
 * bytes; S3 decodes RFC 2047 encoded-words before storing and answers any value outside
 * US-ASCII as one =?UTF-8?B?...?= encoded-word of its UTF-8 bytes (raw bytes are taken one
 * character each, so raw UTF-8 "ö" comes back as =?UTF-8?B?w4PCtg==?=, as AWS answers it).
 * boltstack sent raw UTF-8 back, which Node's client read as mojibake ("hÃ©llo").
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingMetadata.html#UserMetadata
 */
import test from 'ava';
import { CopyObjectCommand, CreateBucketCommand, CreateMultipartUploadCommand, HeadObjectCommand, ListPartsCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { SERVING_ADAPTER, s3Client, startBoltstack } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';
import { signedRequest } from './signed-request.js';

let server: Boltstack;
const bucket = 'meta-non-ascii';
test.before(async () => {
  server = await startBoltstack();
  await s3Client(server.endpoint).send(new CreateBucketCommand({ Bucket: bucket }));
});
test.after.always(async () => { await server?.stop(); });

/** UTF-8 bytes of `text` as a header string of one character per byte (how Node writes them). */
const bytesOf = (text: string): string => Buffer.from(text, 'utf8').toString('latin1');

test('an RFC 2047 value round-trips through the SDK as the encoded-word S3 answers', async (t) => {
  const s3 = s3Client(server.endpoint);
  const encoded = `=?UTF-8?B?${Buffer.from('中文 ö', 'utf8').toString('base64')}?=`;
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'b-word', Body: 'x', Metadata: { name: encoded, plain: 'ascii stays' } }));
  const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'b-word' }));
  t.deepEqual(head.Metadata, { name: encoded, plain: 'ascii stays' });
});

test('Q encoding and an encoded-word of ASCII text are decoded; ASCII comes back plain', async (t) => {
  await signedRequest(server.endpoint, {
    method: 'PUT', path: `/${bucket}/q-word`, body: 'x',
    headers: { 'x-amz-meta-q': '=?utf-8?Q?caf=C3=A9_au_lait?=', 'x-amz-meta-ascii': '=?UTF-8?B?aGVsbG8=?=', 'x-amz-meta-two': '=?UTF-8?Q?a?= =?UTF-8?Q?b?=' },
  });
  const res = await signedRequest(server.endpoint, { method: 'HEAD', path: `/${bucket}/q-word` });
  t.is(res.headers['x-amz-meta-q'], `=?UTF-8?B?${Buffer.from('café au lait').toString('base64')}?=`);
  t.is(res.headers['x-amz-meta-ascii'], 'hello');
  t.is(res.headers['x-amz-meta-two'], 'ab');
});

/**
 * Both uWS builds (v20.30 on Node 20, v20.51 on Node 22/24) hand non-ASCII header bytes over
 * lossily (a valid UTF-8 sequence as an empty value, other bytes as U+FFFD): docs/s3.md, "Known
 * limits". node:http keeps them.
 */
const rawBytesTest = SERVING_ADAPTER === 'uws' ? test.failing : test;

rawBytesTest('raw non-ASCII bytes are taken one character per byte and answered encoded, as AWS does', async (t) => {
  await signedRequest(server.endpoint, { method: 'PUT', path: `/${bucket}/raw`, body: 'x', headers: { 'x-amz-meta-raw': bytesOf('ö') } });
  const res = await signedRequest(server.endpoint, { method: 'GET', path: `/${bucket}/raw` });
  t.is(res.headers['x-amz-meta-raw'], '=?UTF-8?B?w4PCtg==?=');
});

rawBytesTest('the SDK sending unencoded "héllo" (UTF-8 bytes): answered with S3\'s double encoding', async (t) => {
  const s3 = s3Client(server.endpoint);
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'latin1', Body: 'x', Metadata: { name: 'héllo' } }));
  const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'latin1' }));
  t.is(head.Metadata!.name, `=?UTF-8?B?${Buffer.from(bytesOf('héllo'), 'utf8').toString('base64')}?=`);
});

test('CopyObject (REPLACE) and CreateMultipartUpload decode encoded-words the same way', async (t) => {
  const s3 = s3Client(server.endpoint);
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'copy-source', Body: 'x' }));
  await s3.send(new CopyObjectCommand({ Bucket: bucket, Key: 'copied', CopySource: `${bucket}/copy-source`, MetadataDirective: 'REPLACE', Metadata: { n: '=?UTF-8?B?5Lit?=' } }));
  t.is((await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'copied' }))).Metadata!.n, '=?UTF-8?B?5Lit?=');
  const mpu = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: 'mpu', Metadata: { n: '=?UTF-8?Q?=E4=B8=AD?=' } }));
  t.truthy(mpu.UploadId);
  t.truthy(await s3.send(new ListPartsCommand({ Bucket: bucket, Key: 'mpu', UploadId: mpu.UploadId! })));
});

test('the 2 KB cap counts the decoded value\'s UTF-8 bytes', async (t) => {
  // 700 × "中" is 2,100 UTF-8 bytes decoded but only its base64 on the wire.
  const big = `=?UTF-8?B?${Buffer.from('中'.repeat(700), 'utf8').toString('base64')}?=`;
  const res = await signedRequest(server.endpoint, { method: 'PUT', path: `/${bucket}/too-big`, body: 'x', headers: { 'x-amz-meta-k': big } });
  t.is(res.status, 400);
  t.regex(res.body.toString(), /<Code>MetadataTooLarge<\/Code>/);
});
