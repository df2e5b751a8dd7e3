/**
 * `npm run bench:gate`: boltstack's own performance regression gate.
 *
 *  1. Runs each gate workload RUNS times (default 3 × 5 s of s3-small-objects, raw driver), each as
 *     a fresh `node dist/src/cli.js bench run WORKLOAD --driver raw --duration 5s --out FILE`,
 *     which starts its own ephemeral boltstack. Fresh processes on both sides make the runs
 *     independent samples, which the Mann-Whitney test in compare assumes.
 *  2. Compares them with the committed baseline, bench/baseline/*.json (compareRuns: medians,
 *     best-of-N, significance, floors), prints the table.
 *  3. Exits 1 on a regression, 0 otherwise, 2 when it cannot run (no baseline, a run failed).
 *
 * Refreshing the baseline (after an intended speed change, or when CI moves to other hardware —
 * a baseline is only meaningful on the machine class that made it):
 *     npm run bench:gate -- --update-baseline        (5 runs; on an otherwise idle machine)
 * replaces bench/baseline/*.json with fresh runs of the current build and prints their A/A
 * calibration; if its recommended thresholds exceed GATE.compare below, raise those. Commit both.
 * bench/baseline/README.md says the same for people who look there first.
 *
 * Options: --runs N, --duration 5s, --max-regression 10%[,p99=30%], --html FILE, --json FILE,
 * --keep DIR (keep the new result files), --update-baseline.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile, copyFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { calibrateRuns } from '../src/bench/compare/calibrate.js';
import { loadRuns } from '../src/bench/compare/cli.js';
import { parseCompareArgs, UsageError } from '../src/bench/compare/cli-args.js';
import { compareRuns } from '../src/bench/compare/compare-runs.js';
import { formatCalibration, formatComparison } from '../src/bench/compare/format.js';
import type { CompareOptions } from '../src/bench/compare/types.js';
import { renderHtmlReport } from '../src/bench/report/html.js';
import type { RunResult } from '../src/bench/types.js';

/**
 * What the gate runs and how strict it is; thresholds come from calibrating the CI box (see above).
 * 5 baseline runs against 3 new ones make the smallest one-sided Mann-Whitney p 1/C(8,3) = 0.018,
 * so alpha 0.02 counts only a complete separation of the two groups: under stationary noise a
 * false alarm needs a 1-in-56 draw on top of both the median and the best-of-N passing the threshold.
 */
const GATE = {
  workloads: ['s3-small-objects'],
  runs: 3,
  baselineRuns: 5,
  duration: '5s',
  driver: 'raw',
  compare: { maxRegression: 0.1, thresholds: { p99: 0.3 }, alpha: 0.02 } satisfies CompareOptions,
};

/** dist/bench/gate.js → the package root. */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BASELINE_DIR = join(ROOT, 'bench', 'baseline');
const CLI = join(ROOT, 'dist', 'src', 'cli.js');

interface GateArgs {
  runs: number;
  duration: string;
  update: boolean;
  compare: CompareOptions;
  html?: string;
  json?: string;
  keep?: string;
}

