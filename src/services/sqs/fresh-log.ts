/**
 * A standard queue's backlog of messages that were visible when sent and have never been
 * received, in send order, as runs of (first sequence number, SentTimestamp, count) in one
 * growable ring of doubles rather than one object per message. A backlog is what piles up under
 * load (a producer ahead of its consumers, an SNS fan-out nobody reads yet): as objects
 * (queue-state.ts `Msg`) each message cost about 250 bytes of heap that every full GC had to mark.
 * A run is consecutive sequence numbers sent in the same millisecond, 16 bytes for all of them:
 * under load most messages share their millisecond with others (a SendMessage replay at 10,000/s
 * puts about 10 in each; an SNS fan-out at 3,000 publishes/s about 3 per queue), and a backlog of
 * 100,000 messages held 2 MiB of ring (plus the old one while it grew) as one pair per message.
 * A message leaves the log only from the front: when it is first received (it then becomes a
 * `Msg`), expires, or the queue is purged or deleted.
 */
const INITIAL_RUNS = 64;
/**
 * A run's SentTimestamp and count share one double: sent * RUN_LIMIT + (count - 1). Exact for
 * integer timestamps below 2^53 / 1024 ms (year 2248); a longer run starts a new one.
 */
const RUN_LIMIT = 1024;

export class FreshLog {
  /** [seq0, packed0, seq1, packed1, ...] from `#head` (in runs), wrapping around. */
  #ring = new Float64Array(INITIAL_RUNS * 2);
  #head = 0;
  #runs = 0;
  #size = 0;

  /** Messages in the log. */
  get size(): number { return this.#size; }

  push(seq: number, sent: number): void {
    if (this.#runs > 0) {
      const last = this.#at(this.#runs - 1);
      const packed = this.#ring[last + 1]!;
      const count = (packed % RUN_LIMIT) + 1;
      if (seq === this.#ring[last]! + count && sent === Math.floor(packed / RUN_LIMIT) && count < RUN_LIMIT) {
        this.#ring[last + 1] = packed + 1;
        this.#size++;
        return;
      }
    }
    if (this.#runs === this.#ring.length >> 1) this.#grow();
    const at = this.#at(this.#runs);
    this.#ring[at] = seq;
    this.#ring[at + 1] = sent * RUN_LIMIT;
    this.#runs++;
    this.#size++;
  }

  /** The oldest message's sequence number (call only when size > 0). */
  frontSeq(): number { return this.#ring[this.#head * 2]!; }

  /** The oldest message's SentTimestamp (call only when size > 0). */
  frontSent(): number { return Math.floor(this.#ring[this.#head * 2 + 1]! / RUN_LIMIT); }

  /** Drops the oldest message. */
  shift(): void {
    if (this.#size === 0) return;
    this.#size--;
    const at = this.#head * 2;
    if (this.#ring[at + 1]! % RUN_LIMIT > 0) {
      // The run's next message is now its first: same millisecond, one fewer.
      this.#ring[at]! += 1;
      this.#ring[at + 1]! -= 1;
      return;
    }
    this.#head = (this.#head + 1) % (this.#ring.length >> 1);
    this.#runs--;
    if (this.#runs === 0) this.#head = 0;
    // A drained backlog gives its memory back.
    if (this.#runs === 0 && this.#ring.length > INITIAL_RUNS * 2 * 16) this.#ring = new Float64Array(INITIAL_RUNS * 2);
  }

  /** The newest message's sequence number, or 0 when empty. */
  lastSeq(): number {
    if (this.#runs === 0) return 0;
    const last = this.#at(this.#runs - 1);
    return this.#ring[last]! + (this.#ring[last + 1]! % RUN_LIMIT);
  }

  /** Every message's sequence number, oldest first. */
  seqs(): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.#runs; i++) {
      const at = this.#at(i);
      const first = this.#ring[at]!;
      const count = (this.#ring[at + 1]! % RUN_LIMIT) + 1;
      for (let j = 0; j < count; j++) out.push(first + j);
    }
    return out;
  }

  clear(): void {
    this.#head = 0;
    this.#runs = 0;
    this.#size = 0;
    if (this.#ring.length > INITIAL_RUNS * 2) this.#ring = new Float64Array(INITIAL_RUNS * 2);
  }

  /** Index in the ring of the i-th run from the front. */
  #at(i: number): number {
    return ((this.#head + i) % (this.#ring.length >> 1)) * 2;
  }

  #grow(): void {
    const runs = this.#ring.length >> 1;
    const next = new Float64Array(runs * 4);
    // Unwrap: the front goes to index 0.
    const tail = (runs - this.#head) * 2;
    next.set(this.#ring.subarray(this.#head * 2), 0);
    next.set(this.#ring.subarray(0, this.#head * 2), tail);
    this.#ring = next;
    this.#head = 0;
  }
}
