/**
 * S3's listing and bucket answers as LocalStack's AWS-validated snapshots record them
 * (localstack/localstack tests/aws/services/s3/*.snapshot.json: each entry is the answer AWS gave
 * when the test last ran against it, on the date in the matching *.validation.json), through the
 * official SDK v3 client with default settings, or raw where the exact XML matters. Each test
 * cites `file::Class::test (validated date)`; error rows of the same tests are in
 * error-exactness-rows9.ts, ListMultipartUploads' in aws-answers-localstack-uploads.test.ts. Snapshots of versioned buckets are out of boltstack's scope.
 */
import test from 'ava';
import {
  CreateBucketCommand, DeleteBucketCommand, ListBucketsCommand, ListObjectsCommand, ListObjectsV2Command, ListObjectVersionsCommand, PutObjectCommand, type S3Client,
} from '@aws-sdk/client-s3';
import { s3Client, startBoltstack, uniqueBucket } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';
import { signedRequest } from './signed-request.js';

const LS = 'localstack/localstack tests/aws/services/s3';
const LIST = `${LS}/test_s3_list_operations.py`;
let server: Boltstack;
test.before(async () => { server = await startBoltstack(); });
test.after.always(async () => { await server?.stop(); });

async function bucketWith(keys: string[]): Promise<{ s3: S3Client; bucket: string }> {
  const s3 = s3Client(server.endpoint);
  const bucket = uniqueBucket('lsl');
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  for (const Key of keys) await s3.send(new PutObjectCommand({ Bucket: bucket, Key, Body: 'content 123' }));
  return { s3, bucket };
}
const keysOf = (out: { Contents?: { Key?: string }[] }): string[] | undefined => out.Contents?.map((c) => c.Key!);
const prefixesOf = (out: { CommonPrefixes?: { Prefix?: string }[] }): string[] | undefined => out.CommonPrefixes?.map((c) => c.Prefix!);
/** The text of an element, '' for an empty one (<X/> or <X></X>), undefined when absent. */
const element = (xml: string, name: string): string | undefined => {
  const m = new RegExp(`<${name}(?:/>|>([^<]*)</${name}>)`).exec(xml);
  return m ? (m[1] ?? '') : undefined;
};
const FOLDER = ['folder/aSubfolder/subFile1', 'folder/aSubfolder/subFile2', 'folder/file1', 'folder/file2'];

// ---- ListObjects (v1) ----

test(`ListObjects Prefix "test/" MaxKeys 1 url-encoded: the key, Marker "" and no Delimiter [${LIST}::TestS3ListObjects::test_list_objects_with_prefix[] (validated 2025-01-21)]`, async (t) => {
  const { s3, bucket } = await bucketWith(['test/foo/bar/123']);
  const out = await s3.send(new ListObjectsCommand({ Bucket: bucket, Prefix: 'test/', MaxKeys: 1, EncodingType: 'url' }));
  t.deepEqual(keysOf(out), ['test/foo/bar/123']);
  t.is(out.Contents![0]!.Size, 11);
  t.is(out.Contents![0]!.StorageClass, 'STANDARD');
  t.truthy(out.Contents![0]!.Owner?.ID);
  t.is(out.Marker, '');
  t.is(out.Prefix, 'test/');
  t.is(out.MaxKeys, 1);
  t.is(out.IsTruncated, false);
  t.is(out.EncodingType, 'url');
  t.is(out.Delimiter, undefined);
  t.is(out.NextMarker, undefined);
});

test(`ListObjects Delimiter "/": the common prefix fills the page and is not truncated [${LIST}::TestS3ListObjects::test_list_objects_with_prefix[/] (validated 2025-01-21)]`, async (t) => {
  const { s3, bucket } = await bucketWith(['test/foo/bar/123']);
  const out = await s3.send(new ListObjectsCommand({ Bucket: bucket, Prefix: 'test/', Delimiter: '/', MaxKeys: 1, EncodingType: 'url' }));
  t.deepEqual(prefixesOf(out), ['test/foo/']);
  t.is(out.Contents, undefined);
  t.is(out.Delimiter, '/');
  t.is(out.IsTruncated, false);
  t.is(out.NextMarker, undefined);
});

