/**
 * The store's key ranges as classic-level iterator options: a namespace's part of a MetaStore
 * KeyRange with its bounds prefixed, and what the iterator pool (iterator-pool.ts) needs to reuse
 * an iterator over the same range.
 */
import type { KeyRange } from '../src/storage/meta-store.js';
import { checkString } from '../src/storage/memory/validate.js';
import type { PooledRange } from './iterator-pool.js';

/**
 * classic-level stops filling a batch at 16 KiB by default, about 50 object records: a listing
 * of 1,000 keys then took 20 thread-pool round trips. 1 MiB lets one batch hold 1,000 records.
 */
const BATCH_BYTES = 1024 * 1024;

export interface RangeOptions { gt?: string; gte?: string; lt?: string; lte?: string; reverse?: boolean; limit?: number; keys?: false; highWaterMarkBytes: number }

/**
 * How a reader over `options` can be pooled, or undefined: an iterator with a limit counts
 * towards it across seeks, and a reverse one bounded by `lt` cannot be sought back to its start
 * (a seek to `lt` itself is out of its range).
 */
export function poolableRange(options: RangeOptions): PooledRange | undefined {
  if (options.limit !== undefined) return undefined;
  if (options.reverse ? options.lte === undefined : options.gte === undefined && options.gt === undefined) return undefined;
  return { gt: options.gt, gte: options.gte, lt: options.lt, lte: options.lte, reverse: options.reverse, keys: options.keys !== false };
}

/** Where a pooled iterator is sought to read its range again from the start (as a fresh one would). */
export function rangeStart(options: RangeOptions): string {
  if (options.reverse) return options.lte!;
  // The least key after gt (UTF-8 byte order: a key with gt as a prefix is greater).
  return options.gte ?? options.gt! + '\0';
}

/** classic-level iterator options for a range, its bounds prefixed with `prefix`. */
function rangeOptions(range: KeyRange, prefix: string): RangeOptions {
  const options: RangeOptions = { highWaterMarkBytes: BATCH_BYTES };
  for (const bound of ['gt', 'gte', 'lt', 'lte'] as const) {
    const value = range[bound];
    if (value !== undefined) {
      checkString('key', value);
      options[bound] = prefix + value;
    }
  }
  if (range.reverse) options.reverse = true;
  if (range.limit !== undefined && range.limit >= 0) options.limit = range.limit;
  return options;
}

/**
 * Options for the root database's iterator over a namespace's part of `range`: the namespace's
 * own bounds ['!ns!', '!ns"') where the range gives none, so a lower bound is always set.
 */
export function namespaceRange(range: KeyRange, prefix: string): RangeOptions {
  const options = rangeOptions(range, prefix);
  if (options.gt === undefined && options.gte === undefined) options.gte = prefix;
  if (options.lt === undefined && options.lte === undefined) options.lt = prefix.slice(0, -1) + '"';
  return options;
}
