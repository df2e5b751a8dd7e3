/**
 * The owner S3 shows for an account: its canonical user id, 64 hex characters, derived stably
 * from the account id (so each account has its own, the same on every run). No DisplayName: S3
 * stopped returning it on November 21, 2025, in every region.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_Owner.html
 */
import { createHash } from 'node:crypto';

export function ownerOf(accountId: string): { ID: string } {
  return { ID: createHash('sha256').update(`boltstack:${accountId}`).digest('hex') };
}

/**
 * The ACL S3 shows for a bucket, or an object, whose ACLs are disabled (Object Ownership
 * BucketOwnerEnforced, boltstack's only mode): the owner, and one grant, the owner's
 * FULL_CONTROL, the grantee typed by its xsi:type attribute (radkawar/stackd
 * testdata/aws/s3/ownership_replay.json seq 5, 12, 58, 60, 2026: no DisplayName).
 */
export function ownerOnlyAcl(accountId: string): { Owner: { ID: string }; Grants: { Grantee: { Type: string; ID: string }; Permission: string }[] } {
  const owner = ownerOf(accountId);
  return { Owner: owner, Grants: [{ Grantee: { Type: 'CanonicalUser', ID: owner.ID }, Permission: 'FULL_CONTROL' }] };
}
