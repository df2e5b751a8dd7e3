/**
 * A SigV4 form signed for a region other than its bucket's, answered as S3 answers it: signed for
 * us-east-1 and posted to the bucket's own host (as browsers post them), 400 InvalidArgument
 * naming X-Amz-Credential (postErrors.wrongRegion); otherwise the 301 PermanentRedirect of every
 * other request (s3Errors.wrongSigningRegion, which says when S3 answers which).
 * Before the owner check, as for headers and URLs (bucket-access.ts: authentication first). A
 * scope naming no AWS region reaches every bucket, as there; SigV2 forms name no region.
 */
import { isAwsRegion } from '../../../util/aws-regions.js';
import { s3Errors } from '../errors.js';
import { UNCACHED, type S3Store } from '../store.js';
import type { BucketRecord } from '../records.js';
import type { RequestContext } from '../../types.js';
import type { PostSigner } from './auth.js';
import { postErrors } from './errors.js';

function check(record: BucketRecord | undefined, signer: PostSigner, ctx: RequestContext): void {
  const region = signer.region!;
  if (record === undefined || record.region === region) return;
  const virtualHosted = ctx.hostBucket?.() === record.name;
  if (region === 'us-east-1' && virtualHosted) throw postErrors.wrongRegion(signer.credential ?? '', region, record.region);
  throw s3Errors.wrongSigningRegion(record.name, region, record.region, 'header', ctx.host, virtualHosted);
}

/** `ctx`: the request's context (the Host the form was posted to). */
export function checkFormRegion(store: S3Store, bucket: string, signer: PostSigner, ctx: RequestContext): void | Promise<void> {
  if (signer.region === undefined || !isAwsRegion(signer.region)) return;
  const cached = store.cachedBucket(bucket);
  if (cached !== UNCACHED) return check(cached, signer, ctx);
  return store.getBucket(bucket).then((record) => check(record, signer, ctx));
}
