/**
 * S3 answers as LocalStack's AWS-recorded snapshot holds them: tests/aws/services/s3/
 * test_s3.snapshot.json (localstack/localstack@8ea6f2f6), the entries in its first half. Each
 * entry is AWS's response when the test last ran against AWS; each row cites
 * `test_s3.py::Class::test (recorded-date)`. Values LocalStack's transformer replaced
 * (`<bucket-name:1>`, `datetime`) are checked only as shape. Rows that need versioning, ACLs,
 * KMS, lifecycle or replication are out of boltstack's scope and only checked for a 501.
 */
import test from 'ava';
import {
  CopyObjectCommand, DeleteBucketCommand, DeleteObjectsCommand, GetBucketCorsCommand,
  GetBucketNotificationConfigurationCommand, GetBucketReplicationCommand, GetBucketRequestPaymentCommand,
  GetObjectCommand, GetObjectTaggingCommand, HeadObjectCommand, ListBucketsCommand,
  ListObjectsCommand, PutObjectCommand, PutObjectTaggingCommand, type ChecksumAlgorithm,
} from '@aws-sdk/client-s3';
import { errorOf } from '../../helpers/errors.js';
import { SERVED_BY_UWS_V20_30, s3Client, uniqueBucket } from '../../helpers/server.js';
import { LS, extra, md5, serveRows } from './localstack-s3-rows.js';

const { endpoint, newBucket } = serveRows();


test(`ListObjects page of 10 keys, then DeleteBucket drops it from ListBuckets [${LS}::TestS3::test_delete_bucket_with_content (03-08-2023)]`, async (t) => {
  const { s3, bucket } = await newBucket();
  for (let i = 0; i < 10; i++) await s3.send(new PutObjectCommand({ Bucket: bucket, Key: `test-key-${i}`, Body: `test-${i}` }));
  const out = await s3.send(new ListObjectsCommand({ Bucket: bucket, MaxKeys: 100 }));
  t.is(out.Contents?.length, 10);
  t.deepEqual(out.Contents?.[0] && [out.Contents[0].Key, out.Contents[0].ETag, out.Contents[0].Size, out.Contents[0].StorageClass],
    ['test-key-0', '"86639701cdcc5b39438a5f009bd74cb1"', 6, 'STANDARD']);
  t.is(out.Contents?.[9]?.ETag, '"da51d6e22a1ae095154e69b07eef731b"');
  t.truthy(out.Contents?.[0]?.Owner?.ID);
  t.is(out.Marker, '');
  t.is(out.MaxKeys, 100);
  t.is(out.IsTruncated, false);
  t.is(out.Prefix, '');
  await s3.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: out.Contents!.map((c) => ({ Key: c.Key! })) } }));
  await s3.send(new DeleteBucketCommand({ Bucket: bucket }));
  const buckets = await s3.send(new ListBucketsCommand({}));
  t.false(buckets.Buckets?.some((b) => b.Name === bucket));
  t.truthy(buckets.Owner?.ID);
});

test(`a UTF-8 key round-trips; PutObject and GetObject answer with the recorded fields [${LS}::TestS3::test_put_and_get_object_with_utf8_key (03-08-2023)]`, async (t) => {
  const { s3, bucket } = await newBucket();
  const put = await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'Ā0Ä', Body: 'abc123' }));
  t.is(put.ETag, '"e99a18c428cb38d5f260853678922e03"');
  t.is(put.ServerSideEncryption, 'AES256');
  const get = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'Ā0Ä' }));
  t.is(await get.Body?.transformToString(), 'abc123');
  t.is(get.AcceptRanges, 'bytes');
  t.is(get.ContentLength, 6);
  // (ContentType: the SDK v3 sends application/octet-stream with a body where boto3 sends none.)
  t.deepEqual(get.Metadata, {});
  t.is(get.ServerSideEncryption, 'AES256');
});

