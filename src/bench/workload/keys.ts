/** Key names of a workload's key space: `${prefix}${n}`, or `${prefix}${n % prefixes}/${n}` when `prefixes` > 1. */
import type { KeySpace } from '../types.js';

export function keyName(keys: KeySpace, n: number): string {
  return keys.prefixes > 1 ? `${keys.prefix}${n % keys.prefixes}/${n}` : `${keys.prefix}${n}`;
}

/** The listing prefix number `n` selects (one of the `prefixes`, or the whole prefix). */
export function listPrefix(keys: KeySpace, n: number): string {
  return keys.prefixes > 1 ? `${keys.prefix}${n % keys.prefixes}/` : keys.prefix;
}