test(`ListObjects Delimiter "%2F" taken literally; encoded back as "%252F" [${LIST}::TestS3ListObjects::test_list_objects_with_prefix[%2F] (validated 2025-01-21)]`, async (t) => {
  const { s3, bucket } = await bucketWith(['test/foo/bar/123']);
  const out = await s3.send(new ListObjectsCommand({ Bucket: bucket, Prefix: 'test/', Delimiter: '%2F', MaxKeys: 1, EncodingType: 'url' }));
  t.deepEqual(keysOf(out), ['test/foo/bar/123']);
  t.is(out.CommonPrefixes, undefined);
  t.is(out.Delimiter, '%252F');
  // Unencoded, "delimiter=%2F" is "/": Prefix "test" rolls the key up into "test/".
  const raw = await signedRequest(server.endpoint, { method: 'GET', path: `/${bucket}`, query: 'delimiter=%2F&prefix=test' });
  const xml = raw.body.toString();
  t.is(raw.status, 200);
  t.true(xml.includes('<CommonPrefixes><Prefix>test/</Prefix></CommonPrefixes>'), xml);
  t.is(element(xml, 'Delimiter'), '/');
  t.is(element(xml, 'Marker'), '', xml);
  t.is(element(xml, 'MaxKeys'), '1000');
  t.is(element(xml, 'IsTruncated'), 'false');
  t.is(element(xml, 'EncodingType'), undefined);
  t.false(xml.includes('<Contents>'), xml);
});

test(`ListObjects: NextMarker only with a delimiter; Marker "" is no marker [${LIST}::TestS3ListObjects::test_list_objects_next_marker (validated 2025-01-21)]`, async (t) => {
  const { s3, bucket } = await bucketWith(['test_0', 'test_1', 'test_2']);
  const all = await s3.send(new ListObjectsCommand({ Bucket: bucket }));
  t.deepEqual(keysOf(all), ['test_0', 'test_1', 'test_2']);
  t.is(all.Marker, '');
  t.is(all.MaxKeys, 1000);
  t.is(all.NextMarker, undefined);
  const first = await s3.send(new ListObjectsCommand({ Bucket: bucket, MaxKeys: 1, Delimiter: '/' }));
  t.deepEqual(keysOf(first), ['test_0']);
  t.is(first.IsTruncated, true);
  t.is(first.NextMarker, 'test_0');
  const rest = await s3.send(new ListObjectsCommand({ Bucket: bucket, Marker: 'test_0', MaxKeys: 1 }));
  t.deepEqual(keysOf(rest), ['test_1']);
  t.is(rest.IsTruncated, true);
  t.is(rest.Marker, 'test_0');
  t.is(rest.NextMarker, undefined);
  const empty = await s3.send(new ListObjectsCommand({ Bucket: bucket, Marker: '', MaxKeys: 1 }));
  t.deepEqual(keysOf(empty), ['test_0']);
  t.is(empty.IsTruncated, true);
  t.is(empty.Marker, '');
});

test(`ListObjects Marker "" of an empty bucket [${LIST}::TestS3ListObjects::test_s3_list_objects_empty_marker (validated 2025-01-21)]`, async (t) => {
  const { s3, bucket } = await bucketWith([]);
  const out = await s3.send(new ListObjectsCommand({ Bucket: bucket, Marker: '' }));
  t.is(out.Contents, undefined);
  t.is(out.Marker, '');
  t.is(out.Prefix, '');
  t.is(out.MaxKeys, 1000);
  t.is(out.IsTruncated, false);
});

