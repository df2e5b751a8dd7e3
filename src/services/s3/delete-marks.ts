/**
 * Delete marks (`d\0<bucket>\0<key>` → JSON array of upload ids): which open multipart uploads
 * of a key a DeleteObject (or DeleteObjects) of it overtook. S3 orders the writes of one key by
 * when they began, and an upload's write began when it was initiated, so a delete made after the
 * initiation beats the later completion: it answers 200 with the upload's own ETag, and the key
 * still has no object (openstack/swift test/s3api/test_mpu.py test_create_delete_upload_complete,
 * test_create_upload_delete_complete, run against AWS). Completing an upload initiated after the
 * delete makes the object as ever.
 *
 * Why upload ids and not the delete's time: the delete saw exactly which uploads were open, so its
 * order against each is known even within one millisecond, where times could not tell (with the
 * SDK on localhost, about one CreateMultipartUpload -> DeleteObject pair in twelve lands in one).
 *
 * Cost: a mark is written only by a delete of a key with an open upload (open-upload-keys.ts
 * answers that from memory; then the key's upload records are read), in the delete's batch. Every
 * writer holds the key's lock. Each id leaves the mark in the batch that completes or aborts its
 * upload, and the mark goes with its last id, so marks last no longer than the uploads they name
 * (DeleteBucket removes any left with the bucket's uploads).
 */
import type { MetaOp, MetaStore } from '../../storage/meta-store.js';
import * as keys from './keys.js';

const NUL = '\u0000';

export class DeleteMarks {
  readonly #meta: MetaStore;

  constructor(meta: MetaStore) {
    this.#meta = meta;
  }

  /** The op recording that a delete of `key` overtook its open uploads; undefined when none is open. */
  async markOp(bucket: string, key: string): Promise<MetaOp | undefined> {
    const ids: string[] = [];
    const prefix = keys.uploadKey(bucket, key, '');
    for await (const [uploadKey] of this.#meta.iterate(keys.S3_NS, { gte: prefix, lt: keys.prefixEnd(prefix) })) {
      const id = uploadKey.slice(prefix.length);
      // An upload of a longer key that starts with this key and a NUL ("k\0x"): not this key's.
      if (!id.includes(NUL)) ids.push(id);
    }
    if (ids.length === 0) return undefined;
    return { type: 'put', ns: keys.S3_NS, key: keys.deleteMarkKey(bucket, key), value: JSON.stringify(ids) };
  }

  /** The upload ids the key's last delete overtook and that are still open (empty: none). */
  async read(bucket: string, key: string): Promise<string[]> {
    const raw = await this.#meta.get(keys.S3_NS, keys.deleteMarkKey(bucket, key));
    return raw === undefined ? [] : (JSON.parse(raw) as string[]);
  }

  /** The op that takes `uploadId` off the key's mark as its upload goes (the mark goes with its last id). */
  settleOp(bucket: string, key: string, mark: string[], uploadId: string): MetaOp | undefined {
    if (!mark.includes(uploadId)) return undefined;
    const left = mark.filter((id) => id !== uploadId);
    const markKey = keys.deleteMarkKey(bucket, key);
    return left.length === 0 ? { type: 'del', ns: keys.S3_NS, key: markKey } : { type: 'put', ns: keys.S3_NS, key: markKey, value: JSON.stringify(left) };
  }
}