function parseGateArgs(argv: readonly string[]): GateArgs {
  const value = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    if (i < 0) return undefined;
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value`);
    return v;
  };
  const known = ['--runs', '--duration', '--max-regression', '--html', '--json', '--keep', '--update-baseline'];
  for (const a of argv) if (a.startsWith('--') && !known.includes(a)) throw new UsageError(`unknown option ${a} (${known.join(', ')})`);
  const update = argv.includes('--update-baseline');
  const runs = Number(value('--runs') ?? (update ? GATE.baselineRuns : GATE.runs));
  if (!Number.isInteger(runs) || runs < 1) throw new UsageError(`--runs: expected a positive integer, got ${value('--runs')}`);
  const maxRegression = value('--max-regression');
  // Reuse compare's parser for the threshold syntax (5%, p99=20%).
  const compare = maxRegression === undefined ? GATE.compare
    : { ...parseCompareArgs(['base', 'new', '--max-regression', maxRegression]).options, alpha: GATE.compare.alpha };
  const html = value('--html');
  const json = value('--json');
  const keep = value('--keep');
  return {
    runs, duration: value('--duration') ?? GATE.duration, update, compare,
    ...(html ? { html } : {}), ...(json ? { json } : {}), ...(keep ? { keep } : {}),
  };
}

/** One `bench run` in its own process; its output is shown only if it fails. */
function benchRun(workload: string, duration: string, out: string): Promise<void> {
  const args = [CLI, 'bench', 'run', workload, '--driver', GATE.driver, '--duration', duration, '--out', out];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const killChild = (): void => { child.kill('SIGTERM'); };
    process.once('exit', killChild);
    let log = '';
    const keep = (d: Buffer): void => { log = (log + d.toString()).slice(-8000); };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.once('error', (err) => { process.removeListener('exit', killChild); reject(err); });
    child.once('exit', (code, signal) => {
      process.removeListener('exit', killChild);
      if (code === 0) resolve();
      else reject(new Error(`node ${args.slice(1).join(' ')} exited with ${signal ?? code}\n${log.trim()}`));
    });
  });
}

async function measure(args: GateArgs, dir: string): Promise<string[]> {
  const files: string[] = [];
  for (const workload of GATE.workloads) {
    for (let i = 1; i <= args.runs; i++) {
      const file = join(dir, `${workload}-${i}.json`);
      await benchRun(workload, args.duration, file);
      const [r] = await loadRuns([file]);
      process.stdout.write(`  ${workload} run ${i}/${args.runs}: ${Math.round(r!.total.opsPerSecond)} ops/s, p99 ${r!.total.latency.p99.toFixed(2)} ms\n`);
      files.push(file);
    }
  }
  return files;
}

/** A note when the 1-minute load average exceeds the core count (a shared box under load). */
function busyMachine(): string | undefined {
  const [load] = loadavg();
  const cores = availableParallelism();
  return load! > cores ? `the machine is busy (load average ${load!.toFixed(1)} on ${cores} cores)` : undefined;
}

async function updateBaseline(files: readonly string[], runs: RunResult[]): Promise<number> {
  await mkdir(BASELINE_DIR, { recursive: true });
  for (const old of (await readdir(BASELINE_DIR)).filter((n) => n.endsWith('.json'))) await rm(join(BASELINE_DIR, old));
  for (const file of files) await copyFile(file, join(BASELINE_DIR, file.split('/').pop()!));
  process.stdout.write(`\nWrote ${files.length} baseline runs to ${BASELINE_DIR}. Their A/A calibration:\n\n`);
  process.stdout.write(formatCalibration(calibrateRuns(runs)));
  process.stdout.write(`\nThe gate uses max regression ${GATE.compare.maxRegression * 100}%, p99 ${GATE.compare.thresholds.p99 * 100}% (GATE in bench/gate.ts).\n`);
  return 0;
}

async function main(argv: readonly string[]): Promise<number> {
  const args = parseGateArgs(argv);
  const base = args.update ? [] : await loadRuns([BASELINE_DIR]).catch((err: unknown) => {
    throw new UsageError(`no usable baseline in ${BASELINE_DIR} (${(err as Error).message}); create one with: npm run bench:gate -- --update-baseline`);
  });
  const dir = args.keep ?? await mkdtemp(join(tmpdir(), 'boltstack-gate-'));
  await mkdir(dir, { recursive: true });
  try {
    process.stdout.write(`bench gate: ${args.runs} × ${args.duration} of ${GATE.workloads.join(', ')} (${GATE.driver} driver), each against a fresh ephemeral boltstack\n`);
    const loadBefore = busyMachine();
    const files = await measure(args, dir);
    const busy = loadBefore ?? busyMachine();
    if (busy) process.stdout.write(`warning: ${busy}; other work on this machine slows the runs, so a regression verdict may be the load, not the code\n`);
    const next = await loadRuns(files);
    if (args.update) return await updateBaseline(files, next);
    const report = compareRuns(base, next, args.compare);
    process.stdout.write('\n' + formatComparison(report));
    if (args.json) await writeFile(args.json, JSON.stringify(report, null, 2) + '\n');
    if (args.html) {
      const labels = [...base.map((_, i) => `baseline #${i + 1}`), ...next.map((_, i) => `new #${i + 1}`)];
      await writeFile(args.html, renderHtmlReport([...base, ...next], { comparison: report, runLabels: labels, title: `boltstack bench gate: ${report.verdict}` }));
    }
    if (report.workloads.length === 0) return 2;
    return report.verdict === 'regression' ? 1 : 0;
  } finally {
    if (!args.keep) await rm(dir, { recursive: true, force: true });
  }
}

main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (err: unknown) => {
  process.stderr.write(`bench gate: ${err instanceof UsageError ? err.message : err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exitCode = 2;
});
