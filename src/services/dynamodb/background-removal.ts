/**
 * Drops the entries of deleted tables and indexes after DeleteTable / UpdateTable have answered
 * (DeleteTable is O(1) for the caller). The work list is durable (removal keys, keys.ts), so a
 * restart resumes it. Entries go in small batches with a yield between them, so a large table
 * never stalls other requests.
 */
import type { Logger } from '../../log.js';
import type { MetaStore } from '../../storage/meta-store.js';
import { DDB_NS, REMOVAL_RANGE, afterPrefix, indexPrefix, itemPrefix, parseRemovalKey, removalKey, statsKey } from './keys.js';

const BATCH = 500;

export class BackgroundRemoval {
  readonly #meta: MetaStore;
  readonly #log: Logger;
  #running: Promise<void> | undefined;
  #again = false;
  #closed = false;

  constructor(meta: MetaStore, log: Logger) {
    this.#meta = meta;
    this.#log = log;
  }

  /** Starts (or re-runs) the removal of everything marked; returns at once. */
  kick(): void {
    if (this.#closed) return;
    if (this.#running) { this.#again = true; return; }
    this.#running = this.#drain().catch((err: unknown) => this.#log.warn('dynamodb: background removal failed; retried at next start', { err: String(err) }))
      .finally(() => {
        this.#running = undefined;
        if (this.#again) { this.#again = false; this.kick(); }
      });
  }

  /** Resolves when nothing is being removed (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.#running) await this.#running;
  }

  async close(): Promise<void> {
    this.#closed = true;
    await this.idle();
  }

  async #drain(): Promise<void> {
    const marks: string[] = [];
    for await (const [key] of this.#meta.iterate(DDB_NS, REMOVAL_RANGE)) marks.push(key);
    for (const mark of marks) {
      if (this.#closed) return;
      const { tableId, indexId } = parseRemovalKey(mark);
      if (indexId === undefined) {
        await this.#dropPrefix(itemPrefix(tableId));
        await this.#dropPrefix(`x\u0000${tableId}\u0000`);
        await this.#meta.batch([{ type: 'del', ns: DDB_NS, key: statsKey(tableId) }, { type: 'del', ns: DDB_NS, key: removalKey(tableId) }]);
      } else {
        await this.#dropPrefix(indexPrefix(tableId, indexId));
        await this.#meta.del(DDB_NS, mark);
      }
    }
  }

  async #dropPrefix(prefix: string): Promise<void> {
    for (;;) {
      if (this.#closed) return;
      const keys: string[] = [];
      for await (const [key] of this.#meta.iterate(DDB_NS, { gte: prefix, lt: afterPrefix(prefix), limit: BATCH })) keys.push(key);
      if (keys.length === 0) return;
      await this.#meta.batch(keys.map((key) => ({ type: 'del' as const, ns: DDB_NS, key })));
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
}
