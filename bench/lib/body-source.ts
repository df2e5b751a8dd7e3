/**
 * Deterministic pseudo-random bodies of any size, produced chunk by chunk (never held whole).
 * Each chunk is a fresh copy of a random block with its index stamped in, so no two chunks are
 * equal and a server cannot shortcut them. The MD5 is computed by a separate pass (`md5()`),
 * outside any timed transfer, so the client does not spend a core hashing while it is measured.
 */
import { createHash, randomBytes } from 'node:crypto';

export interface BodySource {
  readonly size: number;
  chunks(): AsyncGenerator<Uint8Array>;
  /** MD5 (hex) of the body: one untimed pass over chunks(), cached. */
  md5(): Promise<string>;
}

export function bodySource(size: number, chunkSize = 256 * 1024): BodySource {
  const block = randomBytes(chunkSize);
  let digest: Promise<string> | undefined;
  async function* chunks(): AsyncGenerator<Uint8Array> {
    let index = 0;
    for (let off = 0; off < size; off += chunkSize, index++) {
      const n = Math.min(chunkSize, size - off);
      const chunk = Buffer.from(block.subarray(0, n));
      if (n >= 8) chunk.writeDoubleLE(index, 0);
      yield chunk;
    }
  }
  return {
    size,
    chunks,
    md5: () => (digest ??= (async () => {
      const h = createHash('md5');
      for await (const c of chunks()) h.update(c);
      return h.digest('hex');
    })()),
  };
}

/** The next `bytes` bytes of `it` as their own iterable (chunks split at the boundary). */
export async function* take(it: AsyncIterator<Uint8Array>, bytes: number, carry: { rest?: Uint8Array }): AsyncGenerator<Uint8Array> {
  let left = bytes;
  while (left > 0) {
    let chunk = carry.rest;
    carry.rest = undefined;
    if (chunk === undefined) {
      const r = await it.next();
      if (r.done) return;
      chunk = r.value;
    }
    if (chunk.length > left) {
      carry.rest = chunk.subarray(left);
      chunk = chunk.subarray(0, left);
    }
    left -= chunk.length;
    yield chunk;
  }
}
