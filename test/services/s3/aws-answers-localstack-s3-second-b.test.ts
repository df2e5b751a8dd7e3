/**
 * More S3 answers from LocalStack's AWS-recorded test_s3.snapshot.json (localstack/localstack
 * 8ea6f2f, second half; see aws-answers-localstack-s3-second.test.ts): keys with special
 * characters, checksums, canned ACLs, partNumber reads, and the operations boltstack answers 501.
 */
import test from 'ava';
import {
  CompleteMultipartUploadCommand, CopyObjectCommand, CreateBucketCommand, CreateMultipartUploadCommand, DeleteBucketCommand, DeleteObjectCommand,
  DeleteObjectsCommand, GetObjectCommand, GetObjectRetentionCommand, HeadObjectCommand,
  ListObjectsV2Command, PutBucketAnalyticsConfigurationCommand, PutBucketIntelligentTieringConfigurationCommand,
  PutBucketInventoryConfigurationCommand, PutBucketLifecycleConfigurationCommand, PutBucketLoggingCommand,
  PutObjectCommand, PutObjectLegalHoldCommand, UploadPartCommand, type S3Client,
} from '@aws-sdk/client-s3';
import { errorOf } from '../../helpers/errors.js';
import { s3Client, startBoltstack, uniqueBucket } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';
import { signedRequest } from './signed-request.js';

const LS = 'localstack/localstack tests/aws/services/s3/test_s3.py';
let server: Boltstack;
let s3: S3Client;
test.before(async () => { server = await startBoltstack(); s3 = s3Client(server.endpoint); });
test.after.always(async () => { s3?.destroy(); await server?.stop(); });

async function newBucket(): Promise<string> {
  const bucket = uniqueBucket('lss');
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  return bucket;
}
const fields = (err: unknown): Record<string, unknown> => err as Record<string, unknown>;
/** The text of an element, '' for an empty one (<X/> or <X></X>), undefined when absent. */
const element = (xml: string, name: string): string | undefined => {
  const m = new RegExp(`<${name}(?:/>|>([^<]*)</${name}>)`).exec(xml);
  return m ? (m[1] ?? '') : undefined;
};

// ---- Keys with special characters ----

const SPECIAL = ['file%2Fname', 'test@key/', 'test%123', 'test%percent', 'test key/', 'test key//', 'test%123/', 'a/%F0%9F%98%80/'];

test(`keys with %, @, spaces and slashes: PutObject, ListObjectsV2, GetObject and DeleteObject keep them literally [${LS}::TestS3::test_put_get_object_special_character (12-12-2023)]`, async (t) => {
  const bucket = await newBucket();
  for (const Key of SPECIAL) {
    const put = await s3.send(new PutObjectCommand({ Bucket: bucket, Key, Body: 'test' }));
    t.is(put.ETag, '"098f6bcd4621d373cade4e832627b4f6"');
    const list = await s3.send(new ListObjectsV2Command({ Bucket: bucket }));
    t.deepEqual(list.Contents?.map((c) => [c.Key, c.Size, c.StorageClass]), [[Key, 4, 'STANDARD']]);
    const get = await s3.send(new GetObjectCommand({ Bucket: bucket, Key }));
    t.is(await get.Body?.transformToString(), 'test');
    const del = await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key }));
    t.is(del.$metadata.httpStatusCode, 204);
  }
});

test(`CopyObject from keys with special characters, x-amz-copy-source URL-encoded [${LS}::TestS3::test_copy_object_special_character (04-01-2024)]`, async (t) => {
  const src = await newBucket();
  const dest = await newBucket();
  const keys = ['file%2Fname', 'test@key/', 'test key/', 'test key//', 'a/%F0%9F%98%80/', 'test+key'];
  for (const Key of keys) {
    await s3.send(new PutObjectCommand({ Bucket: src, Key, Body: 'test' }));
    const out = await s3.send(new CopyObjectCommand({ Bucket: dest, Key, CopySource: `${src}/${encodeURIComponent(Key)}` }));
    t.is(out.CopyObjectResult?.ETag, '"098f6bcd4621d373cade4e832627b4f6"');
  }
  const list = await s3.send(new ListObjectsV2Command({ Bucket: dest }));
  t.deepEqual(list.Contents?.map((c) => c.Key), ['a/%F0%9F%98%80/', 'file%2Fname', 'test key/', 'test key//', 'test+key', 'test@key/']);
});

