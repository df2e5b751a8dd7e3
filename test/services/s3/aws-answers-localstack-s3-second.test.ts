/**
 * S3 answers as LocalStack's AWS-recorded snapshot holds them (tests/aws/services/s3/
 * test_s3.snapshot.json at localstack/localstack 8ea6f2f, its second half: each entry is AWS's
 * response when the test last ran against AWS, recorded on the date cited), through the SDK v3
 * default client, or raw where the XML matters. Values the snapshot transformer replaced (bucket
 * names, dates, version ids) are checked only for their shape.
 */
import test from 'ava';
import {
  AbortMultipartUploadCommand, CompleteMultipartUploadCommand, CopyObjectCommand, CreateBucketCommand, CreateMultipartUploadCommand,
  GetObjectCommand, GetObjectTaggingCommand, HeadObjectCommand, ListObjectsV2Command, ListPartsCommand, PutObjectCommand,
  UploadPartCommand, type S3Client,
} from '@aws-sdk/client-s3';
import { errorOf } from '../../helpers/errors.js';
import { s3Client, startBoltstack, uniqueBucket } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';
import { signedRequest } from './signed-request.js';

const LS = 'localstack/localstack tests/aws/services/s3/test_s3.py';
const IN_PLACE = "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.";
const NO_SUCH_UPLOAD = 'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.';
const PRECONDITION = 'At least one of the pre-conditions you specified did not hold';
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

// ---- CopyObject onto itself ----

test(`CopyObject in place: the same Metadata is no change; REPLACE replaces; COPY ignores the request's metadata [${LS}::TestS3::test_s3_copy_object_in_place_metadata_directive (03-08-2023)]`, async (t) => {
  const bucket = await newBucket();
  const Key = 'source-object';
  const CopySource = `${bucket}/${Key}`;
  const put = await s3.send(new PutObjectCommand({ Bucket: bucket, Key, Body: '{"key": "value"}', ContentType: 'application/json', Metadata: { key: 'value' } }));
  t.is(put.ETag, '"88bac95f31528d13a072c05f2a1cf371"');
  const fail = await errorOf(s3.send(new CopyObjectCommand({ Bucket: bucket, CopySource, Key, Metadata: { key: 'value' } })));
  t.is(fail.$metadata.httpStatusCode, 400);
  t.is(fail.name, 'InvalidRequest');
  t.is(fail.message, IN_PLACE);

  const head = () => s3.send(new HeadObjectCommand({ Bucket: bucket, Key }));
  const replaced = await s3.send(new CopyObjectCommand({ Bucket: bucket, CopySource, Key, Metadata: { key2: 'value2' }, MetadataDirective: 'REPLACE' }));
  t.is(replaced.CopyObjectResult?.ETag, '"88bac95f31528d13a072c05f2a1cf371"');
  t.is(replaced.ServerSideEncryption, 'AES256');
  let h = await head();
  t.is(h.ContentType, 'binary/octet-stream');
  t.deepEqual(h.Metadata, { key2: 'value2' });

  await s3.send(new CopyObjectCommand({ Bucket: bucket, CopySource, Key, MetadataDirective: 'COPY', StorageClass: 'STANDARD' }));
  h = await head();
  t.deepEqual([h.ContentType, h.Metadata], ['binary/octet-stream', { key2: 'value2' }]);
  await s3.send(new CopyObjectCommand({ Bucket: bucket, CopySource, Key, MetadataDirective: 'COPY', Metadata: { key3: 'value3' }, StorageClass: 'STANDARD' }));
  h = await head();
  t.deepEqual(h.Metadata, { key2: 'value2' });

  await s3.send(new CopyObjectCommand({ Bucket: bucket, CopySource, Key, MetadataDirective: 'REPLACE' }));
  h = await head();
  t.deepEqual([h.ContentType, h.Metadata, h.ContentLength, h.StorageClass], ['binary/octet-stream', {}, 16, undefined]);
});

