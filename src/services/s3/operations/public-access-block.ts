/**
 * Get/Put/DeletePublicAccessBlock: a bucket's Block Public Access settings, as native AWS S3
 * answered them (radkawar/stackd testdata/aws/s3/public_access_replay.json, scenario
 * configuration-replacement-deletion-and-expected-owner, 2026):
 * - a new bucket has all four settings true (seq 5; S3's default since April 2023);
 * - DeletePublicAccessBlock is 204, also when there is nothing to delete (seq 7, 9), and then
 *   GetPublicAccessBlock is 404 NoSuchPublicAccessBlockConfiguration (seq 8);
 * - PutPublicAccessBlock replaces the whole configuration, a setting left out becoming false
 *   (seq 12-13); one that sets nothing is 400 InvalidRequest and changes nothing (seq 14-15),
 *   "Must specify at least one configuration." (getmoto/moto s3/exceptions.py
 *   InvalidPublicAccessBlockConfiguration, whose tests check S3's wording).
 * Terraform's aws_s3_bucket_public_access_block reads the four booleans and, after its delete,
 * waits for NoSuchPublicAccessBlockConfiguration (hashicorp/terraform-provider-aws
 * internal/service/s3/bucket_public_access_block.go, v5).
 * The settings are kept, not enforced: nothing public can be granted in boltstack (no bucket
 * policies; ACLs are only ever the owner's own), so no request meets what they would block.
 */
import type {
  DeletePublicAccessBlockInput, DeletePublicAccessBlockOutput, GetPublicAccessBlockInput, GetPublicAccessBlockOutput,
  PutPublicAccessBlockInput, PutPublicAccessBlockOutput,
} from '../../../model/generated/s3-types.js';
import type { S3Handler } from '../context.js';
import { s3Errors } from '../errors.js';
import type { BucketRecord, PublicAccessBlockRecord } from '../records.js';

const NEW_BUCKET_SETTINGS: PublicAccessBlockRecord = { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true };

export const getPublicAccessBlock: S3Handler<GetPublicAccessBlockInput, GetPublicAccessBlockOutput> = async (deps, _ctx, input) => {
  const { publicAccessBlock } = await deps.store.requireBucket(input.Bucket);
  if (publicAccessBlock === 'none') throw s3Errors.noSuchPublicAccessBlockConfiguration(input.Bucket);
  return { PublicAccessBlockConfiguration: { ...(publicAccessBlock ?? NEW_BUCKET_SETTINGS) } };
};

export const putPublicAccessBlock: S3Handler<PutPublicAccessBlockInput, PutPublicAccessBlockOutput> = async (deps, _ctx, input) => {
  await deps.store.requireBucket(input.Bucket);
  const { BlockPublicAcls, IgnorePublicAcls, BlockPublicPolicy, RestrictPublicBuckets } = input.PublicAccessBlockConfiguration ?? {};
  if (BlockPublicAcls === undefined && IgnorePublicAcls === undefined && BlockPublicPolicy === undefined && RestrictPublicBuckets === undefined) {
    throw s3Errors.invalidRequest('Must specify at least one configuration.');
  }
  const settings: PublicAccessBlockRecord = {
    BlockPublicAcls: BlockPublicAcls === true,
    IgnorePublicAcls: IgnorePublicAcls === true,
    BlockPublicPolicy: BlockPublicPolicy === true,
    RestrictPublicBuckets: RestrictPublicBuckets === true,
  };
  await deps.store.updateBucket(input.Bucket, (bucket): BucketRecord => ({ ...bucket, publicAccessBlock: settings }));
  return {};
};

export const deletePublicAccessBlock: S3Handler<DeletePublicAccessBlockInput, DeletePublicAccessBlockOutput> = async (deps, _ctx, input) => {
  const current = await deps.store.requireBucket(input.Bucket);
  if (current.publicAccessBlock === 'none') return {};
  await deps.store.updateBucket(input.Bucket, (bucket): BucketRecord => ({ ...bucket, publicAccessBlock: 'none' }));
  return {};
};
