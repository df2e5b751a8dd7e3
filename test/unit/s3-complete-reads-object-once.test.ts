/**
 * CompleteMultipartUpload reads the key's current object once, under the key's lock: the
 * completion-order rule (completion-order.ts) and the write that replaces the object use the same
 * read. Counted on the MetaStore the S3 store runs on (the in-memory backend).
 */
import test from 'ava';
import { createMemoryStorage } from '../../src/storage/memory/index.js';
import type { MetaStore } from '../../src/storage/meta-store.js';
import { createLogger } from '../../src/log.js';
import { S3Store } from '../../src/services/s3/store.js';
import * as keys from '../../src/services/s3/keys.js';
import type { ObjectRecord, PartRecord, UploadRecord } from '../../src/services/s3/records.js';

/** `meta`, counting the reads (get and getNow) of one key. */
function countingReads(meta: MetaStore, key: string): { meta: MetaStore; reads: () => number } {
  let reads = 0;
  const counted = new Proxy(meta, {
    get(target, name, receiver) {
      const value: unknown = Reflect.get(target, name, receiver);
      if ((name !== 'get' && name !== 'getNow') || typeof value !== 'function') return typeof value === 'function' ? value.bind(target) : value;
      return (ns: string, k: string) => {
        if (k === key) reads++;
        return (value as (ns: string, k: string) => unknown).call(target, ns, k);
      };
    },
  });
  return { meta: counted, reads: () => reads };
}

async function completeOverExisting(existingBegan: 'before' | 'after'): Promise<{ reads: number; kept: string | undefined }> {
  const storage = createMemoryStorage();
  const { meta, reads } = countingReads(storage.meta, keys.objectKey('bkt', 'k'));
  const store = new S3Store(meta, storage.blobs, createLogger('silent'));
  try {
    await store.putBucket({ name: 'bkt', region: 'us-east-1', created: Date.now(), owner: 'o' });
    const initiated = Date.now() - 1000;
    const existing = async (lastModified: number) => {
      const blob = await storage.blobs.write((async function* () { yield Buffer.from('old'); })());
      await store.replaceObject('bkt', 'k', { size: 3, etag: '"old"', lastModified, version: 'v-old', spans: [{ blob: blob.id, size: 3 }] });
      blob.release();
    };
    // The current object was written before the upload was initiated (replaced) or after (kept).
    await existing(existingBegan === 'before' ? initiated - 1000 : initiated + 500);
    const upload: UploadRecord = { bucket: 'bkt', key: 'k', uploadId: 'u1', initiated, object: {} };
    await store.uploads.createUpload(upload);
    const blob = await storage.blobs.write((async function* () { yield Buffer.from('new'); })());
    const part: PartRecord = { partNumber: 1, size: 3, etag: '"p1"', lastModified: Date.now(), blob: blob.id, version: 'v-p1' };
    await store.uploads.putPart(upload, part);
    blob.release();
    const before = reads();
    await store.uploads.completeUpload(upload, (parts): ObjectRecord => ({
      size: 3, etag: '"new-1"', lastModified: Date.now(), version: 'v-new', spans: [{ blob: parts.get(1)!.blob, size: 3 }],
    }));
    return { reads: reads() - before, kept: (await store.getObject('bkt', 'k'))?.etag };
  } finally {
    await storage.close();
  }
}

test('a completion replacing the current object reads it once', async (t) => {
  const { reads, kept } = await completeOverExisting('before');
  t.is(kept, '"new-1"');
  t.is(reads, 1);
});

test('a completion that keeps a later object (completion order) reads it once', async (t) => {
  const { reads, kept } = await completeOverExisting('after');
  t.is(kept, '"old"');
  t.is(reads, 1);
});
