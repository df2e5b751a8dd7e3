/** ListObjects (v1): Marker paging; NextMarker only when a delimiter is given, as S3 does. */
import type { ListObjectsInput, ListObjectsOutput } from '../../../model/generated/s3-types.js';
import { type S3Handler, unsupported } from '../context.js';
import { listPage } from '../list-page.js';
import { encoderOf, maxKeysOf } from '../list-params.js';
import { ownerOf } from '../owner.js';
import { contentsOf } from '../list-contents.js';
import { bucketRegionHeader } from '../region-header.js';

export const listObjects: S3Handler<ListObjectsInput, ListObjectsOutput> = async (deps, ctx, input) => {
  unsupported(deps, ctx, 'ListObjects', input, ['OptionalObjectAttributes']);
  const maxKeys = maxKeysOf(input.MaxKeys);
  const encode = encoderOf(input.EncodingType);
  const bucket = await deps.store.requireBucket(input.Bucket);
  ctx.responseHeaders = bucketRegionHeader(bucket.region);
  const prefix = input.Prefix ?? '';
  const page = await listPage(deps.store, bucket.name, {
    prefix, maxKeys,
    ...(input.Delimiter ? { delimiter: input.Delimiter } : {}),
    ...(input.Marker ? { after: input.Marker } : {}),
  });
  const owner = ownerOf(ctx.accountId);
  const out: ListObjectsOutput = {
    Name: bucket.name,
    Prefix: encode(prefix),
    Marker: encode(input.Marker ?? ''),
    MaxKeys: maxKeys,
    IsTruncated: page.truncated,
    Contents: contentsOf(page.contents, { ...(input.EncodingType ? { encode } : {}), owner }),
    CommonPrefixes: page.commonPrefixes.map((p) => ({ Prefix: encode(p) })),
  };
  if (input.Delimiter) out.Delimiter = encode(input.Delimiter);
  if (input.EncodingType) out.EncodingType = input.EncodingType;
  if (page.truncated && input.Delimiter && page.last !== undefined) out.NextMarker = encode(page.last);
  return out;
};
