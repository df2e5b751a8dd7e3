/**
 * CRC-64/NVME (poly 0x9a6c9329ac4bc9b5 reflected, init and xorout all ones), the algorithm behind
 * `x-amz-checksum-crc64nvme`.
 *
 * Why not `@aws-sdk/crc64-nvme` at run time: its `digest()` returns a Promise, while our `Hasher`
 * contract is synchronous (a MultiHasher finishes every digest in one call). This is the same
 * slice-by-8 table algorithm as that package's pure-JS fallback; test/unit/checksums.test.ts checks
 * it against the package on random data and against the catalogue check value for "123456789".
 * The 64-bit state is kept as two uint32 halves because BigInt arithmetic is ~50x slower.
 */
import type { Hasher } from './types.js';

const POLY_HI = 0x9a6c9329;
const POLY_LO = 0xac4bc9b5;

/**
 * Eight 256-entry tables, each entry stored as [hi, lo] uint32 pairs (16 KiB), built with 32-bit
 * arithmetic (well under 1 ms) on the first hasher, not at import: the build loop is hot enough
 * to be JIT-compiled, and that compilation leaves ~5 MB of RSS behind in an emulator that may
 * never see a CRC-64 request (measured: importing this module took idle RSS from 42 to 49 MB;
 * DESIGN.md §6a). The tables never change once built.
 */
function buildTables(): Uint32Array[] {
  const tables: Uint32Array[] = [];
  for (let slice = 0; slice < 8; slice++) {
    const table = new Uint32Array(512);
    for (let i = 0; i < 256; i++) {
      let hi = 0;
      let lo = i;
      for (let j = 0; j < 8 * (slice + 1); j++) {
        const carry = lo & 1;
        lo = ((lo >>> 1) | ((hi & 1) << 31)) >>> 0;
        hi >>>= 1;
        if (carry) { hi = (hi ^ POLY_HI) >>> 0; lo = (lo ^ POLY_LO) >>> 0; }
      }
      table[i * 2] = hi;
      table[i * 2 + 1] = lo;
    }
    tables.push(table);
  }
  return tables;
}

let TABLES: readonly Uint32Array[] | undefined;

export class Crc64NvmeHasher implements Hasher {
  #hi = 0xffffffff;
  #lo = 0xffffffff;
  update(data: Uint8Array): void {
    const [t0, t1, t2, t3, t4, t5, t6, t7] = (TABLES ??= buildTables()) as [Uint32Array, Uint32Array, Uint32Array, Uint32Array,
      Uint32Array, Uint32Array, Uint32Array, Uint32Array];
    const len = data.length;
    let hi = this.#hi;
    let lo = this.#lo;
    let i = 0;
    while (i + 8 <= len) {
      const i0 = ((lo ^ data[i]!) & 255) << 1;
      const i1 = (((lo >>> 8) ^ data[i + 1]!) & 255) << 1;
      const i2 = (((lo >>> 16) ^ data[i + 2]!) & 255) << 1;
      const i3 = (((lo >>> 24) ^ data[i + 3]!) & 255) << 1;
      const i4 = ((hi ^ data[i + 4]!) & 255) << 1;
      const i5 = (((hi >>> 8) ^ data[i + 5]!) & 255) << 1;
      const i6 = (((hi >>> 16) ^ data[i + 6]!) & 255) << 1;
      const i7 = (((hi >>> 24) ^ data[i + 7]!) & 255) << 1;
      hi = t7[i0]! ^ t6[i1]! ^ t5[i2]! ^ t4[i3]! ^ t3[i4]! ^ t2[i5]! ^ t1[i6]! ^ t0[i7]!;
      lo = t7[i0 + 1]! ^ t6[i1 + 1]! ^ t5[i2 + 1]! ^ t4[i3 + 1]! ^ t3[i4 + 1]! ^ t2[i5 + 1]! ^ t1[i6 + 1]! ^ t0[i7 + 1]!;
      i += 8;
    }
    for (; i < len; i++) {
      const idx = ((lo ^ data[i]!) & 255) << 1;
      lo = ((lo >>> 8) | ((hi & 255) << 24)) >>> 0;
      hi = (hi >>> 8) ^ t0[idx]!;
      lo ^= t0[idx + 1]!;
    }
    this.#hi = hi;
    this.#lo = lo;
  }

  digest(): Buffer {
    const out = Buffer.allocUnsafe(8);
    out.writeUInt32BE((this.#hi ^ 0xffffffff) >>> 0, 0);
    out.writeUInt32BE((this.#lo ^ 0xffffffff) >>> 0, 4);
    return out;
  }
}
