/**
 * `versionId=null` on every object operation that takes a version id. Every boltstack bucket is
 * one whose versioning was never enabled, and there each object's one version has the id "null"
 * (AWS S3 User Guide, "Working with objects in a versioning-enabled bucket": "Objects that are
 * stored in an Amazon S3 bucket before you set the versioning state have a version ID of null").
 * Native AWS answers a request naming it as the request without it: GetObject and HeadObject
 * (radkawar/stackd testdata/aws/s3/versioning_null.json unversioned-explicit-null-get-object,
 * -head-object, 2026-09-15) and DeleteObjects (same file, cleanup-versions-0). GetObject,
 * HeadObject, DeleteObject(s), the ACL and GetObjectAttributes already took it (never-versioned,
 * empty-version-id tests); these rows are the operations that still answered 501.
 */
import test from 'ava';
import {
  CopyObjectCommand, CreateBucketCommand, DeleteObjectTaggingCommand, GetObjectCommand, GetObjectTaggingCommand,
  PutObjectCommand, PutObjectTaggingCommand, type S3Client,
} from '@aws-sdk/client-s3';
import type { Boltstack } from '../../../src/index.js';
import { s3Client, startBoltstack, uniqueBucket } from '../../helpers/server.js';

let server: Boltstack;
let s3: S3Client;
test.before(async () => { server = await startBoltstack(); s3 = s3Client(server.endpoint); });
test.after.always(async () => { s3?.destroy(); await server?.stop(); });

async function bucketWithObject(key: string): Promise<string> {
  const bucket = uniqueBucket('nv27');
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: 'body', Tagging: 'a=1' }));
  return bucket;
}

test('Get/Put/DeleteObjectTagging with VersionId "null" act on the object of a never-versioned bucket', async (t) => {
  const bucket = await bucketWithObject('k');
  const got = await s3.send(new GetObjectTaggingCommand({ Bucket: bucket, Key: 'k', VersionId: 'null' }));
  t.deepEqual(got.TagSet, [{ Key: 'a', Value: '1' }]);
  await s3.send(new PutObjectTaggingCommand({ Bucket: bucket, Key: 'k', VersionId: 'null', Tagging: { TagSet: [{ Key: 'b', Value: '2' }] } }));
  t.deepEqual((await s3.send(new GetObjectTaggingCommand({ Bucket: bucket, Key: 'k' }))).TagSet, [{ Key: 'b', Value: '2' }]);
  await s3.send(new DeleteObjectTaggingCommand({ Bucket: bucket, Key: 'k', VersionId: 'null' }));
  t.deepEqual((await s3.send(new GetObjectTaggingCommand({ Bucket: bucket, Key: 'k', VersionId: 'null' }))).TagSet, []);
});

test('GetObjectTagging with VersionId "null" of a missing key is NoSuchKey, as without it', async (t) => {
  const bucket = await bucketWithObject('k');
  const err = await t.throwsAsync(s3.send(new GetObjectTaggingCommand({ Bucket: bucket, Key: 'missing', VersionId: 'null' })));
  t.is(err?.name, 'NoSuchKey');
});

test('a version id other than "null" on tagging stays NotImplemented (strict): boltstack keeps no versions', async (t) => {
  const bucket = await bucketWithObject('k');
  const err = await t.throwsAsync(s3.send(new GetObjectTaggingCommand({ Bucket: bucket, Key: 'k', VersionId: '3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY' })));
  t.is(err?.name, 'NotImplemented');
});

test('CopyObject from `key?versionId=null` copies the object, as UploadPartCopy does', async (t) => {
  const bucket = await bucketWithObject('src');
  await s3.send(new CopyObjectCommand({ Bucket: bucket, Key: 'dst', CopySource: `${bucket}/src?versionId=null` }));
  const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'dst' }));
  t.is(await out.Body?.transformToString(), 'body');
  const other = await t.throwsAsync(s3.send(new CopyObjectCommand({ Bucket: bucket, Key: 'dst', CopySource: `${bucket}/src?versionId=3HL4kqtJlcpXroDTDmJ` })));
  t.is(other?.name, 'NotImplemented');
});
