/**
 * The report's tables as HTML strings: per-operation stats, errors by code, environment, and the
 * comparison verdicts. Every value from a result file goes through escapeHtml.
 */
import type { ComparisonReport, MetricComparison } from '../compare/types.js';
import type { OperationStats, RunResult } from '../types.js';
import { escapeHtml } from './escape.js';

/** Human-sized numbers: 12,345 / 123.4 / 1.23 / 0.012. */
export function formatNumber(n: number | null | undefined): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '–';
  if (!Number.isFinite(n)) return n > 0 ? '∞' : '-∞';
  const a = Math.abs(n);
  if (a >= 1000) return Math.round(n).toLocaleString('en-US');
  if (Number.isInteger(n)) return String(n);
  if (a >= 100) return n.toFixed(0);
  if (a >= 10) return n.toFixed(1);
  if (a >= 1) return n.toFixed(2);
  return n === 0 ? '0' : n.toPrecision(2);
}

export const formatPercent = (f: number): string => (Number.isFinite(f) ? `${f >= 0 ? '+' : ''}${(f * 100).toFixed(1)}%` : f > 0 ? '+∞' : '-∞');

function table(id: string, head: readonly string[], rows: ReadonlyArray<readonly string[]>, numericFrom = 1): string {
  const th = head.map((h, i) => `<th${i >= numericFrom ? ' class="num"' : ''}>${escapeHtml(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c, i) => `<td${i >= numericFrom ? ' class="num"' : ''}>${c}</td>`).join('')}</tr>`).join('\n');
  return `<table id="${id}" class="bench-table"><thead><tr>${th}</tr></thead>\n<tbody>\n${body}\n</tbody></table>`;
}

const errorTotal = (s: OperationStats): number => Object.values(s.errors).reduce((a, b) => a + b, 0);

export function operationsTable(results: readonly RunResult[], labels: readonly string[]): string {
  const rows = results.flatMap((r, i) => {
    const scopes: Array<[string, OperationStats]> = [['total', r.total], ...Object.entries(r.operations)];
    return scopes.map(([op, s]) => [
      escapeHtml(labels[i]), escapeHtml(op), formatNumber(s.count), formatNumber(s.opsPerSecond), formatNumber(s.megabytesPerSecond),
      formatNumber(s.latency.p50), formatNumber(s.latency.p90), formatNumber(s.latency.p99), formatNumber(s.latency.p999),
      formatNumber(s.latency.max), formatNumber(errorTotal(s)),
    ]);
  });
  return table('table-operations', ['run', 'operation', 'count', 'ops/s', 'MB/s', 'p50 ms', 'p90 ms', 'p99 ms', 'p99.9 ms', 'max ms', 'errors'], rows, 2);
}

export function errorsTable(results: readonly RunResult[], labels: readonly string[]): string {
  const rows = results.flatMap((r, i) => Object.entries(r.operations).flatMap(([op, s]) =>
    Object.entries(s.errors).sort((a, b) => b[1] - a[1]).map(([code, count]) => [escapeHtml(labels[i]), escapeHtml(op), escapeHtml(code), formatNumber(count)])));
  if (rows.length === 0) return '<p id="table-errors" class="bench-empty">No errors.</p>';
  return table('table-errors', ['run', 'operation', 'error code', 'count'], rows, 3);
}

export function environmentTable(results: readonly RunResult[], labels: readonly string[]): string {
  const rows = results.map((r, i) => {
    const e = r.environment;
    const w = r.workload;
    return [
      labels[i], r.target.endpoint, r.target.driver, e.boltstackVersion, e.commit?.slice(0, 12) ?? '', e.node, `${e.platform}/${e.arch}`,
      `${e.cpuModel} × ${e.cores}`, `${formatNumber(e.memoryGB)} GB`, `${w.concurrency} × ${formatNumber(r.durationSeconds)} s`, e.date,
    ].map(escapeHtml);
  });
  return table('table-environment', ['run', 'endpoint', 'driver', 'boltstack', 'commit', 'node', 'platform', 'CPU', 'memory', 'concurrency × time', 'date'], rows, 99);
}

/** All rows of each workload's totals, and the gated rows of its operations. */
export function comparisonTable(comparison: ComparisonReport): string {
  const shown = (r: MetricComparison): boolean => r.scope === 'total' || r.gated;
  const rows = comparison.workloads.flatMap((w) => w.rows.filter(shown).map((r) => [
    escapeHtml(w.workload), escapeHtml(r.scope), escapeHtml(r.metric) + (r.gated ? ' <span class="gated" title="decides the verdict">●</span>' : ''),
    `${formatNumber(r.base.median)} ${escapeHtml(r.unit)}`, `${formatNumber(r.next.median)} ${escapeHtml(r.unit)}`,
    formatPercent(r.change.median), r.test.powered ? r.test.pValue.toFixed(3) : 'n/a',
    `<span class="verdict verdict-${r.verdict}">${r.verdict}</span>`, escapeHtml(r.reason),
  ]));
  return table('table-comparison', ['workload', 'scope', 'metric', 'base median', 'new median', 'change', 'p', 'verdict', 'why'], rows, 3);
}
