/**
 * Idle iterators kept for the next read of the same range (native-store/iterator-pool.ts): a
 * 25-item DynamoDB Query paid for a new iterator and two thread-pool round trips, one of them
 * only to retire the iterator. What a reused iterator reads is checked by the shared MetaStore
 * suite ("a range read again after a write sees the write"); these check the pool's bounds.
 */
import test from 'ava';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IteratorPool, MAX_IDLE } from '../../native-store/iterator-pool.js';
import { openNativeStore } from '../../native-store/index.js';
import type { LevelMetaStore } from '../../native-store/level-meta-store.js';

const range = (gte: string) => ({ gte, lt: 'z', keys: false });

test('an idle iterator is taken only for the same range and the same write count', (t) => {
  const retired: string[] = [];
  const pool = new IteratorPool<string>((item) => retired.push(item));
  pool.give(range('a'), 'it-a', 0);
  t.is(pool.take(range('b'), 0), undefined, 'another range');
  t.is(pool.take({ ...range('a'), keys: true }, 0), undefined, 'keys and values, not values only');
  t.is(pool.take({ ...range('a'), reverse: true }, 0), undefined, 'the other direction');
  t.is(pool.take(range('a'), 1), undefined, 'opened before a write');
  t.is(pool.take(range('a'), 0), 'it-a');
  t.is(pool.take(range('a'), 0), undefined, 'taken once');
  t.deepEqual(retired, []);
});

test('the pool holds at most MAX_IDLE iterators, letting the least recently used go', (t) => {
  const retired: number[] = [];
  const pool = new IteratorPool<number>((item) => retired.push(item));
  for (let i = 0; i <= MAX_IDLE; i++) pool.give(range(`k${i}`), i, 0);
  t.is(pool.size, MAX_IDLE);
  t.deepEqual(retired, [0]);
  pool.clear();
  t.is(pool.size, 0);
  t.is(retired.length, MAX_IDLE + 1);
});

test('iterators idle longer than the idle time are retired', async (t) => {
  const retired: string[] = [];
  const pool = new IteratorPool<string>((item) => retired.push(item), { idleMs: 30 });
  pool.give(range('a'), 'old', 0);
  for (let i = 0; i < 100 && retired.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
  t.deepEqual(retired, ['old']);
  t.is(pool.size, 0);
});

test('the store reuses an iterator for the same range until a write, and keeps none after close', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'boltstack-itpool-'));
  const store = await openNativeStore({ dir, durability: 'process' });
  try {
    const meta = store.meta as LevelMetaStore;
    await meta.batch(Array.from({ length: 100 }, (_, i) => ({ type: 'put' as const, ns: 'n', key: `k${String(i).padStart(3, '0')}`, value: 'v'.repeat(100) })));
    const read = async (gte: string): Promise<number> => {
      let n = 0;
      for await (const values of meta.iterateValues('n', { gte, lt: 'k035' })) n += values.length;
      return n;
    };
    t.is(await read('k010'), 25);
    t.is(meta.idleIterators, 1);
    t.is(await read('k010'), 25);
    t.is(meta.idleIterators, 1, 'the same iterator again');
    t.is(await read('k020'), 15);
    t.is(meta.idleIterators, 2);
    await meta.put('n', 'k010', 'new');
    t.is(meta.idleIterators, 0, 'a write retires them');
    // A read of more than a first batch is kept too: its larger reservation is not made again.
    let n = 0;
    for await (const values of meta.iterateValues('n', { gte: 'k000' })) n += values.length;
    t.is(n, 100);
    t.is(meta.idleIterators, 1);
    t.is(await read('k010'), 25);
    t.is(meta.idleIterators, 2);
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
  t.is((store.meta as LevelMetaStore).idleIterators, 0);
});

/** The sizes of the batches a read of the namespace 'n' from `gte` is handed. */
async function batchSizes(meta: LevelMetaStore, gte: string): Promise<number[]> {
  const sizes: number[] = [];
  for await (const values of meta.iterateValues('n', { gte })) sizes.push(values.length);
  return sizes;
}

/**
 * Runs `body` on a fresh native store holding `count` entries k0000, k0001, ... in the namespace
 * 'n', each a value of `valueBytes` bytes (written 500 at a time).
 */
async function withEntries(count: number, valueBytes: number, body: (meta: LevelMetaStore) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'boltstack-itpool-'));
  const store = await openNativeStore({ dir, durability: 'process' });
  try {
    const meta = store.meta as LevelMetaStore;
    for (let i = 0; i < count; i += 500) {
      await meta.batch(Array.from({ length: Math.min(500, count - i) }, (_, j) => ({ type: 'put' as const, ns: 'n', key: `k${String(i + j).padStart(4, '0')}`, value: 'v'.repeat(valueBytes) })));
    }
    await body(meta);
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}

test('a pooled iterator that has read its whole range reads it again in full batches, with no read to find the end', async (t) => {
  await withEntries(2500, 40, async (meta) => {
    t.deepEqual(await batchSizes(meta, 'k'), [32, 128, 512, 1000, 828], 'growing batches: the count is not known yet');
    t.is(meta.idleIterators, 1);
    t.deepEqual(await batchSizes(meta, 'k'), [1000, 1000, 500]);
    t.deepEqual(await batchSizes(meta, 'k1000'), [32, 128, 512, 828], 'another range');
    t.deepEqual(await batchSizes(meta, 'k1000'), [1000, 500]);
    // A read that stops early leaves the count as it was.
    for await (const values of meta.iterateValues('n', { gte: 'k' })) { t.is(values.length, 1000); break; }
    t.deepEqual(await batchSizes(meta, 'k'), [1000, 1000, 500]);
    await meta.put('n', 'k2500', 'new');
    t.deepEqual(await batchSizes(meta, 'k'), [32, 128, 512, 1000, 829], 'after a write: a new iterator, counting again');
  });
});

test('an iterator whose last batch holds more than the pool allows is retired, not kept', async (t) => {
  // 32 + 128 + 512 read first, then a last batch of 328 values of 1,000 bytes (~330 KiB).
  await withEntries(1000, 1000, async (meta) => {
    t.deepEqual(await batchSizes(meta, 'k'), [32, 128, 512, 328]);
    t.is(meta.idleIterators, 0);
  });
});
