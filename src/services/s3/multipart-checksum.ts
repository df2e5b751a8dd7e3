/**
 * A multipart object's checksum, as S3 computes and checks it.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/checking-object-integrity.html
 *
 * CreateMultipartUpload names an algorithm and a type: COMPOSITE (the algorithm over the
 * concatenated part digests, answered as "<base64>-<N>") or FULL_OBJECT (the checksum of the
 * whole object, combined from the parts' CRCs and sizes without reading a byte). CRC32 and CRC32C
 * have both (COMPOSITE by default), CRC64NVME only FULL_OBJECT, the others only COMPOSITE.
 * CompleteMultipartUpload may repeat the type (it must be the upload's) and send the object's
 * expected checksum (x-amz-checksum-<algorithm>): another algorithm than the upload's, or a value
 * that does not match, is BadDigest and nothing is stored. x-amz-mp-object-size, when given, must
 * be the object's size.
 */
import { combineCrc64Nvme, createHasher } from '../../checksums/index.js';
import { ALGORITHMS, checksumMember, S3_CHECKSUM_ALGORITHMS, type S3ChecksumAlgorithm } from './checksum-plan.js';
import { combineCrc32 } from './crc32-combine.js';
import { isChecksumValue } from './checksum-value.js';
import { s3Errors } from './errors.js';
import type { ChecksumRecord, PartRecord, UploadRecord } from './records.js';

export type ChecksumType = ChecksumRecord['type'];

const FULL_OBJECT_ALGORITHMS: ReadonlySet<S3ChecksumAlgorithm> = new Set(['CRC32', 'CRC32C', 'CRC64NVME']);
const COMPOSITE_ALGORITHMS: ReadonlySet<S3ChecksumAlgorithm> = new Set(S3_CHECKSUM_ALGORITHMS.filter((a) => a !== 'CRC64NVME'));

/** CreateMultipartUpload's x-amz-checksum-type, checked against its algorithm; the type the upload gets. */
export function uploadChecksumType(algorithm: S3ChecksumAlgorithm | undefined, given: string | undefined): ChecksumType | undefined {
  if (given === undefined || given === '') {
    if (algorithm === undefined) return undefined;
    return COMPOSITE_ALGORITHMS.has(algorithm) ? 'COMPOSITE' : 'FULL_OBJECT';
  }
  const type = given.toUpperCase();
  if (type !== 'COMPOSITE' && type !== 'FULL_OBJECT') throw s3Errors.invalidChecksumType();
  if (algorithm === undefined) throw s3Errors.checksumTypeWithoutAlgorithm();
  const allowed = type === 'COMPOSITE' ? COMPOSITE_ALGORITHMS : FULL_OBJECT_ALGORITHMS;
  if (!allowed.has(algorithm)) throw s3Errors.checksumTypeNotForAlgorithm(type, algorithm);
  return type;
}

/** An upload's checksum type; uploads recorded before types were kept have their algorithm's default. */
export function uploadChecksumTypeOf(upload: UploadRecord): ChecksumType | undefined {
  const algorithm = upload.checksumAlgorithm;
  if (algorithm === undefined) return undefined;
  return upload.checksumType ?? (algorithm === 'CRC64NVME' ? 'FULL_OBJECT' : 'COMPOSITE');
}

/** The object's checksum from its parts' (undefined when the upload has none, or a part lacks it). */
export function multipartChecksum(upload: UploadRecord, chosen: PartRecord[]): ChecksumRecord | undefined {
  const algorithm = upload.checksumAlgorithm;
  if (!algorithm || chosen.some((p) => p.checksum?.algorithm !== algorithm)) return undefined;
  const type = uploadChecksumTypeOf(upload);
  if (type === 'FULL_OBJECT') {
    const pieces = chosen.map((p) => ({ crc: Buffer.from(p.checksum!.value, 'base64'), size: p.size }));
    const crc = algorithm === 'CRC64NVME' ? combineCrc64Nvme(pieces) : combineCrc32(algorithm as 'CRC32' | 'CRC32C', pieces);
    return { algorithm, value: crc.toString('base64'), type };
  }
  const hasher = createHasher(ALGORITHMS[algorithm]);
  for (const part of chosen) hasher.update(Buffer.from(part.checksum!.value, 'base64'));
  return { algorithm, value: `${hasher.digest().toString('base64')}-${chosen.length}`, type: 'COMPOSITE' };
}

