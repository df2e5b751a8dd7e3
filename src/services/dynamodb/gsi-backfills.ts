/**
 * The GSI backfills of the service: one per index UpdateTable creates, and one at start for every
 * index an earlier run left CREATING (a stop, a failure or kill -9 cut its backfill short); the
 * server's start creates the service for them, before any request (background-work.ts). A pass
 * starts over from the first item with the index's figures at zero (gsi-backfill.ts), so nothing
 * of a pass in progress needs to be durable but the index's CREATING status.
 *
 * A failed pass is logged as an error and run again after a pause (1 s, doubling up to a minute)
 * while the server runs, and at the next start; the index stays CREATING meanwhile (its table
 * cannot be deleted; the index can). Closing stops every pass between two items and waits for it;
 * the next start resumes it.
 */
import type { Logger } from '../../log.js';
import { BackfillProgress } from './backfill-progress.js';
import type { BackgroundWork } from './background-work.js';
import { backfillIndex } from './gsi-backfill.js';
import type { ItemStore } from './item-store.js';
import type { TableStore } from './table-store.js';

const FIRST_RETRY_MS = 1000;
const LAST_RETRY_MS = 60_000;

export class GsiBackfills {
  readonly #tables: TableStore;
  readonly #items: ItemStore;
  readonly #log: Logger;
  readonly #work: BackgroundWork | undefined;
  /** Passes running, by index id. */
  readonly #running = new Map<string, Promise<void>>();
  readonly #retries = new Set<NodeJS.Timeout>();
  #closed = false;

  constructor(tables: TableStore, items: ItemStore, log: Logger, work?: BackgroundWork) {
    this.#tables = tables;
    this.#items = items;
    this.#log = log;
    this.#work = work;
  }

  /** Whether a pass runs or a retry is due (an index may be CREATING without either: a closing service). */
  get busy(): boolean {
    return this.#running.size > 0 || this.#retries.size > 0;
  }

  /** Backfills every index a previous run left CREATING. */
  resumeAll(): void {
    for (const table of this.#tables.all()) {
      for (const index of table.indexes) {
        if (index.status !== 'CREATING') continue;
        this.#log.info('dynamodb: resuming the backfill of a GSI being created', { table: table.name, index: index.name });
        this.start(table.id, index.id);
      }
    }
  }

  /** Starts a pass over the index's items (unless one runs); returns at once. */
  start(tableId: string, indexId: string, failures = 0): void {
    if (this.#closed || this.#running.has(indexId)) return;
    const progress = new BackfillProgress();
    // Counting starts over with the pass, in the same turn as writers start asking it who counts.
    (this.#tables.stats(tableId).indexes ??= {})[indexId] = [0, 0];
    this.#items.backfilling.set(indexId, progress);
    const pass = backfillIndex(this.#tables, this.#items, tableId, indexId, progress, () => this.#closed)
      .then(() => undefined, (err: unknown) => this.#failed(tableId, indexId, failures + 1, err))
      .finally(() => {
        if (this.#items.backfilling.get(indexId) === progress) this.#items.backfilling.delete(indexId);
        this.#running.delete(indexId);
        this.#work?.settled();
      });
    this.#running.set(indexId, pass);
  }

  /** Resolves once no pass runs (tests). */
  async idle(): Promise<void> {
    while (this.#running.size > 0) await Promise.all(this.#running.values());
  }

  /** Stops every pass between two items and waits for it; no retry is started after this. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const timer of this.#retries) clearTimeout(timer);
    this.#retries.clear();
    await this.idle();
  }

  #failed(tableId: string, indexId: string, failures: number, err: unknown): void {
    const table = this.#tables.byId(tableId);
    const index = table?.indexes.find((i) => i.id === indexId);
    const delay = Math.min(LAST_RETRY_MS, FIRST_RETRY_MS * 2 ** (failures - 1));
    this.#log.error(`dynamodb: GSI backfill failed; the index stays CREATING, tried again in ${delay / 1000} s and at the next start`, {
      err: err instanceof Error ? err.message : String(err), table: table?.name, index: index?.name, failures,
    });
    if (this.#closed) return;
    const timer = setTimeout(() => {
      this.#retries.delete(timer);
      if (this.#tables.byId(tableId)?.indexes.some((i) => i.id === indexId && i.status === 'CREATING')) this.start(tableId, indexId, failures);
      else this.#work?.settled();
    }, delay);
    timer.unref();
    this.#retries.add(timer);
  }
}
