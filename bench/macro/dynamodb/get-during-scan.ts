/**
 * GetItem latency while full-table Scans run (issue #8: "the p99 of concurrent GetItem during the
 * scan < 20 ms"): scanners replay the captured Scan back to back on a few connections while one
 * connection replays the captured GetItem, both for the same time; returns the GetItem latency
 * distribution (autocannon's histogram percentiles, ms) and both rates. A server whose Scan holds
 * the event loop shows it here as GetItem p99 near one Scan's duration.
 */
import { createRequire } from 'node:module';
import type { CapturedCall } from './capture.js';

interface Histogram { p50: number; p90: number; p99: number; p99_9: number; max: number }
interface Result { '2xx': number; non2xx: number; errors: number; timeouts: number; latency: Histogram }
type Autocannon = (opts: Record<string, unknown>, cb: (err: Error | null, res: Result) => void) => unknown;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

export interface GetDuringScanResult {
  getLatencyMs: Histogram;
  getsPerSec: number;
  scansPerSec: number;
  failed: number;
}

function replay(endpoint: string, call: CapturedCall, connections: number, durationSec: number): Promise<Result> {
  const { 'content-length': _length, ...headers } = call.headers;
  return new Promise((resolve, reject) => {
    autocannon({ url: endpoint + call.path, method: 'POST', headers, body: call.body, connections, pipelining: 1, duration: durationSec, timeout: 30 },
      (err, res) => (err ? reject(err) : resolve(res)));
  });
}

export async function getDuringScan(endpoint: string, get: CapturedCall, scan: CapturedCall, scanners: number, durationSec: number): Promise<GetDuringScanResult> {
  const [gets, scans] = await Promise.all([replay(endpoint, get, 1, durationSec), replay(endpoint, scan, scanners, durationSec)]);
  const { p50, p90, p99, p99_9, max } = gets.latency;
  return {
    getLatencyMs: { p50, p90, p99, p99_9, max },
    getsPerSec: Math.round(gets['2xx'] / durationSec),
    scansPerSec: Math.round((scans['2xx'] / durationSec) * 10) / 10,
    failed: gets.non2xx + gets.errors + gets.timeouts + scans.non2xx + scans.errors + scans.timeouts,
  };
}
