/**
 * The algorithm headers beside a checksum, as AWS answers them (openstack/swift
 * test/s3api/test_object_checksums.py, asserted against AWS): x-amz-sdk-checksum-algorithm naming
 * another algorithm than the x-amz-checksum-* value sent, or none S3 knows, is "Value for
 * x-amz-sdk-checksum-algorithm header is invalid." and stores nothing; CreateMultipartUpload's
 * x-amz-checksum-algorithm listing two algorithms is "Invalid types are specified in
 * x-amz-checksum-algorithm header.".
 */
import test from 'ava';
import { CreateBucketCommand, CreateMultipartUploadCommand, HeadObjectCommand, type ChecksumAlgorithm, type S3Client } from '@aws-sdk/client-s3';
import { errorOf } from '../../helpers/errors.js';
import { s3Client, startBoltstack } from '../../helpers/server.js';
import { signedRequest } from './signed-request.js';
import type { Boltstack } from '../../../src/index.js';

const SRC = 'openstack/swift test/s3api/test_object_checksums.py';
const Bucket = 'checksum-algorithm-headers';
const BODY = '123456789';
const CRC32 = 'y/Q5Jg==';
let server: Boltstack;
let s3: S3Client;
test.before(async () => {
  server = await startBoltstack();
  s3 = s3Client(server.endpoint);
  await s3.send(new CreateBucketCommand({ Bucket }));
});
test.after.always(async () => { await server?.stop(); });

const rows = [
  { name: 'another algorithm', test: 'test_good_checksum_different_algorithm_header, test_different_checksum_requested', declared: 'SHA1' },
  { name: 'an unknown algorithm', test: 'test_good_checksum_invalid_algorithm_header', declared: 'INVALIDALGO' },
];
for (const row of rows) {
  test(`PutObject with x-amz-sdk-checksum-algorithm naming ${row.name} beside x-amz-checksum-crc32 is InvalidRequest, nothing stored [${SRC}::${row.test}]`, async (t) => {
    const Key = `declared-${row.declared}`;
    const answer = await signedRequest(server.endpoint, {
      method: 'PUT', path: `/${Bucket}/${Key}`, headers: { 'x-amz-sdk-checksum-algorithm': row.declared, 'x-amz-checksum-crc32': CRC32 }, body: BODY,
    });
    t.is(answer.status, 400);
    t.regex(answer.body.toString(), /<Code>InvalidRequest<\/Code><Message>Value for x-amz-sdk-checksum-algorithm header is invalid.<\/Message>/);
    t.is((await errorOf(s3.send(new HeadObjectCommand({ Bucket, Key })))).$metadata.httpStatusCode, 404);
  });
}

test(`PutObject with x-amz-sdk-checksum-algorithm naming the x-amz-checksum-* sent, in any case, is stored [${SRC}::test_good_checksum]`, async (t) => {
  for (const declared of ['CRC32', 'crc32']) {
    const answer = await signedRequest(server.endpoint, {
      method: 'PUT', path: `/${Bucket}/same-${declared}`, headers: { 'x-amz-sdk-checksum-algorithm': declared, 'x-amz-checksum-crc32': CRC32 }, body: BODY,
    });
    t.is(answer.status, 200, declared);
    t.is(answer.headers['x-amz-checksum-crc32'], CRC32);
  }
});

test(`CreateMultipartUpload with two algorithms in x-amz-checksum-algorithm is InvalidRequest [${SRC}::test_mpu_create_multiple_checksum_algorithms]`, async (t) => {
  const err = await errorOf(s3.send(new CreateMultipartUploadCommand({ Bucket, Key: 'multi', ChecksumAlgorithm: 'CRC32,CRC32C' as ChecksumAlgorithm })));
  t.is(err.name, 'InvalidRequest');
  t.is(err.$metadata.httpStatusCode, 400);
  t.is(err.message, 'Invalid types are specified in x-amz-checksum-algorithm header.');
});
