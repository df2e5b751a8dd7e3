/**
 * Get/Put/DeleteObjectTagging: the tag set lives on the object record. versionId=null names the
 * object itself, as on GetObject (null-version.ts); the answer carries no x-amz-version-id, as
 * GetObject's does not in a never-versioned bucket (radkawar/stackd testdata/aws/s3/
 * versioning_null.json unversioned-explicit-null-get-object, 2026-09-15; the tagging operations'
 * own echo there is not recorded).
 */
import type {
  DeleteObjectTaggingInput, DeleteObjectTaggingOutput, GetObjectTaggingInput, GetObjectTaggingOutput,
  PutObjectTaggingInput, PutObjectTaggingOutput,
} from '../../../model/generated/s3-types.js';
import type { S3Handler } from '../context.js';
import { s3Errors } from '../errors.js';
import { onlyNullVersion } from '../null-version.js';
import { validateTags } from '../tags.js';

export const getObjectTagging: S3Handler<GetObjectTaggingInput, GetObjectTaggingOutput> = async (deps, ctx, input) => {
  onlyNullVersion(deps, ctx, 'GetObjectTagging', { VersionId: input.VersionId });
  await deps.store.requireBucket(input.Bucket);
  const record = await deps.store.getObject(input.Bucket, input.Key);
  // GetObjectTagging alone names the missing key as "<bucket>/<key>" (Put and Delete name the key):
  // LocalStack test_s3_api.py::TestS3BucketObjectTagging::test_object_tagging_exc, AWS 2025-01-21.
  if (!record) throw s3Errors.noSuchKey(`${input.Bucket}/${input.Key}`);
  return { TagSet: record.tags ?? [] };
};

export const putObjectTagging: S3Handler<PutObjectTaggingInput, PutObjectTaggingOutput> = async (deps, ctx, input) => {
  onlyNullVersion(deps, ctx, 'PutObjectTagging', { VersionId: input.VersionId });
  const tags = validateTags((input.Tagging?.TagSet ?? []) as { Key: string; Value: string }[]);
  await deps.store.requireBucket(input.Bucket);
  await deps.store.updateObject(input.Bucket, input.Key, (r) => {
    const { tags: _old, ...rest } = r;
    return tags.length > 0 ? { ...rest, tags } : rest;
  });
  return {};
};

export const deleteObjectTagging: S3Handler<DeleteObjectTaggingInput, DeleteObjectTaggingOutput> = async (deps, ctx, input) => {
  onlyNullVersion(deps, ctx, 'DeleteObjectTagging', { VersionId: input.VersionId });
  await deps.store.requireBucket(input.Bucket);
  await deps.store.updateObject(input.Bucket, input.Key, (r) => {
    const { tags: _old, ...rest } = r;
    return rest;
  });
  return {};
};