test(`ListObjects pages through common prefixes; a Marker inside a prefix skips the rest of it [${LIST}::TestS3ListObjects::test_list_objects_marker_common_prefixes (validated 2025-01-21)]`, async (t) => {
  const { s3, bucket } = await bucketWith(FOLDER);
  const page = (Marker?: string) => s3.send(new ListObjectsCommand({ Bucket: bucket, Prefix: 'folder/', Delimiter: '/', MaxKeys: 1, ...(Marker === undefined ? {} : { Marker }) }));
  const start = await page();
  t.deepEqual(prefixesOf(start), ['folder/aSubfolder/']);
  t.is(start.Contents, undefined);
  t.is(start.IsTruncated, true);
  t.is(start.NextMarker, 'folder/aSubfolder/');
  const next = await page(start.NextMarker);
  t.deepEqual(keysOf(next), ['folder/file1']);
  t.is(next.CommonPrefixes, undefined);
  t.is(next.IsTruncated, true);
  t.is(next.NextMarker, 'folder/file1');
  const end = await page(next.NextMarker);
  t.deepEqual(keysOf(end), ['folder/file2']);
  t.is(end.IsTruncated, false);
  t.is(end.NextMarker, undefined);
  const manual = await page('folder/aSubfolder/subFile1');
  t.deepEqual(keysOf(manual), ['folder/file1']);
  t.is(manual.CommonPrefixes, undefined);
  t.is(manual.NextMarker, 'folder/file1');
});

for (const [op, query] of [['ListObjects', ''], ['ListObjectsV2', 'list-type=2']] as const) {
  test(`${op} LastModified on the wire: seconds and ".000Z" [${LIST}::TestS3ListObjects::test_s3_list_objects_timestamp_precision[${op}] (validated 2025-01-21)]`, async (t) => {
    const { bucket } = await bucketWith(['test-key']);
    const xml = (await signedRequest(server.endpoint, { method: 'GET', path: `/${bucket}`, query })).body.toString();
    t.regex(element(xml, 'LastModified') ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/);
  });
}

// ---- ListObjectsV2 ----

test(`ListObjectsV2 by prefix: KeyCount, no Owner; unencoded, no EncodingType or Delimiter [${LIST}::TestS3ListObjectsV2::test_list_objects_v2_with_prefix (validated 2025-01-21)]`, async (t) => {
  const { s3, bucket } = await bucketWith(['test/foo/bar/123', 'test/foo/bar/456', 'test/bar/foo/123']);
  const one = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'test/', EncodingType: 'url' }));
  t.deepEqual(keysOf(one), ['test/bar/foo/123', 'test/foo/bar/123', 'test/foo/bar/456']);
  t.is(one.KeyCount, 3);
  t.is(one.Contents![0]!.Owner, undefined);
  t.is(one.StartAfter, undefined);
  t.is(one.ContinuationToken, undefined);
  for (const [Prefix, keys] of [['test/foo', ['test/foo/bar/123', 'test/foo/bar/456']], ['test/foo/bar', ['test/foo/bar/123', 'test/foo/bar/456']]] as const) {
    const out = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix, EncodingType: 'url' }));
    t.deepEqual(keysOf(out), [...keys]);
    t.is(out.KeyCount, 2);
    t.is(out.Prefix, Prefix);
  }
  const xml = (await signedRequest(server.endpoint, { method: 'GET', path: `/${bucket}`, query: 'list-type=2&prefix=test%2Ffoo' })).body.toString();
  t.is(element(xml, 'Prefix'), 'test/foo');
  t.is(element(xml, 'KeyCount'), '2');
  t.is(element(xml, 'MaxKeys'), '1000');
  for (const absent of ['EncodingType', 'Delimiter', 'StartAfter', 'ContinuationToken', 'NextContinuationToken']) t.is(element(xml, absent), undefined, absent);
});

