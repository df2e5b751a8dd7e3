/**
 * CRC-32 (IEEE 802.3, reflected: zlib's, java.util.zip.CRC32's, Go's hash/crc32.ChecksumIEEE,
 * aws-sdk v2's util.crypto.crc32), computed here table-driven so that the tests checking
 * DynamoDB's x-amz-crc32 and S3's x-amz-checksum-crc32 do not lean on boltstack's own code.
 */
const TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** The CRC-32 of `bytes`, unsigned (x-amz-crc32 carries it in decimal). */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** The CRC-32 as base64 of its 4 big-endian bytes, as x-amz-checksum-crc32 carries it. */
export function crc32Base64(bytes: Uint8Array): string {
  const out = Buffer.alloc(4);
  out.writeUInt32BE(crc32(bytes));
  return out.toString('base64');
}
