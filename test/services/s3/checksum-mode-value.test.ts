/**
 * GetObject/HeadObject's x-amz-checksum-mode takes ENABLED (in any case) or nothing; another value
 * is 400 InvalidRequest "Value for x-amz-checksum-mode header is invalid.", bodiless on HEAD
 * (openstack/swift test/s3api/test_object_checksums.py
 * test_full_content_with_checksum_checksum_mode_invalid, asserted against AWS). Was: ignored, 200.
 */
import test from 'ava';
import { CreateBucketCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, type ChecksumMode, type S3Client } from '@aws-sdk/client-s3';
import { errorOf } from '../../helpers/errors.js';
import { s3Client, startBoltstack } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';

const SRC = 'openstack/swift test/s3api/test_object_checksums.py::test_full_content_with_checksum_checksum_mode_invalid';
const Bucket = 'checksum-mode-value';
const Key = 'hello';
let server: Boltstack;
let s3: S3Client;
test.before(async () => {
  server = await startBoltstack();
  // The SDK would validate a response checksum it was told to ask for; these rows read headers only.
  s3 = s3Client(server.endpoint, { responseChecksumValidation: 'WHEN_REQUIRED' });
  await s3.send(new CreateBucketCommand({ Bucket }));
  await s3.send(new PutObjectCommand({ Bucket, Key, Body: 'hello', ChecksumAlgorithm: 'CRC32' }));
});
test.after.always(async () => { await server?.stop(); });

test(`GetObject with x-amz-checksum-mode INVALID is InvalidRequest [${SRC}]`, async (t) => {
  const err = await errorOf(s3.send(new GetObjectCommand({ Bucket, Key, ChecksumMode: 'INVALID' as ChecksumMode })));
  t.is(err.name, 'InvalidRequest');
  t.is(err.$metadata.httpStatusCode, 400);
  t.is(err.message, 'Value for x-amz-checksum-mode header is invalid.');
});

test(`HeadObject with x-amz-checksum-mode INVALID is a bodiless 400 [${SRC}]`, async (t) => {
  const err = await errorOf(s3.send(new HeadObjectCommand({ Bucket, Key, ChecksumMode: 'INVALID' as ChecksumMode })));
  t.is(err.$metadata.httpStatusCode, 400);
});

test('ENABLED in any case still answers the checksum (LocalStack test_s3.py::TestS3::test_s3_get_object_checksum, recorded 2024-06-04)', async (t) => {
  for (const mode of ['ENABLED', 'enabled']) {
    const head = await s3.send(new HeadObjectCommand({ Bucket, Key, ChecksumMode: mode as ChecksumMode }));
    t.is(head.ChecksumCRC32, 'NhCmhg==', mode);
  }
});
