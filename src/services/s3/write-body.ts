/**
 * Streams an upload body into the blob store and verifies everything the client declared
 * (Content-MD5, x-amz-checksum-* header or trailer) before the caller makes it visible.
 * On any mismatch the blob is released unreferenced (and collected) and the AWS error thrown.
 */
import type { BlobStore, WrittenBlob } from '../../storage/blob-store.js';
import type { IncomingBody } from '../bodies.js';
import { fromBase64, toBase64 } from '../../checksums/index.js';
import { ALGORITHMS, type ChecksumPlan } from './checksum-plan.js';
import { isChecksumValue } from './checksum-value.js';
import type { ChecksumRecord } from './records.js';
import { s3Errors } from './errors.js';

export const MAX_SINGLE_UPLOAD = 5 * 1024 ** 3;

async function* emptyStream(): AsyncIterable<Uint8Array> { /* no bytes */ }

export interface WrittenBody {
  blob: WrittenBlob;
  md5Hex: string;
  checksum?: ChecksumRecord;
}

export async function writeBody(
  blobs: BlobStore,
  body: IncomingBody | undefined,
  plan: ChecksumPlan,
  contentMd5: string | undefined,
  signal: AbortSignal,
): Promise<WrittenBody> {
  let expectedMd5: Buffer | undefined;
  if (contentMd5 !== undefined) {
    expectedMd5 = fromBase64(contentMd5, 16);
    if (!expectedMd5) throw s3Errors.invalidDigest(contentMd5);
  }
  if (body?.length !== undefined && body.length > MAX_SINGLE_UPLOAD) throw s3Errors.entityTooLarge(body.length, MAX_SINGLE_UPLOAD);
  const algorithm = plan.algorithm ? ALGORITHMS[plan.algorithm] : undefined;
  const blob = await blobs.write(body?.stream ?? emptyStream(), {
    algorithms: algorithm ? [algorithm] : [],
    signal,
    ...(body?.length !== undefined ? { expectedSize: body.length } : {}),
    maxSize: MAX_SINGLE_UPLOAD,
    tooLarge: () => s3Errors.entityTooLarge(MAX_SINGLE_UPLOAD + 1, MAX_SINGLE_UPLOAD),
  });
  try {
    if (expectedMd5 && !expectedMd5.equals(blob.digests.md5)) {
      throw s3Errors.badDigestMd5(expectedMd5.toString('hex'), blob.digests.md5.toString('base64'));
    }
    let checksum: ChecksumRecord | undefined;
    if (plan.algorithm && algorithm) {
      const actual = toBase64(blob.digests[algorithm]!);
      const expected = plan.headerValue ?? (plan.trailer ? body?.trailers()[plan.trailer] : undefined);
      if (expected !== undefined && expected !== actual) {
        if (!isChecksumValue(plan.algorithm, expected)) throw s3Errors.invalidChecksumValue(plan.algorithm);
        throw s3Errors.badDigestChecksum(plan.algorithm);
      }
      checksum = { algorithm: plan.algorithm, value: actual, type: 'FULL_OBJECT' };
    }
    return { blob, md5Hex: blob.digests.md5.toString('hex'), ...(checksum ? { checksum } : {}) };
  } catch (err) {
    blob.release();
    blobs.collect(blob.id).catch(() => undefined);
    throw err;
  }
}
