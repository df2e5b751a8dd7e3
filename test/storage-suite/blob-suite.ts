/** BlobStore half of the shared storage suite. */
import type { ExecutionContext, TestFn } from 'ava';
import { createHash, randomBytes } from 'node:crypto';
import { text } from 'node:stream/consumers';
import type { Readable } from 'node:stream';
import type { BlobStore } from '../../src/storage/blob-store.js';
import { BLOB_REFS_NS, addBlobRef, dropBlobRef } from '../../src/storage/blob-refs.js';
import type { MetaStore } from '../../src/storage/meta-store.js';

export interface BlobStoreHarness {
  meta: MetaStore;
  blobs: BlobStore;
  /** Temp files currently present (always 0 for a backend without them). */
  tempFiles(): Promise<number>;
  /** Blobs currently stored (files, for native-store). */
  blobCount(): Promise<number>;
  dispose(): Promise<void>;
}
/**
 * `refReadDelayMs`: build the blob store over a MetaStore whose reads of the blob-refs namespace
 * are slowed by that much (use `withSlowRefReads`), to hold collect() inside its race window.
 */
export type BlobStoreFactory = (options?: { refReadDelayMs?: number }) => Promise<BlobStoreHarness>;

/** A MetaStore view whose iterations of BLOB_REFS_NS start after `ms`; everything else is direct. */
export function withSlowRefReads(meta: MetaStore, ms: number): MetaStore {
  return {
    get: (ns, key) => meta.get(ns, key),
    getNow: (ns, key) => meta.getNow(ns, key),
    getMany: (ns, keys) => meta.getMany(ns, keys),
    put: (ns, key, value) => meta.put(ns, key, value),
    del: (ns, key) => meta.del(ns, key),
    batch: (ops) => meta.batch(ops),
    clear: (ns) => meta.clear(ns),
    close: () => meta.close(),
    async *iterate(ns, range) {
      if (ns === BLOB_REFS_NS) await new Promise((r) => setTimeout(r, ms));
      yield* meta.iterate(ns, range);
    },
  };
}

async function* chunked(data: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
}

/** Yields `first`, then never yields again (a stalled client). */
async function* stalls(first: Uint8Array): AsyncGenerator<Uint8Array> {
  yield first;
  await new Promise(() => {});
}

async function* fails(first: Uint8Array): AsyncGenerator<Uint8Array> {
  yield first;
  throw new Error('client went away');
}

const bytes = async (s: Readable): Promise<Buffer> => {
  const parts: Buffer[] = [];
  for await (const c of s) parts.push(c as Buffer);
  return Buffer.concat(parts);
};
const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

