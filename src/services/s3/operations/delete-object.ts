/**
 * DeleteObject: 204 whether or not the key existed (S3 answers the same); the bucket must exist.
 * If-Match and the x-amz-if-match-* headers make it a conditional delete (delete-conditions.ts).
 */
import type { DeleteObjectInput, DeleteObjectOutput } from '../../../model/generated/s3-types.js';
import { type S3Handler, unsupported } from '../context.js';
import { deleteCheck } from '../delete-conditions.js';

export const deleteObject: S3Handler<DeleteObjectInput, DeleteObjectOutput> = async (deps, ctx, input) => {
  unsupported(deps, ctx, 'DeleteObject', input, ['VersionId', 'MFA', 'BypassGovernanceRetention']);
  await deps.store.requireBucket(input.Bucket);
  await deps.store.deleteObject(input.Bucket, input.Key, deleteCheck({
    ifMatch: input.IfMatch, lastModifiedTime: input.IfMatchLastModifiedTime, size: input.IfMatchSize,
  }, input.Key));
  return {};
};
