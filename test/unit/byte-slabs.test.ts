import test from 'ava';
import { SLAB_BYTES, SlabChain, recycleAll, recycleBefore } from '../../src/util/byte-slabs.js';

const chunk = (size: number, fill: number): ArrayBuffer => new Uint8Array(size).fill(fill).buffer;

test('copies are views into shared slabs; only slabs wholly before the given view are reused', (t) => {
  const body = new SlabChain();
  const half = SLAB_BYTES / 2;
  const a = body.copy(chunk(half, 1));
  const b = body.copy(chunk(half, 2));
  const c = body.copy(chunk(half, 3)); // a second slab
  t.is(a.buffer, b.buffer);
  t.not(a.buffer, c.buffer);
  t.deepEqual([a[0], b[0], c[0], a.length], [1, 2, 3, half]);

  recycleBefore(b); // b's slab is c's predecessor, but b itself is in the first slab: nothing to reuse
  const other = new SlabChain();
  const d = other.copy(chunk(16, 4));
  t.not(d.buffer, a.buffer, 'the first slab is still in use');

  recycleBefore(c); // everything before c's slab is done: the first slab goes back to the pool
  const e = new SlabChain().copy(chunk(16, 5));
  t.is(e.buffer, a.buffer, 'reused');
  t.is(c[0], 3, 'the slab of the view passed is never reused');
});

test('after recycleAll a body copies into memory of its own; oversized chunks are never pooled', (t) => {
  const body = new SlabChain();
  const first = body.copy(chunk(10, 1));
  recycleAll(first);
  const later = body.copy(chunk(10, 2));
  t.not(later.buffer, first.buffer);
  t.is(later.buffer.byteLength, 10);
  const big = new SlabChain().copy(chunk(SLAB_BYTES + 1, 7));
  t.is(big.length, SLAB_BYTES + 1);
  t.is(big.buffer.byteLength, SLAB_BYTES + 1);
});

test('a body that is never recycled does not hold on to all its slabs; dropped slabs are never reused', (t) => {
  const body = new SlabChain();
  const views = Array.from({ length: 12 }, (_, i) => body.copy(chunk(SLAB_BYTES, i)));
  recycleBefore(views[0]!); // dropped from the chain: no effect
  recycleBefore(views[11]!); // returns the slabs the chain still tracks (at most four are pooled)
  const reused = new Set(Array.from({ length: 4 }, () => new SlabChain().copy(chunk(8, 99)).buffer));
  t.false(reused.has(views[0]!.buffer as ArrayBuffer));
  t.true([...reused].every((b) => views.slice(4, 11).some((v) => v.buffer === b)));
  t.is(views[0]![0], 0, 'untouched');
});
