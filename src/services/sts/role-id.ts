/**
 * A role's unique id (AROA…), stable for a role ARN as AWS's is for a role: with no IAM in
 * boltstack it is derived from the ARN rather than stored.
 */
import { createHash } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function roleIdOf(roleArn: string): string {
  const digest = createHash('sha256').update(roleArn).digest();
  let out = 'AROA';
  for (let i = 0; i < 17; i++) out += ALPHABET[digest[i]! & 31];
  return out;
}
