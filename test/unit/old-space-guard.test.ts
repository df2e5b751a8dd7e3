/**
 * The old-space guard (bench/lib/old-space-guard.ts): a full GC once old space grew more than the step
 * since the last full GC, whether that one was forced or V8's own.
 */
import test from 'ava';
import { OldSpaceGuard } from '../../bench/lib/old-space-guard.js';

const MiB = 2 ** 20;

function fakeHeap(start: number): { used: number; collections: number; live: number; guard: (step: number) => OldSpaceGuard } {
  const heap = {
    used: start, collections: 0, live: start,
    guard: (step: number) => new OldSpaceGuard({
      stepBytes: step * MiB, intervalMs: 1000,
      oldSpaceUsed: () => heap.used,
      collect: () => { heap.collections++; heap.used = heap.live; },
    }),
  };
  return heap;
}

test('a full GC once old space grew more than the step, then the step counts from what survived', (t) => {
  const heap = fakeHeap(9 * MiB);
  const guard = heap.guard(4);
  heap.used = 13 * MiB;
  guard.check();
  t.is(heap.collections, 0, 'exactly the step: no GC yet');
  heap.used = 13 * MiB + 1;
  guard.check();
  t.is(heap.collections, 1);
  t.is(guard.forced, 1);
  heap.used = 12 * MiB;
  guard.check();
  t.is(heap.collections, 1, '3 MiB over what survived the GC: none');
});

test("V8's own full GC moves the baseline down: growth counts from it, not from an older high", (t) => {
  const heap = fakeHeap(9 * MiB);
  const guard = heap.guard(4);
  heap.used = 12 * MiB;
  guard.check();
  heap.used = 6 * MiB; // V8 collected by itself
  guard.check();
  heap.used = 11 * MiB; // 5 MiB over the new low, 2 MiB over the first baseline
  guard.check();
  t.is(heap.collections, 1);
});

test('against the real V8 heap, old-space growth past the step gets a full GC that frees it', (t) => {
  const guard = new OldSpaceGuard({ stepBytes: 2 * MiB, intervalMs: 1000 });
  let garbage: object[] | undefined = [];
  // Tenured garbage: survives two young GCs while referenced, then dropped.
  for (let i = 0; i < 200_000; i++) garbage.push({ i, s: `x${i}` });
  for (let i = 0; i < 3; i++) new Array(2 ** 20).fill(i);
  garbage = undefined;
  guard.check();
  t.is(guard.forced, 1);
});
