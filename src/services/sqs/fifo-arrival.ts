/**
 * A message that arrives in a FIFO queue by redrive — to its dead-letter queue after
 * maxReceiveCount receives, or from a dead-letter queue by a message move task — is sequenced by
 * that queue (a new SequenceNumber) and deduplicated there by the MessageId it had before the
 * move (its MessageDeduplicationId becomes that MessageId): a later send with that deduplication
 * id answers the arrived message, and a move task drops a message the destination has already seen.
 * Observed on AWS: radkawar/stackd testdata/aws/sqs/fifo_redrive.json and
 * fifo_redrive_late_arrival.json (us-east-1, 2026-09-12).
 */
import type { MetaOp } from '../../storage/meta-store.js';
import { SQS_NS, dedupKey } from './keys.js';
import type { QueueState } from './queue-state.js';
import type { DedupRecord, MessageRecord } from './records.js';
import { DEDUP_WINDOW_MS, sequenceNumber } from './send.js';
import type { Queue } from './store.js';

const keyOf = (queue: Queue, group: string | undefined, dedup: string): string =>
  queue.record.attributes.DeduplicationScope === 'messageGroup' ? `${group}\u0001${dedup}` : dedup;

/** The live deduplication entry `dedup` has in `queue`, if any. */
export function seenIn(queue: Queue, state: QueueState, group: string | undefined, dedup: string, now: number): DedupRecord | undefined {
  const seen = state.dedup.get(keyOf(queue, group, dedup));
  return seen !== undefined && seen.expires > now ? seen : undefined;
}

/**
 * Gives `record` (already the arrived copy, its `id` the MessageId it has in `queue`) its sequence
 * number and deduplication id `dedup` in `queue`, and reserves that id (stored with `ops`).
 */
export function arriveFifo(queue: Queue, state: QueueState, record: MessageRecord, seq: number, dedup: string, now: number, ops: MetaOp[]): void {
  record.seqNo = sequenceNumber(seq);
  record.dedup = dedup;
  const key = keyOf(queue, record.group, dedup);
  const entry: DedupRecord = { expires: now + DEDUP_WINDOW_MS, messageId: record.id, seqNo: record.seqNo };
  state.dedup.set(key, entry);
  ops.push({ type: 'put', ns: SQS_NS, key: dedupKey(queue.id, key), value: JSON.stringify(entry) });
}
