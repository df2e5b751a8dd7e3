/**
 * A BatchWriteItem load of `batches` × 25 distinct items, replayed by autocannon with the SDK's
 * captured headers and a fresh body per request (neither server checks the payload hash of the
 * signature, so the headers of one captured call serve every body). Returns items/s over the
 * whole load and the server's CPU per item.
 */
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { readCpuMs } from '../../lib/proc-status.js';
import type { CapturedCall } from './capture.js';
import { loadBody } from './seed.js';

type Autocannon = (opts: Record<string, unknown>, cb: (err: Error | null, res: { '2xx': number; non2xx: number; errors: number; timeouts: number }) => void) => { on(event: 'response', listener: () => void): void };
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

export interface BatchLoadResult { itemsPerSec: number; batches: number; seconds: number; failed: number; serverCpuUsPerItem: number }

export async function batchLoad(endpoint: string, call: CapturedCall, batches: number, connections: number, serverPid: number): Promise<BatchLoadResult> {
  const headers = { ...call.headers };
  delete headers['content-length'];
  delete headers.host;
  let next = 0;
  const cpu0 = await readCpuMs(serverPid);
  const t0 = performance.now();
  // The load ends at its last response. autocannon calls back with `amount` done only on its next
  // 1-second tick, so timing to the callback rounded every load up to whole seconds plus ~10 ms
  // (100,000 items took "2.01" or "3.01" s, and the items/s flipped between the two).
  let answered = 0;
  let tLast = 0;
  const r = await new Promise<{ '2xx': number; non2xx: number; errors: number; timeouts: number }>((resolve, reject) => {
    const instance = autocannon({
      url: endpoint + call.path, connections, pipelining: 1, amount: batches, timeout: 30,
      requests: [{ method: 'POST', headers, setupRequest: (req: Record<string, unknown>) => ({ ...req, body: loadBody(next++) }) }],
    }, (err, res) => (err ? reject(err) : resolve(res)));
    instance.on('response', () => { answered++; tLast = performance.now(); });
  });
  const seconds = ((answered > 0 ? tLast : performance.now()) - t0) / 1000;
  const cpu1 = await readCpuMs(serverPid);
  const items = r['2xx'] * 25;
  return {
    itemsPerSec: Math.round(items / seconds), batches: r['2xx'], seconds: Math.round(seconds * 100) / 100,
    failed: r.non2xx + r.errors + r.timeouts, serverCpuUsPerItem: items > 0 ? Math.round(((cpu1 - cpu0) * 1000) / items * 10) / 10 : 0,
  };
}
