/**
 * Which items a running GSI backfill has counted in the index's ItemCount / IndexSizeBytes
 * (gsi-backfill.ts). An item is counted once: by the backfill when it reaches it, or by the first
 * writer that changes it before then (item-store.ts). A counted item's writers apply exact
 * changes (its entry is known to exist as the item says); an uncounted item's writer adds the new
 * entry only, since the entry of the version it replaces was never counted (and may not exist).
 *
 * Counted keys are every item key up to `#after` (the backfill's cursor, in store byte order:
 * compareUtf8) plus the keys counted ahead of it, dropped from the set as the cursor passes them.
 * Keys are item store keys (keys.ts itemKey), which are also the items' lock keys: a key's state
 * changes only under its item lock.
 */
import { compareUtf8 } from '../../util/utf8-order.js';

/** Fewest keys counted ahead worth a pass over them to drop those the cursor has passed. */
const PRUNE_FROM = 1024;

export class BackfillProgress {
  #after: string | undefined;
  readonly #ahead = new Set<string>();
  /**
   * Keys the cursor has passed are dropped once the set has doubled since the last time (a walk
   * of the set per chunk would cost the backfill quadratic time under many writes ahead of it);
   * keeping them a little longer changes no answer.
   */
  #pruneAt = PRUNE_FROM;

  counted(key: string): boolean {
    return (this.#after !== undefined && compareUtf8(key, this.#after) <= 0) || this.#ahead.has(key);
  }

  markCounted(key: string): void {
    this.#ahead.add(key);
  }

  /** Every existing item up to `key` has been counted (the backfill's chunk ended there). */
  advance(key: string): void {
    this.#after = key;
    if (this.#ahead.size < this.#pruneAt) return;
    for (const k of this.#ahead) if (compareUtf8(k, key) <= 0) this.#ahead.delete(k);
    this.#pruneAt = Math.max(PRUNE_FROM, 2 * this.#ahead.size);
  }
}