test(`DeleteObjects of keys holding percent escapes deletes them as written [${LS}::TestS3::test_delete_objects_encoding (22-10-2023)]`, async (t) => {
  const bucket = await newBucket();
  const keys = ['a%2Fb', 'a/%F0%9F%98%80'];
  for (const Key of keys) await s3.send(new PutObjectCommand({ Bucket: bucket, Key, Body: `body of ${Key}` }));
  const before = await s3.send(new ListObjectsV2Command({ Bucket: bucket }));
  t.deepEqual(before.Contents?.map((c) => c.Key), ['a%2Fb', 'a/%F0%9F%98%80']);
  const out = await s3.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: keys.map((Key) => ({ Key })) } }));
  t.deepEqual(out.Deleted?.map((d) => d.Key), keys);
  t.is(out.Errors, undefined);
  t.is((await s3.send(new ListObjectsV2Command({ Bucket: bucket }))).KeyCount, 0);
});

test(`keys with a leading slash or "%40" are their own keys, listed in byte order [${LS}::TestS3::test_object_with_slashes_in_key, test_url_encoded_key (24-11-2023, 11-11-2023)]`, async (t) => {
  const bucket = await newBucket();
  // The bodies of the %40 keys are not in the recording: only their sizes.
  for (const [Key, Body] of [['/foo', 'foobar'], ['bar', 'barfoo'], ['/bar/foo/', 'test'], ['test@key/', 'x'.repeat(16)], ['test%40key/', 'x'.repeat(12)], ['test%40key', 'x'.repeat(24)]]) {
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key, Body }));
  }
  const list = await s3.send(new ListObjectsV2Command({ Bucket: bucket }));
  t.deepEqual(list.Contents?.map((c) => [c.Key, c.Size]), [['/bar/foo/', 4], ['/foo', 6], ['bar', 6], ['test%40key', 24], ['test%40key/', 12], ['test@key/', 16]]);
  t.deepEqual(list.Contents?.slice(0, 3).map((c) => c.ETag), ['"098f6bcd4621d373cade4e832627b4f6"', '"3858f62230ac3c915f300c664312c63f"', '"96948aad3fcae80c08a35c9b5958cd89"']);
});

// ---- Checksums ----

test(`PutObject with x-amz-checksum-sha256 and no algorithm: a wrong value, two checksum headers, the right value [${LS}::TestS3::test_s3_checksum_no_algorithm (04-06-2024)]`, async (t) => {
  const bucket = await newBucket();
  const put = (headers: Record<string, string>) => signedRequest(server.endpoint, { method: 'PUT', path: `/${bucket}/test-checksum`, body: 'test data..', headers });
  const wrong = await put({ 'x-amz-checksum-sha256': 'wrongvalue' });
  t.is(wrong.status, 400);
  t.is(element(wrong.body.toString(), 'Code'), 'InvalidRequest');
  t.is(element(wrong.body.toString(), 'Message'), 'Value for x-amz-checksum-sha256 header is invalid.');
  const two = await put({ 'x-amz-checksum-sha256': '2l26x0trnT0r2AvakoFk2MB7eKVKzYESLMxSAKAzoik=', 'x-amz-checksum-crc32': 'cZWHwQ==' });
  t.is(two.status, 400);
  t.is(element(two.body.toString(), 'Message'), 'Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.');
  const right = await put({ 'x-amz-checksum-sha256': '2l26x0trnT0r2AvakoFk2MB7eKVKzYESLMxSAKAzoik=' });
  t.is(right.status, 200);
  t.is(right.headers['x-amz-checksum-sha256'], '2l26x0trnT0r2AvakoFk2MB7eKVKzYESLMxSAKAzoik=');
  t.is(right.headers.etag, '"e6d9226c2a86b7232933663c13467527"');
  const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'test-checksum', ChecksumMode: 'ENABLED' }));
  t.is(head.ChecksumSHA256, '2l26x0trnT0r2AvakoFk2MB7eKVKzYESLMxSAKAzoik=');
  t.is(head.ContentLength, 11);
});

