/**
 * FIFO topics: sequence numbers and the 5-minute deduplication window. A publish with a
 * deduplication id seen in the last 5 minutes is accepted and answered with the first one's
 * MessageId and SequenceNumber, and delivered no second time. The window is kept in memory and
 * in the MetaStore (`f/<topic ARN> <deduplication id>`), written once the message is delivered
 * and before Publish answers, so a restart keeps it; expired ids are dropped as new ones arrive
 * and at start.
 * https://docs.aws.amazon.com/sns/latest/dg/fifo-message-dedup.html
 */
import { createHash } from 'node:crypto';
import type { MetaOp, MetaStore } from '../../storage/meta-store.js';
import { DEDUP_PREFIX, SNS_NS, dedupKey, prefixRange } from './keys.js';
import { FifoSequences } from './fifo-sequence.js';

const WINDOW_MS = 5 * 60_000;

export interface Accepted { messageId: string; sequenceNumber: string }

type Seen = Accepted & { expires: number };

export class FifoState {
  readonly #meta: MetaStore;
  /** Per topic: deduplication id → first answer, with its expiry. */
  readonly #seen = new Map<string, Map<string, Seen>>();
  /** Expired ids dropped from memory, deleted from the store with the next write. */
  #expired: MetaOp[] = [];
  /** Each topic's sequence numbers. */
  readonly sequences: FifoSequences;

  private constructor(meta: MetaStore, sequences: FifoSequences) {
    this.#meta = meta;
    this.sequences = sequences;
  }

  static async open(meta: MetaStore): Promise<FifoState> {
    const state = new FifoState(meta, await FifoSequences.open(meta));
    const now = Date.now();
    const loaded: Array<{ topic: string; id: string; seen: Seen }> = [];
    for await (const [key, value] of meta.iterate(SNS_NS, prefixRange(DEDUP_PREFIX))) {
      const rest = key.slice(DEDUP_PREFIX.length);
      const space = rest.indexOf(' ');
      const seen = JSON.parse(value) as Seen;
      if (seen.expires <= now) state.#expired.push({ type: 'del', ns: SNS_NS, key });
      else loaded.push({ topic: rest.slice(0, space), id: rest.slice(space + 1), seen });
    }
    // Insertion order must be expiry order (remember() drops the expired head).
    loaded.sort((a, b) => a.seen.expires - b.seen.expires);
    for (const { topic, id, seen } of loaded) state.#topic(topic).set(id, seen);
    return state;
  }

  /** The earlier answer for this deduplication id, if it is within the window. */
  duplicate(topicArn: string, dedupId: string): Accepted | undefined {
    const seen = this.#seen.get(topicArn)?.get(dedupId);
    return seen !== undefined && seen.expires > Date.now() ? seen : undefined;
  }

  remember(topicArn: string, dedupId: string, accepted: Accepted): void {
    const seen = this.#topic(topicArn);
    const now = Date.now();
    // Insertion order is expiry order: drop the expired head as new ids arrive.
    for (const [id, entry] of seen) {
      if (entry.expires > now) break;
      seen.delete(id);
      this.#expired.push({ type: 'del', ns: SNS_NS, key: dedupKey(topicArn, id) });
    }
    seen.delete(dedupId);
    seen.set(dedupId, { ...accepted, expires: now + WINDOW_MS });
  }

  /** Stores the window entries of these (delivered) messages; resolves once durable. */
  async persist(topicArn: string, dedupIds: string[]): Promise<void> {
    const ops = this.#expired;
    this.#expired = [];
    const seen = this.#seen.get(topicArn);
    for (const id of dedupIds) {
      const entry = seen?.get(id);
      if (entry !== undefined) ops.push({ type: 'put', ns: SNS_NS, key: dedupKey(topicArn, id), value: JSON.stringify(entry) });
    }
    if (ops.length > 0) await this.#meta.batch(ops);
  }

  /**
   * Forgets a deleted topic's window and sequence: a topic made again under the same name starts with none
   * (native AWS, radkawar/stackd testdata/aws/sns/fifo_projection.json before-recreate,
   * delete-recreate, recreate, after-recreate, 2026-09-22: the same id gets a new MessageId).
   */
  async forget(topicArn: string): Promise<void> {
    await this.sequences.forget(topicArn);
    const seen = this.#seen.get(topicArn);
    if (seen === undefined) return;
    this.#seen.delete(topicArn);
    const ops: MetaOp[] = [...seen.keys()].map((id) => ({ type: 'del', ns: SNS_NS, key: dedupKey(topicArn, id) }));
    if (ops.length > 0) await this.#meta.batch(ops);
  }

  #topic(topicArn: string): Map<string, Seen> {
    let seen = this.#seen.get(topicArn);
    if (seen === undefined) this.#seen.set(topicArn, (seen = new Map()));
    return seen;
  }
}

/** ContentBasedDeduplication: the SHA-256 of the message body. */
export const contentDedupId = (message: string): string => createHash('sha256').update(message).digest('hex');
