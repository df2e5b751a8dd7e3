/**
 * Shared memory that a hash worker reads batches from (src/pool/hash-session.ts): 1 MiB
 * SharedArrayBuffers, reused once the worker has hashed them, shared by every session of one pool.
 *
 * Why a pool of its own rather than sharing the upload slabs: V8 does not count
 * SharedArrayBuffers as external memory, so dropped ones are never what starts a GC (measured: 400
 * MiB of dropped 1 MiB SABs piled up with no collection, against 37 MiB for ArrayBuffers). Upload
 * slabs are sometimes left to the GC by design (util/byte-slabs.ts), so they stay ArrayBuffers;
 * these are never dropped while in use, and the free ones go after an idle spell (DESIGN.md §6a).
 */
export const STAGING_BYTES = 1024 * 1024;
/** Free buffers kept: about two per concurrent upload for eight uploads. */
const FREE_MAX = 16;
const IDLE_MS = 10_000;

export class StagingPool {
  readonly #free: SharedArrayBuffer[] = [];
  #used = false;
  #timer: NodeJS.Timeout | undefined;

  take(): SharedArrayBuffer {
    this.#used = true;
    return this.#free.pop() ?? new SharedArrayBuffer(STAGING_BYTES);
  }

  giveBack(buffer: SharedArrayBuffer): void {
    if (this.#free.length >= FREE_MAX) return;
    this.#free.push(buffer);
    this.#timer ??= setTimeout(() => this.#onIdleCheck(), IDLE_MS).unref();
  }

  /** Free buffers held now (tests). */
  get free(): number {
    return this.#free.length;
  }

  #onIdleCheck(): void {
    this.#timer = undefined;
    if (!this.#used) {
      this.#free.length = 0;
      return;
    }
    this.#used = false;
    this.#timer = setTimeout(() => this.#onIdleCheck(), IDLE_MS).unref();
  }
}