// uWS v20.30 (Node 20's build) hangs up on any header name with an underscore, before boltstack
// sees the request: a known failure there, as SERVED_BY_UWS_V20_30 documents for malformed heads.
(SERVED_BY_UWS_V20_30 ? test.failing : test)(`metadata keys come back lower-cased, underscores kept [${LS}::TestS3::test_metadata_header_character_decoding (03-08-2023)]`, async (t) => {
  const { s3, bucket } = await newBucket();
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'key-with-metadata', Body: 'foo', Metadata: { TEST_META_1: 'foo', __meta_2: 'bar' } }));
  const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'key-with-metadata' }));
  t.deepEqual(head.Metadata, { test_meta_1: 'foo', __meta_2: 'bar' });
  t.is(head.ETag, '"acbd18db4cc2f85cedef654fccc4a4d8"');
  t.is(head.ContentLength, 3);
});

test(`operations out of boltstack's scope answer 501 naming themselves [${LS}::TestS3::test_get_bucket_notification_configuration_no_such_bucket, test_bucket_availability, test_s3_request_payer, test_bucket_exists, test_get_object_attributes]`, async (t) => {
  const { s3, bucket } = await newBucket();
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'k', Body: 'x' }));
  const calls: [string, Promise<unknown>][] = [
    ['GetBucketNotificationConfiguration', s3.send(new GetBucketNotificationConfigurationCommand({ Bucket: bucket }))],
    ['GetBucketReplication', s3.send(new GetBucketReplicationCommand({ Bucket: bucket }))],
    ['GetBucketRequestPayment', s3.send(new GetBucketRequestPaymentCommand({ Bucket: bucket }))],
    ['GetBucketCors', s3.send(new GetBucketCorsCommand({ Bucket: bucket }))],
  ];
  for (const [operation, call] of calls) {
    const err = await errorOf(call);
    t.is(err.name, 'NotImplemented', operation);
    t.is(err.$metadata.httpStatusCode, 501, operation);
    t.true(err.message.includes(operation), `${operation}: ${err.message}`);
  }
});

test(`a Range on a missing key is NoSuchKey naming the key; an unsatisfiable one is InvalidRange [${LS}::TestS3::test_range_key_not_exists, test_invalid_range_error (03-08-2023)]`, async (t) => {
  const { s3, bucket } = await newBucket();
  const missing = await errorOf(s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'my-key', Range: 'bytes=1024-4096' })));
  t.is(missing.name, 'NoSuchKey');
  t.is(missing.$metadata.httpStatusCode, 404);
  t.is(missing.message, 'The specified key does not exist.');
  t.is(extra(missing).Key, 'my-key');
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'my-key', Body: 'abcdefgh' }));
  const range = await errorOf(s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'my-key', Range: 'bytes=1024-4096' })));
  t.is(range.name, 'InvalidRange');
  t.is(range.$metadata.httpStatusCode, 416);
  t.is(range.message, 'The requested range is not satisfiable');
  t.is(extra(range).ActualObjectSize, '8');
  t.is(extra(range).RangeRequested, 'bytes=1024-4096');
});

test(`object tagging: none, two (one with an empty value), then an empty TagSet clears them [${LS}::TestS3::test_put_object_tagging_empty_list (03-08-2023)]`, async (t) => {
  const { s3, bucket } = await newBucket();
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'test-tagging', Body: 'x' }));
  t.deepEqual((await s3.send(new GetObjectTaggingCommand({ Bucket: bucket, Key: 'test-tagging' }))).TagSet, []);
  await s3.send(new PutObjectTaggingCommand({ Bucket: bucket, Key: 'test-tagging', Tagging: { TagSet: [{ Key: 'tag1', Value: 'tag1' }, { Key: 'tag2', Value: '' }] } }));
  t.deepEqual((await s3.send(new GetObjectTaggingCommand({ Bucket: bucket, Key: 'test-tagging' }))).TagSet, [{ Key: 'tag1', Value: 'tag1' }, { Key: 'tag2', Value: '' }]);
  await s3.send(new PutObjectTaggingCommand({ Bucket: bucket, Key: 'test-tagging', Tagging: { TagSet: [] } }));
  t.deepEqual((await s3.send(new GetObjectTaggingCommand({ Bucket: bucket, Key: 'test-tagging' }))).TagSet, []);
});

