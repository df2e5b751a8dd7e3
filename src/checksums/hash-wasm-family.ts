/**
 * The hashers that run on hash-wasm: XXH3 (64-bit) and XXH128 behind `x-amz-checksum-xxhash3` /
 * `-xxhash128`, and CRC-64/NVME behind `x-amz-checksum-crc64nvme` (hash-wasm's CRC-64 with the
 * NVMe polynomial, reflected form 9a6c9329ac4bc9b5).
 *
 * Why CRC-64/NVME here: the slice-by-8 tables in JS (crc64-nvme.ts) hash about 377 MB/s on this
 * project's machine, hash-wasm's CRC-64 about 1,450 MB/s (same 512 KiB buffers, one thread). A
 * large upload that declares CRC-64/NVME hashes it in the hash worker beside MD5 (721 MB/s), so
 * one upload was bound at 1 / (1/377 + 1/721) = 248 MB/s by that thread; now 1 / (1/1450 +
 * 1/721) = 480. crc64-nvme.ts stays as what `createHasher` gives before this thread has loaded
 * the wasm (prepareChecksums loads it; both give the same digest).
 *
 * hash-wasm creates a hasher asynchronously (each `createXXHash3()` instantiates its own wasm
 * module), while our `Hasher` contract is synchronous. So each algorithm gets ONE wasm instance
 * per thread, created on first need by `loadHashWasm()` (awaited by `prepareChecksums()`), and
 * every stream's hasher borrows it: the instance holds the state of whichever hasher updated
 * last, and a different hasher first parks that state (`save()`, ~600 bytes) and restores its
 * own (`load()`). Streams hashed one after another never swap; interleaved 64 KiB chunks swap
 * once per chunk. bench/micro/xxh3.ts (loaded 2-core machine): one stream ~900-1400 MB/s, four
 * interleaved ~450-650 MB/s, still ~3x the MD5 every upload computes for its ETag; an instance
 * per stream instead costs ~1-2 ms to create, 50x the whole hashing of a 4 KiB body.
 * The per-algorithm files are required, not the package index: the index carries every
 * hash-wasm algorithm's wasm as base64 text, and an emulator never asked for one of these loads nothing.
 * Like xxh64.ts (xxhash-wasm), the loaded instances are per-process (per-thread) state that
 * callers never see or replace.
 */
import { createRequire } from 'node:module';
import type { IHasher } from 'hash-wasm';
import type { Hasher } from './types.js';

export type HashWasmAlgorithm = 'xxh3' | 'xxh128' | 'crc64nvme';

export const isHashWasmAlgorithm = (alg: string): alg is HashWasmAlgorithm => alg === 'xxh3' || alg === 'xxh128' || alg === 'crc64nvme';

const DIGEST_LENGTH: Record<HashWasmAlgorithm, number> = { xxh3: 8, xxh128: 16, crc64nvme: 8 };

/** CRC-64/NVME's polynomial in the reflected form hash-wasm's CRC-64 takes (hex). */
const CRC64_NVME_POLYNOMIAL = '9a6c9329ac4bc9b5';

type Factory = () => Promise<IHasher>;
const requireCjs = createRequire(import.meta.url);
const FACTORIES: Record<HashWasmAlgorithm, () => Factory> = {
  xxh3: () => (requireCjs('hash-wasm/dist/xxhash3.umd.min.js') as { createXXHash3: Factory }).createXXHash3,
  xxh128: () => (requireCjs('hash-wasm/dist/xxhash128.umd.min.js') as { createXXHash128: Factory }).createXXHash128,
  crc64nvme: () => {
    const { createCRC64 } = requireCjs('hash-wasm/dist/crc64.umd.min.js') as { createCRC64: (polynomial: string) => Promise<IHasher> };
    return () => createCRC64(CRC64_NVME_POLYNOMIAL);
  },
};

/** One wasm instance and the hasher whose state it currently holds. */
interface SharedInstance {
  wasm: IHasher;
  owner: StreamHasher | undefined;
}

const instances: Partial<Record<HashWasmAlgorithm, SharedInstance>> = {};
const loading: Partial<Record<HashWasmAlgorithm, Promise<void>>> = {};

export function loadHashWasm(alg: HashWasmAlgorithm): Promise<void> {
  if (instances[alg]) return Promise.resolve();
  return (loading[alg] ??= FACTORIES[alg]()().then((wasm) => { instances[alg] = { wasm, owner: undefined }; }));
}

export function hashWasmLoaded(alg: HashWasmAlgorithm): boolean {
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

/** Synchronous; requires `await loadHashWasm(alg)` first (prepareChecksums does it). */
export function createHashWasm(alg: HashWasmAlgorithm): Hasher {
  const shared = instances[alg];
  if (!shared) throw new Error(`${alg} used before prepareChecksums() resolved for it`);
  return new StreamHasher(shared, DIGEST_LENGTH[alg]);
}
