/** Checks a RunResult read back from JSON field by field; returns the problems found. */
import type { LatencySummary, OperationStats, RunResult } from '../../src/bench/types.js';
import { decodeHistogram } from '../../src/bench/engine/histogram.js';

const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

function latency(path: string, l: LatencySummary, problems: string[]): void {
  const order: (keyof LatencySummary)[] = ['p50', 'p90', 'p99', 'p999', 'max'];
  for (const k of [...order, 'mean' as const]) if (!isNum(l[k]) || l[k] < 0) problems.push(`${path}.${k}: ${l[k]}`);
  for (let i = 1; i < order.length; i++) {
    if (l[order[i - 1]!] > l[order[i]!]) problems.push(`${path}: ${order[i - 1]} ${l[order[i - 1]!]} > ${order[i]} ${l[order[i]!]}`);
  }
  if (l.mean > l.max) problems.push(`${path}: mean > max`);
}

function stats(path: string, s: OperationStats, problems: string[]): void {
  for (const k of ['count', 'opsPerSecond', 'megabytesPerSecond'] as const) if (!isNum(s[k]) || s[k] < 0) problems.push(`${path}.${k}: ${s[k]}`);
  if (typeof s.errors !== 'object') problems.push(`${path}.errors missing`);
  latency(`${path}.latency`, s.latency, problems);
  try {
    if (decodeHistogram(s.histogram).totalCount !== s.count) problems.push(`${path}.histogram count != count`);
  } catch (err) {
    problems.push(`${path}.histogram: ${(err as Error).message}`);
  }
}

export function resultProblems(r: RunResult): string[] {
  const problems: string[] = [];
  if (r.schema !== 'boltstack-bench/1') problems.push(`schema: ${r.schema}`);
  if (!r.workload?.name || !Array.isArray(r.workload.mix)) problems.push('workload');
  if (!r.target?.endpoint || !r.target.label || !r.target.driver) problems.push('target');
  const e = r.environment;
  if (!e?.boltstackVersion || !e.node || !e.cpuModel || !isNum(e.cores) || !isNum(e.memoryGB) || Number.isNaN(Date.parse(e.date))) problems.push('environment');
  if (!isNum(r.durationSeconds) || r.durationSeconds <= 0) problems.push('durationSeconds');
  stats('total', r.total, problems);
  let sum = 0;
  for (const [op, s] of Object.entries(r.operations)) { stats(`operations.${op}`, s, problems); sum += s.count; }
  if (sum !== r.total.count) problems.push(`operation counts ${sum} != total ${r.total.count}`);
  for (const w of r.windows) if (!isNum(w.t) || !isNum(w.opsPerSecond) || !isNum(w.p50) || !isNum(w.p99) || w.p50 > w.p99) problems.push(`window ${JSON.stringify(w)}`);
  if (!isNum(r.client?.cpuPercent) || !Array.isArray(r.client.samples)) problems.push('client');
  if (r.server && (!isNum(r.server.pid) || !isNum(r.server.peakRssMB) || !isNum(r.server.cpuPercent))) problems.push('server');
  return problems;
}
