/**
 * Digest encodings AWS uses on the wire: base64 for `x-amz-checksum-*` and Content-MD5, hex for
 * the ETag (https://docs.aws.amazon.com/AmazonS3/latest/userguide/checking-object-integrity.html).
 */
import type { ChecksumAlgorithm, Digests } from './types.js';

export const toBase64 = (digest: Uint8Array): string => Buffer.from(digest.buffer, digest.byteOffset, digest.byteLength).toString('base64');

export const toHex = (digest: Uint8Array): string => Buffer.from(digest.buffer, digest.byteOffset, digest.byteLength).toString('hex');

/** Decodes a base64 header value; undefined when it is not valid base64 of `bytes` bytes. */
export function fromBase64(value: string, bytes: number): Buffer | undefined {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(value) || value.length % 4 !== 0) return undefined;
  const out = Buffer.from(value, 'base64');
  return out.length === bytes ? out : undefined;
}

/** Raw digest length of each algorithm in bytes. */
export const DIGEST_BYTES: Readonly<Record<ChecksumAlgorithm, number>> = {
  md5: 16, crc32: 4, crc32c: 4, sha1: 20, sha256: 32, sha512: 64, crc64nvme: 8, xxh64: 8, xxh3: 8, xxh128: 16,
};

/** All digests as base64 strings (handy for headers and stored records). */
export function digestsToBase64(digests: Digests): Partial<Record<ChecksumAlgorithm, string>> {
  const out: Partial<Record<ChecksumAlgorithm, string>> = {};
  for (const [alg, d] of Object.entries(digests) as [ChecksumAlgorithm, Buffer | undefined][]) {
    if (d) out[alg] = toBase64(d);
  }
  return out;
}
