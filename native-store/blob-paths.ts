/**
 * Where blobs live: <data>/blobs/ab/cd/<address>, and <data>/blobs/tmp/<random> while being
 * written. Two levels of 256 directories keep each directory small at millions of blobs.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

export const TMP_DIR = 'tmp';

export const blobDir = (root: string, id: string): string => join(root, id.slice(0, 2), id.slice(2, 4));

export const blobPath = (root: string, id: string): string => join(blobDir(root, id), id);

export const tempPath = (root: string, name: string): string => join(root, TMP_DIR, name);

export const newTempName = (): string => randomBytes(12).toString('hex');
