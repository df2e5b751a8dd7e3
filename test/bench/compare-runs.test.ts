import test from 'ava';
import { compareRuns } from '../../src/bench/compare/compare-runs.js';
import { calibrateRuns } from '../../src/bench/compare/calibrate.js';
import type { MetricComparison } from '../../src/bench/compare/types.js';
import type { ComparisonReport } from '../../src/bench/compare/types.js';
import { makeRunResult, makeRuns } from './fixtures.js';

const row = (r: ComparisonReport, metric: string, scope = 'total'): MetricComparison => {
  const found = r.workloads[0]!.rows.find((x) => x.metric === metric && x.scope === scope);
  if (!found) throw new Error(`no row ${scope}/${metric}`);
  return found;
};

test('A/A: identical samples pass', (t) => {
  const runs = makeRuns([1000, 1020, 990], [10, 10.5, 9.8]);
  const r = compareRuns(runs, runs, { maxRegression: 0.05 });
  t.is(r.verdict, 'pass');
  t.is(row(r, 'opsPerSecond').change.median, 0);
  for (const x of r.workloads[0]!.rows) t.not(x.verdict, 'regression', `${x.scope}/${x.metric}`);
  t.deepEqual(r.warnings, []);
});

test('a clear regression fails: 30% fewer ops/s with low noise', (t) => {
  const base = makeRuns([1000, 1010, 995]);
  const next = makeRuns([700, 705, 698]);
  const r = compareRuns(base, next, { maxRegression: 0.05 });
  t.is(r.verdict, 'regression');
  const ops = row(r, 'opsPerSecond');
  t.is(ops.verdict, 'regression');
  t.true(ops.test.powered);
  t.is(ops.test.pValue, 0.05);
  t.true(Math.abs(ops.change.median - (700 - 1000) / 1000) < 1e-9);
  t.regex(ops.reason, /30\.0% worse \(median\), 30\.\d% worse \(best-of-N\)/);
});

test('a clear p99 regression fails, and lower latency is an improvement', (t) => {
  const base = makeRuns([1000, 1000, 1000], [10, 10.2, 9.9]);
  const slower = makeRuns([1000, 1000, 1000], [14, 14.5, 13.8]);
  t.is(row(compareRuns(base, slower, { maxRegression: 0.05 }), 'p99').verdict, 'regression');
  const faster = makeRuns([1000, 1000, 1000], [6, 6.1, 5.9]);
  const r = compareRuns(base, faster, { maxRegression: 0.05 });
  t.is(row(r, 'p99').verdict, 'improvement');
  t.is(r.verdict, 'improvement');
});

test('noise within calibration is not a regression', (t) => {
  // Two draws from the same noisy machine: the medians differ by 8%, but the samples overlap.
  const base = makeRuns([1000, 1100, 900]);
  const next = makeRuns([920, 1010, 860]);
  const r = compareRuns(base, next, { maxRegression: 0.05 });
  const ops = row(r, 'opsPerSecond');
  t.is(ops.verdict, 'inconclusive');
  t.true(ops.test.pValue > 0.05);
  t.not(r.verdict, 'regression');
  // The calibration of the same machine recommends a threshold under which this passes outright.
  const cal = calibrateRuns([...base]);
  const calibrated = compareRuns(base, next, { maxRegression: cal.recommendedMaxRegression });
  t.is(row(calibrated, 'opsPerSecond').verdict, 'pass');
});

test('one unlucky run does not fail the gate: best-of-N must agree with the median', (t) => {
  const base = makeRuns([1000, 1005, 998]);
  const next = makeRuns([1002, 850, 830]);
  const ops = row(compareRuns(base, next, { maxRegression: 0.05 }), 'opsPerSecond');
  t.is(ops.verdict, 'inconclusive');
  t.regex(ops.reason, /disagree/);
});

test('the absolute floor ignores tiny differences', (t) => {
  const base = makeRuns([1000, 1000, 1000], [0.2, 0.2, 0.2]);
  const next = makeRuns([1000, 1000, 1000], [0.26, 0.26, 0.26]);
  // +30% p99 but only 0.06 ms: below a 0.1 ms floor it passes, above a 0.01 ms floor it fails.
  t.is(row(compareRuns(base, next, { maxRegression: 0.05, floor: { latencyMs: 0.1 } }), 'p99').verdict, 'pass');
  t.is(row(compareRuns(base, next, { maxRegression: 0.05, floor: { latencyMs: 0.01 } }), 'p99').verdict, 'regression');
  const slow = makeRuns([20, 20, 20]);
  const slower = makeRuns([14, 14, 14]);
  t.is(row(compareRuns(slow, slower, { maxRegression: 0.05, floor: { opsPerSecond: 10 } }), 'opsPerSecond').verdict, 'pass');
});

