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
