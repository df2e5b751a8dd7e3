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
import { IdleFreeList } from '../util/idle-free-list.js';

export const STAGING_BYTES = 1024 * 1024;
/** Free buffers kept: about two per concurrent upload for eight uploads. */
const FREE_MAX = 16;
const IDLE_MS = 10_000;

export class StagingPool {
  readonly #free = new IdleFreeList<SharedArrayBuffer>(FREE_MAX, IDLE_MS);

  take(): SharedArrayBuffer {
    return this.#free.take() ?? new SharedArrayBuffer(STAGING_BYTES);
  }

  giveBack(buffer: SharedArrayBuffer): void {
    this.#free.keep(buffer);
  }

  /** Free buffers held now (tests). */
  get free(): number {
    return this.#free.size;
  }
}