test(`ListObjectsV2 by prefix and delimiter: common prefixes count as keys [${LIST}::TestS3ListObjectsV2::test_list_objects_v2_with_prefix_and_delimiter (validated 2025-01-21)]`, async (t) => {
  const { s3, bucket } = await bucketWith(['test/foo/bar/123', 'test/foo/bar/456', 'test/bar/foo/123']);
  const list = (Prefix: string, MaxKeys?: number) =>
    s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix, Delimiter: '/', EncodingType: 'url', ...(MaxKeys === undefined ? {} : { MaxKeys }) }));
  const one = await list('test/');
  t.deepEqual(prefixesOf(one), ['test/bar/', 'test/foo/']);
  t.is(one.KeyCount, 2);
  t.is(one.Contents, undefined);
  const capped = await list('test/', 1);
  t.deepEqual(prefixesOf(capped), ['test/bar/']);
  t.is(capped.KeyCount, 1);
  t.is(capped.IsTruncated, true);
  t.truthy(capped.NextContinuationToken);
  t.deepEqual(prefixesOf(await list('test/foo')), ['test/foo/']);
  const deep = await list('test/foo/bar');
  t.deepEqual(prefixesOf(deep), ['test/foo/bar/']);
  t.is(deep.KeyCount, 1);
});

test(`ListObjectsV2 ContinuationToken and StartAfter: the token wins and StartAfter is not echoed [${LIST}::TestS3ListObjectsV2::test_list_objects_v2_continuation_start_after (validated 2025-01-21)]`, async (t) => {
  const keys = Array.from({ length: 12 }, (_, i) => `test_${i}`);
  const { s3, bucket } = await bucketWith(keys);
  const first = await s3.send(new ListObjectsV2Command({ Bucket: bucket, MaxKeys: 5 }));
  t.deepEqual(keysOf(first), ['test_0', 'test_1', 'test_10', 'test_11', 'test_2']);
  t.is(first.KeyCount, 5);
  t.is(first.IsTruncated, true);
  const token = first.NextContinuationToken!;
  const rest = await s3.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }));
  t.deepEqual(keysOf(rest), ['test_3', 'test_4', 'test_5', 'test_6', 'test_7', 'test_8', 'test_9']);
  t.is(rest.ContinuationToken, token);
  t.is(rest.KeyCount, 7);
  t.is(rest.IsTruncated, false);
  t.is(rest.NextContinuationToken, undefined);
  const after = await s3.send(new ListObjectsV2Command({ Bucket: bucket, StartAfter: 'test_7', MaxKeys: 2 }));
  t.deepEqual(keysOf(after), ['test_8', 'test_9']);
  t.is(after.StartAfter, 'test_7');
  t.is(after.IsTruncated, false);
  const both = await s3.send(new ListObjectsV2Command({ Bucket: bucket, StartAfter: 'test_7', ContinuationToken: token }));
  t.deepEqual(keysOf(both), ['test_3', 'test_4', 'test_5', 'test_6', 'test_7', 'test_8', 'test_9']);
  t.is(both.ContinuationToken, token);
  t.is(both.StartAfter, undefined);
});

test(`ListObjectsV2 pages through common prefixes with tokens [${LIST}::TestS3ListObjectsV2::test_list_objects_v2_continuation_common_prefixes (validated 2025-01-21)]`, async (t) => {
  const { s3, bucket } = await bucketWith(FOLDER);
  t.deepEqual(keysOf(await s3.send(new ListObjectsV2Command({ Bucket: bucket }))), FOLDER);
  const page = (ContinuationToken?: string) =>
    s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'folder/', Delimiter: '/', MaxKeys: 1, ...(ContinuationToken === undefined ? {} : { ContinuationToken }) }));
  const start = await page();
  t.deepEqual(prefixesOf(start), ['folder/aSubfolder/']);
  t.is(start.KeyCount, 1);
  t.is(start.IsTruncated, true);
  const next = await page(start.NextContinuationToken);
  t.deepEqual(keysOf(next), ['folder/file1']);
  t.is(next.CommonPrefixes, undefined);
  t.is(next.IsTruncated, true);
  const end = await page(next.NextContinuationToken);
  t.deepEqual(keysOf(end), ['folder/file2']);
  t.is(end.IsTruncated, false);
  t.is(end.NextContinuationToken, undefined);
});

