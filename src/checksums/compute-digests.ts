/**
 * One-shot digests of a whole buffer: the pool's `checksum` task (src/pool/types.ts ChecksumTask).
 * Pure: no I/O, no state beyond the shared xxhash-wasm instance, so it runs inline or in a worker.
 */
import { initChecksums } from './create-hasher.js';
import { MultiHasher } from './multi-hasher.js';
import { xxhashLoaded } from './xxh64.js';
import type { ChecksumAlgorithm, Digests } from './types.js';

/** Synchronous form: xxh64 requires `initChecksums()` to have resolved first. */
export function computeDigestsSync(data: Uint8Array, algorithms: readonly ChecksumAlgorithm[]): Digests {
  const hasher = new MultiHasher(algorithms);
  hasher.update(data);
  return hasher.digests();
}

/** Loads xxhash-wasm on demand, then hashes; what a worker task calls. */
export async function computeDigests(data: Uint8Array, algorithms: readonly ChecksumAlgorithm[]): Promise<Digests> {
  if (algorithms.includes('xxh64') && !xxhashLoaded()) await initChecksums();
  return computeDigestsSync(data, algorithms);
}