/** What CompleteMultipartUpload says the object will be: its checksum type, checksum and size. */
export interface CompletionClaims {
  ChecksumType?: string | undefined;
  MpuObjectSize?: number | undefined;
  [member: string]: unknown;
}

/** The object-level x-amz-checksum-* of the request: its algorithm and value, if one is given. */
export function claimedChecksum(claims: CompletionClaims): { algorithm: S3ChecksumAlgorithm; value: string } | undefined {
  const given = S3_CHECKSUM_ALGORITHMS.filter((a) => typeof claims[checksumMember(a)] === 'string');
  if (given.length > 1) throw s3Errors.multipleChecksums();
  const algorithm = given[0];
  return algorithm === undefined ? undefined : { algorithm, value: claims[checksumMember(algorithm)] as string };
}

const IGNORED_WITHOUT_ALGORITHM: ReadonlySet<S3ChecksumAlgorithm> = new Set(['CRC32', 'CRC32C', 'SHA1', 'SHA256']);

/**
 * An object checksum claimed at completion of an upload created without an algorithm, which S3
 * gives its default CRC64NVME FULL_OBJECT checksum (radkawar/stackd testdata/aws/s3/
 * checksum_algorithms_multipart_replay.json, 2026): a CRC32, CRC32C, SHA1 or SHA256 claim is
 * ignored, 200 (seq 103, 107, 111, 115 <algorithm>.completion-header); an MD5, SHA512 or xxHash
 * one is 400 InvalidRequest (seq 78, 83, 88, 93, 98). The capture keeps the code, not the message:
 * boltstack's names the default algorithm and the claimed one, as S3's other mismatches do.
 * Returns the algorithm of a claim boltstack cannot check: CRC64NVME, which it does not compute
 * for such uploads (docs/s3.md) and whose answer no capture holds.
 */
export function uncheckableClaim(claims: CompletionClaims): S3ChecksumAlgorithm | undefined {
  const claimed = claimedChecksum(claims);
  if (claimed === undefined || IGNORED_WITHOUT_ALGORITHM.has(claimed.algorithm)) return undefined;
  if (claimed.algorithm === 'CRC64NVME') return claimed.algorithm;
  throw s3Errors.checksumTypeMismatch('CRC64NVME', claimed.algorithm);
}

/** Checks the claims that need no parts (before the completion's batch). */
export function checkClaimsUpFront(upload: UploadRecord, claims: CompletionClaims): void {
  if (claims.MpuObjectSize !== undefined && claims.MpuObjectSize < 0) throw s3Errors.mpuObjectSizeNegative(claims.MpuObjectSize);
  const claimed = claimedChecksum(claims);
  if (claims.ChecksumType !== undefined) {
    const type = claims.ChecksumType.toUpperCase();
    if (type !== 'COMPOSITE' && type !== 'FULL_OBJECT') throw s3Errors.invalidChecksumType();
    if (upload.checksumType !== undefined && type !== upload.checksumType) throw s3Errors.checksumModeMismatch(upload.checksumType);
  }
  // Another algorithm than the upload's is BadDigest (radkawar/stackd testdata/aws/s3/
  // checksum_algorithms_multipart_replay.json seq 154 mismatch.completion-sha256-header: an
  // XXHASH128 upload completed with x-amz-checksum-sha256, 2026).
  if (claimed !== undefined && upload.checksumAlgorithm !== undefined && claimed.algorithm !== upload.checksumAlgorithm) {
    throw s3Errors.badDigestOnCompletion(claimed.algorithm);
  }
}

/** Checks the claims against the object being made; throws BadDigest / InvalidRequest. */
export function checkClaims(claims: CompletionClaims, size: number, checksum: ChecksumRecord | undefined): void {
  if (claims.MpuObjectSize !== undefined && claims.MpuObjectSize !== size) throw s3Errors.mpuObjectSizeMismatch(claims.MpuObjectSize, size);
  const claimed = claimedChecksum(claims);
  if (claimed === undefined || checksum === undefined) return;
  const [digest, count] = checksum.value.split('-') as [string, string | undefined];
  // A composite value may be given with its "-N" suffix or without it.
  if (claimed.value === checksum.value || (count !== undefined && claimed.value === digest)) return;
  const bare = claimed.value.replace(/-\d+$/, '');
  if (!isChecksumValue(claimed.algorithm, bare)) throw s3Errors.invalidChecksumValue(claimed.algorithm);
  throw s3Errors.badDigestOnCompletion(claimed.algorithm);
}
