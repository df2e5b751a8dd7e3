/**
 * Marker files saying "this service may have background work to resume" (an SNS HTTP delivery
 * in the outbox, a running SQS message move task), kept outside LevelDB so that a start can
 * tell, from one directory listing, whether the store needs opening at all (DESIGN.md §6a: an
 * idle emulator does not open its store; opening it costs about 4 MiB of RSS).
 *
 * Layout: `<dataDir>/background-work/<service>`, an empty file per service. A service marks
 * itself (file and directory fsynced) before the first durable write that creates background
 * work since the process started, and only once per process: the result is cached, so a
 * publish costs nothing after the first. A marker is removed at start when the service's own
 * check (START_CHECKS) finds no work left; a stale one only costs opening the store once.
 * Marks and removals of one service run one after the other, so a removal never lands after
 * a mark that followed it.
 */
import { mkdir, open, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';

export const BACKGROUND_WORK_DIR = 'background-work';

/** What a service sees: its own marker. */
export interface BackgroundWorkMarker {
  /** Resolves once the marker is durable; call before the write that creates the work. */
  mark(): Promise<void>;
}

export class BackgroundMarkers {
  readonly #dir: string;
  /** Per service: the mark made by this process (resolved once durable). */
  readonly #marked = new Map<string, Promise<void>>();
  /** Per service: the last mark or removal queued, so they run in order. */
  readonly #queue = new Map<string, Promise<unknown>>();

  constructor(dataDir: string) {
    this.#dir = join(dataDir, BACKGROUND_WORK_DIR);
  }

  /** Services whose marker exists (none when the directory does not). */
  async marked(): Promise<string[]> {
    try {
      return await readdir(this.#dir);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
  }

  for(service: string): BackgroundWorkMarker {
    return { mark: () => this.mark(service) };
  }

  mark(service: string): Promise<void> {
    let marked = this.#marked.get(service);
    if (marked === undefined) {
      marked = this.#then(service, () => this.#write(service));
      this.#marked.set(service, marked);
      // A failed mark is tried again by the next caller (which fails its request meanwhile).
      marked.catch(() => { if (this.#marked.get(service) === marked) this.#marked.delete(service); });
    }
    return marked;
  }

  /** Removes the marker unless this process has marked it (its work is then newer than the check). */
  clearUnlessMarked(service: string): Promise<void> {
    return this.#then(service, async () => {
      if (this.#marked.has(service)) return;
      await unlink(join(this.#dir, service)).catch((err: NodeJS.ErrnoException) => { if (err.code !== 'ENOENT') throw err; });
    });
  }

  #then(service: string, step: () => Promise<void>): Promise<void> {
    const next = (this.#queue.get(service) ?? Promise.resolve()).catch(() => undefined).then(step);
    this.#queue.set(service, next);
    return next;
  }

  async #write(service: string): Promise<void> {
    await mkdir(this.#dir, { recursive: true });
    const file = await open(join(this.#dir, service), 'w');
    try { await file.sync(); } finally { await file.close(); }
    // The directory entries themselves (marker, and the marker directory in the data dir).
    await syncDir(this.#dir);
    await syncDir(join(this.#dir, '..'));
  }
}

async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try { await handle.sync(); } finally { await handle.close(); }
}
