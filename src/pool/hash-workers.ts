/**
 * The threads that hash upload bodies (src/pool/hash-session.ts), started on demand and gone
 * after an idle spell, so an idle emulator holds none (DESIGN.md §6, §6a).
 *
 * Why not piscina tasks: a body's hash session lives as long as its upload and is fed over its
 * own MessagePort, which piscina's one-task-per-slot model handles badly (a busy slot per upload;
 * its default balancer piles every session on the first worker), and piscina itself costs about
 * 9 MiB of RSS to load (measured) while a bare worker costs 8–10 MiB: that is the headroom of
 * the "four 64 MiB uploads under 100 MB" budget. These workers are plain node:worker_threads
 * running workers/hash-worker.js, and a new session goes to the worker with the fewest sessions,
 * or to a new worker while every one is busy and the limit allows.
 *
 * A worker that dies closes its sessions' ports: those bodies fail (the session sees the close),
 * the others carry on, and the next session starts a fresh worker.
 *
 * Each worker has its own staging memory (staging.ts), capped, and freed the moment the worker
 * ends (idle, failed or closed): an idle emulator holds neither the thread nor its buffers.
 */
import { createRequire } from 'node:module';
import type { MessagePort, Worker } from 'node:worker_threads';
import type { ChecksumAlgorithm } from '../checksums/types.js';
import type { OpenSession } from '../../workers/hash-worker.js';
import { StagingPool } from './staging.js';

const ENTRY = new URL('../../workers/hash-worker.js', import.meta.url);

/**
 * node:worker_threads is required when the first worker starts, not imported with this module:
 * every upload loads this file, and a session of small PUTs that never starts a worker kept the
 * module (about 70 KiB of heap, measured) for the life of the process. Ports come from the global
 * MessageChannel, the same class.
 */
const requireCjs = createRequire(import.meta.url);
const newWorker = (entry: URL): Worker => new (requireCjs('node:worker_threads') as typeof import('node:worker_threads')).Worker(entry);

interface HashThread {
  worker: Worker;
  staging: StagingPool;
  sessions: number;
  idleTimer: NodeJS.Timeout | undefined;
}

/** One body's session: the main side of its port, and the staging memory of its worker. */
export interface HashSessionChannel {
  port: MessagePort;
  staging: StagingPool;
}

export interface HashWorkersOptions {
  maxThreads: number;
  /** Milliseconds a worker with no session lives. */
  idleTimeout: number;
}

export class HashWorkers {
  readonly #options: HashWorkersOptions;
  readonly #threads = new Set<HashThread>();
  #closed = false;

  constructor(options: HashWorkersOptions) {
    this.#options = options;
  }

  get threads(): number {
    return this.#threads.size;
  }

  /** A session for one body: the main side of its port (see hash-session-worker.ts). */
  open(algorithms: readonly ChecksumAlgorithm[]): HashSessionChannel {
    if (this.#closed) throw new Error('hash workers are closed');
    const thread = this.#pick();
    const { port1, port2 } = new MessageChannel();
    const message: OpenSession = { port: port2, algorithms: [...algorithms] };
    thread.worker.postMessage(message, [port2]);
    thread.sessions++;
    if (thread.idleTimer !== undefined) {
      clearTimeout(thread.idleTimer);
      thread.idleTimer = undefined;
    }
    port1.once('close', () => this.#sessionEnded(thread));
    return { port: port1, staging: thread.staging };
  }

  /**
   * Starts a worker now if none is running, for the sessions to come; it ends after the idle
   * timeout like any other if none comes.
   */
  warmUp(): void {
    if (this.#closed || this.#threads.size > 0) return;
    this.#idleFrom(this.#spawn());
  }

  async close(): Promise<void> {
    this.#closed = true;
    const threads = [...this.#threads];
    this.#threads.clear();
    await Promise.all(threads.map((t) => {
      clearTimeout(t.idleTimer);
      t.staging.close();
      return t.worker.terminate();
    }));
  }

  #pick(): HashThread {
    let best: HashThread | undefined;
    for (const t of this.#threads) if (best === undefined || t.sessions < best.sessions) best = t;
    if (best !== undefined && (best.sessions === 0 || this.#threads.size >= this.#options.maxThreads)) return best;
    return this.#spawn();
  }

  #spawn(): HashThread {
    const worker = newWorker(ENTRY);
    // Never what keeps the process alive: a session in progress has its ports for that.
    worker.unref();
    const thread: HashThread = { worker, staging: new StagingPool(), sessions: 0, idleTimer: undefined };
    const forget = (): void => {
      clearTimeout(thread.idleTimer);
      thread.staging.close();
      this.#threads.delete(thread);
    };
    // An error ends the worker (and closes its sessions' ports); later sessions get a new one.
    worker.on('error', forget);
    worker.once('exit', forget);
    this.#threads.add(thread);
    return thread;
  }

  #sessionEnded(thread: HashThread): void {
    thread.sessions--;
    if (thread.sessions > 0 || !this.#threads.has(thread)) return;
    this.#idleFrom(thread);
  }

  /** The thread has no session from now on: it ends after the idle timeout unless one comes. */
  #idleFrom(thread: HashThread): void {
    thread.idleTimer = setTimeout(() => {
      this.#threads.delete(thread);
      thread.staging.close();
      void thread.worker.terminate();
    }, this.#options.idleTimeout).unref();
  }
}
