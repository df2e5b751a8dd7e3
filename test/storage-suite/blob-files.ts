import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Files under <dir>/blobs/ab/cd/ (the stored blobs, not the temp dir). */
export async function blobFiles(dir: string): Promise<string[]> {
  const root = join(dir, 'blobs');
  const out: string[] = [];
  for (const ab of await readdir(root)) {
    if (ab === 'tmp') continue;
    for (const cd of await readdir(join(root, ab))) out.push(...await readdir(join(root, ab, cd)));
  }
  return out;
}