const CHECKSUMS: [ChecksumAlgorithm, string][] = [
  ['CRC32', 'cZWHwQ=='], ['CRC32C', 'Pf4upw=='], ['SHA1', 'B++3uSfJMSHWToQMQ1g6lIJY5Eo='], ['SHA256', '2l26x0trnT0r2AvakoFk2MB7eKVKzYESLMxSAKAzoik='],
];
for (const [algorithm, value] of CHECKSUMS) {
  test(`PutObject ${algorithm}: a malformed value is refused, the right one is echoed and kept [${LS}::TestS3::test_put_object_checksum[${algorithm}] (04-06-2024)]`, async (t) => {
    const { s3, bucket } = await newBucket();
    const field = `Checksum${algorithm}`;
    const put = (v?: string) => s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'file', Body: 'test data..', ChecksumAlgorithm: algorithm, ...(v ? { [field]: v } : {}) }));
    // short_uid(): eight hex characters, not a digest of the algorithm's size.
    const err = await errorOf(put('a1b2c3d4'));
    t.is(err.name, 'InvalidRequest');
    t.is(err.$metadata.httpStatusCode, 400);
    t.is(err.message, `Value for x-amz-checksum-${algorithm.toLowerCase()} header is invalid.`);
    for (const out of [await put(value), await put()]) {
      t.is(extra(out)[field], value);
      t.is(out.ETag, '"e6d9226c2a86b7232933663c13467527"');
      t.is(out.ServerSideEncryption, 'AES256');
    }
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'file', ChecksumMode: 'ENABLED' }));
    t.is(extra(head)[field], value);
    t.is(head.ContentLength, 11);
  });
}

test(`CopyObject with REPLACE takes the new content type and metadata and drops the old headers [${LS}::TestS3::test_s3_copy_metadata_replace (03-08-2023)]`, async (t) => {
  const { s3, bucket } = await newBucket();
  const put = await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'source', Body: '{"key": "value"}', ContentType: 'application/json', ContentLanguage: 'en-US', Metadata: { key: 'value' } }));
  t.is(put.ETag, '"88bac95f31528d13a072c05f2a1cf371"');
  const copy = await s3.send(new CopyObjectCommand({
    Bucket: bucket, Key: 'dest', CopySource: `${bucket}/source`, MetadataDirective: 'REPLACE', ContentType: 'image/jpg', Metadata: { 'another-key': 'value' },
  }));
  t.is(copy.CopyObjectResult?.ETag, '"88bac95f31528d13a072c05f2a1cf371"');
  t.true(copy.CopyObjectResult?.LastModified instanceof Date);
  t.is(copy.ServerSideEncryption, 'AES256');
  const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'dest' }));
  t.is(head.ContentType, 'image/jpg');
  t.is(head.ContentLanguage, undefined);
  t.deepEqual(head.Metadata, { 'another-key': 'value' });
});

test(`CopyObject without a directive keeps the content type and metadata, twice over [${LS}::TestS3::test_s3_copy_content_type_and_metadata (03-08-2023)]`, async (t) => {
  const { s3, bucket } = await newBucket();
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'source', Body: '{"key": "value"}', ContentType: 'application/json', Metadata: { key: 'value' } }));
  for (const [from, to] of [['source', 'dest'], ['dest', 'dest2']]) {
    const copy = await s3.send(new CopyObjectCommand({ Bucket: bucket, Key: to, CopySource: `${bucket}/${from}` }));
    t.is(copy.CopyObjectResult?.ETag, '"88bac95f31528d13a072c05f2a1cf371"');
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: to }));
    t.is(head.ContentType, 'application/json');
    t.deepEqual(head.Metadata, { key: 'value' });
    t.is(head.ContentLength, 16);
  }
});

