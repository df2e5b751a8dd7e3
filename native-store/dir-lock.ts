/**
 * One emulator per data dir, checked at start without opening the database.
 *
 * The metadata store opens on the first AWS request (loading LevelDB costs ~7 MB of idle RSS,
 * DESIGN.md §6a), but a second emulator on the same data dir must still be refused at start, in
 * plain words. LevelDB's own LOCK (an fcntl lock, out of Node's reach) stays the final guard
 * when the store opens. This lock is `<dir>/boltstack.lock`, holding the owner's pid:
 *   - created exclusively; if it exists, the owner is alive when its pid answers signal 0 and,
 *     where /proc exists, that process is a node; otherwise the lock is stale (kill -9, reboot)
 *     and is taken over;
 *   - a lock with this process's own pid is held by this process only if this process took it
 *     (two embedded instances in one process); otherwise it is a previous run that had the same
 *     pid (PID 1 in a container, restarted on a persistent volume).
 */
import { join } from 'node:path';
import { fsCall, nodeFs } from '../src/util/node-builtins.js';

const LOCK_FILE = 'boltstack.lock';
/** Data dirs locked by this process. */
const heldHere = new Set<string>();

export class DataDirInUseError extends Error {}

function ownerAlive(pid: number, lockPath: string): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return heldHere.has(lockPath);
  try {
    process.kill(pid, 0);
  } catch (err) {
    // EPERM: alive, but another user's.
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    return nodeFs().readFileSync(`/proc/${pid}/cmdline`, 'latin1').includes('node');
  } catch {
    return true; // no /proc (macOS): signal 0 is all there is
  }
}

async function createExclusive(lockPath: string): Promise<boolean> {
  try {
    await fsCall((fs, done) => fs.writeFile(lockPath, `${process.pid}\n`, { flag: 'wx' }, done));
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
}

/** Takes the data dir's lock, or throws DataDirInUseError; resolves to its release. */
export async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  const lockPath = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    if (await createExclusive(lockPath)) {
      heldHere.add(lockPath);
      let released = false;
      return async () => {
        if (released) return;
        released = true;
        heldHere.delete(lockPath);
        await fsCall((fs, done) => fs.rm(lockPath, { force: true }, done));
      };
    }
    const pid = Number.parseInt(await fsCall<string>((fs, done) => fs.readFile(lockPath, 'utf8', done)).catch(() => ''), 10);
    if (ownerAlive(pid, lockPath)) {
      throw new DataDirInUseError(`the data dir is in use by another process (another boltstack?): ${dir} is locked by pid ${pid} (${lockPath})`);
    }
    await fsCall((fs, done) => fs.rm(lockPath, { force: true }, done)); // stale: its owner is gone
  }
  throw new DataDirInUseError(`the data dir is in use by another process (another boltstack?): ${dir} (${lockPath} keeps reappearing)`);
}
