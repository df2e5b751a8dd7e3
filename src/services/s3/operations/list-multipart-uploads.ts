/**
 * ListMultipartUploads: unfinished uploads by key, then initiation time; delimiter roll-up. What
 * the answer echoes follows S3's recorded answers (localstack/localstack tests/aws/services/s3/
 * test_s3_list_operations.py::TestS3ListMultipartUploads, validated 2025-01-21; brekkylab/backlot
 * tests/test_s3.py, S3 measured 2026-09-10): the next markers are always present, naming the
 * page's last upload even when the page is not truncated, and empty when it ends on a common
 * prefix or has no upload; Prefix only when one was given; an upload-id marker without a key
 * marker is ignored and echoed empty; one that is not an upload of the key marker (or one
 * aborted since) is refused.
 */
import type { ListMultipartUploadsInput, ListMultipartUploadsOutput } from '../../../model/generated/s3-types.js';
import { compareUtf8 } from '../../../util/utf8-order.js';
import type { S3Handler } from '../context.js';
import { encoderOf, maxKeysOf } from '../list-params.js';
import { listedTime } from '../list-contents.js';
import { ownerOf } from '../owner.js';
import type { UploadRecord } from '../records.js';
import type { S3Store } from '../store.js';
import { s3Errors } from '../errors.js';
import { isAwsError } from '../../../errors/aws-error.js';

export const listMultipartUploads: S3Handler<ListMultipartUploadsInput, ListMultipartUploadsOutput> = async (deps, ctx, input) => {
  const maxUploads = maxKeysOf(input.MaxUploads, 'max-uploads');
  const encode = encoderOf(input.EncodingType);
  await deps.store.requireBucket(input.Bucket);
  const prefix = input.Prefix ?? '';
  const keyMarker = input.KeyMarker ?? '';
  const uploadIdMarker = keyMarker === '' ? undefined : input.UploadIdMarker;
  if (uploadIdMarker !== undefined) await requireMarkerUpload(deps.store, input.Bucket, keyMarker, uploadIdMarker);
  const uploads: UploadRecord[] = [];
  const prefixes: string[] = [];
  let truncated = false;
  let last: { key: string; uploadId?: string } | undefined;
  for await (const upload of deps.store.uploads.iterateUploads(input.Bucket, compareUtf8(keyMarker, prefix) > 0 ? keyMarker : prefix, prefix)) {
    const order = compareUtf8(upload.key, keyMarker);
    if (keyMarker !== '' && (order < 0 || (order === 0 && (uploadIdMarker === undefined || upload.uploadId <= uploadIdMarker)))) continue;
    const at = input.Delimiter ? upload.key.indexOf(input.Delimiter, prefix.length) : -1;
    const common = at >= 0 ? upload.key.slice(0, at + input.Delimiter!.length) : undefined;
    if (common !== undefined && prefixes[prefixes.length - 1] === common) continue;
    // A common prefix at or before the key marker was listed on an earlier page (as ListObjects).
    if (common !== undefined && keyMarker !== '' && compareUtf8(common, keyMarker) <= 0) continue;
    if (uploads.length + prefixes.length === maxUploads) { truncated = true; break; }
    if (common !== undefined) { prefixes.push(common); last = { key: common }; continue; }
    uploads.push(upload);
    last = { key: upload.key, uploadId: upload.uploadId };
  }
  const owner = ownerOf(ctx.accountId);
  const out: ListMultipartUploadsOutput = {
    Bucket: input.Bucket, KeyMarker: encode(keyMarker), UploadIdMarker: uploadIdMarker ?? '',
    NextKeyMarker: last?.uploadId !== undefined ? encode(last.key) : '', NextUploadIdMarker: last?.uploadId ?? '',
    MaxUploads: maxUploads, IsTruncated: truncated,
    Uploads: uploads.map((u) => ({
      // S3 lists the initiation time in whole seconds, as it does LastModified.
      UploadId: u.uploadId, Key: encode(u.key), Initiated: listedTime(u.initiated),
      StorageClass: u.object.storageClass ?? 'STANDARD', Owner: owner, Initiator: owner,
      ...(u.checksumAlgorithm ? { ChecksumAlgorithm: u.checksumAlgorithm } : {}),
    })),
    CommonPrefixes: prefixes.map((p) => ({ Prefix: encode(p) })),
  };
  if (input.Delimiter) out.Delimiter = encode(input.Delimiter);
  if (prefix !== '') out.Prefix = encode(prefix);
  if (input.EncodingType) out.EncodingType = input.EncodingType;
  return out;
};

/**
 * An upload-id marker names an upload of the key marker, or one of its uploads aborted since
 * (radkawar/stackd testdata/aws/s3/multipart_raw_replay.json seq 31-32 upload-marker-deleted,
 * 2026); anything else S3 refuses.
 */
async function requireMarkerUpload(store: S3Store, bucket: string, key: string, uploadId: string): Promise<void> {
  try {
    await store.uploads.requireUpload(bucket, key, uploadId);
  } catch (err) {
    if (!isAwsError(err) || err.code !== 'NoSuchUpload') throw err;
    if (!(await store.uploads.wasAborted(bucket, key, uploadId))) throw s3Errors.invalidArgument('Invalid uploadId marker', 'upload-id-marker', uploadId);
  }
}
