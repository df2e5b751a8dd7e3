/**
 * A uWS request body that streams (chunked, or longer than SMALL_BODY; smaller ones are
 * uws-small-body.ts) as a Node Readable with backpressure.
 *
 * uWS hands body bytes to `res.onData` as an ArrayBuffer that is neutered when the callback
 * returns, so each chunk is copied, into reusable slabs (util/byte-slabs.ts). When `push()` says the consumer is behind, the socket is
 * paused (`res.pause()`), and the stream's read() resumes it: memory stays bounded by the high-water mark
 * plus one network read, however slow the consumer (disk, hashing) is.
 *
 * uWS v20.51 (Node 22/24) keeps delivering reads after a pause while they fill its buffer: those
 * chunks wait in a BodyOverflow (body-overflow.ts: a little memory, then a file), in order, and
 * the socket stays paused until they have all been handed on.
 *
 * The Readable is a member (`stream`), not a base class: extending node:stream's Readable would
 * load node:stream (20 of Node's modules) when this module loads, at start (util/node-builtins.ts).
 */
import type { Readable } from 'node:stream';
import { nodeStream } from '../util/node-builtins.js';
import { SlabChain, type SlabPool } from '../util/byte-slabs.js';
import type { UwsExchange } from './uws-exchange.js';
import { clientAbortedError } from './client-aborted.js';
import { BodyOverflow } from './body-overflow.js';

/**
 * Chunks held for a consumer that is behind: enough to keep a disk write busy without holding
 * much. A uWS read is at most 512 KiB, and under upload load nearly every one is that large
 * (measured on four concurrent 64 MiB PUTs: 753 of 809 chunks were 256-512 KiB), so each chunk
 * held is about one blob-writer batch (512 KiB), and the writer has the batch it writes and the
 * one it fills besides. Four held 2 MiB per upload; two: slabs at the peak of the four PUTs
 * 13.5-13.8 against 17.3-18.5 MiB, peak VmRSS 87.5-89.9 against 92.0-93.1 MiB, MB/s and server
 * CPU per GB within the noise (s3-upload-figures' workload, same build otherwise, loaded machine).
 *
 * Counted in chunks (objectMode) rather than bytes on purpose, as node-http-request-body.ts: a
 * byte stream's read() joins everything buffered into one fresh Buffer, so a `for await`
 * consumer that had waited got joined copies instead of slab views: garbage for every batch,
 * and views the blob writer could not hand back. It matters most on Node 22/24, whose uWS
 * build keeps delivering a read after pause(), so more piles up while the consumer is behind.
 */
const HIGH_WATER_CHUNKS = 2;


export class UwsRequestBody {
  /** What the consumer reads (HttpRequest.body). */
  readonly stream: Readable;
  readonly #exchange: UwsExchange;
  readonly #slabs: SlabChain;
  #paused = false;
  #ended = false;
  /** The last byte has arrived, but the end waits behind the overflow. */
  #endPending = false;
  /** Made on the first chunk that arrives while paused (only uWS v20.51 sends one). */
  #overflow: BodyOverflow | undefined;
  readonly #spillDir: string;
  /** Set when the response went out before the body was read: the rest is drained and dropped. */
  #discarding = false;

  /**
   * `declaredLength`: the Content-Length of a body without a transfer coding (sizes its slabs).
   * `spillDir`: where the overflow may make its file (the data dir).
   */
  constructor(exchange: UwsExchange, slabs: SlabPool, spillDir: string, declaredLength?: number) {
    this.stream = new (nodeStream().Readable)({ objectMode: true, highWaterMark: HIGH_WATER_CHUNKS, read: () => this.#read() });
    this.#exchange = exchange;
    this.#spillDir = spillDir;
    this.#slabs = new SlabChain(slabs, declaredLength);
    // A client that disconnects before anyone reads the body destroys it with an error; with no
    // listener that error would be thrown and end the process. Readers still get it through
    // their iterator or their own listener.
    this.stream.on('error', () => undefined);
  }

  /** True once the last body byte has arrived from the network. */
  get complete(): boolean {
    return this.#ended;
  }

  /** Feeds one uWS data callback; called synchronously inside it. */
  onChunk(chunk: ArrayBuffer, isLast: boolean): void {
    if (isLast) this.#ended = true;
    const stream = this.stream;
    if (this.#discarding || stream.destroyed) {
      if (isLast) this.#unpause();
      return;
    }
    let more = true;
    if (chunk.byteLength > 0) {
      // Copied now: uWS reuses its receive buffer once the callback returns. A chunk that came
      // although the socket is paused (or behind one that did) waits its turn in the overflow.
      if (this.#paused || this.#overflow?.empty === false) this.#park(chunk);
      else more = stream.push(this.#slabs.copy(chunk));
    }
    if (isLast) {
      // uWS (v20.51) still delivers reads after pause(), so the end can arrive while paused; the
      // connection must be resumed or its next request is never read.
      this.#unpause();
      if (this.#overflow?.empty === false) this.#endPending = true;
      else {
        this.#overflow?.close();
        stream.push(null);
      }
      return;
    }
    if (!more && !this.#paused && this.#exchange.socketUsable) {
      this.#paused = true;
      this.#exchange.res.pause();
    }
  }

  /** The client went away: fail the consumer unless every byte had already arrived. */
  onAbort(): void {
    if (!this.#ended) {
      this.#overflow?.close();
      this.stream.destroy(clientAbortedError());
    }
  }

  /**
   * The response is about to end while the body is still arriving: let uWS drain the rest (it
   * must, to keep the connection usable) and drop it. Called before the response ends, while
   * `res` is still valid.
   */
  onResponseEnd(): void {
    if (this.#ended) return;
    this.#discarding = true;
    this.#overflow?.close();
    this.#unpause();
    if (!this.stream.destroyed) this.stream.destroy();
  }

  /** Nobody will read the body: the rest flows in and is dropped (HttpRequest.discardBody). */
  discard(): void {
    if (this.stream.readableEnded || this.stream.destroyed) return;
    this.stream.resume();
  }

  #park(chunk: ArrayBuffer): void {
    try {
      (this.#overflow ??= new BodyOverflow(this.#spillDir)).add(new Uint8Array(chunk), (bytes) => this.#slabs.copy(bytes));
    } catch (err) {
      // No room on disk (or no data dir): the upload fails rather than the process.
      this.#overflow?.close();
      this.stream.destroy(err instanceof Error ? err : new Error(String(err)));
    }
  }

  /** The consumer wants more: the overflow first, in order; the socket once it is empty. */
  #read(): void {
    const overflow = this.#overflow;
    if (overflow !== undefined && !overflow.empty) {
      try {
        for (let chunk = overflow.take((bytes) => this.#slabs.copy(bytes)); chunk !== undefined; chunk = overflow.take((bytes) => this.#slabs.copy(bytes))) {
          if (!this.stream.push(chunk)) return;
        }
      } catch (err) {
        overflow.close();
        this.stream.destroy(err instanceof Error ? err : new Error(String(err)));
        return;
      }
    }
    if (this.#endPending) {
      this.#endPending = false;
      overflow?.close();
      this.stream.push(null);
      return;
    }
    this.#unpause();
  }

  #unpause(): void {
    if (!this.#paused || !this.#exchange.socketUsable) return;
    this.#paused = false;
    this.#exchange.res.resume();
  }
}
