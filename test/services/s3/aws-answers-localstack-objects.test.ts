/**
 * Object answers as LocalStack's AWS-recorded snapshots hold them (test_s3_api.snapshot.json; a
 * snapshot entry is AWS's response when the test last ran against AWS, the date its
 * *.validation.json records), through the SDK v3 client: UploadPartCopy above all, which the AWS
 * CLI uses for every s3-to-s3 copy of 8 MB or more. Each test cites `file::Class::test (date)`.
 */
import test from 'ava';
import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import {
  CompleteMultipartUploadCommand, CreateBucketCommand, CreateMultipartUploadCommand, GetObjectCommand, ListPartsCommand,
  PutObjectCommand, UploadPartCommand, UploadPartCopyCommand, type CompletedPart,
} from '@aws-sdk/client-s3';
import { errorOf } from '../../helpers/errors.js';
import { s3Client, startBoltstack, uniqueBucket } from '../../helpers/server.js';
import { md5Hex, patternBuffer } from '../../helpers/bytes.js';
import type { Boltstack } from '../../../src/index.js';

const LS_API = 'localstack/localstack tests/aws/services/s3/test_s3_api.py';
const MiB = 1024 * 1024;
let server: Boltstack;
test.before(async () => { server = await startBoltstack(); });
test.after.always(async () => { await server?.stop(); });

async function bucketWith(objects: Record<string, Uint8Array | string>): Promise<string> {
  const s3 = s3Client(server.endpoint);
  const bucket = uniqueBucket('lsobj');
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  for (const [key, body] of Object.entries(objects)) await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
  return bucket;
}

test(`UploadPartCopy ranges: each part's ETag is the MD5 of its bytes [${LS_API}::TestS3Multipart::test_upload_part_copy_range (validated 2025-06-13)]`, async (t) => {
  const s3 = s3Client(server.endpoint);
  const bucket = await bucketWith({ 'src-key': '0123456789' });
  const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: 'test-upload-part-copy' }));
  const recorded = [['0-8', '"22975d8a5ed1b91445f6c55ac121505b"', 9], ['1-1', '"c4ca4238a0b923820dcc509a6f75849b"', 1], ['0-0', '"cfcd208495d565ef66e7dff9f98764da"', 1]] as const;
  for (const [i, [range, etag]] of recorded.entries()) {
    const out = await s3.send(new UploadPartCopyCommand({
      Bucket: bucket, Key: 'test-upload-part-copy', UploadId, PartNumber: i + 1, CopySource: `${bucket}/src-key`, CopySourceRange: `bytes=${range}`,
    }));
    t.is(out.CopyPartResult?.ETag, etag);
    t.true(out.CopyPartResult?.LastModified instanceof Date);
    t.is(out.ServerSideEncryption, 'AES256');
    // No checksum was asked of the upload, so the result carries none.
    t.is(out.CopyPartResult?.ChecksumCRC32, undefined);
  }
  const parts = await s3.send(new ListPartsCommand({ Bucket: bucket, Key: 'test-upload-part-copy', UploadId }));
  t.deepEqual(parts.Parts?.map((p) => [p.PartNumber, p.ETag, p.Size]), recorded.map(([, etag, size], i) => [i + 1, etag, size]));
  t.is(parts.NextPartNumberMarker, '3');

  const wrong = await errorOf(s3.send(new UploadPartCopyCommand({
    Bucket: bucket, Key: 'test-upload-part-copy', UploadId, PartNumber: 1, CopySource: `${bucket}/src-key`, CopySourceRange: '0-8',
  })));
  t.is(wrong.name, 'InvalidArgument');
  t.is(wrong.$metadata.httpStatusCode, 400);
});

test(`UploadPartCopy without a range copies the whole source: the part's ETag is the source's [${LS_API}::TestS3Multipart::test_upload_part_copy_no_copy_source_range (validated 2025-06-13)]`, async (t) => {
  const s3 = s3Client(server.endpoint);
  const bucket = await bucketWith({ 'src-key': '0123456789' });
  const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: 'test-upload-part-copy' }));
  const out = await s3.send(new UploadPartCopyCommand({ Bucket: bucket, Key: 'test-upload-part-copy', UploadId, PartNumber: 1, CopySource: `${bucket}/src-key` }));
  t.is(out.CopyPartResult?.ETag, '"781e5e245d69b566979b86e28d23f2c7"');
  const parts = await s3.send(new ListPartsCommand({ Bucket: bucket, Key: 'test-upload-part-copy', UploadId }));
  t.deepEqual(parts.Parts?.map((p) => [p.PartNumber, p.ETag, p.Size]), [[1, '"781e5e245d69b566979b86e28d23f2c7"', 10]]);
});

/** A multipart source of two parts (5 MiB + 3 MiB), so a copied range may cross a part boundary. */
async function multipartSource(bucket: string, key: string, whole: Buffer): Promise<void> {
  const s3 = s3Client(server.endpoint);
  const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: key }));
  const cut = 5 * MiB;
  const parts: CompletedPart[] = [];
  for (const [i, body] of [whole.subarray(0, cut), whole.subarray(cut)].entries()) {
    const { ETag } = await s3.send(new UploadPartCommand({ Bucket: bucket, Key: key, UploadId, PartNumber: i + 1, Body: body }));
    parts.push({ PartNumber: i + 1, ETag });
  }
  await s3.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId, MultipartUpload: { Parts: parts } }));
}

