/**
 * Which items ongoing writes hold, for DynamoDB's transaction conflicts. AWS refuses, rather than
 * queues, some requests that meet an ongoing one on the same item
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/transaction-apis.html#transaction-conflict-handling):
 * - a PutItem, UpdateItem or DeleteItem on an item an ongoing TransactWriteItems holds fails
 *   with TransactionConflictException;
 * - a TransactWriteItems touching an item another ongoing TransactWriteItems holds is cancelled,
 *   reason TransactionConflict at that item;
 * - a TransactGetItems touching an item an ongoing TransactWriteItems, BatchWriteItem, PutItem,
 *   UpdateItem or DeleteItem writes is cancelled the same way, and so is one during which such a
 *   write starts (the write goes on);
 * - GetItem, Query, Scan and BatchGetItem are never refused, and neither is BatchWriteItem.
 * Everything else still waits for the item's lock (item-store.ts), as before: plain writers of
 * one item are serialised, never refused.
 *
 * "Ongoing" is from the moment a request claims its items to the moment its batch is durable.
 * Item ids are the item-lock keys (item-store.ts itemLockKey: the items' store keys).
 */
import { transactionCanceled, transactionConflict, transactionConflictReason, NONE_REASON } from './errors.js';

/** One ongoing TransactGetItems: which of its items met a write. */
export interface ReadWatch {
  /** Throws the TransactionCanceledException if any item met a write; stops watching either way. */
  end(): void;
}

interface Watcher { conflicts: Set<number>; indexes: Map<string, number[]> }

export class OngoingWrites {
  /** Items held by an ongoing TransactWriteItems. */
  readonly #transactional = new Set<string>();
  /** Items with ongoing writes of any kind → how many. */
  readonly #writers = new Map<string, number>();
  /** Ongoing TransactGetItems by item. */
  readonly #readers = new Map<string, Set<Watcher>>();

  /** PutItem / UpdateItem / DeleteItem: refused while a transaction holds the item; else the release. */
  beginItemWrite(item: string): () => void {
    if (this.#transactional.has(item)) throw transactionConflict();
    return this.#begin([item]);
  }

  /** BatchWriteItem: never refused (it waits for the items' locks); the release. */
  beginWrites(items: string[]): () => void {
    return this.#begin(items);
  }

  /**
   * TransactWriteItems: cancelled (TransactionCanceledException, TransactionConflict at each item
   * another transaction holds, None elsewhere) without claiming anything; else the release.
   */
  beginTransaction(items: string[]): () => void {
    if (items.some((item) => this.#transactional.has(item))) {
      throw transactionCanceled(items.map((item) => (this.#transactional.has(item) ? transactionConflictReason() : NONE_REASON)));
    }
    for (const item of items) this.#transactional.add(item);
    const release = this.#begin(items);
    return () => {
      for (const item of items) this.#transactional.delete(item);
      release();
    };
  }

  /** TransactGetItems: watches its items from now until `end()`. */
  beginRead(items: string[]): ReadWatch {
    const watcher: Watcher = { conflicts: new Set(), indexes: new Map() };
    items.forEach((item, i) => {
      if (this.#writers.has(item)) watcher.conflicts.add(i);
      const at = watcher.indexes.get(item);
      if (at) at.push(i); else watcher.indexes.set(item, [i]);
      let set = this.#readers.get(item);
      if (!set) this.#readers.set(item, set = new Set());
      set.add(watcher);
    });
    return {
      end: () => {
        for (const item of watcher.indexes.keys()) {
          const set = this.#readers.get(item)!;
          set.delete(watcher);
          if (set.size === 0) this.#readers.delete(item);
        }
        if (watcher.conflicts.size > 0) {
          throw transactionCanceled(items.map((_, i) => (watcher.conflicts.has(i) ? transactionConflictReason() : NONE_REASON)));
        }
      },
    };
  }

  #begin(items: string[]): () => void {
    for (const item of items) {
      this.#writers.set(item, (this.#writers.get(item) ?? 0) + 1);
      const readers = this.#readers.get(item);
      if (readers) for (const w of readers) for (const i of w.indexes.get(item)!) w.conflicts.add(i);
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      for (const item of items) {
        const n = this.#writers.get(item)! - 1;
        if (n === 0) this.#writers.delete(item); else this.#writers.set(item, n);
      }
    };
  }
}
