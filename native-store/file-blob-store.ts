/**
 * BlobStore as content-addressed files under <data>/blobs (DESIGN.md §5).
 *
 * A write streams to blobs/tmp/<random> while hashing (blob-file-writer.ts), then, under the
 * blob's per-id lock, renames the file into place (or drops it when an identical body is already
 * there) and pins the blob. Only complete files are ever renamed into place, and callers commit
 * the metadata that references a blob after `write` resolved, so no record can point at a
 * partial or missing file, even after kill -9. collect() takes the same lock, so it cannot remove
 * a file between a concurrent writer finding it and pinning it.
 */
import { closeSync, existsSync, openSync, readSync, renameSync, unlinkSync } from 'node:fs';
import { Readable } from 'node:stream';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { prepareChecksums, inlineBodyHashers, type BodyHasherFactory, type ChecksumAlgorithm } from '../src/checksums/index.js';
import type { BlobRange, BlobStore, BlobWriteOptions, WrittenBlob } from '../src/storage/blob-store.js';
import { hasBlobRefs } from '../src/storage/blob-refs.js';
import type { MetaStore } from '../src/storage/meta-store.js';
import { blobAddress, checkBlobAddress } from '../src/storage/memory/blob-address.js';
import { PinCounter } from '../src/storage/memory/pin-counter.js';
import { TMP_DIR, blobDir, blobParentDir, blobPath, tempNamer, tempPath } from './blob-paths.js';
import { writeBlobFile, writesNow } from './blob-file-writer.js';
import { mkdirs, renameFile, syncDir, unlinkIfExists } from './fs-calls.js';
import { BlobReadStream, ReadBuffers } from './blob-read-stream.js';
import { KeyedMutex } from '../src/util/keyed-mutex.js';
import { sweepBlobs } from './blob-sweep.js';
import type { Durability } from './level-meta-store.js';


/**
 * Ranges up to this size are read synchronously into one exact-size buffer: three syscalls
 * served from the page cache (~10 µs) instead of open/read/close thread-pool round trips plus
 * a 256 KiB buffer and a ReadStream each (bench s3-figures, GetObject 4 KiB). Bounded, so the
 * event loop is never blocked for long even on a cold cache.
 */
const SYNC_READ_MAX = 64 * 1024;

/**
 * Small blobs are kept in memory once read: an address names one content forever, so a cached
 * copy can never be stale, and a hit skips open/read/close (about a tenth of a 4 KiB GetObject's
 * CPU, bench s3-figures figure 3). Bounded in bytes, oldest out first, and emptied after a quiet
 * spell so an idle emulator holds none of it (DESIGN.md §6a). 4 MiB holds the 1,000 4-KiB objects
 * of `s3-small-objects`.
 *
 * Only blobs up to 16 KiB: what a hit saves is the same 14-21 µs of syscalls whatever the size
 * (4, 16 and 64 KiB files measured alike), so a byte of cache buys the most for the smallest
 * blobs. With every blob up to 64 KiB cached, `s3-mixed` (log-normal sizes, median 64 KiB) kept
 * the cache full at 4 MiB for some 200 objects: at concurrency 32 its peak VmRSS was 93.2-95.1
 * MiB against 88.4-90.7 with this bound (bench v8-settings, 3 runs each, same run, loaded
 * machine); reads of 16-64 KiB blobs go back to the page cache (a third of that workload's GETs,
 * about 15 µs each).
 */
const CACHE_BLOB_MAX = 16 * 1024;
const CACHE_BYTES = 4 * 1024 * 1024;
const CACHE_IDLE_MS = 10_000;

/** The hashes every address is made of; a write without declared checksums needs only these. */
const ADDRESS_ALGORITHMS: readonly ChecksumAlgorithm[] = ['xxh64', 'md5'];

