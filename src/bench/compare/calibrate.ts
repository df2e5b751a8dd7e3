/**
 * A/A calibration: N runs of the same build on this machine → how noisy each metric is, and the
 * smallest `--max-regression` that would not have flapped on them.
 *
 * The suggestion is max(spread, 3 × CV), rounded up to a whole percent:
 *  - spread = (worst - best) / best-of-N value in the "slower" direction, i.e. (max - min) / min.
 *    Any split of these runs into a "base" and a "new" group has both its medians and its best-of-N
 *    values inside [min, max], so no A/A comparison of them can move by more than this: a threshold
 *    at or above it cannot flap on the observed runs.
 *  - 3 × CV covers runs not yet seen: the difference of two single runs has a standard deviation of
 *    about √2 × CV, so 3 × CV is ~2 standard deviations, and compare also asks for the best-of-N
 *    values to agree and for significance, which makes a false alarm much rarer than that.
 */
import type { RunResult } from '../types.js';
import { groupByWorkload } from './compare-runs.js';
import { METRICS, metricValues, summarize } from './metrics.js';
import type { CalibrationReport, MetricName, MetricNoise, WorkloadNoise } from './types.js';

export interface CalibrateOptions {
  /** Metrics to report (default ops/s, MB/s, p50, p99). */
  metrics?: readonly MetricName[];
  /** Metrics the recommended `--max-regression` must cover (default ops/s and p99, as compare gates). */
  gated?: readonly MetricName[];
}

const ceilPercent = (x: number): number => Math.max(0.01, Math.ceil(x * 100 - 1e-9) / 100);

export function calibrateRuns(runs: readonly RunResult[], options: CalibrateOptions = {}): CalibrationReport {
  const metrics = options.metrics ?? ['opsPerSecond', 'megabytesPerSecond', 'p50', 'p99'];
  const gated = options.gated ?? ['opsPerSecond', 'p99'];
  const warnings: string[] = [];
  const workloads: WorkloadNoise[] = [];
  for (const [name, group] of groupByWorkload(runs)) {
    if (group.length < 2) { warnings.push(`workload ${name}: 1 run, calibration needs at least 2 (5 or more is better)`); continue; }
    if (group.length < 3) warnings.push(`workload ${name}: only ${group.length} runs; the suggestion is a lower bound, use 5 or more`);
    const commits = new Set(group.map((r) => r.environment.commit ?? '?'));
    if (commits.size > 1) warnings.push(`workload ${name}: runs come from ${commits.size} different commits; calibrate with one build`);
    workloads.push({ workload: name, runs: group.length, metrics: metrics.map((m) => noiseOf(group, m)) });
  }
  const recommendedThresholds: Partial<Record<MetricName, number>> = {};
  for (const m of metrics) {
    const suggestions = workloads.map((w) => w.metrics.find((x) => x.metric === m)?.suggestedThreshold ?? 0);
    if (suggestions.length > 0) recommendedThresholds[m] = Math.max(...suggestions);
  }
  const gatedSuggestions = gated.map((m) => recommendedThresholds[m] ?? 0);
  const recommendedMaxRegression = gatedSuggestions.length > 0 ? Math.max(0.01, ...gatedSuggestions) : 0.05;
  return { kind: 'boltstack-bench-calibration/1', workloads, recommendedMaxRegression, recommendedThresholds, warnings };
}

function noiseOf(runs: readonly RunResult[], metric: MetricName): MetricNoise {
  const def = METRICS[metric];
  const values = metricValues(runs, 'total', metric);
  const s = summarize(values, def.better);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const spread = min > 0 ? (max - min) / min : max > 0 ? Infinity : 0;
  const suggested = Number.isFinite(spread) ? ceilPercent(Math.max(spread, 3 * s.cv)) : 1;
  return { metric, unit: def.unit, values: s.values, median: s.median, best: s.best, worst: s.worst, cv: s.cv, spread, suggestedThreshold: suggested };
}
