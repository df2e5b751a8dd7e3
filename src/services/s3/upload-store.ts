/**
 * S3's multipart uploads and their parts, beside the objects they become (store.ts): each upload
 * and part a record over the MetaStore, parts' blobs referenced like objects' spans. It also keeps
 * what orders an upload against the key's other writes: which keys have open uploads
 * (open-upload-keys.ts), the deletes made since an upload's initiation (delete-marks.ts) and the
 * uploads aborted lately (abort-markers.ts).
 */
import type { MetaOp, MetaStore } from '../../storage/meta-store.js';
import { addBlobRef, dropBlobRef } from '../../storage/blob-refs.js';
import * as keys from './keys.js';
import type { ObjectRecord, PartRecord, UploadRecord } from './records.js';
import { s3Errors } from './errors.js';
import { supersedesUpload } from './completion-order.js';
import { AbortMarkers } from './abort-markers.js';
import { DeleteMarks } from './delete-marks.js';
import { OpenUploadKeys } from './open-upload-keys.js';
import type { S3Store } from './store.js';

const NS = keys.S3_NS;
const put = (key: string, value: unknown): MetaOp => ({ type: 'put', ns: NS, key, value: JSON.stringify(value) });
const del = (key: string): MetaOp => ({ type: 'del', ns: NS, key });

export class UploadStore {
  readonly #store: S3Store;
  readonly #meta: MetaStore;
  readonly #aborted: AbortMarkers;
  readonly #openUploads: OpenUploadKeys;
  readonly #deleteMarks: DeleteMarks;

  /** `store`: the objects' side, whose locks, reads and writes a completion shares. */
  constructor(store: S3Store) {
    this.#store = store;
    this.#meta = store.meta;
    this.#aborted = new AbortMarkers(store.meta);
    this.#openUploads = new OpenUploadKeys(store.meta);
    this.#deleteMarks = new DeleteMarks(store.meta);
  }

