/**
 * Conditional requests on an existing object, evaluated as S3 does (RFC 7232 with S3's
 * precedence): If-Match beats If-Unmodified-Since, If-None-Match beats If-Modified-Since.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html#API_GetObject_RequestSyntax
 */
import { s3Errors } from './errors.js';

export interface Conditions {
  ifMatch?: string;
  ifNoneMatch?: string;
  ifModifiedSince?: Date;
  ifUnmodifiedSince?: Date;
}

const unquote = (etag: string): string => etag.trim().replace(/^W\//, '').replace(/^"(.*)"$/, '$1');

function etagMatches(header: string, etag: string): boolean {
  const want = unquote(etag);
  return header.split(',').some((candidate) => candidate.trim() === '*' || unquote(candidate) === want);
}

/** Throws PreconditionFailed (412) or NotModified (304); `prefix` names copy-source headers. */
export function checkConditions(c: Conditions, etag: string, lastModifiedMs: number, prefix = ''): void {
  // HTTP dates have second precision: compare whole seconds.
  const modified = Math.floor(lastModifiedMs / 1000);
  const seconds = (d: Date): number => Math.floor(d.getTime() / 1000);
  const matchOk = c.ifMatch === undefined || etagMatches(c.ifMatch, etag);
  if (!matchOk) throw s3Errors.preconditionFailed(`${prefix}If-Match`);
  if (c.ifMatch === undefined && c.ifUnmodifiedSince && !Number.isNaN(c.ifUnmodifiedSince.getTime()) && modified > seconds(c.ifUnmodifiedSince)) {
    throw s3Errors.preconditionFailed(`${prefix}If-Unmodified-Since`);
  }
  if (c.ifNoneMatch !== undefined && etagMatches(c.ifNoneMatch, etag)) {
    if (prefix) throw s3Errors.preconditionFailed(`${prefix}If-None-Match`);
    throw s3Errors.notModified();
  }
  if (c.ifNoneMatch === undefined && c.ifModifiedSince && !Number.isNaN(c.ifModifiedSince.getTime()) && modified <= seconds(c.ifModifiedSince)) {
    if (prefix) throw s3Errors.preconditionFailed(`${prefix}If-Modified-Since`);
    throw s3Errors.notModified();
  }
}
