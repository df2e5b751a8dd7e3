/**
 * driver-overhead: the harness's own cost — requests/s of the `raw` S3 driver vs the `sdk` driver
 * against the same boltstack (a separate process on 127.0.0.1), for 4 KiB GetObject and
 * HeadObject. Issue 3 asks raw ≥ 3× sdk. Runs alternate sdk/raw per repetition so drift on a
 * shared machine hits both; reports the median req/s, the median paired ratio (the gate) and
 * client CPU µs per request.
 * Options: --duration S (5), --reps N (3), --concurrency N (32), --ops download,head.
 */
import { startEphemeralServer } from '../../src/bench/cli/ephemeral-server.js';
import { runBench } from '../../src/bench/run-bench.js';
import { toWorkload } from '../../src/bench/workload/parse.js';
import type { RunResult } from '../../src/bench/types.js';
import { environment } from '../lib/environment.js';
import { median, round } from '../lib/stats.js';

export const description = 'S3 raw vs sdk driver requests/s against one boltstack (4 KiB GET, HEAD): the raw driver should be ≥ 3× sdk';

function option(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(name);
  const v = i >= 0 ? Number(args[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

interface Sample { reqPerSec: number; clientCpuUsPerReq: number; p50Ms: number; p99Ms: number; errors: number }

function sample(r: RunResult): Sample {
  const cpuSeconds = (r.client.cpuPercent / 100) * r.durationSeconds;
  return {
    reqPerSec: r.total.opsPerSecond,
    clientCpuUsPerReq: round((cpuSeconds * 1e6) / Math.max(1, r.total.count), 1),
    p50Ms: r.total.latency.p50,
    p99Ms: r.total.latency.p99,
    errors: Object.values(r.total.errors).reduce((a, b) => a + b, 0),
  };
}

export async function run(args: string[], log: (message: string) => void): Promise<unknown> {
  const duration = option(args, '--duration', 5);
  const reps = option(args, '--reps', 3);
  const concurrency = option(args, '--concurrency', 32);
  const opsIndex = args.indexOf('--ops');
  const ops = (opsIndex >= 0 ? args[opsIndex + 1] ?? '' : 'download,head').split(',').filter(Boolean);
  const server = await startEphemeralServer();
  log(`boltstack at ${server.endpoint} (pid ${server.pid})`);
  const figures: Record<string, unknown> = {};
  try {
    for (const op of ops) {
      const workload = toWorkload({
        name: `driver-overhead-${op}`, service: 's3', mix: [{ op, weight: 1 }], concurrency, duration, warmup: 2,
        size: '4KiB', keys: { count: 100, prefix: 'overhead/', preload: 100 }, options: { bucket: 'bench-driver-overhead' },
      }, 'driver-overhead');
      const samples: Record<'sdk' | 'raw', Sample[]> = { sdk: [], raw: [] };
      for (let rep = 0; rep < reps; rep++) {
        for (const driver of ['sdk', 'raw'] as const) {
          const r = await runBench({ workload, endpoint: server.endpoint, driver, serverPid: server.pid });
          const s = sample(r);
          samples[driver].push(s);
          log(`${op} rep ${rep + 1}/${reps} ${driver}: ${Math.round(s.reqPerSec)} req/s, client ${s.clientCpuUsPerReq} µs CPU/req, p99 ${s.p99Ms} ms, server CPU ${r.server?.cpuPercent ?? '?'} %`);
        }
      }
      const med = (d: 'sdk' | 'raw', k: keyof Sample): number => median(samples[d].map((s) => s[k]));
      // Each raw run is paired with the sdk run just before it, so load from other processes on a
      // shared machine mostly cancels out of the ratio; the gate is the median paired ratio.
      const paired = median(samples.raw.map((r, i) => r.reqPerSec / samples.sdk[i]!.reqPerSec));
      figures[op] = {
        sdkReqPerSec: round(med('sdk', 'reqPerSec')),
        rawReqPerSec: round(med('raw', 'reqPerSec')),
        ratio: round(paired, 2),
        ratioOfMedians: round(med('raw', 'reqPerSec') / med('sdk', 'reqPerSec'), 2),
        sdkClientCpuUsPerReq: med('sdk', 'clientCpuUsPerReq'),
        rawClientCpuUsPerReq: med('raw', 'clientCpuUsPerReq'),
        clientCpuRatio: round(med('sdk', 'clientCpuUsPerReq') / med('raw', 'clientCpuUsPerReq'), 2),
        target: 3,
        pass: paired >= 3,
        samples,
      };
    }
  } finally {
    await server.stop();
  }
  return { benchmark: 'driver-overhead', options: { duration, reps, concurrency, ops }, environment: environment(), figures };
}
