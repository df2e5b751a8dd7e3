/**
 * The text `bench peers` prints: the ratio table (boltstack / peer), one line per pair that has
 * no ratio (not implemented yet, failed, or no peer), and the S3 figures of the foundation issue.
 */
import type { RunResult } from '../types.js';
import type { RatioRow } from './ratios.js';
import type { PeerRun, PeersReport } from './run-peers.js';

const num = (x: number | null | undefined, digits = 0): string =>
  x === null || x === undefined || !Number.isFinite(x) ? '-' : x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const ms = (x: number): string => num(x, x >= 100 ? 0 : x >= 10 ? 1 : 2);
const times = (x: number | null): string => (x === null ? '-' : `${num(x, 2)}×`);

/** Columns in `left` are text (left-aligned), the others numbers. */
function table(rows: string[][], left: readonly number[]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  const cell = (text: string, c: number): string => (left.includes(c) ? text.padEnd(widths[c]!) : text.padStart(widths[c]!));
  return rows.map((r) => r.map(cell).join('  ').trimEnd()).join('\n');
}

function ratioTable(rows: readonly RatioRow[]): string {
  const head = ['workload', 'op', 'peer', 'ops/s', 'peer ops/s', '×', 'MB/s ×', 'p50 ms', 'peer p50', '×', 'p99 ms', 'peer p99', '×'];
  return table([head, ...rows.map((r) => [
    r.scope === 'total' ? r.workload : '', r.scope, r.scope === 'total' ? r.peer : '',
    num(r.boltstack.opsPerSecond), num(r.peerFigures.opsPerSecond), times(r.ratio.opsPerSecond), times(r.ratio.megabytesPerSecond),
    ms(r.boltstack.p50), ms(r.peerFigures.p50), times(r.ratio.p50),
    ms(r.boltstack.p99), ms(r.peerFigures.p99), times(r.ratio.p99),
  ])], [0, 1, 2]);
}

const brief = (r: RunResult | undefined): string =>
  r ? `${num(r.total.opsPerSecond)} ops/s, ${num(r.total.megabytesPerSecond, 2)} MB/s, p50 ${ms(r.total.latency.p50)} ms, p99 ${ms(r.total.latency.p99)} ms` : '';

function runText(run: PeerRun): string {
  switch (run.status) {
    case 'ok': return `${run.server}: ${brief(run.result)}`;
    case 'not-implemented': return `${run.server}: not implemented yet`;
    case 'failed': return `${run.server}: failed (${run.note ?? 'unknown'})`;
  }
}

export function formatPeers(report: PeersReport): string {
  const lines = [`bench peers: ${report.driver} driver${report.durationSeconds ? `, ${report.durationSeconds} s per workload` : ''}; ratio = boltstack / peer`, ''];
  if (report.ratios.length) lines.push(ratioTable(report.ratios), '');
  const unpaired = report.pairs.filter((p) => p.boltstack.status !== 'ok' || p.peer?.status !== 'ok');
  for (const p of unpaired) {
    lines.push(`${p.workload}: ${runText(p.boltstack)}; ${p.peer ? runText(p.peer) : 'no peer emulator'}`);
  }
  if (unpaired.length) lines.push('');
  const f = report.s3Figures;
  if (f) {
    lines.push('S3 figures of the foundation issue (boltstack vs s3rver):');
    if (f.error) lines.push(`  could not run: ${f.error}`);
    const rows = [['figure', 'unit', 'boltstack', 's3rver', 'ratio', 'target', 'pass']];
    for (const fig of f.figures) {
      rows.push([fig.name, fig.unit, num(fig.boltstack, 2), num(fig.peer, 2), times(fig.ratio), fig.target, fig.pass === null ? '-' : fig.pass ? 'yes' : 'NO']);
    }
    if (f.figures.length) lines.push(table(rows, [0, 1, 5, 6]));
    lines.push('');
  }
  return lines.join('\n') + '\n';
}
