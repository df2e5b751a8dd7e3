/**
 * Where blobs live: <data>/blobs/ab/cd/<address>, and <data>/blobs/tmp/<name> while being
 * written. Two levels of 256 directories keep each directory small at millions of blobs.
 *
 * Paths are concatenated rather than made with path.join, which re-normalises the whole path on
 * every call (it showed in the allocation profile of each PutObject and in the CPU profile of
 * bench s3-sdk-get): `root` must already be normalised, as FileBlobStore.open makes it.
 */
import { randomBytes } from 'node:crypto';
import { sep } from 'node:path';

export const TMP_DIR = 'tmp';

export const blobParentDir = (root: string, id: string): string => `${root}${sep}${id.slice(0, 2)}`;

export const blobDir = (root: string, id: string): string => `${root}${sep}${id.slice(0, 2)}${sep}${id.slice(2, 4)}`;

export const blobPath = (root: string, id: string): string => `${root}${sep}${id.slice(0, 2)}${sep}${id.slice(2, 4)}${sep}${id}`;

export const tempPath = (root: string, name: string): string => `${root}${sep}${TMP_DIR}${sep}${name}`;

/**
 * Names for temp files: a random prefix per store and a counter, rather than random bytes per
 * write. The prefix keeps a new process clear of temp files a crashed one left behind (the open
 * uses 'wx', so a clash would fail the write rather than mix two bodies).
 */
export function tempNamer(): () => string {
  const prefix = randomBytes(8).toString('hex');
  let next = 0;
  return () => `${prefix}-${(next++).toString(36)}`;
}
