/**
 * GetBucketVersioning: boltstack implements no versioning (PutBucketVersioning answers
 * NotImplemented), so every bucket is one whose versioning was never enabled, which S3 answers
 * with an empty VersioningConfiguration: no Status, no MfaDelete element
 * (https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketVersioning.html: "If the bucket
 * has never been versioned, no versioning status is returned"). Terraform's aws_s3_bucket and
 * aws_s3_bucket_versioning read it on every refresh (terraform-aws-calls.md §2.1, §2.2).
 */
import type { GetBucketVersioningInput, GetBucketVersioningOutput } from '../../../model/generated/s3-types.js';
import type { S3Handler } from '../context.js';

export const getBucketVersioning: S3Handler<GetBucketVersioningInput, GetBucketVersioningOutput> = async (deps, _ctx, input) => {
  await deps.store.requireBucket(input.Bucket);
  return {};
};
