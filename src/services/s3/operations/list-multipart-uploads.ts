/** ListMultipartUploads: unfinished uploads by key, then initiation time; delimiter roll-up. */
import type { ListMultipartUploadsInput, ListMultipartUploadsOutput } from '../../../model/generated/s3-types.js';
import { compareUtf8 } from '../../../util/utf8-order.js';
import type { S3Handler } from '../context.js';
import { encoderOf, maxKeysOf } from '../list-params.js';
import { ownerOf } from '../owner.js';
import type { UploadRecord } from '../records.js';

export const listMultipartUploads: S3Handler<ListMultipartUploadsInput, ListMultipartUploadsOutput> = async (deps, ctx, input) => {
  const maxUploads = maxKeysOf(input.MaxUploads, 'max-uploads');
  const encode = encoderOf(input.EncodingType);
  await deps.store.requireBucket(input.Bucket);
  const prefix = input.Prefix ?? '';
  const keyMarker = input.KeyMarker ?? '';
  const uploadIdMarker = input.UploadIdMarker;
  const uploads: UploadRecord[] = [];
  const prefixes: string[] = [];
  let truncated = false;
  let last: { key: string; uploadId?: string } | undefined;
  for await (const upload of deps.store.iterateUploads(input.Bucket, compareUtf8(keyMarker, prefix) > 0 ? keyMarker : prefix, prefix)) {
    const order = compareUtf8(upload.key, keyMarker);
    if (keyMarker !== '' && (order < 0 || (order === 0 && (uploadIdMarker === undefined || upload.uploadId <= uploadIdMarker)))) continue;
    const at = input.Delimiter ? upload.key.indexOf(input.Delimiter, prefix.length) : -1;
    const common = at >= 0 ? upload.key.slice(0, at + input.Delimiter!.length) : undefined;
    if (common !== undefined && prefixes[prefixes.length - 1] === common) continue;
    if (uploads.length + prefixes.length === maxUploads) { truncated = true; break; }
    if (common !== undefined) { prefixes.push(common); last = { key: common }; continue; }
    uploads.push(upload);
    last = { key: upload.key, uploadId: upload.uploadId };
  }
  const owner = ownerOf(ctx.accountId);
  const out: ListMultipartUploadsOutput = {
    Bucket: input.Bucket, KeyMarker: encode(keyMarker), UploadIdMarker: uploadIdMarker ?? '',
    Prefix: encode(prefix), MaxUploads: maxUploads, IsTruncated: truncated,
    Uploads: uploads.map((u) => ({
      UploadId: u.uploadId, Key: encode(u.key), Initiated: new Date(u.initiated),
      StorageClass: u.object.storageClass ?? 'STANDARD', Owner: owner, Initiator: owner,
      ...(u.checksumAlgorithm ? { ChecksumAlgorithm: u.checksumAlgorithm } : {}),
    })),
    CommonPrefixes: prefixes.map((p) => ({ Prefix: encode(p) })),
  };
  if (input.Delimiter) out.Delimiter = encode(input.Delimiter);
  if (input.EncodingType) out.EncodingType = input.EncodingType;
  if (truncated && last) {
    out.NextKeyMarker = encode(last.key);
    if (last.uploadId) out.NextUploadIdMarker = last.uploadId;
  }
  return out;
};
