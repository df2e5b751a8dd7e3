/**
 * CRC-64/NVME of a concatenation from the CRCs of its pieces, without their bytes: what a
 * multipart object's FULL_OBJECT checksum is (CRC64NVME supports no other type in S3), computed
 * at CompleteMultipartUpload from the parts' stored checksums and sizes.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/checking-object-integrity.html
 *
 * zlib's crc32_combine method (multmodp / x2nmodp), widened to 64 bits: for a reflected CRC whose
 * init and xorout are both all ones, crc(A‖B) = crc(A)·x^(8·|B|) mod P  ⊕  crc(B). BigInt is
 * fine here: a few hundred multiplications per part, once per completion.
 */

/** The reflected polynomial (CRC-64/NVME: 0xad93d23594c93659 bit-reversed). */
const POLY = 0x9a6c9329ac4bc9b5n;
/** In reflected order the top bit is x^0. */
const ONE = 1n << 63n;
const MASK = (1n << 64n) - 1n;

/** a·b mod P, both in reflected order. */
function multModP(a: bigint, b: bigint): bigint {
  let m = ONE;
  let p = 0n;
  for (;;) {
    if (a & m) {
      p ^= b;
      if ((a & (m - 1n)) === 0n) break;
    }
    m >>= 1n;
    b = b & 1n ? (b >> 1n) ^ POLY : b >> 1n;
  }
  return p & MASK;
}

/** x^(2^k) mod P for k = 0..63 (x^(8·n) needs k up to 3 + log2 n). */
function powerTable(): bigint[] {
  const table = [ONE >> 1n]; // x^1
  for (let k = 1; k < 64; k++) table.push(multModP(table[k - 1]!, table[k - 1]!));
  return table;
}

/** x^(n·2^k) mod P. */
function xPow2nModP(table: readonly bigint[], n: number, k: number): bigint {
  let p = ONE;
  for (let rest = BigInt(n); rest > 0n; rest >>= 1n, k++) {
    if (rest & 1n) p = multModP(table[k % 64]!, p);
  }
  return p;
}

export interface CrcPiece {
  /** The piece's CRC-64/NVME, 8 big-endian bytes (as stored and sent in x-amz-checksum-crc64nvme). */
  crc: Uint8Array;
  /** The piece's length in bytes. */
  size: number;
}

/** CRC-64/NVME of the pieces' concatenation, 8 big-endian bytes. */
export function combineCrc64Nvme(pieces: readonly CrcPiece[]): Buffer {
  const table = powerTable();
  let crc = 0n; // the CRC of the empty input
  for (const piece of pieces) {
    const next = Buffer.from(piece.crc.buffer, piece.crc.byteOffset, piece.crc.byteLength).readBigUInt64BE(0);
    crc = multModP(xPow2nModP(table, piece.size, 3), crc) ^ next;
  }
  const out = Buffer.allocUnsafe(8);
  out.writeBigUInt64BE(crc);
  return out;
}
