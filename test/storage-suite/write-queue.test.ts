/**
 * Group commit (native-store/write-queue.ts): writes that arrive while one is in flight go to
 * LevelDB together. The queue is checked with a fake apply (what is combined, in which order, who
 * hears of a failure); the store with real concurrent writes (each caller's result, and what a
 * restart reads back).
 */
import test from 'ava';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WriteQueue } from '../../native-store/write-queue.js';
import { openNativeStore } from '../../native-store/index.js';

/** A fake apply whose calls stay pending until the test lets them go. */
function gatedApply() {
  const calls: { ops: string[]; settle: (err?: Error) => void }[] = [];
  const apply = (ops: string[]) => new Promise<void>((resolve, reject) => {
    calls.push({ ops, settle: (err) => (err ? reject(err) : resolve()) });
  });
  return { calls, apply };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

test('a lone write goes at once; writes arriving meanwhile go together next, in call order', async (t) => {
  const { calls, apply } = gatedApply();
  const queue = new WriteQueue<string>(apply);
  const done: string[] = [];
  const first = queue.write(['a1']).then(() => done.push('first'));
  t.deepEqual(calls.map((c) => c.ops), [['a1']], 'the first write is applied without waiting');
  const second = queue.write(['b1', 'b2']).then(() => done.push('second'));
  const third = queue.write(['c1']).then(() => done.push('third'));
  await tick();
  t.is(calls.length, 1, 'nothing else is applied while a write is in flight');
  calls[0]!.settle();
  await first;
  t.deepEqual(calls.map((c) => c.ops), [['a1'], ['b1', 'b2', 'c1']], 'the next batch started before the first caller continued');
  t.deepEqual(done, ['first'], 'queued writes are not answered before they are applied');
  calls[1]!.settle();
  await Promise.all([second, third]);
  t.deepEqual(done, ['first', 'second', 'third']);
  await queue.drained();
  queue.write(['d1']);
  t.is(calls.length, 3, 'idle again: the next write goes at once');
  calls[2]!.settle();
  await queue.drained();
});

test('every caller of a failed combined write hears of the failure; the queue goes on', async (t) => {
  const { calls, apply } = gatedApply();
  const queue = new WriteQueue<string>(apply);
  const first = queue.write(['a']);
  const second = queue.write(['b']);
  const third = queue.write(['c']);
  calls[0]!.settle();
  await first;
  calls[1]!.settle(new Error('disk full'));
  await t.throwsAsync(second, { message: 'disk full' });
  await t.throwsAsync(third, { message: 'disk full' });
  const fourth = queue.write(['d']);
  t.deepEqual(calls.at(-1)!.ops, ['d']);
  calls.at(-1)!.settle();
  await fourth;
  await queue.drained();
  t.pass();
});

test('drained waits for the write in flight and every write queued behind it', async (t) => {
  const { calls, apply } = gatedApply();
  const queue = new WriteQueue<string>(apply);
  void queue.write(['a']);
  void queue.write(['b']);
  let drained = false;
  const draining = queue.drained().then(() => { drained = true; });
  calls[0]!.settle();
  await tick();
  t.false(drained, 'the queued write is still in flight');
  calls[1]!.settle();
  await draining;
  t.true(drained);
});

test('concurrent batches on the store: each applies whole, later puts win, and all survive a reopen', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'boltstack-write-queue-'));
  try {
    let store = await openNativeStore({ dir, durability: 'process' });
    const writes: Promise<void>[] = [];
    for (let i = 0; i < 200; i++) {
      writes.push(store.meta.batch([
        { type: 'put', ns: 'a', key: `k${String(i).padStart(3, '0')}`, value: `v${i}` },
        { type: 'put', ns: 'b', key: 'last', value: String(i) },
        ...(i % 10 === 9 ? [{ type: 'del' as const, ns: 'a', key: `k${String(i - 1).padStart(3, '0')}` }] : []),
      ]));
    }
    await Promise.all(writes);
    t.is(await store.meta.get('b', 'last'), '199', 'the last call wins');
    await store.close();
    store = await openNativeStore({ dir, durability: 'process' });
    let n = 0;
    for await (const [key, value] of store.meta.iterate('a')) {
      const i = Number(key.slice(1));
      t.is(value, `v${i}`);
      t.not(i % 10, 8, `k${i} was deleted by a later batch`);
      n++;
    }
    t.is(n, 180);
    t.is(await store.meta.get('b', 'last'), '199');
    await store.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
