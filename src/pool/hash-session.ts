/**
 * A BodyHasher whose hashing runs in a hash worker (the main side of
 * src/checksums/hash-session-worker.ts, over a port from src/pool/hash-workers.ts): one body's
 * MD5 stays one stream in one thread while the main thread keeps receiving and writing, and
 * several bodies hash on several cores.
 *
 * Each batch is copied into a staging buffer of the worker's (staging.ts) that moves to the
 * worker with the batch and comes back with its answer. A push resolves as soon as its chunks are
 * copied, not when they are hashed: the caller may then reuse their memory, and the worker's
 * queue (up to its staging buffers, shared by its sessions) keeps it busy while the main thread
 * takes in the next batches, so a lone upload's receiving, writing and hashing overlap rather
 * than take turns (bench s3-upload-figures, figure C). A push waits for a free staging buffer,
 * and holds on to the caller's chunks until it has copied them (`keepsChunks`: the blob writer
 * reads no further meanwhile), which is what bounds memory while the worker is behind. The copy
 * costs the main thread ~0.05-0.1 ms per MiB, against ~1.4 ms for MD5. Pushes are copied and sent
 * in order; the digests come after the last batch is hashed. If the worker fails or dies, every
 * later push and the digests reject, and a push waiting for a buffer settles, so a writer never
 * waits forever.
 */
import type { MessagePort } from 'node:worker_threads';
import type { BodyHasher } from '../checksums/body-hasher.js';
import type { HashSessionMessage, HashSessionReply } from '../checksums/hash-session-worker.js';
import type { Digests } from '../checksums/types.js';
import { STAGING_BYTES, type StagingPool } from './staging.js';

export class PooledBodyHasher implements BodyHasher {
  readonly keepsChunks = true;
  readonly #port: MessagePort;
  readonly #staging: StagingPool;
  /** Staging buffers with the worker now (it answers for each, in order). */
  #withWorker = 0;
  readonly #result: Promise<Digests>;
  #settle: { resolve: (d: Digests) => void; reject: (err: unknown) => void } | undefined;
  /** The previous push's copying: pushes copy and send in the order they came. */
  #copying: Promise<void> = Promise.resolve();
  /** The staging buffer a push is filling, and how many bytes it holds. */
  #filling: ArrayBuffer | undefined;
  #filled = 0;
  #failure: unknown;
  #aborted = false;
  #ended = false;

  constructor(port: MessagePort, staging: StagingPool) {
    this.#port = port;
    this.#staging = staging;
    this.#result = new Promise<Digests>((resolve, reject) => { this.#settle = { resolve, reject }; });
    this.#result.catch(() => undefined); // observed by digests(), if it is ever called
    port.on('message', (reply: HashSessionReply) => this.#onReply(reply));
    port.once('close', () => this.#fail(new Error('hash worker went away before the body was hashed')));
  }

  push(chunks: readonly Uint8Array[]): Promise<void> {
    if (this.#failure !== undefined) return Promise.reject(this.#failure);
    if (this.#ended) return Promise.reject(new Error('hash session already ended'));
    const copied = this.#copying.then(() => this.#copyAndSend(chunks));
    this.#copying = copied.catch(() => undefined);
    return copied;
  }

  digests(): Promise<Digests> {
    if (this.#ended) return Promise.reject(new Error('hash session already ended'));
    this.#ended = true;
    // After every push has been sent: `end` must follow the last batch on the port.
    void this.#copying.then(() => this.#post('end'));
    return this.#result;
  }

  abort(): void {
    if (this.#failure !== undefined) return;
    this.#ended = true;
    this.#aborted = true;
    this.#failure = new Error('hash session aborted');
    this.#forgetBuffers();
    this.#port.close();
  }

  /**
   * Copies `chunks` into staging buffers, sending each to the worker once full, and the last one
   * as far as it is filled: a buffer is never held between pushes, where a stalled client would
   * keep it from the other sessions of its worker.
   */
  async #copyAndSend(chunks: readonly Uint8Array[]): Promise<void> {
    for (const c of chunks) {
      for (let from = 0; from < c.byteLength;) {
        if (this.#filling === undefined) {
          const taken = await this.#take();
          if (taken === undefined) return; // aborted: pending pushes settle quietly
          this.#filling = taken;
          this.#filled = 0;
        }
        const n = Math.min(c.byteLength - from, STAGING_BYTES - this.#filled);
        new Uint8Array(this.#filling, this.#filled, n).set(c.subarray(from, from + n));
        this.#filled += n;
        from += n;
        if (this.#filled === STAGING_BYTES) this.#sendFilling();
      }
    }
    this.#sendFilling();
    if (this.#failure !== undefined && !this.#aborted) throw this.#failure;
  }

  #sendFilling(): void {
    const buffer = this.#filling;
    if (buffer === undefined) return;
    this.#filling = undefined;
    if (this.#failure !== undefined) {
      this.#staging.giveBack(buffer);
      return;
    }
    this.#withWorker++;
    this.#post(new Uint8Array(buffer, 0, this.#filled), [buffer]);
  }

  /** A staging buffer; undefined once aborted; throws once failed (before or while waiting). */
  async #take(): Promise<ArrayBuffer | undefined> {
    const taken = this.#failure === undefined ? await this.#staging.take() : undefined;
    if (taken !== undefined && this.#failure === undefined) return taken;
    if (taken !== undefined) this.#staging.giveBack(taken);
    if (this.#aborted) return undefined;
    throw this.#failure;
  }

  #onReply(reply: HashSessionReply): void {
    if (reply instanceof ArrayBuffer) {
      this.#withWorker--;
      this.#staging.giveBack(reply);
    } else if ('digests' in reply) {
      this.#settle?.resolve(digestsFromWorker(reply.digests));
    } else {
      this.#fail(new Error(`hashing failed in the hash worker: ${reply.error}`));
    }
  }

  #post(message: HashSessionMessage, transfer: ArrayBuffer[] = []): void {
    if (this.#failure === undefined) this.#port.postMessage(message, transfer);
  }

  /** The buffers with the worker will not come back: room in the staging pool for new ones. */
  #forgetBuffers(): void {
    this.#staging.forget(this.#withWorker);
    this.#withWorker = 0;
    if (this.#filling !== undefined) this.#staging.giveBack(this.#filling);
    this.#filling = undefined;
  }

  #fail(err: unknown): void {
    this.#failure ??= err;
    this.#forgetBuffers();
    this.#settle?.reject(this.#failure);
    this.#port.close();
  }
}

/** Structured clone turns Buffers into plain Uint8Arrays; hand back Buffers as inline does. */
function digestsFromWorker(value: Digests): Digests {
  const digests: Digests = {};
  for (const [name, bytes] of Object.entries(value) as [keyof Digests, Uint8Array][]) {
    digests[name] = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  return digests;
}
