/**
 * Drops the entries of deleted tables and indexes after DeleteTable / UpdateTable have answered
 * (DeleteTable is O(1) for the caller). The work list is durable (removal keys, keys.ts), so a
 * restart resumes it (at server start: background-work.ts). Entries go in small batches with a
 * yield between them, so a large table never stalls other requests.
 */
import type { Logger } from '../../log.js';
import type { MetaStore } from '../../storage/meta-store.js';
import type { BackgroundWork } from './background-work.js';
import { DDB_NS, REMOVAL_RANGE, afterPrefix, indexPrefix, itemPrefix, parseRemovalKey, policyKey, removalKey, statsKey, tableSettingsPrefix } from './keys.js';

const BATCH = 500;

export class BackgroundRemoval {
  readonly #meta: MetaStore;
  readonly #log: Logger;
  readonly #work: BackgroundWork | undefined;
  #running: Promise<void> | undefined;
  #again = false;
  /** The last drain stopped with marks left (it failed, or the service is closing). */
  #unfinished = false;
  #closed = false;

  constructor(meta: MetaStore, log: Logger, work?: BackgroundWork) {
    this.#meta = meta;
    this.#log = log;
    this.#work = work;
  }

  /** Whether marks may be left to remove: a drain runs or is due, or the last one stopped short. */
  get busy(): boolean {
    return this.#running !== undefined || this.#unfinished;
  }

  /** Starts (or re-runs) the removal of everything marked; returns at once. */
  kick(): void {
    if (this.#closed) return;
    if (this.#running) { this.#again = true; return; }
    this.#running = this.#drain().then((done) => { this.#unfinished = !done; }, (err: unknown) => {
      this.#unfinished = true;
      this.#log.warn('dynamodb: background removal failed; retried at next start', { err: String(err) });
    }).finally(() => {
      this.#running = undefined;
      if (this.#again) { this.#again = false; this.kick(); } else this.#work?.settled();
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

  /** Whether every mark it read was removed (false: closing cut it short). */
  async #drain(): Promise<boolean> {
    const marks: string[] = [];
    for await (const [key] of this.#meta.iterate(DDB_NS, REMOVAL_RANGE)) marks.push(key);
    for (const mark of marks) {
      const { tableId, indexId } = parseRemovalKey(mark);
      if (indexId === undefined) {
        // The resource policies too: DeleteTable removes them in a write of their own, and a
        // kill -9 between the two would leave them behind (table ids are UUIDs, all one length,
        // so the table's key is a prefix of its streams' and of no other table's).
        if (!await this.#dropPrefix(itemPrefix(tableId)) || !await this.#dropPrefix(`x\u0000${tableId}\u0000`) || !await this.#dropPrefix(policyKey(tableId))) return false;
        // Contributor Insights and Kinesis destinations (keys.ts c\0): nothing else removes them.
        if (!await this.#dropPrefix(tableSettingsPrefix(tableId))) return false;
        await this.#meta.batch([{ type: 'del', ns: DDB_NS, key: statsKey(tableId) }, { type: 'del', ns: DDB_NS, key: removalKey(tableId) }]);
      } else {
        if (!await this.#dropPrefix(indexPrefix(tableId, indexId))) return false;
        await this.#meta.del(DDB_NS, mark);
      }
    }
    return true;
  }

  /** Whether the prefix is empty now (false: closing cut it short). */
  async #dropPrefix(prefix: string): Promise<boolean> {
    for (;;) {
      if (this.#closed) return false;
      const keys: string[] = [];
      for await (const [key] of this.#meta.iterate(DDB_NS, { gte: prefix, lt: afterPrefix(prefix), limit: BATCH })) keys.push(key);
      if (keys.length === 0) return true;
      await this.#meta.batch(keys.map((key) => ({ type: 'del' as const, ns: DDB_NS, key })));
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
}
