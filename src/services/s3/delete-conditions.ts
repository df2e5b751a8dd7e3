/**
 * Conditional deletes: If-Match (an ETag, or * for "exists") on DeleteObject, and the ETag of an
 * <Object> in DeleteObjects; x-amz-if-match-last-modified-time and x-amz-if-match-size (their
 * LastModifiedTime and Size elements) compare the object's modification time (whole seconds)
 * and size. A mismatch is 412 PreconditionFailed; If-Match on a key that does not exist is 404
 * NoSuchKey, while the time and size conditions alone let it pass as the plain 204 S3 documents.
 * Judged under the key's lock, so a concurrent write cannot slip between check and delete.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/conditional-deletes.html
 */
import { etagMatches } from './conditions.js';
import { s3Errors } from './errors.js';
import type { ObjectRecord } from './records.js';

export interface DeleteConditions {
  ifMatch?: string | undefined;
  lastModifiedTime?: Date | undefined;
  size?: number | undefined;
}

export function deleteCheck(c: DeleteConditions, key: string): ((current: ObjectRecord | undefined) => void) | undefined {
  if (c.ifMatch === undefined && c.lastModifiedTime === undefined && c.size === undefined) return undefined;
  return (current) => {
    if (current === undefined) {
      if (c.ifMatch !== undefined) throw s3Errors.noSuchKey(key);
      return;
    }
    if (c.ifMatch !== undefined && !etagMatches(c.ifMatch, current.etag)) throw s3Errors.preconditionFailed('If-Match');
    if (c.lastModifiedTime !== undefined && Math.floor(c.lastModifiedTime.getTime() / 1000) !== Math.floor(current.lastModified / 1000)) {
      throw s3Errors.preconditionFailed('x-amz-if-match-last-modified-time');
    }
    if (c.size !== undefined && c.size !== current.size) throw s3Errors.preconditionFailed('x-amz-if-match-size');
  };
}
