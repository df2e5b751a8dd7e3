/**
 * Conditional writes, as S3 added them in 2024–2025: If-None-Match: * (create only) and If-Match
 * (replace only that ETag; * for any) on PutObject, CompleteMultipartUpload and CopyObject's
 * destination, and If-Match on DeleteObject.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/conditional-writes.html
 *
 * A write is judged twice: when it starts (so a failed condition costs no upload) and again
 * under the key's lock at commit, against the object as it is then, so two conditional writers
 * can never both win. Between the two, another writer may finish first: the later one is judged
 * against that object (412 when its condition no longer holds). A delete that won the race is
 * 409 ConditionalRequestConflict, as S3 answers a conditional write a concurrent delete overtook.
 * If-Match on a key that does not exist is 404 NoSuchKey.
 */
import { etagMatches } from './conditions.js';
import { s3Errors } from './errors.js';
import type { ObjectRecord } from './records.js';

export interface WriteConditions {
  ifMatch?: string | undefined;
  ifNoneMatch?: string | undefined;
}

/**
 * S3 accepts only * in If-None-Match on a write: another value (an ETag) is 501 NotImplemented
 * naming the header, as AWS answers it (aws/aws-sdk-ruby#3144, versity/versitygw#2108).
 */
export function assertIfNoneMatch(value: string | undefined): void {
  if (value !== undefined && value !== '*') throw s3Errors.headerValueNotImplemented('If-None-Match');
}

export const hasWriteConditions = (c: WriteConditions): boolean => c.ifMatch !== undefined || c.ifNoneMatch !== undefined;

/** Throws 412 PreconditionFailed or 404 NoSuchKey when the conditions do not hold for `current`. */
export function checkWriteConditions(c: WriteConditions, current: ObjectRecord | undefined, key: string): void {
  if (c.ifNoneMatch !== undefined && current !== undefined) throw s3Errors.preconditionFailed('If-None-Match');
  if (c.ifMatch !== undefined) {
    if (current === undefined) throw s3Errors.noSuchKey(key);
    if (!etagMatches(c.ifMatch, current.etag)) throw s3Errors.preconditionFailed('If-Match');
  }
}

/** The commit-time check of a write whose conditions held against `seen` when it started. */
export function commitCheck(c: WriteConditions, seen: ObjectRecord | undefined, key: string): ((current: ObjectRecord | undefined) => void) | undefined {
  if (!hasWriteConditions(c)) return undefined;
  return (current) => {
    if (seen !== undefined && current === undefined) throw s3Errors.conditionalRequestConflict();
    checkWriteConditions(c, current, key);
  };
}
