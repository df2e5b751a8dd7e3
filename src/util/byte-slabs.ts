/**
 * Reusable memory for request bodies that must be copied as they arrive (uWS lends each chunk
 * only for the duration of its callback), or whose own buffers are better freed at once than left
 * to the GC (node:http, see server/node-http-request-body.ts).
 *
 * Why: a fresh ArrayBuffer per network chunk is external memory that V8 frees only at a major
 * GC, which it starts after about 64 MB of such memory has piled up. Streaming a large upload
 * therefore grew RSS by ~40 MB of dead buffers (s3-figures, figure 6). Copying into 1 MiB slabs
 * that go back to a small pool once consumed keeps an upload at a few MiB.
 *
 * Protocol: a body's chunks are views into its chain's slabs, in order. The body's one consumer,
 * which sees every byte in order (the blob writer), calls `recycleBefore(view)` once it is done
 * with everything before `view` (its bytes written), and `recycleAll(view)` when the body has
 * ended and is fully written. Only slabs wholly before `view`'s slab are reused: the slab of
 * `view` may still hold bytes that a decoder upstream has not passed on yet. A consumer that
 * never calls these (buffered XML bodies, the memory backend) just leaves the slabs to the GC.
 * Each slab carries its chain (a symbol-keyed property), so a consumer needs nothing but the
 * view; each pool belongs to one server instance.
 *
 * Slab sizes: a body of unknown length (chunked) or with more than SLAB_BYTES still to come gets
 * SLAB_BYTES slabs; one whose declared length says less is coming gets the smallest power of two
 * (from MIN_SLAB_BYTES) that holds the rest. Why: under `s3-mixed` (log-normal sizes, median 64
 * KiB) most streamed bodies are 64 KiB..1 MiB, and each held a whole 1 MiB slab: 15 MiB of slabs
 * at the peak of concurrency 32 (bench v8-settings, probe of the server's ArrayBuffers).
 */
import { IdleFreeList } from './idle-free-list.js';
import { freeNow } from './free-now.js';

export const SLAB_BYTES = 1024 * 1024;
/** The smallest slab, for the rest of a body that has at most this much still to come. */
export const MIN_SLAB_BYTES = 64 * 1024;
/**
 * Bodies up to this size are copied as before, one buffer per chunk: a slab is for bodies that
 * stream, and handing a 1 MiB slab to every 4 KiB PUT cost 30% of small-object throughput
 * (npm run bench:gate).
 */
export const SMALL_BODY = 64 * 1024;
/**
 * Bytes of free slabs a pool keeps for the next bodies, all sizes together; a slab given back
 * past this is freed on the spot (util/free-now.ts), never left to the GC.
 *
 * Why a byte budget rather than a count per size: the pool used to keep 16 free slabs of each
 * size (up to 31 MiB). Under `s3-mixed` at concurrency 32 the uploads in flight held 0-4 MiB of
 * slabs at any moment, but the pool kept 10-14 MiB free from the busiest moment (the setup's 16
 * concurrent uploads, before TurboFan was on), for as long as the load ran: about half of the
 * server's ArrayBuffer memory at its peak (bench v8-settings, a probe of live buffers by kind).
 * With 2 MiB kept the `s3-mixed` peak went 96.3-99.8 → 93.2-95.1 MiB (3 runs each, same run,
 * loaded machine). A slab freed and allocated again costs 10-15 µs (the MessageChannel of
 * freeNow, and malloc reusing the chunk once glibc's mmap threshold has risen past the slab
 * sizes, as it does after the first large free; about 80 µs per MiB in a fresh process, where each
 * slab is a new mapping), against ~1 ms of main-thread CPU that a MiB of upload takes: four
 * concurrent 64 MiB PUTs, whose free list swings by a few slabs, measured within the noise of
 * their CPU per GB (s3-upload-figures, 3 alternating runs each).
 */
export const FREE_BYTES = 2 * 1024 * 1024;
/** Free slabs go after this long without a body needing one: an idle emulator holds none (§6a). */
const IDLE_MS = 10_000;
/**
 * Slabs a body keeps track of. A consumer that recycles holds three or four; for one that
 * never does, older slabs are let go to the GC rather than held for the life of the body.
 */
const CHAIN_MAX = 8;

const OWNER = Symbol('boltstack.slabChain');
type Slab = ArrayBuffer & { [OWNER]?: SlabChain | undefined };

/** The slab size for a chunk of `chunk` bytes when `rest` bytes (this chunk included) are still to come. */
export function slabSize(chunk: number, rest: number): number {
  let size = MIN_SLAB_BYTES;
  while (size < SLAB_BYTES && (size < rest || size < chunk)) size *= 2;
  return size;
}

