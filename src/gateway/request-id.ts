/**
 * Request ids as AWS shapes them: S3 uses 16 upper-case hex characters plus a base64 x-amz-id-2;
 * the JSON and query services use a UUID. A per-instance counter behind a random prefix keeps
 * ids unique without calling the CSPRNG on every request (hot path).
 */
import { randomBytes, randomUUID } from 'node:crypto';

export interface RequestIds {
  s3(): { requestId: string; hostId: string };
  uuid(): string;
}

export function createRequestIds(): RequestIds {
  const prefix = randomBytes(4).toString('hex').toUpperCase();
  const hostId = randomBytes(48).toString('base64');
  let counter = 0;
  return {
    s3: () => {
      counter = (counter + 1) >>> 0;
      return { requestId: prefix + counter.toString(16).toUpperCase().padStart(8, '0'), hostId };
    },
    uuid: () => randomUUID(),
  };
}
