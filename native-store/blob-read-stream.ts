/**
 * A blob file (or a byte range of it) as a Readable whose chunks are lent buffers
 * (src/util/lent-buffers.ts): a chunk the consumer gives back is read into again, so a download
 * of any size cycles through a handful of buffers instead of allocating one per read.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { lend } from '../src/util/lent-buffers.js';

const CHUNK_BYTES = 256 * 1024;
/** Given-back buffers kept per stream; read-ahead, a chunk in flight and one pending in uWS. */
const KEEP = 4;

export class BlobReadStream extends Readable {
  readonly #path: string;
  #position: number;
  /** Inclusive, as in BlobRange; Infinity for the whole file. */
  readonly #end: number;
  #file: FileHandle | undefined;
  readonly #free: Buffer[] = [];
  readonly #returnTo = (buffer: Buffer): void => {
    if (this.#free.length < KEEP && !this.destroyed) this.#free.push(buffer);
  };

  constructor(path: string, range?: { start: number; end: number }) {
    // One chunk of read-ahead.
    super({ highWaterMark: CHUNK_BYTES });
    this.#path = path;
    this.#position = range?.start ?? 0;
    this.#end = range?.end ?? Infinity;
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
    // allocUnsafeSlow: a buffer that owns its ArrayBuffer, never a slice of Node's shared pool.
    const buffer = this.#free.pop() ?? Buffer.allocUnsafeSlow(CHUNK_BYTES);
    this.#file!.read(buffer, 0, want, this.#position).then(({ bytesRead }) => {
      if (this.destroyed) return;
      if (bytesRead === 0) {
        this.push(null);
        return;
      }
      this.#position += bytesRead;
      lend(buffer, this.#returnTo);
      this.push(buffer.subarray(0, bytesRead));
    }, (error: Error) => this.destroy(error));
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.#free.length = 0;
    const file = this.#file;
    this.#file = undefined;
    if (file === undefined) callback(error);
    else file.close().then(() => callback(error), () => callback(error));
  }
}
