/**
 * A blob file (or a byte range of it) as a Readable whose chunks are lent buffers
 * (src/util/lent-buffers.ts): a chunk the consumer gives back goes to the store's ReadBuffers and
 * is read into again, by this download or the next one, so downloads cycle through a handful of
 * buffers instead of allocating one per read.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { lend } from '../src/util/lent-buffers.js';
import { freeNow } from '../src/util/free-now.js';
import { IdleFreeList } from '../src/util/idle-free-list.js';

export const CHUNK_BYTES = 256 * 1024;
/**
 * Given-back buffers kept for the next reads, shared by the downloads of one store. Per stream
 * (four each, dropped with the stream) a download of 70 KiB..16 MiB took two to four fresh
 * 256 KiB buffers and left them to the GC; under `s3-mixed` (half of its GETs are above 64 KiB)
 * they piled up as dead external memory until a major GC. Eight cover the read-ahead and the
 * chunk in flight of four concurrent downloads; more downloads allocate, as before.
 */
const KEEP = 8;
/** Kept buffers are freed after this long without a read: an idle emulator holds none (§6a). */
const IDLE_MS = 10_000;

/** The read buffers of one store: a free list of CHUNK_BYTES buffers, freed when idle. */
export class ReadBuffers {
  readonly #free = new IdleFreeList<Buffer>(KEEP, IDLE_MS, (buffers) => freeNow(buffers.map((b) => b.buffer as ArrayBuffer)));
  /** Bound once: the lender every chunk of every stream names. */
  readonly giveBack = (buffer: Buffer): void => this.#free.keep(buffer);

  take(): Buffer {
    // allocUnsafeSlow: a buffer that owns its ArrayBuffer, never a slice of Node's shared pool.
    return this.#free.take() ?? Buffer.allocUnsafeSlow(CHUNK_BYTES);
  }
}

export class BlobReadStream extends Readable {
  readonly #path: string;
  #position: number;
  /** Inclusive, as in BlobRange; Infinity for the whole file. */
  readonly #end: number;
  #file: FileHandle | undefined;
  readonly #buffers: ReadBuffers;

  constructor(path: string, range?: { start: number; end: number }, buffers: ReadBuffers = new ReadBuffers()) {
    // One chunk of read-ahead.
    super({ highWaterMark: CHUNK_BYTES });
    this.#path = path;
    this.#position = range?.start ?? 0;
    this.#end = range?.end ?? Infinity;
    this.#buffers = buffers;
  }

  override _construct(callback: (error?: Error | null) => void): void {
    open(this.#path, 'r').then((file) => { this.#file = file; callback(); }, callback);
  }

  override _read(): void {
    const want = Math.min(CHUNK_BYTES, this.#end - this.#position + 1);
    if (want <= 0) {
      this.push(null);
      return;
    }
    const buffer = this.#buffers.take();
    this.#file!.read(buffer, 0, want, this.#position).then(({ bytesRead }) => {
      // Not handed to anyone: straight back for the next read.
      if (this.destroyed || bytesRead === 0) this.#buffers.giveBack(buffer);
      if (this.destroyed) return;
      if (bytesRead === 0) {
        this.push(null);
        return;
      }
      this.#position += bytesRead;
      lend(buffer, this.#buffers.giveBack);
      this.push(buffer.subarray(0, bytesRead));
    }, (error: Error) => {
      this.#buffers.giveBack(buffer);
      this.destroy(error);
    });
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    const file = this.#file;
    this.#file = undefined;
    if (file === undefined) callback(error);
    else file.close().then(() => callback(error), () => callback(error));
  }
}