const multipartEtag = (parts: Buffer[]): string =>
  `"${createHash('md5').update(Buffer.concat(parts.map((p) => createHash('md5').update(p).digest()))).digest('hex')}-${parts.length}"`;

test('UploadPartCopy ranges of a multipart source, across its part boundary, then Complete: GetObject answers the bytes and the ETag', async (t) => {
  const s3 = s3Client(server.endpoint);
  const whole = patternBuffer(8 * MiB, 7);
  const bucket = await bucketWith({});
  await multipartSource(bucket, 'big-src', whole);
  const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: 'copy', ChecksumAlgorithm: 'CRC32' }));
  // 6 MiB then the rest: the first range ends 1 MiB into the source's second part.
  const cut = 6 * MiB;
  const pieces = [whole.subarray(0, cut), whole.subarray(cut)];
  const ranges = [`bytes=0-${cut - 1}`, `bytes=${cut}-${whole.length - 1}`];
  const parts: CompletedPart[] = [];
  for (const [i, range] of ranges.entries()) {
    const out = await s3.send(new UploadPartCopyCommand({ Bucket: bucket, Key: 'copy', UploadId, PartNumber: i + 1, CopySource: `${bucket}/big-src`, CopySourceRange: range }));
    t.is(out.CopyPartResult?.ETag, `"${md5Hex(pieces[i]!)}"`);
    // The upload asked for CRC32, so the copied part carries it, as an uploaded part would.
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(pieces[i]!));
    t.is(out.CopyPartResult?.ChecksumCRC32, crc.toString('base64'));
    parts.push({ PartNumber: i + 1, ETag: out.CopyPartResult!.ETag, ChecksumCRC32: out.CopyPartResult!.ChecksumCRC32 });
  }
  const done = await s3.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key: 'copy', UploadId, MultipartUpload: { Parts: parts } }));
  t.is(done.ETag, multipartEtag(pieces));
  t.regex(done.ChecksumCRC32 ?? '', /-2$/);
  const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'copy' }));
  t.is(got.ETag, multipartEtag(pieces));
  t.true(Buffer.from(await got.Body!.transformToByteArray()).equals(whole));
});

test('UploadPartCopy of a whole multipart source: one part of all its bytes', async (t) => {
  const s3 = s3Client(server.endpoint);
  const whole = patternBuffer(6 * MiB, 9);
  const bucket = await bucketWith({ tail: 'tail' });
  await multipartSource(bucket, 'src', whole);
  const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: 'dst' }));
  const first = await s3.send(new UploadPartCopyCommand({ Bucket: bucket, Key: 'dst', UploadId, PartNumber: 1, CopySource: `${bucket}/src` }));
  t.is(first.CopyPartResult?.ETag, `"${md5Hex(whole)}"`);
  const second = await s3.send(new UploadPartCopyCommand({ Bucket: bucket, Key: 'dst', UploadId, PartNumber: 2, CopySource: `/${bucket}/tail?versionId=null` }));
  await s3.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key: 'dst', UploadId, MultipartUpload: { Parts: [
    { PartNumber: 1, ETag: first.CopyPartResult!.ETag }, { PartNumber: 2, ETag: second.CopyPartResult!.ETag },
  ] } }));
  const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'dst' }));
  t.true(Buffer.from(await got.Body!.transformToByteArray()).equals(Buffer.concat([whole, Buffer.from('tail')])));
});

test('UploadPartCopy judges the x-amz-copy-source-if-* conditions against the source', async (t) => {
  const s3 = s3Client(server.endpoint);
  const bucket = await bucketWith({ src: '0123456789' });
  const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: 'dst' }));
  const copy = (extra: object) => s3.send(new UploadPartCopyCommand({ Bucket: bucket, Key: 'dst', UploadId, PartNumber: 1, CopySource: `${bucket}/src`, ...extra }));
  const etag = '"781e5e245d69b566979b86e28d23f2c7"';
  t.is((await copy({ CopySourceIfMatch: etag })).CopyPartResult?.ETag, etag);
  t.is((await copy({ CopySourceIfNoneMatch: '"nope"' })).CopyPartResult?.ETag, etag);
  for (const extra of [{ CopySourceIfMatch: '"nope"' }, { CopySourceIfNoneMatch: etag }, { CopySourceIfUnmodifiedSince: new Date('2000-01-01') }]) {
    const err = await errorOf(copy(extra));
    t.is(err.name, 'PreconditionFailed', JSON.stringify(extra));
    t.is(err.$metadata.httpStatusCode, 412);
  }
});

test('UploadPartCopy errors: a missing upload, source key or source bucket; a version other than "null"', async (t) => {
  const s3 = s3Client(server.endpoint);
  const bucket = await bucketWith({ src: '0123456789' });
  const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: 'dst' }));
  const copy = (extra: object) => s3.send(new UploadPartCopyCommand({ Bucket: bucket, Key: 'dst', UploadId, PartNumber: 1, CopySource: `${bucket}/src`, ...extra }));
  t.is((await errorOf(copy({ UploadId: 'no-such-upload' }))).name, 'NoSuchUpload');
  t.is((await errorOf(copy({ CopySource: `${bucket}/missing` }))).name, 'NoSuchKey');
  t.is((await errorOf(copy({ CopySource: 'no-such-bucket-lsobj/src' }))).name, 'NoSuchBucket');
  t.is((await errorOf(copy({ PartNumber: 10001 }))).name, 'InvalidArgument');
  t.is((await errorOf(copy({ CopySource: `${bucket}/src?versionId=3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY` }))).name, 'NotImplemented');
});