for (const [algorithm, member, value] of [['CRC32', 'ChecksumCRC32', 'lVk/nw=='], ['CRC32C', 'ChecksumCRC32C', 'Fz3epA=='], ['SHA1', 'ChecksumSHA1', 'jbXkHAsXUrubtL3dqDQ4w+7WXc0=']] as const) {
  test(`GetObject and HeadObject answer the ${algorithm} checksum only with ChecksumMode ENABLED, in any case [${LS}::TestS3::test_s3_get_object_checksum[${algorithm}] (04-06-2024)]`, async (t) => {
    const bucket = await newBucket();
    const Key = 'test-checksum-retrieval';
    const put = await s3.send(new PutObjectCommand({ Bucket: bucket, Key, Body: 'test-checksum', ChecksumAlgorithm: algorithm }));
    t.is(put[member], value);
    t.is(put.ETag, '"f2081dd61dfa700a0fd5e29b9c3cc23d"');
    // The SDK v3 asks for checksums on every GetObject (x-amz-checksum-mode), so raw here.
    const plain = await signedRequest(server.endpoint, { method: 'GET', path: `/${bucket}/${Key}` });
    t.is(plain.body.toString(), 'test-checksum');
    t.false(`x-amz-checksum-${algorithm.toLowerCase()}` in plain.headers);
    const plainHead = await signedRequest(server.endpoint, { method: 'HEAD', path: `/${bucket}/${Key}` });
    t.false(`x-amz-checksum-${algorithm.toLowerCase()}` in plainHead.headers);
    const get = await s3.send(new GetObjectCommand({ Bucket: bucket, Key, ChecksumMode: 'ENABLED' }));
    t.is(get[member], value);
    t.is(await get.Body?.transformToString(), 'test-checksum');
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key, ChecksumMode: 'ENABLED' }));
    t.is(head[member], value);
    // The recording's last GET says ChecksumMode="enabled": the casing does not matter.
    const lower = await signedRequest(server.endpoint, { method: 'GET', path: `/${bucket}/${Key}`, headers: { 'x-amz-checksum-mode': 'enabled' } });
    t.is(lower.headers[`x-amz-checksum-${algorithm.toLowerCase()}`], value);
  });
}

// ---- Canned ACLs ----

test(`PutObject with an unknown canned ACL: 400 InvalidArgument naming x-amz-acl, with an empty Message [${LS}::TestS3::test_s3_object_acl_exceptions (15-08-2023)]`, async (t) => {
  const bucket = await newBucket();
  const res = await signedRequest(server.endpoint, { method: 'PUT', path: `/${bucket}/object-key-acl`, body: '', headers: { 'x-amz-acl': 'fake-acl' } });
  const xml = res.body.toString();
  t.is(res.status, 400);
  t.is(element(xml, 'Code'), 'InvalidArgument');
  t.is(element(xml, 'Message'), '');
  t.is(element(xml, 'ArgumentName'), 'x-amz-acl');
  t.is(element(xml, 'ArgumentValue'), 'fake-acl');
});

// ---- GetObject / HeadObject by part number ----

