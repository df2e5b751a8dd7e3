import test from 'ava';
import { parseRunArgs, UsageError } from '../../src/bench/cli/run-args.js';
import { applyOverrides } from '../../src/bench/run-bench.js';
import { parseWorkloadText } from '../../src/bench/workload/parse.js';
import { formatProgress } from '../../src/bench/cli/progress.js';

test('bench run flags', (t) => {
  const a = parseRunArgs(['s3-mixed', '--endpoint', 'http://127.0.0.1:4566', '--duration', '2m', '--concurrency=8', '--driver', 'sdk', '--out', 'r.json', '--label', 'x']);
  t.is(a.workload, 's3-mixed');
  t.is(a.endpoint, 'http://127.0.0.1:4566');
  t.is(a.durationSeconds, 120);
  t.is(a.concurrency, 8);
  t.is(a.driver, 'sdk');
  t.is(a.out, 'r.json');
  t.is(a.label, 'x');
  t.true(parseRunArgs(['--help']).help);
});

test('bad flags are usage errors naming the flag', (t) => {
  t.throws(() => parseRunArgs([]), { instanceOf: UsageError, message: /WORKLOAD is required/ });
  t.throws(() => parseRunArgs(['w', '--concurrency', '0']), { message: /--concurrency: expected a positive integer, got "0"/ });
  t.throws(() => parseRunArgs(['w', '--duration', 'soon']), { message: /--duration: expected a duration/ });
  t.throws(() => parseRunArgs(['w', '--endpoint', 'nope']), { message: /--endpoint: not a URL/ });
  t.throws(() => parseRunArgs(['w', '--bogus']), { message: /unknown option --bogus/ });
  t.throws(() => parseRunArgs(['w', '--out']), { message: /--out: needs a value/ });
});

test('overrides: a duration replaces the file’s operation count and vice versa', (t) => {
  const w = parseWorkloadText('service: s3\nmix: [{op: head}]\noperations: 500\nconcurrency: 4\n', 'x.yaml');
  const d = applyOverrides(w, { durationSeconds: 5, concurrency: 9 });
  t.is(d.durationSeconds, 5);
  t.is(d.operations, undefined);
  t.is(d.concurrency, 9);
  t.deepEqual(applyOverrides(w, {}), w);
});

test('the progress line shows rate, p99 and errors', (t) => {
  const line = formatProgress({ phase: 'measure', elapsed: 10, planned: 30, operations: 12345, errors: 2, opsPerSecond: 1234.4, p99: 3.456 });
  t.regex(line, /measuring 10\/30 s \[#{7}\.{13}\]  12345 ops  1234 ops\/s  p99 3\.46 ms  2 errors/);
});
