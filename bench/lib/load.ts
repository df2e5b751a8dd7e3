/**
 * autocannon, typed just as far as the bench uses it (the package ships no types). Runs one
 * bounded load (duration in seconds) against one URL and returns requests/s, latency and the
 * count of non-2xx answers and errors, which make a run invalid rather than fast.
 */
import { createRequire } from 'node:module';
import { readCpuMs } from './proc-status.js';
import { readThreadCpu, splitThreadCpu } from './thread-cpu.js';

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number };
  throughput: { average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  '2xx': number;
}
type Autocannon = (opts: Record<string, unknown>, cb: (err: Error | null, res: AutocannonResult) => void) => unknown;

const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

export interface LoadOptions {
  url: string;
  connections: number;
  pipelining: number;
  durationSec: number;
  method?: string;
  /** Sent on every request as given (a `host` here replaces autocannon's own). */
  headers?: Record<string, string>;
  /** Request body, the same on every request (a POST's JSON, say). */
  body?: string;
  /** Per-request timeout, s (autocannon counts a timeout as an error). Default 10. */
  timeoutSec?: number;
  /** The server's pid: its CPU time per answered request is reported too (less noisy than ops/s on a shared machine). */
  serverPid?: number;
}
export interface LoadResult {
  opsPerSec: number;
  total: number;
  ok: number;
  non2xx: number;
  errors: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  bytesPerSec: number;
  /** Server CPU time (all threads) per 2xx answer, µs; null without serverPid. */
  serverCpuUsPerOp: number | null;
  /**
   * The server's main thread: its CPU per 2xx answer (µs) and its share of the wall time (0-1);
   * null without serverPid. A share well below 1 at full load says the server waits (for its
   * store's writes, say) rather than computes: ops/s then follows latency, not CPU.
   */
  serverMainCpuUsPerOp: number | null;
  serverMainBusy: number | null;
}

export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const pid = o.serverPid;
  const cpu0 = pid ? await readCpuMs(pid) : 0;
  const threads0 = pid ? await readThreadCpu(pid) : undefined;
  const started = performance.now();
  const r = await cannon(o);
  const wallMs = performance.now() - started;
  const cpu1 = pid ? await readCpuMs(pid) : 0;
  const main = pid && threads0 ? splitThreadCpu(pid, threads0, await readThreadCpu(pid)).mainMs : undefined;
  const answered = pid !== undefined && r.ok > 0;
  return {
    ...r,
    serverCpuUsPerOp: answered ? Math.round(((cpu1 - cpu0) * 1000) / r.ok) : null,
    serverMainCpuUsPerOp: answered && main !== undefined ? Math.round((main * 1000) / r.ok) : null,
    serverMainBusy: main !== undefined ? Math.round((main / wallMs) * 100) / 100 : null,
  };
}

function cannon(o: LoadOptions): Promise<Omit<LoadResult, 'serverCpuUsPerOp' | 'serverMainCpuUsPerOp' | 'serverMainBusy'>> {
  return new Promise((resolve, reject) => {
    autocannon({
      url: o.url, method: o.method ?? 'GET', connections: o.connections, pipelining: o.pipelining,
      ...(o.headers ? { headers: o.headers } : {}),
      ...(o.body !== undefined ? { body: o.body } : {}),
      duration: o.durationSec, timeout: o.timeoutSec ?? 10,
    }, (err, r) => {
      if (err) { reject(err); return; }
      resolve({
        // total/duration, not `average` of per-second samples: the latter drops the last partial second.
        opsPerSec: Math.round(r['2xx'] / o.durationSec),
        total: r.requests.total,
        ok: r['2xx'],
        non2xx: r.non2xx,
        errors: r.errors + r.timeouts,
        latencyP50Ms: r.latency.p50,
        latencyP99Ms: r.latency.p99,
        bytesPerSec: Math.round(r.throughput.average),
      });
    });
  });
}
