/**
 * Micro benchmark: from what input size is a task worth sending to the worker pool?
 *
 * For XML parse (a CompleteMultipartUpload document) and checksums (md5 + crc32: what PutObject
 * computes by default) at 1 KiB … 16 MiB, measures
 *   inlineMs          latency run inline = time the event loop is blocked;
 *   poolMs            latency through a warm pool (transfer, worker run, result back);
 *   poolMainThreadMs  main-thread busy time per pooled task (event-loop utilisation), i.e. what
 *                     the pool still costs the thread that serves HTTP.
 * Every iteration copies the input first in both modes (a transferred buffer is gone), so the
 * copy cancels out; `copyMs` shows it. The pool exists to keep the event loop free for the other
 * requests of a load test (DESIGN.md §6), so the suggested threshold is the smallest size from
 * which on (every larger size too) pooling saves the main thread at least a third of the inline
 * time and at least 1 ms per task; null means never. Latencies are printed beside it.
 * `body-hash` is the streamed-upload case (src/pool/hash-session.ts): one body hashed in 1 MiB
 * batches of shared memory, inline (MultiHasher) or in a hash session (open, push, digests), with
 * what PutObject computes with no declared checksum (md5 in the worker, xxh64 inline); its
 * threshold is the `checksum` one, from the body's announced size.
 * Prints JSON.   node dist/bench/micro/pool-threshold.js [--time 300] [--kind xml-parse|checksum|body-hash]
 */
import { Bench } from 'tinybench';
import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { createWorkerPool } from '../../src/pool/index.js';
import type { Task, WorkerPool } from '../../src/pool/types.js';
import type { ChecksumAlgorithm } from '../../src/checksums/types.js';

const KiB = 1024;
const SIZES = [1, 4, 16, 64, 256, 1024, 4096, 16384].map((k) => k * KiB);
const ALGORITHMS: ChecksumAlgorithm[] = ['md5', 'crc32'];
const time = Number(process.argv[process.argv.indexOf('--time') + 1]) || 300;
// ddb-filter has its own threshold run: bench/micro/dynamodb-expressions.ts --pool.
type Kind = Exclude<Task['kind'], 'ddb-filter'> | 'body-hash';
const kinds = (process.argv.includes('--kind') ? [process.argv[process.argv.indexOf('--kind') + 1]] : ['xml-parse', 'checksum', 'body-hash']) as Kind[];
const BODY_ALGORITHMS: ChecksumAlgorithm[] = ['xxh64', 'md5'];
const BATCH = 1024 * KiB;

function xmlOfSize(bytes: number): Uint8Array {
  const head = '<?xml version="1.0" encoding="UTF-8"?><CompleteMultipartUpload xmlns="http://s3.amazonaws.com/doc/2006-03-01/">';
  const parts: string[] = [];
  let length = head.length + 26;
  for (let i = 1; length < bytes; i++) {
    const part = `<Part><PartNumber>${i}</PartNumber><ETag>"${i.toString(16).padStart(32, '0')}"</ETag></Part>`;
    parts.push(part);
    length += part.length;
  }
  return Buffer.from(`${head}${parts.join('')}</CompleteMultipartUpload>`);
}

function taskFor(kind: Exclude<Kind, 'body-hash'>, input: Uint8Array): () => Task {
  return kind === 'xml-parse'
    ? () => ({ kind, xml: new Uint8Array(input) })
    : () => ({ kind, data: new Uint8Array(input), algorithms: ALGORITHMS });
}

/** Main-thread busy milliseconds per task while `n` pooled tasks run one after another. */
async function mainThreadMs(pool: WorkerPool, make: () => Task, n: number): Promise<number> {
  const before = performance.eventLoopUtilization();
  for (let i = 0; i < n; i++) await pool.run(make());
  return performance.eventLoopUtilization(before).active / n;
}

interface Row { kind: Kind; bytes: number; inlineMs: number; poolMs: number; poolMainThreadMs: number; copyMs: number }

/** One body of `input`, in 1 MiB shared-memory batches, through `pool.bodyHasher` (all pushed, then digests). */
async function hashBody(pool: WorkerPool, input: Buffer[]): Promise<void> {
  const hasher = pool.bodyHasher(BODY_ALGORITHMS, input.reduce((n, b) => n + b.length, 0));
  await Promise.all(input.map((b) => hasher.push([b])));
  await hasher.digests();
}

