/**
 * A BodyHasher whose hashing runs in a hash worker (the main side of
 * src/checksums/hash-session-worker.ts, over a port from src/pool/hash-workers.ts): one body's
 * MD5 stays one stream in one thread while the main thread keeps receiving and writing, and
 * several bodies hash on several cores.
 *
 * Zero copy for slab chunks: a chunk that views a SharedArrayBuffer (uWS bodies, see
 * util/byte-slabs.ts) is posted as a reference to that memory; the writer reuses it only after
 * the worker said it is hashed. Other chunks (node:http bodies) are copied into this session's
 * own staging SharedArrayBuffers, reused once hashed: transferring fresh ArrayBuffers instead
 * left them to the worker's rare GCs (measured: +150 MiB of RSS for four 64 MiB bodies).
 * A push resolves when the worker answers its sequence number; if the worker fails or dies,
 * every pending and later push rejects, so a writer never waits forever.
 */
import type { MessagePort } from 'node:worker_threads';
import type { BodyHasher } from '../checksums/body-hasher.js';
import type { HashSessionMessage, HashSessionPart, HashSessionReply } from '../checksums/hash-session-worker.js';
import type { Digests } from '../checksums/types.js';

const STAGING_BYTES = 1024 * 1024;

interface Pending { resolve: () => void; reject: (err: unknown) => void; staging: SharedArrayBuffer | undefined }

export class PooledBodyHasher implements BodyHasher {
  readonly #port: MessagePort;
  readonly #pending: Pending[] = [];
  readonly #freeStaging: SharedArrayBuffer[] = [];
  readonly #result: Promise<Digests>;
  #settle: { resolve: (d: Digests) => void; reject: (err: unknown) => void } | undefined;
  #seq = 0;
  #failure: unknown;
  #ended = false;

  constructor(port: MessagePort) {
    this.#port = port;
    this.#result = new Promise<Digests>((resolve, reject) => { this.#settle = { resolve, reject }; });
    this.#result.catch(() => undefined); // observed by digests(), if it is ever called
    port.on('message', (reply: HashSessionReply) => this.#onReply(reply));
    port.once('close', () => this.#fail(new Error('hash worker went away before the body was hashed')));
  }

  push(chunks: readonly Uint8Array[]): Promise<void> {
    if (this.#failure !== undefined) return Promise.reject(this.#failure);
    if (this.#ended) return Promise.reject(new Error('hash session already ended'));
    const parts: HashSessionPart[] = [];
    let copyBytes = 0;
    for (const c of chunks) if (!(c.buffer instanceof SharedArrayBuffer)) copyBytes += c.byteLength;
    const staging = copyBytes > 0 ? this.#takeStaging(copyBytes) : undefined;
    let at = 0;
    for (const c of chunks) {
      if (c.byteLength === 0) continue;
      if (c.buffer instanceof SharedArrayBuffer) {
        parts.push({ buffer: c.buffer, offset: c.byteOffset, length: c.byteLength });
      } else {
        new Uint8Array(staging!, at, c.byteLength).set(c);
        parts.push({ buffer: staging!, offset: at, length: c.byteLength });
        at += c.byteLength;
      }
    }
    return new Promise<void>((resolve, reject) => {
      this.#pending.push({ resolve, reject, staging });
      this.#post({ type: 'data', seq: this.#seq++, parts });
    });
  }

  digests(): Promise<Digests> {
    if (this.#ended) return Promise.reject(new Error('hash session already ended'));
    this.#ended = true;
    this.#post({ type: 'end' });
    return this.#result;
  }

  abort(): void {
    if (this.#failure !== undefined) return;
    this.#ended = true;
    this.#failure = new Error('hash session aborted');
    // The worker may still be reading a pushed batch; an aborted body's memory is not reused.
    for (const p of this.#pending.splice(0)) p.resolve();
    this.#port.close();
  }

  #takeStaging(bytes: number): SharedArrayBuffer {
    const free = this.#freeStaging.pop();
    if (free !== undefined && free.byteLength >= bytes) return free;
    return new SharedArrayBuffer(Math.max(bytes, STAGING_BYTES));
  }

  #onReply(reply: HashSessionReply): void {
    if (typeof reply === 'number') {
      const done = this.#pending.shift();
      if (done?.staging !== undefined) this.#freeStaging.push(done.staging);
      done?.resolve();
    } else if ('digests' in reply) {
      this.#settle?.resolve(digestsFromWorker(reply.digests));
    } else {
      this.#fail(new Error(`hashing failed in the hash worker: ${reply.error}`));
    }
  }

  #post(message: HashSessionMessage): void {
    if (this.#failure === undefined) this.#port.postMessage(message);
  }

  #fail(err: unknown): void {
    this.#failure ??= err;
    for (const p of this.#pending.splice(0)) p.reject(this.#failure);
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