test(`GetObject and HeadObject partNumber=2 of a two-part object: 206, that part's bytes and range, PartsCount 2 [${LS}::TestS3::test_get_object_part (10-08-2023)]`, async (t) => {
  const bucket = await newBucket();
  const Key = 'test.file';
  const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key }));
  // The recording's first part is 5 MiB and 16 bytes (its ContentRange starts at 5242896).
  const bodies = [Buffer.alloc(5 * 1024 * 1024 + 16, 'a'), Buffer.from('test content 123')];
  const Parts = [];
  for (const [i, Body] of bodies.entries()) {
    const { ETag } = await s3.send(new UploadPartCommand({ Bucket: bucket, Key, UploadId, PartNumber: i + 1, Body }));
    Parts.push({ PartNumber: i + 1, ETag });
  }
  const done = await s3.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key, UploadId, MultipartUpload: { Parts } }));
  t.regex(done.ETag!, /^"[0-9a-f]{32}-2"$/);
  const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key, PartNumber: 2 }));
  t.deepEqual([head.$metadata.httpStatusCode, head.ContentLength, head.PartsCount, head.ETag], [206, 16, 2, done.ETag]);
  const get = await s3.send(new GetObjectCommand({ Bucket: bucket, Key, PartNumber: 2 }));
  t.deepEqual([get.$metadata.httpStatusCode, get.ContentLength, get.PartsCount, get.ContentRange], [206, 16, 2, 'bytes 5242896-5242911/5242912']);
  t.is(await get.Body?.transformToString(), 'test content 123');
  const missing = await errorOf(s3.send(new GetObjectCommand({ Bucket: bucket, Key, PartNumber: 10 })));
  t.is(missing.$metadata.httpStatusCode, 416);
  t.is(missing.name, 'InvalidPartNumber');
  t.is(missing.message, 'The requested partnumber is not satisfiable');
  t.deepEqual([fields(missing).ActualPartCount, fields(missing).PartNumberRequested], ['2', '10']);
});

// ---- What boltstack does not emulate ----

test(`operations of the second half of test_s3.py that boltstack does not implement answer 501 NotImplemented naming the operation [${LS} (2023-08-03 .. 2023-08-15)]`, async (t) => {
  const bucket = await newBucket();
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'k', Body: 'x' }));
  const calls: [string, Promise<unknown>][] = [
    ['PutBucketLifecycleConfiguration', s3.send(new PutBucketLifecycleConfigurationCommand({ Bucket: bucket, LifecycleConfiguration: { Rules: [{ ID: 'r', Status: 'Enabled', Filter: {}, Expiration: { Days: 7 } }] } }))],
    ['PutBucketLogging', s3.send(new PutBucketLoggingCommand({ Bucket: bucket, BucketLoggingStatus: {} }))],
    ['PutBucketInventoryConfiguration', s3.send(new PutBucketInventoryConfigurationCommand({ Bucket: bucket, Id: 'i', InventoryConfiguration: { Id: 'i', IsEnabled: true, IncludedObjectVersions: 'All', Schedule: { Frequency: 'Daily' }, Destination: { S3BucketDestination: { Bucket: `arn:aws:s3:::${bucket}`, Format: 'CSV' } } } }))],
    ['PutBucketAnalyticsConfiguration', s3.send(new PutBucketAnalyticsConfigurationCommand({ Bucket: bucket, Id: 'a', AnalyticsConfiguration: { Id: 'a', StorageClassAnalysis: {} } }))],
    ['PutBucketIntelligentTieringConfiguration', s3.send(new PutBucketIntelligentTieringConfigurationCommand({ Bucket: bucket, Id: 't', IntelligentTieringConfiguration: { Id: 't', Status: 'Enabled', Tierings: [{ AccessTier: 'ARCHIVE_ACCESS', Days: 90 }] } }))],
    ['GetObjectRetention', s3.send(new GetObjectRetentionCommand({ Bucket: bucket, Key: 'k' }))],
    ['PutObjectLegalHold', s3.send(new PutObjectLegalHoldCommand({ Bucket: bucket, Key: 'k', LegalHold: { Status: 'ON' } }))],
  ];
  for (const [operation, call] of calls) {
    const err = await errorOf(call);
    t.is(err.$metadata.httpStatusCode, 501, operation);
    t.is(err.name, 'NotImplemented', operation);
    t.true(err.message.includes(operation), `${operation}: ${err.message}`);
  }
});

