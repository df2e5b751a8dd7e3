/** Feeds each chunk to several hashers at once, so a body is read once whatever it is checked with. */
import { createHasher } from './create-hasher.js';
import type { ChecksumAlgorithm, Digests, Hasher } from './types.js';

export class MultiHasher {
  readonly #hashers: [ChecksumAlgorithm, Hasher][];
  #done = false;

  /** Duplicates are ignored. xxh64/xxh3/xxh128 need `prepareChecksums()` to have resolved. */
  constructor(algorithms: Iterable<ChecksumAlgorithm>) {
    this.#hashers = [...new Set(algorithms)].map((alg) => [alg, createHasher(alg)]);
  }

  get algorithms(): ChecksumAlgorithm[] {
    return this.#hashers.map(([alg]) => alg);
  }

  update(chunk: Uint8Array): void {
    for (const [, hasher] of this.#hashers) hasher.update(chunk);
  }

  /** Finishes every hasher; callable once (node:crypto hashes cannot be digested twice). */
  digests(): Digests {
    if (this.#done) throw new Error('MultiHasher.digests() called twice');
    this.#done = true;
    const out: Digests = {};
    for (const [alg, hasher] of this.#hashers) out[alg] = hasher.digest();
    return out;
  }
}
