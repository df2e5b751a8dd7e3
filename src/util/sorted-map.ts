/**
 * A string-keyed map that keeps its keys sorted by UTF-8 bytes (utf8-order.ts), for ordered
 * range reads: the memory MetaStore and the S3 listing index. Insertion is O(n) through splice
 * (a memmove of the key array): cheap up to a few hundred thousand keys, which both users bound.
 */
import { compareUtf8 } from './utf8-order.js';
import type { KeyRange } from '../storage/meta-store.js';

export class SortedMap<V> {
  readonly #values = new Map<string, V>();
  readonly #keys: string[] = [];

  get size(): number { return this.#keys.length; }

  get(key: string): V | undefined { return this.#values.get(key); }

  set(key: string, value: V): void {
    if (!this.#values.has(key)) this.#keys.splice(this.#lowerBound(key), 0, key);
    this.#values.set(key, value);
  }

  /** Replaces the contents with entries already in key order (a LevelDB scan): no sorting. */
  setSorted(entries: [string, V][]): void {
    this.clear();
    for (const [key, value] of entries) {
      this.#keys.push(key);
      this.#values.set(key, value);
    }
  }

  delete(key: string): void {
    if (!this.#values.delete(key)) return;
    this.#keys.splice(this.#lowerBound(key), 1);
  }

  /** A snapshot of the entries in range, like a LevelDB iterator's implicit snapshot. */
  range(range: KeyRange = {}): [string, V][] {
    // As in abstract-level, gte wins over gt and lte over lt when both are given.
    const from = range.gte !== undefined ? this.#lowerBound(range.gte) : range.gt !== undefined ? this.#upperBound(range.gt) : 0;
    const to = range.lte !== undefined ? this.#upperBound(range.lte) : range.lt !== undefined ? this.#lowerBound(range.lt) : this.#keys.length;
    if (to <= from) return [];
    const limit = range.limit === undefined || range.limit < 0 ? Infinity : range.limit;
    const count = Math.min(limit, to - from);
    const keys = range.reverse ? this.#keys.slice(to - count, to).reverse() : this.#keys.slice(from, from + count);
    return keys.map((k) => [k, this.#values.get(k)!]);
  }

  clear(): void {
    this.#values.clear();
    this.#keys.length = 0;
  }

  /** First index whose key is >= key. */
  #lowerBound(key: string): number {
    let lo = 0;
    let hi = this.#keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareUtf8(this.#keys[mid]!, key) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** First index whose key is > key. */
  #upperBound(key: string): number {
    let lo = 0;
    let hi = this.#keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareUtf8(this.#keys[mid]!, key) <= 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
