/**
 * Group commit for the metadata store's writes: while one write is on its way to LevelDB, the
 * writes that arrive meanwhile wait and then go together, as one batch, in the order they came.
 *
 * Why: each classic-level write is a round trip through libuv's thread pool (a work item, a
 * thread wake-up, LevelDB's writer queue and one write() of its log record, the completion
 * callback and a promise), which costs about as much CPU as a small write itself (scratch, loaded
 * machine: 10-23 µs of main-thread time to hand one batch over, 46-65 µs of process CPU per
 * one-put batch, against 8 per put in batches of 16). Written together, N waiting writes pay it once.
 *
 * Who gains: S3, whose PutObject/DeleteObject each write one small batch (s3-small-objects at 8
 * connections: 1,252 writes went to LevelDB as 666 batches). DynamoDB item writes and SQS messages
 * already gather their own writes this way (services/dynamodb/group-commit.ts, services/sqs/store.ts:
 * under sqs-figures every store write found the queue idle), so for them this queue only orders
 * their batches with everyone else's.
 *
 * What does not change:
 * - A write still resolves only once LevelDB has applied it (and, under durability 'fsync', synced
 *   its log), so what a caller was told is stored survives kill -9 as before.
 * - Each caller's operations stay atomic: they are a contiguous part of one LevelDB WriteBatch.
 * - Order: operations apply in the order `write` was called (a later put of a key wins), which
 *   concurrent thread-pool writes did not even promise.
 * - A lone write (nothing in flight) goes at once: no added latency when the store is not busy.
 * If a combined write fails, every caller in it hears of the failure (it may have applied, as any
 * failed write may).
 */
interface Waiter {
  resolve(): void;
  reject(err: unknown): void;
}

export class WriteQueue<Op> {
  readonly #apply: (ops: Op[]) => Promise<void>;
  /** Operations waiting for the write in flight to end, in call order. */
  #waitingOps: Op[] = [];
  #waiters: Waiter[] = [];
  /** Settles once the write in flight and everything queued behind it have been applied. */
  #inFlight: Promise<void> | undefined;

  /** `apply` writes one batch (an async function: it rejects, never throws); it is never called again before its last call settled. */
  constructor(apply: (ops: Op[]) => Promise<void>) {
    this.#apply = apply;
  }

  write(ops: Op[]): Promise<void> {
    if (this.#inFlight === undefined) {
      const written = this.#apply(ops);
      this.#follow(written);
      return written;
    }
    for (const op of ops) this.#waitingOps.push(op);
    return new Promise<void>((resolve, reject) => { this.#waiters.push({ resolve, reject }); });
  }

  /** Resolves when no write is in flight or waiting (before the store closes or clears). */
  async drained(): Promise<void> {
    while (this.#inFlight !== undefined) await this.#inFlight;
  }

  /**
   * Starts the next combined write as soon as `written` settles, before its callers continue
   * (this callback is attached first), so LevelDB is never left idle while writes wait.
   */
  #follow(written: Promise<void>): void {
    const next = (): void => this.#writeWaiting();
    this.#inFlight = written.then(next, next);
  }

  #writeWaiting(): void {
    if (this.#waiters.length === 0) {
      this.#inFlight = undefined;
      return;
    }
    const ops = this.#waitingOps;
    const waiters = this.#waiters;
    this.#waitingOps = [];
    this.#waiters = [];
    const written = this.#apply(ops);
    this.#follow(written);
    written.then(() => { for (const w of waiters) w.resolve(); }, (err: unknown) => { for (const w of waiters) w.reject(err); });
  }
}
