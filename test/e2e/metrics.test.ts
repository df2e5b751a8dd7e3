/**
 * GET /_boltstack/metrics (docs/metrics.md): scraped after real SDK requests and parsed strictly
 * (test/helpers/prometheus.ts), the counts, status classes, bytes and histograms add up.
 */
import test from 'ava';
import { connect } from 'node:net';
import { CreateBucketCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { s3Client, startBoltstack, uniqueBucket } from '../helpers/server.js';
import { errorOf } from '../helpers/errors.js';
import { parsePrometheus, valueOf, type Family } from '../helpers/prometheus.js';
import type { Boltstack } from '../../src/index.js';

let server: Boltstack;
test.before(async () => { server = await startBoltstack(); });
test.after.always(async () => { await server?.stop(); });

async function scrape(): Promise<Map<string, Family>> {
  const res = await fetch(`${server.endpoint}/_boltstack/metrics`);
  if (res.status !== 200) throw new Error(`metrics answered ${res.status}`);
  if (res.headers.get('content-type') !== 'text/plain; version=0.0.4; charset=utf-8') throw new Error(`content-type ${res.headers.get('content-type')}`);
  return parsePrometheus(await res.text());
}

const op = (operation: string, extra: Record<string, string> = {}): Record<string, string> => ({ service: 's3', operation, ...extra });

test.serial('counts, status classes, bytes and latency histograms add up after SDK requests', async (t) => {
  const before = await scrape();
  t.is(valueOf(before, 'boltstack_requests_in_flight'), 0);
  t.is(valueOf(before, 'boltstack_build_info', { http_adapter: server.httpAdapter }), 1);
  t.true(valueOf(before, 'process_resident_memory_bytes')! > 10e6);
  t.true(valueOf(before, 'nodejs_heap_size_used_bytes')! > 0);
  t.is(valueOf(before, 'boltstack_pool_queue_length'), 0);
  t.is(valueOf(before, 'boltstack_requests_total', op('PutObject')), undefined, 'nothing counted before the first request');

  const s3 = s3Client(server.endpoint);
  const bucket = uniqueBucket('metrics');
  const body = Buffer.alloc(3000, 7);
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  for (let i = 0; i < 3; i++) await s3.send(new PutObjectCommand({ Bucket: bucket, Key: `k${i}`, Body: body }));
  for (let i = 0; i < 2; i++) await (await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'k0' }))).Body!.transformToByteArray();
  t.is((await errorOf(s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'missing' })))).name, 'NoSuchKey');
  await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'k1' }));
  // Nothing AWS recognises: counted under service/operation "unknown".
  t.is((await fetch(`${server.endpoint}/`, { method: 'PATCH' })).status >= 400, true);

  const after = await scrape();
  t.is(valueOf(after, 'boltstack_requests_total', op('CreateBucket', { status: '2xx' })), 1);
  t.is(valueOf(after, 'boltstack_requests_total', op('PutObject', { status: '2xx' })), 3);
  t.is(valueOf(after, 'boltstack_requests_total', op('GetObject', { status: '2xx' })), 2);
  t.is(valueOf(after, 'boltstack_requests_total', op('GetObject', { status: '4xx' })), 1);
  t.is(valueOf(after, 'boltstack_requests_total', op('HeadObject', { status: '2xx' })), 1);
  t.is(valueOf(after, 'boltstack_requests_total', op('PutObject', { status: '4xx' })), undefined);
  t.true((valueOf(after, 'boltstack_requests_total', { service: 'unknown', operation: 'unknown' }) ?? 0) >= 1);
  t.is(valueOf(after, 'boltstack_requests_in_flight'), 0, 'the scrape itself is not an AWS request');

  // Each histogram's _count is the sum of its operation's status classes; _sum is plausible.
  const requests = after.get('boltstack_requests_total')!.samples;
  for (const operation of ['CreateBucket', 'PutObject', 'GetObject', 'HeadObject']) {
    const answered = requests.filter((s) => s.labels.operation === operation && s.labels.service === 's3').reduce((n, s) => n + s.value, 0);
    t.is(valueOf(after, 'boltstack_request_duration_seconds_count', op(operation)), answered, operation);
    t.is(valueOf(after, 'boltstack_request_duration_seconds_bucket', op(operation, { le: '+Inf' })), answered, operation);
    const sum = valueOf(after, 'boltstack_request_duration_seconds_sum', op(operation))!;
    t.true(sum > 0 && sum < answered * 10, `${operation} sum ${sum}`);
  }
  const buckets = after.get('boltstack_request_duration_seconds')!.samples.filter((s) => s.name.endsWith('_bucket') && s.labels.operation === 'PutObject');
  t.deepEqual(buckets.map((s) => s.labels.le), ['0.0005', '0.001', '0.0025', '0.005', '0.01', '0.025', '0.05', '0.1', '0.25', '0.5', '1', '2.5', '5', '10', '+Inf']);

  // Bodies: three 3,000-byte uploads in (plus any aws-chunked framing), two 3,000-byte reads out
  // plus the NoSuchKey document; HEAD sends no body.
  const putIn = valueOf(after, 'boltstack_request_body_bytes_total', op('PutObject'))!;
  t.true(putIn >= 3 * body.length && putIn < 3 * (body.length + 400), `PutObject bytes in ${putIn}`);
  const getOut = valueOf(after, 'boltstack_response_body_bytes_total', op('GetObject'))!;
  t.true(getOut > 2 * body.length && getOut < 2 * body.length + 1000, `GetObject bytes out ${getOut}`);
  t.is(valueOf(after, 'boltstack_response_body_bytes_total', op('HeadObject')), 0);
  t.is(valueOf(after, 'boltstack_request_body_bytes_total', op('GetObject')), 0);

  // The event-loop monitor started with the first scrape; the next one reports its quantiles.
  await new Promise((resolve) => setTimeout(resolve, 100));
  const later = await scrape();
  const p99 = valueOf(later, 'boltstack_event_loop_delay_seconds', { quantile: '0.99' });
  t.true(p99 !== undefined && p99 >= 0 && p99 < 5, `event-loop p99 ${p99}`);
});

