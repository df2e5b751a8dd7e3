/**
 * In-memory BlobStore for unit tests: same addresses, pins, references and collection rules as
 * native-store's file-backed one (test/storage-suite/ runs one suite against both).
 */
import { Readable } from 'node:stream';
import { MultiHasher, prepareChecksums } from '../../checksums/index.js';
import type { BlobRange, BlobStore, BlobWriteOptions, WrittenBlob } from '../blob-store.js';
import { hasBlobRefs } from '../blob-refs.js';
import type { MetaStore } from '../meta-store.js';
import { blobAddress, checkBlobAddress } from './blob-address.js';
import { PinCounter } from './pin-counter.js';
import { readBody } from './read-body.js';

export class MemoryBlobStore implements BlobStore {
  readonly #meta: MetaStore;
  readonly #blobs = new Map<string, Buffer>();
  readonly #pins = new PinCounter();

  constructor(meta: MetaStore) {
    this.#meta = meta;
  }

  /** Number of stored blobs (for tests). */
  get count(): number { return this.#blobs.size; }

  async write(body: AsyncIterable<Uint8Array>, options: BlobWriteOptions = {}): Promise<WrittenBlob> {
    const algorithms = ['xxh64', 'md5', ...(options.algorithms ?? [])] as const;
    await prepareChecksums(algorithms);
    const hasher = new MultiHasher(algorithms);
    const chunks: Buffer[] = [];
    for await (const chunk of readBody(body, options)) {
      hasher.update(chunk);
      chunks.push(Buffer.from(chunk)); // a copy: the caller may reuse its buffer
    }
    const data = Buffer.concat(chunks);
    const digests = hasher.digests() as WrittenBlob['digests'];
    const id = blobAddress(digests.xxh64!, digests.md5, data.length);
    if (!this.#blobs.has(id)) this.#blobs.set(id, data);
    return { id, size: data.length, digests, release: this.#pins.pin(id) };
  }

  read(id: string, range?: BlobRange): Readable {
    checkBlobAddress(id);
    if (range && !(range.start >= 0 && range.end >= range.start)) throw new RangeError(`invalid blob range ${range.start}-${range.end}`);
    const data = this.#blobs.get(id);
    if (!data) {
      const err = Object.assign(new Error(`ENOENT: blob ${id} does not exist`), { code: 'ENOENT' });
      return new Readable({ read() { this.destroy(err); } });
    }
    return Readable.from([range ? data.subarray(range.start, range.end + 1) : data], { objectMode: false });
  }

  readBuffered(id: string, range: BlobRange): Buffer | undefined {
    checkBlobAddress(id);
    if (!(range.start >= 0 && range.end >= range.start)) throw new RangeError(`invalid blob range ${range.start}-${range.end}`);
    return this.#blobs.get(id)?.subarray(range.start, range.end + 1);
  }

  async size(id: string): Promise<number | undefined> {
    checkBlobAddress(id);
    return this.#blobs.get(id)?.length;
  }

  async collect(id: string): Promise<boolean> {
    checkBlobAddress(id);
    if (!this.#blobs.has(id) || this.#pins.isPinned(id)) return false;
    if (await hasBlobRefs(this.#meta, id)) return false;
    // Re-checked after the await, in the same synchronous step as the delete: a write of the
    // same content that pinned meanwhile keeps the blob.
    if (this.#pins.isPinned(id)) return false;
    return this.#blobs.delete(id);
  }

  async sweep(): Promise<{ tempFilesRemoved: number; orphansRemoved: number }> {
    let orphansRemoved = 0;
    for (const id of [...this.#blobs.keys()]) if (await this.collect(id)) orphansRemoved++;
    return { tempFilesRemoved: 0, orphansRemoved };
  }

  async clear(): Promise<void> {
    this.#blobs.clear();
  }

  async close(): Promise<void> {}
}
