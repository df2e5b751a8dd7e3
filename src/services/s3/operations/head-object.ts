/** HeadObject: GetObject's headers without a body; errors are bodiless 404/412/304. */
import type { HeadObjectInput, HeadObjectOutput } from '../../../model/generated/s3-types.js';
import { type S3Handler, unsupported } from '../context.js';
import { objectHeaders } from '../object-headers.js';
import { loadForRead, readRange } from './get-object.js';

export const headObject: S3Handler<HeadObjectInput, HeadObjectOutput> = async (deps, ctx, input) => {
  unsupported(deps, ctx, 'HeadObject', input, ['VersionId', 'SSECustomerAlgorithm', 'SSECustomerKey', 'SSECustomerKeyMD5']);
  const record = await loadForRead(deps, input);
  const range = readRange(record, input);
  const out = objectHeaders(record, input, range ? undefined : input.ChecksumMode);
  if (input.PartNumber !== undefined && record.partsCount) out.PartsCount = record.partsCount;
  // The 2006-03-01 model of this SDK generation has no ContentRange on HeadObject; the length is.
  if (range) out.ContentLength = range.end - range.start + 1;
  return out;
};
