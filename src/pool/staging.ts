/**
 * The memory one hash worker reads batches from (src/pool/hash-session.ts): 512 KiB ArrayBuffers,
 * moved to the worker with each batch and moved back with its answer, at most STAGING_MAX_BUFFERS
 * per worker, and freed with the worker.
 *
 * Why a cap per worker: a worker hashes one batch at a time, so staging beyond a few batches
 * only holds bytes waiting their turn. Before, every session held its own (about two batches of
 * two buffers each): the AWS CLI's ten concurrent 8 MiB parts kept ~36 MiB of staging while one
 * worker hashed them. Now a session waits for a buffer, and its body waits with it (the blob
 * writer reads no further until its batch is copied), so memory stays at the cap.
 *
 * Why ArrayBuffers moved back and forth rather than shared memory: when the worker goes idle and
 * exits, its staging must go too. A dropped SharedArrayBuffer waits for a major GC that an idle
 * process never runs (measured: about 16 MiB stayed after the worker had gone); ArrayBuffers can
 * be freed on the spot (util/free-now.ts), and those inside the exiting worker go with it.
 */
import { freeNow } from '../util/free-now.js';

/**
 * Bytes per staging buffer: one batch of the blob writer (it flushes at 512 KiB; the chunk that
 * crosses that mark spills into a second buffer, rarely, since uWS and node:http read in powers
 * of two). It was 1 MiB with 1 MiB batches; both halved together (native-store/blob-file-writer.ts).
 */
export const STAGING_BYTES = 512 * 1024;
/**
 * Buffers per worker, in flight or being filled (2 MiB). A push resolves once copied, so a lone
 * upload can queue three batches for its worker while the main thread fills the next: MD5 takes
 * ~1.4 ms per MiB, so that is ~2 ms of work queued through the main thread's stalls. Sessions of
 * one worker share them, so memory stays at 2 MiB per worker however many uploads there are.
 * With 1 MiB buffers, six (6 MiB) raised the peak of four concurrent 64 MiB PUTs by 3-6 MiB
 * (92-102 against 88-96 MiB, same rounds, s3-upload-figures' workload on a loaded machine).
 */
export const STAGING_MAX_BUFFERS = 4;

export class StagingPool {
  readonly #max: number;
  readonly #free: ArrayBuffer[] = [];
  readonly #waiting: Array<{ resolve: (buffer: ArrayBuffer) => void; reject: (err: unknown) => void }> = [];
  /** Buffers that exist: free, being filled, or with the worker. */
  #count = 0;
  #closed = false;

  constructor(max = STAGING_MAX_BUFFERS) {
    this.#max = max;
  }

  /** A buffer for the next batch: at once while under the cap, else once one comes back (FIFO). */
  take(): Promise<ArrayBuffer> {
    if (this.#closed) return Promise.reject(new Error('the hash worker has gone'));
    const free = this.#free.pop();
    if (free !== undefined) return Promise.resolve(free);
    if (this.#count < this.#max) {
      this.#count++;
      return Promise.resolve(new ArrayBuffer(STAGING_BYTES));
    }
    return new Promise((resolve, reject) => this.#waiting.push({ resolve, reject }));
  }

  /** A buffer the worker answered for (or one taken and not sent): to the next waiter, or kept. */
  giveBack(buffer: ArrayBuffer): void {
    if (this.#closed) return freeNow([buffer]);
    if (buffer.byteLength !== STAGING_BYTES) return this.forget(1);
    const next = this.#waiting.shift();
    if (next !== undefined) next.resolve(buffer);
    else this.#free.push(buffer);
  }

  /** `n` buffers sent to the worker will never come back (an aborted session): room for new ones. */
  forget(n: number): void {
    this.#count = Math.max(0, this.#count - n);
    while (this.#waiting.length > 0 && this.#count < this.#max && !this.#closed) {
      this.#count++;
      this.#waiting.shift()!.resolve(new ArrayBuffer(STAGING_BYTES));
    }
  }

  /** The worker has gone: free every buffer held here now, and fail whoever waits for one. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    freeNow(this.#free.splice(0));
    const error = new Error('the hash worker has gone');
    for (const w of this.#waiting.splice(0)) w.reject(error);
  }

  /** Buffers in existence (tests). */
  get size(): number {
    return this.#count;
  }

  /** Free buffers held now (tests). */
  get free(): number {
    return this.#free.length;
  }
}
