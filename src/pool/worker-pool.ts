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
import type { BodyHasher } from '../checksums/body-hasher.js';
import type { ChecksumAlgorithm } from '../checksums/types.js';
import type { BodyHashing, LoneLargeBody } from './body-hashing.js';
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
   * Where a large body goes while no other large body is being hashed (body-hashing.ts). Default:
   * 'inline' on a machine with a single core, where a worker cannot run beside the main thread;
   * otherwise 'worker-if-running', so a lone upload's MD5 overlaps its receiving and writing
   * without waiting for a worker to start. Tests of the sessions set 'worker'.
   */
  loneLargeBody?: LoneLargeBody;
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
  readonly #loneLargeBody: LoneLargeBody;
  /** Upload-body hashing (body-hashing.ts), loaded by `prepareBodyHashing()`, not at start. */
  #bodyHashing: BodyHashing | undefined;
  #piscina: Promise<Piscina> | undefined;
  #started: Piscina | undefined;
  #inline: Promise<TasksModule> | undefined;
  #closed = false;

  constructor(options: WorkerPoolOptions = {}) {
    this.#maxThreads = options.maxThreads ?? defaultPoolThreads();
    this.#idleTimeout = options.idleTimeout ?? 10_000;
    this.#thresholds = this.#maxThreads === 0
      ? { 'xml-parse': Infinity, checksum: Infinity, 'ddb-filter': Infinity }
      : { ...DEFAULT_THRESHOLDS, ...options.thresholds };
    this.#loneLargeBody = options.loneLargeBody ?? (availableParallelism() < 2 ? 'inline' : 'worker-if-running');
  }

  get threads(): number {
    return (this.#started?.threads.length ?? 0) + (this.#bodyHashing?.threads ?? 0);
  }

  /**
   * Loads upload-body hashing (the hashers, node:crypto, the wasm xxhashes, the hash-worker
   * plumbing: about 1.5 MiB of RSS) on first use rather than at start (DESIGN.md §6a); the store
   * calls it before it serves its first upload.
   */
  async prepareBodyHashing(): Promise<void> {
    if (this.#bodyHashing !== undefined) return;
    const { BodyHashing } = await import('./body-hashing.js');
    this.#bodyHashing ??= new BodyHashing({
      maxThreads: this.#maxThreads, idleTimeout: this.#idleTimeout, threshold: this.#thresholds.checksum, loneLargeBody: this.#loneLargeBody,
    });
  }

  bodyHasher(algorithms: readonly ChecksumAlgorithm[], knownBytes: number): BodyHasher {
    if (this.#bodyHashing === undefined) throw new Error('prepareBodyHashing() must resolve before bodyHasher()');
    return this.#bodyHashing.bodyHasher(algorithms, knownBytes, this.#closed);
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
    await this.#bodyHashing?.close();
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
    const { XmlParseError } = await import('../util/xml-parse.js');
    return new XmlParseError(message);
  }
  const error = new Error(message);
  error.name = name;
  return error;
}
