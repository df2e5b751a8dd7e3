/**
 * Request ids as AWS shapes them: S3 uses 16 upper-case hex characters plus a base64 x-amz-id-2;
 * the JSON and query services use a UUID. A per-instance counter behind a random prefix keeps
 * ids unique without calling the CSPRNG on every request (hot path): for the UUIDs, the first
 * 24 characters of one random v4 UUID and 12 hex digits of a counter that starts at a random
 * value with exactly 12 hex digits (2^44 up to 2^48), so no id needs padding (padStart made a
 * second string per id: SendMessage profile). randomUUID() per request cost ~600 bytes of
 * garbage (its string is built pair by pair) and showed in the GetItem profile.
 */
import { randomBytes, randomUUID } from 'node:crypto';

export interface RequestIds {
  s3(): { requestId: string; hostId: string };
  uuid(): string;
}

/** The uuid counter stays within [COUNTER_MIN, COUNTER_SPAN): always 12 hex digits. */
const COUNTER_MIN = 2 ** 44;
const COUNTER_SPAN = 2 ** 48;

export function createRequestIds(): RequestIds {
  const prefix = randomBytes(4).toString('hex').toUpperCase();
  const hostId = randomBytes(48).toString('base64');
  let counter = 0;
  let uuidPrefix = randomUUID().slice(0, 24);
  let uuidCounter = COUNTER_MIN + (randomBytes(6).readUIntBE(0, 6) % (COUNTER_SPAN - COUNTER_MIN));
  return {
    s3: () => {
      counter = (counter + 1) >>> 0;
      return { requestId: prefix + counter.toString(16).toUpperCase().padStart(8, '0'), hostId };
    },
    uuid: () => {
      uuidCounter++;
      if (uuidCounter >= COUNTER_SPAN) {
        // Trillions of requests later: a fresh random prefix keeps every id unique.
        uuidPrefix = randomUUID().slice(0, 24);
        uuidCounter = COUNTER_MIN;
      }
      return uuidPrefix + uuidCounter.toString(16);
    },
  };
}
