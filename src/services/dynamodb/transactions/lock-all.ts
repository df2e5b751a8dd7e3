/**
 * Holds several per-item locks at once, taken in one global order (sorted keys) so two
 * transactions over overlapping items can never wait on each other in a cycle.
 */
import type { KeyedMutex } from '../../../util/keyed-mutex.js';

export function withLocks<T>(mutex: KeyedMutex, keys: string[], section: () => Promise<T>): Promise<T> {
  const sorted = [...new Set(keys)].sort();
  const take = (i: number): Promise<T> => (i === sorted.length ? section() : mutex.run(sorted[i]!, () => take(i + 1)));
  return take(0);
}
