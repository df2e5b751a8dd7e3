/**
 * Marker files saying "this service may have background work to resume" (an SNS HTTP delivery
 * in the outbox, a running SQS message move task), kept outside LevelDB so that a start can
 * tell, from one directory listing, whether the store needs opening at all (DESIGN.md §6a: an
 * idle emulator does not open its store; opening it costs about 4 MiB of RSS).
 *
 * Layout: `<dataDir>/background-work/<service>`, an empty file per service. A service marks
 * itself before the first durable write that creates background work since the process started,
 * and only once per process: the result is cached, so a publish costs nothing after the first.
 * A service removes its marker while the server runs once its background work has drained
 * (`drained()`), so the next start does not open the store for nothing; a marker is also removed
 * at start when the service's own check (START_CHECKS) finds no work left (a kill -9 between the
 * last work and the removal leaves a stale one, which costs opening the store once). Marks and
 * removals of one service run one after the other, so a removal never lands after a mark that
 * followed it, and a mark after `drained()` writes the marker again before the work it precedes.
 *
 * Synced only under `--durability fsync` (the file and both directories), where the store's
 * writes are synced too and the marker must reach the disk first. Under the default `process`
 * durability the store's writes are not synced, and a kill -9 keeps what the kernel was given,
 * so the created file is enough. A mark and its removal took 0.5-4 ms with the three fsyncs on
 * this machine's disk, 0.1 ms without (more on a laptop's container volume), paid again by every
 * SNS HTTP publish that finds its outbox drained.
 */
import { join } from 'node:path';
import { fsCall } from '../util/node-builtins.js';

export const BACKGROUND_WORK_DIR = 'background-work';

/** What a service sees: its own marker. */
export interface BackgroundWorkMarker {
  /** Resolves once the marker is durable; call before the write that creates the work. */
  mark(): Promise<void>;
  /**
   * The service's background work has drained: its marker is removed. Call only once the store
   * holds none of that work (its last removal written) and no write that a `mark()` preceded is
   * still to come; the next `mark()` writes the marker again. Errors are the caller's to log: a
   * marker left behind only costs a store open at the next start.
   */
  drained(): Promise<void>;
}

export class BackgroundMarkers {
  readonly #dir: string;
  /** Per service: the mark made by this process (resolved once durable). */
  readonly #marked = new Map<string, Promise<void>>();
  /** Per service: the last mark or removal queued, so they run in order. */
  readonly #queue = new Map<string, Promise<unknown>>();
  /** Services whose marker may exist: listed at start or marked since (a drain without one is no file operation). */
  readonly #present = new Set<string>();

  readonly #sync: boolean;

  constructor(dataDir: string, durability: 'process' | 'fsync' = 'fsync') {
    this.#dir = join(dataDir, BACKGROUND_WORK_DIR);
    this.#sync = durability === 'fsync';
  }

  /** Services whose marker exists (none when the directory does not). */
  async marked(): Promise<string[]> {
    try {
      const names = await fsCall<string[]>((fs, done) => fs.readdir(this.#dir, done));
      for (const name of names) this.#present.add(name);
      return names;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
  }

  for(service: string): BackgroundWorkMarker {
    return { mark: () => this.mark(service), drained: () => this.drained(service) };
  }

  mark(service: string): Promise<void> {
    let marked = this.#marked.get(service);
    if (marked === undefined) {
      this.#present.add(service);
      marked = this.#then(service, () => this.#write(service));
      this.#marked.set(service, marked);
      // A failed mark is tried again by the next caller (which fails its request meanwhile).
      marked.catch(() => { if (this.#marked.get(service) === marked) this.#marked.delete(service); });
    }
    return marked;
  }

  /** Removes the marker; a later mark() writes it again (it no longer answers from its cache). */
  drained(service: string): Promise<void> {
    if (!this.#present.has(service)) return Promise.resolve();
    this.#present.delete(service);
    this.#marked.delete(service);
    return this.#then(service, () => this.#remove(service));
  }

  /** Removes the marker unless this process has marked it (its work is then newer than the check). */
  clearUnlessMarked(service: string): Promise<void> {
    return this.#then(service, async () => {
      if (this.#marked.has(service)) return;
      this.#present.delete(service);
      await this.#remove(service);
    });
  }

  async #remove(service: string): Promise<void> {
    await fsCall((fs, done) => fs.unlink(join(this.#dir, service), done)).catch((err: NodeJS.ErrnoException) => { if (err.code !== 'ENOENT') throw err; });
  }

  #then(service: string, step: () => Promise<void>): Promise<void> {
    const next = (this.#queue.get(service) ?? Promise.resolve()).catch(() => undefined).then(step);
    this.#queue.set(service, next);
    return next;
  }

  async #write(service: string): Promise<void> {
    await fsCall<string>((fs, done) => fs.mkdir(this.#dir, { recursive: true }, done));
    await syncFile(join(this.#dir, service), 'w', this.#sync);
    if (!this.#sync) return;
    // The directory entries themselves (marker, and the marker directory in the data dir).
    await syncDir(this.#dir);
    await syncDir(join(this.#dir, '..'));
  }
}

async function syncDir(dir: string): Promise<void> {
  await syncFile(dir, 'r', true);
}

/** Opens (with `flags`), fsyncs when `sync`, and closes. */
async function syncFile(path: string, flags: 'r' | 'w', sync: boolean): Promise<void> {
  const fd = await fsCall<number>((fs, done) => fs.open(path, flags, done));
  try {
    if (sync) await fsCall((fs, done) => fs.fsync(fd, done));
  } finally {
    await fsCall((fs, done) => fs.close(fd, done));
  }
}
