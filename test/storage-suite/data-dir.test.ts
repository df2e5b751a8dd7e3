/**
 * An unusable --data-dir fails at once with the directory and the real reason. Regression: Node
 * 20's recursive mkdir never settled for a path under /proc (boltstack hung silently at start)
 * and reports ENOENT for a read-only file system.
 */
import test from 'ava';
import { mkdtemp, mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDir } from '../../native-store/ensure-dir.js';

test('creates missing parents, accepts an existing directory', async (t) => {
  const root = await mkdtemp(join(tmpdir(), 'ensure-dir-'));
  try {
    const deep = join(root, 'a', 'b', 'c');
    await ensureDir(deep);
    t.true((await stat(deep)).isDirectory());
    await ensureDir(deep);
    await mkdir(join(root, 'x'));
    await ensureDir(join(root, 'x'));
    t.pass();
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

test('a file in the way is refused with the path', async (t) => {
  const root = await mkdtemp(join(tmpdir(), 'ensure-dir-'));
  try {
    await writeFile(join(root, 'file'), 'x');
    const err = await t.throwsAsync(ensureDir(join(root, 'file'), 'data dir'));
    t.regex(err!.message, /cannot use data dir .*file: .*not a directory/);
    const below = await t.throwsAsync(ensureDir(join(root, 'file', 'sub'), 'data dir'));
    t.regex(below!.message, /ENOTDIR|not a directory/);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

test('a place the file system refuses (procfs) fails instead of hanging', async (t) => {
  t.timeout(5000);
  const err = await t.throwsAsync(ensureDir('/proc/boltstack-test/data', 'data dir'));
  t.regex(err!.message, /cannot use data dir \/proc\/boltstack-test\/data: /);
});

test('a second emulator on the same data dir is refused in plain words', async (t) => {
  const { startBoltstack, tempDir } = await import('../helpers/server.js');
  const tmp = await tempDir();
  const first = await startBoltstack({ ephemeral: false, dataDir: tmp.dir });
  try {
    const err = await t.throwsAsync(startBoltstack({ ephemeral: false, dataDir: tmp.dir }));
    t.regex(err!.message, /data dir is in use by another process/);
    t.is((await fetch(`${first.endpoint}/_boltstack/health`)).status, 200);
  } finally {
    await first.stop();
    await tmp.remove();
  }
});
