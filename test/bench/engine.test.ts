import test from 'ava';
import { runWorkload, type Progress } from '../../src/bench/engine/run.js';
import { decodeHistogram } from '../../src/bench/engine/histogram.js';
import { parseWorkloadText } from '../../src/bench/workload/parse.js';
import { fakeDriver } from './fake-driver.js';

const target = { endpoint: 'memory://fake', label: 'fake' };

function workload(yaml: string): ReturnType<typeof parseWorkloadText> {
  return parseWorkloadText(`service: s3\nwarmup: 0s\n${yaml}`, 'test.yaml');
}

test('stops by operation count: exact counts per op, errors by code, bytes', async (t) => {
  const w = workload('operations: 2000\nconcurrency: 8\nsize: 1KiB\nkeys: {count: 50}\nmix: {download: 2, upload: 1, head: 1}\n');
  const driver = fakeDriver({ failEvery: 10 });
  const r = await runWorkload({ workload: w, driver, target });
  t.is(driver.setupCalls, 1);
  t.is(r.total.count, 2000);
  const ops = r.operations;
  t.is(ops.download!.count + ops.upload!.count + ops.head!.count, 2000);
  t.is(ops.download!.count, driver.calls.get('download') ?? 0);
  t.is(ops.head!.errors['HTTP 503'], ops.head!.count);
  t.is(ops.download!.errors.NoSuchKey, Math.floor(ops.download!.count / 10));
  t.is(r.total.errors['HTTP 503']! + r.total.errors.NoSuchKey!, ops.head!.count + ops.download!.errors.NoSuchKey!);
  t.true(Math.abs(ops.download!.count / 2000 - 0.5) < 0.05);
  t.is(decodeHistogram(r.total.histogram).totalCount, 2000);
  t.is(decodeHistogram(ops.upload!.histogram).totalCount, ops.upload!.count);
  t.true(ops.upload!.megabytesPerSecond > 0);
  t.is(r.schema, 'boltstack-bench/1');
  t.is(r.target.driver, 'fake');
  t.truthy(r.environment.node && r.environment.cores > 0 && r.environment.boltstackVersion);
});

test('stops by duration, with 1 s windows over the measured phase', async (t) => {
  const w = workload('duration: 2.5s\nconcurrency: 4\nmix: [{op: download}]\n');
  const progress: Progress[] = [];
  const r = await runWorkload({ workload: w, driver: fakeDriver({ delayMs: 2 }), target, onProgress: (p) => progress.push(p) });
  t.true(r.durationSeconds >= 2.5 && r.durationSeconds < 3, `${r.durationSeconds}`);
  t.true(r.windows.length >= 2 && r.windows.length <= 3, `${r.windows.length} windows`);
  t.deepEqual(r.windows.map((x) => x.t), [...r.windows.map((x) => x.t)].sort((a, b) => a - b));
  // 4 workers on 2 ms operations make about 2,000 ops/s; the bound only says the first window
  // counted the operations it saw, with room for timers stretched by a loaded machine (a full
  // `npm test` at load 12-16 once counted just under 100 here).
  t.true(r.windows[0]!.opsPerSecond > 20, `${r.windows[0]!.opsPerSecond} ops/s`);
  const windowOps = r.windows.reduce((a, x) => a + x.opsPerSecond * 1, 0);
  t.true(windowOps > 0);
  t.true(r.total.opsPerSecond > 20, `${r.total.opsPerSecond} ops/s`);
  t.true(progress.some((p) => p.phase === 'measure' && p.operations > 0));
  t.true(r.client.samples.length >= 2);
  t.true(r.client.cpuPercent >= 0);
  t.is(r.server, undefined);
});

test('windows add up to the total count', async (t) => {
  const w = workload('duration: 1.2s\nconcurrency: 2\nmix: [{op: download}]\n');
  const r = await runWorkload({ workload: w, driver: fakeDriver({ delayMs: 1 }), target, intervalMs: 200 });
  // Each window reports ops/s over its own length; the window lengths are 0.2 s except the last.
  let prev = 0, count = 0;
  for (const x of r.windows) { count += x.opsPerSecond * (x.t - prev); prev = x.t; }
  t.true(Math.abs(count - r.total.count) <= r.windows.length, `${count} vs ${r.total.count}`);
});

test('warm-up runs the driver but is not recorded', async (t) => {
  const w = parseWorkloadText('service: s3\nwarmup: 300ms\noperations: 100\nconcurrency: 2\nmix: [{op: download}]\n', 'w.yaml');
  const driver = fakeDriver({ delayMs: 1 });
  const r = await runWorkload({ workload: w, driver, target });
  t.is(r.total.count, 100);
  t.true(driver.calls.get('download')! > 100);
});

test('ramp starts workers gradually', async (t) => {
  const w = workload('duration: 1s\nramp: 800ms\nconcurrency: 5\nmix: [{op: download}]\n');
  const r = await runWorkload({ workload: w, driver: fakeDriver({ delayMs: 5 }), target, intervalMs: 250 });
  t.true(r.windows[0]!.opsPerSecond < r.windows.at(-1)!.opsPerSecond, JSON.stringify(r.windows.map((x) => x.opsPerSecond)));
});

test('a driver that throws is counted as an error, not a crash', async (t) => {
  const w = workload('operations: 20\nconcurrency: 2\nmix: [{op: download}]\n');
  const driver = fakeDriver();
  driver.run = async () => { throw Object.assign(new Error('reset'), { code: 'ECONNRESET' }); };
  const r = await runWorkload({ workload: w, driver, target });
  t.is(r.total.errors.ECONNRESET, 20);
});

test('the server is sampled when its pid is given', async (t) => {
  const w = workload('duration: 1.2s\nconcurrency: 1\nmix: [{op: download}]\n');
  const r = await runWorkload({ workload: w, driver: fakeDriver({ delayMs: 1 }), target, serverPid: process.pid });
  t.is(r.server?.pid, process.pid);
  t.true(r.server!.peakRssMB > 10);
  t.true(r.server!.samples.length >= 1);
});

test('an abort signal ends the measured phase early', async (t) => {
  const w = workload('duration: 30s\nconcurrency: 2\nmix: [{op: download}]\n');
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 300);
  const r = await runWorkload({ workload: w, driver: fakeDriver({ delayMs: 1 }), target, signal: controller.signal });
  t.true(r.durationSeconds < 2);
  t.true(r.total.count > 0);
});
