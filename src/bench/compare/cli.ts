/**
 * `boltstack bench compare` and `boltstack bench calibrate`: read result files, run the pure
 * compareRuns / calibrateRuns, print a table, optionally write JSON and HTML.
 * Exit codes (for CI): 0 pass / improvement / inconclusive, 1 regression, 2 usage error.
 * Entry points for the `boltstack bench` dispatcher: runCompareCli(args after "compare") and
 * runCalibrateCli(args after "calibrate"). Both also accept the subcommand word itself first, so
 * runCompareCli(['calibrate', ...]) works too.
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunResult } from '../types.js';
import { renderHtmlReport } from '../report/html.js';
import { calibrateRuns } from './calibrate.js';
import { parseCalibrateArgs, parseCompareArgs, USAGE, UsageError } from './cli-args.js';
import { compareRuns } from './compare-runs.js';
import { formatCalibration, formatComparison } from './format.js';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

const processIo: CliIo = {
  out: (text) => { process.stdout.write(text); },
  err: (text) => { process.stderr.write(text); },
};

/** `boltstack bench compare BASE NEW [options]`: 0 pass, 1 regression, 2 usage error. */
export async function runCompareCli(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  if (argv[0] === 'calibrate') return runCalibrateCli(argv.slice(1), io);
  return guarded('compare', argv[0] === 'compare' ? argv.slice(1) : argv, io, compare);
}

/** `boltstack bench calibrate RUN1.json RUN2.json ...`: 0 done, 2 usage error or too few runs. */
export async function runCalibrateCli(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  return guarded('calibrate', argv[0] === 'calibrate' ? argv.slice(1) : argv, io, calibrate);
}

async function guarded(command: string, argv: readonly string[], io: CliIo, run: (argv: readonly string[], io: CliIo) => Promise<number>): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.out(USAGE);
    return 0;
  }
  try {
    return await run(argv, io);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.err(`boltstack bench ${command}: ${err.message}\n\n${USAGE}`);
    return 2;
  }
}

async function compare(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseCompareArgs(argv);
  const base = await loadRuns(args.base);
  const next = await loadRuns(args.next);
  let report;
  try {
    report = compareRuns(base, next, args.options);
  } catch (err) {
    if (err instanceof RangeError) throw new UsageError(err.message);
    throw err;
  }
  if (report.workloads.length === 0) throw new UsageError(`no workload is in both BASE and NEW (${report.warnings.join('; ')})`);
  io.out(formatComparison(report));
  if (args.json) await writeFile(args.json, JSON.stringify(report, null, 2) + '\n');
  if (args.html) {
    const labels = [...base.map((_, i) => `base #${i + 1}`), ...next.map((_, i) => `new #${i + 1}`)];
    await writeFile(args.html, renderHtmlReport([...base, ...next], { comparison: report, runLabels: labels, title: `boltstack bench compare: ${report.verdict}` }));
  }
  return report.verdict === 'regression' ? 1 : 0;
}

async function calibrate(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseCalibrateArgs(argv);
  const runs = await loadRuns(args.runs);
  const report = calibrateRuns(runs, args.gated ? { gated: args.gated } : {});
  io.out(formatCalibration(report, args.gated));
  if (args.json) await writeFile(args.json, JSON.stringify(report, null, 2) + '\n');
  if (args.html) await writeFile(args.html, renderHtmlReport(runs, { title: 'boltstack bench calibrate', runLabels: runs.map((r, i) => `${r.workload.name} #${i + 1}`) }));
  return report.workloads.length === 0 ? 2 : 0;
}

/** Files, or directories standing for all their *.json files (sorted), read and checked. */
export async function loadRuns(paths: readonly string[]): Promise<RunResult[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => { throw new UsageError(`${path}: no such file or directory`); });
    if (info.isDirectory()) {
      const names = (await readdir(path)).filter((n) => n.endsWith('.json')).sort();
      if (names.length === 0) throw new UsageError(`${path}: no .json result files in this directory`);
      files.push(...names.map((n) => join(path, n)));
    } else {
      files.push(path);
    }
  }
  return Promise.all(files.map(async (file) => checkRunResult(file, await readFile(file, 'utf8'))));
}

/** Enough of a shape check that a wrong file fails with its name, not deep inside the stats. */
export function checkRunResult(file: string, text: string): RunResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`${file}: not JSON (${(err as Error).message})`);
  }
  const v = value as Partial<RunResult> | null;
  if (!v || typeof v !== 'object' || v.schema !== 'boltstack-bench/1') throw new UsageError(`${file}: not a boltstack bench result (schema must be "boltstack-bench/1")`);
  if (typeof v.workload?.name !== 'string') throw new UsageError(`${file}: workload.name is missing`);
  if (typeof v.total?.opsPerSecond !== 'number' || typeof v.total.latency?.p99 !== 'number') throw new UsageError(`${file}: total.opsPerSecond or total.latency is missing`);
  if (typeof v.target?.label !== 'string' || typeof v.environment !== 'object') throw new UsageError(`${file}: target or environment is missing`);
  if (typeof v.operations !== 'object' || !Array.isArray(v.windows)) throw new UsageError(`${file}: operations or windows is missing`);
  return v as RunResult;
}