  async #getJson<T>(key: string): Promise<T | undefined> {
    const raw = await this.#meta.get(NS, key);
    return raw === undefined ? undefined : (JSON.parse(raw) as T);
  }

  /**
   * For a DeleteObject, under the key's lock: the op marking the key's open uploads overtaken
   * (delete-marks.ts), or undefined when it has none, which is known from memory
   * (open-upload-keys.ts), without a read.
   */
  deleteMarkOp(bucket: string, key: string): MetaOp | undefined | Promise<MetaOp | undefined> {
    const open = this.#openUploads.has(bucket, key);
    if (open === false) return undefined;
    return (async () => ((await open) ? this.#deleteMarks.markOp(bucket, key) : undefined))();
  }

  /** For DeleteBucket: the ops removing every upload of the bucket, its parts and its markers. */
  async bucketRemovalOps(bucket: string): Promise<{ ops: MetaOp[]; blobs: string[] }> {
    const ops: MetaOp[] = [];
    const blobs: string[] = [];
    const prefix = keys.uploadPrefix(bucket);
    for await (const [, value] of this.#meta.iterate(NS, { gte: prefix, lt: keys.prefixEnd(prefix) })) {
      const removal = await this.#uploadRemovalOps(JSON.parse(value) as UploadRecord);
      ops.push(...removal.ops);
      blobs.push(...removal.blobs);
    }
    for (const markers of [keys.abortedUploadPrefix(bucket), keys.deleteMarkPrefix(bucket)]) {
      for await (const [key] of this.#meta.iterate(NS, { gte: markers, lt: keys.prefixEnd(markers) })) ops.push(del(key));
    }
    return { ops, blobs };
  }

  /** The bucket is gone: what is kept in memory of its uploads is dropped. */
  forgetBucket(bucket: string): void {
    this.#aborted.forget(bucket);
    this.#openUploads.forget(bucket);
  }

  /** Stores a new upload, counted as open first (open-upload-keys.ts). */
  async createUpload(record: UploadRecord): Promise<void> {
    await this.#openUploads.ready(record.bucket);
    // Checked again in the bucket's write gate: an upload stored after a DeleteBucket removed
    // the bucket's uploads would be listed in a bucket re-created with its name.
    await this.#store.writeGate.write(record.bucket, async () => {
      await this.#store.requireBucket(record.bucket);
      this.#openUploads.opening(record.bucket, record.key);
      try {
        await this.#meta.put(NS, keys.uploadKey(record.bucket, record.key, record.uploadId), JSON.stringify(record));
      } catch (err) {
        this.#openUploads.closed(record.bucket, record.key);
        throw err;
      }
    });
  }

  async requireUpload(bucket: string, key: string, uploadId: string): Promise<UploadRecord> {
    const upload = await this.#getJson<UploadRecord>(keys.uploadKey(bucket, key, uploadId));
    if (!upload) throw s3Errors.noSuchUpload(uploadId);
    return upload;
  }

  async *iterateUploads(bucket: string, gte: string, prefix: string): AsyncIterable<UploadRecord> {
    const base = keys.uploadPrefix(bucket);
    for await (const [, v] of this.#meta.iterate(NS, { gte: base + gte, lt: keys.prefixEnd(base + prefix) })) yield JSON.parse(v) as UploadRecord;
  }

  /** Stores a part, replacing a previous upload of the same part number. */
  putPart(upload: UploadRecord, part: PartRecord): Promise<void> {
    // In the bucket's write gate: a part stored after a DeleteBucket removed its upload would be
    // kept, with its blob, by nothing that could ever remove it.
    return this.#store.locks.run(`u\0${upload.uploadId}`, () => this.#store.writeGate.write(upload.bucket, async () => {
      await this.requireUpload(upload.bucket, upload.key, upload.uploadId);
      const key = keys.partKey(upload.uploadId, part.partNumber);
      const previous = await this.#getJson<PartRecord>(key);
      const ops: MetaOp[] = [put(key, part), addBlobRef(part.blob, keys.partBlobOwner(upload.uploadId, part.partNumber, part.version))];
      if (previous) ops.push(dropBlobRef(previous.blob, keys.partBlobOwner(upload.uploadId, previous.partNumber, previous.version)));
      await this.#meta.batch(ops);
      if (previous) this.#store.collect([previous.blob]);
    }));
  }

  async listParts(uploadId: string, afterPart = 0, limit = -1): Promise<(PartRecord & { uploadId: string })[]> {
    const out: (PartRecord & { uploadId: string })[] = [];
    const prefix = keys.partPrefix(uploadId);
    for await (const [, v] of this.#meta.iterate(NS, { gt: keys.partKey(uploadId, afterPart), lt: keys.prefixEnd(prefix), limit })) {
      out.push({ ...(JSON.parse(v) as PartRecord), uploadId });
    }
    return out;
  }

  /** Ops that remove an upload and all its parts' records and references. */
  async #uploadRemovalOps(upload: UploadRecord): Promise<{ ops: MetaOp[]; blobs: string[] }> {
    const ops: MetaOp[] = [del(keys.uploadKey(upload.bucket, upload.key, upload.uploadId))];
    const blobs: string[] = [];
    for (const part of await this.listParts(upload.uploadId)) {
      ops.push(del(keys.partKey(upload.uploadId, part.partNumber)), dropBlobRef(part.blob, keys.partBlobOwner(upload.uploadId, part.partNumber, part.version)));
      blobs.push(part.blob);
    }
    return { ops, blobs };
  }

  /**
   * Ops that remove an upload as it completes or aborts: its parts, and its id from the key's
   * delete mark. `overtaken`: a delete of the key made since its initiation beats it.
   */
  async #closingOps(upload: UploadRecord): Promise<{ ops: MetaOp[]; blobs: string[]; overtaken: boolean }> {
    const removal = await this.#uploadRemovalOps(upload);
    const mark = await this.#deleteMarks.read(upload.bucket, upload.key);
    const settle = this.#deleteMarks.settleOp(upload.bucket, upload.key, mark, upload.uploadId);
    if (settle !== undefined) removal.ops.push(settle);
    return { ...removal, overtaken: settle !== undefined };
  }

  /** Aborts an upload; under the key's lock too, as the key's delete mark may change. */
  async abortUpload(upload: UploadRecord): Promise<void> {
    await this.#openUploads.ready(upload.bucket);
    // In the bucket's write gate: an abort marker stored after a DeleteBucket removed the bucket's
    // markers would answer a repeated abort of the old upload 204 in a re-created bucket.
    await this.#store.locks.run(`u\0${upload.uploadId}`, () => this.#store.locks.run(`o\0${upload.bucket}\0${upload.key}`, () => this.#store.writeGate.write(upload.bucket, async () => {
      await this.requireUpload(upload.bucket, upload.key, upload.uploadId);
      const closing = await this.#closingOps(upload);
      await this.#meta.batch([...closing.ops, this.#aborted.markOp(upload.bucket, upload.key, upload.uploadId)]);
      this.#openUploads.closed(upload.bucket, upload.key);
      this.#store.collect(closing.blobs);
    })));
    await this.#store.locks.run(`a\0${upload.bucket}`, () => this.#aborted.marked(upload.bucket));
  }

  /** Whether this upload of this key was aborted lately (S3 answers a repeated abort 204; abort-markers.ts). */
  wasAborted(bucket: string, key: string, uploadId: string): Promise<boolean> {
    return this.#aborted.has(bucket, key, uploadId);
  }

  /**
   * Completes an upload: the object becomes a manifest of the chosen parts' blobs (no bytes are
   * copied), the upload and all its parts go, in one batch; unless the key's object was written
   * after the upload was initiated, which stays (completion-order.ts), or was deleted
   * since: the key then stays without one (delete-marks.ts).
   */
  async completeUpload(upload: UploadRecord, build: (parts: Map<number, PartRecord>) => ObjectRecord, check?: (current: ObjectRecord | undefined) => void): Promise<ObjectRecord> {
    await this.#openUploads.ready(upload.bucket);
    return this.#store.locks.run(`u\0${upload.uploadId}`, () => this.#store.locks.run(`o\0${upload.bucket}\0${upload.key}`, async () => {
      await this.requireUpload(upload.bucket, upload.key, upload.uploadId);
      const parts = new Map((await this.listParts(upload.uploadId)).map((p) => [p.partNumber, p] as const));
      const record = build(parts);
      const closing = await this.#closingOps(upload);
      // Read once, under the key's lock: the completion-order rule and the write see the same object.
      const read = this.#store.currentObject(upload.bucket, upload.key);
      const current = read instanceof Promise ? await read : read;
      check?.(current);
      // A write begun after the upload was initiated stays the object, or its absence if a delete.
      if (closing.overtaken || supersedesUpload(current, upload)) await this.#meta.batch(closing.ops);
      else await this.#store.replaceObjectLocked(upload.bucket, upload.key, record, closing.ops, undefined, { current });
      this.#openUploads.closed(upload.bucket, upload.key);
      this.#store.collect(closing.blobs);
      return record;
    }));
  }
}
