/**
 * compareRuns: base runs vs new runs, per workload, per scope (total, operations), per metric.
 *
 * A row is a regression only when all of these hold, so one unlucky run cannot fail CI:
 *  1. the medians AND the best-of-N values are both worse by more than the threshold
 *     (interference on a shared box mostly slows some runs down; a real regression moves both);
 *  2. the absolute difference is above the floor (0.02 ms on a 0.3 ms p99 is timer noise);
 *  3. a one-sided Mann-Whitney U test on the per-run values says p <= alpha — unless the sample
 *     is too small for any result to be significant (1-2 runs per side), in which case the gate
 *     falls back to the threshold alone and the reason says so.
 * Mixed signals (only the median or only the best moved, or not significant) are 'inconclusive',
 * which does not fail the gate but is printed.
 */
import type { RunResult } from '../types.js';
import { METRICS, metricValues, relativeChange, sharedScopes, summarize } from './metrics.js';
import { mannWhitneyU } from './stats.js';
import {
  METRIC_NAMES, type CompareOptions, type ComparisonReport, type MetricComparison, type MetricName,
  type ResolvedCompareOptions, type Verdict, type WorkloadComparison,
} from './types.js';

const DEFAULT_FLOOR = { opsPerSecond: 5, megabytesPerSecond: 0.5, latencyMs: 0.05, errorRate: 0.001 };

export function resolveCompareOptions(options: CompareOptions): ResolvedCompareOptions {
  if (!(options.maxRegression >= 0) || !Number.isFinite(options.maxRegression)) {
    throw new RangeError(`maxRegression must be a non-negative fraction, got ${options.maxRegression}`);
  }
  const thresholds = Object.fromEntries(METRIC_NAMES.map((m) => [m, options.thresholds?.[m] ?? options.maxRegression])) as Record<MetricName, number>;
  const metrics = options.metric === undefined ? ['opsPerSecond', 'p99'] as MetricName[]
    : typeof options.metric === 'string' ? [options.metric] : [...options.metric];
  for (const m of metrics) if (!METRIC_NAMES.includes(m)) throw new RangeError(`unknown metric ${m}`);
  return {
    maxRegression: options.maxRegression,
    thresholds,
    metrics,
    floor: { ...DEFAULT_FLOOR, ...options.floor },
    alpha: options.alpha ?? 0.05,
    scope: options.scope ?? 'total',
  };
}

export function compareRuns(base: readonly RunResult[], next: readonly RunResult[], options: CompareOptions): ComparisonReport {
  const resolved = resolveCompareOptions(options);
  const baseGroups = groupByWorkload(base);
  const nextGroups = groupByWorkload(next);
  const warnings: string[] = [];
  const workloads: WorkloadComparison[] = [];
  for (const [name, baseRuns] of baseGroups) {
    const nextRuns = nextGroups.get(name);
    if (!nextRuns) { warnings.push(`workload ${name}: only in the base runs, not compared`); continue; }
    warnings.push(...consistencyWarnings(name, baseRuns, nextRuns));
    workloads.push(compareWorkload(name, baseRuns, nextRuns, resolved));
  }
  for (const name of nextGroups.keys()) {
    if (!baseGroups.has(name)) warnings.push(`workload ${name}: only in the new runs, not compared`);
  }
  const verdict = workloads.length === 0 ? 'inconclusive' : combineVerdicts(workloads.map((w) => w.verdict));
  return { kind: 'boltstack-bench-comparison/1', verdict, options: resolved, workloads, warnings };
}

export function groupByWorkload(runs: readonly RunResult[]): Map<string, RunResult[]> {
  const groups = new Map<string, RunResult[]>();
  for (const run of runs) {
    const list = groups.get(run.workload.name) ?? [];
    list.push(run);
    groups.set(run.workload.name, list);
  }
  return groups;
}

/** regression beats inconclusive beats improvement beats pass. */
export function combineVerdicts(verdicts: readonly Verdict[]): Verdict {
  for (const v of ['regression', 'inconclusive', 'improvement'] as const) if (verdicts.includes(v)) return v;
  return 'pass';
}

function compareWorkload(name: string, baseRuns: RunResult[], nextRuns: RunResult[], opts: ResolvedCompareOptions): WorkloadComparison {
  const nextScopes = new Set(sharedScopes(nextRuns));
  const scopes = sharedScopes(baseRuns).filter((s) => nextScopes.has(s));
  const rows: MetricComparison[] = [];
  for (const scope of scopes) {
    for (const metric of METRIC_NAMES) {
      const gated = opts.metrics.includes(metric) && (scope === 'total' || opts.scope === 'all');
      rows.push(compareMetric(scope, metric, gated, baseRuns, nextRuns, opts));
    }
  }
  const verdict = combineVerdicts(rows.filter((r) => r.gated).map((r) => r.verdict));
  return { workload: name, baseRuns: baseRuns.length, nextRuns: nextRuns.length, baseLabel: sideLabel(baseRuns), nextLabel: sideLabel(nextRuns), verdict, rows };
}

