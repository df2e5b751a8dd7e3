/**
 * WorkerPool on piscina, created lazily (DESIGN.md §6, §6a): no thread, and not even the piscina
 * module, exists until the first task big enough for the pool; `minThreads: 0` and an idle
 * timeout bring it back to zero threads when idle. Small tasks run inline through the very same
 * task function (workers/tasks.ts), imported on first use.
 *
 * Upload bodies are hashed by the hash workers beside it (hash-workers.ts, hash-session.ts):
 * long-lived sessions fed over their own ports, started and ended on demand the same way.
 *
 * Ownership: a pooled task's buffer is transferred, so the caller's Uint8Array is detached
 * (length 0) once `run` has been called with it. Pass a copy if you still need the bytes.
 */
import { availableParallelism } from 'node:os';
import type { Piscina } from 'piscina';
import { CountedBodyHasher, InlineBodyHasher, SplitBodyHasher, type BodyHasher } from '../checksums/body-hasher.js';
import { CHEAP_ALGORITHMS } from '../checksums/cheap-algorithms.js';
import type { ChecksumAlgorithm } from '../checksums/types.js';
import { PooledBodyHasher } from './hash-session.js';
import { HashWorkers } from './hash-workers.js';
import { StagingPool } from './staging.js';
import type { Task, TaskResult, WorkerPool } from './types.js';
import { DEFAULT_THRESHOLDS, type Thresholds } from './thresholds.js';
import { prepareTransfer, taskBytes } from './transfer.js';
import type { TaskOutcome } from '../../workers/tasks.js';

type TasksModule = typeof import('../../workers/tasks.js');

export interface WorkerPoolOptions {
  /** Most task threads, and most hash threads; default `defaultPoolThreads()`; 0: every task inline. */
  maxThreads?: number;
  /** Milliseconds an idle worker lives; default 10 s. */
  idleTimeout?: number;
  /** Override the measured inline/pool thresholds (tests, benchmarks). */
  thresholds?: Partial<Thresholds>;
  /**
   * Hash a large body inline when no other large body is being hashed (default true): a lone
   * upload gains nothing from a worker and pays the hand-off (measured below). False: every large
   * body goes to a worker (tests of the hash sessions).
   */
  inlineWhenAlone?: boolean;
}

const TASKS_URL = new URL('../../workers/tasks.js', import.meta.url);

/**
 * Cores − 1 (the main thread runs uWS and the writes), at least 1, at most 4. Measured with
 * `npm run bench -- s3-upload-figures --pool-threads 1,2` on 2 cores: see docs/architecture.md.
 */
export function defaultPoolThreads(cores = availableParallelism()): number {
  return Math.max(1, Math.min(4, cores - 1));
}

export class PiscinaWorkerPool implements WorkerPool {
  readonly #maxThreads: number;
  readonly #idleTimeout: number;
  readonly #thresholds: Thresholds;
  readonly #hashWorkers: HashWorkers;
  readonly #staging = new StagingPool();
  readonly #inlineWhenAlone: boolean;
  /** Large bodies being hashed now, inline or in a worker. */
  #largeBodies = 0;
  #piscina: Promise<Piscina> | undefined;
  #started: Piscina | undefined;
  #inline: Promise<TasksModule> | undefined;
  #closed = false;

  constructor(options: WorkerPoolOptions = {}) {
    this.#maxThreads = options.maxThreads ?? defaultPoolThreads();
    this.#idleTimeout = options.idleTimeout ?? 10_000;
    this.#thresholds = this.#maxThreads === 0
      ? { 'xml-parse': Infinity, checksum: Infinity }
      : { ...DEFAULT_THRESHOLDS, ...options.thresholds };
    this.#hashWorkers = new HashWorkers({ maxThreads: this.#maxThreads, idleTimeout: this.#idleTimeout });
    this.#inlineWhenAlone = options.inlineWhenAlone ?? true;
  }

