import test from 'ava';
import { parseWorkloadText, WorkloadError } from '../../src/bench/workload/parse.js';
import { loadWorkload, shippedWorkloads } from '../../src/bench/workload/load.js';
import { SERVICE_OPERATIONS } from '../../src/bench/workload/operations.js';
import { parseDuration, parseSize } from '../../src/bench/workload/units.js';

const SHIPPED = ['dynamodb-crud', 'dynamodb-query-scan', 's3-large-multipart', 's3-list-heavy', 's3-mixed', 's3-small-objects', 'sns-fanout', 'sqs-send-receive'];

test('every shipped workload parses, with ops of its service', async (t) => {
  const names = await shippedWorkloads();
  for (const name of SHIPPED) t.true(names.includes(name), name);
  for (const name of names) {
    const w = await loadWorkload(name);
    t.is(w.name, name);
    t.true(w.mix.length > 0);
    for (const m of w.mix) t.truthy(SERVICE_OPERATIONS[w.service][m.op], `${name}: ${m.op}`);
    t.true(w.durationSeconds !== undefined || w.operations !== undefined);
  }
});

test('sizes and durations in human units', (t) => {
  t.is(parseSize('4KiB'), 4096);
  t.is(parseSize('64 MiB'), 64 * 2 ** 20);
  t.is(parseSize('1GiB'), 2 ** 30);
  t.is(parseSize('500kB'), 500_000);
  t.is(parseSize(123), 123);
  t.is(parseSize('1.5KiB'), 1536);
  t.is(parseSize('abc'), undefined);
  t.is(parseSize('4 parsecs'), undefined);
  t.is(parseDuration('30s'), 30);
  t.is(parseDuration('2m'), 120);
  t.is(parseDuration('1m30s'), 90);
  t.is(parseDuration('500ms'), 0.5);
  t.is(parseDuration(5), 5);
  t.is(parseDuration('soon'), undefined);
  t.is(parseDuration('30x'), undefined);
});

test('defaults fill what a minimal file leaves out', (t) => {
  const w = parseWorkloadText('service: s3\nmix: {download: 3, upload: 1}\n', 'bench/workloads/min.yaml');
  t.is(w.name, 'min');
  t.deepEqual(w.mix, [{ op: 'download', weight: 3 }, { op: 'upload', weight: 1 }]);
  t.is(w.durationSeconds, 30);
  t.deepEqual(w.size, { kind: 'fixed', bytes: 4096 });
  t.is(w.keys.preload, w.keys.count, 'reads in the mix preload the key space');
  t.truthy(w.multipart);
  const byCount = parseWorkloadText('{"service": "sqs", "mix": [{"op": "send"}], "operations": 100}', 'x.json');
  t.is(byCount.durationSeconds, undefined);
  t.is(byCount.operations, 100);
  t.is(byCount.keys.preload, 0);
});

test('size distributions parse', (t) => {
  const w = parseWorkloadText('service: s3\nmix: [{op: upload}]\nsize: {distribution: lognormal, median: 64KiB, sigma: 1.5, min: 1KiB, max: 16MiB}\n', 'x.yaml');
  t.deepEqual(w.size, { kind: 'lognormal', median: 65536, sigma: 1.5, min: 1024, max: 16 * 2 ** 20 });
  const u = parseWorkloadText('service: s3\nmix: [{op: upload}]\nsize: {distribution: uniform, min: 1KiB, max: 2KiB}\n', 'x.yaml');
  t.deepEqual(u.size, { kind: 'uniform', min: 1024, max: 2048 });
});

const bad: [string, string, RegExp][] = [
  ['a weight that is not a number', 'service: s3\nmix:\n  - {op: download, weight: 1}\n  - {op: upload, weight: abc}\n',
    /^bench\/workloads\/x\.yaml: mix\[1\]\.weight: expected a positive number, got "abc"$/],
  ['an op of another service', 'service: s3\nmix: [{op: publish}]\n', /mix\[0\]\.op: "publish" is not a s3 operation \(expected one of: upload, download/],
  ['an unknown service', 'service: s4\nmix: [{op: upload}]\n', /: service: expected one of s3, dynamodb, sqs, sns, got "s4"/],
  ['a missing mix', 'service: s3\n', /: mix: required/],
  ['a typo in a field name', 'service: s3\nmix: [{op: upload}]\ndurration: 10s\n', /: durration: unknown field/],
  ['a bad duration', 'service: s3\nmix: [{op: upload}]\nduration: soon\n', /: duration: expected a duration such as 30s/],
  ['a bad size', 'service: s3\nmix: [{op: upload}]\nsize: 4 parsecs\n', /: size: expected a size such as 4KiB/],
  ['a bad key count', 'service: s3\nmix: [{op: upload}]\nkeys: {count: -1}\n', /: keys\.count: expected a positive integer, got -1/],
  ['preload beyond the key space', 'service: s3\nmix: [{op: download}]\nkeys: {count: 10, preload: 11}\n', /keys\.preload: must be ≤ keys\.count/],
  ['a part below the S3 minimum', 'service: s3\nmix: [{op: upload}]\nmultipart: {partSize: 1MiB}\n', /multipart\.partSize: must be at least 5 MiB/],
  ['an unknown distribution', 'service: s3\nmix: [{op: upload}]\nsize: {distribution: zipf}\n', /size\.distribution: expected fixed, uniform or lognormal/],
  ['a short-form weight that is not a number', 'service: s3\nmix: {download: lots}\n', /: mix\.download: expected a positive number, got "lots"/],
  ['a duplicated op', 'service: s3\nmix: [{op: head}, {op: head}]\n', /mix\[1\]\.op: "head" appears twice/],
  ['deletes that would remove preloaded keys', 'service: s3\nmix: [{op: download}, {op: delete}]\n', /keys\.preload: with delete in the mix/],
  ['not YAML at all', 'service: [s3\n', /bench\/workloads\/x\.yaml: not valid YAML or JSON/],
  ['a scalar file', '42\n', /expected a mapping of workload fields, got 42/],
];

for (const [what, text, message] of bad) {
  test(`a clear error naming the field: ${what}`, (t) => {
    const err = t.throws(() => parseWorkloadText(text, 'bench/workloads/x.yaml'), { instanceOf: WorkloadError });
    t.regex(err!.message, message);
  });
}

test('an unknown workload name lists the shipped ones', async (t) => {
  const err = await t.throwsAsync(loadWorkload('no-such-workload'));
  t.regex(err!.message, /not a shipped workload \(shipped: .*s3-small-objects/);
});
