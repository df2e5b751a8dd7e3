/**
 * Whole-object checksums of the newer algorithms, recorded against native AWS S3 by
 * radkawar/stackd (testdata/aws/s3/checksum_algorithms_object_replay.json, 2026): the digests
 * AWS accepted and answered for one 46-byte binary body and for an empty one (they fix the byte
 * order), a value sent without x-amz-sdk-checksum-algorithm, and which reads answer them.
 */
import test from 'ava';
import {
  CompleteMultipartUploadCommand, CreateBucketCommand, CreateMultipartUploadCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand,
  UploadPartCommand, type S3Client,
} from '@aws-sdk/client-s3';
import { s3Client, startBoltstack } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';
import { signedRequest } from './signed-request.js';

let server: Boltstack;
let s3: S3Client;
const bucket = 'stackd-checksum-object';
const SRC = 'radkawar/stackd testdata/aws/s3/checksum_algorithms_object_replay.json';
const BINARY = Buffer.from('Y2hlY2tzdW0A/4ABDQoAAQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHw==', 'base64');
test.before(async () => {
  server = await startBoltstack();
  s3 = s3Client(server.endpoint);
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
});
test.after.always(async () => { await server?.stop(); });

// Raw reads: the SDK refuses to validate an XXHASH it has no implementation for.
const read = (method: 'GET' | 'HEAD', Key: string, headers: Record<string, string>, query?: string) =>
  signedRequest(server.endpoint, { method, path: `/${bucket}/${Key}`, headers, ...(query ? { query } : {}) });

const rows = [
  { seq: '2-11 XXHASH64', algorithm: 'XXHASH64', binary: 'ghHyDMBTcoE=', empty: '70bbN1HY6Zk=' },
  { seq: '16-27 XXHASH3', algorithm: 'XXHASH3', binary: 'tqh8ksNCSno=', empty: 'LQaABTjTlMI=' },
  { seq: '30-39 XXHASH128', algorithm: 'XXHASH128', binary: 'cD7Hn7de9krAIQco/jZd/A==', empty: undefined },
] as const;

for (const row of rows) {
  test(`${row.algorithm}: AWS's digests are accepted and answered by reads with checksum mode, not by a range [${SRC} seq ${row.seq}, put-value-without-algorithm (2026)]`, async (t) => {
    const header = `x-amz-checksum-${row.algorithm.toLowerCase()}`;
    const member = `Checksum${row.algorithm}` as const;
    const bodies: [string, Buffer, string | undefined][] = [['binary', BINARY, row.binary], ['empty', Buffer.alloc(0), row.empty]];
    for (const [name, body, digest] of bodies) {
      if (digest === undefined) continue;
      const Key = `${row.algorithm}-${name}`;
      // The value alone (no x-amz-sdk-checksum-algorithm), as the capture's raw request sent it.
      const put = await signedRequest(server.endpoint, { method: 'PUT', path: `/${bucket}/${Key}`, body, headers: { [header]: digest } });
      t.is(put.status, 200, `${Key}: ${put.body.toString()}`);
      t.is(put.headers[header], digest);
      t.is(put.headers['x-amz-checksum-type'], 'FULL_OBJECT');
      const got = await read('GET', Key, { 'x-amz-checksum-mode': 'ENABLED' });
      t.is(got.headers[header], digest);
      t.is(got.headers['x-amz-checksum-type'], 'FULL_OBJECT');
      t.deepEqual(got.body, body);
    }
    const Key = `${row.algorithm}-binary`;
    const plain = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key }));
    t.is(plain[member], undefined);
    t.is(plain.ChecksumType, undefined);
    for (const method of ['GET', 'HEAD'] as const) {
      const ranged = await read(method, Key, { 'x-amz-checksum-mode': 'ENABLED', range: 'bytes=3-10' });
      t.is(ranged.status, 206);
      t.is(ranged.headers['content-range'], 'bytes 3-10/46');
      t.false(header in ranged.headers);
      t.false('x-amz-checksum-type' in ranged.headers);
      // partNumber=1 of a simple object: 206, the whole object, and its checksum.
      const part = await read(method, Key, { 'x-amz-checksum-mode': 'ENABLED' }, 'partNumber=1');
      t.is(part.status, 206);
      t.is(part.headers['content-range'], 'bytes 0-45/46');
      t.is(part.headers['content-length'], '46');
      t.is(part.headers[header], row.binary);
      t.is(part.headers['x-amz-checksum-type'], 'FULL_OBJECT');
    }
  });
}

const BOUNDS = 'radkawar/stackd testdata/aws/s3/multipart_read_bounds_replay.json';

