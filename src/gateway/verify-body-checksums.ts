/**
 * Integrity of a buffered request body (DeleteObjects, PutObjectTagging, ...): Content-MD5 and a
 * x-amz-checksum-* header are verified before decoding, as S3 does for every operation. Streaming
 * bodies are verified by the S3 handlers while they are written.
 */
import { computeDigestsSync, fromBase64, type ChecksumAlgorithm } from '../checksums/index.js';
import { s3Errors } from '../services/s3/errors.js';

const HEADERS: [string, ChecksumAlgorithm, string][] = [
  ['x-amz-checksum-crc32', 'crc32', 'CRC32'], ['x-amz-checksum-crc32c', 'crc32c', 'CRC32C'],
  ['x-amz-checksum-sha1', 'sha1', 'SHA1'], ['x-amz-checksum-sha256', 'sha256', 'SHA256'],
  ['x-amz-checksum-crc64nvme', 'crc64nvme', 'CRC64NVME'],
];

export function verifyBodyChecksums(headers: Record<string, string>, body: Buffer): void {
  const md5 = headers['content-md5'];
  const present = HEADERS.filter(([h]) => headers[h] !== undefined);
  if (md5 === undefined && present.length === 0) return;
  const algorithms = [...(md5 !== undefined ? ['md5' as const] : []), ...present.map(([, a]) => a)];
  const digests = computeDigestsSync(body, algorithms);
  if (md5 !== undefined) {
    const expected = fromBase64(md5, 16);
    if (!expected) throw s3Errors.invalidDigest(md5);
    if (!expected.equals(Buffer.from(digests.md5!))) throw s3Errors.badDigestMd5(md5, Buffer.from(digests.md5!).toString('base64'));
  }
  for (const [header, algorithm, name] of present) {
    if (Buffer.from(digests[algorithm]!).toString('base64') !== headers[header]) throw s3Errors.badDigestChecksum(name);
  }
}
