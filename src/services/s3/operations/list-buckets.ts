/** ListBuckets: the caller's buckets in name order, with the owner. */
import type { ListBucketsOutput } from '../../../model/generated/s3-types.js';
import type { S3Handler } from '../context.js';
import { ownerOf } from '../owner.js';

export const listBuckets: S3Handler<Record<string, unknown>, ListBucketsOutput> = async (deps, ctx) => {
  const buckets = (await deps.store.listBuckets()).filter((b) => b.owner === ctx.accountId);
  return {
    Buckets: buckets.map((b) => ({ Name: b.name, CreationDate: new Date(b.created) })),
    Owner: ownerOf(ctx.accountId),
  };
};
