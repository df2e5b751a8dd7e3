/**
 * ListBuckets: the caller's buckets in name order, with the owner; optional Prefix and
 * BucketRegion filters and paging by MaxBuckets (1..10000) with an opaque ContinuationToken.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListBuckets.html
 */
import type { ListBucketsInput, ListBucketsOutput } from '../../../model/generated/s3-types.js';
import type { S3Handler } from '../context.js';
import { s3Errors } from '../errors.js';
import { ownerOf } from '../owner.js';

const encodeToken = (name: string): string => Buffer.from(`1:${name}`, 'utf8').toString('base64url');

function decodeToken(token: string): string {
  const raw = Buffer.from(token, 'base64url').toString('utf8');
  if (!raw.startsWith('1:')) throw s3Errors.invalidArgument('The continuation token provided is incorrect', 'continuation-token', token);
  return raw.slice(2);
}

export const listBuckets: S3Handler<ListBucketsInput, ListBucketsOutput> = async (deps, ctx, input) => {
  const max = input.MaxBuckets;
  if (max !== undefined && (!Number.isInteger(max) || max < 1 || max > 10000)) {
    throw s3Errors.invalidArgument('Argument max-buckets must be an integer between 1 and 10000.', 'max-buckets', String(max));
  }
  // An empty token is no token: S3 starts at the first bucket (localstack/localstack
  // test_s3_list_operations.py::TestS3ListBuckets::test_list_buckets_when_continuation_token_is_empty,
  // validated against AWS 2025-05-14).
  const after = input.ContinuationToken ? decodeToken(input.ContinuationToken) : undefined;
  // "If the request contains at least one valid parameter, [BucketRegion] is included in the
  // response" (API_Bucket); a Prefix alone is enough (localstack TestS3ListBuckets::
  // test_list_buckets_by_prefix_with_case_sensitivity, validated 2025-05-14).
  const withRegion = max !== undefined || input.Prefix !== undefined || input.BucketRegion !== undefined || input.ContinuationToken !== undefined;
  const matching = (await deps.store.listBuckets()).filter((b) => b.owner === ctx.accountId
    && (input.Prefix === undefined || b.name.startsWith(input.Prefix))
    && (input.BucketRegion === undefined || b.region === input.BucketRegion)
    && (after === undefined || b.name > after));
  const page = max === undefined ? matching : matching.slice(0, max);
  const out: ListBucketsOutput = {
    Buckets: page.map((b) => ({ Name: b.name, CreationDate: new Date(b.created), ...(withRegion ? { BucketRegion: b.region } : {}) })),
    Owner: ownerOf(ctx.accountId),
  };
  if (input.Prefix !== undefined) out.Prefix = input.Prefix;
  if (page.length < matching.length) out.ContinuationToken = encodeToken(page[page.length - 1]!.name);
  return out;
};
