/**
 * Which hasher an upload body gets (worker-pool.ts loads this module on first use, so an idle
 * emulator holds none of the hashing code): small bodies hash inline; a large body hashes in a
 * hash worker (hash-workers.ts), except the cheap algorithms (checksums/cheap-algorithms.ts),
 * which stay inline beside the writes.
 *
 * Why a lone large body goes to a worker too: MD5 is sequential, so one upload can go no faster
 * than one core hashes it, but inline the main thread also receives, copies, writes and computes
 * xxh64, one after the other, about 2.1-2.7 s of CPU per GB on this project's 2-core machine
 * against 1.4 s for MD5 alone; with MD5 in a worker the main thread spends about 1 s/GB and the
 * two run side by side (bench s3-upload-figures, per-thread CPU in `settings`).
 *
 * But only to a worker already running: starting one takes 50-100 ms of CPU (more on a loaded
 * machine), as long as hashing 35-70 MiB inline, so a lone body that finds none hashes inline as
 * before, and if it is big enough (WARM_UP_BYTES) starts one for the bodies that follow; the
 * worker ends after the idle timeout if none comes. Where there is no second core, a lone body
 * always stays inline (`loneLargeBody`).
 */
import { CountedBodyHasher, InlineBodyHasher, SplitBodyHasher, type BodyHasher } from '../checksums/body-hasher.js';
import { CHEAP_ALGORITHMS } from '../checksums/cheap-algorithms.js';
import type { ChecksumAlgorithm } from '../checksums/types.js';
import { PooledBodyHasher } from './hash-session.js';
import { HashWorkers } from './hash-workers.js';

/**
 * 'inline': always (a single core); 'worker-if-running': to a hash worker if one is running, else
 * inline (the default on several cores); 'worker': always to a worker (tests of the sessions).
 */
export type LoneLargeBody = 'inline' | 'worker-if-running' | 'worker';

/** A lone body this large that finds no hash worker running starts one for the next bodies. */
export const WARM_UP_BYTES = 8 * 1024 * 1024;

export interface BodyHashingOptions {
  maxThreads: number;
  idleTimeout: number;
  /** Bodies below this many bytes always hash inline. */
  threshold: number;
  /** Where a large body goes while no other large body is being hashed. */
  loneLargeBody: LoneLargeBody;
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
    const alone = this.#largeBodies === 0;
    const lone = this.#options.loneLargeBody;
    const inline = slow.length === 0 || (alone && (lone === 'inline' || (lone === 'worker-if-running' && this.#hashWorkers.threads === 0)));
    let hasher: BodyHasher;
    if (inline) {
      if (alone && slow.length > 0 && lone === 'worker-if-running' && knownBytes >= WARM_UP_BYTES) this.#hashWorkers.warmUp();
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
