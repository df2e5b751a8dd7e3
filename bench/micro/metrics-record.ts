/**
 * Micro benchmark: what recording a request's metrics costs (src/metrics/request-metrics.ts,
 * begin() + finish() as the gateway calls them), against the same call shape with no recording.
 * The issue asks for metrics at zero cost when nobody scrapes: the difference is the cost per
 * request, to compare with the server CPU per request (GetObject 4 KiB: target 50 µs).
 * Three answers: a streamed GetObject, a PutObject with a body in, and a 2 KB XML string body
 * (whose UTF-8 length is measured).
 * Prints JSON: median ns per call of each and the recording's cost in ns (it includes one more
 * performance.now(), and for a string body its UTF-8 length, about 0.2 ns per byte).
 *   node dist/bench/micro/metrics-record.js [--time 1000]
 */
import { Bench } from 'tinybench';
import { Readable } from 'node:stream';
import { loadModel } from '../../src/model/generated/index.js';
import { RequestMetrics } from '../../src/metrics/request-metrics.js';
import type { WireResponse } from '../../src/protocols/types.js';
import type { HttpRequest, HttpResponse } from '../../src/server/types.js';
import { inMemoryRequest } from '../../src/server/in-memory-request.js';

const arg = (name: string, fallback: number): number => Number(process.argv[process.argv.indexOf(name) + 1]) || fallback;
const time = arg('--time', 1000);

const model = await loadModel('s3');
const metrics = new RequestMetrics();
const body = Readable.from([]);
const request = (method: string, headers: Record<string, string>): HttpRequest => inMemoryRequest({ method, path: '/b/k', query: '', headers });
const res = { aborted: false } as HttpResponse;

const cases: { name: string; req: HttpRequest; wire: WireResponse; operation: string }[] = [
  {
    name: 'GetObject 4 KiB (stream)', operation: 'GetObject',
    req: request('GET', { host: '127.0.0.1', authorization: 'AWS4-HMAC-SHA256 Credential=x' }),
    wire: { status: 200, headers: {}, stream: { stream: body, length: 4096 } },
  },
  {
    name: 'PutObject 4 KiB in', operation: 'PutObject',
    req: request('PUT', { host: '127.0.0.1', 'content-length': '4096' }),
    wire: { status: 200, headers: {}, body: '' },
  },
  {
    name: 'ListObjectsV2 2 KB XML', operation: 'ListObjectsV2',
    req: request('GET', { host: '127.0.0.1' }),
    wire: { status: 200, headers: {}, body: `<?xml version="1.0"?><ListBucketResult>${'<Contents><Key>k</Key></Contents>'.repeat(60)}</ListBucketResult>` },
  },
];

// What the gateway does without metrics: nothing. The baseline keeps the same call shape so
// tinybench's own overhead cancels out.
let sink = 0;
const none = (req: HttpRequest, wire: WireResponse, started: number): void => { sink += started + wire.status + req.method.length; };

// Each task makes INNER calls, so tinybench's timer granularity (tens of ns) is amortised.
const INNER = 100;
const bench = new Bench({ time, warmupTime: 200 });
for (const c of cases) {
  const operation = model.operations[c.operation]!;
  bench.add(`${c.name}: no metrics`, () => {
    for (let i = 0; i < INNER; i++) none(c.req, c.wire, performance.now());
  });
  bench.add(`${c.name}: recorded`, () => {
    for (let i = 0; i < INNER; i++) {
      const started = performance.now();
      metrics.begin();
      metrics.finish(c.req, res, c.wire, 's3', operation, performance.now() - started);
    }
  });
}
await bench.run();
const medianNs = (i: number): number => ((bench.tasks[i]!.result as { latency?: { p50: number } }).latency?.p50 ?? NaN) * 1e6 / INNER;
const results = cases.map((c, i) => {
  const baseline = medianNs(2 * i);
  const recorded = medianNs(2 * i + 1);
  return { case: c.name, baselineNs: Math.round(baseline), recordedNs: Math.round(recorded), costNs: Math.round(recorded - baseline) };
});
process.stdout.write(JSON.stringify({ bench: 'metrics-record', results, sink: sink > 0 }, null, 2) + '\n');
