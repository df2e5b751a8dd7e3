/**
 * The metrics a comparison looks at: where each comes from in a RunResult, its unit, which
 * direction is better, and which absolute floor applies to it.
 */
import type { OperationStats, RunResult } from '../types.js';
import type { Floor, MetricName, SampleSummary } from './types.js';
import { coefficientOfVariation, mean, median } from './stats.js';

export interface MetricDefinition {
  name: MetricName;
  unit: string;
  better: 'higher' | 'lower';
  floorKey: keyof Floor;
  read(stats: OperationStats): number;
}

const errorCount = (s: OperationStats): number => Object.values(s.errors).reduce((sum, c) => sum + c, 0);

export const METRICS: Record<MetricName, MetricDefinition> = {
  opsPerSecond: { name: 'opsPerSecond', unit: 'ops/s', better: 'higher', floorKey: 'opsPerSecond', read: (s) => s.opsPerSecond },
  megabytesPerSecond: { name: 'megabytesPerSecond', unit: 'MB/s', better: 'higher', floorKey: 'megabytesPerSecond', read: (s) => s.megabytesPerSecond },
  p50: { name: 'p50', unit: 'ms', better: 'lower', floorKey: 'latencyMs', read: (s) => s.latency.p50 },
  p90: { name: 'p90', unit: 'ms', better: 'lower', floorKey: 'latencyMs', read: (s) => s.latency.p90 },
  p99: { name: 'p99', unit: 'ms', better: 'lower', floorKey: 'latencyMs', read: (s) => s.latency.p99 },
  p999: { name: 'p999', unit: 'ms', better: 'lower', floorKey: 'latencyMs', read: (s) => s.latency.p999 },
  mean: { name: 'mean', unit: 'ms', better: 'lower', floorKey: 'latencyMs', read: (s) => s.latency.mean },
  errorRate: {
    name: 'errorRate', unit: 'errors/op', better: 'lower', floorKey: 'errorRate',
    read: (s) => (s.count > 0 ? errorCount(s) / s.count : 0),
  },
};

/** Scopes present in every run: 'total' first, then the operations all runs share, sorted. */
export function sharedScopes(runs: readonly RunResult[]): string[] {
  const [first, ...rest] = runs;
  if (!first) return [];
  const ops = Object.keys(first.operations).filter((op) => rest.every((r) => op in r.operations)).sort();
  return ['total', ...ops];
}

export function statsOf(run: RunResult, scope: string): OperationStats | undefined {
  return scope === 'total' ? run.total : run.operations[scope];
}

/** Per-run values of one metric in one scope (runs missing the scope are skipped). */
export function metricValues(runs: readonly RunResult[], scope: string, metric: MetricName): number[] {
  const def = METRICS[metric];
  const values: number[] = [];
  for (const run of runs) {
    const stats = statsOf(run, scope);
    if (stats) values.push(def.read(stats));
  }
  return values;
}

export function summarize(values: readonly number[], better: 'higher' | 'lower'): SampleSummary {
  const max = Math.max(...values);
  const min = Math.min(...values);
  return {
    values: [...values],
    median: median(values),
    best: better === 'higher' ? max : min,
    worst: better === 'higher' ? min : max,
    mean: mean(values),
    cv: coefficientOfVariation(values),
  };
}

/** Relative change (next - base) / base; 0 when both are 0, ±Infinity when only base is 0. */
export function relativeChange(base: number, next: number): number {
  if (base === next) return 0;
  if (base === 0) return next > 0 ? Infinity : -Infinity;
  return (next - base) / Math.abs(base);
}
