/**
 * This machine's single-core MD5 speed, the bound of any one upload (S3's ETag is the MD5 of the
 * body, and MD5 is sequential): node:crypto MD5 over `data` in 1 MiB updates, in this process.
 * Measured next to each timed upload, so both see the same load on a shared machine.
 */
import { createHash, randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';

const UPDATE = 1024 * 1024;

/** Random bytes to hash; allocated once per run by the caller. */
export function md5Input(bytes: number): Buffer {
  return randomBytes(bytes);
}

/** MB/s (10^6 bytes) of one MD5 pass over `data`. */
export function md5Speed(data: Buffer): number {
  const t0 = performance.now();
  const h = createHash('md5');
  for (let off = 0; off < data.length; off += UPDATE) h.update(data.subarray(off, off + UPDATE));
  h.digest();
  return Math.round(data.length / 1e6 / ((performance.now() - t0) / 1000));
}
