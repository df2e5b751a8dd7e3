/**
 * DeleteObject: 204 whether or not the key existed (S3 answers the same); the bucket must exist.
 * If-Match and the x-amz-if-match-* headers make it a conditional delete (delete-conditions.ts).
 */
import type { DeleteObjectInput, DeleteObjectOutput } from '../../../model/generated/s3-types.js';
import { type S3Handler, unsupported } from '../context.js';
import { deleteCheck } from '../delete-conditions.js';
import { s3Errors } from '../errors.js';
import { NULL_VERSION_ID } from '../null-version.js';

export const deleteObject: S3Handler<DeleteObjectInput, DeleteObjectOutput> = async (deps, ctx, input) => {
  // If-Match beside a versionId (any: "null" too) is S3's own 501, naming the header, before
  // anything is looked up: a wrong ETag gets it as well (native AWS: radkawar/stackd testdata/aws/
  // s3/conditional_versions.json baseline/historical-own/delete, baseline/current-explicit-wrong/
  // delete, 2026-09-15).
  if (input.VersionId !== undefined && input.IfMatch !== undefined) throw s3Errors.conditionalDeleteOfVersion();
  // "null" is the only version of an object in a never-versioned bucket: deleting it deletes the
  // object, as DeleteObjects does, and the version id deleted is echoed as a version delete echoes
  // it (x-amz-version-id; radkawar/stackd testdata/aws/s3/versioning_null.json delete-valid-version,
  // 2026-09-15). What minio-js removeObject sends with versionId 'null' (s3trial). The echo for
  // "null" on a never-versioned bucket is not captured: DeleteObjects echoes it in <Deleted>.
  const nullVersion = input.VersionId === NULL_VERSION_ID;
  unsupported(deps, ctx, 'DeleteObject', input, nullVersion ? ['MFA', 'BypassGovernanceRetention'] : ['VersionId', 'MFA', 'BypassGovernanceRetention']);
  await deps.store.requireBucket(input.Bucket);
  await deps.store.deleteObject(input.Bucket, input.Key, deleteCheck({
    ifMatch: input.IfMatch, lastModifiedTime: input.IfMatchLastModifiedTime, size: input.IfMatchSize,
  }, input.Key));
  return nullVersion ? { VersionId: NULL_VERSION_ID } : {};
};
