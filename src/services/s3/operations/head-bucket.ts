/** HeadBucket: 200 with x-amz-bucket-region, or 404 (HEAD errors carry no body). */
import type { HeadBucketInput, HeadBucketOutput } from '../../../model/generated/s3-types.js';
import type { S3Handler } from '../context.js';

export const headBucket: S3Handler<HeadBucketInput, HeadBucketOutput> = async (deps, _ctx, input) => {
  const bucket = await deps.store.requireBucket(input.Bucket);
  return { BucketRegion: bucket.region };
};
