/**
 * Whether an x-amz-checksum-* value (header, trailer, or a part's in a completion list) is one S3
 * reads as a checksum: base64 of exactly the algorithm's digest length, in its canonical form. A
 * value whose last character carries bits past the digest ("y/Q5Jh==" beside CRC32's "y/Q5Jg==")
 * decodes to the right length but is not canonical, and S3 calls it invalid, not a mismatch
 * (openstack/swift test/s3api/test_object_checksums.py test_invalid_checksum,
 * test_mpu_complete_mixed_invalid_checksums_*, asserted against AWS).
 */
import { fromBase64, DIGEST_BYTES } from '../../checksums/index.js';
import { ALGORITHMS, type S3ChecksumAlgorithm } from './checksum-plan.js';

export function isChecksumValue(algorithm: S3ChecksumAlgorithm, value: string): boolean {
  const bytes = fromBase64(value, DIGEST_BYTES[ALGORITHMS[algorithm]]);
  return bytes !== undefined && bytes.toString('base64') === value;
}