test('one run per side: the threshold alone decides, and says so', (t) => {
  const r = compareRuns([makeRunResult({ opsPerSecond: 1000 })], [makeRunResult({ opsPerSecond: 800 })], { maxRegression: 0.05 });
  const ops = row(r, 'opsPerSecond');
  t.is(ops.verdict, 'regression');
  t.false(ops.test.powered);
  t.regex(ops.reason, /too few for a significance test/);
  const small = compareRuns([makeRunResult({ opsPerSecond: 1000 })], [makeRunResult({ opsPerSecond: 980 })], { maxRegression: 0.05 });
  t.is(small.verdict, 'pass');
});

test('only gated metrics decide; per-operation rows are gated with scope all', (t) => {
  const base = makeRuns([1000, 1000, 1000], [10, 10, 10]);
  const next = makeRuns([1000, 1000, 1000], [20, 20, 20]);
  t.is(compareRuns(base, next, { maxRegression: 0.05, metric: 'opsPerSecond' }).verdict, 'pass');
  t.is(compareRuns(base, next, { maxRegression: 0.05, metric: ['p99'] }).verdict, 'regression');
  t.is(compareRuns(base, next, { maxRegression: 0.05, thresholds: { p99: 1.5 } }).verdict, 'pass');
  const all = compareRuns(base, next, { maxRegression: 0.05, scope: 'all' });
  t.true(row(all, 'p99', 'download').gated);
  t.false(row(compareRuns(base, next, { maxRegression: 0.05 }), 'p99', 'download').gated);
});

test('workloads are matched by name; unmatched ones and machine differences are warnings', (t) => {
  const base = [...makeRuns([1000, 1000]), makeRunResult({ workload: 'only-base' })];
  const next = makeRuns([1000, 1000], undefined, { driver: 'sdk' });
  const r = compareRuns(base, next, { maxRegression: 0.05 });
  t.is(r.workloads.length, 1);
  t.true(r.warnings.some((w) => w.includes('only-base') && w.includes('only in the base')));
  t.true(r.warnings.some((w) => w.includes('driver differs')));
  t.is(compareRuns([makeRunResult({ workload: 'a' })], [makeRunResult({ workload: 'b' })], { maxRegression: 0.05 }).verdict, 'inconclusive');
});

test('errors per operation are compared', (t) => {
  const base = makeRuns([1000, 1000, 1000]);
  const next = makeRuns([1000, 1000, 1000], undefined, { errors: { SlowDown: 2000 } });
  const r = compareRuns(base, next, { maxRegression: 0.05, metric: ['opsPerSecond', 'errorRate'] });
  t.is(row(r, 'errorRate').verdict, 'regression');
});

test('invalid options throw', (t) => {
  const runs = makeRuns([1000]);
  t.throws(() => compareRuns(runs, runs, { maxRegression: -1 }), { instanceOf: RangeError });
  t.throws(() => compareRuns(runs, runs, { maxRegression: 0.05, metric: 'nope' as 'p99' }), { instanceOf: RangeError });
});

test('calibration reports CV, spread and a threshold no A/A split of the runs can trip', (t) => {
  const ops = [1000, 1040, 980, 1010, 960];
  const p99 = [10, 11, 10.4, 12, 10.2];
  const cal = calibrateRuns(makeRuns(ops, p99));
  const w = cal.workloads[0]!;
  t.is(w.runs, 5);
  const o = w.metrics.find((m) => m.metric === 'opsPerSecond')!;
  t.true(Math.abs(o.spread - (1040 - 960) / 960) < 1e-12);
  t.true(o.cv > 0.02 && o.cv < 0.04);
  t.is(o.best, 1040);
  t.is(o.worst, 960);
  const p = w.metrics.find((m) => m.metric === 'p99')!;
  t.is(p.best, 10);
  // p99: spread 2/10 = 0.2, CV 0.075 → 3 × CV = 0.226 → 23%; ops/s: spread 0.083, 3 × CV = 0.091 → 10%.
  t.is(p.suggestedThreshold, 0.23);
  t.is(cal.recommendedMaxRegression, 0.23);
  t.is(cal.recommendedThresholds.opsPerSecond, 0.1);
  // Every split of the runs into base/new passes with the recommended per-metric thresholds.
  const runs = makeRuns(ops, p99);
  for (let mask = 1; mask < 31; mask++) {
    const base = runs.filter((_, i) => mask & (1 << i));
    const next = runs.filter((_, i) => !(mask & (1 << i)));
    const r = compareRuns(base, next, { maxRegression: cal.recommendedMaxRegression, thresholds: cal.recommendedThresholds });
    t.not(r.verdict, 'regression', `split ${mask.toString(2)}`);
  }
  t.deepEqual(cal.warnings, []);
});

test('calibration warns about too few runs and mixed commits', (t) => {
  const cal = calibrateRuns([makeRunResult({ commit: 'aaaaaaa' }), makeRunResult({ commit: 'bbbbbbb', seed: 2 })]);
  t.true(cal.warnings.some((w) => w.includes('only 2 runs')));
  t.true(cal.warnings.some((w) => w.includes('different commits')));
  const none = calibrateRuns([makeRunResult()]);
  t.is(none.workloads.length, 0);
  t.true(none.warnings[0]!.includes('at least 2'));
});
