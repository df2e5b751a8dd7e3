/**
 * Regression: removing the SDK's aws-chunked from Content-Encoding also rewrote the client's own
 * list ("gzip, br" came back "gzip,br"). S3 drops only the aws-chunked coding and keeps the rest
 * as the client wrote it.
 */
import test from 'ava';
import { CreateBucketCommand, CreateMultipartUploadCommand, CompleteMultipartUploadCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, UploadPartCommand } from '@aws-sdk/client-s3';
import { s3Client, startBoltstack } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';
import { signedRequest } from './signed-request.js';

let server: Boltstack;
const bucket = 'content-encoding';
test.before(async () => {
  server = await startBoltstack();
  await s3Client(server.endpoint).send(new CreateBucketCommand({ Bucket: bucket }));
});
test.after.always(async () => { await server?.stop(); });

test('the SDK appends aws-chunked to "gzip, br": "gzip, br" is stored and answered', async (t) => {
  const s3 = s3Client(server.endpoint);
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'k', Body: 'x', ContentEncoding: 'gzip, br' }));
  t.is((await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'k' }))).ContentEncoding, 'gzip, br');
  t.is((await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'k' }))).ContentEncoding, 'gzip, br');
});

test('aws-chunked anywhere in the list is removed, the rest kept verbatim; aws-chunked alone stores none', async (t) => {
  const cases: [string, string | undefined][] = [
    ['aws-chunked, gzip', 'gzip'], ['gzip,  aws-chunked ,br', 'gzip,br'], ['identity ,gzip', 'identity ,gzip'], ['aws-chunked', undefined],
  ];
  for (const [given, stored] of cases) {
    const body = given.includes('aws-chunked') ? '1\r\nx\r\n0\r\n\r\n' : 'x';
    const headers: Record<string, string> = { 'content-encoding': given };
    if (given.includes('aws-chunked')) headers['x-amz-decoded-content-length'] = '1';
    const put = await signedRequest(server.endpoint, { method: 'PUT', path: `/${bucket}/list`, body, headers });
    t.is(put.status, 200, given);
    const head = await signedRequest(server.endpoint, { method: 'HEAD', path: `/${bucket}/list` });
    t.is(head.headers['content-encoding'] as string | undefined, stored, given);
  }
});

test('CreateMultipartUpload keeps the list as given too', async (t) => {
  const s3 = s3Client(server.endpoint);
  const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: 'mpu', ContentEncoding: 'gzip, br' }));
  const part = await s3.send(new UploadPartCommand({ Bucket: bucket, Key: 'mpu', UploadId, PartNumber: 1, Body: 'x' }));
  await s3.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key: 'mpu', UploadId, MultipartUpload: { Parts: [{ PartNumber: 1, ETag: part.ETag }] } }));
  t.is((await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'mpu' }))).ContentEncoding, 'gzip, br');
});
