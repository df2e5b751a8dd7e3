/** The canonical owner S3 shows for an account (64 hex chars, derived stably from the id). */
import { createHash } from 'node:crypto';

export function ownerOf(accountId: string): { ID: string; DisplayName: string } {
  return { ID: createHash('sha256').update(`boltstack:${accountId}`).digest('hex'), DisplayName: 'webfile' };
}
