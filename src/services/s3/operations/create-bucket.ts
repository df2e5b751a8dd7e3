/**
 * CreateBucket. Region rules as S3 (location-constraint.ts). Re-creating your own bucket is 200
 * in us-east-1 (legacy) and BucketAlreadyOwnedByYou elsewhere. The legacy 200 changes nothing
 * (objects, tags and CreationDate stay) and is only given to a request that would create the same
 * bucket: one naming creation tags (even the bucket's own) or another region is 409 too
 * (radkawar/stackd testdata/aws/s3/recreation_controls_replay.json seq 161, 190, 221, 223).
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_CreateBucket.html
 */
import type { CreateBucketInput, CreateBucketOutput } from '../../../model/generated/s3-types.js';
import { type S3Handler, checkCannedAcl, grantsOnlyOwner, grantsOthers, unsupported } from '../context.js';
import { s3Errors } from '../errors.js';
import { assertValidBucketName } from '../names.js';
import { partitionOf, placeBucket } from '../location-constraint.js';
import { validateTags, type Tag } from '../tags.js';

const US_EAST_1 = 'us-east-1';

/** Canned bucket ACLs that grant a group besides the owner (AWS S3 User Guide, "Canned ACL"). */
const GRANTING_BUCKET_ACLS: ReadonlySet<string> = new Set(['public-read', 'public-read-write', 'authenticated-read', 'log-delivery-write']);

/**
 * Whether the create asks for an ACL that gives someone besides the owner access, which a bucket
 * with ACLs disabled (BucketOwnerEnforced, the default since April 2023) cannot have: S3 answers
 * 400 InvalidBucketAclWithObjectOwnership (CreateBucket API reference, "Access control lists";
 * AWS's answer to `acl = "public-read"` quoted by terraform and CloudFormation, errors.ts). An ACL
 * for the owner alone (private, a full-control grant to the owner) is a plain create.
 */
function aclReachesPastOwner(input: CreateBucketInput, accountId: string): boolean {
  if (input.ACL !== undefined && GRANTING_BUCKET_ACLS.has(input.ACL)) return true;
  const grants = [input.GrantFullControl, input.GrantRead, input.GrantReadACP, input.GrantWrite, input.GrantWriteACP];
  return grants.some((value) => value !== undefined && grantsOthers(value, accountId));
}

export const createBucket: S3Handler<CreateBucketInput, CreateBucketOutput> = async (deps, ctx, input) => {
  assertValidBucketName(input.Bucket);
  // BucketOwnerEnforced (ACLs off) is S3's default for new buckets; BucketOwnerPreferred (ACLs on)
  // is kept as a bucket whose ACLs are the owner's alone (records.ts); ObjectWriter is not emulated.
  const preferred = input.ObjectOwnership === 'BucketOwnerPreferred';
  if (input.ObjectOwnership !== undefined && input.ObjectOwnership !== 'BucketOwnerEnforced' && !preferred) {
    // A value that is none of the three modes is S3's own 400, whatever is emulated (versity/versitygw
    // tests/integration CreateBucket_invalid_ownership, written to S3's answer; before, 501, and a
    // default bucket under --features loose). No ArgumentName/ArgumentValue is guessed.
    if (input.ObjectOwnership !== 'ObjectWriter') throw s3Errors.invalidArgument(`Invalid x-amz-object-ownership header: ${input.ObjectOwnership}`);
    unsupported(deps, ctx, 'CreateBucket', input, ['ObjectOwnership']);
  }
  if (aclReachesPastOwner(input, ctx.accountId)) {
    // With ACLs on, S3 would apply the ACL: boltstack stores none (strict: NotImplemented).
    if (preferred) unsupported(deps, ctx, 'CreateBucket', input, ['ACL', 'GrantFullControl', 'GrantRead', 'GrantReadACP', 'GrantWrite', 'GrantWriteACP']);
    else throw s3Errors.invalidBucketAclWithObjectOwnership();
  }
  checkCannedAcl(deps, ctx, 'CreateBucket', input.ACL);
  // A full-control grant to the owner alone, and Object Lock left off, ask for the bucket S3
  // creates anyway: AWS answers them as a plain create, repeats in us-east-1 included (native AWS:
  // radkawar/stackd testdata/aws/s3/recreation_authority_replay.json Supplement seq 32, 37, 57,
  // 2026-09-22). Other grants, and Object Lock on, are not emulated.
  const ownerOnlyGrant = input.GrantFullControl !== undefined && grantsOnlyOwner(input.GrantFullControl, ctx.accountId);
  const lockOn = input.ObjectLockEnabledForBucket === true;
  unsupported(deps, ctx, 'CreateBucket', {
    ...input, GrantFullControl: ownerOnlyGrant ? undefined : input.GrantFullControl, ObjectLockEnabledForBucket: lockOn ? true : undefined,
  }, ['GrantFullControl', 'GrantRead', 'GrantReadACP', 'GrantWrite', 'GrantWriteACP', 'ObjectLockEnabledForBucket', 'BucketNamespace']);
  const config = input.CreateBucketConfiguration;
  unsupported(deps, ctx, 'CreateBucket', config ?? {}, ['Location', 'Bucket']);
  const placement = placeBucket(ctx.region, config?.LocationConstraint);
  const tags = config?.Tags && config.Tags.length > 0 ? validateTags(config.Tags as Tag[], 'bucket') : undefined;

  // The answer names the bucket's ARN (x-amz-bucket-arn), a repeated us-east-1 create's too
  // (native AWS: radkawar/stackd testdata/aws/s3/owned_object_delivery.json
  // create-stackd-s3trail-...-source, same-owner-repeat-create-us-east-1, 2026-09-13).
  // A bucket outside us-east-1 is located by its virtual-hosted URL, not by its path (native AWS,
  // us-west-2: radkawar/stackd testdata/aws/s3/recreation_controls_replay.json seq 83, 201).
  const Location = placement.region === US_EAST_1 ? `/${input.Bucket}` : `http://${input.Bucket}.s3.amazonaws.com/`;
  const created: CreateBucketOutput = { Location, BucketArn: `arn:${partitionOf(ctx.region)}:s3:::${input.Bucket}` };
  return deps.store.locks.run(`b\0${input.Bucket}`, async () => {
    const existing = await deps.store.getBucket(input.Bucket);
    if (existing) {
      if (existing.owner !== ctx.accountId) throw s3Errors.bucketAlreadyExists(input.Bucket);
      if (ctx.region === US_EAST_1 && existing.region === US_EAST_1 && placement.region === US_EAST_1 && !tags) return created;
      throw s3Errors.bucketAlreadyOwnedByYou(input.Bucket);
    }
    // x-amz-acl: private without x-amz-object-ownership makes a bucket with ACLs on (records.ts).
    const aclsOn = preferred || (input.ACL === 'private' && input.ObjectOwnership === undefined);
    const ownership = aclsOn ? { ownership: 'BucketOwnerPreferred' as const } : {};
    await deps.store.putBucket({ name: input.Bucket, ...placement, created: Date.now(), owner: ctx.accountId, ...(tags ? { tags } : {}), ...ownership });
    return created;
  });
};
