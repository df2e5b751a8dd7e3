/**
 * Micro benchmark: resolving and decoding a presigned GetObject (figure 3 of s3-figures), the
 * generic way (detect service, match the route among the S3 GET templates, decode every input
 * member) against the plain-read fast path (src/gateway/s3-object-read.ts). DESIGN.md §3 asks
 * for a specialised hot path only when the generic one costs > 5% end to end: compare the
 * difference with the server CPU per request of figure 3 (`--cpu-us`, default 75).
 * Prints JSON: median µs of each, the difference, and that difference as a share of --cpu-us.
 *   node dist/bench/micro/object-read-resolve.js [--time 1000] [--cpu-us 75]
 */
import { Bench } from 'tinybench';
import { loadModel } from '../../src/model/generated/index.js';
import { decodeRestXml } from '../../src/protocols/rest-xml/decode.js';
import { scopeFromQuery } from '../../src/protocols/shared/sigv4-scope.js';
import { resolveOperation } from '../../src/gateway/resolve-operation.js';
import { plainObjectRead } from '../../src/gateway/s3-object-read.js';
import { createVirtualHostParser } from '../../src/gateway/s3-host.js';
import type { HttpRequest } from '../../src/server/types.js';
import { inMemoryRequest } from '../../src/server/in-memory-request.js';

const arg = (name: string, fallback: number): number => Number(process.argv[process.argv.indexOf(name) + 1]) || fallback;
const time = arg('--time', 1000);
const cpuUs = arg('--cpu-us', 75);

const model = await loadModel('s3');
const virtualHost = createVirtualHostParser();
const query = 'X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Content-Sha256=UNSIGNED-PAYLOAD&X-Amz-Credential=S3RVER%2F20261121%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20261121T183724Z&X-Amz-Expires=3600&X-Amz-Signature=47e499cccbad57b573eae16de2285ed1b297097adeab6105bc8c46bf38a9ca01&X-Amz-SignedHeaders=host&x-id=GetObject';
const headers = { host: '127.0.0.1:4566', connection: 'keep-alive', 'user-agent': 'autocannon' };
const req: HttpRequest = inMemoryRequest({ method: 'GET', path: '/bench-small/obj-4k', query, headers });
const scope = scopeFromQuery(query);

async function generic(): Promise<unknown> {
  const r = await resolveOperation(req, scope, virtualHost);
  return decodeRestXml({ model, operation: r.operation, requestId: 'R' }, { method: req.method, path: r.path, query, headers, body: Buffer.alloc(0) }, r.labels);
}

function fast(): unknown {
  const plain = plainObjectRead(model, req, scope, virtualHost);
  if (plain === undefined) throw new Error('not a plain read');
  return { ...plain.labels };
}

const bench = new Bench({ time, warmupTime: 200 });
bench.add('generic resolve + decode', generic);
bench.add('plain-read fast path', fast);
await bench.run();
const median = (i: number): number => ((bench.tasks[i]!.result as { latency?: { p50: number } }).latency?.p50 ?? NaN) * 1000;
const genericUs = median(0);
const fastUs = median(1);
process.stdout.write(JSON.stringify({
  bench: 'object-read-resolve', genericUs: Math.round(genericUs * 100) / 100, fastUs: Math.round(fastUs * 100) / 100,
  savedUs: Math.round((genericUs - fastUs) * 100) / 100, cpuUsPerRequest: cpuUs,
  savedShare: Math.round(((genericUs - fastUs) / cpuUs) * 1000) / 1000,
}, null, 2) + '\n');