test(`Expires is stored and answered on HeadObject and GetObject [${LS}::TestS3::test_s3_object_expiry (03-08-2023)]`, async (t) => {
  const { s3, bucket } = await newBucket();
  const expires = new Date(Math.floor(Date.now() / 1000) * 1000 + 3600_000);
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'key', Body: 'foo', Expires: expires }));
  const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'key' }));
  t.is(head.Expires?.getTime(), expires.getTime());
  const get = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'key' }));
  t.is(get.Expires?.getTime(), expires.getTime());
  t.is(await get.Body?.transformToString(), 'foo');
});

test(`a body that is an XML document is stored as bytes [${LS}::TestS3::test_upload_file_with_xml_preamble (03-08-2023)]`, async (t) => {
  const { s3, bucket } = await newBucket();
  const body = '<?xml version="1.0" encoding="UTF-8"?><test/>';
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'key', Body: body }));
  const get = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'key' }));
  t.is(await get.Body?.transformToString(), body);
  t.is(get.ETag, '"8a793423f1e69103a7056b99e4ad6c0b"');
  t.is(get.ContentLength, 45);
});

test(`two 1 KiB ranges of a 2 KiB object answer 206 with their Content-Range [${LS}::TestS3::test_range_header_body_length (07-08-2023)]`, async (t) => {
  const { s3, bucket } = await newBucket();
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'k', Body: Buffer.alloc(2048, 7) }));
  for (const [range, contentRange] of [['bytes=0-1023', 'bytes 0-1023/2048'], ['bytes=1024-2047', 'bytes 1024-2047/2048']]) {
    const get = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'k', Range: range }));
    t.is(get.$metadata.httpStatusCode, 206);
    t.is(get.ContentLength, 1024);
    t.is(get.ContentRange, contentRange);
    t.is(get.AcceptRanges, 'bytes');
  }
});

test(`DeleteObjects of keys that never existed lists each as Deleted; Quiet answers none [${LS}::TestS3::test_delete_non_existing_keys, _quiet (03-08-2023)]`, async (t) => {
  const { s3, bucket } = await newBucket();
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'test-key-nonexistent', Body: 'x' }));
  const Objects = [{ Key: 'dummy1' }, { Key: 'dummy2' }, { Key: 'test-key-nonexistent' }];
  const out = await s3.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects } }));
  t.deepEqual(out.Deleted?.map((d) => d.Key).sort(), ['dummy1', 'dummy2', 'test-key-nonexistent']);
  t.is(out.Errors, undefined);
  const quiet = await s3.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects, Quiet: true } }));
  t.is(quiet.Deleted, undefined);
  t.is(quiet.Errors, undefined);
  t.is(quiet.$metadata.httpStatusCode, 200);
});

test(`DeleteObjects and ListObjects on a missing bucket are NoSuchBucket naming it [${LS}::TestS3::test_delete_non_existing_keys_in_non_existing_bucket (04-08-2023), test_bucket_does_not_exist (03-08-2023)]`, async (t) => {
  const s3 = s3Client(endpoint());
  const bucket = uniqueBucket('lss3a-missing');
  for (const call of [
    s3.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: [{ Key: 'dummy1' }] } })),
    s3.send(new ListObjectsCommand({ Bucket: bucket })),
  ]) {
    const err = await errorOf(call);
    t.is(err.name, 'NoSuchBucket');
    t.is(err.$metadata.httpStatusCode, 404);
    t.is(err.message, 'The specified bucket does not exist');
    t.is(extra(err).BucketName, bucket);
  }
});