test(`a COMPOSITE object's part read, or a Range that is exactly one part, answers that part's checksum; other ranges none [${BOUNDS} seq 48-51, 67-70, 91-102 (2026)]`, async (t) => {
  const Key = 'composite';
  const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key, ChecksumAlgorithm: 'SHA256', ChecksumType: 'COMPOSITE' }));
  const sums = ['275VF5loJr1YYawit0XSHREhkFXYkkPKGuoK0x9VKxI=', 'RagcEhZfZM7P3wIgm6o0g0CwPCYC8mw55YQ0kBLrbXU='];
  const bodies = [Buffer.alloc(5 * 1024 * 1024, 'A'), Buffer.from('BCDEFGHIJ')];
  const parts = [];
  for (const [i, Body] of bodies.entries()) {
    const out = await s3.send(new UploadPartCommand({ Bucket: bucket, Key, UploadId, PartNumber: i + 1, Body, ChecksumSHA256: sums[i] }));
    t.is(out.ChecksumSHA256, sums[i]);
    parts.push({ PartNumber: i + 1, ETag: out.ETag!, ChecksumSHA256: sums[i]! });
  }
  const done = await s3.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key, UploadId, MultipartUpload: { Parts: parts }, ChecksumType: 'COMPOSITE' }));
  t.is(done.ETag, '"62c3d47eb84dbe48f0b66d5bbf7b82ef-2"');
  t.is(done.ChecksumSHA256, 'oBlgUl6FPf0a/Ro/UxDq5cpf1opWgKmAb3N88S93Pbs=-2');
  const size = 5242889;
  const cases = [
    { read: { PartNumber: 1 }, status: 206, range: 'bytes 0-5242879/5242889', sum: sums[0], parts: 2 },
    { read: { PartNumber: 2 }, status: 206, range: 'bytes 5242880-5242888/5242889', sum: sums[1], parts: 2 },
    { read: { Range: 'bytes=0-5242879' }, status: 206, range: 'bytes 0-5242879/5242889', sum: sums[0] },
    { read: { Range: 'bytes=5242880-5242888' }, status: 206, range: 'bytes 5242880-5242888/5242889', sum: sums[1] },
    { read: { Range: 'bytes=0-2' }, status: 206, range: 'bytes 0-2/5242889' },
    { read: { Range: 'bytes=5242881-5242883' }, status: 206, range: 'bytes 5242881-5242883/5242889' },
    { read: { Range: 'bytes=5242878-5242882' }, status: 206, range: 'bytes 5242878-5242882/5242889' },
    { read: { Range: `bytes=0-${size - 1}` }, status: 206, range: `bytes 0-${size - 1}/${size}`, sum: done.ChecksumSHA256 },
    { read: {}, status: 200, range: undefined, sum: done.ChecksumSHA256 },
  ];
  for (const c of cases) {
    const label = JSON.stringify(c.read);
    for (const got of [await s3.send(new GetObjectCommand({ Bucket: bucket, Key, ChecksumMode: 'ENABLED', ...c.read })), await s3.send(new HeadObjectCommand({ Bucket: bucket, Key, ChecksumMode: 'ENABLED', ...c.read }))]) {
      t.is(got.$metadata.httpStatusCode, c.status, label);
      t.is(got.ContentRange, c.range, label);
      t.is(got.ChecksumSHA256, c.sum, label);
      t.is(got.ChecksumType, c.sum === undefined ? undefined : 'COMPOSITE', label);
      t.is(got.PartsCount, c.parts, label);
      if ('Body' in got) await got.Body!.transformToByteArray();
    }
  }
});

test(`part 1 of a simple object answers its FULL_OBJECT checksum [${BOUNDS} seq 47, 55, 57 single-part-1 (2026)]`, async (t) => {
  const put = await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'single', Body: '0123456789', ChecksumAlgorithm: 'SHA256' }));
  t.is(put.ChecksumSHA256, 'hNiYd/DUBB77a/kaFvAkjy/Vc+avBcGflr7bn4gveII=');
  const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'single', ChecksumMode: 'ENABLED', PartNumber: 1 }));
  t.is(got.$metadata.httpStatusCode, 206);
  t.is(got.ContentRange, 'bytes 0-9/10');
  t.is(got.ChecksumSHA256, 'hNiYd/DUBB77a/kaFvAkjy/Vc+avBcGflr7bn4gveII=');
  t.is(got.ChecksumType, 'FULL_OBJECT');
  t.is(got.PartsCount, undefined);
  t.is(await got.Body!.transformToString(), '0123456789');
});
