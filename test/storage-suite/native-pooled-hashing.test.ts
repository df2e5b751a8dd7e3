/**
 * The blob store suite again, with every body hashed in a hash worker (the emulator's setting for
 * large bodies, src/pool/hash-session.ts), so digests, addresses, dedup, aborts and errors are the
 * same whichever thread hashes.
 */
import test from 'ava';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileBlobStore, openNativeStore } from '../../native-store/index.js';
import { createWorkerPool } from '../../src/pool/index.js';
import { blobFiles } from './blob-files.js';
import { runBlobStoreSuite, withSlowRefReads } from './suite.js';

runBlobStoreSuite(test, async (options) => {
  const dir = await mkdtemp(join(tmpdir(), 'boltstack-pooled-'));
  const pool = createWorkerPool({ maxThreads: 2, thresholds: { checksum: 0 }, loneLargeBody: 'worker' });
  await pool.prepareBodyHashing();
  const bodyHashers = (algorithms: Parameters<typeof pool.bodyHasher>[0], bytes: number) => pool.bodyHasher(algorithms, bytes);
  const store = await openNativeStore({ dir, durability: 'process', bodyHashers });
  const blobs = options?.refReadDelayMs
    ? await FileBlobStore.open(join(dir, 'blobs'), withSlowRefReads(store.meta, options.refReadDelayMs), 'process', bodyHashers)
    : store.blobs;
  return {
    meta: store.meta,
    blobs,
    tempFiles: async () => (await readdir(join(dir, 'blobs', 'tmp'))).length,
    blobCount: async () => (await blobFiles(dir)).length,
    dispose: async () => { await store.close(); await pool.close(); await rm(dir, { recursive: true, force: true }); },
  };
});
