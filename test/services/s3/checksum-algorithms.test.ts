/**
 * The checksum algorithms S3 added after CRC64NVME (SHA512, MD5, XXHASH64, XXHASH3, XXHASH128),
 * through the real SDK client: the default client computes only CRC32/CRC32C/CRC64NVME/SHA1/SHA256
 * and takes the others as `checksumAlgorithms` implementations, here the SDK's own pure-JS
 * xxHashes (@aws-sdk/checksums) and node:crypto's SHA-512.
 */
import test from 'ava';
import { createHash, type Hash } from 'node:crypto';
import {
  CompleteMultipartUploadCommand, CreateBucketCommand, CreateMultipartUploadCommand, DeleteObjectsCommand,
  GetObjectCommand, HeadObjectCommand, ListPartsCommand, PutObjectCommand, UploadPartCommand,
  type ChecksumAlgorithm,
} from '@aws-sdk/client-s3';
import { Xxh3_128, Xxh3_64, Xxh64 } from '@aws-sdk/checksums/xxh';
import { Crc64Nvme } from '@aws-sdk/crc64-nvme';
import { errorOf } from '../../helpers/errors.js';
import { s3Client, startBoltstack, uniqueBucket } from '../../helpers/server.js';
import { patternBuffer, patternStream } from '../../helpers/bytes.js';
import type { Boltstack } from '../../../src/index.js';

class NodeSha512 {
  #h: Hash = createHash('sha512');
  update(data: Uint8Array): void { this.#h.update(data); }
  digest(): Promise<Uint8Array> { return Promise.resolve(this.#h.digest()); }
  reset(): void { this.#h = createHash('sha512'); }
}

type NewAlgorithm = 'SHA512' | 'MD5' | 'XXHASH64' | 'XXHASH3' | 'XXHASH128';
const NEW: NewAlgorithm[] = ['SHA512', 'MD5', 'XXHASH64', 'XXHASH3', 'XXHASH128'];
const member = (alg: NewAlgorithm) => `Checksum${alg}` as const;

/** "hello world" under each algorithm, base64 of the big-endian digest (independent references). */
const HELLO: Record<NewAlgorithm, string> = {
  SHA512: createHash('sha512').update('hello world').digest('base64'),
  MD5: createHash('md5').update('hello world').digest('base64'),
  XXHASH64: 'RatnNLIeaWg=',
  XXHASH3: '1Eex6kDmmIs=',
  XXHASH128: '340J6T+HSQCpm4d1zBW2xw==',
};

let server: Boltstack;
let bucket: string;
const client = () => s3Client(server.endpoint, {
  checksumAlgorithms: { SHA512: NodeSha512, XXHASH64: Xxh64, XXHASH3: Xxh3_64, XXHASH128: Xxh3_128 },
});

test.before(async () => {
  server = await startBoltstack();
  bucket = uniqueBucket();
  await s3Client(server.endpoint).send(new CreateBucketCommand({ Bucket: bucket }));
});
test.after.always(async () => { await server?.stop(); });

for (const alg of NEW) {
  test(`PutObject with ChecksumAlgorithm ${alg} (SDK default: a streamed aws-chunked trailer) is verified, stored and returned`, async (t) => {
    const s3 = client();
    const size = 200_003;
    // A stream body makes the SDK send aws-chunked with the checksum in a trailer; MD5 is the
    // exception: the SDK sends it as Content-MD5, which S3 verifies the same way.
    const put = await s3.send(new PutObjectCommand({
      Bucket: bucket, Key: `trailer-${alg}`, Body: patternStream(size, 3, 65_536), ContentLength: size, ChecksumAlgorithm: alg as ChecksumAlgorithm,
    }));
    const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: `trailer-${alg}`, ChecksumMode: 'ENABLED' }));
    t.deepEqual(Buffer.from(await got.Body!.transformToByteArray()), patternBuffer(size, 3));
    if (alg !== 'MD5') {
      t.truthy(put[member(alg)]);
      t.is(got[member(alg)], put[member(alg)]);
    }
  });

  test(`PutObject with a precomputed ${alg} header: right value stored and returned by Get/HeadObject, wrong value BadDigest`, async (t) => {
    const s3 = client();
    const put = await s3.send(new PutObjectCommand({ Bucket: bucket, Key: `header-${alg}`, Body: 'hello world', [member(alg)]: HELLO[alg] }));
    t.is(put[member(alg)], HELLO[alg]);
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: `header-${alg}`, ChecksumMode: 'ENABLED' }));
    t.is(head[member(alg)], HELLO[alg]);
    const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: `header-${alg}`, ChecksumMode: 'ENABLED' }));
    t.is(got[member(alg)], HELLO[alg]);
    t.is(await got.Body!.transformToString(), 'hello world');

    const wrong = await errorOf(s3.send(new PutObjectCommand({ Bucket: bucket, Key: `bad-${alg}`, Body: 'hello there', [member(alg)]: HELLO[alg] })));
    t.is(wrong.name, 'BadDigest');
    t.is(wrong.$metadata.httpStatusCode, 400);
    t.is(wrong.message, `The ${alg} you specified did not match the calculated checksum.`);
    const missing = await errorOf(s3.send(new HeadObjectCommand({ Bucket: bucket, Key: `bad-${alg}` })));
    t.is(missing.$metadata.httpStatusCode, 404);
  });
}