export function runBlobStoreSuite(test: TestFn, factory: BlobStoreFactory): void {
  const open = async (t: ExecutionContext): Promise<BlobStoreHarness> => {
    const h = await factory();
    t.teardown(() => h.dispose());
    return h;
  };

  test('blob: write then read back byte-exact, whole and by range', async (t) => {
    const { blobs } = await open(t);
    const data = randomBytes(3 * 1024 * 1024 + 17);
    const w = await blobs.write(chunked(data, 64 * 1024 - 3));
    t.is(w.size, data.length);
    t.is(await blobs.size(w.id), data.length);
    t.is(sha(await bytes(blobs.read(w.id))), sha(data));
    for (const [start, end] of [[0, 0], [5, 5], [100, 1_000_000], [data.length - 1, data.length - 1], [1, data.length - 2]] as const) {
      // Buffer.equals, not t.deepEqual: ava's deep diff of megabyte buffers takes seconds.
      t.true((await bytes(blobs.read(w.id, { start, end }))).equals(data.subarray(start, end + 1)), `${start}-${end}`);
    }
    w.release();
  });

  test('blob: readBuffered gives small ranges at once, byte-exact, and undefined for what it cannot', async (t) => {
    const { blobs } = await open(t);
    const data = randomBytes(10_000);
    const w = await blobs.write(chunked(data, 4096));
    for (const [start, end] of [[0, data.length - 1], [0, 0], [17, 4242], [data.length - 1, data.length - 1]] as const) {
      const got = blobs.readBuffered(w.id, { start, end });
      t.true(got !== undefined && got.equals(data.subarray(start, end + 1)), `${start}-${end}`);
    }
    // Twice: a cached answer is the same bytes.
    t.true(blobs.readBuffered(w.id, { start: 0, end: data.length - 1 })?.equals(data));
    // A missing blob is no error here: read() reports it on its stream.
    t.is(blobs.readBuffered('f'.repeat(48) + '10', { start: 0, end: 15 }), undefined);
    t.throws(() => blobs.readBuffered('../../etc/passwd', { start: 0, end: 1 }));
    t.throws(() => blobs.readBuffered(w.id, { start: 5, end: 4 }));
    w.release();
  });

  test('blob: the empty body is a blob too', async (t) => {
    const { blobs } = await open(t);
    const w = await blobs.write(chunked(new Uint8Array(0), 1));
    t.is(w.size, 0);
    t.is(w.digests.md5.toString('hex'), 'd41d8cd98f00b204e9800998ecf8427e');
    t.is(await blobs.size(w.id), 0);
    t.is((await bytes(blobs.read(w.id))).length, 0);
  });

  test('blob: digests match node:crypto and the CRC check values', async (t) => {
    const { blobs } = await open(t);
    const check = Buffer.from('123456789');
    const w = await blobs.write(chunked(check, 4), { algorithms: ['crc32', 'crc32c', 'crc64nvme', 'sha1', 'sha256'] });
    t.is(w.digests.crc32!.toString('hex'), 'cbf43926');
    t.is(w.digests.crc32c!.toString('hex'), 'e3069283');
    t.is(w.digests.crc64nvme!.toString('hex'), 'ae8b14860a799888');
    t.is(w.digests.crc32!.toString('base64'), 'y/Q5Jg==');
    for (const alg of ['md5', 'sha1', 'sha256'] as const) t.is(w.digests[alg]!.toString('hex'), createHash(alg).update(check).digest('hex'));
    const data = randomBytes(200_001);
    const w2 = await blobs.write(chunked(data, 7777), { algorithms: ['sha256'] });
    t.is(w2.digests.sha256!.toString('hex'), sha(data));
    t.is(w2.digests.md5.toString('hex'), createHash('md5').update(data).digest('hex'));
  });

  test('blob: identical content is stored once, whatever the chunking', async (t) => {
    const h = await open(t);
    const data = randomBytes(500_000);
    const [a, b] = await Promise.all([h.blobs.write(chunked(data, 1000)), h.blobs.write(chunked(data, 65536))]);
    const c = await h.blobs.write(chunked(data, 499_999));
    t.is(a.id, b.id);
    t.is(a.id, c.id);
    t.is(await h.blobCount(), 1);
    const other = await h.blobs.write(chunked(Buffer.concat([data, Buffer.from([0])]), 4096));
    t.not(other.id, a.id);
    t.is(await h.blobCount(), 2);
  });

  test('blob: pins and references keep a blob from collect', async (t) => {
    const { meta, blobs } = await open(t);
    const w = await blobs.write(chunked(Buffer.from('pinned body'), 3));
    t.false(await blobs.collect(w.id), 'pinned');
    await meta.batch([addBlobRef(w.id, 'obj-1'), addBlobRef(w.id, 'obj-2')]);
    w.release();
    w.release(); // idempotent
    t.false(await blobs.collect(w.id), 'referenced twice');
    await meta.batch([dropBlobRef(w.id, 'obj-1')]);
    t.false(await blobs.collect(w.id), 'still referenced once');
    await meta.batch([dropBlobRef(w.id, 'obj-2')]);
    t.true(await blobs.collect(w.id));
    t.is(await blobs.size(w.id), undefined);
    t.false(await blobs.collect(w.id), 'already gone');
  });

  test('blob: two writers of the same content each hold a pin', async (t) => {
    const { blobs } = await open(t);
    const a = await blobs.write(chunked(Buffer.from('same'), 2));
    const b = await blobs.write(chunked(Buffer.from('same'), 1));
    a.release();
    t.false(await blobs.collect(a.id));
    b.release();
    t.true(await blobs.collect(a.id));
  });

  test('blob: a write racing a collect of the same content never loses its blob', async (t) => {
    const { blobs } = await open(t);
    const data = randomBytes(100_000);
    for (let i = 0; i < 40; i++) {
      const first = await blobs.write(chunked(data, 10_000));
      first.release(); // unreferenced, unpinned: collectable
      const collecting = blobs.collect(first.id);
      const writing = blobs.write(chunked(data, 25_000 + i));
      const [, w] = await Promise.all([collecting, writing]);
      t.is(await blobs.size(w.id), data.length, `round ${i}: a pinned blob must exist`);
      t.is(sha(await bytes(blobs.read(w.id))), sha(data));
      w.release();
      await blobs.collect(w.id);
    }
  });

  test('blob: a write that finds the blob while collect is deciding keeps it (held race window)', async (t) => {
    const h = await factory({ refReadDelayMs: 150 });
    t.teardown(() => h.dispose());
    const data = randomBytes(50_000);
    const first = await h.blobs.write(chunked(data, 10_000));
    first.release();
    // collect passes its pin check, then waits on the slow refs read; the second write lands
    // in that window. Without the per-id lock it would find the file, pin it, and lose it.
    const collecting = h.blobs.collect(first.id);
    await new Promise((r) => setTimeout(r, 20));
    const w = await h.blobs.write(chunked(data, 7_000));
    await collecting;
    t.is(await h.blobs.size(w.id), data.length);
    t.true((await bytes(h.blobs.read(w.id))).equals(data));
    t.is(await h.tempFiles(), 0);
  });

  test('blob: abort while the source stalls rejects with the reason and leaves no temp file', async (t) => {
    const h = await open(t);
    const ac = new AbortController();
    const reason = new Error('client disconnected');
    const writing = h.blobs.write(stalls(randomBytes(300_000)), { signal: ac.signal });
    setTimeout(() => ac.abort(reason), 30);
    t.is(await t.throwsAsync(writing), reason);
    t.is(await h.tempFiles(), 0);
    t.is(await h.blobCount(), 0);
  });

  test('blob: an already aborted signal writes nothing', async (t) => {
    const h = await open(t);
    const ac = new AbortController();
    ac.abort(new Error('early'));
    await t.throwsAsync(h.blobs.write(chunked(randomBytes(1000), 100), { signal: ac.signal }), { message: 'early' });
    t.is(await h.tempFiles(), 0);
    t.is(await h.blobCount(), 0);
  });

  test('blob: a failing source rejects and leaves no temp file', async (t) => {
    const h = await open(t);
    await t.throwsAsync(h.blobs.write(fails(randomBytes(2_000_000))), { message: 'client went away' });
    t.is(await h.tempFiles(), 0);
    t.is(await h.blobCount(), 0);
  });

  test('blob: maxSize is enforced while streaming', async (t) => {
    const h = await open(t);
    const data = randomBytes(10_000);
    const ok = await h.blobs.write(chunked(data, 999), { maxSize: 10_000 });
    t.is(ok.size, 10_000);
    const tooLarge = new Error('EntityTooLarge');
    const e = await t.throwsAsync(h.blobs.write(chunked(Buffer.concat([data, Buffer.from('!')]), 999), { maxSize: 10_000, tooLarge: () => tooLarge }));
    t.is(e, tooLarge);
    await t.throwsAsync(h.blobs.write(chunked(data, 999), { maxSize: 5 }));
    t.is(await h.tempFiles(), 0);
    t.is(await h.blobCount(), 1);
  });

  test('blob: sweep removes unreferenced, unpinned blobs only', async (t) => {
    const h = await open(t);
    const kept = await h.blobs.write(chunked(Buffer.from('referenced'), 4));
    await h.meta.batch([addBlobRef(kept.id, 'owner')]);
    kept.release();
    const orphan = await h.blobs.write(chunked(Buffer.from('orphan'), 4));
    orphan.release();
    const pinned = await h.blobs.write(chunked(Buffer.from('in flight'), 4));
    const result = await h.blobs.sweep();
    t.is(result.orphansRemoved, 1);
    t.is(await h.blobs.size(kept.id), 'referenced'.length);
    t.is(await h.blobs.size(orphan.id), undefined);
    t.is(await h.blobs.size(pinned.id), 'in flight'.length);
    pinned.release();
    t.is((await h.blobs.sweep()).orphansRemoved, 1);
    t.is(await h.blobCount(), 1);
  });

  test('blob: clear removes every blob', async (t) => {
    const h = await open(t);
    const a = await h.blobs.write(chunked(Buffer.from('a'), 1));
    await h.blobs.write(chunked(Buffer.from('b'), 1));
    await h.blobs.clear();
    t.is(await h.blobCount(), 0);
    t.is(await h.blobs.size(a.id), undefined);
    const again = await h.blobs.write(chunked(Buffer.from('a'), 1));
    t.is(await text(h.blobs.read(again.id)), 'a');
  });

  test('blob: reading a missing blob errors with ENOENT; a malformed id is refused', async (t) => {
    const { blobs } = await open(t);
    const missing = 'f'.repeat(48) + '10';
    const e = await t.throwsAsync(bytes(blobs.read(missing)));
    t.is((e as NodeJS.ErrnoException).code, 'ENOENT');
    t.is(await blobs.size(missing), undefined);
    t.throws(() => blobs.read('../../etc/passwd'));
    await t.throwsAsync(blobs.size('ab/../../x'));
  });
}
