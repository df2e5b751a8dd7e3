/**
 * A streamed body's digests, batch by batch, possibly off the main thread.
 *
 * The blob writer hands each batch of body chunks (about 1 MiB) to `push` and, at the same time,
 * to the disk, and reads no further until the batch before is taken in (backpressure). An inline
 * hasher finishes `push` before it returns; a pooled one (src/pool/hash-session.ts) copies the
 * batch into a staging buffer and hashes it in a worker while the main thread keeps receiving and
 * writing, so a single upload's hashing overlaps its receiving and writing, and concurrent
 * uploads use every core.
 */
import { MultiHasher } from './multi-hasher.js';
import type { ChecksumAlgorithm, Digests } from './types.js';

export interface BodyHasher {
  /**
   * True when `push` still reads the chunks after it returned: their bytes must then not change
   * until its promise resolves. False when it is done with them on return (it hashed them), so
   * the caller may reuse their memory as soon as it is written.
   */
  readonly keepsChunks: boolean;
  /**
   * Hashes `chunks` after everything pushed before. Resolves once it no longer needs them:
   * hashed, or copied to be hashed elsewhere (a pooled hasher, which waits for room to copy them,
   * so an upload cannot run ahead of its hashing by more than that room). A hashing failure
   * rejects this push or a later one, and the digests.
   */
  push(chunks: readonly Uint8Array[]): Promise<void>;
  /** Once: the digests of everything pushed. */
  digests(): Promise<Digests>;
  /** Gives up (the body failed): pending pushes settle at once, no digests follow. Idempotent. */
  abort(): void;
}

/**
 * Chooses the hasher for one body from its size as known when its first batch is complete (the
 * announced size, else at least the bytes so far; a body smaller than a batch is complete by
 * then): small bodies hash inline, where a worker round trip costs more than it saves.
 * xxh64 needs `initChecksums()` to have resolved.
 */
export type BodyHasherFactory = (algorithms: readonly ChecksumAlgorithm[], knownBytes: number) => BodyHasher;

export class InlineBodyHasher implements BodyHasher {
  readonly keepsChunks = false;
  readonly #hasher: MultiHasher;

  constructor(algorithms: readonly ChecksumAlgorithm[]) {
    this.#hasher = new MultiHasher(algorithms);
  }

  push(chunks: readonly Uint8Array[]): Promise<void> {
    for (const chunk of chunks) this.#hasher.update(chunk);
    return Promise.resolve();
  }

  digests(): Promise<Digests> {
    return Promise.resolve(this.#hasher.digests());
  }

  abort(): void { /* nothing outstanding */ }
}

export const inlineBodyHashers: BodyHasherFactory = (algorithms) => new InlineBodyHasher(algorithms);

/**
 * Two hashers over the same batches, each with part of the algorithms (e.g. the cheap ones
 * inline, the rest in a worker); a push is done when both are.
 */
export class SplitBodyHasher implements BodyHasher {
  readonly #a: BodyHasher;
  readonly #b: BodyHasher;

  constructor(a: BodyHasher, b: BodyHasher) {
    this.#a = a;
    this.#b = b;
  }

  get keepsChunks(): boolean {
    return this.#a.keepsChunks || this.#b.keepsChunks;
  }

  push(chunks: readonly Uint8Array[]): Promise<void> {
    return Promise.all([this.#a.push(chunks), this.#b.push(chunks)]).then(() => undefined);
  }

  async digests(): Promise<Digests> {
    const [a, b] = await Promise.all([this.#a.digests(), this.#b.digests()]);
    return { ...a, ...b };
  }

  abort(): void {
    this.#a.abort();
    this.#b.abort();
  }
}

/** Calls `done` once when the body's hashing ends, by its digests or by an abort. */
export class CountedBodyHasher implements BodyHasher {
  readonly #inner: BodyHasher;
  #done: (() => void) | undefined;

  constructor(inner: BodyHasher, done: () => void) {
    this.#inner = inner;
    this.#done = done;
  }

  get keepsChunks(): boolean {
    return this.#inner.keepsChunks;
  }

  push(chunks: readonly Uint8Array[]): Promise<void> {
    return this.#inner.push(chunks);
  }

  async digests(): Promise<Digests> {
    try {
      return await this.#inner.digests();
    } finally {
      this.#end();
    }
  }

  abort(): void {
    this.#inner.abort();
    this.#end();
  }

  #end(): void {
    const done = this.#done;
    this.#done = undefined;
    done?.();
  }
}
