/**
 * Group commit of item writes. A one-operation LevelDB batch costs 60-95 µs of process CPU
 * (a thread-pool round trip and a log write), a batch of 16 about 20-30 µs per operation
 * (bench/micro/dynamodb-writes.ts). So while one batch is being written, the operations
 * of every write that arrives are gathered and written together next (and the first batch after
 * an idle moment gathers the rest of its event-loop turn): one batch in flight at a time,
 * batches in call order, each call's operations all-or-nothing (they share one atomic batch),
 * and a call's promise resolves only once its batch is durable (DESIGN.md §5: an acknowledged
 * write survives kill -9).
 *
 * Pending values: a writer of an item may let the next writer of the same item in as soon as
 * its operations are queued (the per-item lock does not have to cover the disk write), because
 * `pending()` answers the value the queue will write. A writer that reads through `pending()`
 * first therefore sees the item it replaces, and its own batch lands after (or with) the one it
 * read from. Plain readers (GetItem, Query) read the store and see only durable writes.
 * If a batch fails, every call queued behind it fails too (it may have read a value that was
 * never written) and the pending values are dropped.
 */
import type { MetaOp } from '../../storage/meta-store.js';

/** `pending()`'s answer when no queued write touches the key: read the store. */
export const NOT_PENDING: unique symbol = Symbol('not pending');

interface Waiter { resolve: () => void; reject: (err: unknown) => void }
interface PendingValue { value: string | undefined; batch: number }

export class GroupCommit {
  readonly #write: (ops: MetaOp[]) => Promise<void>;
  readonly #closing: () => MetaOp[];
  readonly #ns: string;
  #queued: MetaOp[] = [];
  /** The keys the batch being gathered gives pending values (each dropped once it is written). */
  #queuedKeys: string[] = [];
  #waiting: Waiter[] = [];
  #writing = false;
  /** Number of the batch being gathered; the one in flight is one less. */
  #batch = 0;
  readonly #pending = new Map<string, PendingValue>();

  /**
   * @param write writes one batch atomically (MetaStore.batch)
   * @param ns the namespace whose queued values `pending()` answers
   * @param closing operations appended to every batch at the moment it is written (the table
   *   statistics: one record per table per batch rather than one per write)
   */
  constructor(write: (ops: MetaOp[]) => Promise<void>, ns: string, closing: () => MetaOp[] = () => []) {
    this.#write = write;
    this.#ns = ns;
    this.#closing = closing;
  }

  /** Queues `ops`; resolves once they are durable. `commit([])` waits for everything queued so far. */
  commit(ops: MetaOp[]): Promise<void> {
    for (const op of ops) {
      this.#queued.push(op);
      if (op.ns === this.#ns) {
        this.#pending.set(op.key, { value: op.type === 'put' ? op.value : undefined, batch: this.#batch });
        this.#queuedKeys.push(op.key);
      }
    }
    return new Promise<void>((resolve, reject) => {
      this.#waiting.push({ resolve, reject });
      if (!this.#writing) void this.#drain();
    });
  }

  /** The value a queued write will give `key` (undefined: deleted), or NOT_PENDING. */
  pending(key: string): string | undefined | typeof NOT_PENDING {
    const entry = this.#pending.get(key);
    return entry === undefined ? NOT_PENDING : entry.value;
  }

  async #drain(): Promise<void> {
    this.#writing = true;
    // The first batch after an idle moment waits for the rest of the event-loop turn (the
    // requests read in the same poll phase), not for a timer. Without it the first write after
    // an idle moment went alone and the rest waited for the next batch: under 16-connection
    // PutItem replay batches alternated one write and many. Each batch costs the main thread a
    // thread-pool hand-off (about 20 us on this virtualised 2-core machine) and a wake-up.
    await new Promise<void>((resolve) => { setImmediate(resolve); });
    while (this.#waiting.length > 0) {
      const batch = this.#batch++;
      const ops = this.#queued;
      const keys = this.#queuedKeys;
      const waiting = this.#waiting;
      this.#queued = [];
      this.#queuedKeys = [];
      this.#waiting = [];
      if (ops.length > 0) ops.push(...this.#closing());
      try {
        if (ops.length > 0) await this.#write(ops);
      } catch (err) {
        this.#fail(waiting, err);
        continue;
      }
      // Only this batch's keys, not a walk of every pending entry (an entry array each); a key a
      // later batch wrote again keeps that batch's value.
      for (let i = 0; i < keys.length; i++) {
        const entry = this.#pending.get(keys[i]!);
        if (entry !== undefined && entry.batch <= batch) this.#pending.delete(keys[i]!);
      }
      for (const w of waiting) w.resolve();
    }
    this.#writing = false;
  }

  /** A failed batch fails every call queued behind it too: they may have read its values. */
  #fail(waiting: Waiter[], err: unknown): void {
    const behind = this.#waiting;
    this.#queued = [];
    this.#queuedKeys = [];
    this.#waiting = [];
    this.#pending.clear();
    for (const w of waiting) w.reject(err);
    for (const w of behind) w.reject(err);
  }
}
