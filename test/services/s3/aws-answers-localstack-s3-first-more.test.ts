/**
 * S3 answers as LocalStack's AWS-recorded snapshot holds them: tests/aws/services/s3/
 * test_s3.snapshot.json (localstack/localstack@8ea6f2f6), the entries in its first half
 * (continued from aws-answers-localstack-s3-first.test.ts). Each
 * entry is AWS's response when the test last ran against AWS; each row cites
 * `test_s3.py::Class::test (recorded-date)`. Values LocalStack's transformer replaced
 * (`<bucket-name:1>`, `datetime`) are checked only as shape. Rows that need versioning, ACLs,
 * KMS, lifecycle or replication are out of boltstack's scope and only checked for a 501.
 */
import test from 'ava';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import {
  CreateBucketCommand, CreateMultipartUploadCommand, DeleteBucketLifecycleCommand, DeleteObjectTaggingCommand,
  GetBucketLocationCommand, GetBucketWebsiteCommand,
  type BucketLocationConstraint, GetObjectCommand, HeadObjectCommand, ListObjectsCommand, ListObjectsV2Command,
  ListObjectVersionsCommand, PutObjectCommand, type StorageClass,
} from '@aws-sdk/client-s3';
import { errorOf } from '../../helpers/errors.js';
import { s3Client, uniqueBucket } from '../../helpers/server.js';
import { LS, extra, md5, serveRows, sha256b64 } from './localstack-s3-rows.js';
import { signedRequest } from './signed-request.js';

const { endpoint, newBucket } = serveRows();


test(`ListObjectVersions of a never-versioned bucket: the empty page, then each object as version "null" [${LS}::TestS3::test_get_bucket_versioning_order, test_s3_put_object_versioned (03-08-2023)]`, async (t) => {
  const { s3, bucket } = await newBucket();
  const empty = await s3.send(new ListObjectVersionsCommand({ Bucket: bucket }));
  t.is(empty.IsTruncated, false);
  t.is(empty.KeyMarker, '');
  t.is(empty.VersionIdMarker, '');
  t.is(empty.MaxKeys, 1000);
  t.is(empty.Name, bucket);
  t.is(empty.Prefix, '');
  t.is(empty.Versions, undefined);
  const put = await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'non-version-bucket-key', Body: 'non-versioned-key' }));
  t.is(put.ETag, '"e1474add07e050008472599be0883b17"');
  t.is(put.VersionId, undefined);
  const get = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'non-version-bucket-key' }));
  t.is(get.VersionId, undefined);
  const listed = await s3.send(new ListObjectVersionsCommand({ Bucket: bucket }));
  t.deepEqual(listed.Versions?.map((v) => [v.Key, v.VersionId, v.IsLatest, v.ETag, v.Size, v.StorageClass]),
    [['non-version-bucket-key', 'null', true, '"e1474add07e050008472599be0883b17"', 17, 'STANDARD']]);
  t.truthy(listed.Versions?.[0]?.Owner?.ID);
});

test(`a 17-byte range of a 960-byte object [${LS}::TestS3::test_etag_on_get_object_call (03-08-2023)]`, async (t) => {
  const { s3, bucket } = await newBucket();
  const body = 'Lorem ipsum dolor sit amet, ... '.repeat(30);
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'k', Body: body }));
  const whole = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'k' }));
  t.is(whole.ETag, '"c289c6e309be295fe68af649d1e6c6ec"');
  t.is(whole.ContentLength, 960);
  const part = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'k', Range: 'bytes=0-16' }));
  t.is(part.$metadata.httpStatusCode, 206);
  t.is(await part.Body?.transformToString(), 'Lorem ipsum dolor');
  t.is(part.ContentRange, 'bytes 0-16/960');
  t.is(part.ETag, '"c289c6e309be295fe68af649d1e6c6ec"');
});

test(`HeadObject of a missing key is a bare 404 [${LS}::TestS3::test_head_object_fields (03-08-2023)]`, async (t) => {
  const { s3, bucket } = await newBucket();
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'myobj', Body: 'abcdefgh' }));
  const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'myobj' }));
  t.is(head.ETag, '"e8dc4081b13434b45189a720b77b6818"');
  t.is(head.AcceptRanges, 'bytes');
  const err = await errorOf(s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'doesnotexist' })));
  t.is(err.name, 'NotFound');
  t.is(err.$metadata.httpStatusCode, 404);
});

