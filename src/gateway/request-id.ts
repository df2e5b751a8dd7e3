/**
 * Request ids as AWS shapes them: S3 uses 16 upper-case hex characters plus a base64 x-amz-id-2;
 * DynamoDB 52 characters of base32hex (0-9, A-V), the first 26 changing per request and the last
 * 26 the same for every answer of one endpoint (answers of us-east-1 DynamoDB from 2019 to 2022,
 * e.g. "81RT0S7OISJUMUPABFMPQ61LKRVV4KQNSO5AEMVJF66Q9ASUAAJG", as boto3 prints them in
 * ResponseMetadata); the other JSON and query services use a UUID. A per-instance counter behind a random prefix keeps
 * ids unique without calling the CSPRNG on every request (hot path): for the UUIDs, the first
 * 24 characters of one random v4 UUID, then a counter of 12 hex digits in two parts that start at
 * random values: 5 digits that change once per 2^24 ids (their text is kept with the prefix), and
 * 7 digits counted from 0x1000000 (so always 7, no padding: padStart made a second string per id,
 * SendMessage profile). Each part stays a small integer, whose toString(16) V8 answers on its fast
 * path; one 48-bit number took a runtime call per id (0.6% of SendMessage's main thread).
 * randomUUID() per request cost ~600 bytes of garbage (its string is built pair by pair) and
 * showed in the GetItem profile.
 */
import { randomBytes, randomUUID } from 'node:crypto';

export interface RequestIds {
  s3(): { requestId: string; hostId: string };
  dynamodb(): string;
  uuid(): string;
}

/** The high part stays within [HIGH_MIN, HIGH_END): always 5 hex digits. */
const HIGH_MIN = 0x10000;
const HIGH_END = 0x100000;
/** The low part stays within [LOW_MIN, LOW_END): always 7 hex digits. */
const LOW_MIN = 0x1000000;
const LOW_END = 0x2000000;

/**
 * DynamoDB's counter: 7 base32 digits counted from 32^6 (so always 7, no padding) behind 19
 * random ones; a fresh random head when it runs out, as for the UUIDs.
 */
const DDB_LOW_MIN = 32 ** 6;
const DDB_LOW_END = 2 * 32 ** 6;

/** `n` random base32hex digits, upper case. */
function randomBase32(n: number): string {
  const bytes = randomBytes(n);
  let out = '';
  for (const b of bytes) out += (b & 31).toString(32);
  return out.toUpperCase();
}

/** Where a UUID counter starts (tests start it next to a carry). */
export interface UuidCounterStart { high: number; low: number }

function randomStart(): UuidCounterStart {
  const r = randomBytes(6);
  return { high: HIGH_MIN + (r.readUIntBE(0, 3) % (HIGH_END - HIGH_MIN)), low: LOW_MIN + (r.readUIntBE(3, 3) % (LOW_END - LOW_MIN)) };
}

export function createRequestIds(uuidStart: UuidCounterStart = randomStart()): RequestIds {
  const prefix = randomBytes(4).toString('hex').toUpperCase();
  const hostId = randomBytes(48).toString('base64');
  let counter = 0;
  let uuidPrefix = randomUUID().slice(0, 24);
  let high = uuidStart.high;
  let low = uuidStart.low;
  let head = uuidPrefix + high.toString(16);
  const ddbTail = randomBase32(26);
  let ddbHead = randomBase32(19);
  let ddbLow = DDB_LOW_MIN + (randomBytes(4).readUInt32BE(0) % (DDB_LOW_END - DDB_LOW_MIN));
  return {
    s3: () => {
      counter = (counter + 1) >>> 0;
      return { requestId: prefix + counter.toString(16).toUpperCase().padStart(8, '0'), hostId };
    },
    dynamodb: () => {
      if (++ddbLow === DDB_LOW_END) {
        ddbLow = DDB_LOW_MIN;
        ddbHead = randomBase32(19);
      }
      return ddbHead + ddbLow.toString(32).toUpperCase() + ddbTail;
    },
    uuid: () => {
      if (++low === LOW_END) {
        low = LOW_MIN;
        if (++high === HIGH_END) {
          // Trillions of requests later: a fresh random prefix keeps every id unique.
          uuidPrefix = randomUUID().slice(0, 24);
          high = HIGH_MIN;
        }
        head = uuidPrefix + high.toString(16);
      }
      return head + low.toString(16);
    },
  };
}
