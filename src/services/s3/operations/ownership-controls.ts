/**
 * Get/PutBucketOwnershipControls. A bucket is what S3 creates by default since April 2023, Object
 * Ownership BucketOwnerEnforced, ACLs disabled (AWS S3 User Guide, "Setting Object Ownership when
 * you create a bucket"; native AWS: radkawar/stackd testdata/aws/s3/ownership_replay.json seq 4
 * default-ownership, 2026), unless it was created with `x-amz-acl: private` and no
 * x-amz-object-ownership, which S3 makes BucketOwnerPreferred (records.ts). PutBucketOwnershipControls
 * moves a bucket between those two (seq 9-10, 485-486, 496-497): boltstack's ACLs are always the
 * owner's FULL_CONTROL, so enforcing never meets the ACL S3 refuses to enforce over (seq 599, 606).
 * ObjectWriter is not emulated (strict: NotImplemented).
 * DeleteBucketOwnershipControls leaves the bucket without controls: 204, then
 * GetBucketOwnershipControls is 404 OwnershipControlsNotFoundError (AWS S3 API reference,
 * DeleteBucketOwnershipControls; the code Terraform's aws_s3_bucket_ownership_controls waits for
 * after its delete, hashicorp/terraform-provider-aws internal/service/s3/bucket_ownership_controls.go,
 * v5). S3 treats such a bucket as ObjectWriter, ACLs on (records.ts). A second delete is 204 too,
 * as DeletePublicAccessBlock of an absent configuration is (radkawar/stackd
 * testdata/aws/s3/public_access_replay.json seq 9).
 */
import type {
  DeleteBucketOwnershipControlsInput, DeleteBucketOwnershipControlsOutput, GetBucketOwnershipControlsInput, GetBucketOwnershipControlsOutput, PutBucketOwnershipControlsInput, PutBucketOwnershipControlsOutput,
} from '../../../model/generated/s3-types.js';
import { type S3Handler, unsupported } from '../context.js';
import { s3Errors } from '../errors.js';
import type { BucketRecord } from '../records.js';

const BUCKET_OWNER_ENFORCED = 'BucketOwnerEnforced';
const BUCKET_OWNER_PREFERRED = 'BucketOwnerPreferred';
const OBJECT_WRITER = 'ObjectWriter';
const NO_CONTROLS = 'NoControls';

export const getBucketOwnershipControls: S3Handler<GetBucketOwnershipControlsInput, GetBucketOwnershipControlsOutput> = async (deps, _ctx, input) => {
  const bucket = await deps.store.requireBucket(input.Bucket);
  if (bucket.ownership === NO_CONTROLS) throw s3Errors.ownershipControlsNotFound(input.Bucket);
  return { OwnershipControls: { Rules: [{ ObjectOwnership: bucket.ownership ?? BUCKET_OWNER_ENFORCED }] } };
};

export const putBucketOwnershipControls: S3Handler<PutBucketOwnershipControlsInput, PutBucketOwnershipControlsOutput> = async (deps, ctx, input) => {
  const current = await deps.store.requireBucket(input.Bucket);
  const mode = ownershipAsked(input);
  if (mode === OBJECT_WRITER) {
    unsupported(deps, ctx, 'PutBucketOwnershipControls', input, ['OwnershipControls']);
    return {}; // --features loose: the request changes nothing.
  }
  if ((current.ownership ?? BUCKET_OWNER_ENFORCED) === mode) return {};
  await deps.store.updateBucket(input.Bucket, (bucket): BucketRecord => {
    const { ownership: _old, ...rest } = bucket;
    return mode === BUCKET_OWNER_PREFERRED ? { ...rest, ownership: BUCKET_OWNER_PREFERRED } : rest;
  });
  return {};
};

/**
 * The one rule's mode, or S3's 400 for a document that is no valid configuration: more than one
 * rule, or an ObjectOwnership that is none of the three, is MalformedXML (versity/versitygw
 * tests/integration PutBucketOwnershipControls_multiple_rules, _invalid_ownership, written to
 * S3's answers; before, boltstack answered 501, and 200 changing nothing under --features loose).
 * No body at all is MissingRequestBodyError (AWS S3 API reference, Error responses; before, a 200
 * that set nothing, hostile pass 27). The bucket is checked first, as PutBucketEncryption's
 * recorded order has it (bucket-encryption.ts).
 */
function ownershipAsked(input: PutBucketOwnershipControlsInput): string {
  if (input.OwnershipControls === undefined) throw s3Errors.missingRequestBody();
  const rules = input.OwnershipControls.Rules ?? [];
  const mode = rules.length === 1 ? rules[0]!.ObjectOwnership : undefined;
  if (mode !== BUCKET_OWNER_ENFORCED && mode !== BUCKET_OWNER_PREFERRED && mode !== OBJECT_WRITER) throw s3Errors.malformedXml();
  return mode;
}

export const deleteBucketOwnershipControls: S3Handler<DeleteBucketOwnershipControlsInput, DeleteBucketOwnershipControlsOutput> = async (deps, _ctx, input) => {
  const current = await deps.store.requireBucket(input.Bucket);
  if (current.ownership === NO_CONTROLS) return {};
  await deps.store.updateBucket(input.Bucket, (bucket): BucketRecord => ({ ...bucket, ownership: NO_CONTROLS }));
  return {};
};
