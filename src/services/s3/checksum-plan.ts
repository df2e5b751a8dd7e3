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

export const ALGORITHMS: Record<S3ChecksumAlgorithm, ChecksumAlgorithm> = {
  CRC32: 'crc32', CRC32C: 'crc32c', SHA1: 'sha1', SHA256: 'sha256', CRC64NVME: 'crc64nvme',
};

/** Checksum headers of the current model whose algorithms boltstack does not compute yet. */
export const UNEMULATED_CHECKSUM_MEMBERS = [
  'ChecksumSHA512', 'ChecksumMD5', 'ChecksumXXHASH64', 'ChecksumXXHASH3', 'ChecksumXXHASH128',
] as const;

export interface ChecksumMembers {
  ChecksumAlgorithm?: string;
  ChecksumCRC32?: string;
  ChecksumCRC32C?: string;
  ChecksumSHA1?: string;
  ChecksumSHA256?: string;
  ChecksumCRC64NVME?: string;
}

export interface ChecksumPlan {
  algorithm?: S3ChecksumAlgorithm;
  /** Expected base64 value, when given in a header. */
  headerValue?: string;
  /** Trailer name carrying the expected value (x-amz-checksum-crc32...). */
  trailer?: string;
}

const HEADER_VALUES: [S3ChecksumAlgorithm, keyof ChecksumMembers][] = [
  ['CRC32', 'ChecksumCRC32'], ['CRC32C', 'ChecksumCRC32C'], ['SHA1', 'ChecksumSHA1'], ['SHA256', 'ChecksumSHA256'],
  ['CRC64NVME', 'ChecksumCRC64NVME'],
];

export function parseAlgorithm(value: string | undefined): S3ChecksumAlgorithm | undefined {
  if (value === undefined || value === '') return undefined;
  const upper = value.toUpperCase() as S3ChecksumAlgorithm;
  if (!(upper in ALGORITHMS)) throw s3Errors.invalidRequest('Checksum algorithm provided is unsupported. Please try again with any of the valid types: [CRC32, CRC32C, CRC64NVME, SHA1, SHA256]');
  return upper;
}

export function planChecksum(members: ChecksumMembers, body: IncomingBody | undefined): ChecksumPlan {
  const given = HEADER_VALUES.filter(([, m]) => members[m] !== undefined);
  const trailers = (body?.trailerNames ?? []).filter((n) => n.startsWith('x-amz-checksum-'));
  if (given.length + trailers.length > 1) throw s3Errors.multipleChecksums();
  const declared = parseAlgorithm(members.ChecksumAlgorithm);
  if (given.length === 1) {
    const [algorithm, member] = given[0]!;
    if (declared && declared !== algorithm) throw s3Errors.checksumAlgorithmMismatch();
    return { algorithm, headerValue: members[member]! };
  }
  if (trailers.length === 1) {
    const trailer = trailers[0]!;
    const algorithm = parseAlgorithm(trailer.slice('x-amz-checksum-'.length));
    if (declared && declared !== algorithm) throw s3Errors.checksumAlgorithmMismatch();
    return { algorithm, trailer };
  }
  return declared ? { algorithm: declared } : {};
}
