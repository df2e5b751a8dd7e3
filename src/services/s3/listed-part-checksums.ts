/**
 * The checksums a CompleteMultipartUpload lists for one part, checked as S3 checks them before it
 * looks at the part (openstack/swift test/s3api/test_object_checksums.py, asserted against AWS):
 * - more than one, or a value that is no checksum of its algorithm, is 400 InvalidArgument
 *   "Invalid Base64 or multiple checksums present in request", ArgumentName Checksum,
 *   ArgumentValue every listed one as "<ALGORITHM>:<value>;" in name order
 *   (test_mpu_complete_multi_checksum_*, test_mpu_complete_mixed_invalid_checksums_*,
 *   test_mpu_no_checksum_complete_invalid_checksum);
 * - on an upload created with an algorithm, one of another algorithm is 400 BadDigest "The crc32
 *   you specified for part 2 did not match what we received." (test_mpu_complete_mixed_checksums_*).
 */
import { checksumMember, S3_CHECKSUM_ALGORITHMS, type S3ChecksumAlgorithm } from './checksum-plan.js';
import { isChecksumValue } from './checksum-value.js';
import { s3Errors } from './errors.js';
import type { UploadRecord } from './records.js';

const BY_NAME = [...S3_CHECKSUM_ALGORITHMS].sort();

export interface ListedChecksum { algorithm: S3ChecksumAlgorithm; value: string }

/** The part's one listed checksum, if any; throws InvalidArgument for several or an invalid one. */
export function listedChecksum(part: object): ListedChecksum | undefined {
  const members = part as Record<string, unknown>;
  // The common lists name one checksum or none: one pass over the algorithms, no allocation.
  let found: ListedChecksum | undefined;
  let several = false;
  for (const algorithm of BY_NAME) {
    const value = members[checksumMember(algorithm)];
    if (typeof value !== 'string') continue;
    if (found !== undefined) several = true;
    else found = { algorithm, value };
  }
  if (found === undefined) return undefined;
  if (several || !isChecksumValue(found.algorithm, found.value)) {
    const all = BY_NAME.flatMap((a) => (typeof members[checksumMember(a)] === 'string' ? [`${a}:${members[checksumMember(a)] as string};`] : []));
    throw s3Errors.invalidArgument('Invalid Base64 or multiple checksums present in request', 'Checksum', all.join(''));
  }
  return found;
}

/** A listed checksum of another algorithm than the upload's is BadDigest naming the part. */
export function assertListedAlgorithm(upload: UploadRecord, partNumber: number, listed: ListedChecksum | undefined): void {
  if (listed === undefined || upload.checksumAlgorithm === undefined || listed.algorithm === upload.checksumAlgorithm) return;
  throw s3Errors.badDigestForPart(listed.algorithm, partNumber);
}
