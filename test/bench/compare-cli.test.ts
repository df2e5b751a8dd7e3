import test from 'ava';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCalibrateCli, runCompareCli, type CliIo } from '../../src/bench/compare/cli.js';
import { parseCompareArgs, parseFraction, UsageError } from '../../src/bench/compare/cli-args.js';
import type { ComparisonReport } from '../../src/bench/compare/types.js';
import type { RunResult } from '../../src/bench/types.js';
import { makeRuns } from './fixtures.js';

function capture(): CliIo & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', out: (s: string) => { io.stdout += s; }, err: (s: string) => { io.stderr += s; } };
  return io;
}

function writeRuns(dir: string, prefix: string, runs: readonly RunResult[]): string[] {
  return runs.map((r, i) => {
    const file = join(dir, `${prefix}-${i + 1}.json`);
    writeFileSync(file, JSON.stringify(r));
    return file;
  });
}

test.before((t) => {
  const dir = mkdtempSync(join(tmpdir(), 'boltstack-compare-'));
  const base = writeRuns(dir, 'base', makeRuns([1000, 1010, 995], [10, 10.1, 9.9]));
  const same = writeRuns(dir, 'same', makeRuns([1002, 1008, 997], [10, 10.2, 9.8], { seed: 5 }));
  const slow = writeRuns(dir, 'slow', makeRuns([700, 705, 698], [10, 10.1, 9.9], { seed: 6 }));
  mkdirSync(join(dir, 'baseline'));
  writeRuns(join(dir, 'baseline'), 'run', makeRuns([1000, 1010, 995], [10, 10.1, 9.9]));
  t.context = { dir, base, same, slow };
});

test.after.always((t) => rmSync((t.context as { dir: string }).dir, { recursive: true, force: true }));

interface Ctx { dir: string; base: string[]; same: string[]; slow: string[] }
const ctx = (t: { context: unknown }): Ctx => t.context as Ctx;

test('compare: same build passes with exit 0 and prints a table', async (t) => {
  const { base, same } = ctx(t);
  const io = capture();
  t.is(await runCompareCli(['compare', base.join(','), same.join(','), '--max-regression', '5%'], io), 0);
  t.regex(io.stdout, /s3-small-objects: base boltstack \(3 runs\) vs new boltstack \(3 runs\) → PASS/);
  t.regex(io.stdout, /opsPerSecond \*/);
  t.regex(io.stdout, /Verdict: PASS/);
});

test('compare: a regression exits 1 and writes JSON and HTML', async (t) => {
  const { dir, slow } = ctx(t);
  const io = capture();
  const json = join(dir, 'out.json');
  const html = join(dir, 'out.html');
  t.is(await runCompareCli(['compare', join(dir, 'baseline'), slow.join(','), '--json', json, '--html', html], io), 1);
  t.regex(io.stdout, /Verdict: REGRESSION/);
  const report = JSON.parse(readFileSync(json, 'utf8')) as ComparisonReport;
  t.is(report.verdict, 'regression');
  t.is(report.workloads[0]!.baseRuns, 3);
  const page = readFileSync(html, 'utf8');
  t.regex(page, /id="chart-compare-ops"/);
  t.regex(page, /base #1/);
});

test('compare: the subcommand word is optional; --help exits 0', async (t) => {
  const { base, same } = ctx(t);
  t.is(await runCompareCli([base.join(','), same.join(',')], capture()), 0);
  const io = capture();
  t.is(await runCompareCli(['--help'], io), 0);
  t.regex(io.stdout, /boltstack bench calibrate/);
  t.is(await runCompareCli(['calibrate', ...base], capture()), 0);
});

test('compare: per-metric thresholds and --metric', async (t) => {
  const { base, slow } = ctx(t);
  t.is(await runCompareCli(['compare', base.join(','), slow.join(','), '--metric', 'p99'], capture()), 0);
  t.is(await runCompareCli(['compare', base.join(','), slow.join(','), '--max-regression=5%,opsPerSecond=40%'], capture()), 0);
});

test('usage errors exit 2 with a message naming the problem', async (t) => {
  const { dir, base } = ctx(t);
  const cases: Array<[string[], RegExp]> = [
    [['compare', base[0]!], /needs BASE and NEW/],
    [['compare', base[0]!, join(dir, 'missing.json')], /missing\.json: no such file/],
    [['compare', base[0]!, base[1]!, '--max-regression', '5'], /ambiguous, write 5%/],
    [['compare', base[0]!, base[1]!, '--metric', 'speed'], /unknown metric "speed"/],
    [['compare', base[0]!, base[1]!, '--bogus', '1'], /unknown option --bogus/],
    [[], /needs BASE and NEW/],
    [['calibrate'], /needs the result files/],
  ];
  for (const [argv, message] of cases) {
    const io = capture();
    t.is(await runCompareCli(argv, io), 2, argv.join(' '));
    t.regex(io.stderr, message);
  }
  const notResult = join(dir, 'not-result.json');
  writeFileSync(notResult, '{"hello": 1}');
  const io = capture();
  t.is(await runCompareCli(['compare', base[0]!, notResult], io), 2);
  t.regex(io.stderr, /not-result\.json: not a boltstack bench result/);
});

test('calibrate prints the noise and a recommended --max-regression', async (t) => {
  const { base, same, dir } = ctx(t);
  const io = capture();
  const json = join(dir, 'cal.json');
  t.is(await runCalibrateCli([...base, ...same, '--json', json], io), 0);
  t.regex(io.stdout, /s3-small-objects: 6 runs/);
  t.regex(io.stdout, /Recommended for this machine: --max-regression \d+(\.\d)?%/);
  t.is(JSON.parse(readFileSync(json, 'utf8')).kind, 'boltstack-bench-calibration/1');
});

test('argument parsing', (t) => {
  t.is(parseFraction('5%', 'x'), 0.05);
  t.is(parseFraction('0.07', 'x'), 0.07);
  t.throws(() => parseFraction('five', 'x'), { instanceOf: UsageError });
  const a = parseCompareArgs(['a.json,b.json', 'c.json', '--max-regression', '3%,p99=20%', '--scope', 'all', '--floor-ops', '10', '--floor-ms', '0.2', '--alpha', '0.1']);
  t.deepEqual(a.base, ['a.json', 'b.json']);
  t.deepEqual(a.next, ['c.json']);
  t.deepEqual(a.options, { maxRegression: 0.03, thresholds: { p99: 0.2 }, scope: 'all', floor: { opsPerSecond: 10, latencyMs: 0.2 }, alpha: 0.1 });
});