test(`CopyObject in place with the same WebsiteRedirectLocation is a change, and keeps it [${LS}::TestS3::test_s3_copy_object_in_place_website_redirect_location (03-08-2023)]`, async (t) => {
  const bucket = await newBucket();
  const Key = 'source-object';
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key, Body: 'test', WebsiteRedirectLocation: '/test/direct' }));
  t.is((await s3.send(new HeadObjectCommand({ Bucket: bucket, Key }))).WebsiteRedirectLocation, '/test/direct');
  const out = await s3.send(new CopyObjectCommand({ Bucket: bucket, CopySource: `${bucket}/${Key}`, Key, WebsiteRedirectLocation: '/test/direct' }));
  t.is(out.CopyObjectResult?.ETag, '"098f6bcd4621d373cade4e832627b4f6"');
  t.is((await s3.send(new HeadObjectCommand({ Bucket: bucket, Key }))).WebsiteRedirectLocation, '/test/direct');
});

test(`CopyObject in place naming ServerSideEncryption AES256 (the object's own) is a change; aws:kms is not emulated [${LS}::TestS3::test_s3_copy_object_in_place_with_encryption (03-08-2023)]`, async (t) => {
  const bucket = await newBucket();
  const Key = 'source-object';
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key, Body: 'test' }));
  const out = await s3.send(new CopyObjectCommand({ Bucket: bucket, CopySource: `${bucket}/${Key}`, Key, ServerSideEncryption: 'AES256' }));
  t.deepEqual([out.CopyObjectResult?.ETag, out.ServerSideEncryption], ['"098f6bcd4621d373cade4e832627b4f6"', 'AES256']);
  const kms = await errorOf(s3.send(new CopyObjectCommand({ Bucket: bucket, CopySource: `${bucket}/${Key}`, Key, ServerSideEncryption: 'aws:kms' })));
  t.deepEqual([kms.$metadata.httpStatusCode, kms.name], [501, 'NotImplemented']);
});

test(`CopyObject in place naming StorageClass STANDARD (the object's own) is a change [${LS}::TestS3::test_s3_copy_object_in_place_storage_class (03-08-2023)]`, async (t) => {
  const bucket = await newBucket();
  const Key = 'source-object';
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key, Body: 'test' }));
  const out = await s3.send(new CopyObjectCommand({ Bucket: bucket, CopySource: `${bucket}/${Key}`, Key, StorageClass: 'STANDARD' }));
  t.is(out.CopyObjectResult?.ETag, '"098f6bcd4621d373cade4e832627b4f6"');
  t.is((await s3.send(new HeadObjectCommand({ Bucket: bucket, Key }))).StorageClass, undefined);
});

test(`CopyObject does not carry the source's storage class: the copy is STANDARD, and an in-place copy of a STANDARD_IA object without one is no change [${LS}::TestS3::test_s3_copy_object_storage_class (03-08-2023)]`, async (t) => {
  const bucket = await newBucket();
  const Key = 'source-object';
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key, Body: 'test', StorageClass: 'STANDARD_IA' }));
  t.is((await s3.send(new HeadObjectCommand({ Bucket: bucket, Key }))).StorageClass, 'STANDARD_IA');
  await s3.send(new CopyObjectCommand({ Bucket: bucket, CopySource: `${bucket}/${Key}`, Key: 'dest-object' }));
  t.is((await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'dest-object' }))).StorageClass, undefined);
  const listed = await s3.send(new ListObjectsV2Command({ Bucket: bucket }));
  t.deepEqual(listed.Contents?.map((c) => [c.Key, c.StorageClass]), [['dest-object', 'STANDARD'], ['source-object', 'STANDARD_IA']]);
  const err = await errorOf(s3.send(new CopyObjectCommand({ Bucket: bucket, CopySource: `${bucket}/${Key}`, Key })));
  t.is(err.$metadata.httpStatusCode, 400);
  t.is(err.name, 'InvalidRequest');
  t.is(err.message, IN_PLACE);
});

