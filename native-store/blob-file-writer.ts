/**
 * Streams a body into a new file while hashing it; memory stays flat whatever the body size.
 *
 * Strategy, from bench/micro/blob-write.ts (64 MiB body in 64 KiB chunks; 2 cores shared with
 * other jobs, so figures are noisy): gather chunk references up to 1 MiB and hand them to one
 * `writev` (440–575 MB/s over three runs, fastest or within noise each time; copying
 * into a 1 MiB buffer did 487–546, one awaited write per chunk 344–463, a WriteStream at its
 * 64 KiB default 213–449; 4 MiB batches were no better and hold 4x the memory). Batches are now
 * 512 KiB: an upload holds about two batches plus the chunks queued before them, and at 1 MiB
 * that was 4-5 MiB of slabs per upload, 21 MiB at the peak of four concurrent 64 MiB PUTs
 * (bench s3-upload-figures, server probe); see BATCH_BYTES.
 *
 * Each batch goes to the disk and to the body's hasher at the same time. The hasher is chosen at
 * the first batch (BodyHasherFactory): a body smaller than one batch hashes inline, a larger one
 * in a worker (src/pool/hash-session.ts), so the main thread only receives and writes while MD5
 * runs on another core (bench s3-upload-figures). Writes stay in order (one writev at a time);
 * up to IN_FLIGHT batches are being written or taken in by the hasher (hashed inline, or copied
 * for its worker, whose own queue is bounded by its staging memory) while the next one fills,
 * and the writer stops reading the body (backpressure to the socket) until the oldest is done:
 * memory is about (IN_FLIGHT + 1) batches per body whatever its size and however slow the disk
 * or the hasher.
 *
 * The caller's chunks must not be reused after yielding them (Node streams never do) unless this
 * writer says so: chunks from reusable slabs (src/util/byte-slabs.ts) are handed back once
 * their batch is written (and taken in, for a hasher that keeps chunks: BodyHasher.keepsChunks).
 */
import { closeSync, openSync, writeSync, writevSync } from 'node:fs';
import { closeFile, datasyncFile, openFile, unlinkIfExists, writeFile, writevFile } from './fs-calls.js';
import type { BodyHasher } from '../src/checksums/index.js';
import type { Digests } from '../src/checksums/types.js';
import type { BlobWriteOptions } from '../src/storage/blob-store.js';
import { readBody } from '../src/storage/memory/read-body.js';
import { recycleAll, recycleBefore } from '../src/util/byte-slabs.js';

/**
 * Measured side by side on four concurrent 64 MiB PUTs (hash worker on, loaded machine): at 512 KiB
 * the slabs at the peak went from 21-22 to 16-17 MiB and the peak VmRSS from 103 to 98.5 MiB;
 * writev and the hash worker's messages per MiB double, which stays within the noise of server CPU
 * per GB. Must stay STAGING_BYTES (src/pool/staging.ts): one batch fills one staging buffer.
 */
const BATCH_BYTES = 512 * 1024;
/** Many tiny chunks: flush earlier rather than pass thousands of iovecs. */
const BATCH_CHUNKS = 256;
/**
 * Batches being written or taken in by the hasher while the next fills. One is enough: a pooled
 * hasher takes a batch in by copying it into its worker's queue (src/pool/staging.ts), which is
 * what keeps the worker busy; each more would hold another MiB of body per upload.
 */
const IN_FLIGHT = 1;

/** Bodies up to this size are written synchronously when not fsynced: see writesNow. */
const SMALL_WRITE_MAX = 64 * 1024;

async function writevAll(fd: number, chunks: Uint8Array[]): Promise<void> {
  let total = 0;
  for (const c of chunks) total += c.byteLength;
  let bytesWritten = await writevFile(fd, chunks);
  // A short write on a regular file means the disk is nearly full; finish it or let it fail.
  while (bytesWritten < total) {
    const rest = Buffer.concat(chunks).subarray(bytesWritten);
    const n = await writeFile(fd, rest);
    if (n === 0) throw new Error('short write: no space left on device?');
    bytesWritten += n;
  }
}

export interface WrittenFile { size: number; digests: Digests }

/**
 * Writes `body` to `path` (which must not exist) and hashes it with the hasher `hasherFor` gives
 * for its size as known at the first batch (the announced size, or what arrived so far). Resolves once the data is written (and fdatasynced when
 * `sync`) and hashed. On any failure (source error, abort, maxSize, I/O or hashing error) the
 * file is removed before the promise rejects.
 */
