/** UploadPart: streamed and verified like PutObject; re-uploading a part number replaces it. */
import type { UploadPartInput, UploadPartOutput } from '../../../model/generated/s3-types.js';
import { type S3Handler, unsupported } from '../context.js';
import { lacksDeclaredValue, planChecksum } from '../checksum-plan.js';
import { partChecksumPlan } from '../part-checksum-plan.js';
import { s3Errors } from '../errors.js';
import { writeBody } from '../write-body.js';

export function assertPartNumber(partNumber: number): void {
  if (!Number.isInteger(partNumber) || partNumber < 1 || partNumber > 10000) {
    throw s3Errors.invalidArgument('Part number must be an integer between 1 and 10000, inclusive', 'partNumber', String(partNumber));
  }
}

export const uploadPart: S3Handler<UploadPartInput, UploadPartOutput> = async (deps, ctx, input) => {
  unsupported(deps, ctx, 'UploadPart', input, ['SSECustomerAlgorithm', 'SSECustomerKey', 'SSECustomerKeyMD5']);
  assertPartNumber(input.PartNumber);
  const sent = planChecksum(input, input.Body);
  // As PutObject: the API Reference gives UploadPart's header the same rule (checksum-plan.ts).
  if (lacksDeclaredValue(sent, input.ContentMD5, input.Body)) throw s3Errors.sdkChecksumAlgorithmWithoutValue();
  await deps.store.requireBucket(input.Bucket);
  const upload = await deps.store.uploads.requireUpload(input.Bucket, input.Key, input.UploadId);
  // The upload's algorithm decides what the part must carry, before a byte is stored.
  const plan = partChecksumPlan(upload, sent);
  const written = await writeBody(deps.store.blobs, input.Body, plan, input.ContentMD5, ctx.signal);
  let committed = false;
  try {
    await deps.store.uploads.putPart(upload, {
      partNumber: input.PartNumber,
      size: written.blob.size,
      etag: `"${written.md5Hex}"`,
      lastModified: Date.now(),
      blob: written.blob.id,
      version: deps.store.newVersion(),
      ...(written.checksum ? { checksum: written.checksum } : {}),
    });
    committed = true;
  } finally {
    written.blob.release();
    // A part refused at commit (its upload aborted or bucket deleted meanwhile) takes its file with it.
    if (!committed) deps.store.collect([written.blob.id]);
  }
  const out: UploadPartOutput = { ETag: `"${written.md5Hex}"`, ServerSideEncryption: 'AES256' };
  if (written.checksum) (out as Record<string, unknown>)[`Checksum${written.checksum.algorithm}`] = written.checksum.value;
  return out;
};
