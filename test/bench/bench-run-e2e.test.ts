/**
 * End to end: `boltstack bench run s3-small-objects` for 3 s against an ephemeral boltstack (its
 * own process, started by the command) with each S3 driver; the JSON result is checked field by
 * field, and its HTML report is opened in headless Chromium to check that the charts drew.
 * Also: the `boltstack bench` entry of the real binary, and multipart uploads of each driver read
 * back byte-exact by the other.
 */
import test, { type ExecutionContext } from 'ava';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { runCommand } from '../../src/bench/cli/run-command.js';
import { RawS3Driver } from '../../src/bench/drivers/s3/raw.js';
import { SdkS3Driver } from '../../src/bench/drivers/s3/sdk.js';
import { createBodyFactory } from '../../src/bench/workload/body.js';
import type { RunResult, Target } from '../../src/bench/types.js';
import { CREDENTIALS, s3Client, startBoltstack } from '../helpers/server.js';
import { resultProblems } from './result-schema.js';
import { browserPlan, browserSkipLine, chartStates, withBrowser } from '../helpers/browser.js';

const CLI = fileURLToPath(new URL('../../src/cli.js', import.meta.url));

/** The run's own HTML report, opened in headless Chromium: every chart drew, offline. */
const plan = browserPlan();
if ('skip' in plan) console.log(browserSkipLine('bench-run-e2e (HTML report check)', plan.skip));

async function checkReportRenders(t: ExecutionContext, file: string): Promise<void> {
  if ('skip' in plan) return;
  if ('fail' in plan) { t.fail(plan.fail); return; }
  await withBrowser(async (ctx) => {
    const problems: string[] = [];
    const states = await chartStates(ctx, file, problems);
    t.deepEqual(problems, []);
    t.deepEqual(states.map((s) => s.id).sort(), ['chart-distribution', 'chart-latency', 'chart-rss', 'chart-throughput']);
    for (const s of states) {
      t.true(s.rendered && s.width >= 320 && s.height >= 100, `${s.id} rendered ${s.width}×${s.height}${s.error ? `: ${s.error}` : ''}`);
      t.true(s.coloured > 200, `${s.id} has drawn series (${s.coloured} coloured pixels)`);
    }
  });
}

for (const driver of ['raw', 'sdk']) {
  test.serial(`bench run s3-small-objects, 3 s, ${driver} driver: a valid result without errors`, async (t) => {
    const dir = await mkdtemp(join(tmpdir(), 'bench-e2e-'));
    try {
      const out = join(dir, 'result.json');
      const html = join(dir, 'report.html');
      let stdout = '';
      let stderr = '';
      const code = await runCommand(['s3-small-objects', '--duration', '3s', '--warmup', '500ms', '--driver', driver, '--out', out, '--html', html],
        { out: (s) => { stdout += s; }, err: (s) => { stderr += s; } });
      t.is(code, 0, stderr);
      const r = JSON.parse(await readFile(out, 'utf8')) as RunResult;
      t.deepEqual(resultProblems(r), []);
      t.is(r.target.driver, `s3-${driver}`);
      t.true(r.total.count > 0);
      for (const op of ['download', 'upload', 'head']) t.true(r.operations[op]!.count > 0, op);
      t.deepEqual(r.total.errors, {});
      t.true(r.durationSeconds >= 3 && r.durationSeconds < 5);
      t.true(r.windows.length >= 3);
      t.true(r.operations.download!.megabytesPerSecond > 0);
      t.truthy(r.server, 'the ephemeral server is a local process: sampled');
      t.true(r.server!.peakRssMB > 10);
      t.regex(stdout, /s3-small-objects → boltstack \(ephemeral\)/);
      t.regex(stdout, /^total\s+[\d,]+/m);
      await checkReportRenders(t, html);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
}

test('the boltstack binary dispatches `bench`', async (t) => {
  const { stdout } = await promisify(execFile)(process.execPath, [CLI, 'bench', 'workloads']);
  t.regex(stdout, /s3-small-objects/);
  const failed = await t.throwsAsync(promisify(execFile)(process.execPath, [CLI, 'bench', 'run', 'bench/workloads/none.yaml']));
  t.is((failed as unknown as { code: number }).code, 2);
});

test('multipart uploads of each driver read back byte-exact', async (t) => {
  const bs = await startBoltstack();
  const target: Target = { endpoint: bs.endpoint, region: 'us-east-1', credentials: CREDENTIALS, forcePathStyle: true };
  const client = s3Client(bs.endpoint);
  try {
    const bodies = createBodyFactory(5);
    const multipart = { threshold: 6 * 2 ** 20, partSize: 5 * 2 ** 20 };
    for (const [i, d] of [new RawS3Driver(target, 2), new SdkS3Driver(target, 2)].entries()) {
      await d.setup('mp-e2e');
      const size = 12 * 2 ** 20 + 12345; // three parts, the last one short and not chunk-aligned
      const body = bodies.body(i, size);
      const expected = createHash('md5');
      for await (const c of body.stream()) expected.update(c);
      const up = await d.upload('mp-e2e', `k${i}`, body, multipart);
      t.deepEqual(up, { ok: true, bytes: size }, d.name);
      const got = await client.send(new GetObjectCommand({ Bucket: 'mp-e2e', Key: `k${i}` }));
      const actual = createHash('md5');
      for await (const c of got.Body as AsyncIterable<Uint8Array>) actual.update(c);
      t.is(actual.digest('hex'), expected.digest('hex'), d.name);
      t.regex(got.ETag ?? '', /-3"$/, `${d.name} used 3 parts`);
      const down = await d.download('mp-e2e', `k${i}`);
      t.deepEqual(down, { ok: true, bytes: size });
      const missing = await d.download('mp-e2e', 'nope');
      t.deepEqual(missing, { ok: false, bytes: 0, error: 'NoSuchKey' });
      const head = await d.head('mp-e2e', 'nope');
      t.deepEqual(head, { ok: false, bytes: 0, error: 'NotFound' });
      await d.close();
    }
  } finally {
    client.destroy();
    await bs.stop();
  }
});
