/**
 * Micro benchmark: one SNS Publish to a topic with 10 SQS subscriptions (bench sns-fanout's
 * request and topic), in process: gateway, query decode, fan-out, signatures, the SQS copies'
 * durable batch on a real native store; no sockets, no client. Prints JSON: server CPU µs per
 * publish (all threads: signatures run in libuv's pool) and the V8 heap bytes allocated per
 * publish (from v8.GCProfiler's before/after statistics), per repetition, with their median.
 * Run with the young generation boltstack runs with, so GC work is comparable between commits:
 *   node --max-semi-space-size=1 --min-semi-space-size=1 dist/bench/micro/sns-publish.js [--publishes 3000] [--reps 5] [--raw] [--subscribers 10]
 */
import { GCProfiler } from 'node:v8';
import type { HttpRequest, HttpResponse, RequestHandler } from '../../src/server/types.js';
import { inMemoryRequest } from '../../src/server/in-memory-request.js';
import { openInProcessGateway } from '../lib/in-process-gateway.js';

const arg = (name: string, fallback: number): number => Number(process.argv[process.argv.indexOf(name) + 1]) || fallback;
const publishes = arg('--publishes', 3000);
const reps = arg('--reps', 5);
const subscribers = arg('--subscribers', 10);
const raw = process.argv.includes('--raw');

const HEADERS: Record<string, string> = {
  host: '127.0.0.1:4566',
  'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
  authorization: `AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/sns/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=${'0'.repeat(64)}`,
  'x-amz-date': '20260101T000000Z',
};

/** One query-protocol POST through the handler; resolves with the status and body. */
function call(handler: RequestHandler, service: 'sns' | 'sqs', body: string): Promise<{ status: number; text: string }> {
  const headers: Record<string, string> = {};
  for (const name in HEADERS) headers[name] = HEADERS[name]!;
  headers.authorization = headers.authorization!.replace('/sns/', `/${service}/`);
  const buffer = Buffer.from(body);
  headers['content-length'] = String(buffer.length);
  const req: HttpRequest = inMemoryRequest({ method: 'POST', path: '/', query: '', headers }, buffer);
  return new Promise((resolve) => {
    const res: HttpResponse = {
      aborted: false,
      onAborted: () => undefined,
      send: (status, _headers, out) => resolve({ status, text: out === undefined ? '' : out.toString() }),
      stream: async (status, _headers, source) => {
        for await (const _ of source) { /* drain */ }
        resolve({ status, text: '' });
      },
    };
    handler(req, res);
  });
}

async function ok(handler: RequestHandler, service: 'sns' | 'sqs', body: string): Promise<string> {
  const r = await call(handler, service, body);
  if (r.status !== 200) throw new Error(`${body.slice(0, 60)}: ${r.status} ${r.text}`);
  return r.text;
}

/** V8 heap bytes allocated while `profile` ran, from each GC's used size before and the previous one's after. */
function allocated(profile: ReturnType<GCProfiler['stop']>, usedAtStart: number, usedAtEnd: number): number {
  let total = 0;
  let last = usedAtStart;
  for (const s of profile?.statistics ?? []) {
    total += Math.max(0, s.beforeGC.heapStatistics.usedHeapSize - last);
    last = s.afterGC.heapStatistics.usedHeapSize;
  }
  return total + Math.max(0, usedAtEnd - last);
}

const used = (): number => process.memoryUsage().heapUsed;

const { gateway, close } = await openInProcessGateway('sns-publish');
try {
  const created = await ok(gateway, 'sns', 'Action=CreateTopic&Version=2010-03-31&Name=bench-fanout');
  const topicArn = /<TopicArn>([^<]+)<\/TopicArn>/.exec(created)![1]!;
  for (let i = 1; i <= subscribers; i++) {
    await ok(gateway, 'sqs', `Action=CreateQueue&Version=2012-11-05&QueueName=bench-fanout-${i}`);
    await ok(gateway, 'sns', `Action=Subscribe&Version=2010-03-31&TopicArn=${encodeURIComponent(topicArn)}&Protocol=sqs`
      + `&Endpoint=${encodeURIComponent(`arn:aws:sqs:us-east-1:000000000000:bench-fanout-${i}`)}`
      + (raw ? '&Attributes.entry.1.key=RawMessageDelivery&Attributes.entry.1.value=true' : ''));
  }
  const body = `Action=Publish&Version=2010-03-31&TopicArn=${encodeURIComponent(topicArn)}&Message=${'x'.repeat(200)}`;
  const cpuUs: number[] = [];
  const bytes: number[] = [];
  for (let rep = 0; rep < reps + 1; rep++) {
    const profiler = new GCProfiler();
    const start = used();
    profiler.start();
    const cpu = process.cpuUsage();
    let next = 0;
    await Promise.all(Array.from({ length: 16 }, async () => {
      while (next++ < publishes) await ok(gateway, 'sns', body);
    }));
    const spent = process.cpuUsage(cpu);
    const end = used();
    const profile = profiler.stop();
    if (rep === 0) continue; // warm-up
    cpuUs.push(Math.round((spent.user + spent.system) / publishes));
    bytes.push(Math.round(allocated(profile, start, end) / publishes));
  }
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
  process.stdout.write(JSON.stringify({
    bench: 'sns-publish', publishes, reps, subscribers, raw,
    cpuUsPerPublish: { median: median(cpuUs), min: Math.min(...cpuUs), samples: cpuUs },
    heapBytesAllocatedPerPublish: { median: median(bytes), samples: bytes },
  }, null, 2) + '\n');
} finally {
  await close();
}
