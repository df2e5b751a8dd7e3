/**
 * Hash sessions (src/pool/hash-session.ts, hash-workers.ts): a body hashed batch by batch in a
 * hash worker gives the inline digests; workers start on demand, spread sessions, and go when
 * idle; an abort or a dead worker never leaves a push waiting.
 */
import test from 'ava';
import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { createWorkerPool } from '../../src/pool/index.js';
import { WORKER_START_BYTES } from '../../src/pool/body-hashing.js';
import { computeDigests, initChecksums } from '../../src/checksums/index.js';
import type { ChecksumAlgorithm } from '../../src/checksums/types.js';

const ALL: ChecksumAlgorithm[] = ['md5', 'crc32', 'crc32c', 'sha1', 'sha256', 'crc64nvme', 'xxh64'];
const MiB = 1024 * 1024;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** `data` as a SharedArrayBuffer view, as uWS bodies arrive (util/byte-slabs.ts). */
function shared(data: Uint8Array): Buffer {
  const sab = new SharedArrayBuffer(data.byteLength + 10);
  new Uint8Array(sab, 5, data.byteLength).set(data);
  return Buffer.from(sab, 5, data.byteLength);
}

test.before(() => initChecksums());

test('a body hashed in a worker, from shared and ordinary chunks, gives the inline digests', async (t) => {
  const pool = createWorkerPool({ maxThreads: 1, loneLargeBody: 'worker' });
  await pool.prepareBodyHashing();
  t.teardown(() => pool.close());
  const data = randomBytes(3 * MiB + 12_345);
  const hasher = pool.bodyHasher(ALL, data.length);
  t.is(pool.threads, 1, 'a large body hashes in a worker');
  // Batches of mixed kinds and sizes, several in flight at once.
  const pushes: Promise<void>[] = [];
  for (let off = 0, i = 0; off < data.length; i++) {
    const end = Math.min(data.length, off + 700_000 + i * 1000);
    const a = data.subarray(off, off + 100_000);
    const b = data.subarray(off + 100_000, end);
    pushes.push(hasher.push(i % 2 === 0 ? [shared(a), Buffer.from(b)] : [Buffer.from(a), shared(b)]));
    off = end;
  }
  await Promise.all(pushes);
  const digests = await hasher.digests();
  const expected = await computeDigests(data, ALL);
  for (const alg of ALL) t.true(Buffer.isBuffer(digests[alg]) && digests[alg]!.equals(expected[alg]!), alg);
});

test('a small body hashes inline: no thread starts', async (t) => {
  const pool = createWorkerPool({ maxThreads: 1, loneLargeBody: 'worker' });
  await pool.prepareBodyHashing();
  t.teardown(() => pool.close());
  const data = randomBytes(200_000);
  const hasher = pool.bodyHasher(['md5'], data.length);
  await hasher.push([data]);
  t.true((await hasher.digests()).md5!.equals((await computeDigests(data, ['md5'])).md5!));
  t.is(pool.threads, 0);
});

test('concurrent sessions spread over the threads, which go when idle', async (t) => {
  const pool = createWorkerPool({ maxThreads: 2, idleTimeout: 100, loneLargeBody: 'worker' });
  await pool.prepareBodyHashing();
  t.teardown(() => pool.close());
  const bodies = [randomBytes(2 * MiB), randomBytes(2 * MiB), randomBytes(2 * MiB)];
  const hashers = bodies.map((b) => pool.bodyHasher(['md5', 'xxh64'], b.length));
  t.is(pool.threads, 2, 'a second thread rather than a second session on the first');
  await Promise.all(hashers.map((h, i) => h.push([shared(bodies[i]!)])));
  const digests = await Promise.all(hashers.map((h) => h.digests()));
  for (const [i, d] of digests.entries()) t.true(d.md5!.equals((await computeDigests(bodies[i]!, ['md5'])).md5!));
  for (let waited = 0; pool.threads > 0 && waited < 3000; waited += 50) await sleep(50);
  t.is(pool.threads, 0, 'idle threads ended');
});

test('an aborted session settles its pending pushes and frees the worker', async (t) => {
  const pool = createWorkerPool({ maxThreads: 1, idleTimeout: 100, loneLargeBody: 'worker' });
  await pool.prepareBodyHashing();
  t.teardown(() => pool.close());
  const hasher = pool.bodyHasher(['md5', 'sha256'], 64 * MiB);
  const pending = Array.from({ length: 8 }, () => hasher.push([shared(randomBytes(MiB))]));
  hasher.abort();
  hasher.abort(); // idempotent
  await Promise.all(pending);
  await t.throwsAsync(hasher.push([Buffer.from('late')]));
  for (let waited = 0; pool.threads > 0 && waited < 3000; waited += 50) await sleep(50);
  t.is(pool.threads, 0, 'the worker had no session left and ended');
});

