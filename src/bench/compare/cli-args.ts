/**
 * Argument parsing of `boltstack bench compare` and `boltstack bench calibrate`. Throws
 * UsageError (exit code 2) with a message naming the bad argument.
 */
import { METRIC_NAMES, type CompareOptions, type MetricName } from './types.js';

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface CompareArgs {
  command: 'compare';
  base: string[];
  next: string[];
  options: CompareOptions;
  html?: string;
  json?: string;
}

export interface CalibrateArgs {
  command: 'calibrate';
  runs: string[];
  gated?: MetricName[];
  html?: string;
  json?: string;
}

export const USAGE = `Usage:
  boltstack bench compare BASE.json[,BASE2.json...] NEW.json[,NEW2.json...] [options]
  boltstack bench calibrate RUN1.json RUN2.json ... [--metric M,...] [--json FILE] [--html FILE]

A path may be a directory: all its *.json files. Several runs per side make the gate noise-aware
(medians, best-of-N and a Mann-Whitney U test); calibrate runs of one build to learn this machine's noise.

compare options:
  --max-regression 5%[,p99=20%]  tolerated worsening, overall and per metric (default 5%)
  --metric opsPerSecond,p99      metrics that decide the verdict (${METRIC_NAMES.join(', ')})
  --scope total|all              gate on workload totals only (default) or on every operation too
  --floor-ops N --floor-ms N     ignore differences below N ops/s / N ms (default 5 ops/s, 0.05 ms)
  --alpha 0.05                   significance level
  --json FILE  --html FILE       also write the comparison as JSON / a self-contained HTML report
Exit code: 0 pass (also improvement or inconclusive), 1 regression, 2 usage error.
`;

/** "5%" → 0.05, "0.05" → 0.05; a bare number of 1 or more is ambiguous and refused. */
export function parseFraction(text: string, what: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(%?)\s*$/.exec(text);
  if (!m) throw new UsageError(`${what}: expected a percentage like 5% or a fraction like 0.05, got "${text}"`);
  const n = Number(m[1]);
  if (m[2] === '%') return n / 100;
  if (n >= 1) throw new UsageError(`${what}: "${text}" is ambiguous, write ${n}% or ${n / 100}`);
  return n;
}

function parseMetrics(text: string): MetricName[] {
  const names = text.split(',').map((s) => s.trim()).filter(Boolean);
  for (const n of names) if (!(METRIC_NAMES as readonly string[]).includes(n)) throw new UsageError(`--metric: unknown metric "${n}" (one of ${METRIC_NAMES.join(', ')})`);
  if (names.length === 0) throw new UsageError('--metric: no metric given');
  return names as MetricName[];
}

function parseNumber(text: string, what: string): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || n < 0) throw new UsageError(`${what}: expected a non-negative number, got "${text}"`);
  return n;
}

/** Splits argv into positionals and --flag values (every flag here takes one value). */
function splitArgs(argv: readonly string[], flags: readonly string[]): { positionals: string[]; values: Map<string, string> } {
  const positionals: string[] = [];
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) { positionals.push(arg); continue; }
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    if (!flags.includes(flag)) throw new UsageError(`unknown option ${flag}`);
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined) throw new UsageError(`${flag} needs a value`);
    values.set(flag, value);
  }
  return { positionals, values };
}

const files = (list: string): string[] => list.split(',').map((s) => s.trim()).filter(Boolean);

export function parseCompareArgs(argv: readonly string[]): CompareArgs {
  const { positionals, values } = splitArgs(argv, ['--max-regression', '--metric', '--scope', '--floor-ops', '--floor-ms', '--alpha', '--json', '--html']);
  if (positionals.length !== 2) throw new UsageError(`compare needs BASE and NEW (comma-separated lists of files), got ${positionals.length} argument(s)`);
  const options: CompareOptions = { maxRegression: 0.05 };
  const thresholds: Partial<Record<MetricName, number>> = {};
  for (const part of (values.get('--max-regression') ?? '').split(',').filter((s) => s.trim())) {
    const eq = part.indexOf('=');
    if (eq < 0) { options.maxRegression = parseFraction(part, '--max-regression'); continue; }
    const [metric] = parseMetrics(part.slice(0, eq));
    thresholds[metric!] = parseFraction(part.slice(eq + 1), `--max-regression ${metric}`);
  }
  if (Object.keys(thresholds).length > 0) options.thresholds = thresholds;
  const metric = values.get('--metric');
  if (metric !== undefined) options.metric = parseMetrics(metric);
  const scope = values.get('--scope');
  if (scope !== undefined) {
    if (scope !== 'total' && scope !== 'all') throw new UsageError(`--scope: expected total or all, got "${scope}"`);
    options.scope = scope;
  }
  const floorOps = values.get('--floor-ops');
  const floorMs = values.get('--floor-ms');
  if (floorOps !== undefined || floorMs !== undefined) {
    options.floor = {
      ...(floorOps !== undefined ? { opsPerSecond: parseNumber(floorOps, '--floor-ops') } : {}),
      ...(floorMs !== undefined ? { latencyMs: parseNumber(floorMs, '--floor-ms') } : {}),
    };
  }
  const alpha = values.get('--alpha');
  if (alpha !== undefined) {
    options.alpha = parseNumber(alpha, '--alpha');
    if (options.alpha <= 0 || options.alpha >= 1) throw new UsageError(`--alpha: expected a level between 0 and 1, got ${alpha}`);
  }
  return { command: 'compare', base: files(positionals[0]!), next: files(positionals[1]!), options, ...optionalOutputs(values) };
}

export function parseCalibrateArgs(argv: readonly string[]): CalibrateArgs {
  const { positionals, values } = splitArgs(argv, ['--metric', '--json', '--html']);
  const runs = positionals.flatMap(files);
  if (runs.length === 0) throw new UsageError('calibrate needs the result files of several runs of one build');
  const metric = values.get('--metric');
  return { command: 'calibrate', runs, ...(metric !== undefined ? { gated: parseMetrics(metric) } : {}), ...optionalOutputs(values) };
}

function optionalOutputs(values: Map<string, string>): { html?: string; json?: string } {
  const html = values.get('--html');
  const json = values.get('--json');
  return { ...(html !== undefined ? { html } : {}), ...(json !== undefined ? { json } : {}) };
}
