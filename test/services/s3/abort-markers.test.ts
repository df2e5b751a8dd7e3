/**
 * Abort markers (src/services/s3/abort-markers.ts) stay bounded per bucket and keep the most
 * recent aborts, for which S3 answers a repeated AbortMultipartUpload 204.
 */
import test from 'ava';
import { setTimeout as sleep } from 'node:timers/promises';
import { MemoryMetaStore } from '../../../src/storage/memory/index.js';
import { AbortMarkers } from '../../../src/services/s3/abort-markers.js';
import * as keys from '../../../src/services/s3/keys.js';

async function abort(meta: MemoryMetaStore, markers: AbortMarkers, bucket: string, uploadId: string): Promise<void> {
  await meta.batch([markers.markOp(bucket, 'k', uploadId)]);
  await markers.marked(bucket);
}

async function markerCount(meta: MemoryMetaStore, bucket: string): Promise<number> {
  const prefix = keys.abortedUploadPrefix(bucket);
  let n = 0;
  for await (const _ of meta.iterate(keys.S3_NS, { gte: prefix, lt: keys.prefixEnd(prefix) })) n++;
  return n;
}

test('a bucket keeps at most twice `keep` markers, the most recent ones, and other buckets are untouched', async (t) => {
  const meta = new MemoryMetaStore();
  const markers = new AbortMarkers(meta, 3);
  await abort(meta, markers, 'other', 'x');
  // Upload ids named against their order, so the order kept is the abort time's, not the key's.
  const ids = ['z', 'y', 'x', 'w', 'v', 'u', 'q'];
  for (const id of ids) {
    await abort(meta, markers, 'b', id);
    await sleep(2);
  }
  // 7 > 2 × 3 markers: the oldest 4 go.
  t.is(await markerCount(meta, 'b'), 3);
  for (const id of ids.slice(0, 4)) t.false(await markers.has('b', 'k', id), id);
  for (const id of ids.slice(4)) t.true(await markers.has('b', 'k', id), id);
  t.true(await markers.has('other', 'k', 'x'));
});

test('markers written before abort times were kept (value 1) are the first to go', async (t) => {
  const meta = new MemoryMetaStore();
  await meta.put(keys.S3_NS, keys.abortedUploadKey('b', 'k', 'legacy'), '1');
  const markers = new AbortMarkers(meta, 1);
  await abort(meta, markers, 'b', 'new-1');
  await abort(meta, markers, 'b', 'new-2');
  t.false(await markers.has('b', 'k', 'legacy'));
  t.true(await markers.has('b', 'k', 'new-2'));
});