export function compareMetric(
  scope: string, metric: MetricName, gated: boolean, baseRuns: readonly RunResult[], nextRuns: readonly RunResult[], opts: ResolvedCompareOptions,
): MetricComparison {
  const def = METRICS[metric];
  const baseValues = metricValues(baseRuns, scope, metric);
  const nextValues = metricValues(nextRuns, scope, metric);
  const base = summarize(baseValues, def.better);
  const next = summarize(nextValues, def.better);
  const change = { median: relativeChange(base.median, next.median), best: relativeChange(base.best, next.best) };
  const sign = def.better === 'higher' ? 1 : -1;
  const gain = { median: sign * change.median, best: sign * change.best };
  const u = mannWhitneyU(baseValues, nextValues);
  const worseP = def.better === 'higher' ? u.pLess : u.pGreater;
  const betterP = def.better === 'higher' ? u.pGreater : u.pLess;
  const threshold = opts.thresholds[metric];
  const floor = opts.floor[def.floorKey];
  const absoluteDifference = next.median - base.median;
  const powered = u.minP <= opts.alpha;
  const pct = (x: number): string => `${(Math.abs(x) * 100).toFixed(1)}%`;
  const dir = (g: number): string => `${pct(g)} ${g < 0 ? 'worse' : 'better'}`;
  const moved = `${dir(gain.median)} (median), ${dir(gain.best)} (best-of-N)`;

  let verdict: Verdict;
  let reason: string;
  const belowFloor = Math.abs(absoluteDifference) < floor;
  const worse = gain.median < -threshold && gain.best < -threshold;
  const better = gain.median > threshold && gain.best > threshold;
  if (belowFloor) {
    verdict = 'pass';
    reason = `difference below the floor of ${floor} ${def.unit}`;
  } else if (worse || better) {
    const p = worse ? worseP : betterP;
    if (!powered) {
      verdict = worse ? 'regression' : 'improvement';
      reason = `${moved}; ${baseValues.length}+${nextValues.length} runs are too few for a significance test (best p ${u.minP.toFixed(2)}), threshold alone`;
    } else if (p <= opts.alpha) {
      verdict = worse ? 'regression' : 'improvement';
      reason = `${moved}, p = ${p.toFixed(3)}`;
    } else {
      verdict = 'inconclusive';
      reason = `${moved} but not significant (p = ${p.toFixed(3)} > ${opts.alpha})`;
    }
  } else if (Math.abs(gain.median) > threshold || Math.abs(gain.best) > threshold) {
    verdict = 'inconclusive';
    reason = `${moved}: median and best-of-N disagree, looks like noise`;
  } else {
    verdict = 'pass';
    reason = `within ±${pct(threshold)}`;
  }
  return {
    scope, metric, unit: def.unit, better: def.better, gated, base, next, change, gain, absoluteDifference, threshold,
    test: { name: 'mann-whitney-u', u: u.u, pValue: worseP, minP: u.minP, powered }, verdict, reason,
  };
}

function sideLabel(runs: readonly RunResult[]): string {
  const labels = [...new Set(runs.map((r) => r.target.label))].join(', ');
  const commits = [...new Set(runs.flatMap((r) => (r.environment.commit ? [r.environment.commit.slice(0, 7)] : [])))];
  return commits.length ? `${labels} @${commits.join(',')}` : labels;
}

function consistencyWarnings(name: string, base: readonly RunResult[], next: readonly RunResult[]): string[] {
  const warnings: string[] = [];
  const distinct = (runs: readonly RunResult[], key: (r: RunResult) => string): string => [...new Set(runs.map(key))].join(', ');
  const checks: Array<[string, (r: RunResult) => string]> = [
    ['driver', (r) => r.target.driver],
    ['machine', (r) => `${r.environment.cpuModel} × ${r.environment.cores}`],
    ['concurrency', (r) => String(r.workload.concurrency)],
  ];
  for (const [what, key] of checks) {
    const a = distinct(base, key);
    const b = distinct(next, key);
    if (a !== b) warnings.push(`workload ${name}: ${what} differs (base ${a}; new ${b})`);
  }
  return warnings;
}
