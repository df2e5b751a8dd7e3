/**
 * CRC32 and CRC32C of a concatenation from the CRCs and sizes of its pieces, without their bytes:
 * a multipart object's FULL_OBJECT checksum for these algorithms, computed at
 * CompleteMultipartUpload from the parts' stored checksums (as combineCrc64Nvme does for
 * CRC64NVME, src/checksums/crc64-nvme-combine.ts, whose method and notes apply unchanged: zlib's
 * crc32_combine, crc(A‖B) = crc(A)·x^(8·|B|) mod P ⊕ crc(B), in 32 bits).
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/checking-object-integrity.html
 */

/** Reflected polynomials. */
const POLYS = { CRC32: 0xedb88320, CRC32C: 0x82f63b78 } as const;
const ONE = 0x80000000; // x^0, reflected

function multModP(poly: number, a: number, b: number): number {
  let m = ONE;
  let p = 0;
  for (;;) {
    if (a & m) {
      p = (p ^ b) >>> 0;
      if ((a & (m - 1)) === 0) break;
    }
    m >>>= 1;
    b = b & 1 ? ((b >>> 1) ^ poly) >>> 0 : b >>> 1;
  }
  return p >>> 0;
}

/** x^(n·2^k) mod P, with `table[k]` = x^(2^k) mod P. */
function xPow2nModP(poly: number, table: readonly number[], n: number, k: number): number {
  let p = ONE;
  for (let rest = n; rest > 0; rest = Math.floor(rest / 2), k++) {
    if (rest % 2 === 1) p = multModP(poly, table[k % 32]!, p);
  }
  return p;
}

export interface Crc32Piece {
  /** The piece's CRC, 4 big-endian bytes (as stored and sent in x-amz-checksum-crc32). */
  crc: Uint8Array;
  size: number;
}

/** The CRC of the pieces' concatenation, 4 big-endian bytes. */
export function combineCrc32(algorithm: keyof typeof POLYS, pieces: readonly Crc32Piece[]): Buffer {
  const poly = POLYS[algorithm];
  const table = [ONE >>> 1];
  for (let k = 1; k < 32; k++) table.push(multModP(poly, table[k - 1]!, table[k - 1]!));
  let crc = 0;
  for (const piece of pieces) {
    const next = Buffer.from(piece.crc.buffer, piece.crc.byteOffset, piece.crc.byteLength).readUInt32BE(0);
    crc = (multModP(poly, xPow2nModP(poly, table, piece.size, 3), crc) ^ next) >>> 0;
  }
  const out = Buffer.allocUnsafe(4);
  out.writeUInt32BE(crc);
  return out;
}
