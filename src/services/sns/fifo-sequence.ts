/**
 * FIFO topics' sequence numbers, as native AWS writes them: 20 digits, `1` then the topic's
 * request count times 1000 plus the message's place among the request's new messages. Per
 * topic, the first accepted request is 3: `10000000000000003000`, then `…4000`; a PublishBatch
 * is one request, its new messages `…7000`, `…7001`; a duplicate takes no number and answers the
 * first one's; a refused request takes none; a topic made again under its name starts again at
 * `…3000` (native AWS, radkawar/stackd testdata/aws/sns/fifo.json structured, first,
 * duplicate-same, duplicate-other-group, next, mixed-batch, scope-group1, content-other-group;
 * fifo_projection.json json-content, duplicate-batch, before-recreate, after-recreate;
 * 2026-09-22).
 *
 * A restart must not hand out a number twice, so counts are reserved in blocks in the MetaStore
 * (`q/<topic ARN>` = the first count not yet reserved): one write per BLOCK requests of a topic,
 * awaited before the count that needs it; a restart resumes at the reservation, so numbers keep
 * growing (with a gap) and are never reused.
 */
import type { MetaStore } from '../../storage/meta-store.js';
import { SEQUENCE_PREFIX, SNS_NS, prefixRange, sequenceKey } from './keys.js';

const FIRST = 3;
const BLOCK = 1000;

interface Counter { next: number; reserved: number; writing?: Promise<void> | undefined }

/** Hands out the numbers of one request's new messages; takes the topic's count at the first. */
export type RequestSequence = () => string;

export class FifoSequences {
  readonly #meta: MetaStore;
  readonly #counters = new Map<string, Counter>();

  private constructor(meta: MetaStore) {
    this.#meta = meta;
  }

  static async open(meta: MetaStore): Promise<FifoSequences> {
    const sequences = new FifoSequences(meta);
    for await (const [key, value] of meta.iterate(SNS_NS, prefixRange(SEQUENCE_PREFIX))) {
      const reserved = Number(value);
      sequences.#counters.set(key.slice(SEQUENCE_PREFIX.length), { next: reserved, reserved });
    }
    return sequences;
  }

  /**
   * Undefined when the topic's next count is reserved (the common case: no await); else a
   * promise of the reservation, after which the caller asks again. The caller must take its
   * count in the same synchronous run as the undefined answer (no await, not even of an async
   * helper's return, in between), so concurrent requests cannot pass the reservation:
   * `for (let w = s.reserve(arn); w; w = s.reserve(arn)) await w;` then `s.request(arn)`.
   */
  reserve(topicArn: string): Promise<void> | undefined {
    const counter = this.#counter(topicArn);
    if (counter.next < counter.reserved) return undefined;
    if (counter.writing === undefined) {
      const reserved = counter.next + BLOCK;
      counter.writing = this.#meta.put(SNS_NS, sequenceKey(topicArn), String(reserved))
        .then(() => { if (this.#counters.get(topicArn) === counter) counter.reserved = reserved; })
        .finally(() => { counter.writing = undefined; });
    }
    return counter.writing;
  }

  /** The numbering of one request's new messages (call once the count is reserved). */
  request(topicArn: string): RequestSequence {
    let count: number | undefined;
    let place = 0;
    return () => {
      count ??= this.#counter(topicArn).next++;
      return `1${String(count * 1000 + place++).padStart(19, '0')}`;
    };
  }

  /** A deleted topic's count: a topic made again under its name starts again. */
  async forget(topicArn: string): Promise<void> {
    const counter = this.#counters.get(topicArn);
    if (counter === undefined) return;
    this.#counters.delete(topicArn);
    // A reservation still being written must not land after the delete (a topic made again would
    // then resume at it after a restart).
    await counter.writing?.catch(() => undefined);
    // A topic made again under the name while that write was in flight has its own count now,
    // and may have reserved under the same key: deleting it would let a restart reuse numbers.
    if (this.#counters.has(topicArn)) return;
    await this.#meta.del(SNS_NS, sequenceKey(topicArn));
  }

  #counter(topicArn: string): Counter {
    let counter = this.#counters.get(topicArn);
    if (counter === undefined) this.#counters.set(topicArn, (counter = { next: FIRST, reserved: FIRST }));
    return counter;
  }
}