const isMissing = (err: unknown): boolean => (err as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';

export class FileBlobStore implements BlobStore {
  readonly #root: string;
  readonly #meta: MetaStore;
  readonly #sync: boolean;
  readonly #pins = new PinCounter();
  readonly #locks = new KeyedMutex();
  /** Temp files of writes in progress, which sweep must leave alone. */
  readonly #activeTemps = new Set<string>();
  readonly #cache = new SmallBlobCache();
  readonly #readBuffers = new ReadBuffers();
  readonly #hashers: BodyHasherFactory;
  readonly #newTempName = tempNamer();
  readonly #dirs = new KnownBlobDirs();
  #closed = false;

  private constructor(root: string, meta: MetaStore, durability: Durability, hashers: BodyHasherFactory) {
    this.#root = root;
    this.#meta = meta;
    this.#sync = durability === 'fsync';
    this.#hashers = hashers;
  }

  /** `hashers`: where bodies are hashed (the worker pool's, in the emulator); default inline. */
  static async open(root: string, meta: MetaStore, durability: Durability, hashers: BodyHasherFactory = inlineBodyHashers): Promise<FileBlobStore> {
    // Normalised once here, as blob-paths.ts concatenates onto it.
    const dir = resolve(root);
    await mkdir(join(dir, TMP_DIR), { recursive: true });
    return new FileBlobStore(dir, meta, durability, hashers);
  }

  async write(body: AsyncIterable<Uint8Array>, options: BlobWriteOptions = {}): Promise<WrittenBlob> {
    if (this.#closed) throw new Error('BlobStore is closed');
    options.signal?.throwIfAborted();
    // xxh64 is part of every address. Its wasm (and XXH3/XXH128's, when asked for) is loaded on
    // the first write rather than at open: ~1.5 MB of idle RSS each (DESIGN.md §6a); after that
    // this is a resolved promise.
    const algorithms = options.algorithms?.length ? [...new Set([...ADDRESS_ALGORITHMS, ...options.algorithms])] : ADDRESS_ALGORITHMS;
    await prepareChecksums(algorithms);
    const name = this.#newTempName();
    const temp = tempPath(this.#root, name);
    this.#activeTemps.add(name);
    try {
      const written = await writeBlobFile(temp, body, (bytes) => this.#hashers(algorithms, bytes), options, this.#sync);
      const { size } = written;
      const digests = written.digests as WrittenBlob['digests'];
      const id = blobAddress(digests.xxh64!, digests.md5, size);
      const release = await this.#locks.run(id, () => this.#place(temp, id, size));
      return { id, size, digests, release };
    } catch (err) {
      await unlinkIfExists(temp);
      throw err;
    } finally {
      this.#activeTemps.delete(name);
    }
  }

  /**
   * Under the id's lock: move the temp file into place (or drop it as a duplicate), then pin.
   * The existence check is a synchronous stat of one page-cached entry without a Stats or an Error
   * object (node:fs/promises' stat made both for every new blob). A present blob is never
   * replaced: a reader may have it open.
   */
  async #place(temp: string, id: string, size: number): Promise<() => void> {
    const dest = blobPath(this.#root, id);
    const now = writesNow(size, this.#sync);
    if (existsSync(dest)) {
      if (now) unlinkSync(temp);
      else await unlinkIfExists(temp);
      return this.#pins.pin(id);
    }
    const dir = blobDir(this.#root, id);
    let created = this.#dirs.has(id) ? false : await this.#makeDir(id, dir);
    try {
      if (now) renameSync(temp, dest);
      else await renameFile(temp, dest);
    } catch (err) {
      // A directory known to exist was removed behind the store's back (by hand, or a clear()
      // racing this write): make it again.
      if (!isMissing(err)) throw err;
      created = await this.#makeDir(id, dir);
      await renameFile(temp, dest);
    }
    if (this.#sync) {
      await syncDir(dir);
      // New ab/ or ab/cd/ directories must themselves be durable entries of their parents.
      if (created) {
        await syncDir(blobParentDir(this.#root, id));
        await syncDir(this.#root);
      }
    }
    return this.#pins.pin(id);
  }

  async #makeDir(id: string, dir: string): Promise<boolean> {
    const created = await mkdirs(dir);
    this.#dirs.add(id);
    return created;
  }

  /**
   * Pins a blob that already exists (say, the source of a copy) so that it cannot be collected
   * before the batch adding its new reference commits. Undefined when there is no such blob.
   * Not (yet) part of the BlobStore interface.
   */
  async pin(id: string): Promise<(() => void) | undefined> {
    checkBlobAddress(id);
    return this.#locks.run(id, async () => ((await this.size(id)) === undefined ? undefined : this.#pins.pin(id)));
  }

  read(id: string, range?: BlobRange): Readable {
    checkBlobAddress(id);
    if (range && !(Number.isInteger(range.start) && Number.isInteger(range.end) && range.start >= 0 && range.end >= range.start)) {
      throw new RangeError(`invalid blob range ${range.start}-${range.end}`);
    }
    if (range && range.end - range.start < SYNC_READ_MAX) return oneChunk(() => this.#readSmall(id, range));
    return new BlobReadStream(blobPath(this.#root, id), range, this.#readBuffers);
  }

  readBuffered(id: string, range: BlobRange): Buffer | undefined {
    checkBlobAddress(id);
    if (!(Number.isInteger(range.start) && Number.isInteger(range.end) && range.start >= 0 && range.end >= range.start)) {
      throw new RangeError(`invalid blob range ${range.start}-${range.end}`);
    }
    if (range.end - range.start >= SYNC_READ_MAX) return undefined;
    try {
      return this.#readSmall(id, range);
    } catch {
      return undefined; // a missing or unreadable file: read() reports it on its stream
    }
  }

  /** A range below SYNC_READ_MAX, read synchronously; a small whole blob is kept in the cache. */
  #readSmall(id: string, range: BlobRange): Buffer {
    // The path is made only when the file is read: a cached small blob needs none (path.join per
    // read showed in the profile of bench s3-sdk-get).
    const size = Number.parseInt(id.slice(48), 16);
    if (size > CACHE_BLOB_MAX || range.end >= size) return readRange(blobPath(this.#root, id), range.start, range.end);
    let whole = this.#cache.get(id);
    if (whole === undefined) {
      whole = readRange(blobPath(this.#root, id), 0, size - 1);
      if (whole.length === size) this.#cache.set(id, whole);
    }
    return whole.subarray(range.start, range.end + 1);
  }

  async size(id: string): Promise<number | undefined> {
    checkBlobAddress(id);
    try {
      return (await stat(blobPath(this.#root, id))).size;
    } catch (err) {
      if (isMissing(err)) return undefined;
      throw err;
    }
  }

  async collect(id: string): Promise<boolean> {
    checkBlobAddress(id);
    return this.#locks.run(id, async () => {
      // Pins are only added under this lock, so this check stays true until we unlink.
      if (this.#pins.isPinned(id)) return false;
      if (await hasBlobRefs(this.#meta, id)) return false;
      this.#cache.delete(id);
      if (!(await unlinkIfExists(blobPath(this.#root, id)))) return false;
      if (this.#sync) await syncDir(blobDir(this.#root, id));
      return true;
    });
  }

  async sweep(): Promise<{ tempFilesRemoved: number; orphansRemoved: number }> {
    return sweepBlobs({
      root: this.#root,
      meta: this.#meta,
      isActiveTemp: (name) => this.#activeTemps.has(name),
      isPinned: (id) => this.#pins.isPinned(id),
      collect: (id) => this.collect(id),
    });
  }

  async clear(): Promise<void> {
    this.#cache.clear();
    this.#dirs.clear();
    for (const entry of await readdir(this.#root)) {
      if (entry !== TMP_DIR) await rm(join(this.#root, entry), { recursive: true, force: true });
    }
    for (const name of await readdir(join(this.#root, TMP_DIR))) {
      if (!this.#activeTemps.has(name)) await rm(tempPath(this.#root, name), { force: true });
    }
  }

  async close(): Promise<void> {
    this.#closed = true;
  }
}

/** A range read synchronously into one exact-size buffer (shorter if the file is). */
function readRange(path: string, start: number, end: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    // allocUnsafeSlow: a buffer of its own, not a slice of Node's shared pool, since it may be cached.
    const buf = Buffer.allocUnsafeSlow(end - start + 1);
    let filled = 0;
    while (filled < buf.length) {
      const n = readSync(fd, buf, filled, buf.length - filled, start + filled);
      if (n === 0) break; // the file is shorter than the range: end early, as a ReadStream does
      filled += n;
    }
    return filled === buf.length ? buf : buf.subarray(0, filled);
  } finally {
    closeSync(fd);
  }
}

/** Bytes as a one-chunk stream; errors (a missing file) surface on the stream, as with createReadStream. */
function oneChunk(read: () => Buffer): Readable {
  const stream = new Readable({ read() {} });
  try {
    const buf = read();
    if (buf.length > 0) stream.push(buf);
    stream.push(null);
  } catch (err) {
    stream.destroy(err as Error);
  }
  return stream;
}

/**
 * Which ab/cd/ blob directories this store has made or seen, one bit each (8 KiB for all 65,536):
 * a write into a known one skips the mkdir, which was a thread-pool round trip per PutObject.
 * Only a hint: a rename into a directory that is gone after all makes it again.
 */
class KnownBlobDirs {
  readonly #bits = new Uint8Array(65536 / 8);

  has(id: string): boolean {
    const n = Number.parseInt(id.slice(0, 4), 16);
    return (this.#bits[n >> 3]! & (1 << (n & 7))) !== 0;
  }

  add(id: string): void {
    const n = Number.parseInt(id.slice(0, 4), 16);
    this.#bits[n >> 3]! |= 1 << (n & 7);
  }

  clear(): void {
    this.#bits.fill(0);
  }
}

/** Whole small blobs by address, bounded in bytes; see CACHE_BLOB_MAX. */
class SmallBlobCache {
  readonly #entries = new Map<string, Buffer>();
  #bytes = 0;
  #used = false;
  #timer: NodeJS.Timeout | undefined;

  get(id: string): Buffer | undefined {
    const buf = this.#entries.get(id);
    if (buf !== undefined) this.#used = true;
    return buf;
  }

  set(id: string, buf: Buffer): void {
    if (buf.length > CACHE_BLOB_MAX || this.#entries.has(id)) return;
    for (const [oldest, old] of this.#entries) {
      if (this.#bytes + buf.length <= CACHE_BYTES) break;
      this.#entries.delete(oldest);
      this.#bytes -= old.length;
    }
    this.#entries.set(id, buf);
    this.#bytes += buf.length;
    this.#used = true;
    this.#timer ??= setTimeout(() => this.#onIdleCheck(), CACHE_IDLE_MS).unref();
  }

  delete(id: string): void {
    const buf = this.#entries.get(id);
    if (buf === undefined) return;
    this.#entries.delete(id);
    this.#bytes -= buf.length;
  }

  clear(): void {
    this.#entries.clear();
    this.#bytes = 0;
  }

  #onIdleCheck(): void {
    this.#timer = undefined;
    if (!this.#used) {
      this.clear();
      return;
    }
    this.#used = false;
    this.#timer = setTimeout(() => this.#onIdleCheck(), CACHE_IDLE_MS).unref();
  }
}
