/**
 * Regression: GetObject/HeadObject with a partNumber beyond the object's parts answered 416
 * InvalidRange. S3 answers InvalidPartNumber ("The requested partnumber is not satisfiable",
 * still 416) naming PartNumberRequested and ActualPartCount; a partNumber together with a Range
 * is 400 InvalidRequest.
 */
import test from 'ava';
import { CreateBucketCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { errorOf } from '../../helpers/errors.js';
import { s3Client, startBoltstack } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';

let server: Boltstack;
const bucket = 'part-numbers';
test.before(async () => {
  server = await startBoltstack();
  const s3 = s3Client(server.endpoint);
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'simple', Body: 'hello' }));
});
test.after.always(async () => { await server?.stop(); });

test('partNumber 2 of a simple object: 416 InvalidPartNumber with the counts', async (t) => {
  const s3 = s3Client(server.endpoint);
  const err = await errorOf(s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'simple', PartNumber: 2 })));
  t.is(err.name, 'InvalidPartNumber');
  t.is(err.$metadata.httpStatusCode, 416);
  t.is(err.message, 'The requested partnumber is not satisfiable');
  const fields = err as unknown as Record<string, unknown>;
  t.is(fields.PartNumberRequested, '2');
  t.is(fields.ActualPartCount, '1');
  const head = await errorOf(s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'simple', PartNumber: 3 })));
  t.is(head.$metadata.httpStatusCode, 416);
});

test('partNumber 1 of a simple object is the whole object; out of 1..10000 is 400', async (t) => {
  const s3 = s3Client(server.endpoint);
  const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'simple', PartNumber: 1 }));
  t.is(await got.Body!.transformToString(), 'hello');
  const err = await errorOf(s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'simple', PartNumber: 10001 })));
  t.is(err.name, 'InvalidArgument');
  t.is(err.$metadata.httpStatusCode, 400);
});

test('partNumber with a Range: 400 InvalidRequest', async (t) => {
  const s3 = s3Client(server.endpoint);
  const err = await errorOf(s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'simple', PartNumber: 1, Range: 'bytes=0-1' })));
  t.is(err.name, 'InvalidRequest');
  t.is(err.message, 'Cannot specify both Range header and partNumber query parameter');
});
