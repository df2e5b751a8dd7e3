/**
 * Receipt handles: opaque to clients, new for every receive. A handle names the queue, the
 * message and which receive it came from (the receive count and time), so a handle from an
 * earlier receive is told apart from the current one without storing handles.
 */
import { sqsErrors } from './errors.js';

export interface ReceiptHandle { queueId: string; seq: number; count: number; received: number }

const PREFIX = 'AQEB';

export function encodeHandle(h: ReceiptHandle): string {
  return PREFIX + Buffer.from(`${h.queueId}:${h.seq.toString(36)}:${h.count.toString(36)}:${h.received.toString(36)}`, 'utf8').toString('base64url');
}

/** The handle's parts; ReceiptHandleIsInvalid when it is not one boltstack made. */
export function decodeHandle(handle: string): ReceiptHandle {
  if (!handle.startsWith(PREFIX)) throw sqsErrors.receiptHandleIsInvalid(handle);
  const parts = Buffer.from(handle.slice(PREFIX.length), 'base64url').toString('utf8').split(':');
  if (parts.length !== 4 || parts.some((p) => !/^[0-9a-z]+$/.test(p))) throw sqsErrors.receiptHandleIsInvalid(handle);
  const [queueId, seq, count, received] = parts as [string, string, string, string];
  return { queueId, seq: parseInt(seq, 36), count: parseInt(count, 36), received: parseInt(received, 36) };
}
