/**
 * A node:http request body whose memory is reused rather than left to the GC (Node 22 and later).
 *
 * Why: node's HTTP parser hands every body piece (up to one 64 KiB socket read) over in a fresh
 * ArrayBuffer, which V8 frees only at a major GC. On Node 24 a 200 MiB upload consumed slowly
 * piled up 45-60 MiB (and up to 112 MiB in earlier runs) of such garbage in `arrayBuffers`
 * (test/unit/server-adapters, against 64 MiB allowed; Node 20 and 22: about 32 MiB). So, as in
 * the uWS adapter, each piece past the first SMALL_BODY bytes is copied into the server's
 * reusable slabs (util/byte-slabs.ts), which the blob writer hands back once written, and the
 * piece itself is freed at once with `ArrayBuffer.prototype.transfer(0)` (a detached buffer gives
 * its memory back immediately). Small bodies keep node's own buffers, uncopied.
 *
 * Node 20 has no `transfer`: there the adapter hands node's IncomingMessage over as it is
 * (`releasesChunks()` is false), since copying without freeing would only add memory.
 *
 * Backpressure: when the consumer is behind, the IncomingMessage is paused, which stops reading
 * the socket once node's own small buffer is full; `_read()` resumes it. A client abort (node's
 * ECONNRESET "aborted" error) fails the body as it did before; destroying the body destroys the
 * IncomingMessage, as destroying that directly did.
 */
import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { SlabChain, type SlabPool } from '../util/byte-slabs.js';
import { clientAbortedError } from './client-aborted.js';

/**
 * Chunks held for a consumer that is behind: node's body pieces are at most one 64 KiB socket
 * read, so about 256 KiB, as the uWS body holds.
 *
 * Counted in chunks (objectMode) rather than bytes on purpose: a byte stream's read() joins
 * everything buffered into one fresh Buffer, so a consumer iterating with `for await` after a
 * pause got copies of up to 256 KiB instead of slab views: new garbage for every batch, and
 * views the blob writer could not hand back (measured on Node 24, a 200 MiB upload with a
 * consumer that waits 2 ms per MiB: arrayBuffers +52 MiB joined, +2 MiB chunk by chunk).
 */
const HIGH_WATER_CHUNKS = 4;

type Transferable = ArrayBuffer & { transfer?: (newLength?: number) => ArrayBuffer };

/** Whether this Node can free a buffer's memory on the spot (ArrayBuffer.prototype.transfer, Node 21+). */
export function releasesChunks(): boolean {
  return typeof (ArrayBuffer.prototype as Transferable).transfer === 'function';
}

/** Frees `chunk`'s memory now, if `chunk` is all of its ArrayBuffer (never a slice of a shared pool). */
function release(chunk: Buffer): void {
  const buffer = chunk.buffer as Transferable;
  if (chunk.byteOffset !== 0 || chunk.byteLength !== buffer.byteLength) return;
  try {
    buffer.transfer!(0);
  } catch {
    // A buffer that cannot be detached is left to the GC, as before.
  }
}

/** A destroy by a consumer that gave up (no error, or an AbortError), not a failure or the client's abort. */
const abandoned = (error: Error | null): boolean => error === null || error.name === 'AbortError';

export class NodeHttpRequestBody extends Readable {
  readonly #req: IncomingMessage;
  readonly #slabs: SlabChain;
  #ended = false;
  /** Set when the response went out before the body ended: the rest is read and dropped. */
  #discarding = false;

  constructor(req: IncomingMessage, slabs: SlabPool) {
    super({ objectMode: true, highWaterMark: HIGH_WATER_CHUNKS });
    this.#req = req;
    // A declared length sizes the slabs; with a transfer coding the length is unknown.
    this.#slabs = new SlabChain(slabs, req.headers['transfer-encoding'] === undefined ? Number(req.headers['content-length']) : undefined);
    // As the uWS body: an abort before anyone reads must not become an uncaught error.
    this.on('error', () => undefined);
    req.on('data', (chunk: Buffer) => this.#onData(chunk));
    req.once('end', () => {
      this.#ended = true;
      this.push(null);
    });
    req.once('error', (error) => this.destroy(error));
    req.once('close', () => {
      if (!this.#ended) this.destroy(clientAbortedError());
    });
  }

  /**
   * The response has gone out while the body is still arriving: drop the rest so that node reads
   * past it to the connection's next request (node itself only does that for a body nobody
   * started reading, and this stream has). As the uWS body's onResponseEnd.
   */
  onResponseEnd(): void {
    if (this.#ended) return;
    this.#discarding = true;
    this.#req.resume();
    if (!this.destroyed) this.destroy();
  }

  override _read(): void {
    this.#req.resume();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    if (abandoned(error) && !this.#ended && !this.#req.destroyed) {
      // The consumer stopped reading (an iterator's return, or the pipeline it fed aborting it:
      // e.g. an aws-chunked body refused at a malformed trailer): its answer is still to come, so
      // the connection must live. The rest is read and dropped, as the uWS body does. Closing it
      // here reset the connection under the client's writes, and the client never read the 400
      // (Node 24, a 100 KB trailer line: test/services/s3/hostile-checksums.test.ts).
      this.#discarding = true;
      this.#req.resume();
    } else if (!this.#discarding && !this.#req.destroyed) {
      // A failure (a client abort included) closes a body still arriving, as destroying the
      // IncomingMessage itself did; destroying one whose body is complete leaves the connection alone.
      this.#req.destroy(error ?? undefined);
    }
    callback(error);
  }

  #onData(chunk: Buffer): void {
    if (this.#discarding || this.destroyed) return release(chunk);
    const kept = this.#slabs.adopt(chunk);
    if (kept !== chunk) release(chunk);
    if (!this.push(kept)) this.#req.pause();
  }
}
