/**
 * Conditional requests on an existing object, evaluated as S3 does (RFC 7232 with S3's
 * precedence): If-Match beats If-Unmodified-Since, If-None-Match beats If-Modified-Since.
 * A date later than now is ignored, as RFC 7232 §3.3 says and S3 does (a future
 * If-Modified-Since neither 304s a read nor 412s a copy).
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html#API_GetObject_RequestSyntax
 */
import type { AwsError } from '../../errors/aws-error.js';
import { s3Errors } from './errors.js';

export interface Conditions {
  ifMatch?: string;
  ifNoneMatch?: string;
  ifModifiedSince?: Date;
  ifUnmodifiedSince?: Date;
}

// Each quote is optional on its own: S3 matches an ETag missing only its opening quote (getmoto/moto
// tests/test_s3/test_s3_conditionals.py::test_put_object_if_match, aws_verified).
const unquote = (etag: string): string => etag.trim().replace(/^W\//, '').replace(/^"/, '').replace(/"$/, '');

export function etagMatches(header: string, etag: string): boolean {
  const want = unquote(etag);
  return header.split(',').some((candidate) => candidate.trim() === '*' || unquote(candidate) === want);
}

/** Whole seconds of a usable date header: undefined when absent, unparsable or in the future. */
function secondsOf(d: Date | undefined, nowSeconds: number): number | undefined {
  if (d === undefined) return undefined;
  const s = Math.floor(d.getTime() / 1000);
  return Number.isNaN(s) || s > nowSeconds ? undefined : s;
}

/**
 * Throws PreconditionFailed (412) or NotModified (304); `prefix` names copy-source headers.
 * `notModified` makes the 304 (a read's 304 carries the object's validators).
 */
export function checkConditions(c: Conditions, etag: string, lastModifiedMs: number, prefix = '', notModified: () => AwsError = s3Errors.notModified): void {
  // HTTP dates have second precision: compare whole seconds.
  const modified = Math.floor(lastModifiedMs / 1000);
  const now = Math.floor(Date.now() / 1000);
  const matchOk = c.ifMatch === undefined || etagMatches(c.ifMatch, etag);
  if (!matchOk) throw s3Errors.preconditionFailed(`${prefix}If-Match`);
  const unmodifiedSince = c.ifMatch === undefined ? secondsOf(c.ifUnmodifiedSince, Infinity) : undefined;
  if (unmodifiedSince !== undefined && modified > unmodifiedSince) throw s3Errors.preconditionFailed(`${prefix}If-Unmodified-Since`);
  if (c.ifNoneMatch !== undefined && etagMatches(c.ifNoneMatch, etag)) {
    if (prefix) throw s3Errors.preconditionFailed(`${prefix}If-None-Match`);
    throw notModified();
  }
  const modifiedSince = c.ifNoneMatch === undefined ? secondsOf(c.ifModifiedSince, now) : undefined;
  if (modifiedSince !== undefined && modified <= modifiedSince) {
    if (prefix) throw s3Errors.preconditionFailed(`${prefix}If-Modified-Since`);
    throw notModified();
  }
}
