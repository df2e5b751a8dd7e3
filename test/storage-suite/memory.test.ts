import test from 'ava';
import { MemoryBlobStore, MemoryMetaStore } from '../../src/storage/memory/index.js';
import { runBlobStoreSuite, runMetaStoreSuite, withSlowRefReads } from './suite.js';

runMetaStoreSuite(test, async () => {
  const meta = new MemoryMetaStore();
  return { meta, dispose: () => meta.close() };
});

runBlobStoreSuite(test, async (options) => {
  const meta = new MemoryMetaStore();
  const blobs = new MemoryBlobStore(options?.refReadDelayMs ? withSlowRefReads(meta, options.refReadDelayMs) : meta);
  return {
    meta,
    blobs,
    tempFiles: async () => 0,
    blobCount: async () => blobs.count,
    dispose: async () => { await blobs.close(); await meta.close(); },
  };
});
