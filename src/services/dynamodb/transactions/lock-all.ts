/**
 * Holds several per-item locks at once, taken in one global order (sorted keys) so two writers
 * over overlapping items (transactions, BatchWriteItem) can never wait on each other in a cycle.
 */
import type { KeyedMutex } from '../../../util/keyed-mutex.js';

/** Locks of one mutex by key. */
export function withLocks<T>(mutex: KeyedMutex, keys: string[], section: () => Promise<T>): Promise<T> {
  return withItemLocks(keys.map((key) => ({ key, run: (s) => mutex.run(key, s) })), section);
}

export interface ItemLock {
  /** Orders the locks; equal keys are one lock. */
  key: string;
  run<T>(section: () => Promise<T>): Promise<T>;
}

/**
 * Locks given as functions (ItemStore.withItem, so transactions and single-item writes on the
 * same item exclude each other whatever key format the store uses).
 */
export function withItemLocks<T>(locks: ItemLock[], section: () => Promise<T>): Promise<T> {
  const unique = new Map<string, ItemLock>();
  for (const lock of locks) unique.set(lock.key, lock);
  const sorted = [...unique.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const take = (i: number): Promise<T> => (i === sorted.length ? section() : sorted[i]!.run(() => take(i + 1)));
  return take(0);
}
