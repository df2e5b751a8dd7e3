/**
 * Holds several per-item locks at once, taken in one global order (sorted keys) so two writers
 * over overlapping items (transactions) can never wait on each other in a cycle. The keys and their
 * order are item-locks.ts': BatchWriteItem takes its items there at once (ItemLocks.runAll).
 */
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
