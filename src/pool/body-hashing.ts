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
 * before, and if it is big enough (WORKER_START_BYTES) starts one for the bodies that follow; the
 * worker ends after the idle timeout if none comes. Where there is no second core, a lone body
 * always stays inline (`loneLargeBody`).
 *
 * Concurrent large bodies start a worker by the same measure: only once the large bodies being
 * hashed (this one included) announce WORKER_START_BYTES together, the hashing a start pays for.
 * Why: a worker costs 10-12 MiB of RSS while it lives (its isolate and Node environment, and its
 * staging), for 10 s after its last body. Under `s3-mixed` c32 (1 KiB..16 MiB bodies) any two
 * concurrent bodies of 1 MiB or more used to start one: peak VmRSS 110-114 MiB against 93-94
 * with every body inline (--pool-threads 0), at no less server CPU per operation (bench
 * v8-settings, same run, loaded machine). Streams of large bodies (four 64 MiB PUTs, the AWS
 * CLI's ten 8 MiB parts) still reach it at once.
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

/**
 * Large bodies being hashed, announcing this many bytes together, start a hash worker when none
 * runs (a lone one hashes inline and starts it for the next bodies): about the hashing that pays
 * for starting a worker (50-100 ms of CPU, as long as MD5 takes for 35-70 MiB).
 */
export const WORKER_START_BYTES = 64 * 1024 * 1024;

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
  /** Large bodies being hashed now, inline or in a worker, and the bytes they announced. */
  #largeBodies = 0;
  #largeBytes = 0;

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
    const running = this.#hashWorkers.threads > 0;
    // A body of unknown length (Infinity, chunked) counts as just large: what it has shown.
    const bytes = Number.isFinite(knownBytes) ? knownBytes : this.#options.threshold;
    const worthStarting = this.#largeBytes + bytes >= WORKER_START_BYTES;
    const inline = slow.length === 0 || (lone !== 'worker' && (alone
      ? lone === 'inline' || !running
      : !running && !worthStarting));
    let hasher: BodyHasher;
    if (inline) {
      if (alone && slow.length > 0 && lone === 'worker-if-running' && worthStarting) this.#hashWorkers.warmUp();
      hasher = new InlineBodyHasher(algorithms);
    } else {
      const cheap = algorithms.filter((a) => CHEAP_ALGORITHMS.has(a));
      const { port, staging } = this.#hashWorkers.open(slow);
      const pooled = new PooledBodyHasher(port, staging);
      hasher = cheap.length === 0 ? pooled : new SplitBodyHasher(new InlineBodyHasher(cheap), pooled);
    }
    this.#largeBodies++;
    this.#largeBytes += bytes;
    return new CountedBodyHasher(hasher, () => {
      this.#largeBodies--;
      this.#largeBytes -= bytes;
    });
  }

  close(): Promise<void> {
    return this.#hashWorkers.close();
  }
}
