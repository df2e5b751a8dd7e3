/**
 * The listing index: for buckets that have been listed, an in-memory ordered copy of what a
 * listing shows of each object (key, size, ETag, date, storage class, checksum algorithm).
 *
 * Why: a ListObjectsV2 page of 1,000 keys read from LevelDB costs about 1.5 ms of CPU (a native
 * read of 1,000 full records, then JSON.parse of each); from this index it is a binary search and
 * a slice. LevelDB stays the only source of truth: the index is built from it, and kept current
 * by S3Store after each committed write (this process is the store's only writer, as for the
 * bucket cache). It is bounded in keys across buckets (MAX_INDEXED_KEYS unless configured); a
 * bucket that does not fit is listed from LevelDB, as every bucket is before its index is built.
 *
 * Races with a build (a scan of the bucket that runs while writes go on) are settled by a
 * per-bucket write counter: a build installs its result only if no write to the bucket happened
 * since it started, otherwise the next listing tries again.
 */
import { markImmutable } from '../../util/immutable.js';
import { SortedMap } from '../../util/sorted-map.js';

/**
 * What a listing shows of one object. The index marks the summaries it holds immutable
 * (util/immutable.ts): a write replaces an object's summary, never changes it.
 */
export interface ObjectSummary {
  readonly size: number;
  readonly etag: string;
  /** Epoch ms. */
  readonly lastModified: number;
  readonly storageClass?: string;
  readonly checksumAlgorithm?: string;
}

/**
 * Keys indexed across all buckets, by default (`--listing-index-keys`). Measured with 50,000
 * keys: the index holds about 240 bytes per key, and the kept entries and their XML about 650
 * more once a key has been listed (services/s3/list-contents.ts), so about 18 MB at most.
 */
export const MAX_INDEXED_KEYS = 20_000;

export class ListingIndex {
  readonly #maxKeys: number;
  readonly #buckets = new Map<string, SortedMap<ObjectSummary>>();
  /** Buckets found too large for what is left of the budget: listed from LevelDB. */
  readonly #tooLarge = new Set<string>();
  /** Committed writes per bucket since this process started (see the file comment). */
  readonly #writes = new Map<string, number>();
  #indexedKeys = 0;

  constructor(maxKeys: number = MAX_INDEXED_KEYS) {
    this.#maxKeys = maxKeys;
  }

  /** The bucket's index, when it has one. */
  of(bucket: string): SortedMap<ObjectSummary> | undefined {
    return this.#buckets.get(bucket);
  }

  /** Whether a build is worth starting: not indexed yet, and not known to be too large. */
  wants(bucket: string): boolean {
    return this.#maxKeys > 0 && !this.#buckets.has(bucket) && !this.#tooLarge.has(bucket);
  }

  /** How many keys a build may read before the bucket counts as too large (one more than fits). */
  get buildLimit(): number {
    return this.#maxKeys - this.#indexedKeys + 1;
  }

  /** Taken before a build's scan starts; `install` compares it. */
  writeCount(bucket: string): number {
    return this.#writes.get(bucket) ?? 0;
  }

  /**
   * Installs a build's entries (in key order) unless a write came in since `writesAtStart`.
   * Entries beyond the budget mark the bucket too large instead.
   */
  install(bucket: string, writesAtStart: number, entries: [string, ObjectSummary][]): void {
    if (this.writeCount(bucket) !== writesAtStart || !this.wants(bucket)) return;
    if (entries.length > this.#maxKeys - this.#indexedKeys) {
      this.#tooLarge.add(bucket);
      return;
    }
    const index = new SortedMap<ObjectSummary>();
    for (const [, summary] of entries) markImmutable(summary);
    index.setSorted(entries);
    this.#buckets.set(bucket, index);
    this.#indexedKeys += entries.length;
  }

  /** After a committed put of an object. */
  put(bucket: string, key: string, summary: ObjectSummary): void {
    this.#countWrite(bucket);
    const index = this.#buckets.get(bucket);
    if (index === undefined) return;
    const before = index.size;
    index.set(key, markImmutable(summary));
    this.#indexedKeys += index.size - before;
    if (this.#indexedKeys > this.#maxKeys) {
      // Grown past the budget: this bucket goes back to being listed from LevelDB.
      this.#drop(bucket);
      this.#tooLarge.add(bucket);
    }
  }

  /** After a committed delete of an object. */
  delete(bucket: string, key: string): void {
    this.#countWrite(bucket);
    const index = this.#buckets.get(bucket);
    if (index === undefined) return;
    const before = index.size;
    index.delete(key);
    this.#indexedKeys -= before - index.size;
  }

  /** After a bucket is deleted: a new bucket of that name starts afresh. */
  forgetBucket(bucket: string): void {
    this.#countWrite(bucket);
    this.#drop(bucket);
    this.#tooLarge.delete(bucket);
  }

  #drop(bucket: string): void {
    const index = this.#buckets.get(bucket);
    if (index === undefined) return;
    this.#indexedKeys -= index.size;
    this.#buckets.delete(bucket);
  }

  #countWrite(bucket: string): void {
    this.#writes.set(bucket, this.writeCount(bucket) + 1);
  }
}
