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
 * calls it (node:http keeps chunks queued) just leaves the buffers to the GC. The lender is a
 * symbol-keyed property of the buffer's ArrayBuffer, so giving back needs only the view.
 */
const LENDER = Symbol('boltstack.lender');
type Lent = ArrayBuffer & { [LENDER]?: ((buffer: Buffer) => void) | undefined };

/** Lends `buffer` (which must own its whole ArrayBuffer) until `giveBack` of a view of it. */
export function lend(buffer: Buffer, returnTo: (buffer: Buffer) => void): void {
  (buffer.buffer as Lent)[LENDER] = returnTo;
}

/** The consumer is done with the chunk `view` (a whole lent buffer or part of one). */
export function giveBack(view: Uint8Array): void {
  const arrayBuffer = view.buffer as Lent;
  const returnTo = arrayBuffer[LENDER];
  if (returnTo === undefined) return;
  arrayBuffer[LENDER] = undefined;
  returnTo(Buffer.from(arrayBuffer));
}
