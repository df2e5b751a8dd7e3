/**
 * Get/Put/DeleteBucketEncryption: a bucket's default encryption. Since January 2023 every bucket
 * has one, SSE-S3 (AES256): GetBucketEncryption of a bucket never configured answers it, with
 * BucketKeyEnabled false, and DeleteBucketEncryption resets to it, 204 however often it is sent
 * (AWS S3 API reference, GetBucketEncryption and DeleteBucketEncryption; localstack/localstack
 * tests/aws/services/s3/test_s3_api.py::TestS3BucketEncryption::test_s3_default_bucket_encryption,
 * validated against AWS). boltstack encrypts nothing and answers AES256 for every object, which is
 * what SSE-S3 looks like from outside, so only an AES256 default is emulated; KMS defaults answer
 * NotImplemented (strict). Terraform's aws_s3_bucket_server_side_encryption_configuration puts one
 * rule, reads it back and deletes without waiting, "as the bucket now always has one"
 * (hashicorp/terraform-provider-aws internal/service/s3/bucket_server_side_encryption_configuration.go).
 *
 * PutBucketEncryption refuses, after the bucket's existence, as S3 does
 * (TestS3BucketEncryption::test_s3_default_bucket_encryption_exc, recorded against AWS): no rule or
 * more than one, 400 MalformedXML; AES256 naming a KMSMasterKeyID, 400 InvalidArgument. S3 accepts
 * BucketKeyEnabled true with AES256 and it changes no object (the same test file,
 * test_s3_sse_bucket_key_default): kept and read back.
 */
import type {
  DeleteBucketEncryptionInput, DeleteBucketEncryptionOutput, GetBucketEncryptionInput, GetBucketEncryptionOutput,
  PutBucketEncryptionInput, PutBucketEncryptionOutput, Rule,
} from '../../../model/generated/s3-types.js';
import { type S3Handler, unsupported } from '../context.js';
import { s3Errors } from '../errors.js';
import type { BucketRecord } from '../records.js';

const SSE_S3 = 'AES256';

export const getBucketEncryption: S3Handler<GetBucketEncryptionInput, GetBucketEncryptionOutput> = async (deps, _ctx, input) => {
  const { encryption } = await deps.store.requireBucket(input.Bucket);
  const rule: Rule = { ApplyServerSideEncryptionByDefault: { SSEAlgorithm: SSE_S3 }, BucketKeyEnabled: encryption?.bucketKeyEnabled ?? false };
  return { ServerSideEncryptionConfiguration: { Rules: [rule] } };
};

export const putBucketEncryption: S3Handler<PutBucketEncryptionInput, PutBucketEncryptionOutput> = async (deps, ctx, input) => {
  await deps.store.requireBucket(input.Bucket);
  const rules = input.ServerSideEncryptionConfiguration?.Rules ?? [];
  if (rules.length !== 1) throw s3Errors.malformedXml();
  const rule = rules[0]!;
  const byDefault = rule.ApplyServerSideEncryptionByDefault;
  // A rule without a default, a KMS default and blocked encryption types: S3's answers to
  // them are not recorded or not emulated, so the request is refused naming the member.
  unsupported(deps, ctx, 'PutBucketEncryption', { ApplyServerSideEncryptionByDefault: byDefault === undefined ? true : undefined }, ['ApplyServerSideEncryptionByDefault']);
  unsupported(deps, ctx, 'PutBucketEncryption', rule, ['BlockedEncryptionTypes']);
  if (byDefault?.SSEAlgorithm === SSE_S3 && byDefault.KMSMasterKeyID !== undefined) {
    throw s3Errors.invalidArgument('a KMSMasterKeyID is not applicable if the default sse algorithm is not aws:kms or aws:kms:dsse', 'ApplyServerSideEncryptionByDefault');
  }
  if (byDefault !== undefined && byDefault.SSEAlgorithm !== SSE_S3) {
    unsupported(deps, ctx, 'PutBucketEncryption', { SSEAlgorithm: byDefault.SSEAlgorithm }, ['SSEAlgorithm']);
    return {}; // --features loose: the default stays what it was.
  }
  const encryption = { bucketKeyEnabled: rule.BucketKeyEnabled === true };
  await deps.store.updateBucket(input.Bucket, (bucket): BucketRecord => ({ ...bucket, encryption }));
  return {};
};

export const deleteBucketEncryption: S3Handler<DeleteBucketEncryptionInput, DeleteBucketEncryptionOutput> = async (deps, _ctx, input) => {
  const current = await deps.store.requireBucket(input.Bucket);
  if (current.encryption === undefined) return {};
  await deps.store.updateBucket(input.Bucket, (bucket): BucketRecord => {
    const { encryption: _reset, ...rest } = bucket;
    return rest;
  });
  return {};
};
