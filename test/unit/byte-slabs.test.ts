import test from 'ava';
import { FREE_BYTES, MIN_SLAB_BYTES, SLAB_BYTES, SMALL_BODY, SlabChain, SlabPool, recycleAll, recycleBefore, slabSize } from '../../src/util/byte-slabs.js';

const chunk = (size: number, fill: number): ArrayBuffer => new Uint8Array(size).fill(fill).buffer;
/** A body past the small-body size, so that its next copies go into slabs; and that first copy. */
function streamingBody(pool: SlabPool): { body: SlabChain; first: Buffer } {
  const body = new SlabChain(pool);
  return { body, first: body.copy(chunk(SMALL_BODY + 1, 0)) };
}

test('a small body gets buffers of its own; a streaming body shares slabs', (t) => {
  const pool = new SlabPool();
  const small = new SlabChain(pool);
  const a = small.copy(chunk(100, 1));
  const b = small.copy(chunk(100, 2));
  t.is(a.buffer.byteLength, 100);
  t.not(a.buffer, b.buffer);
  const { body, first } = streamingBody(pool);
  const c = body.copy(chunk(100, 3));
  t.is(first.buffer.byteLength, SLAB_BYTES);
  t.is(c.buffer, first.buffer);
  t.deepEqual([first.length, c.length, c[0], first[0]], [SMALL_BODY + 1, 100, 3, 0]);
});

test('only slabs wholly before the given view are reused', (t) => {
  const pool = new SlabPool();
  const { body, first: a } = streamingBody(pool);
  const b = body.copy(chunk(SLAB_BYTES / 2, 2));
  const c = body.copy(chunk(SLAB_BYTES / 2, 3)); // does not fit: a second slab
  t.is(a.buffer, b.buffer);
  t.not(a.buffer, c.buffer);

  recycleBefore(b); // b is in the first slab itself: nothing to reuse
  t.not(streamingBody(pool).first.buffer, a.buffer, 'the first slab is still in use');

  recycleBefore(c); // everything before c's slab is done: the first slab goes back to the pool
  t.is(streamingBody(pool).first.buffer, a.buffer, 'reused');
  t.is(c[0], 3, 'the slab of the view passed is never reused');
});

test('after recycleAll a body copies into memory of its own; oversized chunks are never pooled', (t) => {
  const pool = new SlabPool();
  const { body, first } = streamingBody(pool);
  recycleAll(first);
  const later = body.copy(chunk(10, 2));
  t.not(later.buffer, first.buffer);
  t.is(later.buffer.byteLength, 10);
  const big = new SlabChain(pool).copy(chunk(SLAB_BYTES + 1, 7));
  t.is(big.length, SLAB_BYTES + 1);
  t.is(big.buffer.byteLength, SLAB_BYTES + 1);
});

test('a body that is never recycled does not hold on to all its slabs; dropped slabs are never reused', (t) => {
  const pool = new SlabPool();
  const { body, first } = streamingBody(pool);
  const views = [first, ...Array.from({ length: 11 }, (_, i) => body.copy(chunk(SLAB_BYTES, i + 1)))];
  recycleBefore(views[0]!); // dropped from the chain: no effect
  recycleBefore(views[11]!); // returns the slabs the chain still tracks (FREE_BYTES of them are pooled)
  const kept = FREE_BYTES / SLAB_BYTES;
  const reused = new Set(Array.from({ length: kept }, () => streamingBody(pool).first.buffer));
  t.false(reused.has(views[0]!.buffer as ArrayBuffer));
  t.true([...reused].every((b) => views.slice(4, 11).some((v) => v.buffer === b)));
  t.is(views[0]![0], 0, 'untouched');
});

test('each pool is its own: slabs handed back to one are not used by another', (t) => {
  const first = new SlabPool();
  const { body, first: a } = streamingBody(first);
  const b = body.copy(chunk(SLAB_BYTES, 1)); // a second slab
  recycleBefore(b);
  t.not(streamingBody(new SlabPool()).first.buffer, a.buffer);
  t.is(streamingBody(first).first.buffer, a.buffer);
});

