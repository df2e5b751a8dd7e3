/**
 * GetBucketAcl / PutBucketAcl on a bucket whose ACLs are disabled (Object Ownership
 * BucketOwnerEnforced, S3's default and boltstack's only mode): reading answers the owner's
 * FULL_CONTROL; setting answers 400 AccessControlListNotSupported once the request is a
 * well-formed ACL, whichever ACL it names, the owner's own included (radkawar/stackd
 * testdata/aws/s3/ownership_replay.json seq 57-78, 2026: canned private, bucket-owner-full-control,
 * bucket-owner-read and public-read, x-amz-grant-full-control and x-amz-grant-read naming the
 * owner, all refused, the ACL read after each unchanged). A malformed request gets S3's own
 * error first (acl-request.ts). https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html
 * A bucket created with `x-amz-acl: private` has ACLs on (BucketOwnerPreferred, records.ts): there
 * the owner's own FULL_CONTROL is applied (a no-op) and any other ACL is not emulated.
 */
import type { GetBucketAclInput, GetBucketAclOutput, PutBucketAclInput, PutBucketAclOutput } from '../../../model/generated/s3-types.js';
import { applyOwnerOnlyAcl, checkAclRequest } from '../acl-request.js';
import type { S3Handler } from '../context.js';
import { s3Errors } from '../errors.js';
import { ownerOnlyAcl } from '../owner.js';

export const getBucketAcl: S3Handler<GetBucketAclInput, GetBucketAclOutput> = async (deps, _ctx, input) => {
  const bucket = await deps.store.requireBucket(input.Bucket);
  return ownerOnlyAcl(bucket.owner);
};

export const putBucketAcl: S3Handler<PutBucketAclInput, PutBucketAclOutput> = async (deps, ctx, input) => {
  const bucket = await deps.store.requireBucket(input.Bucket);
  const { ACL, AccessControlPolicy, GrantFullControl, GrantRead, GrantReadACP, GrantWrite, GrantWriteACP } = input;
  const request = { ACL, AccessControlPolicy, GrantFullControl, GrantRead, GrantReadACP, GrantWrite, GrantWriteACP };
  checkAclRequest(deps, ctx, 'PutBucketAcl', request);
  if (bucket.ownership === undefined) throw s3Errors.accessControlListNotSupported();
  applyOwnerOnlyAcl(deps, ctx, 'PutBucketAcl', request, bucket.owner);
  return {};
};
