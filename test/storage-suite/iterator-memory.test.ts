/**
 * What closed classic-level iterators hold natively until V8 collects them, and the full GC
 * asked for when it grows (native-store/iterator-memory.ts). Without it, a steady Query load
 * held 40-57 MiB of glibc thread arenas in batches waiting for a full GC (bench dynamodb-figures).
 */
import test from 'ava';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IteratorMemory } from '../../native-store/iterator-memory.js';
import { openNativeStore } from '../../native-store/index.js';
import type { LevelMetaStore } from '../../native-store/level-meta-store.js';

const entry = (n: number): [string, string] => [`key-${String(n).padStart(20, '0')}`, 'v'.repeat(100)];

test('a batch counts its vector reservation and the strings that do not fit inline', (t) => {
  const memory = new IteratorMemory({ collect: () => undefined });
  const hold = memory.track({});
  memory.read(hold, 64, [entry(1), entry(2)]);
  // 64 entries of 64 bytes reserved; each key (24 chars) and value (100) a heap block.
  const strings = 2 * ((24 + 1 + 16) + (100 + 1 + 16));
  t.is(memory.pendingBytes, 64 * 64 + strings);
  // The next batch replaces the strings; the reservation only grows.
  memory.read(hold, 16, [['short', 'tiny']]);
  t.is(memory.pendingBytes, 64 * 64);
  memory.read(hold, 256, []);
  t.is(memory.pendingBytes, 256 * 64);
});

test('a full GC is asked for once closed iterators hold more than the limit, and not again at once', (t) => {
  let collections = 0;
  const memory = new IteratorMemory({ limitBytes: 10_000, collect: () => { collections++; } });
  const hold = memory.track({});
  memory.read(hold, 64, []);
  memory.closed();
  t.is(collections, 0, '4 KiB held: under the limit');
  memory.read(memory.track({}), 128, []);
  memory.closed();
  t.is(collections, 1, '12 KiB held: over the limit');
  memory.closed();
  t.is(collections, 1, 'at most one forced GC per interval');
});

test('the default collector is a real full GC: collected iterators are taken off the count', async (t) => {
  const memory = new IteratorMemory({ limitBytes: 1 });
  (() => { memory.read(memory.track({}), 1000, []); })();
  t.is(memory.pendingBytes, 64_000);
  memory.closed();
  // FinalizationRegistry callbacks run in a task after the GC.
  for (let i = 0; i < 100 && memory.pendingBytes > 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
  t.is(memory.pendingBytes, 0);
  t.is((globalThis as { gc?: unknown }).gc, undefined, 'no global gc left behind');
});

test('the store reads through many iterators without their batches piling up', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'boltstack-itmem-'));
  const store = await openNativeStore({ dir, durability: 'process' });
  try {
    await store.meta.batch(Array.from({ length: 100 }, (_, i) => ({ type: 'put' as const, ns: 'n', key: entry(i)[0], value: entry(i)[1] })));
    // ~2 KiB held per read (32 x 64 reserved + 1 entry): 4,000 reads are ~9 MiB, which without a
    // forced GC would wait for V8's own full GC (the V8 heap barely grows here).
    for (let i = 0; i < 4000; i++) {
      let n = 0;
      for await (const _ of store.meta.iterate('n', { gte: entry(10)[0], lte: entry(34)[0] })) n++;
      if (n !== 25) t.fail(`read ${n} entries`);
    }
    const { arenaMiB } = await threadArenas();
    t.true(arenaMiB < 30, `thread arenas at ${arenaMiB} MiB`);
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
});

test('a closed iterator is left holding its reservation and one entry, not its last batch', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'boltstack-itmem-'));
  const store = await openNativeStore({ dir, durability: 'process' });
  try {
    await store.meta.batch(Array.from({ length: 100 }, (_, i) => ({ type: 'put' as const, ns: 'n', key: entry(i)[0], value: entry(i)[1] })));
    const meta = store.meta as LevelMetaStore;
    const before = await meta.iteratorBytes();
    for (let i = 0; i < 100; i++) {
      // To the end of a range (the iterator ends) ...
      let n = 0;
      for await (const _ of meta.iterate('n', { gte: entry(10)[0], lte: entry(34)[0] })) n++;
      if (n !== 25) t.fail(`read ${n} entries`);
      // ... and stopped after the first batch of a longer one, values only.
      for await (const values of meta.iterateValues('n', { gte: entry(0)[0] })) {
        if (values.length !== 32) t.fail(`first batch of ${values.length}`);
        break;
      }
    }
    const held = (await meta.iteratorBytes()) - before;
    // Each: 32 entries of 64 bytes reserved, plus one key and value as heap strings. (The last
    // batches themselves, 25 and 32 entries of ~160 bytes, would be about three times as much;
    // a full GC in between could only lower the count.)
    const perIterator = 32 * 64 + (24 + 1 + 16) + (100 + 1 + 16);
    t.true(held <= 200 * perIterator, `${held} bytes held by 200 closed iterators`);
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
});

/** Resident MiB of glibc's thread arenas (64 MiB-aligned anonymous mappings), from /proc/self/smaps. */
async function threadArenas(): Promise<{ arenaMiB: number }> {
  const { readFile } = await import('node:fs/promises');
  const text = await readFile('/proc/self/smaps', 'utf8');
  let kb = 0;
  let arena = false;
  for (const line of text.split('\n')) {
    const header = /^([0-9a-f]+)-([0-9a-f]+) \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (header) {
      const start = parseInt(header[1]!, 16);
      const end = parseInt(header[2]!, 16);
      arena = header[3] === '' && start % 2 ** 26 === 0 && end - start <= 2 ** 26;
      continue;
    }
    const rss = arena && /^Rss:\s+(\d+) kB/.exec(line);
    if (rss) kb += Number(rss[1]);
  }
  return { arenaMiB: Math.round(kb / 102.4) / 10 };
}