// ---- ListObjectVersions of a never-versioned bucket ----

test(`ListObjectVersions of an unversioned bucket: empty markers, each key once as its latest version [${LS}/test_s3_api.py::TestS3ObjectCRUD::test_list_object_versions_order_unversioned (validated 2025-01-21)]`, async (t) => {
  const { s3, bucket } = await bucketWith([]);
  const empty = await s3.send(new ListObjectVersionsCommand({ Bucket: bucket }));
  t.is(empty.KeyMarker, '');
  t.is(empty.VersionIdMarker, '');
  t.is(empty.Versions, undefined);
  t.is(empty.IsTruncated, false);
  t.is(empty.MaxKeys, 1000);
  t.is(empty.Prefix, '');
  for (const Key of ['a-test-object-1', 'c-test-object-3', 'b-test-object-2']) await s3.send(new PutObjectCommand({ Bucket: bucket, Key, Body: 'test-object-1' }));
  const out = await s3.send(new ListObjectVersionsCommand({ Bucket: bucket }));
  t.deepEqual(out.Versions?.map((v) => [v.Key, v.VersionId, v.IsLatest, v.Size]), [
    ['a-test-object-1', 'null', true, 13], ['b-test-object-2', 'null', true, 13], ['c-test-object-3', 'null', true, 13],
  ]);
  t.truthy(out.Versions![0]!.Owner?.ID);
  t.is(out.DeleteMarkers, undefined);
});

// ---- HeadBucket ----

test(`HeadBucket and ListObjectsV2 of a bucket in eu-west-1 carry x-amz-bucket-region [${LS}/test_s3.py::TestS3::test_region_header_exists (recorded 2023-08-03)]`, async (t) => {
  const bucket = uniqueBucket('lsr');
  const config = '<CreateBucketConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><LocationConstraint>eu-west-1</LocationConstraint></CreateBucketConfiguration>';
  t.is((await signedRequest(server.endpoint, { method: 'PUT', path: `/${bucket}`, body: config })).status, 200);
  t.is((await signedRequest(server.endpoint, { method: 'HEAD', path: `/${bucket}` })).headers['x-amz-bucket-region'], 'eu-west-1');
});

test(`CreateBucket from us-east-1 of a name you own in us-west-1 is BucketAlreadyOwnedByYou, whatever the constraint [${LS}/test_s3.py::TestS3::test_create_bucket_with_existing_name (recorded 2023-08-03)]`, async (t) => {
  const bucket = uniqueBucket('lso');
  const config = (c: string) => `<CreateBucketConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><LocationConstraint>${c}</LocationConstraint></CreateBucketConfiguration>`;
  t.is((await signedRequest(server.endpoint, { method: 'PUT', path: `/${bucket}`, body: config('us-west-1') })).status, 200);
  for (const constraint of ['us-west-1', 'us-east-2']) {
    const res = await signedRequest(server.endpoint, { method: 'PUT', path: `/${bucket}`, body: config(constraint) });
    const xml = res.body.toString();
    t.is(res.status, 409, constraint);
    t.is(element(xml, 'Code'), 'BucketAlreadyOwnedByYou', constraint);
    t.is(element(xml, 'Message'), 'Your previous request to create the named bucket succeeded and you already own it.');
    t.is(element(xml, 'BucketName'), bucket);
  }
});

// Answers the models have no member or order for (src/protocols/rest-xml/unmodelled-answers.ts,
// src/services/s3/region-header.ts).
for (const [op, query] of [['ListObjects', ''], ['ListObjectsV2', 'list-type=2']] as const) {
  test(`${op} of a bucket in eu-west-1 carries x-amz-bucket-region [${LS}/test_s3.py::TestS3::test_region_header_exists, test_bucket_name_with_dots (recorded 2023-08-03)]`, async (t) => {
    const bucket = uniqueBucket('lsr');
    const config = '<CreateBucketConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><LocationConstraint>eu-west-1</LocationConstraint></CreateBucketConfiguration>';
    await signedRequest(server.endpoint, { method: 'PUT', path: `/${bucket}`, body: config });
    t.is((await signedRequest(server.endpoint, { method: 'GET', path: `/${bucket}`, query })).headers['x-amz-bucket-region'], 'eu-west-1');
  });
}

