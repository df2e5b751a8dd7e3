import test from 'ava';
import { createBodyFactory, bodyBytes, CHUNK_SIZE } from '../../src/bench/workload/body.js';
import { mulberry32 } from '../../src/bench/workload/prng.js';
import { sampleSize, sizeOfKey } from '../../src/bench/workload/sizes.js';
import { keyName } from '../../src/bench/workload/keys.js';
import { stepper, weightedChooser } from '../../src/bench/engine/schedule.js';
import { parseWorkloadText } from '../../src/bench/workload/parse.js';

test('the PRNG is deterministic per seed and different across seeds', (t) => {
  const a = mulberry32(42), b = mulberry32(42), c = mulberry32(43);
  const xs = Array.from({ length: 5 }, () => a());
  t.deepEqual(xs, Array.from({ length: 5 }, () => b()));
  t.notDeepEqual(xs, Array.from({ length: 5 }, () => c()));
  for (const x of xs) t.true(x >= 0 && x < 1);
});

test('uniform sizes stay in range and cover it', (t) => {
  const r = mulberry32(1);
  const sizes = Array.from({ length: 5000 }, () => sampleSize({ kind: 'uniform', min: 10, max: 20 }, r));
  t.is(Math.min(...sizes), 10);
  t.is(Math.max(...sizes), 20);
});

test('lognormal sizes center on the median and respect the clamps', (t) => {
  const r = mulberry32(7);
  const dist = { kind: 'lognormal' as const, median: 65536, sigma: 1, min: 1024, max: 2 ** 20 };
  const sizes = Array.from({ length: 20001 }, () => sampleSize(dist, r)).sort((x, y) => x - y);
  const median = sizes[10000]!;
  t.true(median > 65536 * 0.9 && median < 65536 * 1.1, `median ${median}`);
  t.true(sizes[0]! >= 1024 && sizes.at(-1)! <= 2 ** 20);
});

test('a key has the same size on every run, and fixed sizes are exact', (t) => {
  const dist = { kind: 'uniform' as const, min: 1, max: 1e9 };
  t.is(sizeOfKey(dist, 5, 123), sizeOfKey(dist, 5, 123));
  t.not(sizeOfKey(dist, 5, 123), sizeOfKey(dist, 6, 123));
  t.is(sizeOfKey({ kind: 'fixed', bytes: 4096 }, 5, 9), 4096);
});

test('bodies are streamed in 1 MiB chunks, exact size, same bytes for the same seed and key', async (t) => {
  const f1 = createBodyFactory(9), f2 = createBodyFactory(9), f3 = createBodyFactory(10);
  const size = 2.5 * CHUNK_SIZE;
  const chunks: number[] = [];
  for await (const c of f1.body(3, size).stream()) chunks.push(c.length);
  t.deepEqual(chunks, [CHUNK_SIZE, CHUNK_SIZE, CHUNK_SIZE / 2]);
  const a = Buffer.from(await bodyBytes(f1.body(3, size)));
  t.true(a.equals(await bodyBytes(f2.body(3, size))));
  t.false(a.equals(await bodyBytes(f3.body(3, size))));
  t.false(a.subarray(0, 1000).equals(a.subarray(CHUNK_SIZE, CHUNK_SIZE + 1000)), 'consecutive chunks differ');
  t.is(f1.body(1, 4096).whole!().length, 4096);
  t.is(f1.body(1, 2 * CHUNK_SIZE).whole, undefined);
});

test.serial('a multi-GiB body streams without holding it', async (t) => {
  const size = 3 * 2 ** 30;
  const before = process.memoryUsage().arrayBuffers;
  let total = 0;
  for await (const c of createBodyFactory(1).body(0, size).stream()) total += c.length;
  t.is(total, size);
  t.true(process.memoryUsage().arrayBuffers - before < 64 * 2 ** 20);
});

test('weighted choice follows the weights', (t) => {
  const choose = weightedChooser([{ op: 'a', weight: 3 }, { op: 'b', weight: 1 }]);
  const r = mulberry32(3);
  let a = 0;
  for (let i = 0; i < 40000; i++) if (choose(r) === 'a') a++;
  t.true(Math.abs(a / 40000 - 0.75) < 0.01, `share ${a / 40000}`);
});

test('a worker’s steps are the same on every run with the same seed', (t) => {
  const w = parseWorkloadText('service: s3\nmix: {download: 1, upload: 1}\nkeys: {count: 100}\nseed: 11\n', 'x.yaml');
  const bodies = createBodyFactory(w.seed);
  const run = (): { op: string; n: number; size: number | undefined }[] => {
    const next = stepper(w, bodies, 1, 0);
    return Array.from({ length: 50 }, () => { const s = next(); return { op: s.op, n: s.n, size: s.body?.size }; });
  };
  const first = run();
  t.deepEqual(first, run());
  t.true(first.some((s) => s.op === 'upload' && s.size === 4096));
  t.true(first.every((s) => (s.op === 'download') === (s.size === undefined)));
});

test('key names follow the key space layout', (t) => {
  t.is(keyName({ count: 10, prefix: 'k/', prefixes: 1, preload: 0 }, 7), 'k/7');
  t.is(keyName({ count: 10, prefix: 'k/', prefixes: 3, preload: 0 }, 7), 'k/1/7');
});
