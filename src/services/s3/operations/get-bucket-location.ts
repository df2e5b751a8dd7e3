/** GetBucketLocation: empty LocationConstraint for us-east-1 and "EU" for a bucket created so, as S3 answers. */
import type { GetBucketLocationInput, GetBucketLocationOutput } from '../../../model/generated/s3-types.js';
import type { S3Handler } from '../context.js';

export const getBucketLocation: S3Handler<GetBucketLocationInput, GetBucketLocationOutput> = async (deps, _ctx, input) => {
  const bucket = await deps.store.requireBucket(input.Bucket);
  return bucket.region === 'us-east-1' ? {} : { LocationConstraint: bucket.locationConstraint ?? bucket.region };
};