/** Free slabs, shared by the bodies of one server: one free list per slab size, FREE_BYTES in all. */
export class SlabPool {
  // Free slabs let go (past FREE_BYTES, or idle) are freed on the spot: nothing views them any more.
  readonly #free = new Map<number, IdleFreeList<Slab>>();
  #freeBytes = 0;

  acquire(size = SLAB_BYTES): Slab {
    const kept = this.#free.get(size)?.take();
    if (kept !== undefined) {
      this.#freeBytes -= size;
      return kept;
    }
    // allocUnsafeSlow: no zero-filling of memory that is about to be overwritten.
    return Buffer.allocUnsafeSlow(size).buffer as Slab;
  }

  giveBack(slab: Slab): void {
    slab[OWNER] = undefined;
    const size = slab.byteLength;
    if (this.#freeBytes + size > FREE_BYTES) return freeNow([slab]);
    let free = this.#free.get(size);
    if (free === undefined) {
      const released = (idle: Slab[]): void => {
        this.#freeBytes -= idle.length * size;
        freeNow(idle);
      };
      this.#free.set(size, free = new IdleFreeList<Slab>(Infinity, IDLE_MS, released));
    }
    this.#freeBytes += size;
    free.keep(slab);
  }

  /** Bytes of free slabs kept now (tests). */
  get freeBytes(): number {
    return this.#freeBytes;
  }
}

/** The slabs of one body, in the order its bytes arrived. */
export class SlabChain {
  readonly #pool: SlabPool;
  readonly #slabs: Slab[] = [];
  /** The body's declared length; Infinity when unknown (chunked). */
  readonly #expected: number;
  #offset = 0;
  #slabBytes = 0;
  #closed = false;
  #bytes = 0;

  /** `expectedBytes`: the body's declared length, when it has one (sizes its slabs). */
  constructor(pool: SlabPool, expectedBytes?: number) {
    this.#pool = pool;
    this.#expected = expectedBytes !== undefined && Number.isFinite(expectedBytes) && expectedBytes >= 0 ? expectedBytes : Infinity;
  }

  /** Copies `chunk` (valid only now) and returns the copy, a view into a slab. */
  copy(chunk: ArrayBuffer | Uint8Array): Buffer {
    const n = chunk.byteLength;
    this.#bytes += n;
    // Outside a slab, a copy of its own (Buffer.from(bytes) would share node's 8 KiB pool).
    if (!this.#intoSlab(n)) return Buffer.from(chunk instanceof Uint8Array ? new Uint8Array(chunk).buffer : chunk.slice(0));
    return this.#append(chunk instanceof Uint8Array ? chunk : new Uint8Array(chunk));
  }

  /**
   * For a chunk that is already a buffer of the body's own (node:http hands each body piece over
   * in a fresh one): a copy in a slab where `copy` would make one, else `chunk` itself. The caller
   * may release `chunk`'s memory when what comes back is not `chunk`.
   */
  adopt(chunk: Buffer): Buffer {
    this.#bytes += chunk.byteLength;
    return this.#intoSlab(chunk.byteLength) ? this.#append(chunk) : chunk;
  }

  #intoSlab(n: number): boolean {
    return !this.#closed && n <= SLAB_BYTES && this.#bytes > SMALL_BODY;
  }

  #append(bytes: Uint8Array): Buffer {
    const n = bytes.byteLength;
    if (this.#offset + n > this.#slabBytes) {
      // #bytes already counts this chunk: the rest still to come starts with it.
      const size = slabSize(n, this.#expected - (this.#bytes - n));
      const slab = this.#pool.acquire(size);
      slab[OWNER] = this;
      this.#slabs.push(slab);
      this.#offset = 0;
      this.#slabBytes = size;
      if (this.#slabs.length > CHAIN_MAX) this.#slabs.shift()![OWNER] = undefined;
    }
    const slab = this.#slabs[this.#slabs.length - 1]!;
    new Uint8Array(slab, this.#offset, n).set(bytes);
    const view = Buffer.from(slab, this.#offset, n);
    this.#offset += n;
    return view;
  }

  recycleBefore(slab: Slab): void {
    const index = this.#slabs.indexOf(slab);
    if (index <= 0) return;
    for (const done of this.#slabs.splice(0, index)) this.#pool.giveBack(done);
  }

  recycleAll(): void {
    this.#closed = true;
    for (const done of this.#slabs.splice(0)) this.#pool.giveBack(done);
  }
}

/** The consumer has used every byte of the body before `view` (see the file comment). */
export function recycleBefore(view: Uint8Array): void {
  const slab = view.buffer as Slab;
  slab[OWNER]?.recycleBefore(slab);
}

/** The body `view` belongs to has ended and the consumer has used all of it. */
export function recycleAll(view: Uint8Array): void {
  (view.buffer as Slab)[OWNER]?.recycleAll();
}
