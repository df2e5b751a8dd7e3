/**
 * Micro benchmark: how BlobStore.write should put a streamed body on disk (native-store).
 * Every strategy hashes xxh64 + md5 as the real write does, for a 64 MiB body arriving in 64 KiB
 * chunks, into a fresh file under os.tmpdir(). Prints JSON: MB/s per strategy (median of the
 * samples) and the peak RSS growth. `--fsync` adds fdatasync before close, as durability=fsync does.
 *   node dist/bench/micro/blob-write.js [--fsync] [--iterations 5]
 */
import { Bench } from 'tinybench';
import { createWriteStream } from 'node:fs';
import { mkdtemp, open, rm, unlink } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { MultiHasher, initChecksums } from '../../src/checksums/index.js';
import { openNativeStore } from '../../native-store/index.js';

const BODY = 64 * 1024 * 1024;
const CHUNK = 64 * 1024;
const fsync = process.argv.includes('--fsync');
const iterations = Number(process.argv[process.argv.indexOf('--iterations') + 1]) || 5;
const source = randomBytes(BODY);

/** Like a socket: each chunk a fresh buffer, delivered asynchronously. */
async function* body(): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < BODY; i += CHUNK) {
    await null;
    yield Buffer.from(source.subarray(i, i + CHUNK));
  }
}

type Strategy = (path: string) => Promise<void>;
const hasher = (): MultiHasher => new MultiHasher(['xxh64', 'md5']);
const finish = async (fh: FileHandle): Promise<void> => {
  if (fsync) await fh.datasync();
  await fh.close();
};

const writeStream = (hwm: number): Strategy => async (path) => {
  const h = hasher();
  // `flush` (Node >= 20.10) fsyncs before close; a FileHandle-backed stream cannot be synced
  // after 'finish' with autoClose, and hangs close() without it.
  const ws = createWriteStream(path, { highWaterMark: hwm, flush: fsync });
  for await (const c of body()) {
    h.update(c);
    if (!ws.write(c)) await once(ws, 'drain');
  }
  ws.end();
  await once(ws, 'close');
  h.digests();
};

const direct: Strategy = async (path) => {
  const h = hasher();
  const fh = await open(path, 'w');
  for await (const c of body()) {
    h.update(c);
    await fh.write(c);
  }
  h.digests();
  await finish(fh);
};

/** Copy chunks into one buffer of `size`, write it when full, awaiting each write. */
const coalesce = (size: number): Strategy => async (path) => {
  const h = hasher();
  const fh = await open(path, 'w');
  const buf = Buffer.allocUnsafe(size);
  let used = 0;
  for await (const c of body()) {
    h.update(c);
    let off = 0;
    while (off < c.length) {
      const n = Math.min(size - used, c.length - off);
      buf.set(c.subarray(off, off + n), used);
      used += n;
      off += n;
      if (used === size) { await fh.write(buf, 0, used); used = 0; }
    }
  }
  if (used) await fh.write(buf, 0, used);
  h.digests();
  await finish(fh);
};

/** Gather chunk references up to `size`, writev them with one write in flight while hashing on. */
const writevPipelined = (size: number): Strategy => async (path) => {
  const h = hasher();
  const fh = await open(path, 'w');
  let batch: Uint8Array[] = [];
  let bytes = 0;
  let inFlight: Promise<unknown> = Promise.resolve();
  for await (const c of body()) {
    h.update(c);
    batch.push(c);
    bytes += c.length;
    if (bytes >= size) {
      await inFlight;
      inFlight = fh.writev(batch);
      batch = [];
      bytes = 0;
    }
  }
  await inFlight;
  if (batch.length) await fh.writev(batch);
  h.digests();
  await finish(fh);
};

/** Same as coalesce but double-buffered: fill one buffer while the other is being written. */
const coalescePipelined = (size: number): Strategy => async (path) => {
  const h = hasher();
  const fh = await open(path, 'w');
  const bufs = [Buffer.allocUnsafe(size), Buffer.allocUnsafe(size)];
  let cur = 0;
  let used = 0;
  let inFlight: Promise<unknown> = Promise.resolve();
  for await (const c of body()) {
    h.update(c);
    let off = 0;
    while (off < c.length) {
      const n = Math.min(size - used, c.length - off);
      bufs[cur]!.set(c.subarray(off, off + n), used);
      used += n;
      off += n;
      if (used === size) {
        await inFlight;
        inFlight = fh.write(bufs[cur]!, 0, used);
        cur ^= 1;
        used = 0;
      }
    }
  }
  await inFlight;
  if (used) await fh.write(bufs[cur]!, 0, used);
  h.digests();
  await finish(fh);
};

const KiB = 1024;
const strategies: Record<string, Strategy> = {
  'baseline-hash-only': async () => { const h = hasher(); for await (const c of body()) h.update(c); h.digests(); },
  'writestream-hwm-64k': writeStream(64 * KiB),
  'writestream-hwm-1m': writeStream(1024 * KiB),
  'filehandle-per-chunk': direct,
  'coalesce-256k': coalesce(256 * KiB),
  'coalesce-1m': coalesce(1024 * KiB),
  'coalesce-pipelined-256k': coalescePipelined(256 * KiB),
  'coalesce-pipelined-1m': coalescePipelined(1024 * KiB),
  'writev-pipelined-256k': writevPipelined(256 * KiB),
  'writev-pipelined-1m': writevPipelined(1024 * KiB),
  'writev-pipelined-4m': writevPipelined(4096 * KiB),
};

async function main(): Promise<void> {
  await initChecksums();
  const dir = await mkdtemp(join(tmpdir(), 'boltstack-bench-blob-'));
  const results: Record<string, { mbPerSec: number; medianMs: number; rssGrowthMiB: number }> = {};
  try {
    // The shipped code path (native-store's FileBlobStore.write), to confirm it matches its candidate.
    const store = await openNativeStore({ dir: join(dir, 'store'), durability: fsync ? 'fsync' : 'process' });
    strategies['native-store-write (shipped)'] = async () => {
      const w = await store.blobs.write(body());
      w.release();
      await store.blobs.collect(w.id);
    };
    const bench = new Bench({ iterations, time: 0, warmupIterations: 1, warmupTime: 0 });
    const path = join(dir, 'blob');
    const rssPeak = new Map<string, number>();
    for (const [name, fn] of Object.entries(strategies)) {
      bench.add(name, async () => {
        const before = process.memoryUsage.rss();
        await fn(path);
        rssPeak.set(name, Math.max(rssPeak.get(name) ?? 0, process.memoryUsage.rss() - before));
      }, { afterEach: async () => { await unlink(path).catch(() => {}); } });
    }
    await bench.run();
    await store.close();
    for (const task of bench.tasks) {
      const r = task.result as { latency?: { p50: number } };
      const ms = r.latency?.p50 ?? NaN;
      results[task.name] = {
        mbPerSec: Math.round(BODY / 1e6 / (ms / 1000)),
        medianMs: Math.round(ms),
        rssGrowthMiB: Math.round((rssPeak.get(task.name) ?? 0) / 1048576),
      };
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  process.stdout.write(JSON.stringify({ bench: 'blob-write', bodyBytes: BODY, chunkBytes: CHUNK, fsync, iterations, results }, null, 2) + '\n');
}

await main();