function sharedBatches(bytes: number): Buffer[] {
  const out: Buffer[] = [];
  for (let off = 0; off < bytes; off += BATCH) {
    const n = Math.min(BATCH, bytes - off);
    const view = Buffer.from(new SharedArrayBuffer(n));
    view.set(randomBytes(n));
    out.push(view);
  }
  return out;
}

async function measureBody(bytes: number, inline: WorkerPool, pooled: WorkerPool): Promise<Row> {
  const input = sharedBatches(bytes);
  const bench = new Bench({ time, warmupTime: 50, iterations: 4, warmupIterations: 1 });
  bench.add('inline', () => hashBody(inline, input)).add('pool', () => hashBody(pooled, input));
  await bench.run();
  const mean = (name: string): number => {
    const result = bench.getTask(name)!.result;
    if (result.state !== 'completed') throw new Error(`body-hash ${bytes} ${name}: ${result.state}`);
    return result.latency.mean;
  };
  const n = bytes >= 4096 * KiB ? 5 : 50;
  const before = performance.eventLoopUtilization();
  for (let i = 0; i < n; i++) await hashBody(pooled, input);
  const busy = performance.eventLoopUtilization(before).active / n;
  return { kind: 'body-hash', bytes, inlineMs: mean('inline'), poolMs: mean('pool'), poolMainThreadMs: busy, copyMs: 0 };
}

async function measure(kind: Kind, bytes: number, inline: WorkerPool, pooled: WorkerPool): Promise<Row> {
  if (kind === 'body-hash') return measureBody(bytes, inline, pooled);
  const input = kind === 'xml-parse' ? xmlOfSize(bytes) : randomBytes(bytes);
  const make = taskFor(kind, input);
  // A few iterations suffice for the big sizes (16 MiB of XML takes about a second).
  const bench = new Bench({ time, warmupTime: 50, iterations: 4, warmupIterations: 1 });
  bench
    .add('copy', () => void new Uint8Array(input))
    .add('inline', async () => void (await inline.run(make())))
    .add('pool', async () => void (await pooled.run(make())));
  await bench.run();
  const mean = (name: string): number => {
    const result = bench.getTask(name)!.result;
    if (result.state !== 'completed') throw new Error(`${kind} ${bytes} ${name}: ${result.state}`);
    return result.latency.mean;
  };
  const copyMs = mean('copy');
  const busy = (await mainThreadMs(pooled, make, bytes >= 4096 * KiB ? 5 : 50)) - copyMs;
  return { kind, bytes, inlineMs: mean('inline'), poolMs: mean('pool'), poolMainThreadMs: Math.max(0, busy), copyMs };
}

/** Smallest size from which on pooling saves the main thread ≥ 1/3 of the inline time and ≥ 1 ms. */
function crossover(rows: Row[]): number | null {
  let answer: number | null = null;
  for (let i = rows.length - 1; i >= 0; i--) {
    const r = rows[i]!;
    const saved = r.inlineMs - r.poolMainThreadMs;
    if (saved >= r.inlineMs / 3 && saved >= 1) answer = r.bytes;
    else break;
  }
  return answer;
}

const inline = createWorkerPool({ maxThreads: 0 });
const pooled = createWorkerPool({ maxThreads: 1, thresholds: { 'xml-parse': 0, checksum: 0 } });
const results: Row[] = [];
for (const kind of kinds) {
  for (const bytes of SIZES) results.push(await measure(kind, bytes, inline, pooled));
}
await Promise.all([inline.close(), pooled.close()]);
const round = (x: number): number => Math.round(x * 1000) / 1000;
console.log(JSON.stringify({
  bench: 'pool-threshold',
  node: process.version,
  cpus: availableParallelism(),
  checksumAlgorithms: ALGORITHMS,
  bodyHashAlgorithms: BODY_ALGORITHMS,
  results: results.map((r) => ({ ...r, inlineMs: round(r.inlineMs), poolMs: round(r.poolMs), poolMainThreadMs: round(r.poolMainThreadMs), copyMs: round(r.copyMs) })),
  crossover: Object.fromEntries(kinds.map((k) => [k, crossover(results.filter((r) => r.kind === k))])),
}, null, 2));
