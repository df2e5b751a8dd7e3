/**
 * A standard queue's backlog of messages that were visible when sent and have never been
 * received, in send order, as runs of (first sequence number, SentTimestamp, stride, count) in
 * chunks of 16 bytes a run rather than one object per message. A backlog is what piles
 * up under load (a producer ahead of its consumers, an SNS fan-out nobody reads yet): as objects
 * (queue-state.ts `Msg`) each message cost about 250 bytes of heap that every full GC had to mark.
 * A run is messages sent in the same millisecond whose sequence numbers are evenly spaced.
 * Sequence numbers come from one counter for all queues (log-numbers.ts): one queue's sends alone
 * are consecutive (stride 1), and an SNS fan-out to ten queues gives each queue every eleventh
 * number (ten copies and their shared body per publish). Under load most messages share their
 * millisecond with others (a SendMessage replay at 10,000/s puts about 10 in each; an SNS fan-out
 * at 5,000 publishes/s about 5 per queue).
 * A message leaves the log only from the front: when it is first received (it then becomes a
 * `Msg`), expires, or the queue is purged or deleted.
 */
/**
 * The runs are held in chunks, oldest first: a queue's first chunk holds 64 runs (1 KiB), each
 * next one twice the last up to CHUNK_RUNS (16 KiB), and a chunk is dropped once its runs are all
 * taken. Growing never copies. A ring that doubled (until the eleventh session) held up to twice
 * its runs, and the ring it replaced stayed allocated until V8's next full GC (its JS object was
 * in old space): the ten rings of an SNS fan-out doubled together, +2.5 MiB at once and 1.25 MiB
 * more until that GC, near the fan-out's peak (`npm run bench -- sns-fanout`).
 */
const INITIAL_RUNS = 64;
const CHUNK_RUNS = 1024;
/** Messages per run at most (2^RUN_BITS); a longer run starts a new one. */
const RUN_BITS = 10;
const RUN_LIMIT = 2 ** RUN_BITS;
/** The count's bits of a run's last word (integer operations: `%` on a word over 2^31 is a float modulo). */
const COUNT_MASK = RUN_LIMIT - 1;
/** Strides below this fit their word beside the count; a wider one starts a new run. */
const STRIDE_LIMIT = 2 ** 32 / RUN_LIMIT;
const OFFSET_LIMIT = 2 ** 32;
/**
 * The widest span of SentTimestamps a rebase (O(runs)) accepts: 24.8 days, longer than the 14
 * days of the longest retention, and it leaves at least a quarter of the offsets' range free on
 * either side, so rebases stay rare. A message whose timestamp needs a rebase over a wider span is
 * not taken (`push` answers false).
 */
const SPAN_LIMIT = 2 ** 31;

/**
 * One chunk of runs: `seqs` and `words` view the same bytes. A run is 16 bytes: its first
 * sequence number as a double (log numbers pass 2^40), then two 32-bit words: its SentTimestamp as
 * an offset from `#sentBase`, and stride * RUN_LIMIT + (count - 1). Against 24 bytes with the
 * timestamp as a double: about 1.3 MiB less at the peak of an SNS fan-out to ten queues nobody
 * reads (`npm run bench -- sns-fanout`).
 */
interface Chunk {
  readonly seqs: Float64Array;
  readonly words: Uint32Array;
  readonly capacity: number;
}

function newChunk(capacity: number): Chunk {
  const seqs = new Float64Array(capacity * 2);
  return { seqs, words: new Uint32Array(seqs.buffer), capacity };
}

export class FreshLog {
  /** Runs from `#head` of the first chunk to `#tail` of the last. */
  #chunks: Chunk[] = [];
  /** Index of the oldest run in `#chunks[0]`. */
  #head = 0;
  /** Runs written in the last chunk. */
  #tail = 0;
  #runs = 0;
  #size = 0;
  /** SentTimestamp of offset 0, set by the first push into an empty log. */
  #sentBase = 0;

