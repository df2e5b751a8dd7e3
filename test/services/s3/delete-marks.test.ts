/**
 * Delete marks (src/services/s3/delete-marks.ts) name exactly the key's open uploads, and the
 * in-memory view of keys with open uploads (open-upload-keys.ts) is rebuilt from the upload
 * records: keys may hold NUL, which also separates the upload id in the records' keys.
 */
import test from 'ava';
import { MemoryMetaStore } from '../../../src/storage/memory/index.js';
import { DeleteMarks } from '../../../src/services/s3/delete-marks.js';
import { OpenUploadKeys } from '../../../src/services/s3/open-upload-keys.js';
import * as keys from '../../../src/services/s3/keys.js';

async function openUpload(meta: MemoryMetaStore, bucket: string, key: string, uploadId: string): Promise<void> {
  await meta.put(keys.S3_NS, keys.uploadKey(bucket, key, uploadId), '{}');
}

test('a mark names the open uploads of its key only, not of a key it is a prefix of', async (t) => {
  const meta = new MemoryMetaStore();
  await openUpload(meta, 'b', 'k', 'u1');
  await openUpload(meta, 'b', 'k', 'u2');
  await openUpload(meta, 'b', 'k\u0000x', 'u3');
  await openUpload(meta, 'b', 'kk', 'u4');
  await openUpload(meta, 'other', 'k', 'u5');
  const marks = new DeleteMarks(meta);
  t.deepEqual(await marks.markOp('b', 'k'), { type: 'put', ns: keys.S3_NS, key: keys.deleteMarkKey('b', 'k'), value: '["u1","u2"]' });
  t.is(await marks.markOp('b', 'none'), undefined);
});

test('each upload leaves the mark as it goes; the mark goes with the last', async (t) => {
  const meta = new MemoryMetaStore();
  const marks = new DeleteMarks(meta);
  t.deepEqual(await marks.read('b', 'k'), []);
  await meta.put(keys.S3_NS, keys.deleteMarkKey('b', 'k'), '["u1","u2"]');
  const mark = await marks.read('b', 'k');
  t.deepEqual(marks.settleOp('b', 'k', mark, 'u1'), { type: 'put', ns: keys.S3_NS, key: keys.deleteMarkKey('b', 'k'), value: '["u2"]' });
  t.deepEqual(marks.settleOp('b', 'k', ['u2'], 'u2'), { type: 'del', ns: keys.S3_NS, key: keys.deleteMarkKey('b', 'k') });
  // An upload the delete did not overtake (initiated after it) leaves the mark alone.
  t.is(marks.settleOp('b', 'k', ['u2'], 'u9'), undefined);
});

test('the view of keys with open uploads is read from the records, then kept by opening and closing', async (t) => {
  const meta = new MemoryMetaStore();
  await openUpload(meta, 'b', 'k', 'u1');
  await openUpload(meta, 'b', 'k', 'u2');
  await openUpload(meta, 'b', 'k\u0000x', 'u3');
  const open = new OpenUploadKeys(meta);
  // Before the bucket's view is built, the answer is a promise; after, a plain boolean.
  const first = open.has('b', 'k');
  t.true(first instanceof Promise);
  t.true(await first);
  t.is(open.has('b', 'k\u0000x'), true);
  t.is(open.has('b', 'x'), false);
  open.closed('b', 'k');
  t.is(open.has('b', 'k'), true, 'one of two closed');
  open.closed('b', 'k');
  t.is(open.has('b', 'k'), false);
  open.opening('b', 'new');
  t.is(open.has('b', 'new'), true);
  // Another bucket is read on its own.
  await open.ready('empty');
  t.is(open.ready('empty'), undefined, 'built once');
  t.is(open.has('empty', 'k'), false);
  // A forgotten bucket is read again.
  open.forget('b');
  t.true(await open.has('b', 'k'), 'from the records, which still hold both uploads');
});