test(`GetObject's response headers for a plain object: S3's values [${LS}::TestS3::test_get_object_content_length_with_virtual_host[False] (07-08-2023)]`, async (t) => {
  const bucket = await newBucket();
  // Raw: boto3 sends no Content-Type, the SDK v3 sends application/octet-stream.
  t.is((await signedRequest(server.endpoint, { method: 'PUT', path: `/${bucket}/temp-key`, body: '123' })).status, 200);
  const res = await signedRequest(server.endpoint, { method: 'GET', path: `/${bucket}/temp-key` });
  t.is(res.status, 200);
  t.is(res.body.toString(), '123');
  const { headers } = res;
  t.deepEqual([headers['accept-ranges'], headers['content-length'], headers['content-type'], headers.etag, headers['x-amz-server-side-encryption']],
    ['bytes', '3', 'binary/octet-stream', '"202cb962ac59075b964b07152d234b70"', 'AES256']);
  // S3 also sends `server: AmazonS3`; boltstack sends none (not worth a header on every response).
  for (const name of ['date', 'last-modified', 'x-amz-id-2', 'x-amz-request-id']) t.true(name in headers, name);
});

// ---- The small snapshot files: test_s3_preconditions.snapshot.json (c050d86), test_buckets.snapshot.json (dc8ca66) ----

const LS_PRE = 'localstack/localstack tests/aws/services/s3/test_s3_preconditions.py::TestS3CopySourcePreconditions';

test(`CopyObject source date preconditions at the source's own Last-Modified, and the copy result's CRC32 (the client's default checksum, carried) [${LS_PRE}::test_s3_copy_object_preconditions, test_s3_copy_object_if_source_(un)modified_since_versioned (12-11-2025)]`, async (t) => {
  const bucket = await newBucket();
  const Key = 'source-object';
  // Both boto3 (>= 1.36) and the SDK v3 send a CRC32 with the PutObject by default.
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key, Body: 'data' }));
  const { LastModified } = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key }));
  const lastModified = LastModified!;
  const copy = (extra: object) => s3.send(new CopyObjectCommand({ Bucket: bucket, CopySource: `${bucket}/${Key}`, Key: 'dest-object', ...extra }));
  for (const extra of [
    { CopySourceIfModifiedSince: new Date(lastModified.getTime() - 60_000) }, { CopySourceIfUnmodifiedSince: lastModified },
    { CopySourceIfModifiedSince: new Date(Date.now() + 86_400_000) },
  ]) {
    const out = await copy(extra);
    t.deepEqual([out.CopyObjectResult?.ETag, out.CopyObjectResult?.ChecksumCRC32, out.ServerSideEncryption], ['"8d777f385d3dfec8815d20f7496026dc"', 'rfPzYw==', 'AES256']);
  }
  for (const [extra, condition] of [
    [{ CopySourceIfModifiedSince: lastModified }, 'x-amz-copy-source-If-Modified-Since'],
    [{ CopySourceIfUnmodifiedSince: new Date(Date.now() - 86_400_000) }, 'x-amz-copy-source-If-Unmodified-Since'],
  ] as const) {
    const err = await errorOf(copy(extra));
    t.is(err.$metadata.httpStatusCode, 412);
    t.is(err.name, 'PreconditionFailed');
    t.is(fields(err).Condition, condition);
  }
});

test(`CreateBucket, ListObjectsV2 of the empty bucket, DeleteBucket [localstack/localstack tests/aws/services/s3/test_buckets.py::test_create_list_delete_bucket (12-09-2025)]`, async (t) => {
  const bucket = uniqueBucket('lsb');
  const created = await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  t.is(created.$metadata.httpStatusCode, 200);
  t.is(created.Location, `/${bucket}`);
  const list = await s3.send(new ListObjectsV2Command({ Bucket: bucket, EncodingType: 'url' }));
  t.deepEqual([list.EncodingType, list.IsTruncated, list.KeyCount, list.MaxKeys, list.Name, list.Prefix, list.Contents], ['url', false, 0, 1000, bucket, '', undefined]);
  const deleted = await s3.send(new DeleteBucketCommand({ Bucket: bucket }));
  t.is(deleted.$metadata.httpStatusCode, 204);
});
