/**
 * The data dir lock (native-store/dir-lock.ts) and the store opened on first use: a second
 * emulator is refused at start although LevelDB is not open yet; a lock left by a dead process
 * is taken over; a store that cannot open fails the first request and ends the CLI in one line.
 */
import test from 'ava';
import { spawn } from 'node:child_process';
import { access, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { lockDataDir } from '../../native-store/dir-lock.js';
import { startChild, tempDir } from '../helpers/server.js';

const exists = (path: string): Promise<boolean> => access(path).then(() => true, () => false);

test('a lock held by a live process is refused with its pid; a dead owner\'s lock is taken over', async (t) => {
  const tmp = await tempDir();
  const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
  try {
    await writeFile(join(tmp.dir, 'boltstack.lock'), `${sleeper.pid}\n`);
    const err = await t.throwsAsync(lockDataDir(tmp.dir));
    t.regex(err!.message, new RegExp(`data dir is in use by another process .* locked by pid ${sleeper.pid}`));
    sleeper.kill('SIGKILL');
    await new Promise((resolve) => sleeper.once('exit', resolve));
    const release = await lockDataDir(tmp.dir); // the owner is gone: stale
    await t.throwsAsync(lockDataDir(tmp.dir), { message: /in use by another process/ }, 'held by this process now');
    await release();
    t.false(await exists(join(tmp.dir, 'boltstack.lock')));
  } finally {
    sleeper.kill('SIGKILL');
    await tmp.remove();
  }
});

test('a lock with this process\'s pid that this process did not take is a previous run\'s (PID 1 in a container)', async (t) => {
  const tmp = await tempDir();
  try {
    await writeFile(join(tmp.dir, 'boltstack.lock'), `${process.pid}\n`);
    const release = await lockDataDir(tmp.dir);
    await release();
    t.pass();
  } finally {
    await tmp.remove();
  }
});

test('the store opens on the first AWS request, not at start', async (t) => {
  const tmp = await tempDir();
  try {
    const server = await startChild(['--port', '0', '--data-dir', tmp.dir, '--log-level', 'error']);
    t.true(await exists(join(tmp.dir, 'boltstack.lock')));
    t.is((await fetch(`${server.endpoint}/_boltstack/health`)).status, 200);
    t.false(await exists(join(tmp.dir, 'meta')), 'no database before an AWS request');
    t.is((await fetch(`${server.endpoint}/`)).status, 200); // ListBuckets
    t.true(await exists(join(tmp.dir, 'meta')));
    t.is(await server.stop(), 0);
    t.false(await exists(join(tmp.dir, 'boltstack.lock')), 'released at exit');
  } finally {
    await tmp.remove();
  }
});

test('a store that cannot open ends the CLI with one line naming the reason', async (t) => {
  const tmp = await tempDir();
  try {
    await mkdir(join(tmp.dir, 'meta'));
    await writeFile(join(tmp.dir, 'meta', 'CURRENT'), 'garbage\n'); // not a LevelDB database
    const server = await startChild(['--port', '0', '--data-dir', tmp.dir, '--log-level', 'silent']);
    let stderr = '';
    server.child.stderr!.on('data', (d: Buffer) => { stderr += d.toString(); });
    const exited = new Promise<number | null>((resolve) => server.child.once('exit', (code) => resolve(code)));
    const answer = await fetch(`${server.endpoint}/`).then((r) => r.status, () => 'connection closed');
    t.not(answer, 200);
    t.is(await exited, 1);
    t.regex(stderr, /^boltstack: cannot open the metadata store .*meta: /m);
  } finally {
    await tmp.remove();
  }
});