  /** Messages in the log. */
  get size(): number { return this.#size; }

  /** Runs held (tests: what the backlog costs is 16 bytes a run). */
  get runs(): number { return this.#runs; }

  /** Bytes of the chunks (tests). */
  get bytes(): number {
    let n = 0;
    for (const c of this.#chunks) n += c.seqs.byteLength;
    return n;
  }

  /**
   * Appends a message (sequence numbers increasing), or answers false when its SentTimestamp lies
   * too far from the others' to be held here (a clock moved by weeks): the caller holds it as a
   * `Msg` (queue-state.ts), which on a standard queue only changes the order it is received in.
   */
  push(seq: number, sent: number): boolean {
    if (this.#runs === 0) this.#sentBase = sent - SPAN_LIMIT;
    let offset = sent - this.#sentBase;
    if (offset < 0 || offset >= OFFSET_LIMIT) {
      if (!this.#rebase(sent)) return false;
      offset = sent - this.#sentBase;
    }
    if (this.#runs > 0) {
      const c = this.#chunks[this.#chunks.length - 1]!;
      const last = this.#tail - 1;
      const first = c.seqs[last * 2]!;
      const word = c.words[last * 4 + 3]!;
      const count = (word & COUNT_MASK) + 1;
      if (offset === c.words[last * 4 + 2] && count < RUN_LIMIT) {
        // A run of one takes its stride from its second message.
        if (count === 1 && seq > first && seq - first < STRIDE_LIMIT) {
          c.words[last * 4 + 3] = (seq - first) * RUN_LIMIT + 1;
          this.#size++;
          return true;
        }
        if (count > 1 && seq === first + count * (word >>> RUN_BITS)) {
          c.words[last * 4 + 3] = word + 1;
          this.#size++;
          return true;
        }
      }
    }
    let c = this.#chunks[this.#chunks.length - 1];
    if (c === undefined || this.#tail === c.capacity) {
      c = newChunk(c === undefined ? INITIAL_RUNS : Math.min(CHUNK_RUNS, c.capacity * 2));
      this.#chunks.push(c);
      this.#tail = 0;
    }
    const at = this.#tail++;
    c.seqs[at * 2] = seq;
    c.words[at * 4 + 2] = offset;
    c.words[at * 4 + 3] = 0;
    this.#runs++;
    this.#size++;
    return true;
  }

  /** The oldest message's sequence number (call only when size > 0). */
  frontSeq(): number { return this.#chunks[0]!.seqs[this.#head * 2]!; }

  /** The oldest message's SentTimestamp (call only when size > 0). */
  frontSent(): number { return this.#sentBase + this.#chunks[0]!.words[this.#head * 4 + 2]!; }

  /** Drops the oldest message. */
  shift(): void {
    if (this.#size === 0) return;
    this.#size--;
    const c = this.#chunks[0]!;
    const at = this.#head;
    const word = c.words[at * 4 + 3]!;
    if ((word & COUNT_MASK) > 0) {
      // The run's next message is now its first: same millisecond, one fewer.
      c.seqs[at * 2]! += word >>> RUN_BITS;
      c.words[at * 4 + 3] = word - 1;
      return;
    }
    this.#runs--;
    this.#head++;
    if (this.#runs === 0) {
      // Drained: a queue keeps one small chunk for its next messages, not what a backlog grew.
      if (this.#chunks.length > 1 || c.capacity > INITIAL_RUNS) this.#chunks = [];
      this.#head = 0;
      this.#tail = 0;
    } else if (this.#head === c.capacity) {
      this.#chunks.shift();
      this.#head = 0;
    }
  }

  /** The newest message's sequence number, or 0 when empty. */
  lastSeq(): number {
    if (this.#runs === 0) return 0;
    const c = this.#chunks[this.#chunks.length - 1]!;
    const last = this.#tail - 1;
    const word = c.words[last * 4 + 3]!;
    return c.seqs[last * 2]! + (word & COUNT_MASK) * (word >>> RUN_BITS);
  }

  /** Every message's sequence number, oldest first. */
  seqs(): number[] {
    const out: number[] = [];
    this.#forEachRun((c, at) => {
      const first = c.seqs[at * 2]!;
      const word = c.words[at * 4 + 3]!;
      const stride = word >>> RUN_BITS;
      const count = (word & COUNT_MASK) + 1;
      for (let j = 0; j < count; j++) out.push(first + j * stride);
    });
    return out;
  }

  clear(): void {
    this.#chunks = [];
    this.#head = 0;
    this.#tail = 0;
    this.#runs = 0;
    this.#size = 0;
  }

  /** Calls `fn` with each run's chunk and index, oldest first. */
  #forEachRun(fn: (c: Chunk, at: number) => void): void {
    const chunks = this.#chunks;
    for (let k = 0; k < chunks.length; k++) {
      const c = chunks[k]!;
      const end = k === chunks.length - 1 ? this.#tail : c.capacity;
      for (let at = k === 0 ? this.#head : 0; at < end; at++) fn(c, at);
    }
  }

  /**
   * Moves `#sentBase` so `sent` and every run's SentTimestamp fit, centred in the offsets' range;
   * false when their span is over SPAN_LIMIT.
   */
  #rebase(sent: number): boolean {
    let lo = sent;
    let hi = sent;
    this.#forEachRun((c, at) => {
      const t = this.#sentBase + c.words[at * 4 + 2]!;
      if (t < lo) lo = t;
      if (t > hi) hi = t;
    });
    if (hi - lo > SPAN_LIMIT) return false;
    const base = lo - Math.floor((OFFSET_LIMIT - 1 - (hi - lo)) / 2);
    const shift = this.#sentBase - base;
    this.#forEachRun((c, at) => { c.words[at * 4 + 2]! += shift; });
    this.#sentBase = base;
    return true;
  }
}
