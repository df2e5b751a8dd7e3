import test from 'ava';
import { createHash } from 'node:crypto';
import {
  AbortMultipartUploadCommand, CompleteMultipartUploadCommand, CreateBucketCommand, CreateMultipartUploadCommand,
  GetObjectCommand, HeadObjectCommand, ListMultipartUploadsCommand, ListPartsCommand, UploadPartCommand,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { errorOf } from '../../helpers/errors.js';
import { s3Client, startBoltstack, uniqueBucket } from '../../helpers/server.js';
import { md5OfStream, patternBuffer, patternStream } from '../../helpers/bytes.js';
import type { Boltstack } from '../../../src/index.js';

let server: Boltstack;
let bucket: string;
const MiB = 1024 * 1024;
test.before(async () => {
  server = await startBoltstack();
  bucket = uniqueBucket();
  await s3Client(server.endpoint).send(new CreateBucketCommand({ Bucket: bucket }));
});
test.after.always(async () => { await server?.stop(); });


test('a three-part upload completes with the AWS multipart ETag and reads back across part boundaries', async (t) => {
  const s3 = s3Client(server.endpoint);
  const parts = [patternBuffer(5 * MiB, 1), patternBuffer(5 * MiB, 2), patternBuffer(1234, 3)];
  const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: 'mp', ContentType: 'video/x-test', Metadata: { a: 'b' } }));
  const etags: string[] = [];
  for (const [i, body] of parts.entries()) {
    const out = await s3.send(new UploadPartCommand({ Bucket: bucket, Key: 'mp', UploadId, PartNumber: i + 1, Body: body }));
    etags.push(out.ETag!);
  }
  const listed = await s3.send(new ListPartsCommand({ Bucket: bucket, Key: 'mp', UploadId }));
  t.deepEqual(listed.Parts!.map((p) => [p.PartNumber, p.Size]), [[1, 5 * MiB], [2, 5 * MiB], [3, 1234]]);
  const uploads = await s3.send(new ListMultipartUploadsCommand({ Bucket: bucket }));
  t.true(uploads.Uploads!.some((u) => u.UploadId === UploadId && u.Key === 'mp'));

  const done = await s3.send(new CompleteMultipartUploadCommand({
    Bucket: bucket, Key: 'mp', UploadId, MultipartUpload: { Parts: etags.map((ETag, i) => ({ ETag, PartNumber: i + 1 })) },
  }));
  const md5s = Buffer.concat(parts.map((p) => createHash('md5').update(p).digest()));
  t.is(done.ETag, `"${createHash('md5').update(md5s).digest('hex')}-3"`);

  const whole = Buffer.concat(parts);
  const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'mp' }));
  t.is(head.ContentLength, whole.length);
  t.is(head.ContentType, 'video/x-test');
  t.deepEqual(head.Metadata, { a: 'b' });
  const across = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'mp', Range: `bytes=${5 * MiB - 10}-${10 * MiB + 9}` }));
  t.true(Buffer.from(await across.Body!.transformToByteArray()).equals(whole.subarray(5 * MiB - 10, 10 * MiB + 10)));
  const part2 = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'mp', PartNumber: 2 }));
  t.is(part2.PartsCount, 3);
  t.is(part2.ContentLength, 5 * MiB);
  const full = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'mp' }));
  t.is((await md5OfStream(full.Body as AsyncIterable<Uint8Array>)).md5, createHash('md5').update(whole).digest('hex'));
  const gone = await errorOf(s3.send(new ListPartsCommand({ Bucket: bucket, Key: 'mp', UploadId })));
  t.is(gone.name, 'NoSuchUpload');
});

test('AWS rules: EntityTooSmall, InvalidPart, InvalidPartOrder, NoSuchUpload, part number range', async (t) => {
  const s3 = s3Client(server.endpoint);
  const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: 'rules' }));
  const p1 = await s3.send(new UploadPartCommand({ Bucket: bucket, Key: 'rules', UploadId, PartNumber: 1, Body: 'small' }));
  const p2 = await s3.send(new UploadPartCommand({ Bucket: bucket, Key: 'rules', UploadId, PartNumber: 2, Body: 'small too' }));
  const small = await errorOf(s3.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key: 'rules', UploadId, MultipartUpload: { Parts: [{ ETag: p1.ETag, PartNumber: 1 }, { ETag: p2.ETag, PartNumber: 2 }] } })));
  t.is(small.name, 'EntityTooSmall');
  const order = await errorOf(s3.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key: 'rules', UploadId, MultipartUpload: { Parts: [{ ETag: p2.ETag, PartNumber: 2 }, { ETag: p1.ETag, PartNumber: 1 }] } })));
  t.is(order.name, 'InvalidPartOrder');
  const wrong = await errorOf(s3.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key: 'rules', UploadId, MultipartUpload: { Parts: [{ ETag: '"0000"', PartNumber: 1 }] } })));
  t.is(wrong.name, 'InvalidPart');
  const range = await errorOf(s3.send(new UploadPartCommand({ Bucket: bucket, Key: 'rules', UploadId, PartNumber: 10001, Body: 'x' })));
  t.is(range.name, 'InvalidArgument');
  // A single small part is fine: the last part may be any size.
  const one = await s3.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key: 'rules', UploadId, MultipartUpload: { Parts: [{ ETag: p1.ETag, PartNumber: 1 }] } }));
  t.regex(one.ETag!, /-1"$/);
  const again = await errorOf(s3.send(new UploadPartCommand({ Bucket: bucket, Key: 'rules', UploadId, PartNumber: 1, Body: 'x' })));
  t.is(again.name, 'NoSuchUpload');
  t.is(again.$metadata.httpStatusCode, 404);
});

