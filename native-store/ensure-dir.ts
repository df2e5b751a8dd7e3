/**
 * Creates a directory and its missing parents, one level at a time. Node 20's
 * `mkdir(..., { recursive: true })` reports ENOENT for a read-only file system (the real cause is
 * EROFS) and never settles for some paths (e.g. under /proc); a user who points --data-dir at
 * such a place must get the true reason at once, not a misleading one or a hang.
 */
import type { Stats } from 'node:fs';
import { dirname } from 'node:path';
import { fsCall } from '../src/util/node-builtins.js';

const code = (err: unknown): string | undefined => (err as NodeJS.ErrnoException | undefined)?.code;

/** mkdir that treats "already a directory" as success. */
async function mkdirOnce(dir: string): Promise<void> {
  try {
    await fsCall((fs, done) => fs.mkdir(dir, done));
  } catch (err) {
    if (code(err) !== 'EEXIST') throw err;
    if (!(await fsCall<Stats>((fs, done) => fs.stat(dir, done))).isDirectory()) throw Object.assign(new Error(`${dir} exists and is not a directory`), { code: 'ENOTDIR' });
  }
}

async function ensure(dir: string): Promise<void> {
  try {
    await mkdirOnce(dir);
    return;
  } catch (err) {
    if (code(err) !== 'ENOENT' || dirname(dir) === dir) throw err;
  }
  await ensure(dirname(dir));
  // The parent exists now: a second ENOENT is the file system refusing (procfs does), not a
  // missing parent, so it is reported rather than retried (Node's own recursive mkdir loops here).
  await mkdirOnce(dir);
}

/** Ensures `dir` exists; errors say which directory and why, in one line. */
export async function ensureDir(dir: string, what = 'directory'): Promise<void> {
  try {
    await ensure(dir);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw Object.assign(new Error(`cannot use ${what} ${dir}: ${reason}`), { code: code(err) });
  }
}
