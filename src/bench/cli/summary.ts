/** The table printed at the end of `bench run`: per operation and total, then resources. */
import type { OperationStats, RunResult } from '../types.js';

const num = (x: number, digits = 0): string => x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const msText = (x: number): string => (x >= 100 ? num(x, 0) : x >= 10 ? num(x, 1) : num(x, 2));

function row(name: string, s: OperationStats): string[] {
  const errors = Object.values(s.errors).reduce((a, b) => a + b, 0);
  const l = s.latency;
  return [name, num(s.count), num(s.opsPerSecond, 1), num(s.megabytesPerSecond, 2),
    msText(l.p50), msText(l.p90), msText(l.p99), msText(l.p999), msText(l.max), num(errors)];
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ')).join('\n');
}

export function formatSummary(r: RunResult): string {
  const w = r.workload;
  const head = `${w.name} → ${r.target.label} (${r.target.driver}, ${w.concurrency} workers, ${r.durationSeconds.toFixed(1)} s measured)`;
  const rows = [['op', 'count', 'ops/s', 'MB/s', 'p50 ms', 'p90', 'p99', 'p99.9', 'max', 'errors']];
  for (const [op, s] of Object.entries(r.operations)) if (s.count > 0) rows.push(row(op, s));
  rows.push(row('total', r.total));
  const lines = [head, '', table(rows), ''];
  const errors = Object.entries(r.total.errors);
  if (errors.length) lines.push(`errors: ${errors.map(([code, n]) => `${code} ×${n}`).join(', ')}`);
  const res = [`client CPU ${num(r.client.cpuPercent)} %`];
  if (r.server) res.push(`server CPU ${num(r.server.cpuPercent)} %, peak RSS ${num(r.server.peakRssMB, 1)} MB (pid ${r.server.pid})`);
  lines.push(res.join('; '));
  return lines.join('\n') + '\n';
}
