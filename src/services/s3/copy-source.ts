/**
 * The x-amz-copy-source header, apart from CopyObject: bucket-access.ts reads the source bucket
 * for every request that names one, and importing it from operations/copy-object.ts loaded the
 * whole CopyObject handler into every S3 session (the handlers load on first use: index.ts).
 */
import { s3Errors } from './errors.js';

export interface CopySource { bucket: string; key: string }

/** Parses x-amz-copy-source: `bucket/key` or `/bucket/key`, URL-encoded, maybe `?versionId=`. */
export function parseCopySource(raw: string): CopySource & { versionId?: string } {
  const [path, query] = raw.split('?', 2) as [string, string | undefined];
  let decoded: string;
  try {
    decoded = decodeURIComponent(path.startsWith('/') ? path.slice(1) : path);
  } catch {
    // Not UTF-8 once decoded (%FF) or a broken escape (%G1): S3's own answer for this header.
    throw s3Errors.invalidCopySourceEncoding(raw);
  }
  const slash = decoded.indexOf('/');
  if (decoded === '' || slash === 0) throw s3Errors.invalidCopySourceBucket();
  if (slash === -1 || slash === decoded.length - 1) throw s3Errors.invalidCopySourceKey();
  const versionId = query ? new URLSearchParams(query).get('versionId') ?? undefined : undefined;
  return { bucket: decoded.slice(0, slash), key: decoded.slice(slash + 1), ...(versionId ? { versionId } : {}) };
}

/** An inclusive byte range of the copy source (x-amz-copy-source-range). */
export interface CopySourceRange { start: number; end: number }

const RANGE = /^bytes=(\d+)-(\d+)$/;

/**
 * Parses x-amz-copy-source-range: exactly `bytes=first-last`, first <= last. S3 refuses every
 * other form (suffix, open-ended, several ranges, no `bytes=`) instead of copying the whole source
 * as a GET would (LocalStack test_s3_api.py::TestS3Multipart::test_upload_part_copy_range, 2025).
 */
export function parseCopySourceRange(raw: string): CopySourceRange {
  const m = RANGE.exec(raw);
  const start = m ? Number(m[1]) : NaN;
  const end = m ? Number(m[2]) : NaN;
  if (!(start <= end)) throw s3Errors.copySourceRangeForm(raw);
  return { start, end };
}

/** Checks a parsed range against the source's size (the two answers S3 gives). */
export function assertRangeWithin(raw: string, range: CopySourceRange, size: number): void {
  if (range.start >= size) throw s3Errors.copySourceRangeOutside();
  if (range.end >= size) throw s3Errors.copySourceRangeBeyond(raw, size);
}
