/**
 * Idle classic-level iterators kept for the next read of the same range, while no write has
 * happened since they were opened.
 *
 * Why: a read that opens an iterator, reads one batch and retires it (level-meta-store.ts
 * #retire) pays for two thread-pool round trips and the iterator itself (LevelDB's merging
 * iterator over the memtables and every table file, the JS wrapper, its finalizer), about as
 * much as the rest of a 25-item DynamoDB Query. An idle iterator sought back to the start of its
 * range reads the same entries with one round trip and nothing to retire (its next read replaces
 * the batch it holds).
 *
 * Correctness: a LevelDB iterator reads the database as it was when it was opened. So an
 * iterator is only reused while the store's write count (`epoch`, bumped once a write has
 * applied, before its caller hears of it) is what it was at the iterator's opening; the store
 * retires every idle iterator at each write, so none pins an old memtable or table files.
 *
 * Bounds: at most MAX_IDLE iterators, each holding at most what the store lets in (a first-batch
 * reservation and a small last batch); those idle longer than IDLE_MS are retired, so an idle
 * emulator holds none.
 */

/** How an iterator was opened: reused only for a read asking for exactly this. */
export interface PooledRange { gt?: string; gte?: string; lt?: string; lte?: string; reverse?: boolean; keys: boolean }

interface Idle<T> { range: PooledRange; item: T; epoch: number; since: number }

export const MAX_IDLE = 16;
export const IDLE_MS = 1000;

const sameRange = (a: PooledRange, b: PooledRange): boolean => a.gte === b.gte && a.gt === b.gt && a.lte === b.lte && a.lt === b.lt
  && a.reverse === b.reverse && a.keys === b.keys;

export class IteratorPool<T> {
  readonly #idle: Idle<T>[] = [];
  readonly #retire: (item: T) => void;
  readonly #idleMs: number;
  #timer: ReturnType<typeof setTimeout> | undefined;

  /**
   * @param retire frees an iterator the pool lets go of (not awaited)
   * @param o.idleMs how long an iterator may stay idle (IDLE_MS; tests pass less)
   */
  constructor(retire: (item: T) => void, o: { idleMs?: number } = {}) {
    this.#retire = retire;
    this.#idleMs = o.idleMs ?? IDLE_MS;
  }

  /** An idle iterator opened for `range` at `epoch`, the most recently used first. */
  take(range: PooledRange, epoch: number): T | undefined {
    for (let i = this.#idle.length - 1; i >= 0; i--) {
      const idle = this.#idle[i]!;
      if (idle.epoch === epoch && sameRange(idle.range, range)) {
        this.#idle.splice(i, 1);
        return idle.item;
      }
    }
    return undefined;
  }

  /** Keeps an iterator for the next read of `range`; the least recently used one goes when full. */
  give(range: PooledRange, item: T, epoch: number): void {
    if (this.#idle.length >= MAX_IDLE) this.#retire(this.#idle.shift()!.item);
    this.#idle.push({ range, item, epoch, since: Date.now() });
    this.#timer ??= setTimeout(() => this.#sweep(), this.#idleMs).unref();
  }

  /** Retires every idle iterator (after a write, and at close). */
  clear(): void {
    if (this.#idle.length === 0) return;
    for (const idle of this.#idle.splice(0)) this.#retire(idle.item);
  }

  get size(): number {
    return this.#idle.length;
  }

  #sweep(): void {
    this.#timer = undefined;
    const now = Date.now();
    let stale = 0;
    while (stale < this.#idle.length && now - this.#idle[stale]!.since >= this.#idleMs) stale++;
    for (const idle of this.#idle.splice(0, stale)) this.#retire(idle.item);
    if (this.#idle.length > 0) this.#timer = setTimeout(() => this.#sweep(), this.#idleMs).unref();
  }
}
