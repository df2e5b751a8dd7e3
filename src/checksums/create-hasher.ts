/**
 * One incremental hasher per algorithm. md5/sha1/sha256/sha512 use node:crypto (OpenSSL); crc32/crc32c
 * use @node-rs/crc32 (native SIMD, measured ~10 GB/s and ~4 GB/s here, against ~0.3 GB/s for the
 * JS table versions); xxh64 (xxh64.ts), xxh3/xxh128 and crc64nvme (hash-wasm-family.ts, with
 * crc64-nvme.ts as its synchronous stand-in until the wasm is loaded) live in their own files.
 * @node-rs/crc32 is required on first use, not imported: loading the addon costs ~3.5 MiB of
 * RssAnon (measured: its mimalloc maps a 32 MiB segment whose first touch is a 2 MiB transparent
 * huge page, plus the addon's own pages), and an emulator not asked for a CRC should not pay it
 * (DESIGN.md §6a). Node's require cache makes the later calls a map lookup.
 * CRC-32 of small bodies goes through node:zlib's crc32 instead (see Crc32Hasher), so the AWS CLI
 * and SDKs, which send a CRC-32 with every PutObject, do not load the addon for a few small files.
 * CRC digests are the big-endian bytes of the value, which is what AWS base64-encodes in
 * `x-amz-checksum-crc32` and friends.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { Crc64NvmeHasher } from './crc64-nvme.js';
import { createXxh64, loadXxhash, xxhashLoaded } from './xxh64.js';
import { createHashWasm, hashWasmLoaded, isHashWasmAlgorithm, loadHashWasm } from './hash-wasm-family.js';
import type { ChecksumAlgorithm, Hasher } from './types.js';

export const CHECKSUM_ALGORITHMS: readonly ChecksumAlgorithm[] =
  ['md5', 'crc32', 'crc32c', 'sha1', 'sha256', 'sha512', 'crc64nvme', 'xxh64', 'xxh3', 'xxh128'];

/** Loads xxhash-wasm, which blob addresses always need. Idempotent; awaited when a store opens. */
export function initChecksums(): Promise<void> {
  return loadXxhash();
}

/** True when every algorithm can be hashed synchronously now (no wasm left to instantiate). */
export function checksumsReady(algorithms: Iterable<ChecksumAlgorithm>): boolean {
  for (const alg of algorithms) {
    if (alg === 'xxh64' ? !xxhashLoaded() : isHashWasmAlgorithm(alg) && !hashWasmLoaded(alg)) return false;
  }
  return true;
}

/**
 * Loads the wasm behind any of these algorithms (xxh64, xxh3, xxh128, crc64nvme) on first need, in this
 * thread; a resolved no-op afterwards. Await it before `createHasher` / `MultiHasher` with them.
 * XXH3/XXH128 are loaded only when asked for: an emulator never sent one pays nothing for them.
 */
export function prepareChecksums(algorithms: readonly ChecksumAlgorithm[]): Promise<void> {
  // Once loaded (every upload but the first), one shared settled promise: an async function
  // awaiting each loader was an async frame and a promise per algorithm per upload.
  return checksumsReady(algorithms) ? LOADED : loadAll(algorithms);
}

const LOADED: Promise<void> = Promise.resolve();

async function loadAll(algorithms: readonly ChecksumAlgorithm[]): Promise<void> {
  for (const alg of algorithms) {
    if (alg === 'xxh64') await loadXxhash();
    else if (isHashWasmAlgorithm(alg)) await loadHashWasm(alg);
  }
}

type CrcModule = typeof import('@node-rs/crc32');
type CrcFn = CrcModule['crc32'];
const requireCjs = createRequire(import.meta.url);
const loadCrc = (): CrcModule => requireCjs('@node-rs/crc32') as CrcModule;
/** node:zlib's CRC-32 (Node >= 20.15 / 22.2; undefined before), loaded on first use: ~0.2 MiB of heap. */
const zlibCrc32 = (): CrcFn | undefined => (requireCjs('node:zlib') as typeof import('node:zlib')).crc32 as CrcFn | undefined;

/**
 * Bytes of one body that Crc32Hasher hashes with node:zlib before it moves to the addon. The
 * bodies that arrive whole (util/byte-slabs.ts SMALL_BODY) stay on zlib. Why: zlib's crc32 is in
 * the node binary and costs no resident memory beyond its JS module, where the addon costs ~3.5
 * MiB for the life of the process; it is ~2.2 GB/s against the addon's ~5-8 GB/s here (4 KiB:
 * 1.6 against 0.8 µs), so streamed bodies, where that speed shows, use the addon.
 */
export const ZLIB_CRC32_BYTES = 64 * 1024;

class CrcHasher implements Hasher {
  #state = 0;
  readonly #fn: CrcFn;
  constructor(fn: CrcFn) { this.#fn = fn; }
  update(chunk: Uint8Array): void {
    // @node-rs/crc32 continues from a previous CRC value: crc(a+b) = crc(b, crc(a)).
    this.#state = this.#fn(chunk, this.#state);
  }
  digest(): Buffer {
    const out = Buffer.allocUnsafe(4);
    out.writeUInt32BE(this.#state >>> 0);
    return out;
  }
}

/**
 * CRC-32 through node:zlib for a body's first ZLIB_CRC32_BYTES, then through the addon. Both
 * continue from a previous CRC value (crc(a+b) = crc(b, crc(a))), so the switch mid-body is exact.
 * On a Node without zlib.crc32 it is the addon throughout.
 */
class Crc32Hasher implements Hasher {
  #state = 0;
  #seen = 0;
  readonly #zlib = zlibCrc32();
  #addon: CrcFn | undefined;
  update(chunk: Uint8Array): void {
    this.#seen += chunk.byteLength;
    const fn = this.#zlib !== undefined && this.#seen <= ZLIB_CRC32_BYTES ? this.#zlib : (this.#addon ??= loadCrc().crc32);
    this.#state = fn(chunk, this.#state);
  }
  digest(): Buffer {
    const out = Buffer.allocUnsafe(4);
    out.writeUInt32BE(this.#state >>> 0);
    return out;
  }
}

class NodeCryptoHasher implements Hasher {
  readonly #hash;
  constructor(alg: 'md5' | 'sha1' | 'sha256' | 'sha512') { this.#hash = createHash(alg); }
  update(chunk: Uint8Array): void { this.#hash.update(chunk); }
  digest(): Buffer { return this.#hash.digest(); }
}

export function createHasher(alg: ChecksumAlgorithm): Hasher {
  switch (alg) {
    case 'md5':
    case 'sha1':
    case 'sha256':
    case 'sha512':
      return new NodeCryptoHasher(alg);
    case 'crc32':
      return new Crc32Hasher();
    case 'crc32c':
      return new CrcHasher(loadCrc().crc32c);
    case 'crc64nvme':
      // hash-wasm's once this thread has loaded it (prepareChecksums), ~4x the JS tables' speed.
      return hashWasmLoaded(alg) ? createHashWasm(alg) : new Crc64NvmeHasher();
    case 'xxh64':
      return createXxh64();
    case 'xxh3':
    case 'xxh128':
      return createHashWasm(alg);
    default:
      throw new Error(`unknown checksum algorithm: ${String(alg satisfies never)}`);
  }
}

/** Async factory for callers that do not want to think about prepareChecksums(). */
export async function createHasherAsync(alg: ChecksumAlgorithm): Promise<Hasher> {
  await prepareChecksums([alg]);
  return createHasher(alg);
}
