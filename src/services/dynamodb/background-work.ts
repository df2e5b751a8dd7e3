/**
 * DynamoDB's background work: a GSI backfill (an index CREATING, gsi-backfills.ts), the removal
 * of a deleted table's or index's entries (a removal mark, background-removal.ts), and the
 * cleanup of a copy a kill -9 cut short (a backup's copy, a restored table's items, an import's
 * items and CREATING table: a pending mark, backups/pending-copies.ts, imports/import-store.ts).
 * All of them resume when the server starts, not at DynamoDB's first request:
 *
 * - `hasBackgroundWork` is the start check (gateway/service-registry.ts, START_CHECKS): it reads
 *   the store only and loads none of the service.
 * - `BackgroundWork` keeps the service's marker (storage/background-markers.ts) in step while
 *   the service runs: marked before the write that creates work (UpdateTable creating or deleting
 *   an index, DeleteTable, the pending mark of CreateBackup, a restore or ImportTable), removed
 *   once none is left. Item operations never touch it.
 */
import type { Logger } from '../../log.js';
import type { BackgroundWorkMarker } from '../../storage/background-markers.js';
import type { MetaStore } from '../../storage/meta-store.js';
import { DDB_NS, PENDING_COPY_RANGE, REMOVAL_RANGE, TABLE_RANGE } from './keys.js';
import type { TableRecord } from './table-record.js';

export async function hasBackgroundWork(meta: MetaStore): Promise<boolean> {
  if (await hasPendingRemoval(meta) || await hasPendingCopy(meta)) return true;
  for await (const [, value] of meta.iterate(DDB_NS, TABLE_RANGE)) if (isBackfilling(JSON.parse(value) as TableRecord)) return true;
  return false;
}

/** Whether a deleted table or index still has entries to drop (one key read at most). */
export async function hasPendingRemoval(meta: MetaStore): Promise<boolean> {
  for await (const _ of meta.iterate(DDB_NS, { ...REMOVAL_RANGE, limit: 1 })) return true;
  return false;
}

/**
 * Whether a copy was cut short (one key read at most): the service's open drops it
 * (backups/pending-copies.ts dropUnfinishedCopies) and fails its import, if it is one's.
 */
export async function hasPendingCopy(meta: MetaStore): Promise<boolean> {
  for await (const _ of meta.iterate(DDB_NS, { ...PENDING_COPY_RANGE, limit: 1 })) return true;
  return false;
}

/** Whether one of the table's indexes is still being backfilled. */
export const isBackfilling = (table: TableRecord): boolean => table.indexes.some((i) => i.status === 'CREATING');

/**
 * How long the marker outlives the last work. A test suite's teardown deletes tables one after
 * another: each DeleteTable would write the marker again (three fsyncs: about 1 ms, 9 ms at p90
 * here) right after the last removal took it away. Kept a second, it is written once per burst;
 * a kill -9 within that second leaves a stale marker, which costs one store open at the next start.
 */
const DRAIN_AFTER_MS = 1000;

export class BackgroundWork {
  readonly #marker: BackgroundWorkMarker | undefined;
  readonly #log: Logger;
  /** Whether any work is left (a pass running or due, an index CREATING, a removal unfinished). */
  readonly #busy: () => boolean;
  /** `queue` calls between their mark() and the start of their work (background-markers.ts drained()). */
  #queuing = 0;
  #timer: NodeJS.Timeout | undefined;
  #closed = false;

  constructor(marker: BackgroundWorkMarker | undefined, log: Logger, busy: () => boolean) {
    this.#marker = marker;
    this.#log = log;
    this.#busy = busy;
  }

  /**
   * Runs `write` (the durable write that creates work, then the start of that work) once the
   * marker is durable: a kill -9 after the write leaves the marker, so the next start resumes the
   * work. One file write per process while the marker stays (none with no data dir).
   */
  async queue<T>(write: () => Promise<T>): Promise<T> {
    this.#queuing++;
    try {
      await this.#marker?.mark();
      return await write();
    } finally {
      this.#queuing--;
      this.settled();
    }
  }

  /** Some work ended (or was never started): with none left a second later, the marker goes. */
  settled(): void {
    if (this.#marker === undefined || this.#closed || this.#timer !== undefined || !this.#drained()) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      if (!this.#closed && this.#drained()) void this.#drop();
    }, DRAIN_AFTER_MS);
    this.#timer.unref();
  }

  /** After the backfills and the removal have stopped: with no work left, the marker goes now. */
  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#drained()) await this.#drop();
  }

  #drained(): boolean {
    return this.#queuing === 0 && !this.#busy();
  }

  async #drop(): Promise<void> {
    await this.#marker?.drained().catch((err: unknown) => this.#log.warn('dynamodb: removing the background-work marker failed', { err: String(err) }));
  }
}
