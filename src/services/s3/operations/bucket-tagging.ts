/**
 * Get/Put/DeleteBucketTagging: the bucket's tag set (up to 50 tags) lives on its record; a
 * bucket without tags answers NoSuchTagSet, which Terraform reads as "no tags".
 */
import type {
  DeleteBucketTaggingInput, GetBucketTaggingInput, GetBucketTaggingOutput, PutBucketTaggingInput,
} from '../../../model/generated/s3-types.js';
import type { S3Handler } from '../context.js';
import { s3Errors } from '../errors.js';
import { validateTags, type Tag } from '../tags.js';

export const getBucketTagging: S3Handler<GetBucketTaggingInput, GetBucketTaggingOutput> = async (deps, _ctx, input) => {
  const bucket = await deps.store.requireBucket(input.Bucket);
  if (!bucket.tags || bucket.tags.length === 0) throw s3Errors.noSuchTagSet(input.Bucket);
  return { TagSet: bucket.tags };
};

export const putBucketTagging: S3Handler<PutBucketTaggingInput, Record<string, never>> = async (deps, _ctx, input) => {
  const tags = validateTags((input.Tagging?.TagSet ?? []) as Tag[], 'bucket');
  await deps.store.updateBucket(input.Bucket, (b) => ({ ...b, tags }));
  return {};
};

export const deleteBucketTagging: S3Handler<DeleteBucketTaggingInput, Record<string, never>> = async (deps, _ctx, input) => {
  await deps.store.updateBucket(input.Bucket, ({ tags: _tags, ...rest }) => rest);
  return {};
};