test('a worker that goes away fails its sessions instead of leaving them waiting', async (t) => {
  const pool = createWorkerPool({ maxThreads: 1, loneLargeBody: 'worker' });
  await pool.prepareBodyHashing();
  const hasher = pool.bodyHasher(['md5'], 64 * MiB);
  const pushes = Array.from({ length: 32 }, () => hasher.push([shared(randomBytes(MiB))]));
  await pool.close(); // terminates the worker mid-session
  const settled = await Promise.allSettled([...pushes, hasher.digests()]);
  t.true(settled.some((s) => s.status === 'rejected'), 'the body failed');
  const last = settled.at(-1)!;
  t.is(last.status, 'rejected', 'no digests from a dead worker');
});

test('with 0 threads every body hashes inline and no thread ever starts', async (t) => {
  const pool = createWorkerPool({ maxThreads: 0 });
  await pool.prepareBodyHashing();
  t.teardown(() => pool.close());
  const data = randomBytes(4 * MiB);
  const hasher = pool.bodyHasher(['md5'], data.length);
  await hasher.push([shared(data)]);
  t.true((await hasher.digests()).md5!.equals((await computeDigests(data, ['md5'])).md5!));
  await pool.run({ kind: 'checksum', data: randomBytes(4 * MiB), algorithms: ['crc32'] });
  t.is(pool.threads, 0);
});

test('a lone large body hashes in a worker if one is running; one that finds none hashes inline and starts one', async (t) => {
  const pool = createWorkerPool({ maxThreads: 1 });
  await pool.prepareBodyHashing();
  t.teardown(() => pool.close());
  const severalCores = availableParallelism() >= 2;
  const check = async (data: Buffer, inWorker: boolean, label: string): Promise<void> => {
    const hasher = pool.bodyHasher(['md5', 'xxh64'], data.length);
    t.is(hasher.keepsChunks, inWorker, `${label}: ${inWorker ? 'in a worker' : 'inline'}`);
    await hasher.push([data]);
    const digests = await hasher.digests();
    const expected = await computeDigests(data, ['md5', 'xxh64']);
    t.true(digests.md5!.equals(expected.md5!) && digests.xxh64!.equals(expected.xxh64!), label);
  };
  await check(randomBytes(2 * MiB), false, 'a 2 MiB body, no worker running');
  t.is(pool.threads, 0, 'a body under WORKER_START_BYTES starts none');
  await check(randomBytes(WORKER_START_BYTES), false, 'a 64 MiB body, no worker running');
  t.is(pool.threads, severalCores ? 1 : 0, 'it started one for the next bodies (several cores only)');
  await check(randomBytes(2 * MiB), severalCores, 'the next lone body');
});

test('sessions that stall between pushes hold no staging buffer: another session still gets through', async (t) => {
  // A worker has a few staging buffers (STAGING_MAX_BUFFERS) for all its sessions; a session
  // that kept its partly filled buffer between pushes would let that many stalled uploads block
  // every other upload of that worker.
  const pool = createWorkerPool({ maxThreads: 1, loneLargeBody: 'worker' });
  await pool.prepareBodyHashing();
  t.teardown(() => pool.close());
  const stalled = Array.from({ length: 8 }, () => pool.bodyHasher(['md5'], 64 * MiB));
  await Promise.all(stalled.map((h) => h.push([shared(randomBytes(100_000))])));
  const data = randomBytes(12 * MiB + 5);
  const hasher = pool.bodyHasher(['md5'], data.length);
  const done = (async () => {
    for (let off = 0; off < data.length; off += MiB) await hasher.push([data.subarray(off, off + MiB)]);
    return hasher.digests();
  })();
  const outcome = await Promise.race([done, sleep(10_000).then(() => 'stuck' as const)]);
  t.not(outcome, 'stuck');
  if (outcome !== 'stuck') t.true(outcome.md5!.equals((await computeDigests(data, ['md5'])).md5!));
  for (const h of stalled) h.abort();
});

test('concurrent large bodies start a worker only once they announce WORKER_START_BYTES together', async (t) => {
  // Regression: any two concurrent bodies of 1 MiB or more started a worker (10-12 MiB of RSS for
  // 10 s): s3-mixed c32 peaked at 110-114 MiB against 93-94 with every body inline.
  const pool = createWorkerPool({ maxThreads: 1 });
  await pool.prepareBodyHashing();
  t.teardown(() => pool.close());
  const data = randomBytes(MiB + 3);
  const expected = await computeDigests(data, ['md5']);
  const open = (announced: number) => pool.bodyHasher(['md5'], announced);
  const a = open(2 * MiB);
  const b = open(2 * MiB);
  t.false(a.keepsChunks || b.keepsChunks, 'two 2 MiB bodies hash inline');
  t.is(pool.threads, 0, 'and start no worker');
  const c = open(WORKER_START_BYTES - 4 * MiB);
  t.true(c.keepsChunks, 'the body that brings the bodies in progress to WORKER_START_BYTES goes to a worker');
  t.is(pool.threads, 1);
  for (const h of [a, b, c]) {
    await h.push([data]);
    t.true((await h.digests()).md5!.equals(expected.md5!));
  }
  const d = open(2 * MiB);
  t.is(d.keepsChunks, availableParallelism() >= 2, 'a lone body uses the running worker (several cores)');
  await d.push([data]);
  t.true((await d.digests()).md5!.equals(expected.md5!));
});
