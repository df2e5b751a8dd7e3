/**
 * Micro benchmark: the gateway's own cost for dynamodb-figures' requests (GetItem and PutItem of
 * a 1 KiB item, a Query of 25 of a 100-item partition, forward and reverse, BatchWriteItem of 25
 * new items, a Scan of 10,000 items with a 10% filter), in
 * process: no sockets, no uWS, no client, so what decode, the handler, the store, encode and send
 * cost stands out from the noise of a shared machine. 16 requests in flight (4 for Scan), as the
 * macro benchmark. Headers are what @aws-sdk/client-dynamodb (default settings) sends.
 * Prints JSON per workload: process CPU µs per request (all threads: LevelDB writes on libuv's
 * pool count) of each repetition, their minimum and median, and young-generation collections
 * (scavenges) per 1,000 requests, which track the bytes allocated per request. Run with a fixed
 * semi-space, as the boltstack command sets it, so that count is comparable between commits:
 *   node --min-semi-space-size=1 --max-semi-space-size=1 dist/bench/micro/dynamodb-gateway.js [--only get,put,query,query-reverse,batch,scan] [--requests 8000] [--reps 6]
 */
import { PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import type { HttpRequest, HttpResponse, RequestHandler } from '../../src/server/types.js';
import { inMemoryRequest } from '../../src/server/in-memory-request.js';
import { openInProcessGateway } from '../lib/in-process-gateway.js';
import { loadBody, QUERY_PARTITION, SCAN_ITEMS } from '../macro/dynamodb/seed.js';

const arg = (name: string, fallback: number): number => Number(process.argv[process.argv.indexOf(name) + 1]) || fallback;
const requests = arg('--requests', 8000);
const reps = arg('--reps', 6);
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? process.argv[onlyAt + 1]!.split(',') : ['get', 'put', 'query', 'query-reverse', 'batch', 'scan'];

/** What @aws-sdk/client-dynamodb 3.1161 sent with GetItem (captured by bench/macro/dynamodb/capture.ts); the target varies. */
const SDK_HEADERS: Record<string, string> = {
  'content-type': 'application/x-amz-json-1.0',
  'x-amz-user-agent': 'aws-sdk-js/3.1161.0',
  'user-agent': 'aws-sdk-js/3.1161.0 ua/2.1 os/linux#6.18.44-fc-v1272 lang/js md/nodejs#20.20.2 api/dynamodb#3.1161.0 m/N,E,P,e',
  host: '127.0.0.1:41313',
  'amz-sdk-invocation-id': '8f7f95c1-a37a-4e60-8c2e-ce2c0781877e',
  'amz-sdk-request': 'attempt=1; max=1',
  'x-amz-date': '20261205T184407Z',
  'x-amz-content-sha256': 'e8c6b38cbeb1f632a0a522d19d4cab5ce403e6368061b929fc685d041c93c771',
  authorization: 'AWS4-HMAC-SHA256 Credential=bench/20261205/us-east-1/dynamodb/aws4_request, SignedHeaders=amz-sdk-invocation-id;amz-sdk-request;content-length;content-type;host;x-amz-content-sha256;x-amz-date;x-amz-target;x-amz-user-agent, Signature=9a409ec86edb090747d2100d264d1049c95aba525d37ba86e311ba7e3dc18e08',
};

/** One request through the handler; resolves with the status and body once the response is written. */
function call(handler: RequestHandler, operation: string, body: string): Promise<{ status: number; body: string }> {
  const bytes = Buffer.from(body);
  // A fresh header object per request, as the adapter copies one.
  const headers: Record<string, string> = { 'x-amz-target': `DynamoDB_20120810.${operation}`, 'content-length': String(bytes.length) };
  for (const name in SDK_HEADERS) headers[name] = SDK_HEADERS[name]!;
  const req: HttpRequest = inMemoryRequest({ method: 'POST', path: '/', query: '', headers }, bytes);
  return new Promise((resolve) => {
    const res: HttpResponse = {
      aborted: false,
      onAborted: () => undefined,
      send: (status, _headers, answer) => resolve({ status, body: typeof answer === 'string' ? answer : Buffer.from(answer ?? '').toString() }),
      stream: async (status, _headers, source) => {
        for await (const _ of source) { /* drain */ }
        resolve({ status, body: '' });
      },
    };
    handler(req, res);
  });
}

async function ok(handler: RequestHandler, operation: string, body: string): Promise<string> {
  const r = await call(handler, operation, body);
  if (r.status !== 200) throw new Error(`${operation}: ${r.status} ${r.body}`);
  return r.body;
}

const hashTable = (TableName: string): string => JSON.stringify({ TableName, BillingMode: 'PAY_PER_REQUEST', AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }] });

/** dynamodb-figures' Query: 25 items of the 100 in partition "p", in either direction. */
const queryBody = (forward: boolean): string => JSON.stringify({
  TableName: 'bench-query', ...(forward ? {} : { ScanIndexForward: false }),
  KeyConditionExpression: 'pk = :p AND sk BETWEEN :a AND :b', ExpressionAttributeValues: { ':p': { S: 'p' }, ':a': { N: '10' }, ':b': { N: '34' } },
});