test(`keys differ by case: the lower-case one is NoSuchKey naming it [${LS}::TestS3::test_s3_uppercase_key_names (03-08-2023)]`, async (t) => {
  const { s3, bucket } = await newBucket();
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'camelCaseKey', Body: 'something' }));
  const get = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'camelCaseKey' }));
  t.is(get.ETag, '"437b930db84b8079c2dd804a71936b5f"');
  const err = await errorOf(s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'camelcasekey' })));
  t.is(err.name, 'NoSuchKey');
  t.is(extra(err).Key, 'camelcasekey');
});

test(`GetObject If-Match that does not match is 412 naming the condition [${LS}::TestS3::test_precondition_failed_error (03-08-2023)]`, async (t) => {
  const { s3, bucket } = await newBucket();
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'foo', Body: 'something' }));
  const err = await errorOf(s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'foo', IfMatch: '"not-the-etag"' })));
  t.is(err.name, 'PreconditionFailed');
  t.is(err.$metadata.httpStatusCode, 412);
  t.is(err.message, 'At least one of the pre-conditions you specified did not hold');
  t.is(extra(err).Condition, 'If-Match');
});

test(`a malformed Content-MD5 is InvalidDigest echoing it; the right one stores [${LS}::TestS3::test_s3_invalid_content_md5 (05-09-2023)]`, async (t) => {
  const { s3, bucket } = await newBucket();
  for (const bad of ['__invalid__', '000', 'not base64 encoded checksum', 'MTIz']) {
    const err = await errorOf(s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'test-key', Body: 'something', ContentMD5: bad })));
    t.is(err.name, 'InvalidDigest', bad);
    t.is(err.$metadata.httpStatusCode, 400, bad);
    t.is(err.message, 'The Content-MD5 you specified was invalid.', bad);
    t.is(extra(err)['Content-MD5'], bad, bad);
  }
  const ok = await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'test-key', Body: 'something', ContentMD5: Buffer.from(md5('something'), 'hex').toString('base64') }));
  t.is(ok.ETag, '"437b930db84b8079c2dd804a71936b5f"');
});

test(`Content-Encoding gzip is stored and answered [${LS}::TestS3::test_s3_upload_download_gzip (03-08-2023)]`, async (t) => {
  const { s3, bucket } = await newBucket();
  const body = Buffer.from('1f8b08000000000002ff', 'hex');
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'gz', Body: body, ContentEncoding: 'gzip' }));
  const get = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'gz' }));
  t.is(get.ContentEncoding, 'gzip');
  t.is(get.ContentLength, body.length);
});

test(`ListObjects with a delimiter over 1010 keys: a page of 1000 with NextMarker, then the last 10 [${LS}::TestS3::test_s3_put_more_than_1000_items (03-08-2023)]`, async (t) => {
  const { s3, bucket } = await newBucket();
  const keys = Array.from({ length: 1010 }, (_, i) => i);
  for (let i = 0; i < keys.length; i += 50) {
    await Promise.all(keys.slice(i, i + 50).map((n) => s3.send(new PutObjectCommand({ Bucket: bucket, Key: `test-key-${n}`, Body: `test-${n}` }))));
  }
  const first = await s3.send(new ListObjectsCommand({ Bucket: bucket, Delimiter: '/' }));
  t.is(first.Contents?.length, 1000);
  t.is(first.IsTruncated, true);
  t.is(first.NextMarker, 'test-key-99');
  t.is(first.Delimiter, '/');
  t.is(first.Marker, '');
  const second = await s3.send(new ListObjectsCommand({ Bucket: bucket, Marker: first.NextMarker }));
  t.deepEqual(second.Contents?.map((c) => c.Key), Array.from({ length: 10 }, (_, i) => `test-key-99${i}`));
  t.is(second.Contents?.[0]?.ETag, '"469aa468e8b397232fe0754ba11ba9f3"');
  t.is(second.IsTruncated, false);
  t.is(second.Marker, 'test-key-99');
  t.is(second.NextMarker, undefined);
});
