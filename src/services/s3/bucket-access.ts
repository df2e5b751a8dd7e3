/**
 * Who may use a bucket. Bucket names are global, as in AWS, and each bucket belongs to the account
 * that created it (the caller's account: src/gateway/account.ts). boltstack has no bucket
 * policies or ACL grants, so a request from another account is answered as S3 answers one that
 * no policy allows: 403 AccessDenied. Two test suites with different access keys therefore never
 * see or change each other's buckets, even when auth is off.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-walkthroughs-managing-access-example2.html
 *
 * x-amz-expected-bucket-owner / x-amz-source-expected-bucket-owner, which every bucket and object
 * operation accepts, are compared with the bucket's real owner: 403 AccessDenied on a mismatch.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-owner-condition.html
 *
 * A bucket that does not exist passes here: the handler answers NoSuchBucket. CreateBucket does
 * its own check (BucketAlreadyExists for another account's name), so it does not come here.
 *
 * RequestPayer (x-amz-request-payer), also on most operations, needs nothing: it acknowledges
 * charges of requester-pays buckets, and S3 ignores it for a bucket's owner, which every caller is.
 */
import { AwsError } from '../../errors/aws-error.js';
import type { RequestContext } from '../types.js';
import { parseCopySource } from './copy-source.js';
import { s3Errors } from './errors.js';
import { isAwsRegion } from '../../util/aws-regions.js';
import type { BucketRecord } from './records.js';
import { UNCACHED, type S3Store } from './store.js';

const accessDenied = (): AwsError => new AwsError({ code: 'AccessDenied', status: 403, message: 'Access Denied' });

function allow(record: BucketRecord | undefined, ctx: RequestContext | undefined, accountId: string, expectedOwner: unknown): void {
  if (record === undefined) return;
  // Authentication comes before authorization: the region is read with the signature. A scope
  // naming no AWS region (git-annex signs with its endpoint's host name, "127.0.0.1") reaches no
  // regional endpoint: it is read as boltstack's default endpoint, as for CreateBucket
  // (location-constraint.ts), and every bucket answers it.
  if (ctx?.regionSignedIn !== undefined && record.region !== ctx.region && isAwsRegion(ctx.region)) throw s3Errors.wrongSigningRegion(record.name, ctx.region, record.region, ctx.regionSignedIn, ctx.host, ctx.hostBucket?.() === record.name);
  if (record.owner !== accountId || (expectedOwner !== undefined && expectedOwner !== record.owner)) throw accessDenied();
}

/** Sync when the bucket's record is cached (the common case: no extra await on the hot path). */
/** `signed` is the request's context for the bucket it is sent to; a copy's source bucket may be in any region. */
function checkOne(store: S3Store, signed: RequestContext | undefined, accountId: string, bucket: string, expectedOwner: unknown): void | Promise<void> {
  const cached = store.cachedBucket(bucket);
  if (cached !== UNCACHED) return allow(cached, signed, accountId, expectedOwner);
  return store.getBucket(bucket).then((record) => allow(record, signed, accountId, expectedOwner));
}

function copySourceBucket(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  try {
    return parseCopySource(raw).bucket;
  } catch {
    return undefined; // the handler answers the malformed source
  }
}

/**
 * What S3 answers before any operation of a bucket, for those boltstack does not implement: a
 * bucket that does not exist is 404 NoSuchBucket, another account's 403 AccessDenied; the
 * gateway then answers NotImplemented (native AWS answers a wrong expected owner AccessDenied
 * on Block Public Access operations: radkawar/stackd testdata/aws/s3/public_access_replay.json
 * seq 61-64, 2026). Operations without a bucket go straight to NotImplemented.
 */
export async function refuseUnimplemented(store: S3Store, ctx: RequestContext, input: Record<string, unknown>): Promise<void> {
  if (typeof input.Bucket !== 'string') return;
  await checkBucketAccess(store, ctx, input);
  await store.requireBucket(input.Bucket);
}

/**
 * Throws (or rejects with) AccessDenied when the caller may not use the input's bucket(s), and
 * S3's wrong-region answer when the request is signed for a region other than its bucket's.
 * GetBucketLocation is `anyRegion`: S3 answers it in every region ("In a bucket's home Region,
 * calls to the GetBucketLocation operation are governed by the bucket's policy. In other
 * Regions, the bucket policy doesn't apply": API_GetBucketLocation).
 */
export function checkBucketAccess(store: S3Store, ctx: RequestContext, input: Record<string, unknown>, anyRegion = false): void | Promise<void> {
  const bucket = input.Bucket;
  if (typeof bucket !== 'string') return;
  const target = checkOne(store, anyRegion ? undefined : ctx, ctx.accountId, bucket, input.ExpectedBucketOwner);
  const source = copySourceBucket(input.CopySource);
  if (source === undefined) return target;
  const sourceCheck = checkOne(store, undefined, ctx.accountId, source, input.ExpectedSourceBucketOwner);
  if (target === undefined) return sourceCheck;
  return sourceCheck === undefined ? target : Promise.all([target, sourceCheck]).then(() => undefined);
}
