/** Deterministic pseudo-random bytes, streamed, so large bodies never sit in memory. */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';

/** xorshift32 over 4-byte words: fast, and the same seed always gives the same bytes. */
function* patternChunks(size: number, seed: number, chunkSize: number): Generator<Buffer> {
  let state = seed >>> 0 || 1;
  for (let produced = 0; produced < size;) {
    const n = Math.min(chunkSize, size - produced);
    const buf = Buffer.allocUnsafe(n);
    let i = 0;
    for (; i + 4 <= n; i += 4) {
      state ^= state << 13; state >>>= 0; state ^= state >>> 17; state ^= state << 5; state >>>= 0;
      buf.writeUInt32LE(state, i);
    }
    for (; i < n; i++) buf[i] = i & 0xff;
    produced += n;
    yield buf;
  }
}

export function patternStream(size: number, seed = 1, chunkSize = 1 << 20): Readable {
  return Readable.from(patternChunks(size, seed, chunkSize), { objectMode: false });
}

export function patternBuffer(size: number, seed = 1): Buffer {
  return Buffer.concat([...patternChunks(size, seed, 1 << 20)], size);
}

export async function md5OfStream(stream: AsyncIterable<Uint8Array>): Promise<{ md5: string; size: number }> {
  const hash = createHash('md5');
  let size = 0;
  for await (const chunk of stream) { hash.update(chunk); size += chunk.length; }
  return { md5: hash.digest('hex'), size };
}

export const md5Hex = (data: Uint8Array): string => createHash('md5').update(data).digest('hex');
