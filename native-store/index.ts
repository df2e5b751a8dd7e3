/**
 * native-store: the on-disk storage backend (DESIGN.md §5).
 *   <dir>/meta   classic-level database: every MetaStore namespace, the blob references, the
 *                format version
 *   <dir>/blobs  content-addressed blob files, and tmp/ for writes in progress
 * Opening sweeps: temp files of unfinished writes and unreferenced blobs left by a crash go.
 */
import { join } from 'node:path';
import type { BodyHasherFactory } from '../src/checksums/index.js';
import type { Logger } from '../src/log.js';
import type { MetaStore } from '../src/storage/meta-store.js';
import { ensureDir } from './ensure-dir.js';
import { FileBlobStore } from './file-blob-store.js';
import { LevelMetaStore } from './level-meta-store.js';
import type { Durability } from './level-meta-store.js';

export type { Durability } from './level-meta-store.js';
export { FileBlobStore } from './file-blob-store.js';
export { LevelMetaStore } from './level-meta-store.js';
export { FORMAT_VERSION } from './format-version.js';

export interface NativeStoreOptions {
  dir: string;
  durability: Durability;
  log?: Logger;
  /** Sweep temp files and orphan blobs before resolving (default true). */
  sweep?: boolean;
  /** Where upload bodies are hashed (the emulator passes its worker pool's); default inline. */
  bodyHashers?: BodyHasherFactory;
}

export interface NativeStore {
  meta: MetaStore;
  blobs: FileBlobStore;
  /** What the sweep at open removed (zeros when `sweep: false`). */
  swept: { tempFilesRemoved: number; orphansRemoved: number };
  close(): Promise<void>;
}

export async function openNativeStore(options: NativeStoreOptions): Promise<NativeStore> {
  const { dir, durability, log } = options;
  await ensureDir(dir, 'data dir');
  const meta = await LevelMetaStore.open(join(dir, 'meta'), durability);
  let blobs: FileBlobStore;
  let swept = { tempFilesRemoved: 0, orphansRemoved: 0 };
  try {
    blobs = await FileBlobStore.open(join(dir, 'blobs'), meta, durability, options.bodyHashers);
    if (options.sweep !== false) {
      const started = performance.now();
      swept = await blobs.sweep();
      log?.info('storage swept', { dir, ...swept, ms: Math.round(performance.now() - started) });
    }
  } catch (err) {
    await meta.close();
    throw err;
  }
  let closing: Promise<void> | undefined;
  return {
    meta,
    blobs,
    swept,
    close: () => (closing ??= (async () => { await blobs.close(); await meta.close(); })()),
  };
}
