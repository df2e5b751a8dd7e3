/** bench peers: the peer processes start and stop cleanly, runPeers pairs and reports, the args. */
import test from 'ava';
import type { RunResult } from '../../src/bench/types.js';
import { isRunning } from '../../src/bench/peers/child.js';
import { startServer, type ServerName } from '../../src/bench/peers/servers.js';
import { runPeers } from '../../src/bench/peers/run-peers.js';
import { formatPeers } from '../../src/bench/peers/format.js';
import { PeersUsageError, parsePeersArgs } from '../../src/bench/peers/args.js';
import { peersUnavailable } from '../../src/bench/peers/availability.js';
import { SetupError } from '../../src/bench/drivers/wire/setup-error.js';
import { makeRunResult } from './fixtures.js';

const SERVERS: ServerName[] = ['boltstack', 's3rver', 'dynalite', 'local-aws-sqs'];

test('each server starts on 127.0.0.1, answers, and is gone after stop (by its PID)', async (t) => {
  const started = await Promise.all(SERVERS.map((name) => startServer(name)));
  try {
    for (const s of started) {
      t.regex(s.endpoint, /^http:\/\/127\.0\.0\.1:\d+$/, s.name);
      t.true(isRunning(s.pid), s.name);
      t.true(s.startMs > 0);
    }
    t.is(new Set(started.map((s) => s.endpoint)).size, SERVERS.length, 'distinct ports');
  } finally {
    await Promise.all(started.map((s) => s.stop()));
  }
  for (const s of started) t.false(isRunning(s.pid), `${s.name} still running`);
  await started[0]!.stop(); // idempotent
});

test('runPeers on SQS: boltstack and local-aws-sqs both measured side by side, nothing left running', async (t) => {
  const pids: number[] = [];
  const report = await runPeers({
    only: ['sqs'], durationSeconds: 1, warmupSeconds: 0, s3FiguresArgs: null,
    start: async (name) => { const s = await startServer(name); pids.push(s.pid); return s; },
  });
  t.is(report.pairs.length, 1);
  const [pair] = report.pairs;
  t.is(pair!.workload, 'sqs-send-receive');
  t.is(pair!.boltstack.status, 'ok', pair!.boltstack.note);
  t.true((pair!.boltstack.result?.total.count ?? 0) > 0);
  t.deepEqual(pair!.boltstack.result?.total.errors, {});
  t.is(pair!.peer?.status, 'ok', pair!.peer?.note);
  t.true((pair!.peer?.result?.total.count ?? 0) > 0);
  t.true(report.ratios.some((r) => r.workload === 'sqs-send-receive' && r.scope === 'total' && r.peer === 'local-aws-sqs'));
  t.regex(formatPeers(report), /sqs-send-receive\s+total\s+local-aws-sqs/);
  t.is(pids.length, 2);
  for (const pid of pids) t.false(isRunning(pid));
});

test('runPeers: ratios boltstack / peer, failures reported not thrown, S3 figures skipped on request', async (t) => {
  const stopped: string[] = [];
  const report = await runPeers({
    only: ['s3', 'dynamodb', 'sns'], s3FiguresArgs: null,
    start: async (name) => ({ name, pid: 1, endpoint: `http://127.0.0.1:1/${name}`, startMs: 1, stop: async () => { stopped.push(name); } }),
    run: async (o): Promise<RunResult> => {
      const w = String(o.workload);
      // Wrapped as the engine wraps a setup failure.
      if (w.startsWith('dynamodb') && o.label === 'boltstack') throw new Error('setup failed', { cause: new SetupError('CreateTable', 'NotImplemented') });
      if (w === 'sns-fanout') throw new SetupError('CreateTopic', 'InvalidAction');
      const fast = o.label === 'boltstack';
      return makeRunResult({ workload: w, target: o.label, opsPerSecond: fast ? 10_000 : 1000, p50Ms: fast ? 1 : 4, p99Ms: fast ? 2 : 20 });
    },
  });
  t.is(stopped.length, report.pairs.length * 2 - 1, 'every started server stopped (sns has no peer)');
  const s3 = report.ratios.filter((r) => r.scope === 'total');
  t.deepEqual(s3.map((r) => r.workload), ['s3-small-objects', 's3-list-heavy', 's3-mixed']);
  t.true(s3.every((r) => r.peer === 's3rver' && r.ratio.opsPerSecond! > 9 && r.ratio.p50! < 0.5));
  t.true(report.ratios.some((r) => r.scope === 'download'), 'per operation rows too');
  const dyn = report.pairs.filter((p) => p.service === 'dynamodb');
  t.true(dyn.every((p) => p.boltstack.status === 'not-implemented' && p.peer?.status === 'ok'));
  const sns = report.pairs.find((p) => p.service === 'sns')!;
  t.deepEqual([sns.boltstack.status, sns.boltstack.note, sns.peer], ['failed', 'InvalidAction', null]);
  const text = formatPeers(report);
  t.regex(text, /s3-small-objects\s+total\s+s3rver\s+10,000\s+1,000\s+10\.00×/);
  t.regex(text, /dynamodb-crud: boltstack: not implemented yet; dynalite: 1,000 ops\/s/);
  t.regex(text, /sns-fanout: boltstack: failed \(InvalidAction\); no peer emulator/);
  t.is(report.s3Figures, null);
});

test('parsePeersArgs', (t) => {
  const a = parsePeersArgs(['--duration', '10s', '--only=s3,dynamodb', '--out', 'p.json', '--figures', '1,3', '--reps', '1']);
  t.is(a.durationSeconds, 10);
  t.deepEqual(a.only, ['s3', 'dynamodb']);
  t.is(a.out, 'p.json');
  t.deepEqual(a.s3FiguresArgs, ['--duration', '10', '--only', '1,3', '--reps', '1']);
  t.is(parsePeersArgs(['--no-s3-figures']).s3FiguresArgs, null);
  t.true(parsePeersArgs(['-h']).help);
  t.throws(() => parsePeersArgs(['--only', 's3,ec2']), { instanceOf: PeersUsageError, message: /--only/ });
  t.throws(() => parsePeersArgs(['--duration', 'soon']), { instanceOf: PeersUsageError, message: /--duration/ });
  t.throws(() => parsePeersArgs(['--figures', '7']), { instanceOf: PeersUsageError });
  t.throws(() => parsePeersArgs(['--bogus']), { instanceOf: PeersUsageError, message: /unknown option/ });
});

test('bench peers from an installed package (no peer emulators, no bench/) says so in one line', (t) => {
  t.is(peersUnavailable({ resolves: () => true, exists: () => true }), undefined);
  const line = peersUnavailable({ resolves: (p) => p !== 'dynalite', exists: (f) => !f.includes('s3rver-server') });
  t.truthy(line);
  t.false(line!.includes('\n'));
  t.regex(line!, /missing: dynalite, bench\/peers\/s3rver-server\.ts/);
  t.regex(line!, /npm ci && npx boltstack bench peers/);
});

test('in a clone every peer and bench file is present', (t) => {
  t.is(peersUnavailable(), undefined);
});
