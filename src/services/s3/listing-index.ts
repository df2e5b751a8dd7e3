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
 * per-bucket journal: from the moment a build starts (before its scan's snapshot is taken) every
 * committed write to the bucket is noted, last one per key, and applied over the scanned entries
 * when the build installs them. A write the scan already saw is applied again with the value it
 * has: the same result. Writes are noted in commit order, as the index itself is kept (S3Store
 * notes a write after its batch commits).
 *
 * Why not simply discard a build that raced with writes (as it was): under a steady write load
 * every build raced, so every listing scanned the whole bucket from LevelDB twice, for its page
 * and for a build that was then thrown away. Under `s3-mixed` c32 (35% writes, 5% listings) those
 * scans were about 60% of all the server's JS allocation (a sampling allocation profile), and the
 * young-generation collections they caused most of its GC time.
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
  readonly checksumType?: 'FULL_OBJECT' | 'COMPOSITE';
}

/**
 * Keys indexed across all buckets, by default (`--listing-index-keys`). Measured with 50,000
 * keys: the index holds about 240 bytes per key, and the kept entries and their XML about 650
 * more once a key has been listed (services/s3/list-contents.ts), so about 18 MB at most.
 */
export const MAX_INDEXED_KEYS = 20_000;

/** A journal's mark for a key deleted since the build started. */
const DELETED = Symbol('deleted');

/** The writes committed to a bucket since its build started: the last one per key. */
export type BuildJournal = Map<string, ObjectSummary | typeof DELETED>;

export class ListingIndex {
  readonly #maxKeys: number;
  readonly #buckets = new Map<string, SortedMap<ObjectSummary>>();
  /** Buckets found too large for what is left of the budget: listed from LevelDB. */
  readonly #tooLarge = new Set<string>();
  /** Buckets with a build running: the writes committed since it started, last one per key (see the file comment). */
  readonly #journals = new Map<string, BuildJournal>();
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

  /**
   * Called before a build's scan starts (before its snapshot is taken): writes from now on are
   * noted in the journal returned, which `install` takes. Undefined when a build of the bucket is
   * running already.
   */
  beginBuild(bucket: string): BuildJournal | undefined {
    if (this.#journals.has(bucket)) return undefined;
    const journal: BuildJournal = new Map();
    this.#journals.set(bucket, journal);
    return journal;
  }

  /** A build that failed: its journal goes. */
  abandonBuild(bucket: string, journal: BuildJournal): void {
    if (this.#journals.get(bucket) === journal) this.#journals.delete(bucket);
  }

  /**
   * Installs a build's entries (in key order) with the writes committed since `beginBuild`
   * applied over them. `complete`: the scan read the whole bucket (it stops at `buildLimit`
   * keys); a bucket that did not fit, or no longer fits, is marked too large instead. Nothing is
   * installed when the bucket was deleted meanwhile (its journal is gone).
   */
  install(bucket: string, journal: BuildJournal, entries: [string, ObjectSummary][], complete: boolean): void {
    if (this.#journals.get(bucket) !== journal) return;
    this.#journals.delete(bucket);
    if (!this.wants(bucket)) return;
    const room = this.#maxKeys - this.#indexedKeys;
    if (!complete || entries.length > room) {
      this.#tooLarge.add(bucket);
      return;
    }
    const index = new SortedMap<ObjectSummary>();
    for (const [, summary] of entries) markImmutable(summary);
    index.setSorted(entries);
    for (const [key, summary] of journal) {
      if (summary === DELETED) index.delete(key);
      else index.set(key, summary);
    }
    if (index.size > room) {
      this.#tooLarge.add(bucket);
      return;
    }
    this.#buckets.set(bucket, index);
    this.#indexedKeys += index.size;
  }

  /** After a committed put of an object. */
  put(bucket: string, key: string, summary: ObjectSummary): void {
    markImmutable(summary);
    this.#journals.get(bucket)?.set(key, summary);
    const index = this.#buckets.get(bucket);
    if (index === undefined) return;
    const before = index.size;
    index.set(key, summary);
    this.#indexedKeys += index.size - before;
    if (this.#indexedKeys > this.#maxKeys) {
      // Grown past the budget: this bucket goes back to being listed from LevelDB.
      this.#drop(bucket);
      this.#tooLarge.add(bucket);
    }
  }

  /** After a committed delete of an object. */
  delete(bucket: string, key: string): void {
    this.#journals.get(bucket)?.set(key, DELETED);
    const index = this.#buckets.get(bucket);
    if (index === undefined) return;
    const before = index.size;
    index.delete(key);
    this.#indexedKeys -= before - index.size;
  }

  /** After a bucket is deleted: a new bucket of that name starts afresh. */
  forgetBucket(bucket: string): void {
    // A build running now read the old bucket: it must not be installed.
    this.#journals.delete(bucket);
    this.#drop(bucket);
    this.#tooLarge.delete(bucket);
  }

  #drop(bucket: string): void {
    const index = this.#buckets.get(bucket);
    if (index === undefined) return;
    this.#indexedKeys -= index.size;
    this.#buckets.delete(bucket);
  }
}