test(`CopyObject with MetadataDirective COPY ignores the request's Content-Language, Content-Type and metadata [${LS}::TestS3::test_s3_copy_metadata_directive_copy (03-08-2023)]`, async (t) => {
  const bucket = await newBucket();
  const Key = 'source-object';
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key, Body: 'test', Metadata: { key: 'value' }, ContentLanguage: 'en-US' }));
  // boto3 sends no Content-Type here (S3 then says binary/octet-stream); the SDK v3 may send one.
  const source = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key }));
  await s3.send(new CopyObjectCommand({
    Bucket: bucket, CopySource: `${bucket}/${Key}`, Key: `${Key}-copy`, Metadata: { 'another-key': 'value' }, ContentLanguage: 'en-GB', ContentType: 'image/jpg', MetadataDirective: 'COPY',
  }));
  const h = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: `${Key}-copy` }));
  t.deepEqual([h.ContentLanguage, h.ContentType, h.Metadata, h.ContentLength], ['en-US', source.ContentType, { key: 'value' }, 4]);
  t.not(h.ContentType, 'image/jpg');
});

// ---- Copy source: tagging, preconditions, a missing source ----

for (const directive of ['COPY', 'REPLACE', undefined] as const) {
  test(`CopyObject TaggingDirective ${directive ?? '(none)'}: COPY keeps the source's tags, REPLACE takes x-amz-tagging, an empty one clearing them [${LS}::TestS3::test_s3_copy_tagging_directive[${directive ?? 'None'}] (19-06-2024)]`, async (t) => {
    const bucket = await newBucket();
    const Key = 'source-object';
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key, Body: 'test', Tagging: 'key1=value1' }));
    const copy = await s3.send(new CopyObjectCommand({ Bucket: bucket, CopySource: `${bucket}/${Key}`, Key: `${Key}-copy`, Tagging: 'key2=value2', ...(directive ? { TaggingDirective: directive } : {}) }));
    t.is(copy.CopyObjectResult?.ETag, '"098f6bcd4621d373cade4e832627b4f6"');
    const tags = async () => (await s3.send(new GetObjectTaggingCommand({ Bucket: bucket, Key: `${Key}-copy` }))).TagSet?.map((x) => [x.Key, x.Value]);
    t.deepEqual(await tags(), directive === 'REPLACE' ? [['key2', 'value2']] : [['key1', 'value1']]);
    // boto3 sends Tagging="" as an empty x-amz-tagging header; the SDK v3 drops empty headers.
    const raw = await signedRequest(server.endpoint, {
      method: 'PUT', path: `/${bucket}/${Key}-copy`,
      headers: { 'x-amz-copy-source': `/${bucket}/${Key}`, 'x-amz-tagging': '', ...(directive ? { 'x-amz-tagging-directive': directive } : {}) },
    });
    t.is(raw.status, 200);
    t.deepEqual(await tags(), directive === 'REPLACE' ? [] : [['key1', 'value1']]);
  });
}

