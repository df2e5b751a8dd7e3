/**
 * Micro benchmark: the gateway's own cost for the AWS SDK's GetObject of 4 KiB (bench s3-sdk-get's
 * request, headers as @aws-sdk/client-s3 sends them), in process: no sockets, no uWS, no client,
 * so what the pipeline (fast path, handler, native-store read, encode, send) costs stands out
 * from the noise of a shared machine. 16 requests in flight, as the macro benchmark.
 * Prints JSON: CPU µs per request of each repetition, their minimum and median, and the young
 * generation collections (scavenges) per 1,000 requests, which track the bytes allocated per
 * request; run with a fixed semi-space so that count is comparable between commits:
 *   node --min-semi-space-size=1 --max-semi-space-size=1 dist/bench/micro/gateway-sdk-get.js [--requests 8000] [--reps 8]
 */
import { PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import type { HttpRequest, HttpResponse, RequestHandler } from '../../src/server/types.js';
import { inMemoryRequest } from '../../src/server/in-memory-request.js';
import { openInProcessGateway } from '../lib/in-process-gateway.js';

const arg = (name: string, fallback: number): number => Number(process.argv[process.argv.indexOf(name) + 1]) || fallback;
const requests = arg('--requests', 8000);
const reps = arg('--reps', 8);

/** What @aws-sdk/client-s3 (default settings) sent with GetObject, captured by bench/lib/sdk-request.ts. */
const SDK_HEADERS: Record<string, string> = {
  'x-amz-checksum-mode': 'ENABLED',
  'x-amz-user-agent': 'aws-sdk-js/3.1168.0',
  'user-agent': 'aws-sdk-js/3.1168.0 ua/2.1 os/linux#6.18.44 lang/js md/nodejs#20.20.2 api/s3#3.1168.0 m/N,Z,b,E,e',
  host: '127.0.0.1:4566',
  'amz-sdk-invocation-id': '9770d576-566f-431d-99a4-efd2cbf28968',
  'amz-sdk-request': 'attempt=1; max=3',
  'x-amz-date': '20261205T073708Z',
  'x-amz-content-sha256': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  authorization: 'AWS4-HMAC-SHA256 Credential=S3RVER/20261205/us-east-1/s3/aws4_request, SignedHeaders=amz-sdk-invocation-id;amz-sdk-request;host;x-amz-checksum-mode;x-amz-content-sha256;x-amz-date;x-amz-user-agent, Signature=3b3b871b03e586698f7ab9f9c7b99a3b64741d4c6730ded0f350492ccd0cdce7',
  connection: 'keep-alive',
};

/** One request through the handler; resolves with the status once the response is written. */
function call(handler: RequestHandler, method: string, path: string, query: string, headers: Record<string, string>, body?: Buffer): Promise<number> {
  // A fresh header object per request, as the adapter copies one; the body only if asked for.
  const copy: Record<string, string> = {};
  for (const name in headers) copy[name] = headers[name]!;
  const req: HttpRequest = inMemoryRequest({ method, path, query, headers: copy }, body);
  return new Promise((resolve) => {
    const res: HttpResponse = {
      aborted: false,
      onAborted: () => undefined,
      send: (status) => resolve(status),
      stream: async (status, _headers, source) => {
        for await (const _ of source) { /* drain */ }
        resolve(status);
      },
    };
    handler(req, res);
  });
}

const { gateway, close } = await openInProcessGateway('gateway');
try {
  const plain = { host: '127.0.0.1:4566' };
  if (await call(gateway, 'PUT', '/bench-gateway', '', plain) !== 200) throw new Error('CreateBucket failed');
  if (await call(gateway, 'PUT', '/bench-gateway/obj-4k', '', { ...plain, 'content-length': '4096' }, Buffer.alloc(4096, 7)) !== 200) throw new Error('PutObject failed');
  const get = (): Promise<number> => call(gateway, 'GET', '/bench-gateway/obj-4k', 'x-id=GetObject', SDK_HEADERS);
  if (await get() !== 200) throw new Error('GetObject failed');

  let scavenges = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (((entry as PerformanceEntry & { detail?: { kind?: number } }).detail)?.kind === 1) scavenges++;
  });
  observer.observe({ entryTypes: ['gc'] });
  const usPerRequest: number[] = [];
  const scavengesPer1000: number[] = [];
  for (let rep = 0; rep < reps + 1; rep++) {
    const cpu = process.cpuUsage();
    const before = scavenges;
    let next = 0;
    await Promise.all(Array.from({ length: 16 }, async () => {
      while (next++ < requests) if (await get() !== 200) throw new Error('GetObject failed');
    }));
    const used = process.cpuUsage(cpu);
    await new Promise((r) => setImmediate(r)); // let the gc entries of this repetition arrive
    if (rep === 0) continue; // warm-up
    usPerRequest.push(Math.round(((used.user + used.system) / requests) * 100) / 100);
    scavengesPer1000.push(Math.round(((scavenges - before) * 1000 / requests) * 100) / 100);
  }
  observer.disconnect();
  const sorted = [...usPerRequest].sort((a, b) => a - b);
  process.stdout.write(JSON.stringify({
    bench: 'gateway-sdk-get', requests, reps,
    cpuUsPerRequest: { min: sorted[0], median: sorted[sorted.length >> 1], samples: usPerRequest },
    scavengesPer1000Requests: [...scavengesPer1000].sort((a, b) => a - b)[scavengesPer1000.length >> 1],
  }, null, 2) + '\n');
} finally {
  await close();
}
