/**
 * The HTTP Range header as S3 reads it: one byte range (`bytes=a-b`, `bytes=a-`, `bytes=-n`).
 * A header S3 cannot parse, or with several ranges, is ignored (the whole object is sent); a
 * range that starts past the end is 416 InvalidRange. RFC 9110 §14.1.2.
 */
import { s3Errors } from './errors.js';

export interface ByteRange { start: number; end: number }

const SINGLE = /^bytes=(\d*)-(\d*)$/;

export function parseRange(header: string | undefined, size: number): ByteRange | undefined {
  if (header === undefined) return undefined;
  const m = SINGLE.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return undefined;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0) throw s3Errors.invalidRange(header, size);
    if (size === 0) return undefined;
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (m[2] !== '' && Number(m[2]) < start) return undefined;
  if (start >= size) throw s3Errors.invalidRange(header, size);
  return { start, end };
}