test(`CopyObject source preconditions: If-Match, then If-Unmodified-Since, then If-None-Match, then If-Modified-Since, each naming its x-amz-copy-source header [${LS}::TestS3::test_s3_copy_object_preconditions (03-08-2023)]`, async (t) => {
  const bucket = await newBucket();
  const Key = 'source-object';
  const put = await s3.send(new PutObjectCommand({ Bucket: bucket, Key, Body: 'data' }));
  const { LastModified } = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key }));
  // The test waits 3 s and takes "now"; the object's own Last-Modified is that instant's equal.
  const now = LastModified!;
  const yesterday = new Date(now.getTime() - 86_400_000);
  const copy = (extra: object) => s3.send(new CopyObjectCommand({ Bucket: bucket, CopySource: `${bucket}/${Key}`, Key: 'dest-object', ...extra }));
  const rows: [object, string][] = [
    [{ CopySourceIfModifiedSince: now, CopySourceIfUnmodifiedSince: yesterday, CopySourceIfMatch: 'etag123', CopySourceIfNoneMatch: put.ETag }, 'x-amz-copy-source-If-Match'],
    [{ CopySourceIfModifiedSince: now, CopySourceIfUnmodifiedSince: yesterday, CopySourceIfNoneMatch: put.ETag }, 'x-amz-copy-source-If-Unmodified-Since'],
    [{ CopySourceIfModifiedSince: now, CopySourceIfNoneMatch: put.ETag }, 'x-amz-copy-source-If-None-Match'],
    [{ CopySourceIfModifiedSince: now }, 'x-amz-copy-source-If-Modified-Since'],
    [{ CopySourceIfNoneMatch: put.ETag!.replace(/"/g, '') }, 'x-amz-copy-source-If-None-Match'],
  ];
  for (const [extra, condition] of rows) {
    const err = await errorOf(copy(extra));
    t.is(err.$metadata.httpStatusCode, 412, condition);
    t.is(err.name, 'PreconditionFailed');
    t.is(err.message, PRECONDITION);
    t.is(fields(err).Condition, condition);
  }
  const future = await copy({ CopySourceIfModifiedSince: new Date(Date.now() + 86_400_000) });
  t.is(future.CopyObjectResult?.ETag, '"8d777f385d3dfec8815d20f7496026dc"');
  const ok = await copy({ CopySourceIfMatch: put.ETag!.replace(/"/g, ''), CopySourceIfNoneMatch: 'etag123', CopySourceIfModifiedSince: yesterday, CopySourceIfUnmodifiedSince: now });
  t.is(ok.CopyObjectResult?.ETag, '"8d777f385d3dfec8815d20f7496026dc"');
});

test(`CopyObject of a missing source: NoSuchBucket naming the bucket, NoSuchKey naming the source key [${LS}::TestS3::test_s3_copy_object_src_not_exists (26-10-2023)]`, async (t) => {
  const bucket = await newBucket();
  const missing = uniqueBucket('lss-missing');
  const noBucket = await errorOf(s3.send(new CopyObjectCommand({ Bucket: bucket, CopySource: `${missing}/random-src-key`, Key: 'dest' })));
  t.is(noBucket.$metadata.httpStatusCode, 404);
  t.is(noBucket.name, 'NoSuchBucket');
  t.is(noBucket.message, 'The specified bucket does not exist');
  // The recording replaced the name; the only bucket the request names as missing is the source.
  t.is(fields(noBucket).BucketName, missing);
  const noKey = await errorOf(s3.send(new CopyObjectCommand({ Bucket: bucket, CopySource: `${bucket}/random-src-key`, Key: 'dest' })));
  t.is(noKey.$metadata.httpStatusCode, 404);
  t.is(noKey.name, 'NoSuchKey');
  t.is(noKey.message, 'The specified key does not exist.');
  t.is(fields(noKey).Key, 'random-src-key');
});

// ---- GetObject / HeadObject preconditions ----

for (const method of ['get_object', 'head_object'] as const) {
  test(`${method} preconditions: If-Match, then If-Unmodified-Since (412), If-None-Match and If-Modified-Since (304); a future date is ignored; dates compare at Last-Modified exactly [${LS}::TestS3::test_s3_get_object_preconditions[${method}] (23-10-2023)]`, async (t) => {
    const bucket = await newBucket();
    const Key = 'test-object';
    const put = await s3.send(new PutObjectCommand({ Bucket: bucket, Key, Body: 'data' }));
    const { LastModified } = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key }));
    const now = LastModified!;
    const yesterday = new Date(now.getTime() - 86_400_000);
    const call = (extra: object) => method === 'get_object'
      ? s3.send(new GetObjectCommand({ Bucket: bucket, Key, ...extra }))
      : s3.send(new HeadObjectCommand({ Bucket: bucket, Key, ...extra }));
    const failed: [object, number, string][] = [
      [{ IfModifiedSince: now, IfUnmodifiedSince: yesterday, IfMatch: 'etag123', IfNoneMatch: put.ETag }, 412, 'If-Match'],
      [{ IfModifiedSince: now, IfUnmodifiedSince: yesterday, IfNoneMatch: put.ETag }, 412, 'If-Unmodified-Since'],
      [{ IfModifiedSince: now, IfNoneMatch: put.ETag }, 304, ''],
      [{ IfModifiedSince: now }, 304, ''],
      [{ IfModifiedSince: now, IfNoneMatch: put.ETag!.replace(/"/g, '') }, 304, ''],
      [{ IfModifiedSince: LastModified }, 304, ''],
    ];
    for (const [extra, status, condition] of failed) {
      const err = await errorOf(call(extra));
      t.is(err.$metadata.httpStatusCode, status, JSON.stringify(extra));
      if (status === 412 && method === 'get_object') {
        t.is(err.name, 'PreconditionFailed');
        t.is(err.message, PRECONDITION);
        t.is(fields(err).Condition, condition);
      }
    }
    for (const extra of [{ IfModifiedSince: new Date(Date.now() + 86_400_000) }, { IfUnmodifiedSince: LastModified }]) {
      const out = await call(extra);
      t.is(out.$metadata.httpStatusCode, 200);
      t.is(out.ETag, '"8d777f385d3dfec8815d20f7496026dc"');
      t.is(out.ContentLength, 4);
    }
  });
}

// ---- Multipart ----

test(`UploadPart, CompleteMultipartUpload, ListParts and AbortMultipartUpload under another key: NoSuchUpload naming the upload [${LS}::TestS3::test_multipart_key_validation (26-10-2023)]`, async (t) => {
  const bucket = await newBucket();
  const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: 'test.file' }));
  const Key = 'wrong-key';
  const calls = [
    s3.send(new UploadPartCommand({ Bucket: bucket, Key, UploadId, PartNumber: 1, Body: 'data' })),
    s3.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key, UploadId, MultipartUpload: { Parts: [{ PartNumber: 1, ETag: '"8d777f385d3dfec8815d20f7496026dc"' }] } })),
    s3.send(new ListPartsCommand({ Bucket: bucket, Key, UploadId })),
    s3.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key, UploadId })),
  ];
  for (const call of calls) {
    const err = await errorOf(call);
    t.is(err.$metadata.httpStatusCode, 404);
    t.is(err.name, 'NoSuchUpload');
    t.is(err.message, NO_SUCH_UPLOAD);
    t.is(fields(err).UploadId, UploadId);
  }
});

