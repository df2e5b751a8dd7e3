/** The in-memory storage backend, for unit tests (native-store is the real one). */
import type { BlobStore } from '../blob-store.js';
import type { MetaStore } from '../meta-store.js';
import { MemoryBlobStore } from './memory-blob-store.js';
import { MemoryMetaStore } from './memory-meta-store.js';

export { MemoryBlobStore } from './memory-blob-store.js';
export { MemoryMetaStore } from './memory-meta-store.js';
export { compareUtf8 } from '../../util/utf8-order.js';

export interface MemoryStorage {
  meta: MetaStore;
  blobs: BlobStore;
  close(): Promise<void>;
}

export function createMemoryStorage(): MemoryStorage {
  const meta = new MemoryMetaStore();
  const blobs = new MemoryBlobStore(meta);
  return { meta, blobs, close: async () => { await blobs.close(); await meta.close(); } };
}