test(`GetObject with response-* overrides answers them as headers [${LS}::TestS3::test_s3_get_object_header_overrides (03-08-2023)]`, async (t) => {
  const { s3, bucket } = await newBucket();
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'key', Body: 'something' }));
  const expires = new Date(Math.floor(Date.now() / 1000) * 1000 + 86400_000);
  const get = await s3.send(new GetObjectCommand({
    Bucket: bucket, Key: 'key', ResponseCacheControl: 'max-age=74', ResponseContentDisposition: 'attachment; filename="foo.jpg"',
    ResponseContentEncoding: 'identity', ResponseContentLanguage: 'de-DE', ResponseContentType: 'image/jpeg', ResponseExpires: expires,
  }));
  t.is(get.CacheControl, 'max-age=74');
  t.is(get.ContentDisposition, 'attachment; filename="foo.jpg"');
  t.is(get.ContentEncoding, 'identity');
  t.is(get.ContentLanguage, 'de-DE');
  t.is(get.ContentType, 'image/jpeg');
  t.is(get.Expires?.getTime(), expires.getTime());
  t.is(get.ContentLength, 9);
});

for (const [cls, readable] of [['STANDARD', true], ['STANDARD_IA', true], ['GLACIER', false], ['GLACIER_IR', true], ['ONEZONE_IA', true],
  ['INTELLIGENT_TIERING', true], ['DEEP_ARCHIVE', false], ['REDUCED_REDUNDANCY', true]] as const) {
  test(`PutObject StorageClass ${cls}: GetObject ${readable ? 'names the class' : 'is 403 InvalidObjectState'} [${LS}::TestS3::test_put_object_storage_class[${cls}-${readable ? 'True' : 'False'}] (05-03-2024)]`, async (t) => {
    const { s3, bucket } = await newBucket();
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'test-storage-class', Body: 'body-test', StorageClass: cls as StorageClass }));
    if (readable) {
      const get = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'test-storage-class' }));
      t.is(await get.Body?.transformToString(), 'body-test');
      // S3 leaves x-amz-storage-class out for STANDARD.
      t.is(get.StorageClass, cls === 'STANDARD' ? undefined : cls);
      t.is(get.ETag, '"43ad557eaff4fdc42b9886b5a68147ab"');
    } else {
      const err = await errorOf(s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'test-storage-class' })));
      t.is(err.name, 'InvalidObjectState');
      t.is(err.$metadata.httpStatusCode, 403);
      t.is(err.message, "The operation is not valid for the object's storage class");
      t.is(extra(err).StorageClass, cls);
    }
  });
}

test(`StorageClass OUTPOSTS is InvalidStorageClass on PutObject and CreateMultipartUpload [${LS}::TestS3::test_put_object_storage_class_outposts (03-08-2023)]`, async (t) => {
  const { s3, bucket } = await newBucket();
  for (const call of [
    s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'k', Body: 'x', StorageClass: 'OUTPOSTS' })),
    s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: 'k', StorageClass: 'OUTPOSTS' })),
  ]) {
    const err = await errorOf(call);
    t.is(err.name, 'InvalidStorageClass');
    t.is(err.$metadata.httpStatusCode, 400);
    t.is(err.message, 'The storage class you specified is not valid');
    t.is(extra(err).StorageClassRequested, 'OUTPOSTS');
  }
});

test(`GetObject and HeadObject answer the stored SHA256 only with ChecksumMode ENABLED [${LS}::TestS3::test_s3_get_object_checksum[SHA256] (04-06-2024)]`, async (t) => {
  const { s3, bucket } = await newBucket();
  const put = await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'test-checksum-retrieval', Body: 'test-checksum', ChecksumAlgorithm: 'SHA256' }));
  t.is(put.ChecksumSHA256, '1YQo81vx2VFUl0q5ccWISq8AkSBQQ0WO80S82TmfdIQ=');
  t.is(put.ETag, '"f2081dd61dfa700a0fd5e29b9c3cc23d"');
  // The SDK v3 asks x-amz-checksum-mode: ENABLED on every GetObject by default; boto3 did not.
  const plainClient = s3Client(endpoint(), { responseChecksumValidation: 'WHEN_REQUIRED' });
  const plain = await plainClient.send(new GetObjectCommand({ Bucket: bucket, Key: 'test-checksum-retrieval' }));
  t.is(plain.ChecksumSHA256, undefined);
  const get = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'test-checksum-retrieval', ChecksumMode: 'ENABLED' }));
  t.is(get.ChecksumSHA256, '1YQo81vx2VFUl0q5ccWISq8AkSBQQ0WO80S82TmfdIQ=');
  t.is(await get.Body?.transformToString(), 'test-checksum');
  const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'test-checksum-retrieval', ChecksumMode: 'ENABLED' }));
  t.is(head.ChecksumSHA256, '1YQo81vx2VFUl0q5ccWISq8AkSBQQ0WO80S82TmfdIQ=');
});

