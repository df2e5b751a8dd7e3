/**
 * x-amz-expected-bucket-owner / x-amz-source-expected-bucket-owner, which every bucket and object
 * operation accepts: S3 answers 403 AccessDenied when the bucket belongs to another account. Every
 * bucket here belongs to the one account the request runs as, so the check is the account id.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-owner-condition.html
 *
 * RequestPayer (x-amz-request-payer), also on most operations, needs nothing: it acknowledges
 * charges of requester-pays buckets, and S3 ignores it for a bucket's owner, which every caller is.
 */
import { AwsError } from '../../errors/aws-error.js';

const accessDenied = (): AwsError => new AwsError({ code: 'AccessDenied', status: 403, message: 'Access Denied' });

export function checkExpectedOwners(accountId: string, input: Record<string, unknown>): void {
  for (const member of ['ExpectedBucketOwner', 'ExpectedSourceBucketOwner']) {
    const expected = input[member];
    if (expected !== undefined && expected !== accountId) throw accessDenied();
  }
}
