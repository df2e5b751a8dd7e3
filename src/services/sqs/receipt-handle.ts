/**
 * Receipt handles: opaque to clients, new for every receive. A handle names the queue, the
 * message and which receive it came from (the receive count and time), so a handle from an
 * earlier receive is told apart from the current one without storing handles.
 */
import { sqsErrors } from './errors.js';

export interface ReceiptHandle { queueId: string; seq: number; count: number; received: number }

const PREFIX = 'AQEB';

/** 36^5, below 2^31: a number is written as two Smis, which V8 writes in base 36 in place. */
const BASE36_LOW = 36 ** 5;

/**
 * As `n.toString(36)` for an integer 0 <= n < 2^53. Sequence numbers (2^40 and up) and receive
 * times (epoch ms) are not Smis, and V8 wrote each through a runtime call (perf of the batch cycle).
 */
function base36(n: number): string {
  if (n < BASE36_LOW) return n.toString(36);
  const high = Math.floor(n / BASE36_LOW);
  return high.toString(36) + (n - high * BASE36_LOW).toString(36).padStart(5, '0');
}

export function encodeHandle(h: ReceiptHandle): string {
  return PREFIX + Buffer.from(`${h.queueId}:${base36(h.seq)}:${base36(h.count)}:${base36(h.received)}`, 'utf8').toString('base64url');
}

/** Four parts of base-36 digits: what encodeHandle writes. */
const PARTS = /^([0-9a-z]+):([0-9a-z]+):([0-9a-z]+):([0-9a-z]+)$/;

/** The handle's parts; ReceiptHandleIsInvalid when it is not one boltstack made. */
export function decodeHandle(handle: string): ReceiptHandle {
  if (!handle.startsWith(PREFIX)) throw sqsErrors.receiptHandleIsInvalid();
  const parts = PARTS.exec(Buffer.from(handle.slice(PREFIX.length), 'base64url').toString('utf8'));
  if (parts === null) throw sqsErrors.receiptHandleIsInvalid();
  return { queueId: parts[1]!, seq: parseInt(parts[2]!, 36), count: parseInt(parts[3]!, 36), received: parseInt(parts[4]!, 36) };
}
