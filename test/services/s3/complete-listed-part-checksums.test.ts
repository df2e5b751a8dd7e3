/**
 * The checksums a CompleteMultipartUpload lists for its parts, and a checksum value that decodes
 * to the right length without being canonical base64, as AWS answers them (openstack/swift
 * test/s3api/test_object_checksums.py, asserted against AWS; body "123456789").
 */
import test from 'ava';
import {
  CompleteMultipartUploadCommand, CreateBucketCommand, CreateMultipartUploadCommand, PutObjectCommand, UploadPartCommand,
  type ChecksumType, type CompletedPart, type S3Client,
} from '@aws-sdk/client-s3';
import { errorOf } from '../../helpers/errors.js';
import { s3Client, startBoltstack } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';

const SRC = 'openstack/swift test/s3api/test_object_checksums.py';
const Bucket = 'listed-part-checksums';
const BODY = '123456789';
const SUMS = {
  ChecksumCRC32: 'y/Q5Jg==', ChecksumCRC32C: '4waSgw==', ChecksumSHA1: '98O8HYCOBHMq32eZZczDTKeuNEE=',
  ChecksumSHA256: 'FeKw08M4keuw8e9gnsQZQgwg4yDOlMZfvIwzEkSOsiU=',
} as const;
/** Decodes to 4 bytes, but its last character carries bits past them: not canonical. */
const CRC32C_INVALID = '4waSgx==';
const extra = (err: unknown): Record<string, unknown> => err as Record<string, unknown>;

let server: Boltstack;
let s3: S3Client;
test.before(async () => {
  server = await startBoltstack();
  s3 = s3Client(server.endpoint);
  await s3.send(new CreateBucketCommand({ Bucket }));
});
test.after.always(async () => { await server?.stop(); });

/** A CRC32C upload (or one without an algorithm) with parts 1 and 2 of BODY; their ETag. */
async function upload(Key: string, type?: ChecksumType): Promise<{ UploadId: string; ETag: string }> {
  const created = await s3.send(new CreateMultipartUploadCommand({ Bucket, Key, ...(type ? { ChecksumAlgorithm: 'CRC32C', ChecksumType: type } : {}) }));
  let ETag = '';
  for (const PartNumber of [1, 2]) {
    ETag = (await s3.send(new UploadPartCommand({ Bucket, Key, UploadId: created.UploadId, PartNumber, Body: BODY, ...(type ? { ChecksumCRC32C: SUMS.ChecksumCRC32C } : {}) }))).ETag!;
  }
  return { UploadId: created.UploadId!, ETag };
}
const complete = (Key: string, UploadId: string, Parts: CompletedPart[]) => errorOf(s3.send(new CompleteMultipartUploadCommand({ Bucket, Key, UploadId, MultipartUpload: { Parts } })));

for (const type of ['COMPOSITE', 'FULL_OBJECT'] as const) {
  test(`${type}: part 2 listed with a CRC32 on a CRC32C upload is BadDigest naming the part [${SRC}::test_mpu_complete_mixed_checksums_${type === 'COMPOSITE' ? 'composite' : 'full_object'}]`, async (t) => {
    const Key = `mixed-${type}`;
    const { UploadId, ETag } = await upload(Key, type);
    const err = await complete(Key, UploadId, [{ PartNumber: 1, ETag, ChecksumCRC32C: SUMS.ChecksumCRC32C }, { PartNumber: 2, ETag, ChecksumCRC32: SUMS.ChecksumCRC32 }]);
    t.is(err.name, 'BadDigest');
    t.is(err.$metadata.httpStatusCode, 400);
    t.is(err.message, 'The crc32 you specified for part 2 did not match what we received.');
  });

  test(`${type}: a listed part checksum that is not canonical base64, or several for one part, is InvalidArgument listing them [${SRC}::test_mpu_complete_mixed_invalid_checksums_*, test_mpu_complete_multi_checksum_*]`, async (t) => {
    const Key = `invalid-${type}`;
    const { UploadId, ETag } = await upload(Key, type);
    const invalid = await complete(Key, UploadId, [{ PartNumber: 1, ETag, ChecksumCRC32C: CRC32C_INVALID }, { PartNumber: 2, ETag, ChecksumCRC32C: SUMS.ChecksumCRC32C }]);
    t.is(invalid.name, 'InvalidArgument');
    t.is(invalid.$metadata.httpStatusCode, 400);
    t.is(invalid.message, 'Invalid Base64 or multiple checksums present in request');
    t.is(extra(invalid).ArgumentName, 'Checksum');
    t.is(extra(invalid).ArgumentValue, `CRC32C:${CRC32C_INVALID};`);
    const several = await complete(Key, UploadId, [{ PartNumber: 1, ETag, ChecksumCRC32C: SUMS.ChecksumCRC32C }, { PartNumber: 2, ETag, ...SUMS }]);
    t.is(several.name, 'InvalidArgument');
    t.is(extra(several).ArgumentValue, `CRC32:${SUMS.ChecksumCRC32};CRC32C:${SUMS.ChecksumCRC32C};SHA1:${SUMS.ChecksumSHA1};SHA256:${SUMS.ChecksumSHA256};`);
  });
}

test(`an upload created without an algorithm: a listed part checksum that is not canonical base64 is InvalidArgument, a valid one InvalidPart [${SRC}::test_mpu_no_checksum_complete_invalid_checksum, _good_checksum]`, async (t) => {
  const Key = 'no-algorithm';
  const { UploadId, ETag } = await upload(Key);
  const invalid = await complete(Key, UploadId, [{ PartNumber: 1, ETag, ChecksumCRC32C: CRC32C_INVALID }]);
  t.is(invalid.name, 'InvalidArgument');
  t.is(extra(invalid).ArgumentValue, `CRC32C:${CRC32C_INVALID};`);
  const valid = await complete(Key, UploadId, [{ PartNumber: 1, ETag, ChecksumCRC32C: SUMS.ChecksumCRC32C }]);
  t.is(valid.name, 'InvalidPart');
});

test(`PutObject with an x-amz-checksum-crc32 that is not canonical base64 is "Value for x-amz-checksum-crc32 header is invalid." [${SRC}::test_invalid_checksum]`, async (t) => {
  const err = await errorOf(s3.send(new PutObjectCommand({ Bucket, Key: 'not-canonical', Body: BODY, ChecksumCRC32: 'y/Q5Jh==' })));
  t.is(err.name, 'InvalidRequest');
  t.is(err.$metadata.httpStatusCode, 400);
  t.is(err.message, 'Value for x-amz-checksum-crc32 header is invalid.');
});