test.serial('a client that leaves mid-upload is counted as aborted and leaves no request in flight', async (t) => {
  const s3 = s3Client(server.endpoint);
  const bucket = uniqueBucket('metrics-abort');
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  const before = valueOf(await scrape(), 'boltstack_requests_aborted_total', op('PutObject')) ?? 0;
  const { port } = new URL(server.endpoint);
  const socket = connect(Number(port), '127.0.0.1');
  await new Promise<void>((resolve) => socket.once('connect', resolve));
  socket.write(`PUT /${bucket}/half HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100000\r\n\r\n${'x'.repeat(1000)}`);
  await new Promise((resolve) => setTimeout(resolve, 200));
  t.is(valueOf(await scrape(), 'boltstack_requests_in_flight'), 1, 'the upload is in flight');
  socket.destroy();
  let after = await scrape();
  for (let i = 0; i < 50 && valueOf(after, 'boltstack_requests_in_flight') !== 0; i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    after = await scrape();
  }
  t.is(valueOf(after, 'boltstack_requests_in_flight'), 0);
  t.is(valueOf(after, 'boltstack_requests_aborted_total', op('PutObject')), before + 1);
});

test.serial('only GET is allowed', async (t) => {
  const res = await fetch(`${server.endpoint}/_boltstack/metrics`, { method: 'POST' });
  t.is(res.status, 405);
});

test('the strict parser rejects what a scraper would', (t) => {
  const bad = [
    'x_total 1\n', // no TYPE
    '# TYPE x counter\nx 1\n', // counter not _total
    '# TYPE x_total counter\nx_total{a="1} 1\n', // unterminated label
    '# TYPE x_total counter\nx_total 1\nx_total 2\n', // duplicate series
    '# TYPE h histogram\nh_bucket{le="1"} 2\nh_bucket{le="+Inf"} 1\nh_sum 1\nh_count 1\n', // not cumulative
    '# TYPE h histogram\nh_bucket{le="1"} 1\nh_sum 1\nh_count 1\n', // no +Inf
    '# TYPE a gauge\na 1\n# TYPE b gauge\nb 1\na 2\n', // split family
    '# TYPE a gauge\na 1', // no final newline
  ];
  for (const text of bad) t.throws(() => parsePrometheus(text), undefined, JSON.stringify(text));
  t.notThrows(() => parsePrometheus('# HELP h x\n# TYPE h histogram\nh_bucket{le="1"} 1\nh_bucket{le="+Inf"} 2\nh_sum 3.5\nh_count 2\n'));
});