test('a part listed with an empty ETag is InvalidPart without an ETag element [openstack/swift test/s3api/test_mpu.py::test_complete_multipart_upload_malformed_request, asserted against AWS]', async (t) => {
  const s3 = s3Client(server.endpoint);
  const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: 'empty-etag' }));
  await s3.send(new UploadPartCommand({ Bucket: bucket, Key: 'empty-etag', UploadId, PartNumber: 1, Body: 'x' }));
  const err = await errorOf(s3.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key: 'empty-etag', UploadId, MultipartUpload: { Parts: [{ PartNumber: 1, ETag: '' }] } })));
  t.is(err.name, 'InvalidPart');
  const fields = err as unknown as Record<string, unknown>;
  t.is(fields.UploadId, UploadId);
  t.is(fields.PartNumber, '1');
  t.false('ETag' in fields);
});

test('abort removes the upload and its parts', async (t) => {
  const s3 = s3Client(server.endpoint);
  const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: 'aborted' }));
  await s3.send(new UploadPartCommand({ Bucket: bucket, Key: 'aborted', UploadId, PartNumber: 1, Body: 'x' }));
  await s3.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: 'aborted', UploadId }));
  const err = await errorOf(s3.send(new ListPartsCommand({ Bucket: bucket, Key: 'aborted', UploadId })));
  t.is(err.name, 'NoSuchUpload');
  const head = await errorOf(s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'aborted' })));
  t.is(head.$metadata.httpStatusCode, 404);
});

test('lib-storage Upload of a stream of unknown length (multipart, default checksums)', async (t) => {
  const s3 = s3Client(server.endpoint);
  const size = 23 * MiB + 17;
  const upload = new Upload({ client: s3, params: { Bucket: bucket, Key: 'streamed', Body: patternStream(size, 9) }, partSize: 5 * MiB, queueSize: 2 });
  await upload.done();
  const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'streamed' }));
  const expected = await md5OfStream(patternStream(size, 9));
  t.deepEqual(await md5OfStream(got.Body as AsyncIterable<Uint8Array>), expected);
});

// A part must carry its upload's algorithm (part-checksum-plan.ts): lib-storage passes the Upload's
// ChecksumAlgorithm to CreateMultipartUpload and to every UploadPart, with or without the SDK's defaults.
for (const [ChecksumAlgorithm, requestChecksumCalculation] of [['SHA256', 'WHEN_SUPPORTED'], ['CRC32C', 'WHEN_REQUIRED']] as const) {
  test(`lib-storage Upload with ChecksumAlgorithm ${ChecksumAlgorithm} (${requestChecksumCalculation}): the object gets that composite checksum`, async (t) => {
    const s3 = s3Client(server.endpoint, { requestChecksumCalculation });
    const Key = `with-${ChecksumAlgorithm}`;
    const upload = new Upload({ client: s3, params: { Bucket: bucket, Key, Body: patternBuffer(11 * MiB, 3), ChecksumAlgorithm }, partSize: 5 * MiB });
    await upload.done();
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key, ChecksumMode: 'ENABLED' }));
    t.is(head.ContentLength, 11 * MiB);
    t.regex(head[`Checksum${ChecksumAlgorithm}`] ?? '', /-3$/);
    t.is(head.ChecksumType, 'COMPOSITE');
  });
}

test('a completion document of 2,000 parts is parsed off the main thread and checked part by part', async (t) => {
  const s3 = s3Client(server.endpoint);
  const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: 'many' }));
  const p1 = await s3.send(new UploadPartCommand({ Bucket: bucket, Key: 'many', UploadId, PartNumber: 1, Body: patternBuffer(5 * MiB, 5) }));
  const parts = Array.from({ length: 2000 }, (_, i) => ({ PartNumber: i + 1, ETag: i === 0 ? p1.ETag! : `"${'0'.repeat(32)}"` }));
  const err = await errorOf(s3.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key: 'many', UploadId, MultipartUpload: { Parts: parts } })));
  t.is(err.name, 'InvalidPart');
  t.is((err as unknown as { PartNumber?: string }).PartNumber, '2');
  const health = await (await fetch(`${server.endpoint}/_boltstack/health`)).json() as { poolThreads: number };
  t.true(health.poolThreads > 0, 'the large body went through the worker pool');
});
