/**
 * Integrity of a buffered request body (DeleteObjects, PutObjectTagging, ...): Content-MD5 and a
 * x-amz-checksum-* header are verified before decoding, as S3 does for every operation. Streaming
 * bodies are verified by the S3 handlers while they are written.
 */
import { computeDigests, fromBase64, type ChecksumAlgorithm } from '../checksums/index.js';
import { ALGORITHMS, S3_CHECKSUM_ALGORITHMS } from '../services/s3/checksum-plan.js';
import { s3Errors } from '../services/s3/errors.js';

/** [header, algorithm, S3 name] for every x-amz-checksum-* header of the model. */
const HEADERS: [string, ChecksumAlgorithm, string][] =
  S3_CHECKSUM_ALGORITHMS.map((name) => [`x-amz-checksum-${name.toLowerCase()}`, ALGORITHMS[name], name]);

/**
 * Operations whose x-amz-checksum-* headers describe the object being made, not the request body:
 * CompleteMultipartUpload's are the whole object's expected checksum (the S3 handler checks
 * them), so only Content-MD5 is verified against the body there.
 */
const OBJECT_CHECKSUM_HEADERS: ReadonlySet<string> = new Set(['CompleteMultipartUpload']);

/**
 * Operations S3 refuses without Content-MD5 or an x-amz-checksum-* header: those the model marks
 * `httpChecksum.requestChecksumRequired` (the SDKs always send one for them) that boltstack
 * implements. S3's answer, quoted in versity/versitygw#1301 (2025) and, for these operations with
 * the older wording, aws/aws-cli#229 and aws-amplify/aws-sdk-ios#109; DeleteObjects' API reference
 * says the header is required. PutObjectTagging is not among them although its model says so: S3
 * takes it without either header (versity/versitygw#1662, measured on S3 2025-11-24; its API
 * reference marks Content-MD5 required for PutBucketTagging only), and Net::Amazon::S3 sends none.
 */
const CHECKSUM_REQUIRED: ReadonlySet<string> = new Set(['DeleteObjects', 'PutBucketTagging']);

/** Refuses a request to a CHECKSUM_REQUIRED operation that carries no body checksum at all. */
export function requireBodyChecksum(headers: Record<string, string>, operation: string): void {
  if (!CHECKSUM_REQUIRED.has(operation) || headers['content-md5'] !== undefined) return;
  if (HEADERS.some(([h]) => headers[h] !== undefined)) return;
  const trailer = headers['x-amz-trailer'];
  if (trailer !== undefined && trailer.toLowerCase().startsWith('x-amz-checksum-')) return;
  throw s3Errors.missingBodyChecksum();
}

export async function verifyBodyChecksums(headers: Record<string, string>, body: Buffer, operation?: string): Promise<void> {
  const md5 = headers['content-md5'];
  const present = operation !== undefined && OBJECT_CHECKSUM_HEADERS.has(operation) ? [] : HEADERS.filter(([h]) => headers[h] !== undefined);
  if (md5 === undefined && present.length === 0) return;
  const algorithms = [...(md5 !== undefined ? ['md5' as const] : []), ...present.map(([, a]) => a)];
  const digests = await computeDigests(body, algorithms);
  if (md5 !== undefined) {
    const expected = fromBase64(md5, 16);
    if (!expected) throw s3Errors.invalidDigest(md5);
    if (!expected.equals(Buffer.from(digests.md5!))) throw s3Errors.badDigestMd5(md5, Buffer.from(digests.md5!).toString('base64'));
  }
  for (const [header, algorithm, name] of present) {
    if (Buffer.from(digests[algorithm]!).toString('base64') !== headers[header]) throw s3Errors.badDigestChecksum(name);
  }
}
