/**
 * Queue names deleted less than 60 s ago: CreateQueue answers QueueDeletedRecently for them, as
 * AWS does ("When you delete a queue, you must wait at least 60 seconds before creating a queue
 * with the same name", API_DeleteQueue.html). AWS does not restart, so neither may the wait: each
 * deletion is stored (keys.ts, `n`) in DeleteQueue's own batch and read back at open, so it holds
 * across a restart or kill -9. The map mirrors the stored records.
 *
 * A record is removed once stale: at open, with the next DeleteQueue (which sweeps every stale
 * one in its batch), and when CreateQueue takes its name again. So what is stored is at most the
 * names deleted in the minute before the last deletion, and no timer runs while the server idles.
 */
import type { MetaOp, MetaStore } from '../../storage/meta-store.js';
import { SQS_NS, deletedNameKey, deletedNameRange } from './keys.js';
import type { QueueAddress } from './names.js';

export const DELETED_WAIT_MS = 60_000;

const keyOf = (a: QueueAddress): string => deletedNameKey(a.account, a.region, a.name);
/**
 * NaN (a record that is not a number) is not recent: it is removed as stale. Nor is a deletion
 * stamped more than the wait ahead of `now`: the clock was set back (NTP, a resumed VM, a test),
 * and the wait is one of elapsed time, which the stamp no longer tells; honouring it would block
 * the name for as long as the step, an hour for an hour. So a step back frees the name at once,
 * and the wait is never longer than 2 × 60 s.
 */
const isRecent = (at: number, now: number): boolean => now - at < DELETED_WAIT_MS && at - now < DELETED_WAIT_MS;

export class RecentlyDeleted {
  /** Deletion times (ms) by stored key. */
  readonly #at = new Map<string, number>();

  private constructor() {}

  /** Reads the stored deletions; the stale ones are removed. */
  static async open(meta: MetaStore): Promise<RecentlyDeleted> {
    const names = new RecentlyDeleted();
    const now = Date.now();
    const stale: MetaOp[] = [];
    for await (const [key, value] of meta.iterate(SQS_NS, deletedNameRange)) {
      const at = Number(value);
      if (isRecent(at, now)) names.#at.set(key, at);
      else stale.push({ type: 'del', ns: SQS_NS, key });
    }
    if (stale.length > 0) await meta.batch(stale);
    return names;
  }

  /** Whether a queue of this name was deleted less than 60 s before `now`. */
  has(address: QueueAddress, now: number): boolean {
    const at = this.#at.get(keyOf(address));
    return at !== undefined && isRecent(at, now);
  }

  /** Whether a queue of this name was deleted at most `ms` before `now` (and not after it). */
  deletedWithin(address: QueueAddress, now: number, ms: number): boolean {
    const at = this.#at.get(keyOf(address));
    return at !== undefined && at <= now && now - at <= ms;
  }

  /** DeleteQueue's share of its batch: this name's record, and the removal of every stale one. */
  deletionOps(address: QueueAddress, now: number): MetaOp[] {
    const ops: MetaOp[] = [{ type: 'put', ns: SQS_NS, key: keyOf(address), value: String(now) }];
    for (const [key, at] of this.#at) if (!isRecent(at, now)) ops.push({ type: 'del', ns: SQS_NS, key });
    return ops;
  }

  /** CreateQueue's share of its write: the removal of the name's stale record, if it has one. */
  reuseOps(address: QueueAddress): MetaOp[] {
    const key = keyOf(address);
    return this.#at.has(key) ? [{ type: 'del', ns: SQS_NS, key }] : [];
  }

  /** Follows `ops` (from deletionOps or reuseOps) once they are written. */
  written(ops: MetaOp[]): void {
    for (const op of ops) {
      if (op.type === 'put') this.#at.set(op.key, Number(op.value));
      else this.#at.delete(op.key);
    }
  }
}
