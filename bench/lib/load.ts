/**
 * autocannon, typed just as far as the bench uses it (the package ships no types). Runs one
 * bounded load (duration in seconds) against one URL and returns requests/s, latency and the
 * count of non-2xx answers and errors, which make a run invalid rather than fast.
 */
import { createRequire } from 'node:module';

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

export interface LoadOptions { url: string; connections: number; pipelining: number; durationSec: number; method?: string }
export interface LoadResult {
  opsPerSec: number;
  total: number;
  ok: number;
  non2xx: number;
  errors: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  bytesPerSec: number;
}

export function runLoad(o: LoadOptions): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    autocannon({
      url: o.url, method: o.method ?? 'GET', connections: o.connections, pipelining: o.pipelining,
      duration: o.durationSec, timeout: 10,
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
