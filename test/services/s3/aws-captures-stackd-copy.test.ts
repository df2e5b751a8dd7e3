/**
 * A FULL_OBJECT multipart object and its copy, as native AWS S3 answered them (radkawar/stackd
 * testdata/aws/s3/multipart_readers_replay.json seq 232-255, 2026-09-20): the source's part reads
 * answer no checksum; the copy is one object whose CopyObjectResult names the checksum and its
 * type, and whose part 1 is the whole object with that checksum. (AWS's object there had S3's
 * default CRC64NVME, which boltstack does not give; an explicit CRC32 FULL_OBJECT upload stands in.)
 */
import test from 'ava';
import {
  CompleteMultipartUploadCommand, CopyObjectCommand, CreateBucketCommand, CreateMultipartUploadCommand, HeadObjectCommand,
  UploadPartCommand, type S3Client,
} from '@aws-sdk/client-s3';
import { s3Client, startBoltstack } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';

let server: Boltstack;
let s3: S3Client;
const Bucket = 'stackd-mpu-readers';
const SRC = 'radkawar/stackd testdata/aws/s3/multipart_readers_replay.json';
test.before(async () => {
  server = await startBoltstack();
  s3 = s3Client(server.endpoint);
  await s3.send(new CreateBucketCommand({ Bucket }));
});
test.after.always(async () => { await server?.stop(); });

test(`a FULL_OBJECT multipart object: part reads answer no checksum; its copy answers ChecksumType FULL_OBJECT and its part 1 the checksum [${SRC} seq 236-255 (2026-09-20)]`, async (t) => {
  const Key = 'reader-gap';
  const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket, Key, ChecksumAlgorithm: 'CRC32', ChecksumType: 'FULL_OBJECT', ContentType: 'application/multipart-readers', Metadata: { origin: 'multipart' } }));
  const parts = [];
  for (const [PartNumber, Body] of [[1, Buffer.alloc(5 * 1024 * 1024, 'A')], [3, Buffer.from('final-part\u0000\u00ff\n', 'latin1')]] as const) {
    const out = await s3.send(new UploadPartCommand({ Bucket, Key, UploadId, PartNumber, Body, ChecksumAlgorithm: 'CRC32' }));
    parts.push({ PartNumber, ETag: out.ETag!, ChecksumCRC32: out.ChecksumCRC32! });
  }
  const done = await s3.send(new CompleteMultipartUploadCommand({ Bucket, Key, UploadId, MultipartUpload: { Parts: parts } }));
  t.is(done.ETag, '"41d23b536821ebefc4bdb9a1507d4b1a-2"');
  t.is(done.ChecksumType, 'FULL_OBJECT');
  for (const PartNumber of [1, 2]) {
    const head = await s3.send(new HeadObjectCommand({ Bucket, Key, PartNumber, ChecksumMode: 'ENABLED' }));
    t.is(head.$metadata.httpStatusCode, 206);
    t.is(head.PartsCount, 2);
    t.is(head.ChecksumCRC32, undefined);
    t.is(head.ChecksumType, undefined);
  }
  const copy = await s3.send(new CopyObjectCommand({ Bucket, Key: 'reader-gap-copy', CopySource: `${Bucket}/${Key}` }));
  t.is(copy.CopyObjectResult?.ETag, '"ddf784a20eb976e765af0935c4462bd1"');
  t.is(copy.CopyObjectResult?.ChecksumType, 'FULL_OBJECT');
  t.is(copy.CopyObjectResult?.ChecksumCRC32, done.ChecksumCRC32);
  const part1 = await s3.send(new HeadObjectCommand({ Bucket, Key: 'reader-gap-copy', PartNumber: 1, ChecksumMode: 'ENABLED' }));
  t.is(part1.$metadata.httpStatusCode, 206);
  t.is(part1.ContentRange, 'bytes 0-5242892/5242893');
  t.is(part1.ChecksumCRC32, done.ChecksumCRC32);
  t.is(part1.ChecksumType, 'FULL_OBJECT');
  t.is(part1.PartsCount, undefined);
  t.deepEqual(part1.Metadata, { origin: 'multipart' });
  t.is(part1.ContentType, 'application/multipart-readers');
});