test(`PutObject answers only Content-Length 0, ETag and SSE; GetObject echoes cache-control, disposition, language [${LS}::TestS3::test_put_and_get_object_with_content_language_disposition (03-08-2023)]`, async (t) => {
  const { s3, bucket } = await newBucket();
  const put = await signedRequest(endpoint(), {
    method: 'PUT', path: `/${bucket}/test`, body: 'abc123',
    headers: { 'content-language': 'de', 'content-disposition': 'attachment; filename="foo.jpg"', 'cache-control': 'no-cache' },
  });
  t.is(put.status, 200);
  t.is(put.headers['content-length'], '0');
  t.is(put.headers.etag, '"e99a18c428cb38d5f260853678922e03"');
  t.is(put.headers['x-amz-server-side-encryption'], 'AES256');
  t.false('content-type' in put.headers);
  const get = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'test' }));
  t.is(get.CacheControl, 'no-cache');
  t.is(get.ContentDisposition, 'attachment; filename="foo.jpg"');
  t.is(get.ContentLanguage, 'de');
  t.is(get.ContentType, 'binary/octet-stream');
});

test(`ListObjectsV2 by prefix [${LS}::TestS3::test_list_objects_v2_with_prefix (26-10-2023)]`, async (t) => {
  const { s3, bucket } = await newBucket();
  for (const key of ['test/foo/bar/123', 'test/foo/bar/456', 'test/bar/foo/123']) await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: 'hello world' }));
  for (const [prefix, keys] of [['test/', ['test/bar/foo/123', 'test/foo/bar/123', 'test/foo/bar/456']], ['test/foo', ['test/foo/bar/123', 'test/foo/bar/456']],
    ['test/foo/bar', ['test/foo/bar/123', 'test/foo/bar/456']]] as const) {
    const out = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }));
    t.deepEqual(out.Contents?.map((c) => c.Key), [...keys]);
    t.is(out.KeyCount, keys.length);
    t.is(out.Prefix, prefix);
    t.is(out.Contents?.[0]?.Size, 11);
    t.is(out.Contents?.[0]?.Owner, undefined);
  }
});

test(`CreateBucket naming us-east-1 on us-east-1 is InvalidLocationConstraint; a regional endpoint wants a constraint; GetBucketLocation [${LS}::TestS3::test_different_location_constraint (04-04-2024)]`, async (t) => {
  const s3 = s3Client(endpoint());
  const plain = uniqueBucket('lss3a');
  await s3.send(new CreateBucketCommand({ Bucket: plain }));
  // <LocationConstraint/> empty: boto3 reads None.
  t.falsy((await s3.send(new GetBucketLocationCommand({ Bucket: plain }))).LocationConstraint);
  const named = await errorOf(s3.send(new CreateBucketCommand({ Bucket: uniqueBucket('lss3a'), CreateBucketConfiguration: { LocationConstraint: 'us-east-1' as BucketLocationConstraint } })));
  t.is(named.name, 'InvalidLocationConstraint');
  t.is(named.$metadata.httpStatusCode, 400);
  t.is(named.message, 'The specified location-constraint is not valid');
  t.is(extra(named).LocationConstraint, 'us-east-1');
  const regional = s3Client(endpoint(), { region: 'us-west-1' });
  // The SDK v3 adds the client's region as the constraint; boto3 sent none: a raw request here.
  const unspecified = await signedRequest(endpoint(), { method: 'PUT', path: `/${uniqueBucket('lss3a')}`, region: 'us-west-1' });
  t.is(unspecified.status, 400);
  t.regex(unspecified.body.toString(), /<Code>IllegalLocationConstraintException<\/Code><Message>The unspecified location constraint is incompatible for the region specific endpoint this request was sent to.<\/Message>/);
  const third = uniqueBucket('lss3a');
  const created = await regional.send(new CreateBucketCommand({ Bucket: third, CreateBucketConfiguration: { LocationConstraint: 'us-west-1' } }));
  t.truthy(created.Location);
  t.is((await regional.send(new GetBucketLocationCommand({ Bucket: third }))).LocationConstraint, 'us-west-1');
  const missing = await errorOf(s3.send(new GetBucketLocationCommand({ Bucket: uniqueBucket('lss3a-missing') })));
  t.is(missing.name, 'NoSuchBucket');
  t.is(missing.$metadata.httpStatusCode, 404);
});

