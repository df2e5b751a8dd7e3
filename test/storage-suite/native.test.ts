import test from 'ava';
import { blobFiles } from './blob-files.js';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { blobPath } from '../../native-store/blob-paths.js';
import { ClassicLevel } from 'classic-level';
import { FileBlobStore, openNativeStore } from '../../native-store/index.js';
import type { NativeStore } from '../../native-store/index.js';
import { FORMAT_KEY, FORMAT_VERSION, LEGACY_FORMAT_KEY } from '../../native-store/format-version.js';
import { addBlobRef } from '../../src/storage/blob-refs.js';
import { runBlobStoreSuite, runMetaStoreSuite, withSlowRefReads } from './suite.js';

const tempDir = (): Promise<string> => mkdtemp(join(tmpdir(), 'boltstack-native-'));


async function harness(durability: 'process' | 'fsync' = 'process'): Promise<NativeStore & { dir: string; dispose(): Promise<void> }> {
  const dir = await tempDir();
  const store = await openNativeStore({ dir, durability });
  return { ...store, dir, dispose: async () => { await store.close(); await rm(dir, { recursive: true, force: true }); } };
}

runMetaStoreSuite(test, () => harness());

runBlobStoreSuite(test, async (options) => {
  const h = await harness();
  // The race-window test needs a store over a slowed MetaStore view: open a second blob store
  // on the same directory (it is stateless apart from pins and locks, which it then owns).
  const blobs = options?.refReadDelayMs
    ? await FileBlobStore.open(join(h.dir, 'blobs'), withSlowRefReads(h.meta, options.refReadDelayMs), 'process')
    : h.blobs;
  return {
    meta: h.meta,
    blobs,
    tempFiles: async () => (await readdir(join(h.dir, 'blobs', 'tmp'))).length,
    blobCount: async () => (await blobFiles(h.dir)).length,
    dispose: h.dispose,
  };
});

async function* once(data: Uint8Array): AsyncGenerator<Uint8Array> {
  yield data;
}

test('native: metadata and blobs persist across close and reopen (fsync durability)', async (t) => {
  const dir = await tempDir();
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  const a = await openNativeStore({ dir, durability: 'fsync' });
  const w = await a.blobs.write(once(Buffer.from('persisted body')));
  await a.meta.batch([{ type: 'put', ns: 'obj', key: 'k', value: w.id }, addBlobRef(w.id, 'k')]);
  w.release();
  await a.close();
  const b = await openNativeStore({ dir, durability: 'process' });
  t.teardown(() => b.close());
  t.deepEqual(b.swept, { tempFilesRemoved: 0, orphansRemoved: 0 });
  const id = await b.meta.get('obj', 'k');
  t.is(id, w.id);
  const chunks: Buffer[] = [];
  for await (const c of b.blobs.read(id!)) chunks.push(c as Buffer);
  t.is(Buffer.concat(chunks).toString(), 'persisted body');
});

test('native: open sweeps leftover temp files and unreferenced blobs', async (t) => {
  const dir = await tempDir();
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  const a = await openNativeStore({ dir, durability: 'process' });
  const kept = await a.blobs.write(once(Buffer.from('kept')));
  await a.meta.batch([addBlobRef(kept.id, 'owner')]);
  await a.blobs.write(once(Buffer.from('written, never referenced: a crash before the batch')));
  await a.close();
  await writeFile(join(dir, 'blobs', 'tmp', 'partial-write'), 'half a bo');
  const b = await openNativeStore({ dir, durability: 'process' });
  t.teardown(() => b.close());
  t.deepEqual(b.swept, { tempFilesRemoved: 1, orphansRemoved: 1 });
  t.deepEqual(await blobFiles(dir), [kept.id]);
  t.deepEqual(await readdir(join(dir, 'blobs', 'tmp')), []);
});

test('native: clear() keeps the format version; the store reopens', async (t) => {
  const h = await harness();
  t.teardown(() => h.dispose());
  await h.meta.put('ns', 'k', 'v');
  await h.meta.clear();
  await h.close();
  const db = new ClassicLevel<string, string>(join(h.dir, 'meta'));
  t.is(await db.get(FORMAT_KEY), String(FORMAT_VERSION));
  await db.close();
  const again = await openNativeStore({ dir: h.dir, durability: 'process' });
  t.is(await again.meta.get('ns', 'k'), undefined);
  await again.close();
});

test('native: a data dir from a newer format is refused with a clear message', async (t) => {
  const dir = await tempDir();
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  const db = new ClassicLevel<string, string>(join(dir, 'meta'));
  await db.put(FORMAT_KEY, '99');
  await db.close();
  await t.throwsAsync(openNativeStore({ dir, durability: 'process' }), { message: new RegExp(`newer boltstack \\(data format 99; this version reads up to ${FORMAT_VERSION}\\)`) });
});

test('native: the format version key sorts before every namespace (a key after them made compactions merge)', async (t) => {
  const h = await harness();
  t.teardown(() => h.dispose());
  await h.meta.put('aaa', 'k', 'v');
  await h.close();
  const db = new ClassicLevel<string, string>(join(h.dir, 'meta'));
  t.deepEqual(await db.keys().all(), [FORMAT_KEY, '!aaa!k']);
  await db.close();
});

