/**
 * AbortMultipartUpload: 204; the parts' blobs are released. Aborting again, or aborting an upload
 * that completed into the key's current object (which stays), is 204 too (radkawar/stackd
 * testdata/aws/s3/multipart_controls_replay.json seq 79 abort-repeated;
 * multipart_completion_replay.json seq 23 never/receipt/abort-success, 25 repeated-abort;
 * both 2026-09-20). An upload never made is NoSuchUpload.
 */
import type { AbortMultipartUploadInput, AbortMultipartUploadOutput } from '../../../model/generated/s3-types.js';
import { isAwsError } from '../../../errors/aws-error.js';
import { type S3Handler, unsupported } from '../context.js';

export const abortMultipartUpload: S3Handler<AbortMultipartUploadInput, AbortMultipartUploadOutput> = async (deps, ctx, input) => {
  unsupported(deps, ctx, 'AbortMultipartUpload', input, ['IfMatchInitiatedTime']);
  await deps.store.requireBucket(input.Bucket);
  try {
    const upload = await deps.store.uploads.requireUpload(input.Bucket, input.Key, input.UploadId);
    await deps.store.uploads.abortUpload(upload);
  } catch (err) {
    if (!isAwsError(err) || err.code !== 'NoSuchUpload') throw err;
    if (await deps.store.uploads.wasAborted(input.Bucket, input.Key, input.UploadId)) return {};
    const current = await deps.store.getObject(input.Bucket, input.Key);
    if (current?.completedUpload?.id !== input.UploadId) throw err;
  }
  return {};
};