test(`ListObjects writes Name, Prefix, Marker, MaxKeys, IsTruncated, Contents in that order [${LS}/test_s3.py::TestS3::test_bucket_name_with_dots (recorded 2023-08-03)]`, async (t) => {
  const { bucket } = await bucketWith(['my-content']);
  const xml = (await signedRequest(server.endpoint, { method: 'GET', path: `/${bucket}` })).body.toString();
  const at = ['<Name>', '<Prefix>', '<Marker>', '<MaxKeys>', '<IsTruncated>', '<Contents>'].map((tag) => xml.indexOf(tag));
  t.true(at.every((i, n) => i >= 0 && (n === 0 || i > at[n - 1]!)), xml);
});

test('ListObjectsV2 writes Name, Prefix, NextContinuationToken, KeyCount, MaxKeys, Delimiter, EncodingType, IsTruncated, Contents, CommonPrefixes in that order [S3 answers for the public buckets 1000genomes and nasa-nex, captured 2026-08-12 as fixtures in a public repository; API_ListObjectsV2.html examples for ContinuationToken and StartAfter]', async (t) => {
  const { bucket } = await bucketWith(['a.txt', 'b.txt', 'dir/c.txt']);
  const order = (xml: string, tags: string[]): boolean => {
    const at = tags.map((tag) => xml.indexOf(tag));
    return at.every((i, n) => i >= 0 && (n === 0 || i > at[n - 1]!));
  };
  const first = (await signedRequest(server.endpoint, { method: 'GET', path: `/${bucket}`, query: 'list-type=2&max-keys=2&delimiter=%2F&encoding-type=url' })).body.toString();
  t.true(order(first, ['<Name>', '<Prefix>', '<NextContinuationToken>', '<KeyCount>', '<MaxKeys>', '<Delimiter>', '<EncodingType>', '<IsTruncated>', '<Contents>']), first);
  const token = /<NextContinuationToken>([^<]*)</.exec(first)![1]!;
  const second = (await signedRequest(server.endpoint, { method: 'GET', path: `/${bucket}`, query: `list-type=2&max-keys=2&delimiter=%2F&continuation-token=${encodeURIComponent(token)}` })).body.toString();
  t.true(order(second, ['<Name>', '<Prefix>', '<ContinuationToken>', '<KeyCount>', '<MaxKeys>', '<Delimiter>', '<IsTruncated>', '<CommonPrefixes>']), second);
  const after = (await signedRequest(server.endpoint, { method: 'GET', path: `/${bucket}`, query: 'list-type=2&start-after=a.txt' })).body.toString();
  t.true(order(after, ['<Name>', '<Prefix>', '<KeyCount>', '<MaxKeys>', '<StartAfter>', '<IsTruncated>', '<Contents>']), after);
});

test(`HeadBucket answers x-amz-access-point-alias: false [${LS}/test_s3.py::TestS3::test_create_bucket_head_bucket (recorded 2023-08-03); versity/versitygw#487 (AWS CLI, 2024-04-01)]`, async (t) => {
  const { bucket } = await bucketWith([]);
  t.is((await signedRequest(server.endpoint, { method: 'HEAD', path: `/${bucket}` })).headers['x-amz-access-point-alias'], 'false');
});

// ---- ListBuckets, CreateBucket, DeleteBucket ----

