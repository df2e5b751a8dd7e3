/**
 * The data behind the report's charts, computed here (not in the browser) so it is testable and
 * the page script only draws: aligned time series, percentile curves, and bar groups for peers
 * (one run per target) and compare (base vs new per operation).
 */
import type { ComparisonReport } from '../compare/types.js';
import type { RunResult } from '../types.js';
import { PERCENTILE_GRID, percentileCurve } from './percentile-curve.js';

export type Series = Array<number | null>;

/** Time series of several runs on one shared x axis (uPlot's aligned data). */
export interface AlignedSeries {
  x: number[];
  series: Array<{ label: string; values: Series }>;
}

/** Bars: one group per category, one bar per series in each group. */
export interface BarGroups {
  categories: string[];
  series: Array<{ label: string; values: Series }>;
  unit: string;
}

export interface ReportData {
  title: string;
  runs: string[];
  throughput: AlignedSeries;
  latency: AlignedSeries;
  distribution: AlignedSeries;
  rss?: AlignedSeries;
  peers?: { ops: BarGroups; p99: BarGroups };
  compare?: { ops: BarGroups; p99: BarGroups };
}

/** Names each run by what distinguishes it: target and/or workload, then #2, #3 for repeats. */
export function runLabels(results: readonly RunResult[]): string[] {
  const targets = new Set(results.map((r) => r.target.label)).size > 1;
  const workloads = new Set(results.map((r) => r.workload.name)).size > 1;
  const seen = new Map<string, number>();
  return results.map((r) => {
    const parts = [targets || !workloads ? r.target.label : '', workloads ? r.workload.name : ''].filter(Boolean);
    const base = parts.join(' · ');
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} #${n}`;
  });
}

/** Joins per-run (t, value) points on the union of their t values; gaps are null. */
export function alignSeries(items: ReadonlyArray<{ label: string; points: ReadonlyArray<[number, number | undefined]> }>): AlignedSeries {
  const x = [...new Set(items.flatMap((i) => i.points.map(([t]) => t)))].sort((a, b) => a - b);
  const index = new Map(x.map((t, i) => [t, i]));
  const series = items.map((item) => {
    const values: Series = x.map(() => null);
    for (const [t, v] of item.points) if (v !== undefined && Number.isFinite(v)) values[index.get(t)!] = v;
    return { label: item.label, values };
  });
  return { x, series };
}

function medianOf(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Peers: workloads × targets, the median over repeated runs. Only when there are 2+ targets. */
export function peerBars(results: readonly RunResult[]): ReportData['peers'] {
  const targets = [...new Set(results.map((r) => r.target.label))];
  if (targets.length < 2) return undefined;
  const workloads = [...new Set(results.map((r) => r.workload.name))];
  const bars = (read: (r: RunResult) => number, unit: string): BarGroups => ({
    categories: workloads,
    unit,
    series: targets.map((target) => ({
      label: target,
      values: workloads.map((w) => medianOf(results.filter((r) => r.target.label === target && r.workload.name === w).map(read))),
    })),
  });
  return { ops: bars((r) => r.total.opsPerSecond, 'ops/s'), p99: bars((r) => r.total.latency.p99, 'ms') };
}

/** Compare: base vs new medians per workload and scope (total, then each operation). */
export function compareBars(comparison: ComparisonReport): ReportData['compare'] {
  const several = comparison.workloads.length > 1;
  const bars = (metric: 'opsPerSecond' | 'p99', unit: string): BarGroups => {
    const rows = comparison.workloads.flatMap((w) => w.rows.filter((r) => r.metric === metric).map((r) => ({ w, r })));
    return {
      categories: rows.map(({ w, r }) => (several ? `${w.workload} · ${r.scope}` : r.scope)),
      unit,
      series: [
        { label: `base (${comparison.workloads[0]?.baseLabel ?? ''})`, values: rows.map(({ r }) => r.base.median) },
        { label: `new (${comparison.workloads[0]?.nextLabel ?? ''})`, values: rows.map(({ r }) => r.next.median) },
      ],
    };
  };
  if (comparison.workloads.length === 0) return undefined;
  return { ops: bars('opsPerSecond', 'ops/s'), p99: bars('p99', 'ms') };
}

export function buildReportData(results: readonly RunResult[], title: string, comparison?: ComparisonReport, labelsOverride?: readonly string[]): ReportData {
  if (labelsOverride && labelsOverride.length !== results.length) throw new RangeError(`runLabels has ${labelsOverride.length} labels for ${results.length} results`);
  const labels = labelsOverride ? [...labelsOverride] : runLabels(results);
  const perRun = <T>(f: (r: RunResult, label: string) => T): T[] => results.map((r, i) => f(r, labels[i]!));
  const latency = alignSeries(perRun((r, label) => [
    { label: `${label} p50`, points: r.windows.map((w): [number, number] => [w.t, w.p50]) },
    { label: `${label} p99`, points: r.windows.map((w): [number, number] => [w.t, w.p99]) },
  ]).flat());
  const withRss = results.filter((r) => r.server?.samples.some((s) => s.rssMB !== undefined));
  const data: ReportData = {
    title,
    runs: labels,
    throughput: alignSeries(perRun((r, label) => ({ label, points: r.windows.map((w): [number, number] => [w.t, w.opsPerSecond]) }))),
    latency,
    distribution: { x: [...PERCENTILE_GRID], series: perRun((r, label) => ({ label, values: percentileCurve(r.total.histogram) })) },
  };
  if (withRss.length > 0) {
    data.rss = alignSeries(results.flatMap((r, i) => (r.server ? [{ label: labels[i]!, points: r.server.samples.map((s): [number, number | undefined] => [s.t, s.rssMB]) }] : [])));
  }
  const peers = peerBars(results);
  if (peers) data.peers = peers;
  const compare = comparison ? compareBars(comparison) : undefined;
  if (compare) data.compare = compare;
  return data;
}
