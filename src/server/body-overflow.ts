/**
 * The bytes of one request body that arrived although its socket was paused, kept in arrival
 * order until the consumer asks for them: a little in memory, the rest in a temp file.
 *
 * Why: uWS v20.51 (@based/uws 6.0.1, the build for Node 22 and 24) keeps reading a socket after
 * `res.pause()` for as long as each read fills its 512 KiB buffer. Its loop (uSockets loop.c)
 * repeats full reads without looking at the pause: up to 10 in a row when other sockets are
 * ready, without end when none are. A client on a fast link keeps the reads full, so a paused
 * upload was read whole into memory: four concurrent 256 MiB PUTs on Node 22 peaked at 370 MiB
 * (bench s3-upload-figures --mib 256), a single upload grew with its size. Parked in a file
 * instead, memory stays bounded by MEMORY_BYTES per body; the file costs a write and a read of
 * page cache per parked byte, only while the pause is being ignored. uWS v20.30 (Node 20) honours
 * the pause and never gets here.
 *
 * The file is unlinked as soon as it is opened where the platform allows (a crash leaves
 * nothing behind), and is created in the data dir rather than os.tmpdir(), which is often a
 * tmpfs, i.e. memory again.
 */
import { join } from 'node:path';
import { nodeFs } from '../util/node-builtins.js';

/** Overflow kept in memory before the file is used: two uWS reads. */
export const MEMORY_BYTES = 1024 * 1024;

let spillFiles = 0;
/** Where a chunk read back from a file lands before `copy` places it (reads are synchronous: one will do). */
let scratch: Buffer | undefined;

export class BodyOverflow {
  readonly #dir: string;
  readonly #memory: Buffer[] = [];
  #memoryBytes = 0;
  /** Lengths of the chunks in the file not yet read back, oldest first. */
  readonly #parked: number[] = [];
  #parkedHead = 0;
  #fd: number | undefined;
  #path: string | undefined;
  #writeAt = 0;
  #readAt = 0;

  /** `dir`: where a spill file may be made (the data dir). */
  constructor(dir: string) {
    this.#dir = dir;
  }

  get empty(): boolean {
    return this.#memory.length === 0 && this.#parkedHead === this.#parked.length;
  }

  /**
   * Keeps `chunk` (valid only now): a copy (`copy`) in memory while under MEMORY_BYTES and
   * nothing is in the file, else written to the file, so everything comes back in arrival order.
   */
  add(chunk: Uint8Array, copy: (chunk: Uint8Array) => Buffer): void {
    const inFile = this.#parkedHead < this.#parked.length;
    if (!inFile && this.#memoryBytes + chunk.byteLength <= MEMORY_BYTES) {
      this.#memory.push(copy(chunk));
      this.#memoryBytes += chunk.byteLength;
      return;
    }
    const fd = this.#fd ?? this.#open();
    let done = 0;
    while (done < chunk.byteLength) done += nodeFs().writeSync(fd, chunk, done, chunk.byteLength - done, this.#writeAt + done);
    this.#writeAt += chunk.byteLength;
    this.#parked.push(chunk.byteLength);
  }

  /** The oldest chunk kept, or undefined when none; `copy` places a chunk read back from the file. */
  take(copy: (chunk: Uint8Array) => Buffer): Buffer | undefined {
    const fromMemory = this.#memory.shift();
    if (fromMemory !== undefined) {
      this.#memoryBytes -= fromMemory.byteLength;
      return fromMemory;
    }
    if (this.#parkedHead === this.#parked.length || this.#fd === undefined) return undefined;
    const length = this.#parked[this.#parkedHead++]!;
    if (scratch === undefined || scratch.byteLength < length) scratch = Buffer.allocUnsafeSlow(Math.max(length, MEMORY_BYTES / 2));
    const bytes = scratch.subarray(0, length);
    let done = 0;
    while (done < length) {
      const n = nodeFs().readSync(this.#fd, bytes, done, length - done, this.#readAt + done);
      if (n === 0) throw new Error('request body spill file ended early');
      done += n;
    }
    this.#readAt += length;
    if (this.#parkedHead === this.#parked.length) this.#rewind();
    return copy(bytes);
  }

  /** Lets the file go (the body ended, was dropped, or the client left). */
  close(): void {
    this.#memory.length = 0;
    this.#memoryBytes = 0;
    this.#parked.length = 0;
    this.#parkedHead = 0;
    if (this.#fd === undefined) return;
    nodeFs().closeSync(this.#fd);
    this.#fd = undefined;
    if (this.#path !== undefined) {
      try { nodeFs().unlinkSync(this.#path); } catch { /* already gone */ }
    }
  }

  /** All read back: the file is written from its start again (its pages are reused, not grown). */
  #rewind(): void {
    this.#parked.length = 0;
    this.#parkedHead = 0;
    this.#writeAt = 0;
    this.#readAt = 0;
  }

  #open(): number {
    const path = join(this.#dir, `.body-spill-${process.pid}-${(spillFiles++).toString(36)}`);
    const fd = nodeFs().openSync(path, 'wx+');
    this.#fd = fd;
    try {
      nodeFs().unlinkSync(path); // POSIX: the open fd keeps it; nothing is left if the process dies.
    } catch {
      this.#path = path; // Windows: an open file cannot be unlinked; close() does it.
    }
    return fd;
  }
}
