/** MetaStore half of the shared storage suite. */
import type { TestFn } from 'ava';
import { NOT_NOW, valueBatches, type KeyRange, type MetaStore } from '../../src/storage/meta-store.js';

export interface MetaStoreHarness {
  meta: MetaStore;
  /** Closes the store and removes whatever it left on disk. */
  dispose(): Promise<void>;
}
export type MetaStoreFactory = () => Promise<MetaStoreHarness>;

const collect = async (it: AsyncIterable<[string, string]>): Promise<string[]> => {
  const keys: string[] = [];
  for await (const [k] of it) keys.push(k);
  return keys;
};

const byUtf8 = (a: string, b: string): number => Buffer.compare(Buffer.from(a), Buffer.from(b));

export function runMetaStoreSuite(test: TestFn, factory: MetaStoreFactory): void {
  const open = async (t: { teardown(fn: () => Promise<void>): void }): Promise<MetaStore> => {
    const h = await factory();
    t.teardown(() => h.dispose());
    return h.meta;
  };

  test('meta: put, get, overwrite, del', async (t) => {
    const m = await open(t);
    t.is(await m.get('ns', 'k'), undefined);
    await m.put('ns', 'k', 'v1');
    await m.put('ns', 'k', 'v2');
    t.is(await m.get('ns', 'k'), 'v2');
    await m.del('ns', 'k');
    t.is(await m.get('ns', 'k'), undefined);
    await t.notThrowsAsync(m.del('ns', 'never-there'));
  });

  test('meta: getNow reads what get reads, or says NOT_NOW', async (t) => {
    const m = await open(t);
    await m.put('ns', 'k', 'v1');
    for (const [key, want] of [['k', 'v1'], ['missing', undefined]] as const) {
      const now = m.getNow('ns', key);
      if (now !== NOT_NOW) t.is(now, want);
      t.is(await m.get('ns', key), want);
    }
    // Once a namespace has been read, it is open: both stores answer synchronously then.
    t.is(m.getNow('ns', 'k'), 'v1');
    t.throws(() => m.getNow('ns', '\uD800'), { instanceOf: TypeError }, 'a key get refuses is refused');
  });

  test('meta: values keep any unicode and large sizes intact', async (t) => {
    const m = await open(t);
    const big = 'x'.repeat(1 << 20) + '\u{1F600}é\u0000';
    await m.put('ns', 'big', big);
    await m.put('ns', 'empty', '');
    t.is(await m.get('ns', 'big'), big);
    t.is(await m.get('ns', 'empty'), '');
  });

  test('meta: keys iterate in UTF-8 byte order, not JS string order', async (t) => {
    const m = await open(t);
    // U+1F600 is a surrogate pair (0xD83D...) that JS sorts before U+FFFD and U+E000, while its
    // UTF-8 bytes (F0 ...) sort after theirs (EF ...). S3 lists in UTF-8 order.
    const keys = ['\u{1F600}', '\uFFFD', '\uE000', 'a', 'B', 'é', 'a/b', 'a\u0000', '\u{10FFFF}', 'zz'];
    const expected = [...keys].sort(byUtf8);
    t.notDeepEqual(expected, [...keys].sort(), 'the key set must tell the two orders apart');
    for (const k of [...keys].reverse()) await m.put('ns', k, k);
    t.deepEqual(await collect(m.iterate('ns')), expected);
    t.deepEqual(await collect(m.iterate('ns', { reverse: true })), [...expected].reverse());
    t.deepEqual(await collect(m.iterate('ns', { gt: '\uFFFD' })), ['\u{1F600}', '\u{10FFFF}']);
    t.deepEqual(await collect(m.iterate('ns', { lt: '\u{1F600}', gte: '\uE000' })), ['\uE000', '\uFFFD']);
  });

  test('meta: ranges gt/gte/lt/lte, reverse and limit', async (t) => {
    const m = await open(t);
    const all = 'abcdefghij'.split('');
    await m.batch(all.map((k) => ({ type: 'put', ns: 'r', key: k, value: k.toUpperCase() })));
    const r = (range: Parameters<MetaStore['iterate']>[1]): Promise<string[]> => collect(m.iterate('r', range));
    t.deepEqual(await r({}), all);
    t.deepEqual(await r({ gt: 'c', lt: 'f' }), ['d', 'e']);
    t.deepEqual(await r({ gte: 'c', lte: 'f' }), ['c', 'd', 'e', 'f']);
    t.deepEqual(await r({ gt: 'c', lte: 'f', reverse: true }), ['f', 'e', 'd']);
    t.deepEqual(await r({ limit: 3 }), ['a', 'b', 'c']);
    t.deepEqual(await r({ reverse: true, limit: 2 }), ['j', 'i']);
    t.deepEqual(await r({ gte: 'e', reverse: true, limit: 2 }), ['j', 'i']);
    t.deepEqual(await r({ lt: 'e', reverse: true, limit: 2 }), ['d', 'c']);
    t.deepEqual(await r({ limit: -1 }), all);
    t.deepEqual(await r({ limit: 0 }), []);
    t.deepEqual(await r({ gt: 'j' }), []);
    t.deepEqual(await r({ gt: 'f', lt: 'c' }), []);
    t.deepEqual(await r({ gte: 'bb', lt: 'dd' }), ['c', 'd']);
    const values: string[] = [];
    for await (const [, v] of m.iterate('r', { gte: 'i' })) values.push(v);
    t.deepEqual(values, ['I', 'J']);
  });

  test('meta: prefix ranges stop at the prefix boundary', async (t) => {
    const m = await open(t);
    for (const k of ['a', 'a/', 'a/1', 'a/2', 'a0', 'b']) await m.put('p', k, '');
    t.deepEqual(await collect(m.iterate('p', { gte: 'a/', lt: 'a0' })), ['a/', 'a/1', 'a/2']);
  });

  test('meta: namespaces are isolated', async (t) => {
    const m = await open(t);
    await m.put('one', 'k', '1');
    await m.put('two', 'k', '2');
    await m.put('one-two', 'x', '3');
    t.is(await m.get('one', 'k'), '1');
    t.is(await m.get('two', 'k'), '2');
    t.deepEqual(await collect(m.iterate('one')), ['k']);
    t.deepEqual(await collect(m.iterate('one', { reverse: true })), ['k']);
    t.deepEqual(await collect(m.iterate('nothing-here')), []);
    await m.del('one', 'k');
    t.is(await m.get('two', 'k'), '2');
  });

  test('meta: batch applies across namespaces, all together', async (t) => {
    const m = await open(t);
    await m.put('a', 'old', 'x');
    await m.batch([
      { type: 'put', ns: 'a', key: 'k1', value: 'v1' },
      { type: 'put', ns: 'b', key: 'k2', value: 'v2' },
      { type: 'del', ns: 'a', key: 'old' },
      { type: 'put', ns: 'a', key: 'k1', value: 'v1b' },
    ]);
    t.deepEqual(await m.getMany('a', ['k1', 'old']), ['v1b', undefined]);
    t.is(await m.get('b', 'k2'), 'v2');
    await t.notThrowsAsync(m.batch([]));
  });

  test('meta: a batch with an invalid operation applies nothing', async (t) => {
    const m = await open(t);
    await m.put('a', 'keep', 'x');
    await t.throwsAsync(m.batch([
      { type: 'put', ns: 'a', key: 'new', value: 'v' },
      { type: 'del', ns: 'a', key: 'keep' },
      { type: 'put', ns: 'bad!ns', key: 'k', value: 'v' },
    ]));
    t.is(await m.get('a', 'new'), undefined);
    t.is(await m.get('a', 'keep'), 'x');
  });

  test('meta: invalid namespaces and lone surrogates are refused', async (t) => {
    const m = await open(t);
    await t.throwsAsync(m.put('', 'k', 'v'));
    await t.throwsAsync(m.put('has space', 'k', 'v'));
    await t.throwsAsync(m.get('a!b', 'k'));
    await t.throwsAsync(m.put('ns', 'bad\uD800', 'v'));
    await t.throwsAsync(m.put('ns', 'k', 'bad\uDC00'));
    t.deepEqual(await collect(m.iterate('ns')), []);
  });

  test('meta: getMany returns values in the order asked, undefined for missing', async (t) => {
    const m = await open(t);
    await m.batch([{ type: 'put', ns: 'g', key: 'x', value: '1' }, { type: 'put', ns: 'g', key: 'z', value: '3' }]);
    t.deepEqual(await m.getMany('g', ['z', 'y', 'x', 'z']), ['3', undefined, '1', '3']);
    t.deepEqual(await m.getMany('g', []), []);
  });

  test('meta: clear(ns) empties one namespace, clear() all', async (t) => {
    const m = await open(t);
    await m.batch([
      { type: 'put', ns: 'a', key: '1', value: '' },
      { type: 'put', ns: 'a', key: '2', value: '' },
      { type: 'put', ns: 'b', key: '1', value: '' },
      { type: 'put', ns: 'ab', key: '1', value: '' },
    ]);
    await m.clear('a');
    t.deepEqual(await collect(m.iterate('a')), []);
    t.deepEqual(await collect(m.iterate('b')), ['1']);
    t.deepEqual(await collect(m.iterate('ab')), ['1']);
    await m.clear();
    t.deepEqual(await collect(m.iterate('b')), []);
    t.deepEqual(await collect(m.iterate('ab')), []);
    await m.put('a', '3', 'after');
    t.is(await m.get('a', '3'), 'after');
  });

  test('meta: breaking out of an iteration early is fine', async (t) => {
    const m = await open(t);
    await m.batch(Array.from({ length: 2500 }, (_, i) => ({ type: 'put' as const, ns: 'e', key: String(i).padStart(5, '0'), value: 'v' })));
    let n = 0;
    for await (const _ of m.iterate('e')) if (++n === 1200) break;
    t.is(n, 1200);
    t.is((await collect(m.iterate('e'))).length, 2500);
  });

  test('meta: a range read again after a write sees the write (a store reusing iterators must not serve the old state)', async (t) => {
    const m = await open(t);
    const keys = Array.from({ length: 40 }, (_, i) => `k${String(i).padStart(2, '0')}`);
    const entries = async (range: KeyRange): Promise<string[]> => {
      const out: string[] = [];
      for await (const [k, v] of m.iterate('w', range)) out.push(`${k}=${v}`);
      return out;
    };
    const values = async (range: KeyRange): Promise<string[]> => {
      const out: string[] = [];
      for await (const batch of valueBatches(m, 'w', range)) out.push(...batch);
      return out;
    };
    const ranges: KeyRange[] = [{ gte: 'k05', lt: 'k30' }, { gt: 'k05', lte: 'k30' }, { gte: 'k05', lte: 'k30', reverse: true }, { gt: 'k05', lt: 'k30', reverse: true }, {}];
    for (const range of ranges) {
      const label = JSON.stringify(range);
      await m.batch(keys.map((key) => ({ type: 'put' as const, ns: 'w', key, value: '1' })));
      const first = await entries(range);
      t.deepEqual(await entries(range), first, `${label}: read twice`);
      t.deepEqual(await values(range), first.map((e) => e.slice(4)), `${label}: values twice`);
      await values(range);
      await m.put('w', 'k10', '2');
      t.true((await entries(range)).includes('k10=2'), `${label}: a put`);
      t.true((await values(range)).includes('2'), `${label}: a put, values`);
      await m.del('w', 'k11');
      t.false((await entries(range)).some((e) => e.startsWith('k11=')), `${label}: a delete`);
      await m.batch([{ type: 'put', ns: 'w', key: 'k10a', value: '3' }]);
      t.true((await entries(range)).includes('k10a=3'), `${label}: a new key`);
      // A write that applies while a read of the range is under way.
      const reading = m.iterate('w', range)[Symbol.asyncIterator]();
      await reading.next();
      await m.put('w', 'k12', '4');
      await reading.return?.();
      t.true((await entries(range)).includes('k12=4'), `${label}: a write during a read`);
      t.true((await values(range)).includes('4'), `${label}: a write during a read, values`);
      await m.clear('w');
      t.deepEqual(await entries(range), [], `${label}: clear`);
      t.deepEqual(await values(range), [], `${label}: clear, values`);
    }
  });

  test('meta: valueBatches reads the values iterate reads, in every range, namespace by namespace', async (t) => {
    const m = await open(t);
    const keys = ['\u{1F600}', '\uFFFD', 'a', 'a/', 'a/1', 'a0', 'b', 'é', ...Array.from({ length: 150 }, (_, i) => `k${String(i).padStart(3, '0')}`)];
    // Neighbouring namespaces: their entries must never show in another's range.
    for (const ns of ['v', 'v-w', 'vw', 'u']) await m.batch(keys.map((key) => ({ type: 'put' as const, ns, key, value: `${ns}:${key}` })));
    const ranges: KeyRange[] = [{}, { reverse: true }, { gt: 'a', lt: 'k100' }, { gte: 'a/', lt: 'a0' }, { gt: '\uFFFD' }, { lte: 'b', reverse: true },
      { limit: 3 }, { reverse: true, limit: 70 }, { gte: 'k050', limit: 100 }, { limit: 0 }, { gt: 'zz' }];
    for (const ns of ['v', 'v-w', 'nothing']) {
      for (const range of ranges) {
        const expected: string[] = [];
        for await (const [, v] of m.iterate(ns, range)) expected.push(v);
        const got: string[] = [];
        for await (const batch of valueBatches(m, ns, range)) {
          t.true(batch.length > 0, 'no empty batches');
          got.push(...batch);
        }
        t.deepEqual(got, expected, `${ns} ${JSON.stringify(range)}`);
      }
    }
    // Leaving early closes the iteration.
    for await (const batch of valueBatches(m, 'v')) { t.true(batch.length > 0); break; }
  });
}
