/**
 * What SQS stores (keys.ts says where). Records are JSON; binary attribute values are base64 so
 * a record is one string. A message is split in two records: what was sent (never rewritten) and
 * its state (rewritten on every receive), so a receive never rewrites a 1 MiB body.
 */

export interface QueueRecord {
  id: string;
  name: string;
  account: string;
  region: string;
  fifo: boolean;
  /** Epoch seconds, as GetQueueAttributes answers them. */
  created: number;
  modified: number;
  /** The settable attributes as the user set them (defaults are not stored). */
  attributes: Record<string, string>;
  tags: Record<string, string>;
}

/** A message attribute as stored: binary values in base64. */
export interface StoredAttribute {
  DataType: string;
  StringValue?: string;
  BinaryValue?: string;
}

export interface MessageRecord {
  /** MessageId */
  id: string;
  body: string;
  md5: string;
  attrs?: Record<string, StoredAttribute>;
  md5Attrs?: string;
  /** AWSTraceHeader and other system attributes sent with the message. */
  sys?: Record<string, StoredAttribute>;
  /** SentTimestamp, epoch ms. */
  sent: number;
  sender: string;
  /** When the message first becomes visible (sent + delay), epoch ms. */
  visibleAt: number;
  group?: string;
  dedup?: string;
  /** FIFO SequenceNumber. */
  seqNo?: string;
  /** DeadLetterQueueSourceArn, once redriven to a dead-letter queue. */
  dlqSource?: string;
  /** Receives before it came to this queue (a dead-letter queue keeps counting). */
  priorReceives?: number;
  /**
   * The shared body this message's body is made of (shared-bodies.ts): as stored, `body` is only
   * the message's own part of it, and `md5` may be empty (computed when the body is read). A
   * record read through SqsStore.readMessages always has its whole body and MD5.
   */
  ref?: number;
}

/** The mutable part of a message, stored once it has been received. */
export interface MessageState {
  /** ApproximateReceiveCount */
  count: number;
  /** ApproximateFirstReceiveTimestamp, epoch ms. */
  first: number;
  /** When the message is visible again, epoch ms. */
  visibleAt: number;
  /** When the current receive happened (the 12-hour visibility limit counts from it). */
  received: number;
}

export interface DedupRecord {
  expires: number;
  messageId: string;
  seqNo?: string;
  group?: string;
}

export const encodeState = (s: MessageState): string => `${s.count},${s.first},${s.visibleAt},${s.received}`;
export function decodeState(text: string): MessageState {
  const [count, first, visibleAt, received] = text.split(',').map(Number);
  return { count: count!, first: first!, visibleAt: visibleAt!, received: received ?? first! };
}
