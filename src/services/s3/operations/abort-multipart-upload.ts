/** AbortMultipartUpload: 204; the parts' blobs are released. */
import type { AbortMultipartUploadInput, AbortMultipartUploadOutput } from '../../../model/generated/s3-types.js';
import { type S3Handler, unsupported } from '../context.js';

export const abortMultipartUpload: S3Handler<AbortMultipartUploadInput, AbortMultipartUploadOutput> = async (deps, ctx, input) => {
  unsupported(deps, ctx, 'AbortMultipartUpload', input, ['IfMatchInitiatedTime']);
  await deps.store.requireBucket(input.Bucket);
  const upload = await deps.store.requireUpload(input.Bucket, input.Key, input.UploadId);
  await deps.store.abortUpload(upload);
  return {};
};
