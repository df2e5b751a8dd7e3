/**
 * Which checksum a streaming upload must be verified against, and where its expected value
 * comes from: an x-amz-checksum-* header, or an aws-chunked trailer announced in x-amz-trailer.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/checking-object-integrity.html
 */
import type { ChecksumAlgorithm } from '../../checksums/types.js';
import type { IncomingBody } from '../bodies.js';
import type { ChecksumRecord } from './records.js';
import { s3Errors } from './errors.js';

export type S3ChecksumAlgorithm = ChecksumRecord['algorithm'];

/** Every ChecksumAlgorithm of the current S3 model, in the model's order. */
export const ALGORITHMS: Record<S3ChecksumAlgorithm, ChecksumAlgorithm> = {
  CRC32: 'crc32', CRC32C: 'crc32c', SHA1: 'sha1', SHA256: 'sha256', CRC64NVME: 'crc64nvme',
  SHA512: 'sha512', MD5: 'md5', XXHASH64: 'xxh64', XXHASH3: 'xxh3', XXHASH128: 'xxh128',
};

export const S3_CHECKSUM_ALGORITHMS = Object.keys(ALGORITHMS) as S3ChecksumAlgorithm[];

/** The x-amz-checksum-* member of each algorithm, spelled out so the members-handled test sees them. */
export type ChecksumMember = `Checksum${S3ChecksumAlgorithm}`;
const MEMBERS: { [A in S3ChecksumAlgorithm]: `Checksum${A}` } = {
  CRC32: 'ChecksumCRC32', CRC32C: 'ChecksumCRC32C', SHA1: 'ChecksumSHA1', SHA256: 'ChecksumSHA256',
  CRC64NVME: 'ChecksumCRC64NVME', SHA512: 'ChecksumSHA512', MD5: 'ChecksumMD5', XXHASH64: 'ChecksumXXHASH64',
  XXHASH3: 'ChecksumXXHASH3', XXHASH128: 'ChecksumXXHASH128',
};
export const checksumMember = (algorithm: S3ChecksumAlgorithm): ChecksumMember => MEMBERS[algorithm];

export type ChecksumMembers = { ChecksumAlgorithm?: string } & { [M in ChecksumMember]?: string };

export interface ChecksumPlan {
  algorithm?: S3ChecksumAlgorithm;
  /** Expected base64 value, when given in a header. */
  headerValue?: string;
  /** Trailer name carrying the expected value (x-amz-checksum-crc32...). */
  trailer?: string;
}

const HEADER_VALUES = S3_CHECKSUM_ALGORITHMS.map((a) => [a, checksumMember(a)] as const);

/** Alphabetical, as S3 lists the valid types in this message. */
const VALID_TYPES = [...S3_CHECKSUM_ALGORITHMS].sort().join(', ');

export function parseAlgorithm(value: string | undefined): S3ChecksumAlgorithm | undefined {
  if (value === undefined || value === '') return undefined;
  // A list names no one algorithm (openstack/swift test/s3api/test_object_checksums.py
  // test_mpu_create_multiple_checksum_algorithms, asserted against AWS).
  if (value.includes(',')) throw s3Errors.invalidRequest('Invalid types are specified in x-amz-checksum-algorithm header.');
  const upper = value.toUpperCase() as S3ChecksumAlgorithm;
  if (!(upper in ALGORITHMS)) throw s3Errors.invalidRequest(`Checksum algorithm provided is unsupported. Please try again with any of the valid types: [${VALID_TYPES}]`);
  return upper;
}

export function planChecksum(members: ChecksumMembers, body: IncomingBody | undefined): ChecksumPlan {
  const given = HEADER_VALUES.filter(([, m]) => members[m] !== undefined);
  const trailers = (body?.trailerNames ?? []).filter((n) => n.startsWith('x-amz-checksum-'));
  if (given.length + trailers.length > 1) throw s3Errors.multipleChecksums();
  if (given.length === 1) {
    const [algorithm, member] = given[0]!;
    assertDeclared(members.ChecksumAlgorithm, algorithm);
    return { algorithm, headerValue: members[member]! };
  }
  if (trailers.length === 1) {
    const trailer = trailers[0]!;
    const named = trailer.slice('x-amz-checksum-'.length).toUpperCase();
    if (!(named in ALGORITHMS)) throw s3Errors.unsupportedTrailer();
    const algorithm = named as S3ChecksumAlgorithm;
    assertDeclared(members.ChecksumAlgorithm, algorithm);
    return { algorithm, trailer };
  }
  const declared = parseAlgorithm(members.ChecksumAlgorithm);
  return declared ? { algorithm: declared } : {};
}

/**
 * An algorithm named in x-amz-sdk-checksum-algorithm with no x-amz-checksum-* header or trailer
 * for it: PutObject and UploadPart refuse it ("When you send this header, there must be a
 * corresponding x-amz-checksum or x-amz-trailer header sent. Otherwise, Amazon S3 fails the
 * request with the HTTP status code 400 Bad Request", AWS API Reference PutObject and UploadPart,
 * ChecksumAlgorithm). MD5 with a Content-MD5 (header, or the trailer x-amz-trailer: content-md5)
 * is not: SDK v3 sends ChecksumAlgorithm MD5 that way (checksum-algorithms.test.ts), and
 * Content-MD5 is checked as that value.
 */
export function lacksDeclaredValue(plan: ChecksumPlan, contentMd5: string | undefined, body: IncomingBody | undefined): boolean {
  if (plan.algorithm === undefined || plan.headerValue !== undefined || plan.trailer !== undefined) return false;
  return !(plan.algorithm === 'MD5' && (contentMd5 !== undefined || body?.trailerNames?.includes('content-md5') === true));
}

/**
 * x-amz-sdk-checksum-algorithm beside a checksum value (header or trailer) must name its
 * algorithm: another one, or one S3 does not know, is "Value for x-amz-sdk-checksum-algorithm
 * header is invalid." (openstack/swift test/s3api/test_object_checksums.py
 * test_good_checksum_different_algorithm_header, test_good_checksum_invalid_algorithm_header,
 * test_different_checksum_requested, asserted against AWS).
 */
function assertDeclared(declared: string | undefined, algorithm: S3ChecksumAlgorithm): void {
  if (declared !== undefined && declared !== '' && declared.toUpperCase() !== algorithm) throw s3Errors.sdkChecksumAlgorithmInvalid();
}
