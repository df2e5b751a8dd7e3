/**
 * Which write of a key S3 keeps when a multipart upload completes after another write of that key.
 * S3 orders the writes of one key by when they began, and a multipart upload's write began when
 * the upload was initiated: completing an upload initiated before the current object was written
 * answers 200 with the upload's own ETag and checksum, the upload and its parts go, and the object
 * stays the later one (native AWS, radkawar/stackd testdata/aws/s3/multipart_completion_replay.json
 * seq 76-79 never/reverse/older-complete, an older upload after a newer one completed; seq 91-92
 * never/intervening-put/complete, an upload after a PutObject made since its initiation; 2026-09-20).
 *
 * A delete of the key made since the initiation beats the completion too (delete-marks.ts).
 *
 * Times are milliseconds: of two writes begun in the same millisecond the completing one wins
 * (what boltstack did before), since their order cannot be told.
 */
import type { ObjectRecord, UploadRecord } from './records.js';

/** The millisecond the current object's write began, as S3 orders writes (undefined: unknown). */
function writeBegan(current: ObjectRecord): number | undefined {
  const upload = current.completedUpload;
  // A multipart object recorded before initiation times were kept: its order is unknown.
  if (upload !== undefined) return upload.initiated;
  return current.lastModified;
}

/** Whether `current` was written after `upload` was initiated, so completing `upload` keeps it. */
export function supersedesUpload(current: ObjectRecord | undefined, upload: UploadRecord): boolean {
  if (current === undefined) return false;
  const began = writeBegan(current);
  return began !== undefined && began > upload.initiated;
}
