/**
 * Blob references live in the MetaStore, one key per (blob, owner), so that a record and the
 * reference it holds are written in the same atomic batch: no read-modify-write counter.
 */
import type { MetaOp, MetaStore } from './meta-store.js';

export const BLOB_REFS_NS = 'blobrefs';
const SEP = '\u0000';

export const blobRefKey = (blobId: string, owner: string): string => `${blobId}${SEP}${owner}`;

export const addBlobRef = (blobId: string, owner: string): MetaOp =>
  ({ type: 'put', ns: BLOB_REFS_NS, key: blobRefKey(blobId, owner), value: '' });

export const dropBlobRef = (blobId: string, owner: string): MetaOp =>
  ({ type: 'del', ns: BLOB_REFS_NS, key: blobRefKey(blobId, owner) });

export async function hasBlobRefs(meta: MetaStore, blobId: string): Promise<boolean> {
  for await (const _entry of meta.iterate(BLOB_REFS_NS, { gte: `${blobId}${SEP}`, lt: `${blobId}\u0001`, limit: 1 })) {
    return true;
  }
  return false;
}
