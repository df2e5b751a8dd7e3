/**
 * ListObjectVersions on a bucket whose versioning was never enabled (boltstack does not implement
 * PutBucketVersioning, so every bucket is one): S3 answers it, listing each object once as its
 * only version, VersionId "null", IsLatest true, and no delete markers (AWS S3 User Guide,
 * "Listing objects in a versioning-enabled bucket": objects stored before versioning, or in a
 * bucket never versioned, have the version ID null; johannesboyne/gofakes3 s300005, checked
 * against S3). Cleanup tools list versions before deleting a bucket: Terraform's force_destroy
 * (../shared/conformance/terraform-aws-calls.md §2.1 Delete), ceph s3-tests' nuke_bucket.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectVersions.html
 */
import type { ListObjectVersionsInput, ListObjectVersionsOutput, Version } from '../../../model/generated/s3-types.js';
import { type S3Handler, unsupported } from '../context.js';
import { s3Errors } from '../errors.js';
import { listPage } from '../list-page.js';
import { encoderOf, maxKeysOf } from '../list-params.js';
import { ownerOf } from '../owner.js';
import { NULL_VERSION_ID } from '../null-version.js';
import { listedTime } from '../list-contents.js';

/**
 * S3's checks in S3's order, measured against S3 (brekkylab/backlot tests/test_s3.py
 * _PARAMETER_ROWS "ListObjectVersions' own, before the bucket and after it", 2026-09-29): a
 * version-id marker without a key marker, then an empty one, before the bucket is looked up; then
 * a version id S3 did not issue, the encoding type, and a negative max-keys (worded unlike
 * ListObjects' and naming no value).
 */
export const listObjectVersions: S3Handler<ListObjectVersionsInput, ListObjectVersionsOutput> = async (deps, ctx, input) => {
  unsupported(deps, ctx, 'ListObjectVersions', input, ['OptionalObjectAttributes']);
  const versionIdMarker = input.VersionIdMarker;
  if (versionIdMarker !== undefined && (input.KeyMarker ?? '') === '') {
    throw s3Errors.invalidArgument('A version-id marker cannot be specified without a key marker.', 'version-id-marker', versionIdMarker);
  }
  if (versionIdMarker === '') throw s3Errors.invalidArgument('A version-id marker cannot be empty.', 'version-id-marker', '');
  const bucket = await deps.store.requireBucket(input.Bucket);
  // "null" is the only version id of a never-versioned bucket; S3 compares it case-sensitively.
  if (versionIdMarker !== undefined && versionIdMarker !== NULL_VERSION_ID) {
    throw s3Errors.invalidArgument('Invalid version id specified', 'version-id-marker', versionIdMarker);
  }
  const encode = encoderOf(input.EncodingType);
  if (input.MaxKeys !== undefined && input.MaxKeys < 0) throw s3Errors.invalidArgument('max-keys cannot be negative', 'max-keys');
  const maxKeys = maxKeysOf(input.MaxKeys);
  const prefix = input.Prefix ?? '';
  // Each key has one version, so "after key K" and "after K's null version" are the same place.
  const page = await listPage(deps.store, bucket.name, {
    prefix, maxKeys,
    ...(input.Delimiter ? { delimiter: input.Delimiter } : {}),
    ...(input.KeyMarker ? { after: input.KeyMarker } : {}),
  });
  const owner = ownerOf(ctx.accountId);
  const versions: Version[] = page.contents.map(([key, summary]) => {
    const version: Version = {
      ETag: summary.etag, Size: summary.size, StorageClass: summary.storageClass ?? 'STANDARD',
      Key: encode(key), VersionId: NULL_VERSION_ID, IsLatest: true, LastModified: listedTime(summary.lastModified), Owner: owner,
    };
    if (summary.checksumAlgorithm !== undefined) version.ChecksumAlgorithm = [summary.checksumAlgorithm];
    // Beside the algorithm, its type (native AWS: radkawar/stackd testdata/aws/s3/
    // multipart_completion_replay.json seq 11, 33, 72; marker_policy.json retained-history; 2026-09).
    if (summary.checksumType !== undefined) version.ChecksumType = summary.checksumType;
    return version;
  });
  const out: ListObjectVersionsOutput = {
    IsTruncated: page.truncated,
    KeyMarker: encode(input.KeyMarker ?? ''),
    VersionIdMarker: versionIdMarker ?? '',
    Versions: versions,
    Name: bucket.name,
    Prefix: encode(prefix),
    MaxKeys: maxKeys,
    CommonPrefixes: page.commonPrefixes.map((p) => ({ Prefix: encode(p) })),
  };
  if (input.Delimiter) out.Delimiter = encode(input.Delimiter);
  if (input.EncodingType) out.EncodingType = input.EncodingType;
  if (page.truncated && page.last !== undefined) {
    out.NextKeyMarker = encode(page.last);
    // A page that ends on a version names it; one that ends on a common prefix has no version.
    const lastIsVersion = page.contents.length > 0 && page.contents[page.contents.length - 1]![0] === page.last;
    if (lastIsVersion) out.NextVersionIdMarker = NULL_VERSION_ID;
  }
  return out;
};
