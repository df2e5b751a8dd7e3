/**
 * XXH3 (64-bit) and XXH128 through hash-wasm, behind `x-amz-checksum-xxhash3` / `-xxhash128`.
 *
 * hash-wasm creates a hasher asynchronously (each `createXXHash3()` instantiates its own wasm
 * module), while our `Hasher` contract is synchronous. So each algorithm gets ONE wasm instance
 * per thread, created on first need by `loadXxh3Family()` (awaited by `prepareChecksums()`), and
 * every stream's hasher borrows it: the instance holds the state of whichever hasher updated
 * last, and a different hasher first parks that state (`save()`, ~600 bytes) and restores its
 * own (`load()`). Streams hashed one after another never swap; interleaved 64 KiB chunks swap
 * once per chunk. bench/micro/xxh3.ts (loaded 2-core machine): one stream ~900-1400 MB/s, four
 * interleaved ~450-650 MB/s, still ~3x the MD5 every upload computes for its ETag; an instance
 * per stream instead costs ~1-2 ms to create, 50x the whole hashing of a 4 KiB body.
 * The per-algorithm files are required, not the package index: the index carries every
 * hash-wasm algorithm's wasm as base64 text, and an emulator never asked for XXH3 loads nothing.
 * Like xxh64.ts (xxhash-wasm), the loaded instances are per-process (per-thread) state that
 * callers never see or replace.
 */
import { createRequire } from 'node:module';
import type { IHasher } from 'hash-wasm';
import type { Hasher } from './types.js';

export type Xxh3Algorithm = 'xxh3' | 'xxh128';

const DIGEST_LENGTH: Record<Xxh3Algorithm, number> = { xxh3: 8, xxh128: 16 };

type Factory = () => Promise<IHasher>;
const requireCjs = createRequire(import.meta.url);
const FACTORIES: Record<Xxh3Algorithm, () => Factory> = {
  xxh3: () => (requireCjs('hash-wasm/dist/xxhash3.umd.min.js') as { createXXHash3: Factory }).createXXHash3,
  xxh128: () => (requireCjs('hash-wasm/dist/xxhash128.umd.min.js') as { createXXHash128: Factory }).createXXHash128,
};

/** One wasm instance and the hasher whose state it currently holds. */
interface SharedInstance {
  wasm: IHasher;
  owner: StreamHasher | undefined;
}

const instances: Partial<Record<Xxh3Algorithm, SharedInstance>> = {};
const loading: Partial<Record<Xxh3Algorithm, Promise<void>>> = {};

export function loadXxh3Family(alg: Xxh3Algorithm): Promise<void> {
  if (instances[alg]) return Promise.resolve();
  return (loading[alg] ??= FACTORIES[alg]()().then((wasm) => { instances[alg] = { wasm, owner: undefined }; }));
}

export function xxh3FamilyLoaded(alg: Xxh3Algorithm): boolean {
  return instances[alg] !== undefined;
}

class StreamHasher implements Hasher {
  readonly #shared: SharedInstance;
  readonly #length: number;
  /** This stream's parked state while another stream holds the instance; undefined = fresh. */
  saved: Uint8Array | undefined;

  constructor(shared: SharedInstance, length: number) {
    this.#shared = shared;
    this.#length = length;
  }

  #acquire(): IHasher {
    const shared = this.#shared;
    if (shared.owner !== this) {
      if (shared.owner) shared.owner.saved = shared.wasm.save();
      if (this.saved) shared.wasm.load(this.saved);
      else shared.wasm.init();
      this.saved = undefined;
      shared.owner = this;
    }
    return shared.wasm;
  }

  update(chunk: Uint8Array): void {
    // hash-wasm copies through a fixed 16 KiB window, so a large chunk does not grow wasm memory.
    this.#acquire().update(chunk);
  }

  digest(): Buffer {
    const out = this.#acquire().digest('binary');
    this.#shared.owner = undefined;
    return Buffer.from(out.buffer, out.byteOffset, this.#length);
  }
}

/** Synchronous; requires `await loadXxh3Family(alg)` first (prepareChecksums does it). */
export function createXxh3Family(alg: Xxh3Algorithm): Hasher {
  const shared = instances[alg];
  if (!shared) throw new Error(`${alg} used before prepareChecksums() resolved for it`);
  return new StreamHasher(shared, DIGEST_LENGTH[alg]);
}
