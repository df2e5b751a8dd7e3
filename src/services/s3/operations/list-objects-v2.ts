/** ListObjectsV2: pages of keys and common prefixes, with an opaque continuation token. */
import type { ListObjectsV2Input, ListObjectsV2Output } from '../../../model/generated/s3-types.js';
import { type S3Handler, unsupported } from '../context.js';
import { s3Errors } from '../errors.js';
import { listPage } from '../list-page.js';
import { encoderOf, maxKeysOf } from '../list-params.js';
import { ownerOf } from '../owner.js';
import { contentsOf } from '../list-contents.js';
import { bucketRegionHeader } from '../region-header.js';

const encodeToken = (key: string): string => Buffer.from(`1:${key}`, 'utf8').toString('base64url');

function decodeToken(token: string): string {
  const raw = Buffer.from(token, 'base64url').toString('utf8');
  // S3 names the argument but does not echo the token back (versity/versitygw#993, quoting S3).
  if (!raw.startsWith('1:')) throw s3Errors.invalidArgument('The continuation token provided is incorrect', 'continuation-token');
  return raw.slice(2);
}

export const listObjectsV2: S3Handler<ListObjectsV2Input, ListObjectsV2Output> = async (deps, ctx, input) => {
  unsupported(deps, ctx, 'ListObjectsV2', input, ['OptionalObjectAttributes']);
  const maxKeys = maxKeysOf(input.MaxKeys);
  const encode = encoderOf(input.EncodingType);
  const bucket = await deps.store.requireBucket(input.Bucket);
  ctx.responseHeaders = bucketRegionHeader(bucket.region);
  const prefix = input.Prefix ?? '';
  const after = input.ContinuationToken !== undefined ? decodeToken(input.ContinuationToken) : input.StartAfter;
  const page = await listPage(deps.store, bucket.name, {
    prefix, maxKeys,
    ...(input.Delimiter ? { delimiter: input.Delimiter } : {}),
    ...(after !== undefined && after !== '' ? { after } : {}),
  });
  const owner = input.FetchOwner ? ownerOf(ctx.accountId) : undefined;
  const out: ListObjectsV2Output = {
    Name: bucket.name,
    Prefix: encode(prefix),
    MaxKeys: maxKeys,
    KeyCount: page.contents.length + page.commonPrefixes.length,
    IsTruncated: page.truncated,
    Contents: contentsOf(page.contents, { ...(input.EncodingType ? { encode } : {}), ...(owner ? { owner } : {}) }),
    CommonPrefixes: page.commonPrefixes.map((p) => ({ Prefix: encode(p) })),
  };
  if (input.Delimiter) out.Delimiter = encode(input.Delimiter);
  if (input.EncodingType) out.EncodingType = input.EncodingType;
  if (input.ContinuationToken !== undefined) out.ContinuationToken = input.ContinuationToken;
  // A continuation token supersedes StartAfter, and S3 then leaves StartAfter out of the answer
  // (localstack/localstack test_s3_list_operations.py::TestS3ListObjectsV2::
  // test_list_objects_v2_continuation_start_after, validated against AWS 2025-01-21).
  if (input.StartAfter !== undefined && input.ContinuationToken === undefined) out.StartAfter = encode(input.StartAfter);
  if (page.truncated && page.last !== undefined) out.NextContinuationToken = encodeToken(page.last);
  return out;
};