  get threads(): number {
    return (this.#started?.threads.length ?? 0) + this.#hashWorkers.threads;
  }

  /**
   * The hasher for one upload body. Small bodies, and a large body while no other large body is
   * being hashed, hash inline: MD5 is sequential, so a lone upload is bound by one core wherever it
   * hashes, and the hand-off costs it (s3-upload-figures, 2 cores, quiet: a single 64 MiB PUT
   * 325 MB/s and 2.8 s of CPU per GB inline, 259 MB/s and 5.1 s/GB through a worker). Every
   * further concurrent large body hashes in a worker, so concurrent uploads use the other cores.
   */
  bodyHasher(algorithms: readonly ChecksumAlgorithm[], knownBytes: number): BodyHasher {
    if (this.#closed || knownBytes < this.#thresholds.checksum) return new InlineBodyHasher(algorithms);
    const slow = algorithms.filter((a) => !CHEAP_ALGORITHMS.has(a));
    const alone = this.#inlineWhenAlone && this.#largeBodies === 0;
    let hasher: BodyHasher;
    if (slow.length === 0 || alone) {
      hasher = new InlineBodyHasher(algorithms);
    } else {
      const cheap = algorithms.filter((a) => CHEAP_ALGORITHMS.has(a));
      const pooled = new PooledBodyHasher(this.#hashWorkers.open(slow), this.#staging);
      hasher = cheap.length === 0 ? pooled : new SplitBodyHasher(new InlineBodyHasher(cheap), pooled);
    }
    this.#largeBodies++;
    return new CountedBodyHasher(hasher, () => { this.#largeBodies--; });
  }

  get maxThreads(): number {
    return this.#maxThreads;
  }

  get queued(): number {
    return this.#started?.queueSize ?? 0;
  }

  async run<T extends Task>(task: T): Promise<TaskResult<T>> {
    if (this.#closed) throw new Error('worker pool is closed');
    if (taskBytes(task) < this.#thresholds[task.kind]) {
      this.#inline ??= import('../../workers/tasks.js');
      return (await this.#inline).runTask(task);
    }
    const piscina = await this.#pool();
    const { task: message, transferList } = prepareTransfer(task);
    const outcome = (await piscina.run(message, { transferList })) as TaskOutcome;
    if (!outcome.ok) throw await rebuildError(outcome.name, outcome.message);
    if ('json' in outcome) return JSON.parse(outcome.json) as TaskResult<T>;
    return fromWorker(task, outcome.value) as TaskResult<T>;
  }

  async close(): Promise<void> {
    this.#closed = true;
    await this.#hashWorkers.close();
    const pending = this.#piscina;
    this.#piscina = undefined;
    this.#started = undefined;
    if (pending !== undefined) await (await pending).close();
  }

  #pool(): Promise<Piscina> {
    this.#piscina ??= import('piscina').then(({ Piscina }) => {
      const piscina = new Piscina({
        filename: TASKS_URL.href,
        minThreads: 0,
        maxThreads: this.#maxThreads,
        idleTimeout: this.#idleTimeout,
      });
      this.#started = piscina;
      return piscina;
    });
    return this.#piscina;
  }
}

/** Structured clone turns Buffers into plain Uint8Arrays; hand back Buffers as inline does. */
function fromWorker(task: Task, value: TaskResult<Task>): TaskResult<Task> {
  if (task.kind !== 'checksum') return value;
  const digests: Record<string, Uint8Array> = {};
  for (const [name, bytes] of Object.entries(value as Record<string, Uint8Array>)) {
    digests[name] = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  return digests;
}

/** Gives the caller the error class the inline path would throw (sax is loaded only then). */
async function rebuildError(name: string, message: string): Promise<Error> {
  if (name === 'XmlParseError') {
    const { XmlParseError } = await import('../protocols/shared/xml-parse.js');
    return new XmlParseError(message);
  }
  const error = new Error(message);
  error.name = name;
  return error;
}