test('native: a format-2 data dir has its version key moved before the namespaces; its records stay', async (t) => {
  const dir = await tempDir();
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  const db = new ClassicLevel<string, string>(join(dir, 'meta'));
  await db.batch([{ type: 'put', key: LEGACY_FORMAT_KEY, value: '2' }, { type: 'put', key: '!ns!k', value: 'v' }]);
  await db.close();
  const store = await openNativeStore({ dir, durability: 'process' });
  t.is(await store.meta.get('ns', 'k'), 'v');
  await store.close();
  const after = new ClassicLevel<string, string>(join(dir, 'meta'));
  t.deepEqual(await after.keys().all(), [FORMAT_KEY, '!ns!k']);
  t.is(await after.get(FORMAT_KEY), String(FORMAT_VERSION));
  await after.close();
});

test('native: a newer format under the legacy key is refused too (a boltstack before format 3 wrote there)', async (t) => {
  const dir = await tempDir();
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  const db = new ClassicLevel<string, string>(join(dir, 'meta'));
  await db.batch([{ type: 'put', key: FORMAT_KEY, value: String(FORMAT_VERSION) }, { type: 'put', key: LEGACY_FORMAT_KEY, value: '99' }]);
  await db.close();
  await t.throwsAsync(openNativeStore({ dir, durability: 'process' }), { message: /newer boltstack \(data format 99;/ });
});

test('native: pin() protects an existing blob; missing blobs cannot be pinned', async (t) => {
  const h = await harness();
  t.teardown(() => h.dispose());
  const w = await h.blobs.write(once(Buffer.from('copy source')));
  w.release();
  const unpin = await h.blobs.pin(w.id);
  t.truthy(unpin);
  t.false(await h.blobs.collect(w.id));
  unpin!();
  t.true(await h.blobs.collect(w.id));
  t.is(await h.blobs.pin(w.id), undefined);
});

test('native: fsync durability writes and reads the same bytes', async (t) => {
  const h = await harness('fsync');
  t.teardown(() => h.dispose());
  const data = Buffer.alloc(3 * 1024 * 1024 + 5, 'x');
  const w = await h.blobs.write(once(data));
  await h.meta.batch([{ type: 'put', ns: 'o', key: 'k', value: w.id }, addBlobRef(w.id, 'k')]);
  t.is(await h.blobs.size(w.id), data.length);
  t.is(await h.meta.get('o', 'k'), w.id);
});

async function readAll(stream: AsyncIterable<unknown>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

// Small bodies are written synchronously only without fsync (blob-file-writer.ts, writesNow):
// under fsync they, and the empty body, still take the streamed path and must read back the same.
test('native: small and empty bodies under fsync durability read back byte-exact', async (t) => {
  const h = await harness('fsync');
  t.teardown(() => h.dispose());
  for (const data of [Buffer.alloc(0), Buffer.from('small fsynced body'), Buffer.alloc(64 * 1024 + 1, 'y')]) {
    const w = await h.blobs.write(once(data));
    t.is(w.size, data.length);
    t.is(await h.blobs.size(w.id), data.length);
    t.deepEqual(await readAll(h.blobs.read(w.id)), data);
    w.release();
  }
  t.is((await readdir(join(h.dir, 'blobs', 'tmp'))).length, 0);
});

// The store remembers which ab/cd/ directories it made; one removed by hand must be made again
// rather than fail the write with ENOENT.
test('native: a blob directory removed behind the store is made again on the next write', async (t) => {
  const h = await harness();
  t.teardown(() => h.dispose());
  for (const data of [Buffer.from('small body'), Buffer.alloc(200 * 1024, 'z')]) {
    const first = await h.blobs.write(once(data));
    first.release();
    await rm(join(h.dir, 'blobs', first.id.slice(0, 2)), { recursive: true, force: true });
    t.is(await h.blobs.size(first.id), undefined);
    const again = await h.blobs.write(once(data));
    t.is(again.id, first.id);
    t.deepEqual(await readAll(h.blobs.read(again.id)), data);
    again.release();
  }
});

test('native: only small blobs (up to 16 KiB) are kept in memory once read; larger ones are read from their file each time', async (t) => {
  // Regression: every blob up to 64 KiB was cached, and under s3-mixed the cache stayed full (4 MiB) at the peak.
  const h = await harness();
  t.teardown(() => h.dispose());
  const small = randomBytes(16 * 1024);
  const larger = randomBytes(16 * 1024 + 1);
  const [s, l] = [await h.blobs.write(once(small)), await h.blobs.write(once(larger))];
  for (const w of [s, l]) t.truthy(h.blobs.readBuffered(w.id, { start: 0, end: w.size - 1 }));
  // Behind the store's back: what is still readable now came from memory.
  for (const w of [s, l]) await rm(blobPath(resolve(h.dir, 'blobs'), w.id));
  t.true(h.blobs.readBuffered(s.id, { start: 0, end: s.size - 1 })?.equals(small));
  t.is(h.blobs.readBuffered(l.id, { start: 0, end: l.size - 1 }), undefined);
  s.release();
  l.release();
});