export async function writeBlobFile(path: string, body: AsyncIterable<Uint8Array>, hasherFor: (knownBytes: number) => BodyHasher,
  options: BlobWriteOptions, sync: boolean): Promise<WrittenFile> {
  /** The file, opened when the first batch is written through the thread pool. */
  let opened: Promise<number> | undefined;
  const fdNow = (): Promise<number> => (opened ??= openFile(path, 'wx'));
  let size = 0;
  let done = false;
  let hasher: BodyHasher | undefined;
  let writing: Promise<void> = Promise.resolve();
  /** Each batch's write and hash; they never reject (the first error is parked in `failure`). */
  const inFlight: Promise<void>[] = [];
  let failure: unknown;
  const fail = (e: unknown): void => { failure ??= e; };
  try {
    let batch: Uint8Array[] = [];
    let batchBytes = 0;
    const flush = async (more: boolean): Promise<void> => {
      const chunks = batch;
      batch = [];
      batchBytes = 0;
      // The announced size decides for a body that has only begun (a batch is smaller than the
      // worker's threshold); one of unknown length still arriving past a whole batch counts as large.
      hasher ??= hasherFor(options.expectedSize !== undefined ? Math.max(size, options.expectedSize) : more ? Infinity : size);
      const written = writing = writing.then(async () => (failure === undefined ? writevAll(await fdNow(), chunks) : undefined));
      const takenIn = hasher.push(chunks);
      // Once written (and taken in, if the hasher still reads them), the body's memory before
      // the batch's last chunk can be reused.
      const reusable = hasher.keepsChunks ? Promise.all([written, takenIn]) : written;
      inFlight.push(Promise.all([reusable.then(() => recycleBefore(chunks[chunks.length - 1]!)), takenIn]).then(() => undefined, fail));
      while (inFlight.length > IN_FLIGHT) await inFlight.shift();
      if (failure !== undefined) throw failure;
    };
    let last: Uint8Array | undefined;
    for await (const chunk of readBody(body, options)) {
      if (chunk.byteLength === 0) continue;
      last = chunk;
      size += chunk.byteLength;
      batch.push(chunk);
      batchBytes += chunk.byteLength;
      if (batchBytes >= BATCH_BYTES || batch.length >= BATCH_CHUNKS) await flush(true);
    }
    if (opened === undefined && writesNow(size, sync)) {
      // The whole (small) body is in hand and nothing has been written yet.
      hasher ??= hasherFor(options.expectedSize !== undefined ? Math.max(size, options.expectedSize) : size);
      const takenIn = batch.length > 0 ? hasher.push(batch) : undefined;
      writeWholeFileNow(path, batch);
      await takenIn;
    } else {
      if (batch.length > 0) await flush(false);
      await Promise.all(inFlight.splice(0));
      if (failure !== undefined) throw failure;
      const fd = await fdNow(); // an empty body still gets its (empty) file
      if (sync) await datasyncFile(fd);
    }
    hasher ??= hasherFor(0);
    const digests = await hasher.digests();
    done = true;
    // The body ended and every byte is written and hashed: all of its memory can be reused.
    if (last !== undefined) recycleAll(last);
    return { size, digests };
  } finally {
    if (!done) hasher?.abort();
    await Promise.all(inFlight);
    await writing.catch(() => undefined); // never close under a pending write
    const fd = await opened?.catch(() => undefined);
    if (fd !== undefined) await closeFile(fd);
    if (!done) await unlinkIfExists(path);
  }
}

/**
 * Whether a body of `size` bytes is written (and its temp file renamed into place) with
 * synchronous calls on the calling thread: up to SMALL_WRITE_MAX and only when nothing is
 * fsynced, so the thread is held for a few page-cache syscalls (tens of µs), never a disk flush.
 * Four thread-pool round trips (open, writev, close, rename) cost more CPU than the calls they
 * carry for a body this small; the read path makes the same choice (file-blob-store.ts,
 * SYNC_READ_MAX).
 */
export const writesNow = (size: number, sync: boolean): boolean => !sync && size <= SMALL_WRITE_MAX;

/** A whole body into a new file, synchronously; see writesNow. */
function writeWholeFileNow(path: string, chunks: Uint8Array[]): void {
  const fd = openSync(path, 'wx');
  try {
    let total = 0;
    for (const c of chunks) total += c.byteLength;
    let bytesWritten = total > 0 ? writevSync(fd, chunks) : 0;
    while (bytesWritten < total) {
      const n = writeSync(fd, Buffer.concat(chunks).subarray(bytesWritten));
      if (n === 0) throw new Error('short write: no space left on device?');
      bytesWritten += n;
    }
  } finally {
    closeSync(fd);
  }
}
