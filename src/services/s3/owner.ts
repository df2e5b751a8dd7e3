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