test('a body with a declared length gets slabs sized to what is still to come', (t) => {
  const pool = new SlabPool();
  const declared = SMALL_BODY + 100 * 1024;
  const body = new SlabChain(pool, declared);
  body.copy(chunk(SMALL_BODY, 0)); // the first SMALL_BODY bytes: buffers of their own
  const a = body.copy(chunk(60 * 1024, 1));
  t.is(a.buffer.byteLength, 128 * 1024, '100 KiB still to come: the 128 KiB size');
  const b = body.copy(chunk(40 * 1024, 2));
  t.is(b.buffer, a.buffer, 'fits in the same slab');
  t.deepEqual([a[0], b[0], a.length, b.length], [1, 2, 60 * 1024, 40 * 1024]);
  t.is(slabSize(10, 10), MIN_SLAB_BYTES);
  t.is(slabSize(10, 5 * SLAB_BYTES), SLAB_BYTES);
  t.is(slabSize(300 * 1024, 10), 512 * 1024, 'never smaller than the chunk');
});

test('a body longer than it declared still gets room for every chunk', (t) => {
  const pool = new SlabPool();
  const body = new SlabChain(pool, SMALL_BODY + 10);
  body.copy(chunk(SMALL_BODY, 0));
  const views = [body.copy(chunk(10, 1)), body.copy(chunk(200 * 1024, 2)), body.copy(chunk(SLAB_BYTES, 3))];
  t.deepEqual(views.map((v) => [v.length, v[0], v[v.length - 1]]), [[10, 1, 1], [200 * 1024, 2, 2], [SLAB_BYTES, 3, 3]]);
  t.deepEqual(views.map((v) => v.buffer.byteLength), [MIN_SLAB_BYTES, 256 * 1024, SLAB_BYTES]);
});

test('slabs go back to the free list of their own size', (t) => {
  const pool = new SlabPool();
  const small = new SlabChain(pool, SMALL_BODY + 1000);
  small.copy(chunk(SMALL_BODY, 0));
  const s = small.copy(chunk(1000, 1));
  recycleAll(s);
  const { first } = streamingBody(pool); // unknown length: a full-size slab, not the small one
  t.is(first.buffer.byteLength, SLAB_BYTES);
  const again = new SlabChain(pool, SMALL_BODY + 500);
  again.copy(chunk(SMALL_BODY, 0));
  t.is(again.copy(chunk(500, 2)).buffer, s.buffer, 'the small slab is reused for the next small rest');
});

test('free slabs past the byte budget are freed at once, whatever their size; the kept ones are reused', (t) => {
  const pool = new SlabPool();
  const { body, first } = streamingBody(pool);
  const views = [first, ...Array.from({ length: FREE_BYTES / SLAB_BYTES + 1 }, (_, i) => body.copy(chunk(SLAB_BYTES, i + 1)))];
  const slabs = views.map((v) => v.buffer);
  recycleAll(views[views.length - 1]!); // every slab of the body goes back
  t.is(pool.freeBytes, FREE_BYTES);
  const freed = slabs.filter((s) => s.byteLength === 0);
  t.is(freed.length, slabs.length - FREE_BYTES / SLAB_BYTES, 'the rest were released, not left to the GC');
  const kept = slabs.filter((s) => s.byteLength > 0);
  const reused = new Set(kept.map(() => streamingBody(pool).first.buffer));
  t.true(reused.size === kept.length && kept.every((k) => reused.has(k)));
  t.is(pool.freeBytes, 0);
  // A smaller slab given back when the budget is full is freed too.
  const full = new SlabPool();
  const big = new SlabChain(full);
  const bigViews = [big.copy(chunk(SMALL_BODY + 1, 0)), ...Array.from({ length: FREE_BYTES / SLAB_BYTES }, () => big.copy(chunk(SLAB_BYTES, 1)))];
  recycleAll(bigViews[bigViews.length - 1]!);
  t.is(full.freeBytes, FREE_BYTES);
  const small = new SlabChain(full, SMALL_BODY + 1000);
  small.copy(chunk(SMALL_BODY, 0));
  const s = small.copy(chunk(1000, 1));
  const smallSlab = s.buffer;
  recycleAll(s);
  t.is(smallSlab.byteLength, 0);
  t.is(full.freeBytes, FREE_BYTES);
});