test('a buffered body (DeleteObjects) is verified against x-amz-checksum-xxhash3 too', async (t) => {
  const s3 = client();
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'to-delete', Body: 'x' }));
  const ok = await s3.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: [{ Key: 'to-delete' }] }, ChecksumAlgorithm: 'XXHASH3' }));
  t.is(ok.Deleted?.[0]?.Key, 'to-delete');
  s3.middlewareStack.add((next) => async (args) => {
    const req = args.request as { headers: Record<string, string> };
    if (req.headers['x-amz-checksum-xxhash3']) req.headers['x-amz-checksum-xxhash3'] = '1Eex6kDmmIs=';
    return next(args);
  }, { step: 'finalizeRequest', name: 'corruptChecksum' });
  const bad = await errorOf(s3.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: [{ Key: 'to-delete' }] }, ChecksumAlgorithm: 'XXHASH3' })));
  t.is(bad.name, 'BadDigest');
  t.is(bad.message, 'The XXHASH3 you specified did not match the calculated checksum.');
});

for (const alg of ['XXHASH3', 'XXHASH128', 'SHA512'] as const) {
  test(`multipart upload with ${alg}: parts verified and listed, the object carries the composite checksum`, async (t) => {
    const s3 = client();
    const key = `mpu-${alg}`;
    const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: key, ChecksumAlgorithm: alg }));
    t.truthy(UploadId);
    const parts = [patternBuffer(5 * 1024 * 1024, 1), patternBuffer(1000, 2)];
    const uploaded = [];
    for (const [i, body] of parts.entries()) {
      const r = await s3.send(new UploadPartCommand({ Bucket: bucket, Key: key, UploadId, PartNumber: i + 1, Body: body, ChecksumAlgorithm: alg }));
      t.truthy(r[member(alg)]);
      uploaded.push({ PartNumber: i + 1, ETag: r.ETag!, [member(alg)]: r[member(alg)] });
    }
    const listed = await s3.send(new ListPartsCommand({ Bucket: bucket, Key: key, UploadId }));
    t.deepEqual(listed.Parts?.map((p) => p[member(alg)]), uploaded.map((p) => p[member(alg)]));
    const done = await s3.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId, MultipartUpload: { Parts: uploaded } }));
    t.regex(done[member(alg)] ?? '', /^[A-Za-z0-9+/]+=*-2$/);
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key, ChecksumMode: 'ENABLED' }));
    t.is(head[member(alg)], done[member(alg)]);
  });
}

test('multipart upload with CRC64NVME gets a FULL_OBJECT checksum: the CRC of the whole object, which the SDK validates on GetObject', async (t) => {
  const s3 = client();
  const key = 'mpu-CRC64NVME';
  const created = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: key, ChecksumAlgorithm: 'CRC64NVME' }));
  t.is(created.ChecksumType, 'FULL_OBJECT');
  const parts = [patternBuffer(5 * 1024 * 1024, 4), patternBuffer(5 * 1024 * 1024 + 7, 5), patternBuffer(999, 6)];
  const uploaded = [];
  for (const [i, body] of parts.entries()) {
    const r = await s3.send(new UploadPartCommand({ Bucket: bucket, Key: key, UploadId: created.UploadId, PartNumber: i + 1, Body: body, ChecksumAlgorithm: 'CRC64NVME' }));
    uploaded.push({ PartNumber: i + 1, ETag: r.ETag!, ChecksumCRC64NVME: r.ChecksumCRC64NVME });
  }
  const done = await s3.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: created.UploadId, MultipartUpload: { Parts: uploaded } }));
  const whole = new Crc64Nvme();
  for (const p of parts) whole.update(p);
  t.is(done.ChecksumCRC64NVME, Buffer.from(await whole.digest()).toString('base64'));
  t.is(done.ChecksumType, 'FULL_OBJECT');
  // Response validation is on by default: a wrong full-object value would make this throw.
  const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key, ChecksumMode: 'ENABLED' }));
  t.is(got.ChecksumCRC64NVME, done.ChecksumCRC64NVME);
  t.is((await got.Body!.transformToByteArray()).length, parts.reduce((n, p) => n + p.length, 0));
});
