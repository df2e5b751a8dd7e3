/**
 * Which hasher an upload body gets (worker-pool.ts loads this module on first use, so an idle
 * emulator holds none of the hashing code): small bodies hash inline; a large body hashes in a
 * hash worker (hash-workers.ts), except the cheap algorithms (checksums/cheap-algorithms.ts),
 * which stay inline beside the writes.
 *
 * Why a lone large body goes to a worker too: MD5 is sequential, so one upload can go no faster
 * than one core hashes it, but inline the main thread also receives, copies, writes and computes
 * xxh64, one after the other, about 2.4-2.7 s of CPU per GB on this project's 2-core machine
 * against 1.4 s for MD5 alone; with MD5 in a worker the main thread spends about 1 s/GB and the
 * two run side by side (bench s3-upload-figures, per-thread CPU in `settings`). Only where there
 * is no second core (`inlineWhenAlone`) does a lone body stay inline.
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
