/** CreateMultipartUpload: records the object's headers for completion; upload ids sort by time. */
import { randomBytes } from 'node:crypto';
import type { CreateMultipartUploadInput, CreateMultipartUploadOutput } from '../../../model/generated/s3-types.js';
import { type S3Handler, UNEMULATED_WRITE_MEMBERS, checkEncryption, checkObjectAcl, unsupported } from '../context.js';
import { parseAlgorithm } from '../checksum-plan.js';
import { uploadChecksumType } from '../multipart-checksum.js';
import { assertMetadataSize } from '../metadata-size.js';
import { assertValidKey } from '../names.js';
import { assertStorageClass } from '../storage-class.js';
import { assertRedirectLocation } from '../website-redirect.js';
import { contentFields } from '../object-headers.js';
import { parseTaggingHeader } from '../tags.js';

/** Time-ordered, so ListMultipartUploads' order (key, then initiation) is the key order. */
export const newUploadId = (): string =>
  Date.now().toString(36).padStart(9, '0') + randomBytes(24).toString('base64url');

export const createMultipartUpload: S3Handler<CreateMultipartUploadInput, CreateMultipartUploadOutput> = async (deps, ctx, input) => {
  assertValidKey(input.Key);
  assertMetadataSize(input.Metadata);
  assertStorageClass(input.StorageClass);
  assertRedirectLocation(input.WebsiteRedirectLocation);
  const aclRefusal = checkObjectAcl(deps, ctx, 'CreateMultipartUpload', input);
  if (aclRefusal !== undefined) await aclRefusal;
  checkEncryption(deps, ctx, 'CreateMultipartUpload', input.ServerSideEncryption, input.BucketKeyEnabled);
  unsupported(deps, ctx, 'CreateMultipartUpload', input, UNEMULATED_WRITE_MEMBERS);
  const checksumAlgorithm = parseAlgorithm(input.ChecksumAlgorithm);
  // ChecksumType: COMPOSITE or FULL_OBJECT, as the algorithm allows (multipart-checksum.ts).
  const checksumType = uploadChecksumType(checksumAlgorithm, input.ChecksumType);
  const tags = parseTaggingHeader(input.Tagging);
  await deps.store.requireBucket(input.Bucket);
  const uploadId = newUploadId();
  await deps.store.uploads.createUpload({
    bucket: input.Bucket, key: input.Key, uploadId, initiated: Date.now(),
    object: { ...contentFields(input), ...(tags && tags.length > 0 ? { tags } : {}) },
    ...(checksumAlgorithm ? { checksumAlgorithm, checksumType } : {}),
  });
  return {
    Bucket: input.Bucket, Key: input.Key, UploadId: uploadId, ServerSideEncryption: 'AES256',
    ...(checksumAlgorithm ? { ChecksumAlgorithm: checksumAlgorithm, ChecksumType: checksumType } : {}),
  };
};
