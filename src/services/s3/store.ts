/**
 * S3's storage in service terms: buckets and objects over the MetaStore and BlobStore; uploads
 * and parts are upload-store.ts's (`uploads`). Every change that moves blob references is one atomic batch (record + refs); a
 * per-key mutex keeps concurrent writes of one key from both dropping the same old reference.
 * Blobs a change stops referencing are collected after its batch commits.
 */
import type { BlobStore } from '../../storage/blob-store.js';
import { NOT_NOW, type MetaOp, type MetaStore } from '../../storage/meta-store.js';
import { addBlobRef, dropBlobRef } from '../../storage/blob-refs.js';
import { KeyedMutex } from '../../util/keyed-mutex.js';
import { UuidV4Source } from '../../util/uuid-v4.js';
import type { Logger } from '../../log.js';
import * as keys from './keys.js';
import type { BucketRecord, ObjectRecord } from './records.js';
import { s3Errors } from './errors.js';
import { UploadStore } from './upload-store.js';
import { ListingIndex, type ObjectSummary } from './listing-index.js';
import { decodeObjectRecord, decodeObjectSummary, encodeObjectRecord, summaryOfRecord } from './object-record-codec.js';
import { BucketWriteGate } from './bucket-write-gate.js';
import { ReadPins } from './read-pins.js';

const NS = keys.S3_NS;

/** cachedBucket's answer when the bucket's record is not in the cache (a read would be needed). */
export const UNCACHED = Symbol('uncached');

const del = (key: string): MetaOp => ({ type: 'del', ns: NS, key });

export function objectRefOps(bucket: string, key: string, record: ObjectRecord, op: typeof addBlobRef): MetaOp[] {
  return record.spans.map((span, i) => op(span.blob, keys.objectBlobOwner(bucket, key, record.version, i)));
}

export class S3Store {
  readonly meta: MetaStore;
  readonly blobs: BlobStore;
  readonly locks = new KeyedMutex();
  /** Blobs that reads of multipart objects hold (read-pins.ts); pass to readSpans. */
  readonly readPins = new ReadPins((id) => this.#collectNow(id));
  /** Orders every write of a bucket against its DeleteBucket (bucket-write-gate.ts). */
  readonly writeGate = new BucketWriteGate();
  readonly #listing: ListingIndex;
  /** Object and part versions (the owner in blob references): crypto.randomUUID made ~0.5 KB of garbage per id. */
  readonly #versions = new UuidV4Source();
  /** Multipart uploads and their parts. */
  readonly uploads: UploadStore;
  #log: Logger;

  constructor(meta: MetaStore, blobs: BlobStore, log: Logger, listingIndexKeys?: number) {
    this.meta = meta;
    this.blobs = blobs;
    this.#log = log;
    this.#listing = new ListingIndex(listingIndexKeys);
    this.uploads = new UploadStore(this);
  }

  async #getJson<T>(key: string): Promise<T | undefined> {
    const raw = await this.meta.get(NS, key);
    return raw === undefined ? undefined : (JSON.parse(raw) as T);
  }

  /** Removes blobs nothing references any more; failures only cost disk until the next sweep. */
  collect(blobIds: Iterable<string>): void {
    for (const id of new Set(blobIds)) {
      // A read of a multipart object still to open it: collected when that read lets go.
      if (this.readPins.defer(id)) continue;
      this.#collectNow(id);
    }
  }

  #collectNow(id: string): void {
    this.blobs.collect(id).catch((err: unknown) => this.#log.warn('blob collect failed', { blob: id, err: String(err) }));
  }

  // ---- buckets

  /**
   * Bucket records are read on every object request; this process is the store's only writer,
   * so a write-through cache (entries set by putBucket/deleteBucket) is always current.
   */
  readonly #buckets = new Map<string, BucketRecord | undefined>();
  /** Bucket records written or deleted so far: a read that spans one does not fill the cache. */
  #bucketWrites = 0;

