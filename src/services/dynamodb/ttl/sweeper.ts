/**
 * The TTL sweeper: deletes expired items physically in the background, through the normal write
 * path (so index entries, statistics and a REMOVE stream record with the service identity go in
 * the item's batch). Each tick scans a bounded number of items and remembers where it stopped,
 * so a large table never stalls the event loop; reads already hide expired items (expiry.ts).
 */
export interface TtlTable {
  /** Opaque to the sweeper: passed back to the port. */
  id: string;
}

/** What the sweeper needs from the item store (implemented by the DynamoDB service). */
export interface TtlPort<T extends TtlTable> {
  /** Tables with TTL enabled now. */
  tablesWithTtl(): T[];
  /**
   * Up to `limit` expired items of `table` after `after` (an encoded key, exclusive), deleted;
   * returns the last key looked at (undefined: the table's end was reached) and how many went.
   */
  sweep(table: T, after: string | undefined, limit: number, now: number): Promise<{ last: string | undefined; deleted: number }>;
}

export interface SweeperOptions {
  now: () => number;
  /** Pause between ticks. */
  intervalMs?: number;
  /** Items looked at per tick, across tables. */
  budget?: number;
  onError?: (err: unknown) => void;
}

export class TtlSweeper<T extends TtlTable> {
  #port: TtlPort<T>;
  #options: Required<Omit<SweeperOptions, 'onError'>> & Pick<SweeperOptions, 'onError'>;
  #cursor = new Map<string, string>();
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<number> | undefined;
  #closed = false;

  constructor(port: TtlPort<T>, options: SweeperOptions) {
    this.#port = port;
    this.#options = { intervalMs: 1000, budget: 2000, ...options };
  }

  start(): void {
    if (this.#closed || this.#timer) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.tick().catch((err: unknown) => this.#options.onError?.(err)).finally(() => this.start());
    }, this.#options.intervalMs);
    this.#timer.unref();
  }

  /** One bounded pass; returns how many items it deleted. */
  tick(): Promise<number> {
    return (this.#running ??= this.#tick().finally(() => { this.#running = undefined; }));
  }

  /** Sweeps until every TTL table has been looked at to its end (tests). */
  async sweepAll(): Promise<number> {
    let deleted = 0;
    for (const table of this.#port.tablesWithTtl()) {
      let after: string | undefined;
      do {
        const r = await this.#port.sweep(table, after, this.#options.budget, this.#options.now());
        deleted += r.deleted;
        after = r.last;
      } while (after !== undefined);
    }
    return deleted;
  }

  async #tick(): Promise<number> {
    const tables = this.#port.tablesWithTtl();
    let budget = this.#options.budget;
    let deleted = 0;
    for (const table of tables) {
      if (budget <= 0) break;
      const share = Math.max(100, Math.floor(budget / tables.length));
      const r = await this.#port.sweep(table, this.#cursor.get(table.id), share, this.#options.now());
      budget -= share;
      deleted += r.deleted;
      if (r.last === undefined) this.#cursor.delete(table.id);
      else this.#cursor.set(table.id, r.last);
    }
    return deleted;
  }

  async close(): Promise<void> {
    this.#closed = true;
    if (this.#timer) clearTimeout(this.#timer);
    await this.#running?.catch(() => undefined);
  }
}