/** Each workload: its operation, requests in flight, and the body of request n. */
const WORKLOADS: Record<string, { operation: string; inFlight: number; body: (n: number) => string; requests?: number }> = {
  get: { operation: 'GetItem', inFlight: 16, body: () => JSON.stringify({ TableName: 'bench-kv', Key: { id: { S: 'k' } } }) },
  put: { operation: 'PutItem', inFlight: 16, body: () => JSON.stringify({ TableName: 'bench-kv', Item: { id: { S: 'k2' }, data: { S: 'x'.repeat(1024) } } }) },
  query: { operation: 'Query', inFlight: 16, body: () => queryBody(true), requests: Math.ceil(requests / 4) },
  'query-reverse': { operation: 'Query', inFlight: 16, body: () => queryBody(false), requests: Math.ceil(requests / 4) },
  batch: { operation: 'BatchWriteItem', inFlight: 16, body: (n) => loadBody(n), requests: Math.ceil(requests / 4) },
  scan: { operation: 'Scan', inFlight: 4, body: () => JSON.stringify({ TableName: 'bench-scan', FilterExpression: 'n < :x', ExpressionAttributeValues: { ':x': { N: '1000' } } }), requests: Math.max(20, Math.ceil(requests / 200)) },
};

const { gateway, close } = await openInProcessGateway('dynamodb');
try {
  await ok(gateway, 'CreateTable', hashTable('bench-kv'));
  await ok(gateway, 'CreateTable', hashTable('bench-scan'));
  await ok(gateway, 'CreateTable', hashTable('bench-load'));
  await ok(gateway, 'PutItem', JSON.stringify({ TableName: 'bench-kv', Item: { id: { S: 'k' }, data: { S: 'x'.repeat(1024) } } }));
  if (only.some((w) => w.startsWith('query'))) {
    await ok(gateway, 'CreateTable', JSON.stringify({
      TableName: 'bench-query', BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'sk', AttributeType: 'N' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
    }));
    for (let i = 0; i < QUERY_PARTITION; i += 25) {
      const items = Array.from({ length: 25 }, (_, j) => ({ PutRequest: { Item: { pk: { S: 'p' }, sk: { N: String(i + j) }, v: { S: 'y'.repeat(100) } } } }));
      await ok(gateway, 'BatchWriteItem', JSON.stringify({ RequestItems: { 'bench-query': items } }));
    }
  }
  if (only.includes('scan')) {
    for (let i = 0; i < SCAN_ITEMS; i += 25) {
      const items = Array.from({ length: 25 }, (_, j) => ({ PutRequest: { Item: { id: { S: `item-${String(i + j).padStart(5, '0')}` }, n: { N: String(i + j) }, v: { S: 'z'.repeat(16) } } } }));
      await ok(gateway, 'BatchWriteItem', JSON.stringify({ RequestItems: { 'bench-scan': items } }));
    }
  }

  let scavenges = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (((entry as PerformanceEntry & { detail?: { kind?: number } }).detail)?.kind === 1) scavenges++;
  });
  observer.observe({ entryTypes: ['gc'] });
  const out: Record<string, unknown> = {};
  let batchNo = 0;
  for (const name of only) {
    const w = WORKLOADS[name];
    if (!w) throw new Error(`unknown workload ${name}`);
    const count = w.requests ?? requests;
    const same = name === 'batch' ? undefined : w.body(0);
    const usPerRequest: number[] = [];
    const scavengesPer1000: number[] = [];
    for (let rep = 0; rep < reps + 1; rep++) {
      const bodies = same === undefined ? Array.from({ length: count }, () => w.body(batchNo++)) : undefined;
      const cpu = process.cpuUsage();
      const before = scavenges;
      let next = 0;
      await Promise.all(Array.from({ length: w.inFlight }, async () => {
        while (next < count) await ok(gateway, w.operation, bodies ? bodies[next++]! : (next++, same!));
      }));
      const used = process.cpuUsage(cpu);
      await new Promise((r) => setImmediate(r)); // let the gc entries of this repetition arrive
      if (rep === 0) continue; // warm-up
      usPerRequest.push(Math.round(((used.user + used.system) / count) * 100) / 100);
      scavengesPer1000.push(Math.round(((scavenges - before) * 1000 / count) * 100) / 100);
    }
    const sorted = [...usPerRequest].sort((a, b) => a - b);
    out[name] = {
      operation: w.operation, requests: count, inFlight: w.inFlight,
      cpuUsPerRequest: { min: sorted[0], median: sorted[sorted.length >> 1], samples: usPerRequest },
      scavengesPer1000Requests: [...scavengesPer1000].sort((a, b) => a - b)[scavengesPer1000.length >> 1],
    };
  }
  observer.disconnect();
  process.stdout.write(JSON.stringify({ bench: 'dynamodb-gateway', requests, reps, workloads: out }, null, 2) + '\n');
} finally {
  await close();
}