  async getBucket(name: string): Promise<BucketRecord | undefined> {
    if (this.#buckets.has(name)) return this.#buckets.get(name);
    const writes = this.#bucketWrites;
    const record = await this.#getJson<BucketRecord>(keys.bucketKey(name));
    // A bucket written or deleted while the read was under way: the record read may be the one
    // before, and cached it would outlive the change (a deleted bucket found by every request).
    if (writes !== this.#bucketWrites) return record;
    // Bounded: a miss for a random name must not grow the cache without limit.
    if (this.#buckets.size >= 10_000) this.#buckets.clear();
    this.#buckets.set(name, record);
    return record;
  }

  /** The bucket's record (undefined: no such bucket) if cached, without reading LevelDB. */
  cachedBucket(name: string): BucketRecord | undefined | typeof UNCACHED {
    const record = this.#buckets.get(name);
    return record !== undefined || this.#buckets.has(name) ? record : UNCACHED;
  }

  async requireBucket(name: string): Promise<BucketRecord> {
    const bucket = await this.getBucket(name);
    if (!bucket) throw s3Errors.noSuchBucket(name);
    return bucket;
  }

  /**
   * Throws NoSuchBucket unless the bucket exists. Synchronous when the bucket cache answers (every
   * request after a bucket's first): no promise or async frame per write, as requireBucket makes.
   */
  assertBucket(name: string): Promise<BucketRecord> | undefined {
    const cached = this.cachedBucket(name);
    if (cached === UNCACHED) return this.requireBucket(name);
    if (cached === undefined) throw s3Errors.noSuchBucket(name);
    return undefined;
  }

  /** A new version id for an object or part record (unique: random, version 4 UUID). */
  newVersion(): string {
    return this.#versions.next();
  }

  async putBucket(record: BucketRecord): Promise<void> {
    this.#bucketWrites++;
    this.#buckets.delete(record.name);
    await this.meta.put(NS, keys.bucketKey(record.name), JSON.stringify(record));
    // Counted before and after: a read begun while the write was under way spans a change too.
    this.#bucketWrites++;
    this.#buckets.set(record.name, record);
  }

  /** Rewrites a bucket's record (tags), under the bucket's lock. */
  updateBucket(name: string, change: (current: BucketRecord) => BucketRecord): Promise<BucketRecord> {
    return this.locks.run(`b\0${name}`, async () => {
      const next = change(await this.requireBucket(name));
      await this.putBucket(next);
      return next;
    });
  }

  async listBuckets(): Promise<BucketRecord[]> {
    const out: BucketRecord[] = [];
    for await (const [, value] of this.meta.iterate(NS, keys.bucketRange)) out.push(JSON.parse(value) as BucketRecord);
    return out;
  }

  /** Runs `write` if the bucket still exists (a write gated by writeGate that found it gone does nothing). */
  async #ifBucket(bucket: string, write: () => Promise<void>): Promise<void> {
    if ((await this.getBucket(bucket)) !== undefined) await write();
  }

  async #hasAny(prefix: string): Promise<boolean> {
    for await (const _ of this.meta.iterate(NS, { gte: prefix, lt: keys.prefixEnd(prefix), limit: 1 })) return true;
    return false;
  }

  /** Deletes an empty bucket; its unfinished multipart uploads go with it, as in S3. */
  deleteBucket(name: string): Promise<void> {
    return this.locks.run(`b\0${name}`, () => this.writeGate.close(name, async () => {
      await this.requireBucket(name);
      if (await this.#hasAny(keys.objectPrefix(name))) throw s3Errors.bucketNotEmpty(name);
      const removal = await this.uploads.bucketRemovalOps(name);
      const ops: MetaOp[] = [del(keys.bucketKey(name)), ...removal.ops];
      this.#bucketWrites++;
      this.#buckets.delete(name);
      await this.meta.batch(ops);
      this.#bucketWrites++;
      this.#buckets.set(name, undefined);
      this.#listing.forgetBucket(name);
      this.uploads.forgetBucket(name);
      this.collect(removal.blobs);
    }));
  }

  // ---- objects

  async getObject(bucket: string, key: string): Promise<ObjectRecord | undefined> {
    const raw = await this.meta.get(NS, keys.objectKey(bucket, key));
    return raw === undefined ? undefined : decodeObjectRecord(raw);
  }

  /** As getObject, synchronously when the MetaStore can read now (MetaStore.getNow), else NOT_NOW. */
  objectNow(bucket: string, key: string): ObjectRecord | undefined | typeof NOT_NOW {
    const raw = this.meta.getNow(NS, keys.objectKey(bucket, key));
    return raw === undefined || raw === NOT_NOW ? raw : decodeObjectRecord(raw);
  }

  /** getObject without a promise when the MetaStore can read now (objectNow). */
  currentObject(bucket: string, key: string): ObjectRecord | undefined | Promise<ObjectRecord | undefined> {
    const now = this.objectNow(bucket, key);
    return now === NOT_NOW ? this.getObject(bucket, key) : now;
  }

  /**
   * Stores `record` as the object, replacing any previous version, in one batch with its blob
   * references. `check` runs under the key's lock with the current record (conditional writes).
   */
  replaceObject(bucket: string, key: string, record: ObjectRecord, extraOps: MetaOp[] = [], check?: (current: ObjectRecord | undefined) => void): Promise<string[]> {
    return this.locks.run(`o\0${bucket}\0${key}`, () => this.replaceObjectLocked(bucket, key, record, extraOps, check));
  }

  /**
   * As replaceObject, for callers that already hold the key's lock. `read`: the key's object as
   * the caller read it under that lock, so it is not read twice (upload-store.ts completeUpload).
   */
  async replaceObjectLocked(bucket: string, key: string, record: ObjectRecord, extraOps: MetaOp[] = [], check?: (current: ObjectRecord | undefined) => void, read?: { current: ObjectRecord | undefined }): Promise<string[]> {
    let current: ObjectRecord | undefined;
    if (read !== undefined) current = read.current;
    else {
      // Both read synchronously when they can (as a GetObject does): a write's awaits and promises
      // are part of the bytes per request that the peaks under load grow with.
      const now = this.currentObject(bucket, key);
      current = now instanceof Promise ? await now : now;
    }
    check?.(current);
    const entering = this.writeGate.enter(bucket);
    if (entering !== undefined) await entering;
    try {
      // The bucket may have been deleted while the body streamed in.
      const bucketRead = this.assertBucket(bucket);
      if (bucketRead !== undefined) await bucketRead;
      const ops: MetaOp[] = [{ type: 'put', ns: NS, key: keys.objectKey(bucket, key), value: encodeObjectRecord(record) }, ...objectRefOps(bucket, key, record, addBlobRef), ...extraOps];
      if (current) ops.push(...objectRefOps(bucket, key, current, dropBlobRef));
      await this.meta.batch(ops);
    } finally {
      this.writeGate.leave(bucket);
    }
    this.#listing.put(bucket, key, summaryOfRecord(record));
    const dropped = current ? current.spans.map((s) => s.blob) : [];
    this.collect(dropped);
    return dropped;
  }

  /**
   * Deletes an object; returns whether it existed. `check` runs under the key's lock with the
   * current record (conditional deletes) and may throw to keep it. A delete of a key with open
   * uploads marks them overtaken, object or not (delete-marks.ts); of one without, it reads
   * nothing more (open-upload-keys.ts answers from memory).
   */
  deleteObject(bucket: string, key: string, check?: (current: ObjectRecord | undefined) => void): Promise<boolean> {
    return this.locks.run(`o\0${bucket}\0${key}`, async () => {
      const current = await this.getObject(bucket, key);
      check?.(current);
      const pendingMark = this.uploads.deleteMarkOp(bucket, key);
      const mark = pendingMark instanceof Promise ? await pendingMark : pendingMark;
      if (!current) {
        // A mark written after a DeleteBucket removed the bucket's marks would outlive it.
        if (mark !== undefined) await this.writeGate.write(bucket, () => this.#ifBucket(bucket, () => this.meta.batch([mark])));
        return false;
      }
      const ops = [del(keys.objectKey(bucket, key)), ...objectRefOps(bucket, key, current, dropBlobRef)];
      if (mark !== undefined) ops.push(mark);
      await this.meta.batch(ops);
      this.#listing.delete(bucket, key);
      this.collect(current.spans.map((s) => s.blob));
      return true;
    });
  }

  /** Rewrites an object's record without touching its blobs (tagging). */
  updateObject(bucket: string, key: string, change: (current: ObjectRecord) => ObjectRecord): Promise<ObjectRecord> {
    return this.locks.run(`o\0${bucket}\0${key}`, async () => {
      const current = await this.getObject(bucket, key);
      if (!current) throw s3Errors.noSuchKey(key);
      const next = change(current);
      await this.meta.put(NS, keys.objectKey(bucket, key), encodeObjectRecord(next));
      this.#listing.put(bucket, key, summaryOfRecord(next));
      return next;
    });
  }

  /**
   * Up to `limit` objects of a bucket in key order from `gt`/`gte` on, within `prefix`: from the
   * listing index when the bucket has one, otherwise from LevelDB (and an index build starts).
   */
  async scanObjects(bucket: string, from: { gt?: string; gte?: string }, prefix: string, limit: number): Promise<[string, ObjectSummary][]> {
    const index = this.#listing.of(bucket);
    if (index !== undefined) return index.range({ ...from, lt: keys.prefixEnd(prefix), limit });
    if (this.#listing.wants(bucket)) this.#buildListing(bucket);
    const base = keys.objectPrefix(bucket);
    const range = {
      ...(from.gt !== undefined ? { gt: base + from.gt } : { gte: base + (from.gte ?? '') }),
      lt: keys.prefixEnd(base + prefix),
      limit,
    };
    const out: [string, ObjectSummary][] = [];
    for await (const [k, v] of this.meta.iterate(NS, range)) out.push([k.slice(base.length), decodeObjectSummary(v)]);
    return out;
  }

  /** Reads the bucket's objects into the listing index, in the background (one build per bucket at a time). */
  #buildListing(bucket: string): void {
    const journal = this.#listing.beginBuild(bucket);
    if (journal === undefined) return;
    const base = keys.objectPrefix(bucket);
    const limit = this.#listing.buildLimit;
    void (async () => {
      const entries: [string, ObjectSummary][] = [];
      for await (const [k, v] of this.meta.iterate(NS, { gte: base, lt: keys.prefixEnd(base), limit })) {
        entries.push([k.slice(base.length), decodeObjectSummary(v)]);
      }
      this.#listing.install(bucket, journal, entries, entries.length < limit);
    })().catch((err: unknown) => {
      this.#listing.abandonBuild(bucket, journal);
      this.#log.warn('listing index build failed', { bucket, err: String(err) });
    });
  }
}
