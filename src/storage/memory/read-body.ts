/**
 * Reads a body for BlobStore.write, shared by both backends: yields its chunks, enforces
 * `maxSize` as bytes arrive, and rejects as soon as `signal` aborts, even while waiting for a
 * chunk that never comes (a client that stalls and then disconnects).
 *
 * The abort race is set up per chunk with an add/removeEventListener pair rather than one
 * long-lived abort promise raced against every next(): Promise.race leaves a reaction on the
 * long-lived promise per call, so memory would grow with the number of chunks.
 */
import type { BlobWriteOptions } from '../blob-store.js';

function nextOrAbort<T>(it: AsyncIterator<T>, signal: AbortSignal): Promise<IteratorResult<T>> {
  return new Promise((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    it.next().then(
      (r) => { signal.removeEventListener('abort', onAbort); resolve(r); },
      (e: unknown) => { signal.removeEventListener('abort', onAbort); reject(e); },
    );
  });
}

export async function* readBody(body: AsyncIterable<Uint8Array>, options: BlobWriteOptions = {}): AsyncGenerator<Uint8Array, number> {
  const { signal, maxSize } = options;
  const it = body[Symbol.asyncIterator]();
  let size = 0;
  let finished = false;
  try {
    for (;;) {
      signal?.throwIfAborted();
      const r = signal ? await nextOrAbort(it, signal) : await it.next();
      if (r.done) {
        finished = true;
        return size;
      }
      size += r.value.byteLength;
      if (maxSize !== undefined && size > maxSize) {
        throw options.tooLarge?.() ?? new RangeError(`body exceeds the maximum size of ${maxSize} bytes`);
      }
      yield r.value;
    }
  } finally {
    // Stop the source when we quit early (abort, too large, consumer error). Not awaited: a
    // next() may still be pending, and an async generator would queue return() behind it.
    if (!finished) it.return?.()?.catch(() => {});
  }
}
