/**
 * Recovery and garbage collection for the file blob store: removes temp files left by writes
 * that never finished (a crash, a kill -9) and blobs nothing references. Runs at open and may run
 * in the background; it only decides candidates, and the store's collect() re-checks each one
 * under its per-id lock, so a concurrent write or reference is never lost.
 *
 * References are read one ab/cd directory at a time with a single range scan of the refs
 * namespace, rather than one lookup per blob, and memory stays bounded by one directory.
 */
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { BLOB_REFS_NS } from '../src/storage/blob-refs.js';
import type { MetaStore } from '../src/storage/meta-store.js';
import { isBlobAddress } from '../src/storage/memory/blob-address.js';
import { TMP_DIR } from './blob-paths.js';

export interface SweepContext {
  root: string;
  meta: MetaStore;
  isActiveTemp(name: string): boolean;
  isPinned(id: string): boolean;
  collect(id: string): Promise<boolean>;
}

const HEX2 = /^[0-9a-f]{2}$/;

async function listDir(path: string): Promise<string[]> {
  try {
    return (await readdir(path)).sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

/** Ids that have at least one reference among those starting with `prefix`. */
async function referencedIds(meta: MetaStore, prefix: string): Promise<Set<string>> {
  const ids = new Set<string>();
  // Ref keys are `${id}\0${owner}` and ids are lowercase hex, so '~' bounds the prefix.
  for await (const [key] of meta.iterate(BLOB_REFS_NS, { gte: prefix, lt: `${prefix}~` })) {
    ids.add(key.slice(0, key.indexOf('\u0000')));
  }
  return ids;
}

export async function sweepBlobs(ctx: SweepContext): Promise<{ tempFilesRemoved: number; orphansRemoved: number }> {
  let tempFilesRemoved = 0;
  let orphansRemoved = 0;
  for (const name of await listDir(join(ctx.root, TMP_DIR))) {
    if (ctx.isActiveTemp(name)) continue;
    await rm(join(ctx.root, TMP_DIR, name), { force: true, recursive: true });
    tempFilesRemoved++;
  }
  for (const ab of await listDir(ctx.root)) {
    if (!HEX2.test(ab)) continue;
    for (const cd of await listDir(join(ctx.root, ab))) {
      if (!HEX2.test(cd)) continue;
      const files = (await listDir(join(ctx.root, ab, cd))).filter(isBlobAddress);
      if (files.length === 0) continue;
      const referenced = await referencedIds(ctx.meta, ab + cd);
      for (const id of files) {
        if (referenced.has(id) || ctx.isPinned(id)) continue;
        if (await ctx.collect(id)) orphansRemoved++;
      }
    }
  }
  return { tempFilesRemoved, orphansRemoved };
}
