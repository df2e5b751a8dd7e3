/**
 * Many uploads and downloads at once, so that bodies share and reuse the same memory (slabs,
 * src/util/byte-slabs.ts; lent read buffers, src/util/lent-buffers.ts): every object must come
 * back exactly as sent. Plain PutObject with
 * the SDK's default aws-chunked CRC32 trailer, a plain Content-Length PUT, and multipart parts.
 */
import test from 'ava';
import {
  CompleteMultipartUploadCommand, CreateBucketCommand, CreateMultipartUploadCommand, GetObjectCommand,
  PutObjectCommand, UploadPartCommand,
} from '@aws-sdk/client-s3';
import { s3Client, startBoltstack } from '../helpers/server.js';
import { md5OfStream, patternStream } from '../helpers/bytes.js';

const MiB = 1024 * 1024;

test('concurrent uploads sharing body memory all come back byte-exact', async (t) => {
  t.timeout(120_000);
  const server = await startBoltstack();
  try {
    const s3 = s3Client(server.endpoint);
    const plain = s3Client(server.endpoint, { requestChecksumCalculation: 'WHEN_REQUIRED' });
    await s3.send(new CreateBucketCommand({ Bucket: 'many' }));
    // Odd sizes, so chunks straddle slab boundaries at different offsets in every body.
    const objects = Array.from({ length: 10 }, (_, i) => ({ key: `obj-${i}`, size: 3 * MiB + i * 777_777 + 13, seed: 100 + i, chunk: 64 * 1024 + 4 * i }));
    await Promise.all(objects.map((o, i) => (i % 2 === 0 ? s3 : plain).send(new PutObjectCommand({
      Bucket: 'many', Key: o.key, Body: patternStream(o.size, o.seed, o.chunk), ContentLength: o.size,
    }))));
    const upload = await s3.send(new CreateMultipartUploadCommand({ Bucket: 'many', Key: 'multi' }));
    const parts = await Promise.all([1, 2, 3, 4].map(async (PartNumber) => {
      const size = PartNumber === 4 ? 1_234_567 : 5 * MiB + PartNumber;
      const out = await s3.send(new UploadPartCommand({
        Bucket: 'many', Key: 'multi', UploadId: upload.UploadId, PartNumber, Body: patternStream(size, 500 + PartNumber), ContentLength: size,
      }));
      return { PartNumber, ETag: out.ETag, size };
    }));
    await s3.send(new CompleteMultipartUploadCommand({
      Bucket: 'many', Key: 'multi', UploadId: upload.UploadId, MultipartUpload: { Parts: parts.map(({ PartNumber, ETag }) => ({ PartNumber, ETag })) },
    }));
    // Downloads at once too: their read buffers are lent and reused (src/util/lent-buffers.ts).
    await Promise.all(objects.map(async (o) => {
      const got = await s3.send(new GetObjectCommand({ Bucket: 'many', Key: o.key }));
      t.deepEqual(await md5OfStream(got.Body as AsyncIterable<Uint8Array>), await md5OfStream(patternStream(o.size, o.seed, o.chunk)), o.key);
    }));
    const whole = await s3.send(new GetObjectCommand({ Bucket: 'many', Key: 'multi' }));
    const expected = (async function* () {
      for (const p of parts) yield* patternStream(p.size, 500 + p.PartNumber);
    })();
    t.deepEqual(await md5OfStream(whole.Body as AsyncIterable<Uint8Array>), await md5OfStream(expected));
  } finally {
    await server.stop();
  }
});
