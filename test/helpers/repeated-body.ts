/** A request body for memory tests: `total` bytes, one 64 KiB block sent again and again, so the client allocates nothing per chunk. */
import { Readable } from 'node:stream';

export function repeated(total: number): Readable {
  const block = Buffer.alloc(64 * 1024, 0x61);
  let produced = 0;
  return new Readable({
    read() {
      const n = Math.min(block.length, total - produced);
      if (n <= 0) return void this.push(null);
      produced += n;
      this.push(n === block.length ? block : block.subarray(0, n));
    },
  });
}
