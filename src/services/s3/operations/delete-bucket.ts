/** DeleteBucket: 204; BucketNotEmpty while objects remain; unfinished uploads go with the bucket. */
import type { DeleteBucketInput } from '../../../model/generated/s3-types.js';
import type { S3Handler } from '../context.js';

export const deleteBucket: S3Handler<DeleteBucketInput, Record<string, never>> = async (deps, _ctx, input) => {
  await deps.store.deleteBucket(input.Bucket);
  return {};
};
