/**
 * What a bucket whose versioning was never enabled answers, and the versioning requests S3
 * refuses in any state, as native AWS S3 answered (radkawar/stackd testdata/aws/s3/versioning.json,
 * 2026-09-15, boto3 1.43.94; calls re-expressed as SDK inputs, the captured bodies and ETags kept).
 * The capture's rows after it enables versioning (versions, delete markers) are not replayed:
 * boltstack implements no versioning, and PutBucketVersioning of a valid configuration answers
 * NotImplemented.
 */
import test from 'ava';
import {
  CreateBucketCommand, GetBucketVersioningCommand, GetObjectCommand, ListObjectVersionsCommand, PutBucketVersioningCommand,
  PutObjectCommand, type S3Client,
} from '@aws-sdk/client-s3';
import { errorOf } from '../../helpers/errors.js';
import { s3Client, startBoltstack } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';

let server: Boltstack;
let s3: S3Client;
const Bucket = 'stackd-version-kernel-0dd74362f4c4';
const SRC = 'radkawar/stackd testdata/aws/s3/versioning.json';
test.before(async () => {
  server = await startBoltstack();
  s3 = s3Client(server.endpoint);
  await s3.send(new CreateBucketCommand({ Bucket }));
  await s3.send(new PutObjectCommand({ Bucket, Key: 'package.zip', Body: 'before-versioning', Metadata: { marker: 'put-original-null' } }));
});
test.after.always(async () => { await server?.stop(); });

const versioningOf = async () => {
  const { $metadata: _, ...rest } = await s3.send(new GetBucketVersioningCommand({ Bucket }));
  return rest;
};

test(`a new bucket's versioning is empty; its object reads as itself with versionId=null, and lists once as version "null" [${SRC} initial-versioning, get-original-current, get-original-null, list-unversioned]`, async (t) => {
  t.deepEqual(await versioningOf(), {});
  for (const VersionId of [undefined, 'null']) {
    const got = await s3.send(new GetObjectCommand({ Bucket, Key: 'package.zip', VersionId, ChecksumMode: 'ENABLED' }));
    t.like(got, { ETag: '"13dfba16cf460eaec65b5d934be1e068"', ContentLength: 17, ChecksumCRC32: '7mrNAA==', ChecksumType: 'FULL_OBJECT', Metadata: { marker: 'put-original-null' } });
    t.is(got.VersionId, undefined);
    t.is(await got.Body?.transformToString(), 'before-versioning');
  }
  const listed = await s3.send(new ListObjectVersionsCommand({ Bucket, EncodingType: 'url' }));
  t.like(listed, { IsTruncated: false, KeyMarker: '', VersionIdMarker: '', Name: Bucket, Prefix: '', MaxKeys: 1000, EncodingType: 'url' });
  t.deepEqual(listed.Versions?.map((v) => [v.Key, v.VersionId, v.IsLatest, v.ETag, v.Size, v.StorageClass, v.ChecksumAlgorithm, v.ChecksumType]),
    [['package.zip', 'null', true, '"13dfba16cf460eaec65b5d934be1e068"', 17, 'STANDARD', ['CRC32'], 'FULL_OBJECT']]);
});

test(`PutBucketVersioning without a Status is 400 IllegalVersioningConfigurationException, and versioning stays as it was [${SRC} empty-versioning-configuration, read-after-empty-configuration]`, async (t) => {
  const err = await errorOf(s3.send(new PutBucketVersioningCommand({ Bucket, VersioningConfiguration: {} })));
  t.is(err.$metadata.httpStatusCode, 400);
  t.is(err.name, 'IllegalVersioningConfigurationException');
  t.is(err.message, 'The Versioning element must be specified');
  t.deepEqual(await versioningOf(), {});
});

test(`PutBucketVersioning with a Status that is neither Enabled nor Suspended is 400 MalformedXML [${SRC} invalid-versioning-state]`, async (t) => {
  const err = await errorOf(s3.send(new PutBucketVersioningCommand({ Bucket, VersioningConfiguration: { Status: 'Disabled' as 'Enabled' } })));
  t.is(err.$metadata.httpStatusCode, 400);
  t.is(err.name, 'MalformedXML');
  t.is(err.message, 'The XML you provided was not well-formed or did not validate against our published schema');
  t.deepEqual(await versioningOf(), {});
});

test(`PutBucketVersioning of a valid configuration still answers NotImplemented, and PutBucketVersioning is not listed as implemented [${SRC} enable-versioning: not emulated]`, async (t) => {
  const err = await errorOf(s3.send(new PutBucketVersioningCommand({ Bucket, VersioningConfiguration: { Status: 'Suspended' } })));
  t.is(err.$metadata.httpStatusCode, 501);
  t.is(err.name, 'NotImplemented');
  const { implementedOperations } = await import('../../../src/services/s3/index.js');
  t.false(implementedOperations.includes('PutBucketVersioning'));
  t.deepEqual(await versioningOf(), {});
});

const listingErrors: [string, ConstructorParameters<typeof ListObjectVersionsCommand>[0], string, string, string | undefined][] = [
  ['orphan-version-marker', { Bucket, VersionIdMarker: 'dKRT5a1iLQOppsLQVD8HX3MghFn8CzT3' }, 'A version-id marker cannot be specified without a key marker.', 'version-id-marker', 'dKRT5a1iLQOppsLQVD8HX3MghFn8CzT3'],
  ['unknown-version-marker', { Bucket, KeyMarker: 'package.zip', VersionIdMarker: 'not-a-version' }, 'Invalid version id specified', 'version-id-marker', 'not-a-version'],
  ['negative-max-keys', { Bucket, MaxKeys: -1 }, 'max-keys cannot be negative', 'max-keys', undefined],
];
for (const [label, input, message, name, value] of listingErrors) {
  test(`ListObjectVersions ${label} is 400 InvalidArgument "${message}" [${SRC} ${label}]`, async (t) => {
    const err = await errorOf(s3.send(new ListObjectVersionsCommand(input)));
    t.is(err.$metadata.httpStatusCode, 400);
    t.is(err.name, 'InvalidArgument');
    t.is(err.message, message);
    const fields = err as unknown as Record<string, unknown>;
    t.is(fields.ArgumentName, name);
    t.is(fields.ArgumentValue, value);
  });
}

test(`ListObjectVersions with max-keys 0 is an empty page that is not truncated [${SRC} zero-max-keys]`, async (t) => {
  const { $metadata: _, ...page } = await s3.send(new ListObjectVersionsCommand({ Bucket, MaxKeys: 0, EncodingType: 'url' }));
  t.deepEqual(page, { IsTruncated: false, KeyMarker: '', VersionIdMarker: '', Name: Bucket, Prefix: '', MaxKeys: 0, EncodingType: 'url' });
});
