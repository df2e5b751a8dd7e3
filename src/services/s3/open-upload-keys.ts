/**
 * Which keys of a bucket have open multipart uploads, held in memory so that a DeleteObject of a
 * key with none — nearly every delete — learns so from two Map lookups, without a read
 * (delete-marks.ts says why a delete needs to know).
 *
 * The upload records on disk are the truth; this is a view of them, built per bucket from those
 * records on the bucket's first upload call or delete after a start (so also after a kill -9).
 * Counts may run high for a moment, never low: an upload is counted before its record is written
 * and uncounted after its removal commits, and callers that count or uncount wait for the
 * bucket's view first (`ready`), so a build never misses a change made while it reads. A count
 * too high costs a read on a delete of that key, nothing else.
 */
import type { MetaStore } from '../../storage/meta-store.js';
import * as keys from './keys.js';

type Counts = Map<string, number>;

export class OpenUploadKeys {
  readonly #meta: MetaStore;
  /** Per bucket whose view is built: open uploads per key (keys without one are absent). */
  readonly #buckets = new Map<string, Counts>();
  readonly #building = new Map<string, Promise<Counts>>();

  constructor(meta: MetaStore) {
    this.#meta = meta;
  }

  /** Whether `key` may have an open upload; synchronous once the bucket's view is built. */
  has(bucket: string, key: string): boolean | Promise<boolean> {
    const counts = this.#buckets.get(bucket);
    if (counts !== undefined) return counts.size > 0 && counts.has(key);
    return this.#build(bucket).then((built) => built.has(key));
  }

  /** Waits for the bucket's view: before an upload's record is written or removed. */
  ready(bucket: string): Promise<unknown> | undefined {
    return this.#buckets.has(bucket) ? undefined : this.#build(bucket);
  }

  /** Before an upload's record is written (after `ready`). */
  opening(bucket: string, key: string): void {
    const counts = this.#buckets.get(bucket);
    if (counts !== undefined) counts.set(key, (counts.get(key) ?? 0) + 1);
  }

  /** After an upload's removal committed, or its record failed to be written. */
  closed(bucket: string, key: string): void {
    const counts = this.#buckets.get(bucket);
    const left = (counts?.get(key) ?? 0) - 1;
    if (left > 0) counts!.set(key, left);
    else counts?.delete(key);
  }

  /** The bucket is gone, and its uploads with it: a bucket made again under its name is read afresh. */
  forget(bucket: string): void {
    this.#buckets.delete(bucket);
    this.#building.delete(bucket);
  }

  #build(bucket: string): Promise<Counts> {
    let building = this.#building.get(bucket);
    if (building !== undefined) return building;
    building = this.#read(bucket).then((counts) => {
      // Forgotten meanwhile (the bucket was deleted): the next call reads again.
      if (this.#building.get(bucket) === building) {
        this.#building.delete(bucket);
        this.#buckets.set(bucket, counts);
      }
      return counts;
    }, (err: unknown) => {
      if (this.#building.get(bucket) === building) this.#building.delete(bucket);
      throw err;
    });
    this.#building.set(bucket, building);
    return building;
  }

  async #read(bucket: string): Promise<Counts> {
    const counts: Counts = new Map();
    const prefix = keys.uploadPrefix(bucket);
    for await (const [uploadKey] of this.#meta.iterate(keys.S3_NS, { gte: prefix, lt: keys.prefixEnd(prefix) })) {
      const key = keys.keyOfUploadKey(bucket, uploadKey);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return counts;
  }
}