test(`CompleteMultipartUpload with no parts: 400 InvalidRequest "You must specify at least one part" [${LS}::TestS3::test_multipart_complete_multipart_too_small (03-08-2023)]`, async (t) => {
  const bucket = await newBucket();
  const Key = 'test.file';
  const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key }));
  await s3.send(new UploadPartCommand({ Bucket: bucket, Key, UploadId, PartNumber: 1, Body: 'data' }));
  // An empty <CompleteMultipartUpload> (the SDK's Parts: []) is MalformedXML: a native AWS capture
  // disagrees with answering it like no body (radkawar/stackd testdata/aws/s3/
  // multipart_completion_replay.json seq 17 never/receipt/empty-manifest, 2026-09-20); the newer wins.
  const err = await errorOf(s3.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key, UploadId, MultipartUpload: { Parts: [] } })));
  t.is(err.$metadata.httpStatusCode, 400);
  t.is(err.name, 'MalformedXML');
  // The recorded call: boto3 without MultipartUpload, so no body at all.
  const raw = await signedRequest(server.endpoint, { method: 'POST', path: `/${bucket}/${Key}`, query: `uploadId=${UploadId}` });
  t.is(raw.status, 400);
  t.is(element(raw.body.toString(), 'Code'), 'InvalidRequest');
  t.is(element(raw.body.toString(), 'Message'), 'You must specify at least one part');
});

test(`CompleteMultipartUpload naming a part not uploaded, or a wrong ETag: InvalidPart with the upload, the part and the ETag unquoted [${LS}::TestS3::test_multipart_complete_multipart_wrong_part (03-08-2023)]`, async (t) => {
  const bucket = await newBucket();
  const Key = 'test-upload-part-exc';
  const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key }));
  const { ETag } = await s3.send(new UploadPartCommand({ Bucket: bucket, Key, UploadId, PartNumber: 1, Body: 'data' }));
  t.is(ETag, '"8d777f385d3dfec8815d20f7496026dc"');
  for (const [part, etag, named] of [[2, ETag!, '8d777f385d3dfec8815d20f7496026dc'], [1, 'd41d8cd98f00b204e9800998ecf8427e', 'd41d8cd98f00b204e9800998ecf8427e']] as const) {
    const err = await errorOf(s3.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key, UploadId, MultipartUpload: { Parts: [{ PartNumber: part, ETag: etag }] } })));
    t.is(err.$metadata.httpStatusCode, 400);
    t.is(err.name, 'InvalidPart');
    t.is(err.message, "One or more of the specified parts could not be found.  The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.");
    t.deepEqual([fields(err).ETag, fields(err).PartNumber, fields(err).UploadId], [named, String(part), UploadId]);
  }
});

