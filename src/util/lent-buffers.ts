/**
 * Buffers lent to a consumer for one chunk of a response body, handed back when it is done.
 *
 * Why: a file stream allocates a fresh buffer per read, and V8 frees such external memory only
 * at a major GC, after about 64 MB has piled up: downloading a 1 GiB object grew RSS by ~30 MB
 * of dead buffers (s3-figures, figure 6). A blob read stream lends its buffers instead
 * (native-store/blob-read-stream.ts) and reuses each one that comes back.
 *
 * The consumer that sends a chunk calls `giveBack(view)` once nothing refers to the chunk any
 * more (the uWS writer: when uWS has taken every byte, which it copies). A consumer that never
 * calls it (node:http keeps chunks queued) just leaves the buffers to the GC.
 */
const lenders = new WeakMap<ArrayBuffer, (buffer: Buffer) => void>();

/** Lends `buffer` (which must own its whole ArrayBuffer) until `giveBack` of a view of it. */
export function lend(buffer: Buffer, returnTo: (buffer: Buffer) => void): void {
  lenders.set(buffer.buffer as ArrayBuffer, returnTo);
}

/** The consumer is done with the chunk `view` (a whole lent buffer or part of one). */
export function giveBack(view: Uint8Array): void {
  const arrayBuffer = view.buffer as ArrayBuffer;
  const returnTo = lenders.get(arrayBuffer);
  if (returnTo === undefined) return;
  lenders.delete(arrayBuffer);
  returnTo(Buffer.from(arrayBuffer));
}
