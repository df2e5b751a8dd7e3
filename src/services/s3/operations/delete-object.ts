/** DeleteObject: 204 whether or not the key existed (S3 answers the same); the bucket must exist. */
import type { DeleteObjectInput, DeleteObjectOutput } from '../../../model/generated/s3-types.js';
import { type S3Handler, unsupported } from '../context.js';

export const deleteObject: S3Handler<DeleteObjectInput, DeleteObjectOutput> = async (deps, ctx, input) => {
  unsupported(deps, ctx, 'DeleteObject', input, ['VersionId', 'MFA', 'BypassGovernanceRetention', 'IfMatch', 'IfMatchLastModifiedTime', 'IfMatchSize']);
  await deps.store.requireBucket(input.Bucket);
  await deps.store.deleteObject(input.Bucket, input.Key);
  return {};
};
