/**
 * One-shot digests of a whole buffer: the pool's `checksum` task (src/pool/types.ts ChecksumTask).
 * Pure: no I/O, no state beyond the shared wasm instances, so it runs inline or in a worker.
 */
import { checksumsReady, prepareChecksums } from './create-hasher.js';
import { MultiHasher } from './multi-hasher.js';
import type { ChecksumAlgorithm, Digests } from './types.js';

/** Synchronous form: the wasm algorithms require `prepareChecksums()` to have resolved first. */
export function computeDigestsSync(data: Uint8Array, algorithms: readonly ChecksumAlgorithm[]): Digests {
  const hasher = new MultiHasher(algorithms);
  hasher.update(data);
  return hasher.digests();
}

/** Loads the wasm the algorithms need in this thread on demand, then hashes; what a worker task calls. */
export async function computeDigests(data: Uint8Array, algorithms: readonly ChecksumAlgorithm[]): Promise<Digests> {
  if (!checksumsReady(algorithms)) await prepareChecksums(algorithms);
  return computeDigestsSync(data, algorithms);
}
