/**
 * An operation boltstack does not implement still answers first what S3 answers before any
 * operation of a bucket: 404 NoSuchBucket for a bucket that does not exist, 403 AccessDenied for
 * another account's bucket or a wrong x-amz-expected-bucket-owner; only then 501 NotImplemented.
 * Native AWS answered a wrong expected owner AccessDenied on the Block Public Access operations
 * (radkawar/stackd testdata/aws/s3/public_access_replay.json seq 61-64, 2026). Terraform's bucket
 * refresh relies on it: HeadBucket and every sub-call must agree on whether the bucket exists
 * (shared/conformance/terraform-aws-calls.md, "Other Read details").
 */
import test from 'ava';
import { CreateBucketCommand, GetBucketWebsiteCommand, GetPublicAccessBlockCommand, type S3Client } from '@aws-sdk/client-s3';
import { errorOf } from '../../helpers/errors.js';
import { s3Client, startBoltstack, uniqueBucket } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';

let server: Boltstack;
let s3: S3Client;
let Bucket: string;
test.before(async () => {
  server = await startBoltstack();
  s3 = s3Client(server.endpoint);
  Bucket = uniqueBucket('unimpl');
  await s3.send(new CreateBucketCommand({ Bucket }));
});
test.after.always(async () => { await server?.stop(); });

const answer = async (call: Promise<unknown>): Promise<[number | undefined, string]> => {
  const err = await errorOf(call);
  return [err.$metadata.httpStatusCode, err.name];
};

test('an unimplemented operation on a bucket that does not exist: 404 NoSuchBucket', async (t) => {
  t.deepEqual(await answer(s3.send(new GetBucketWebsiteCommand({ Bucket: uniqueBucket('absent') }))), [404, 'NoSuchBucket']);
  t.deepEqual(await answer(s3.send(new GetPublicAccessBlockCommand({ Bucket: uniqueBucket('absent') }))), [404, 'NoSuchBucket']);
});

test('an unimplemented operation with a wrong expected owner: 403 AccessDenied (public_access_replay.json seq 61-64)', async (t) => {
  t.deepEqual(await answer(s3.send(new GetPublicAccessBlockCommand({ Bucket, ExpectedBucketOwner: '111111111111' }))), [403, 'AccessDenied']);
});

test('an unimplemented operation on another account\'s bucket: 403 AccessDenied', async (t) => {
  const other = s3Client(server.endpoint, { credentials: { accessKeyId: '222233334444', secretAccessKey: 'x' } });
  t.deepEqual(await answer(other.send(new GetBucketWebsiteCommand({ Bucket }))), [403, 'AccessDenied']);
});

test('an unimplemented operation on the caller\'s own bucket: 501 NotImplemented', async (t) => {
  t.deepEqual(await answer(s3.send(new GetBucketWebsiteCommand({ Bucket }))), [501, 'NotImplemented']);
});
