/**
 * UploadPartCopy: a part made of an existing object's bytes, or of one range of them
 * (x-amz-copy-source-range). The AWS CLI copies every object of 8 MB or more from S3 to S3 this
 * way, one ranged part per 8 MiB, and the SDKs' transfer managers copy large objects so.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_UploadPartCopy.html
 *
 * Why the bytes are streamed into a new blob rather than referenced: a part is one whole blob
 * (records.ts PartRecord) and its ETag is the MD5 of its bytes, which a range of the source does
 * not have at hand, so the range is read in any case; writing it out as it is hashed costs one
 * more pass through the page cache, and a blob of the same bytes (a whole-object copy) is stored
 * once anyway (content addressing). Memory stays flat: readSpans opens one source blob at a time.
 */
import type { UploadPartCopyInput, UploadPartCopyOutput } from '../../../model/generated/s3-types.js';
import type { IncomingBody } from '../../bodies.js';
import { type S3Handler, unsupported } from '../context.js';
import { checksumMember } from '../checksum-plan.js';
import { assertRangeWithin, parseCopySource, parseCopySourceRange, type CopySourceRange } from '../copy-source.js';
import { s3Errors } from '../errors.js';
import { NULL_VERSION_ID } from '../null-version.js';
import { readSpans } from '../read-spans.js';
import { MAX_SINGLE_UPLOAD, writeBody, type WrittenBody } from '../write-body.js';
import { copySourceConditions } from './copy-object.js';
import { assertPartNumber } from './upload-part.js';

const SSE_C = [
  'SSECustomerAlgorithm', 'SSECustomerKey', 'SSECustomerKeyMD5',
  'CopySourceSSECustomerAlgorithm', 'CopySourceSSECustomerKey', 'CopySourceSSECustomerKeyMD5',
] as const;

export const uploadPartCopy: S3Handler<UploadPartCopyInput, UploadPartCopyOutput> = async (deps, ctx, input) => {
  unsupported(deps, ctx, 'UploadPartCopy', input, SSE_C);
  assertPartNumber(input.PartNumber);
  const source = parseCopySource(input.CopySource);
  // boltstack keeps no versions: "null" names the one version every object has (null-version.ts).
  if (source.versionId !== undefined && source.versionId !== NULL_VERSION_ID) {
    unsupported(deps, ctx, 'UploadPartCopy', { CopySourceVersionId: source.versionId }, ['CopySourceVersionId']);
  }
  const raw = input.CopySourceRange;
  const range = raw === undefined ? undefined : parseCopySourceRange(raw);
  await deps.store.requireBucket(input.Bucket);
  await deps.store.requireBucket(source.bucket);
  const upload = await deps.store.uploads.requireUpload(input.Bucket, input.Key, input.UploadId);
  const plan = upload.checksumAlgorithm ? { algorithm: upload.checksumAlgorithm } : {};

  // The source's key stays locked while its bytes are read, so its blobs cannot be collected
  // under the reader (an overwrite waits). The part is stored after, under the upload's lock
  // only: CompleteMultipartUpload takes the upload's lock then the object's, so taking them the
  // other way round here could deadlock.
  const written = await deps.store.locks.run(`o\0${source.bucket}\0${source.key}`, async (): Promise<WrittenBody> => {
    const from = await deps.store.getObject(source.bucket, source.key);
    if (!from) throw s3Errors.noSuchKey(source.key);
    copySourceConditions(input, from);
    if (range !== undefined) assertRangeWithin(raw!, range, from.size);
    const { start, end }: CopySourceRange = range ?? { start: 0, end: from.size - 1 };
    const length = end - start + 1;
    if (length > MAX_SINGLE_UPLOAD) {
      throw s3Errors.invalidRequest(`The specified copy source is larger than the maximum allowable size for a copy source: ${MAX_SINGLE_UPLOAD}`);
    }
    const body: IncomingBody = { stream: length === 0 ? empty() : readSpans(deps.store.blobs, from.spans, start, end, deps.store.readPins), length, trailers: () => ({}) };
    return writeBody(deps.store.blobs, body, plan, undefined, ctx.signal);
  });
  const etag = `"${written.md5Hex}"`;
  const lastModified = Date.now();
  let committed = false;
  try {
    await deps.store.uploads.putPart(upload, {
      partNumber: input.PartNumber, size: written.blob.size, etag, lastModified, blob: written.blob.id, version: deps.store.newVersion(),
      ...(written.checksum ? { checksum: written.checksum } : {}),
    });
    committed = true;
  } finally {
    written.blob.release();
    // A part refused at commit (its upload aborted or bucket deleted meanwhile) takes its file with it.
    if (!committed) deps.store.collect([written.blob.id]);
  }
  const result: NonNullable<UploadPartCopyOutput['CopyPartResult']> = { ETag: etag, LastModified: new Date(lastModified) };
  if (written.checksum) result[checksumMember(written.checksum.algorithm)] = written.checksum.value;
  return { CopyPartResult: result, ServerSideEncryption: 'AES256' };
};

async function* empty(): AsyncIterable<Uint8Array> { /* a 0-byte source */ }