test(`ListParts with an empty part-number-marker or max-parts: the defaults, 0 and 1000 [${LS}::TestS3::test_list_parts_empty_part_number_marker (11-11-2023)]`, async (t) => {
  const bucket = await newBucket();
  const Key = 'test-list-part-empty-marker';
  const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key }));
  await s3.send(new UploadPartCommand({ Bucket: bucket, Key, UploadId, PartNumber: 1, Body: 'data' }));
  for (const query of [`part-number-marker=&uploadId=${UploadId}`, `max-parts=&uploadId=${UploadId}`]) {
    const res = await signedRequest(server.endpoint, { method: 'GET', path: `/${bucket}/${Key}`, query });
    const xml = res.body.toString();
    t.is(res.status, 200, xml);
    t.is(element(xml, 'PartNumberMarker'), '0');
    t.is(element(xml, 'NextPartNumberMarker'), '1');
    t.is(element(xml, 'MaxParts'), '1000');
    t.is(element(xml, 'IsTruncated'), 'false');
    t.is(element(xml, 'StorageClass'), 'STANDARD');
    t.is(element(xml, 'ETag'), '&quot;8d777f385d3dfec8815d20f7496026dc&quot;');
  }
});

// ---- CopyObject with a checksum algorithm ----

for (const [algorithm, member, value] of [
  ['CRC32', 'ChecksumCRC32', 'MzVIGw=='], ['CRC32C', 'ChecksumCRC32C', '078Ilw=='], ['SHA1', 'ChecksumSHA1', '5zXdjmjYk4EJ8Cw4PMnQVslCpRQ='],
  ['SHA256', 'ChecksumSHA256', 'lyTB4g5uPk1/V+0l+dTvsAblCFkNUoyQ2ll/andcE+U='],
] as const) {
  test(`CopyObject in place with ChecksumAlgorithm ${algorithm} gives a source stored without a checksum one; a later copy keeps it [${LS}::TestS3::test_s3_copy_object_with_checksum[${algorithm}] (03-08-2023)]`, async (t) => {
    const bucket = await newBucket();
    const Key = 'source-object';
    // Raw: the SDK v3 would send a CRC32 with the PutObject, and the recording's source has none.
    const put = await signedRequest(server.endpoint, { method: 'PUT', path: `/${bucket}/${Key}`, body: '{"key": "value"}', headers: { 'content-type': 'application/json', 'x-amz-meta-key': 'value' } });
    t.is(put.headers.etag, '"88bac95f31528d13a072c05f2a1cf371"');
    t.false(Object.keys(put.headers).some((h) => h.startsWith('x-amz-checksum-')));
    const inPlace = await s3.send(new CopyObjectCommand({ Bucket: bucket, CopySource: `${bucket}/${Key}`, Key, ChecksumAlgorithm: algorithm, Metadata: { key1: 'value1' }, MetadataDirective: 'REPLACE' }));
    t.deepEqual([inPlace.CopyObjectResult?.ETag, inPlace.CopyObjectResult?.[member], inPlace.ServerSideEncryption], ['"88bac95f31528d13a072c05f2a1cf371"', value, 'AES256']);
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key, ChecksumMode: 'ENABLED' }));
    t.is(head[member], value);
    t.deepEqual(head.Metadata, { key1: 'value1' });
    const kept = await s3.send(new CopyObjectCommand({ Bucket: bucket, CopySource: `${bucket}/${Key}`, Key: 'dest-object' }));
    t.deepEqual([kept.CopyObjectResult?.ETag, kept.CopyObjectResult?.[member]], ['"88bac95f31528d13a072c05f2a1cf371"', value]);
  });
}
