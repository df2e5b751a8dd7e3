/**
 * Request bodies generated on the fly. One 2 MiB pattern is filled from the seed once per run;
 * a body of any size (multi-GiB included) is streamed as 1 MiB views into that pattern at offsets
 * derived from the key and the chunk index, so nothing is copied or held whole, consecutive chunks
 * differ, and the same (seed, key, size) always yields the same bytes.
 */
import type { BodySource } from '../types.js';
import { mixSeed, mulberry32 } from './prng.js';

export const CHUNK_SIZE = 2 ** 20;

export interface BodyFactory {
  /** The body of `size` bytes written for key `n`. */
  body(n: number, size: number): BodySource;
}

export function createBodyFactory(seed: number): BodyFactory {
  const pattern = new Uint8Array(2 * CHUNK_SIZE);
  const words = new Uint32Array(pattern.buffer);
  const random = mulberry32(mixSeed(seed, 0xb0d1));
  for (let i = 0; i < words.length; i++) words[i] = (random() * 4294967296) >>> 0;
  return { body: (n, size) => patternBody(pattern, mixSeed(seed, n), size) };
}

function patternBody(pattern: Uint8Array, keySeed: number, size: number): BodySource {
  const offsetOf = (chunk: number): number => mixSeed(keySeed, chunk) % CHUNK_SIZE;
  return {
    size,
    whole: size <= CHUNK_SIZE ? () => pattern.subarray(offsetOf(0), offsetOf(0) + size) : undefined,
    async *stream() {
      for (let off = 0, chunk = 0; off < size; off += CHUNK_SIZE, chunk++) {
        const start = offsetOf(chunk);
        yield pattern.subarray(start, start + Math.min(CHUNK_SIZE, size - off));
      }
    },
  };
}

/** Reads a whole body into memory: for drivers whose API needs one buffer (small items, messages). */
export async function bodyBytes(body: BodySource): Promise<Uint8Array> {
  const whole = body.whole?.();
  if (whole) return whole;
  const out = new Uint8Array(body.size);
  let off = 0;
  for await (const chunk of body.stream()) { out.set(chunk, off); off += chunk.length; }
  return out;
}
