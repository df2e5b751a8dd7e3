/**
 * s3-sdk-get: GetObject of a 4 KiB object with the request a real SDK sends — captured once from
 * `@aws-sdk/client-s3` with default settings (Authorization SigV4 header, x-amz-checksum-mode,
 * user agents, invocation id, retry header...; bench/lib/sdk-request.ts) and replayed unchanged by
 * autocannon — against boltstack and the peer s3rver, each its own process on 127.0.0.1.
 * Issue #7's figure: >= 10x s3rver's ops/s and boltstack's server CPU <= 50 µs per request.
 * Both servers run side by side and the repetitions alternate boltstack/s3rver, so drift on a
 * shared machine hits both; ops/s and CPU are medians, the ratio is the median of paired runs.
 * Server CPU per request is utime+stime of the server process (/proc/PID/stat, all threads) over
 * the run divided by the 2xx answers: the figure that noise from other processes moves least.
 * Options: --duration S (10), --connections N (16), --reps N (3), --no-peer.
 */
import { randomBytes } from 'node:crypto';
import { environment } from '../lib/environment.js';
import { figure } from '../lib/figure.js';
import { closeConnections } from '../lib/http-stream.js';
import { runLoad, type LoadResult } from '../lib/load.js';
import { createPresigner } from '../lib/presign.js';
import { startByName, type ServerName } from '../lib/servers.js';
import type { ServerProcess } from '../lib/server-process.js';
import { captureSdkGetObject, replay, type CapturedRequest } from '../lib/sdk-request.js';
import { median, round } from '../lib/stats.js';
import { expectOk } from './s3/small-get.js';
import { send } from '../lib/http-stream.js';

export const description = 'GetObject 4 KiB with the headers the AWS SDK v3 sends (captured, replayed by autocannon at 16 connections): boltstack vs s3rver ops/s and server CPU per request';

function option(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(name);
  const v = i >= 0 ? Number(args[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

interface Target { name: ServerName; server: ServerProcess; request: CapturedRequest; samples: LoadResult[] }

const BUCKET = 'bench-sdk-get';
const KEY = 'obj-4k';

/** Seeds the object, captures the SDK's GetObject and checks that its replay gets the same bytes. */
async function prepare(name: ServerName, log: (m: string) => void): Promise<Target> {
  const server = await startByName(name);
  try {
    const presigner = createPresigner(server.endpoint);
    const data = randomBytes(4096);
    try {
      await expectOk(send('PUT', await presigner.createBucket(BUCKET)), 'CreateBucket');
      await expectOk(send('PUT', await presigner.putObject(BUCKET, KEY), data), 'PutObject');
    } finally {
      presigner.destroy();
    }
    const request = await captureSdkGetObject(server.endpoint, BUCKET, KEY, data);
    const again = await replay(server.endpoint, request);
    if (again.status !== 200 || !again.body.equals(data)) throw new Error(`${name}: the replayed SDK request got ${again.status} (${again.body.length} bytes): ${again.body.toString().slice(0, 300)}`);
    log(`[${name}] pid ${server.pid}, SDK request captured: ${Object.keys(request.headers).join(', ')}`);
    return { name, server, request, samples: [] };
  } catch (err) {
    await server.stop();
    throw err;
  }
}

function load(t: Target, o: { connections: number; durationSec: number }): Promise<LoadResult> {
  return runLoad({ url: t.server.endpoint + t.request.path, method: t.request.method, headers: t.request.headers, connections: o.connections, pipelining: 1, durationSec: o.durationSec, serverPid: t.server.pid });
}

function summary(t: Target, durationSec: number): Record<string, unknown> {
  const cpu = t.samples.map((s) => s.serverCpuUsPerOp ?? NaN);
  return {
    opsPerSec: median(t.samples.map((s) => s.opsPerSec)),
    serverCpuUsPerOp: median(cpu),
    // Share of one core the server used: tells a server-bound run from a client-bound one.
    serverCoreShare: round(median(t.samples.map((s) => ((s.serverCpuUsPerOp ?? 0) * s.ok) / (durationSec * 1e6))), 2),
    latencyP99Ms: median(t.samples.map((s) => s.latencyP99Ms)),
    non2xx: t.samples.reduce((a, s) => a + s.non2xx + s.errors, 0),
    samples: t.samples,
  };
}

export async function run(args: string[], log: (message: string) => void): Promise<unknown> {
  const o = { durationSec: option(args, '--duration', 10), connections: option(args, '--connections', 16), reps: option(args, '--reps', 3) };
  const names: ServerName[] = args.includes('--no-peer') ? ['boltstack'] : ['boltstack', 's3rver'];
  const env = environment();
  const targets: Target[] = [];
  try {
    for (const name of names) targets.push(await prepare(name, log));
    // Warm-up, not measured: JIT, lazy module loading, LevelDB caches.
    for (const t of targets) await load(t, { connections: o.connections, durationSec: 2 });
    for (let rep = 0; rep < o.reps; rep++) {
      for (const t of targets) {
        const s = await load(t, o);
        t.samples.push(s);
        log(`[${t.name}] rep ${rep + 1}/${o.reps}: ${s.opsPerSec} ops/s, server ${s.serverCpuUsPerOp} µs CPU/req, p99 ${s.latencyP99Ms} ms, non-2xx ${s.non2xx + s.errors}`);
      }
    }
  } finally {
    closeConnections();
    for (const t of targets) await t.server.stop();
  }
  const [b, p] = targets as [Target, Target | undefined];
  const bs = summary(b, o.durationSec);
  const ps = p ? summary(p, o.durationSec) : null;
  // Each boltstack run is paired with the s3rver run right after it.
  const pairedRatio = p ? round(median(b.samples.map((s, i) => s.opsPerSec / p.samples[i]!.opsPerSec)), 2) : null;
  const invalid = b.samples.some((s) => s.ok === 0 || s.non2xx + s.errors > 0);
  const figures = [
    figure('GetObject 4 KiB, SDK headers, ops/s', 'ops/s', bs.opsPerSec as number, (ps?.opsPerSec as number | undefined) ?? null, { on: 'ratio', op: '>=', limit: 10, text: '>= 10x s3rver' }, { pairedRatio }),
    figure('GetObject 4 KiB, SDK headers, server CPU per request', 'µs', bs.serverCpuUsPerOp as number, (ps?.serverCpuUsPerOp as number | undefined) ?? null, { on: 'value', op: '<', limit: 50.5, text: '<= 50 µs' }),
  ];
  if (invalid) for (const f of figures) f.pass = false;
  return {
    benchmark: 's3-sdk-get',
    environment: env,
    options: { ...o, pipelining: 1, objectBytes: 4096 },
    request: { method: b.request.method, path: b.request.path, headers: b.request.headers },
    figures,
    boltstack: bs,
    peer: ps,
  };
}
