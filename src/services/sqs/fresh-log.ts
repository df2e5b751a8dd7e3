/**
 * A standard queue's backlog of messages that were visible when sent and have never been
 * received, in send order, as (sequence number, SentTimestamp) pairs in one growable ring of
 * doubles rather than one object per message. A backlog is what piles up under load (a producer
 * ahead of its consumers, an SNS fan-out nobody reads yet): as objects (queue-state.ts `Msg`)
 * each message cost about 250 bytes of heap that every full GC had to mark; here it costs 16.
 * A message leaves the log only from the front: when it is first received (it then becomes a
 * `Msg`), expires, or the queue is purged or deleted.
 */
const INITIAL_PAIRS = 64;

export class FreshLog {
  /** [seq0, sent0, seq1, sent1, ...] from `#head` (in pairs), wrapping around. */
  #ring = new Float64Array(INITIAL_PAIRS * 2);
  #head = 0;
  #size = 0;

  get size(): number { return this.#size; }

  push(seq: number, sent: number): void {
    const capacity = this.#ring.length >> 1;
    if (this.#size === capacity) this.#grow();
    const at = ((this.#head + this.#size) % (this.#ring.length >> 1)) * 2;
    this.#ring[at] = seq;
    this.#ring[at + 1] = sent;
    this.#size++;
  }

  /** The oldest message's sequence number (call only when size > 0). */
  frontSeq(): number { return this.#ring[this.#head * 2]!; }

  /** The oldest message's SentTimestamp (call only when size > 0). */
  frontSent(): number { return this.#ring[this.#head * 2 + 1]!; }

  /** Drops the oldest message. */
  shift(): void {
    if (this.#size === 0) return;
    this.#head = (this.#head + 1) % (this.#ring.length >> 1);
    this.#size--;
    if (this.#size === 0) this.#head = 0;
    // A drained backlog gives its memory back.
    if (this.#size === 0 && this.#ring.length > INITIAL_PAIRS * 2 * 16) this.#ring = new Float64Array(INITIAL_PAIRS * 2);
  }

  /** The newest message's sequence number, or 0 when empty. */
  lastSeq(): number {
    if (this.#size === 0) return 0;
    return this.#ring[((this.#head + this.#size - 1) % (this.#ring.length >> 1)) * 2]!;
  }

  /** Every message's sequence number, oldest first. */
  seqs(): number[] {
    const out: number[] = [];
    const pairs = this.#ring.length >> 1;
    for (let i = 0; i < this.#size; i++) out.push(this.#ring[((this.#head + i) % pairs) * 2]!);
    return out;
  }

  clear(): void {
    this.#head = 0;
    this.#size = 0;
    if (this.#ring.length > INITIAL_PAIRS * 2) this.#ring = new Float64Array(INITIAL_PAIRS * 2);
  }

  #grow(): void {
    const pairs = this.#ring.length >> 1;
    const next = new Float64Array(pairs * 4);
    // Unwrap: the front goes to index 0.
    const tail = (pairs - this.#head) * 2;
    next.set(this.#ring.subarray(this.#head * 2), 0);
    next.set(this.#ring.subarray(0, this.#head * 2), tail);
    this.#ring = next;
    this.#head = 0;
  }
}
