/**
 * Which hasher an upload body gets (worker-pool.ts loads this module on first use, so an idle
 * emulator holds none of the hashing code): small bodies, and a large body while no other large
 * body is being hashed, hash inline; every further concurrent large body hashes in a hash worker
 * (hash-workers.ts), except the cheap algorithms (checksums/cheap-algorithms.ts), which stay
 * inline.
 *
 * Why a lone large body stays inline: MD5 is sequential, so a lone upload is bound by one core
 * wherever it hashes, and the hand-off costs it (s3-upload-figures, 2 cores, quiet: a single
 * 64 MiB PUT 325 MB/s and 2.8 s of CPU per GB inline, 259 MB/s and 5.1 s/GB through a worker).
 */
import { CountedBodyHasher, InlineBodyHasher, SplitBodyHasher, type BodyHasher } from '../checksums/body-hasher.js';
import { CHEAP_ALGORITHMS } from '../checksums/cheap-algorithms.js';
import type { ChecksumAlgorithm } from '../checksums/types.js';
import { PooledBodyHasher } from './hash-session.js';
import { HashWorkers } from './hash-workers.js';

export interface BodyHashingOptions {
  maxThreads: number;
  idleTimeout: number;
  /** Bodies below this many bytes always hash inline. */
  threshold: number;
  /** False: every large body goes to a worker (tests of the hash sessions). */
  inlineWhenAlone: boolean;
}

export class BodyHashing {
  readonly #options: BodyHashingOptions;
  readonly #hashWorkers: HashWorkers;
  /** Large bodies being hashed now, inline or in a worker. */
  #largeBodies = 0;

  constructor(options: BodyHashingOptions) {
    this.#options = options;
    this.#hashWorkers = new HashWorkers({ maxThreads: options.maxThreads, idleTimeout: options.idleTimeout });
  }

  get threads(): number {
    return this.#hashWorkers.threads;
  }

  bodyHasher(algorithms: readonly ChecksumAlgorithm[], knownBytes: number, closed: boolean): BodyHasher {
    if (closed || knownBytes < this.#options.threshold) return new InlineBodyHasher(algorithms);
    const slow = algorithms.filter((a) => !CHEAP_ALGORITHMS.has(a));
    const alone = this.#options.inlineWhenAlone && this.#largeBodies === 0;
    let hasher: BodyHasher;
    if (slow.length === 0 || alone) {
      hasher = new InlineBodyHasher(algorithms);
    } else {
      const cheap = algorithms.filter((a) => CHEAP_ALGORITHMS.has(a));
      const { port, staging } = this.#hashWorkers.open(slow);
      const pooled = new PooledBodyHasher(port, staging);
      hasher = cheap.length === 0 ? pooled : new SplitBodyHasher(new InlineBodyHasher(cheap), pooled);
    }
    this.#largeBodies++;
    return new CountedBodyHasher(hasher, () => { this.#largeBodies--; });
  }

  close(): Promise<void> {
    return this.#hashWorkers.close();
  }
}
