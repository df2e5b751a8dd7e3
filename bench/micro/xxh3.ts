/**
 * Micro benchmark: XXH3 / XXH128 (x-amz-checksum-xxhash3 / -xxhash128) — which library, and
 * how to hold its hashers. hash-wasm creates each hasher asynchronously (one wasm instance per
 * `createXXHash3()`), while boltstack's Hasher contract is synchronous, so compare:
 *   shipped (shared)       src/checksums' one instance per thread, one stream at a time;
 *   shipped, N interleaved N streams fed 64 KiB chunks in turn, so every update parks one
 *                          stream's state (save) and restores another's (load);
 *   instance per stream    `await createXXHash3()` per body (the other way to use hash-wasm);
 *   @aws-sdk/checksums     the AWS SDK's own pure-JS Xxh3 (what the client computes with);
 * next to node:crypto MD5 (what every upload pays for its ETag: the machine bound) and xxh64 via
 * xxhash-wasm (the blob address), measured in the same run. Also the cost of one new hasher on a
 * 4 KiB body (where instance creation dominates) and the memory one instance holds.
 *   node dist/bench/micro/xxh3.js [--mib 16] [--iterations 5] [--streams 4]
 */
import { Bench } from 'tinybench';
import { createHash, randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import type { IHasher } from 'hash-wasm';
import { Xxh3_128, Xxh3_64 } from '@aws-sdk/checksums/xxh';
import { createHasher, prepareChecksums, type ChecksumAlgorithm } from '../../src/checksums/index.js';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) || fallback : fallback;
};
const BODY = arg('mib', 16) * 1024 * 1024;
const CHUNK = 64 * 1024;
const STREAMS = arg('streams', 4);
const iterations = arg('iterations', 5);
const source = randomBytes(BODY);
const small = randomBytes(4096);
const chunks = Array.from({ length: BODY / CHUNK }, (_, i) => source.subarray(i * CHUNK, (i + 1) * CHUNK));

type WasmFactory = () => Promise<IHasher>;
const requireCjs = createRequire(import.meta.url);
const FACTORY: Record<'xxh3' | 'xxh128', WasmFactory> = {
  xxh3: (requireCjs('hash-wasm/dist/xxhash3.umd.min.js') as { createXXHash3: WasmFactory }).createXXHash3,
  xxh128: (requireCjs('hash-wasm/dist/xxhash128.umd.min.js') as { createXXHash128: WasmFactory }).createXXHash128,
};
const SDK = { xxh3: Xxh3_64, xxh128: Xxh3_128 };

/** Each task hashes BODY bytes in total, so MB/s compare directly. */
const tasks: Record<string, () => unknown> = {
  'md5 node:crypto (machine bound)': () => { const h = createHash('md5'); for (const c of chunks) h.update(c); h.digest(); },
  'xxh64 xxhash-wasm (shipped)': () => { const h = createHasher('xxh64'); for (const c of chunks) h.update(c); h.digest(); },
};
for (const alg of ['xxh3', 'xxh128'] as const) {
  tasks[`${alg} hash-wasm shared instance (shipped)`] = () => {
    const h = createHasher(alg);
    for (const c of chunks) h.update(c);
    h.digest();
  };
  tasks[`${alg} hash-wasm shared instance, ${STREAMS} streams interleaved (shipped)`] = () => {
    const hs = Array.from({ length: STREAMS }, () => createHasher(alg));
    for (let i = 0; i < chunks.length; i += STREAMS) {
      for (let s = 0; s < STREAMS && i + s < chunks.length; s++) hs[s]!.update(chunks[i + s]!);
    }
    for (const h of hs) h.digest();
  };
  tasks[`${alg} hash-wasm instance per stream`] = async () => {
    const h = await FACTORY[alg]();
    for (const c of chunks) h.update(c);
    h.digest('binary');
  };
  tasks[`${alg} @aws-sdk/checksums pure JS`] = async () => {
    const h = new SDK[alg]();
    for (const c of chunks) h.update(c);
    await h.digest();
  };
}

/** Latency of hashing one 4 KiB body with a fresh hasher, and of one state swap (save + load). */
async function smallBodyAndMemory(alg: 'xxh3' | 'xxh128'): Promise<Record<string, number>> {
  const n = 2000;
  let t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) { const h = createHasher(alg); h.update(small); h.digest(); }
  const sharedUs = Number(process.hrtime.bigint() - t0) / 1e3 / n;
  t0 = process.hrtime.bigint();
  for (let i = 0; i < 200; i++) { const h = await FACTORY[alg](); h.update(small); h.digest('binary'); }
  const perStreamUs = Number(process.hrtime.bigint() - t0) / 1e3 / 200;
  const raw = await FACTORY[alg]();
  raw.init().update(small);
  t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) raw.load(raw.save());
  const swapUs = Number(process.hrtime.bigint() - t0) / 1e3 / n;
  return {
    small4KiBSharedUs: Math.round(sharedUs * 10) / 10,
    small4KiBInstancePerStreamUs: Math.round(perStreamUs * 10) / 10,
    swapUs: Math.round(swapUs * 10) / 10,
    stateBytes: raw.save().length,
  };
}

async function main(): Promise<void> {
  const algorithms: ChecksumAlgorithm[] = ['xxh64', 'xxh3', 'xxh128'];
  await prepareChecksums(algorithms);
  const bench = new Bench({ iterations, time: 0, warmupIterations: 1, warmupTime: 0 });
  for (const [name, fn] of Object.entries(tasks)) bench.add(name, fn);
  await bench.run();
  const md5 = bench.tasks[0]!.result as { latency?: { p50: number } };
  const md5MBs = BODY / 1e6 / ((md5.latency?.p50 ?? NaN) / 1000);
  const results: Record<string, { mbPerSec: number; medianMs: number; vsMd5: number }> = {};
  for (const task of bench.tasks) {
    const ms = (task.result as { latency?: { p50: number } }).latency?.p50 ?? NaN;
    const mbPerSec = BODY / 1e6 / (ms / 1000);
    results[task.name] = { mbPerSec: Math.round(mbPerSec), medianMs: Math.round(ms * 10) / 10, vsMd5: Math.round((mbPerSec / md5MBs) * 100) / 100 };
  }
  const perHasher = { xxh3: await smallBodyAndMemory('xxh3'), xxh128: await smallBodyAndMemory('xxh128') };
  process.stdout.write(JSON.stringify({
    bench: 'xxh3', bodyBytes: BODY, chunkBytes: CHUNK, streams: STREAMS, iterations, node: process.version, results, perHasher,
  }, null, 2) + '\n');
}

await main();
