/**
 * A bucket whose versioning was never enabled, which every boltstack bucket is: S3 answers
 * GetBucketVersioning with an empty configuration and ListObjectVersions with each object once,
 * VersionId "null", and a DeleteObjects naming that "null" version deletes the object. Cleanup
 * tools depend on it: Terraform's force_destroy lists versions and deletes them by version
 * (../shared/conformance/terraform-aws-calls.md §2.1 Delete), as ceph s3-tests' nuke_bucket does.
 */
import test from 'ava';
import {
  CreateBucketCommand, DeleteObjectsCommand, GetBucketVersioningCommand, ListObjectsV2Command, ListObjectVersionsCommand,
  PutObjectCommand, type S3Client,
} from '@aws-sdk/client-s3';
import type { Boltstack } from '../../../src/index.js';
import { s3Client, startBoltstack, uniqueBucket } from '../../helpers/server.js';
import { signedRequest } from './signed-request.js';

let server: Boltstack;
let s3: S3Client;
test.before(async () => { server = await startBoltstack(); s3 = s3Client(server.endpoint); });
test.after.always(async () => { s3?.destroy(); await server?.stop(); });

async function bucketWith(keys: string[]): Promise<string> {
  const bucket = uniqueBucket('nv');
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  for (const key of keys) await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: key }));
  return bucket;
}

test('GetBucketVersioning of a never-versioned bucket: an empty VersioningConfiguration', async (t) => {
  const bucket = await bucketWith([]);
  const raw = await signedRequest(server.endpoint, { method: 'GET', path: `/${bucket}`, query: 'versioning=' });
  t.is(raw.status, 200);
  // "If the bucket has never been versioned, no versioning status is returned" (API reference).
  t.regex(raw.body.toString(), /<VersioningConfiguration xmlns="http:\/\/s3\.amazonaws\.com\/doc\/2006-03-01\/"\s*(\/>|><\/VersioningConfiguration>)/);
  const out = await s3.send(new GetBucketVersioningCommand({ Bucket: bucket }));
  t.is(out.Status, undefined);
  t.is(out.MFADelete, undefined);
});

test('ListObjectVersions lists each object once as its null version, IsLatest, with no delete markers', async (t) => {
  const bucket = await bucketWith(['a', 'b/1', 'b/2', 'c']);
  const out = await s3.send(new ListObjectVersionsCommand({ Bucket: bucket }));
  const listed = await s3.send(new ListObjectsV2Command({ Bucket: bucket }));
  t.deepEqual(out.Versions?.map((v) => [v.Key, v.VersionId, v.IsLatest]), [['a', 'null', true], ['b/1', 'null', true], ['b/2', 'null', true], ['c', 'null', true]]);
  t.deepEqual(out.Versions?.map((v) => [v.ETag, v.Size, v.StorageClass, v.LastModified?.getTime()]),
    listed.Contents?.map((c) => [c.ETag, c.Size, c.StorageClass, c.LastModified?.getTime()]));
  t.truthy(out.Versions?.[0]?.Owner?.ID);
  t.is(out.DeleteMarkers, undefined);
  t.false(out.IsTruncated);
  t.is(out.NextKeyMarker, undefined);
});

test('ListObjectVersions pages by key-marker and version-id-marker, with delimiter and url encoding', async (t) => {
  const bucket = await bucketWith(['a', 'd/1', 'd/2', 'z z']);
  const first = await s3.send(new ListObjectVersionsCommand({ Bucket: bucket, MaxKeys: 1 }));
  t.deepEqual([first.IsTruncated, first.NextKeyMarker, first.NextVersionIdMarker], [true, 'a', 'null']);
  const second = await s3.send(new ListObjectVersionsCommand({ Bucket: bucket, MaxKeys: 2, KeyMarker: 'a', VersionIdMarker: 'null' }));
  t.deepEqual(second.Versions?.map((v) => v.Key), ['d/1', 'd/2']);
  t.deepEqual([second.KeyMarker, second.VersionIdMarker], ['a', 'null']);
  // A page ending on a common prefix names no version to go on from.
  const rolled = await s3.send(new ListObjectVersionsCommand({ Bucket: bucket, MaxKeys: 2, Delimiter: '/' }));
  t.deepEqual([rolled.Versions?.map((v) => v.Key), rolled.CommonPrefixes?.map((p) => p.Prefix)], [['a'], ['d/']]);
  t.deepEqual([rolled.IsTruncated, rolled.NextKeyMarker, rolled.NextVersionIdMarker], [true, 'd/', undefined]);
  const rest = await s3.send(new ListObjectVersionsCommand({ Bucket: bucket, Delimiter: '/', KeyMarker: 'd/' }));
  t.deepEqual(rest.Versions?.map((v) => v.Key), ['z z']);
  const encoded = await signedRequest(server.endpoint, { method: 'GET', path: `/${bucket}`, query: 'encoding-type=url&prefix=z&versions=' });
  // A space is "+" under encoding-type=url, as S3 writes it (brekkylab/backlot#178, measured 2026-09-14).
  t.regex(encoded.body.toString(), /<Key>z\+z<\/Key>/);
});

test('DeleteObjects naming the null version deletes the object and echoes the version id', async (t) => {
  const bucket = await bucketWith(['a', 'b']);
  const versions = (await s3.send(new ListObjectVersionsCommand({ Bucket: bucket }))).Versions ?? [];
  const out = await s3.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: versions.map((v) => ({ Key: v.Key, VersionId: v.VersionId })) } }));
  t.deepEqual(out.Deleted, [{ Key: 'a', VersionId: 'null' }, { Key: 'b', VersionId: 'null' }]);
  t.is((await s3.send(new ListObjectsV2Command({ Bucket: bucket }))).KeyCount, 0);
  // Any other version id names versioning state boltstack does not have: refused, never ignored.
  const other = await s3.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: [{ Key: 'a', VersionId: '3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY' }] } }));
  t.is(other.Errors?.[0]?.Code, 'NotImplemented');
});