test(`DeleteObjectTagging leaves the object as it was [${LS}::TestS3::test_delete_object_tagging (03-08-2023)]`, async (t) => {
  const { s3, bucket } = await newBucket();
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'test-key-tagging', Body: 'something', Tagging: 'k=v' }));
  const before = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'test-key-tagging' }));
  t.is(before.TagCount, 1);
  const deleted = await s3.send(new DeleteObjectTaggingCommand({ Bucket: bucket, Key: 'test-key-tagging' }));
  t.is(deleted.$metadata.httpStatusCode, 204);
  const after = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'test-key-tagging' }));
  t.is(await after.Body?.transformToString(), 'something');
  t.is(after.ETag, '"437b930db84b8079c2dd804a71936b5f"');
  t.is(after.TagCount, undefined);
});

test(`a gzip body with a SHA256 checksum: the checksum is of the stored (encoded) bytes, Content-Encoding kept [${LS}::TestS3::test_s3_checksum_with_content_encoding (04-06-2024)]`, async (t) => {
  const { s3, bucket } = await newBucket();
  const body = gzipSync(Buffer.from('a'.repeat(100)));
  const put = await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'test.gz', Body: body, ContentEncoding: 'gzip', ChecksumAlgorithm: 'SHA256' }));
  t.is(put.ChecksumSHA256, sha256b64(body));
  t.is(put.ETag, `"${md5(body)}"`);
  const get = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'test.gz', ChecksumMode: 'ENABLED' }));
  t.is(get.ContentEncoding, 'gzip');
  t.is(get.ChecksumSHA256, sha256b64(body));
  t.is(get.ContentLength, body.length);
  // The recording's uploads through aws-chunked answered `ContentEncoding: ""` (test_put_object_checksum,
  // test_s3_get_object_checksum, 2024-06-04); S3 stopped storing that empty value in 2024-11
  // (aws/aws-sdk-kotlin#1358, the sigv4-streaming doc): boltstack stores none
  // (content-encoding-formatting.test.ts).
});

test(`more operations out of scope answer 501 naming themselves [${LS}::TestS3StaticWebsiteHosting::test_crud_website_configuration, TestS3BucketLifecycle::test_delete_bucket_lifecycle_configuration]`, async (t) => {
  const { s3, bucket } = await newBucket();
  const calls: [string, Promise<unknown>][] = [
    ['GetBucketWebsite', s3.send(new GetBucketWebsiteCommand({ Bucket: bucket }))],
    ['DeleteBucketLifecycle', s3.send(new DeleteBucketLifecycleCommand({ Bucket: bucket }))],
  ];
  for (const [operation, call] of calls) {
    const err = await errorOf(call);
    t.is(err.name, 'NotImplemented', operation);
    t.is(err.$metadata.httpStatusCode, 501, operation);
    t.true(err.message.includes(operation), `${operation}: ${err.message}`);
  }
});

test(`DeleteObjects sent as raw XML answers a DeleteResult in S3's namespace listing each key [${LS}::TestS3::test_s3_batch_delete_public_objects_using_requests (03-08-2023)]`, async (t) => {
  const { s3, bucket } = await newBucket();
  const keys = ['key-created-by-anonymous-1', 'key-created-by-anonymous-2'];
  for (const key of keys) await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: 'x' }));
  const body = `<Delete>${keys.map((k) => `<Object><Key>${k}</Key></Object>`).join('')}</Delete>`;
  const res = await signedRequest(endpoint(), {
    method: 'POST', path: `/${bucket}`, query: 'delete=', body, headers: { 'content-md5': createHash('md5').update(body).digest('base64') },
  });
  t.is(res.status, 200);
  const xml = res.body.toString();
  t.regex(xml, /<DeleteResult xmlns="http:\/\/s3\.amazonaws\.com\/doc\/2006-03-01\/">/);
  t.deepEqual([...xml.matchAll(/<Deleted><Key>([^<]*)<\/Key><\/Deleted>/g)].map((m) => m[1]), keys);
  const left = await s3.send(new ListObjectsCommand({ Bucket: bucket }));
  t.is(left.Contents, undefined);
  t.is(left.Marker, '');
});
