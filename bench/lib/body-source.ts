/**
 * Deterministic pseudo-random bodies of any size, produced chunk by chunk (never held whole),
 * with their MD5 computed as they are produced. Each chunk is a fresh copy of a random block with
 * its index stamped in, so no two chunks are equal and a server cannot shortcut them.
 */
import { createHash, randomBytes } from 'node:crypto';

export interface BodySource {
  readonly size: number;
  chunks(): AsyncGenerator<Uint8Array>;
  /** MD5 (hex) of the last full pass of chunks(). */
  md5(): string;
}

export function bodySource(size: number, chunkSize = 256 * 1024): BodySource {
  const block = randomBytes(chunkSize);
  let digest = '';
  return {
    size,
    md5: () => digest,
    async *chunks() {
      const h = createHash('md5');
      let index = 0;
      for (let off = 0; off < size; off += chunkSize, index++) {
        const n = Math.min(chunkSize, size - off);
        const chunk = Buffer.from(block.subarray(0, n));
        if (n >= 8) chunk.writeDoubleLE(index, 0);
        h.update(chunk);
        yield chunk;
      }
      digest = h.digest('hex');
    },
  };
}