// S3's answers measured by brekkylab/backlot tests/test_s3.py _PARAMETER_ROWS ("ListObjectVersions'
// own, before the bucket and after it", S3 us-east-1, 2026-09-29): message and the InvalidArgument
// members, ArgumentValue only where S3 names one.
const ROWS: { query: string; missingBucket?: boolean; status: number; message: string; argument?: [string, string?] }[] = [
  { query: 'version-id-marker=x&versions=', missingBucket: true, status: 400, message: 'A version-id marker cannot be specified without a key marker.', argument: ['version-id-marker', 'x'] },
  { query: 'key-marker=a&version-id-marker=&versions=', missingBucket: true, status: 400, message: 'A version-id marker cannot be empty.', argument: ['version-id-marker', ''] },
  { query: 'key-marker=a&version-id-marker=x&versions=', missingBucket: true, status: 404, message: 'The specified bucket does not exist' },
  { query: 'key-marker=a&version-id-marker=x&versions=', status: 400, message: 'Invalid version id specified', argument: ['version-id-marker', 'x'] },
  { query: 'key-marker=a.txt&version-id-marker=NULL&versions=', status: 400, message: 'Invalid version id specified', argument: ['version-id-marker', 'NULL'] },
  { query: 'encoding-type=bogus&versions=', missingBucket: true, status: 404, message: 'The specified bucket does not exist' },
  { query: 'encoding-type=bogus&versions=', status: 400, message: 'Invalid Encoding Method specified in Request', argument: ['encoding-type', 'bogus'] },
  { query: 'max-keys=-1&versions=', missingBucket: true, status: 404, message: 'The specified bucket does not exist' },
  { query: 'max-keys=-1&versions=', status: 400, message: 'max-keys cannot be negative', argument: ['max-keys'] },
  { query: 'max-keys=abc&versions=', missingBucket: true, status: 400, message: 'Provided max-keys not an integer or within integer range', argument: ['max-keys', 'abc'] },
  { query: 'encoding-type=bogus&max-keys=-1&versions=', status: 400, message: 'Invalid Encoding Method specified in Request', argument: ['encoding-type', 'bogus'] },
  { query: 'encoding-type=bogus&version-id-marker=x&versions=', status: 400, message: 'A version-id marker cannot be specified without a key marker.', argument: ['version-id-marker', 'x'] },
  { query: 'max-keys=-1&version-id-marker=x&versions=', status: 400, message: 'A version-id marker cannot be specified without a key marker.', argument: ['version-id-marker', 'x'] },
  { query: 'encoding-type=bogus&key-marker=a.txt&version-id-marker=garbage&versions=', status: 400, message: 'Invalid version id specified', argument: ['version-id-marker', 'garbage'] },
  { query: 'key-marker=a.txt&max-keys=abc&version-id-marker=garbage&versions=', status: 400, message: 'Provided max-keys not an integer or within integer range', argument: ['max-keys', 'abc'] },
];

for (const row of ROWS) {
  test(`ListObjectVersions ?${row.query}${row.missingBucket ? ' (no such bucket)' : ''} → ${row.status} ${row.message}`, async (t) => {
    const bucket = row.missingBucket ? uniqueBucket('nv-missing') : await bucketWith(['a.txt']);
    const raw = await signedRequest(server.endpoint, { method: 'GET', path: `/${bucket}`, query: row.query });
    const xml = raw.body.toString();
    t.is(raw.status, row.status, xml);
    t.regex(xml, new RegExp(`<Code>${row.status === 404 ? 'NoSuchBucket' : 'InvalidArgument'}</Code><Message>${row.message.replace(/[.]/g, '\\.')}</Message>`));
    if (row.argument !== undefined) {
      const [name, value] = row.argument;
      t.true(xml.includes(`<ArgumentName>${name}</ArgumentName>`), xml);
      if (value === undefined) t.false(xml.includes('<ArgumentValue'), xml);
      else t.regex(xml, new RegExp(`<ArgumentValue>${value}</ArgumentValue>|${value === '' ? '<ArgumentValue/>' : '^$'}`));
    }
  });
}

test(`GetObject and HeadObject naming versionId=null answer the object, without x-amz-version-id; another id stays NotImplemented [radkawar/stackd testdata/aws/s3/versioning_null.json unversioned-explicit-null-get-object, unversioned-explicit-null-head-object (2026-09-15)]`, async (t) => {
  const bucket = uniqueBucket('nv');
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'package.zip', Body: 'before-versioning', Metadata: { marker: 'put-original-null' } }));
  for (const method of ['GET', 'HEAD']) {
    const res = await signedRequest(server.endpoint, { method, path: `/${bucket}/package.zip`, query: 'versionId=null' });
    t.is(res.status, 200, method);
    t.is(res.headers.etag, '"13dfba16cf460eaec65b5d934be1e068"');
    t.is(res.headers['content-length'], '17');
    t.is(res.headers['x-amz-meta-marker'], 'put-original-null');
    t.false('x-amz-version-id' in res.headers, method);
    if (method === 'GET') t.is(res.body.toString(), 'before-versioning');
  }
  const other = await signedRequest(server.endpoint, { method: 'GET', path: `/${bucket}/package.zip`, query: 'versionId=3HL4kqtJlcpXroDTDmJ%2BrmSpXd3dIbrHY' });
  t.is(other.status, 501);
});
