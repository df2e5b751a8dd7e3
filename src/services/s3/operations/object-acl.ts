/**
 * GetObjectAcl / PutObjectAcl in a bucket whose ACLs are disabled (BucketOwnerEnforced): an
 * object's ACL is the bucket owner's FULL_CONTROL whatever ACL it was written with, and setting
 * one answers 400 AccessControlListNotSupported (radkawar/stackd testdata/aws/s3/
 * ownership_replay.json seq 12-76 and 346, 2026). A missing key is 404 NoSuchKey (seq 360
 * GetObjectAcl, seq 365 PutObjectAcl, both recorded in a bucket with ACLs enabled: AWS's order
 * of the key lookup and the ACL refusal in a bucket without them is not recorded; boltstack looks
 * the key up first, as every other object operation does).
 *
 * versionId=null names the one version of a never-versioned bucket's object, as on HeadObject
 * (radkawar/stackd testdata/aws/s3/versioning_null.json); any other id is not emulated.
 */
import type { GetObjectAclInput, GetObjectAclOutput, PutObjectAclInput, PutObjectAclOutput } from '../../../model/generated/s3-types.js';
import { applyOwnerOnlyAcl, checkAclRequest } from '../acl-request.js';
import type { S3Deps, S3Handler } from '../context.js';
import { s3Errors } from '../errors.js';
import { onlyNullVersion } from '../null-version.js';
import { ownerOnlyAcl } from '../owner.js';

export const getObjectAcl: S3Handler<GetObjectAclInput, GetObjectAclOutput> = async (deps, ctx, input) => {
  onlyNullVersion(deps, ctx, 'GetObjectAcl', { VersionId: input.VersionId });
  const bucket = await deps.store.requireBucket(input.Bucket);
  await requireKey(deps, input);
  return ownerOnlyAcl(bucket.owner);
};

export const putObjectAcl: S3Handler<PutObjectAclInput, PutObjectAclOutput> = async (deps, ctx, input) => {
  onlyNullVersion(deps, ctx, 'PutObjectAcl', { VersionId: input.VersionId });
  const bucket = await deps.store.requireBucket(input.Bucket);
  const { ACL, AccessControlPolicy, GrantFullControl, GrantRead, GrantReadACP, GrantWrite, GrantWriteACP } = input;
  const request = { ACL, AccessControlPolicy, GrantFullControl, GrantRead, GrantReadACP, GrantWrite, GrantWriteACP };
  checkAclRequest(deps, ctx, 'PutObjectAcl', request);
  await requireKey(deps, input);
  if (bucket.ownership === undefined) throw s3Errors.accessControlListNotSupported();
  // ACLs on (a bucket created with x-amz-acl: private, records.ts): as PutBucketAcl there.
  applyOwnerOnlyAcl(deps, ctx, 'PutObjectAcl', request, bucket.owner);
  return {};
};

async function requireKey(deps: S3Deps, input: { Bucket: string; Key: string }): Promise<void> {
  if (await deps.store.getObject(input.Bucket, input.Key) === undefined) throw s3Errors.noSuchKey(input.Key);
}