test(`ListBuckets MaxBuckets 1: one bucket with its region and a ContinuationToken, no Prefix [${LIST}::TestS3ListBuckets::test_list_buckets_with_max_buckets (validated 2025-05-14)]`, async (t) => {
  const s3 = s3Client(server.endpoint);
  for (let i = 0; i < 2; i++) await s3.send(new CreateBucketCommand({ Bucket: uniqueBucket('lsb') }));
  const out = await s3.send(new ListBucketsCommand({ MaxBuckets: 1 }));
  t.is(out.Buckets?.length, 1);
  t.is(out.Buckets![0]!.BucketRegion, 'us-east-1');
  t.truthy(out.ContinuationToken);
  t.is(out.Prefix, undefined);
  t.truthy(out.Owner?.ID);
});

test(`ListBuckets ContinuationToken "" starts at the first bucket [${LIST}::TestS3ListBuckets::test_list_buckets_when_continuation_token_is_empty (validated 2025-05-14)]`, async (t) => {
  const s3 = s3Client(server.endpoint);
  for (let i = 0; i < 2; i++) await s3.send(new CreateBucketCommand({ Bucket: uniqueBucket('lsb') }));
  const first = await s3.send(new ListBucketsCommand({ MaxBuckets: 1 }));
  const out = await s3.send(new ListBucketsCommand({ MaxBuckets: 1, ContinuationToken: '' }));
  t.deepEqual(out.Buckets?.map((b) => b.Name), first.Buckets?.map((b) => b.Name));
  t.is(out.Buckets![0]!.BucketRegion, 'us-east-1');
  t.truthy(out.ContinuationToken);
});

test(`ListBuckets Prefix is case-sensitive; an empty answer still has Buckets and echoes the Prefix; BucketRegion is given [${LIST}::TestS3ListBuckets::test_list_buckets_by_prefix_with_case_sensitivity (validated 2025-05-14)]`, async (t) => {
  const s3 = s3Client(server.endpoint);
  const bucket = uniqueBucket('lsb-case');
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  const upper = await s3.send(new ListBucketsCommand({ Prefix: bucket.toUpperCase() }));
  t.deepEqual(upper.Buckets, []);
  t.is(upper.Prefix, bucket.toUpperCase());
  t.is(upper.ContinuationToken, undefined);
  const found = await s3.send(new ListBucketsCommand({ Prefix: bucket }));
  t.deepEqual(found.Buckets?.map((b) => [b.Name, b.BucketRegion]), [[bucket, 'us-east-1']]);
  t.is(found.Prefix, bucket);
});

test(`ListBuckets BucketRegion filters by region [${LIST}::TestS3ListBuckets::test_list_buckets_by_bucket_region (validated 2025-05-14)]`, async (t) => {
  const s3 = s3Client(server.endpoint);
  const bucket = uniqueBucket('lsb-region');
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  const other = await s3.send(new ListBucketsCommand({ Prefix: bucket, BucketRegion: 'eu-west-1' }));
  t.deepEqual(other.Buckets, []);
  t.is(other.Prefix, bucket);
  const here = await s3.send(new ListBucketsCommand({ Prefix: bucket, BucketRegion: 'us-east-1' }));
  t.deepEqual(here.Buckets?.map((b) => [b.Name, b.BucketRegion]), [[bucket, 'us-east-1']]);
});

test(`CreateBucket 200 with Location, ListObjectsV2 of the new bucket, DeleteBucket 204 [${LS}/test_buckets.py::test_create_list_delete_bucket (validated 2025-09-12)]`, async (t) => {
  const s3 = s3Client(server.endpoint);
  const bucket = uniqueBucket('lsc');
  const created = await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  t.is(created.$metadata.httpStatusCode, 200);
  t.is(created.Location, `/${bucket}`);
  const list = await s3.send(new ListObjectsV2Command({ Bucket: bucket }));
  t.is(list.KeyCount, 0);
  t.is(list.MaxKeys, 1000);
  t.is(list.Prefix, '');
  t.is(list.IsTruncated, false);
  t.is(list.Contents, undefined);
  t.is((await s3.send(new DeleteBucketCommand({ Bucket: bucket }))).$metadata.httpStatusCode, 204);
});
