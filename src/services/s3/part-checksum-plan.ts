/**
 * The checksum an UploadPart is verified and stored with, when its upload was created with an
 * algorithm. Native AWS (radkawar/stackd testdata/aws/s3/multipart_checksums_replay.json,
 * 2026-09-20; checksum_algorithms_multipart_replay.json, 2026):
 * - a part checksum of another algorithm is InvalidRequest (seq 85 part-boundaries-SHA256,
 *   101 part-boundaries-CRC32, 117 part-boundaries-CRC64NVME.mismatched-algorithm);
 * - a part sent without a checksum value (no x-amz-checksum-* header, no trailer) is
 *   InvalidRequest on a COMPOSITE upload (seq 80 part-boundaries-SHA256.omitted; checksum_algorithms
 *   seq 60-61 XXHASH128.missing-checksum, algorithm-without-checksum), and S3 computes it with the
 *   upload's algorithm on a FULL_OBJECT one (seq 95, 111 part-boundaries-CRC32/-CRC64NVME.omitted,
 *   317, 322 full-object-entirely-omitted-*), answering and listing the computed value.
 * The message names both algorithms, "null" for a missing one (openstack/swift test/s3api
 * test_mpu_upload_part_requires_checksum, asserted against AWS; LocalStack test_s3.py::TestS3::
 * test_multipart_parts_checksum_exceptions, recorded 2024-06-04).
 * An upload created without an algorithm takes a part with any checksum or none (seq 4
 * init-None-None.part; checksum_algorithms seq 138-147 no-init-*-explicit-part).
 */
import type { ChecksumPlan } from './checksum-plan.js';
import { s3Errors } from './errors.js';
import { uploadChecksumTypeOf } from './multipart-checksum.js';
import type { UploadRecord } from './records.js';

export function partChecksumPlan(upload: UploadRecord, plan: ChecksumPlan): ChecksumPlan {
  const expected = upload.checksumAlgorithm;
  if (expected === undefined) return plan;
  if (plan.algorithm !== undefined && plan.algorithm !== expected) throw s3Errors.checksumTypeMismatch(expected, plan.algorithm);
  if (plan.headerValue !== undefined || plan.trailer !== undefined) return plan;
  if (uploadChecksumTypeOf(upload) === 'FULL_OBJECT') return { algorithm: expected };
  throw s3Errors.checksumTypeMismatch(expected, 'null');
}
