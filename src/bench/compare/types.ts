/**
 * Contracts of `boltstack bench compare` and `boltstack bench calibrate`: the options of the
 * noise-aware comparison, its report (also rendered by the HTML report) and the A/A calibration.
 */

export type Verdict = 'pass' | 'regression' | 'improvement' | 'inconclusive';

export type MetricName = 'opsPerSecond' | 'megabytesPerSecond' | 'p50' | 'p90' | 'p99' | 'p999' | 'mean' | 'errorRate';

export const METRIC_NAMES: readonly MetricName[] = ['opsPerSecond', 'megabytesPerSecond', 'p50', 'p90', 'p99', 'p999', 'mean', 'errorRate'];

/** Differences smaller than these, in absolute units, are never a regression nor an improvement. */
export interface Floor {
  opsPerSecond: number;
  megabytesPerSecond: number;
  /** Any latency metric (p50 ... p999, mean). */
  latencyMs: number;
  /** Errors per operation, 0..1. */
  errorRate: number;
}

export interface CompareOptions {
  /** Largest tolerated relative worsening, e.g. 0.05 for 5%. */
  maxRegression: number;
  /** Per-metric overrides of `maxRegression` (latency tails are noisier than throughput). */
  thresholds?: Partial<Record<MetricName, number>>;
  /** Metrics that decide the verdict (default opsPerSecond and p99); all are reported. */
  metric?: MetricName | readonly MetricName[];
  floor?: Partial<Floor>;
  /** Significance level of the one-sided test (default 0.05). */
  alpha?: number;
  /** 'total' gates on each workload's totals (default); 'all' also on every operation. */
  scope?: 'total' | 'all';
}

export interface ResolvedCompareOptions {
  maxRegression: number;
  thresholds: Record<MetricName, number>;
  metrics: MetricName[];
  floor: Floor;
  alpha: number;
  scope: 'total' | 'all';
}

/** One side's per-run values of one metric. `best` is the best-of-N in the metric's direction. */
export interface SampleSummary {
  values: number[];
  median: number;
  best: number;
  worst: number;
  mean: number;
  cv: number;
}

export interface MetricComparison {
  /** 'total' or an operation name of the workload's mix. */
  scope: string;
  metric: MetricName;
  unit: string;
  better: 'higher' | 'lower';
  /** Whether this row takes part in the verdict. */
  gated: boolean;
  base: SampleSummary;
  next: SampleSummary;
  /** Relative change (next - base) / base of the medians and of the best-of-N values. */
  change: { median: number; best: number };
  /** Relative change where negative means worse, whatever the metric's direction. */
  gain: { median: number; best: number };
  /** next.median - base.median in the metric's unit. */
  absoluteDifference: number;
  threshold: number;
  test: { name: 'mann-whitney-u'; u: number; pValue: number; minP: number; powered: boolean };
  verdict: Verdict;
  /** One line saying why, for the table and the CI log. */
  reason: string;
}

export interface WorkloadComparison {
  workload: string;
  baseRuns: number;
  nextRuns: number;
  baseLabel: string;
  nextLabel: string;
  verdict: Verdict;
  rows: MetricComparison[];
}

export interface ComparisonReport {
  kind: 'boltstack-bench-comparison/1';
  verdict: Verdict;
  options: ResolvedCompareOptions;
  workloads: WorkloadComparison[];
  /** Workloads on one side only, mismatched drivers or machines. */
  warnings: string[];
}

export interface MetricNoise {
  metric: MetricName;
  unit: string;
  values: number[];
  median: number;
  best: number;
  worst: number;
  cv: number;
  /** |worst - best| / median: the widest A/A difference these runs can show. */
  spread: number;
  /** Smallest threshold, as a fraction, that these runs would not trip in an A/A comparison. */
  suggestedThreshold: number;
}

export interface WorkloadNoise {
  workload: string;
  runs: number;
  metrics: MetricNoise[];
}

export interface CalibrationReport {
  kind: 'boltstack-bench-calibration/1';
  workloads: WorkloadNoise[];
  /** Suggested `--max-regression` for the gated metrics, as a fraction (0.07 = 7%). */
  recommendedMaxRegression: number;
  /** Per-metric suggestions, for `--max-regression p99=...`. */
  recommendedThresholds: Partial<Record<MetricName, number>>;
  warnings: string[];
}
