/** Plain-text tables of a comparison and of a calibration, for the terminal and CI logs. */
import { formatNumber, formatPercent } from '../report/tables.js';
import type { CalibrationReport, ComparisonReport, MetricName } from './types.js';

/** `align` has one letter per column: 'l' pads right, 'r' (numbers) pads left; missing = 'r'. */
export function textTable(head: readonly string[], rows: ReadonlyArray<readonly string[]>, align = 'l'): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[]): string => r.map((c, i) => (align[i] === 'l' ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  return [line(head), ...rows.map(line)].map((l) => `  ${l}`).join('\n');
}

const pct = (f: number): string => `${Math.round(f * 1000) / 10}%`;

export function formatComparison(report: ComparisonReport): string {
  const out: string[] = [];
  for (const w of report.workloads) {
    out.push(`${w.workload}: base ${w.baseLabel} (${w.baseRuns} run${w.baseRuns === 1 ? '' : 's'}) vs new ${w.nextLabel} (${w.nextRuns} run${w.nextRuns === 1 ? '' : 's'}) → ${w.verdict.toUpperCase()}`);
    const rows = w.rows.filter((r) => r.scope === 'total' || r.gated).map((r) => [
      r.scope, r.metric + (r.gated ? ' *' : ''), `${formatNumber(r.base.median)} ${r.unit}`, `${formatNumber(r.next.median)} ${r.unit}`,
      formatPercent(r.change.median), formatPercent(r.change.best), r.test.powered ? r.test.pValue.toFixed(3) : 'n/a', r.verdict, r.reason,
    ]);
    out.push(textTable(['scope', 'metric', 'base median', 'new median', 'change', 'best-of-N', 'p', 'verdict', 'why'], rows, 'llrrrrrll'));
    out.push('');
  }
  for (const warning of report.warnings) out.push(`warning: ${warning}`);
  const o = report.options;
  const overrides = Object.entries(o.thresholds).filter(([, v]) => v !== o.maxRegression).map(([m, v]) => `${m} ${pct(v)}`);
  out.push(`Verdict: ${report.verdict.toUpperCase()} (max regression ${pct(o.maxRegression)}${overrides.length ? `, ${overrides.join(', ')}` : ''}; * = gated: ${o.metrics.join(', ')}, ${o.scope === 'all' ? 'totals and operations' : 'workload totals'})`);
  return out.join('\n') + '\n';
}

export function formatCalibration(report: CalibrationReport, gated: readonly MetricName[] = ['opsPerSecond', 'p99']): string {
  const out: string[] = [];
  for (const w of report.workloads) {
    out.push(`${w.workload}: ${w.runs} runs`);
    out.push(textTable(['metric', 'median', 'best', 'worst', 'CV', 'spread', 'suggested threshold'], w.metrics.map((m) => [
      m.metric, `${formatNumber(m.median)} ${m.unit}`, formatNumber(m.best), formatNumber(m.worst), pct(m.cv), Number.isFinite(m.spread) ? pct(m.spread) : '∞', pct(m.suggestedThreshold),
    ])));
    out.push('');
  }
  for (const warning of report.warnings) out.push(`warning: ${warning}`);
  if (report.workloads.length === 0) return out.join('\n') + '\n';
  const t = report.recommendedThresholds;
  const [first, ...rest] = gated.filter((m) => t[m] !== undefined);
  out.push(`Recommended for this machine: --max-regression ${pct(report.recommendedMaxRegression)}`);
  if (first) out.push(`  or per metric: --max-regression ${[pct(t[first]!), ...rest.map((m) => `${m}=${pct(t[m]!)}`)].join(',')}${first !== 'opsPerSecond' ? ` (the first value applies to ${first} and all other metrics)` : ''}`);
  out.push('  (spread = (max - min) / min of the runs: no A/A comparison of them can differ more; suggested = max(spread, 3 × CV))');
  return out.join('\n') + '\n';
}
