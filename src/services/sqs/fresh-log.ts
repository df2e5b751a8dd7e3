/**
 * A standard queue's backlog of messages that were visible when sent and have never been
 * received, in send order, as runs of (first sequence number, stride, SentTimestamp, count) in
 * one growable ring of doubles rather than one object per message. A backlog is what piles up
 * under load (a producer ahead of its consumers, an SNS fan-out nobody reads yet): as objects
 * (queue-state.ts `Msg`) each message cost about 250 bytes of heap that every full GC had to mark.
 * A run is messages sent in the same millisecond whose sequence numbers are evenly spaced, 24
 * bytes for all of them. Sequence numbers come from one counter for all queues (log-numbers.ts):
 * one queue's sends alone are consecutive (stride 1), and an SNS fan-out to ten queues gives each
 * queue every eleventh number (ten copies and their shared body per publish). Under load most
 * messages share their millisecond with others (a SendMessage replay at 10,000/s puts about 10
 * in each; an SNS fan-out at 5,000 publishes/s about 5 per queue).
 * A message leaves the log only from the front: when it is first received (it then becomes a
 * `Msg`), expires, or the queue is purged or deleted.
 */
const INITIAL_RUNS = 64;
/** Doubles per run: first sequence number, stride, packed SentTimestamp and count. */
const RUN = 3;
/**
 * A run's SentTimestamp and count share one double: sent * RUN_LIMIT + (count - 1). Exact for
 * integer timestamps below 2^53 / 1024 ms (year 2248); a longer run starts a new one.
 */
const RUN_LIMIT = 1024;

export class FreshLog {
  /** [seq0, stride0, packed0, seq1, ...] from `#head` (in runs), wrapping around. */
  #ring = new Float64Array(INITIAL_RUNS * RUN);
  #head = 0;
  #runs = 0;
  #size = 0;

  /** Messages in the log. */
  get size(): number { return this.#size; }

  /** Runs held (tests: what the backlog costs is 24 bytes a run). */
  get runs(): number { return this.#runs; }

  push(seq: number, sent: number): void {
    if (this.#runs > 0) {
      const last = this.#at(this.#runs - 1);
      const ring = this.#ring;
      const first = ring[last]!;
      const packed = ring[last + 2]!;
      const count = (packed % RUN_LIMIT) + 1;
      if (sent === Math.floor(packed / RUN_LIMIT) && count < RUN_LIMIT) {
        // A run of one takes its stride from its second message.
        if (count === 1 && seq > first) {
          ring[last + 1] = seq - first;
          ring[last + 2] = packed + 1;
          this.#size++;
          return;
        }
        if (count > 1 && seq === first + count * ring[last + 1]!) {
          ring[last + 2] = packed + 1;
          this.#size++;
          return;
        }
      }
    }
    if (this.#runs === this.#ring.length / RUN) this.#grow();
    const at = this.#at(this.#runs);
    this.#ring[at] = seq;
    this.#ring[at + 1] = 0;
    this.#ring[at + 2] = sent * RUN_LIMIT;
    this.#runs++;
    this.#size++;
  }

  /** The oldest message's sequence number (call only when size > 0). */
  frontSeq(): number { return this.#ring[this.#head * RUN]!; }

  /** The oldest message's SentTimestamp (call only when size > 0). */
  frontSent(): number { return Math.floor(this.#ring[this.#head * RUN + 2]! / RUN_LIMIT); }

  /** Drops the oldest message. */
  shift(): void {
    if (this.#size === 0) return;
    this.#size--;
    const at = this.#head * RUN;
    if (this.#ring[at + 2]! % RUN_LIMIT > 0) {
      // The run's next message is now its first: same millisecond, one fewer.
      this.#ring[at]! += this.#ring[at + 1]!;
      this.#ring[at + 2]! -= 1;
      return;
    }
    this.#head = (this.#head + 1) % (this.#ring.length / RUN);
    this.#runs--;
    if (this.#runs === 0) this.#head = 0;
    // A drained backlog gives its memory back.
    if (this.#runs === 0 && this.#ring.length > INITIAL_RUNS * RUN * 16) this.#ring = new Float64Array(INITIAL_RUNS * RUN);
  }

  /** The newest message's sequence number, or 0 when empty. */
  lastSeq(): number {
    if (this.#runs === 0) return 0;
    const last = this.#at(this.#runs - 1);
    return this.#ring[last]! + (this.#ring[last + 2]! % RUN_LIMIT) * this.#ring[last + 1]!;
  }

  /** Every message's sequence number, oldest first. */
  seqs(): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.#runs; i++) {
      const at = this.#at(i);
      const first = this.#ring[at]!;
      const stride = this.#ring[at + 1]!;
      const count = (this.#ring[at + 2]! % RUN_LIMIT) + 1;
      for (let j = 0; j < count; j++) out.push(first + j * stride);
    }
    return out;
  }

  clear(): void {
    this.#head = 0;
    this.#runs = 0;
    this.#size = 0;
    if (this.#ring.length > INITIAL_RUNS * RUN) this.#ring = new Float64Array(INITIAL_RUNS * RUN);
  }

  /** Index in the ring of the i-th run from the front. */
  #at(i: number): number {
    return ((this.#head + i) % (this.#ring.length / RUN)) * RUN;
  }

  #grow(): void {
    const runs = this.#ring.length / RUN;
    const next = new Float64Array(runs * 2 * RUN);
    // Unwrap: the front goes to index 0.
    const tail = (runs - this.#head) * RUN;
    next.set(this.#ring.subarray(this.#head * RUN), 0);
    next.set(this.#ring.subarray(0, this.#head * RUN), tail);
    this.#ring = next;
    this.#head = 0;
  }
}
