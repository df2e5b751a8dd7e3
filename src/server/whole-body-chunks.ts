/**
 * A body the adapter holds whole (a small uWS body, an in-memory request) as an async iterable of
 * at most one chunk, for consumers that iterate a body (HttpRequest.bodyChunks): no Readable.
 *
 * Why: a 4 KiB PutObject read its body through a Readable and Node's async iterator over it
 * (createAsyncIterator and end-of-stream's listeners): about 3 KB of the ~62 KB of V8 heap a small
 * PutObject allocated (sampling heap profile), and the peaks of bench v8-settings grow with the
 * bytes allocated per request. Here it is this object and the chunk's promise.
 *
 * `read` is called on the first `next()` only (and then no more: one chunk, then done); errors it
 * rejects with (a client abort) reach the consumer as a stream's would. A consumer that stops
 * before reading calls `return()`, which lets the body go (`drop`).
 */
const DONE: Promise<IteratorResult<Uint8Array, undefined>> = Promise.resolve({ done: true, value: undefined });

function asResult(body: Buffer): IteratorResult<Uint8Array, undefined> {
  return body.length === 0 ? { done: true, value: undefined } : { done: false, value: body };
}

export class WholeBodyChunks implements AsyncIterableIterator<Uint8Array> {
  #read: (() => Promise<Buffer>) | undefined;
  readonly #drop: () => void;

  constructor(read: () => Promise<Buffer>, drop: () => void) {
    this.#read = read;
    this.#drop = drop;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<IteratorResult<Uint8Array, undefined>> {
    const read = this.#read;
    if (read === undefined) return DONE;
    this.#read = undefined;
    return read().then(asResult);
  }

  return(): Promise<IteratorResult<Uint8Array, undefined>> {
    if (this.#read !== undefined) {
      this.#read = undefined;
      this.#drop();
    }
    return DONE;
  }
}
