/**
 * FIFO topics: sequence numbers and the 5-minute deduplication window. A publish with a
 * deduplication id seen in the last 5 minutes is accepted and answered with the first one's
 * MessageId and SequenceNumber, and delivered no second time. The window is kept in memory
 * (a restart forgets it; docs/sns.md says so).
 * https://docs.aws.amazon.com/sns/latest/dg/fifo-message-dedup.html
 */
import { createHash } from 'node:crypto';

const WINDOW_MS = 5 * 60_000;

export interface Accepted { messageId: string; sequenceNumber: string }

export class FifoState {
  /** Per topic: deduplication id → first answer, with its expiry. */
  readonly #seen = new Map<string, Map<string, Accepted & { expires: number }>>();
  #sequence = BigInt(Date.now()) * 1_000_000n;

  nextSequenceNumber(): string {
    this.#sequence += 1n;
    return this.#sequence.toString().padStart(20, '0');
  }

  /** The earlier answer for this deduplication id, if it is within the window. */
  duplicate(topicArn: string, dedupId: string): Accepted | undefined {
    const seen = this.#seen.get(topicArn)?.get(dedupId);
    return seen !== undefined && seen.expires > Date.now() ? seen : undefined;
  }

  remember(topicArn: string, dedupId: string, accepted: Accepted): void {
    let seen = this.#seen.get(topicArn);
    if (seen === undefined) this.#seen.set(topicArn, (seen = new Map()));
    const now = Date.now();
    // Insertion order is expiry order: drop the expired head as new ids arrive.
    for (const [id, entry] of seen) {
      if (entry.expires > now) break;
      seen.delete(id);
    }
    seen.delete(dedupId);
    seen.set(dedupId, { ...accepted, expires: now + WINDOW_MS });
  }
}

/** ContentBasedDeduplication: the SHA-256 of the message body. */
export const contentDedupId = (message: string): string => createHash('sha256').update(message).digest('hex');
