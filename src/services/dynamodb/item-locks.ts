/**
 * Per-item locks of DynamoDB writers (item-store.ts): one holder per item at a time, waiters
 * served in arrival order, and several items taken at once in one global order (sorted keys), so
 * two writers over overlapping items (BatchWriteItem, transactions) never wait on each other in a
 * cycle.
 *
 * Why not util/keyed-mutex.ts: that one chains a promise per section (each lock a `then`, a new
 * promise and an async frame even when nobody else holds the key), and a BatchWriteItem took its
 * 25 locks as 25 nested sections. Here a free item costs one Map entry and a lock passes straight
 * to its next waiter: bench/micro/dynamodb-gateway.ts, BatchWriteItem of 25 new items, 16 in
 * flight.
 */

/** A held item: the waiters queued for it, or null when none (no array for the common case). */
type Waiters = (() => void)[] | null;

export class ItemLocks {
  readonly #held = new Map<string, Waiters>();

  /** Runs `section` as the only holder of `key`. */
  async run<T>(key: string, section: () => Promise<T>): Promise<T> {
    const wait = this.take(key);
    if (wait !== undefined) await wait;
    try {
      return await section();
    } finally {
      this.release(key);
    }
  }

  /** Runs `section` holding every key of `keys` (duplicates are one lock), taken in sorted order. */
  async runAll<T>(keys: readonly string[], section: () => Promise<T>): Promise<T> {
    const sorted = keys.slice().sort();
    let taken = 0;
    try {
      for (; taken < sorted.length; taken++) {
        const key = sorted[taken]!;
        // A key named twice is one lock (sorted: its copies are adjacent).
        if (taken > 0 && key === sorted[taken - 1]) continue;
        // A wait never fails: once it resolves, the lock is ours.
        const wait = this.take(key);
        if (wait !== undefined) await wait;
      }
      return await section();
    } finally {
      for (let i = 0; i < taken; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) this.release(sorted[i]!);
    }
  }

  /**
   * Resolves once every item held now has been released (by its holder and the waiters queued
   * before this call): a GSI backfill starts after the writers that may have read the table
   * record without the index (gsi-backfill.ts).
   */
  async settled(): Promise<void> {
    const noop = async (): Promise<void> => undefined;
    await Promise.all([...this.#held.keys()].map((key) => this.run(key, noop)));
  }

  /** Items currently held (tests: every lock is released). */
  get size(): number {
    return this.#held.size;
  }

  /**
   * Takes `key` now (undefined) or queues for it (resolves once handed over; never rejects).
   * For a caller that runs its section inline (write-item.ts: no async frame and closure per
   * section); it must call `release(key)` exactly once, whatever happens.
   */
  take(key: string): Promise<void> | undefined {
    if (!this.#held.has(key)) {
      this.#held.set(key, null);
      return undefined;
    }
    return new Promise<void>((resolve) => {
      const waiters = this.#held.get(key);
      if (waiters) waiters.push(resolve); else this.#held.set(key, [resolve]);
    });
  }

  /** Hands `key` to its next waiter, or frees it. */
  release(key: string): void {
    const waiters = this.#held.get(key);
    const next = waiters?.shift();
    if (next === undefined) { this.#held.delete(key); return; }
    if (waiters!.length === 0) this.#held.set(key, null);
    next();
  }
}
