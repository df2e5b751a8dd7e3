/**
 * Sequence numbers at the API boundary. Stored keys keep SequenceClock's 21-digit form (it orders
 * the record keys, so it is never rewritten); the wire shows 22 digits, as AWS's records do
 * (radkawar/stackd testdata/aws/dynamodb/audit.json, AWS us-east-1 2026-09-17, seq 29-30:
 * "1200003261316805598902", "1400000094811547933239", ...). The mapping adds 9·10^20, so a stored
 * 1xxxx…x (21 digits) becomes 10xxxx…x (22 digits): fixed width, so numeric and string order on
 * the wire both equal stored order.
 */
import { STORED_WIDTH } from './sequence-clock.js';

const SHIFT = 9n * 10n ** 20n;
/** The smallest wire number: every number this build gives out is at or above it. */
const WIRE_MIN = 10n ** 21n;
const STORED_MAX = 10n ** BigInt(STORED_WIDTH) - 1n;

export const toWireSequence = (stored: string): string => (BigInt(stored) + SHIFT).toString();

/**
 * The stored form of a client's sequence number (digits only, checked by the caller). A number
 * below 10^21 is taken as already stored: builds before the mapping answered the stored form
 * itself, and a consumer may have checkpointed one. A number above any this build gives out
 * sorts after every record (it stays a fixed-width key).
 */
export function fromWireSequence(wire: string): string {
  const n = BigInt(wire);
  if (n < WIRE_MIN) return n.toString().padStart(STORED_WIDTH, '0');
  const stored = n - SHIFT;
  return (stored > STORED_MAX ? STORED_MAX : stored).toString();
}
