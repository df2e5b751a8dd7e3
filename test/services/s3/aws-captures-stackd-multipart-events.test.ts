/**
 * A multipart upload's life (part replaced, part copied, a bad completion, completion, repeat,
 * calls after completion and after abort), as native AWS S3 answered it (radkawar/stackd
 * testdata/aws/s3/multipart_events_replay.json Calls, 2026-09-20; raw calls re-expressed as SDK
 * inputs, the captured payloads, ETags and statuses kept). The notification and CloudTrail
 * records of that capture are not replayed: boltstack has no event delivery. Calls 103-111
 * (a DeleteObject between initiation and completion) are left to the completion-order tests.
 */
import test from 'ava';
import { createHash } from 'node:crypto';
import {
  AbortMultipartUploadCommand, CompleteMultipartUploadCommand, CreateBucketCommand, CreateMultipartUploadCommand,
  GetObjectCommand, GetObjectTaggingCommand, HeadObjectCommand, ListMultipartUploadsCommand, ListPartsCommand,
  PutObjectCommand, PutObjectTaggingCommand, UploadPartCommand, UploadPartCopyCommand, type S3Client,
} from '@aws-sdk/client-s3';
import { errorOf } from '../../helpers/errors.js';
import { s3Client, startBoltstack } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';

let server: Boltstack;
let s3: S3Client;
const Bucket = 'stackd-mpe-20260920073831-18708a';
const SRC = 'radkawar/stackd testdata/aws/s3/multipart_events_replay.json';
const CopySource = `${Bucket}/source.txt`;
test.before(async () => {
  server = await startBoltstack();
  s3 = s3Client(server.endpoint);
  await s3.send(new CreateBucketCommand({ Bucket }));
});
test.after.always(async () => { await server?.stop(); });

const status = async (call: Promise<{ $metadata: { httpStatusCode?: number } }>) => (await call).$metadata.httpStatusCode;
const failure = async (call: Promise<unknown>) => {
  const err = await errorOf(call);
  return [err.$metadata.httpStatusCode, err.name];
};

test(`a replaced part and a copied part complete into one object; its completion repeats, and later calls on the upload are NoSuchUpload [${SRC} seq 79-94]`, async (t) => {
  const Key = 'multipart/tagged.bin';
  t.is((await s3.send(new PutObjectCommand({ Bucket, Key: 'source.txt', Body: 'part-copy-source-0123456789\n' }))).ETag, '"9e669160e725df19b5359b8a3fbda32e"');
  const { UploadId } = await s3.send(new CreateMultipartUploadCommand({
    Bucket, Key, Tagging: 'purpose=native-multipart&private-tag=tag-value-events',
    Metadata: { 'private-note': 'metadata-value-events' }, ContentType: 'application/x-stackd-multipart',
  }));
  const upload = { Bucket, Key, UploadId };
  // seq 81-82: part 1, then part 1 again with other bytes.
  t.is((await s3.send(new UploadPartCommand({ ...upload, PartNumber: 1, Body: Buffer.alloc(5242880, 'A') }))).ETag, '"b8fc857a25e7958868c2f003d5e0952d"');
  t.is((await s3.send(new UploadPartCommand({ ...upload, PartNumber: 1, Body: Buffer.alloc(5242880, 'B') }))).ETag, '"ba8c3fac0e224c9b79a8e74bebd54654"');
  // seq 83: part 2 copied from source.txt.
  const copied = await s3.send(new UploadPartCopyCommand({ ...upload, PartNumber: 2, CopySource }));
  t.is(copied.CopyPartResult?.ETag, '"9e669160e725df19b5359b8a3fbda32e"');
  t.is(await status(s3.send(new ListPartsCommand(upload))), 200); // seq 84
  t.is(await status(s3.send(new ListMultipartUploadsCommand({ Bucket }))), 200); // seq 85
  const parts = (first: string) => ({ Parts: [{ PartNumber: 1, ETag: first }, { PartNumber: 2, ETag: '"9e669160e725df19b5359b8a3fbda32e"' }] });
  // seq 86: part 1's replaced ETag is no longer a part: 400 InvalidPart.
  t.deepEqual(await failure(s3.send(new CompleteMultipartUploadCommand({ ...upload, MultipartUpload: parts('"00000000000000000000000000000000"') }))), [400, 'InvalidPart']);
  t.deepEqual(await failure(s3.send(new HeadObjectCommand({ Bucket, Key }))), [404, 'NotFound']); // seq 87
  // seq 88-89: completion, then the same completion again, with the same ETag.
  for (let i = 0; i < 2; i++) {
    const done = await s3.send(new CompleteMultipartUploadCommand({ ...upload, MultipartUpload: parts('"ba8c3fac0e224c9b79a8e74bebd54654"') }));
    t.is(done.ETag, '"6cb92e0907f0c91edaec8daa44ee827d-2"');
  }
  const head = await s3.send(new HeadObjectCommand({ Bucket, Key })); // seq 90
  t.is(head.ContentLength, 5242908);
  t.is(await status(s3.send(new GetObjectTaggingCommand({ Bucket, Key }))), 200); // seq 91
  // seq 92: a range across the part boundary and past the end: 206, its 30 bytes.
  const ranged = await s3.send(new GetObjectCommand({ Bucket, Key, Range: 'bytes=5242878-5242910' }));
  t.is(ranged.$metadata.httpStatusCode, 206);
  const bytes = Buffer.from(await ranged.Body!.transformToByteArray());
  t.is(bytes.length, 30);
  t.is(createHash('sha256').update(bytes).digest('hex'), '8a6f14f3d8869f56e69e5b5da581e1ba1daa0510797ee3d31459b2551ad75cce');
  t.deepEqual(await failure(s3.send(new ListPartsCommand(upload))), [404, 'NoSuchUpload']); // seq 93
  t.deepEqual(await failure(s3.send(new UploadPartCommand({ ...upload, PartNumber: 3, Body: 'late' }))), [404, 'NoSuchUpload']); // seq 94
});

test(`an aborted upload: abort again is 204, and ListParts, UploadPartCopy and CompleteMultipartUpload are 404 NoSuchUpload; no object [${SRC} seq 95-102]`, async (t) => {
  const Key = 'multipart/aborted.bin';
  await s3.send(new PutObjectCommand({ Bucket, Key: 'source.txt', Body: 'part-copy-source-0123456789\n' }));
  const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket, Key }));
  const upload = { Bucket, Key, UploadId };
  t.is((await s3.send(new UploadPartCommand({ ...upload, PartNumber: 1, Body: 'abort-data' }))).ETag, '"7a7407c742cce572d88aa6004fb1e706"');
  t.is(await status(s3.send(new AbortMultipartUploadCommand(upload))), 204); // seq 97
  t.is(await status(s3.send(new AbortMultipartUploadCommand(upload))), 204); // seq 98
  t.deepEqual(await failure(s3.send(new ListPartsCommand(upload))), [404, 'NoSuchUpload']); // seq 99
  t.deepEqual(await failure(s3.send(new UploadPartCopyCommand({ ...upload, PartNumber: 1, CopySource }))), [404, 'NoSuchUpload']); // seq 100
  t.deepEqual(await failure(s3.send(new CompleteMultipartUploadCommand({
    ...upload, MultipartUpload: { Parts: [{ PartNumber: 1, ETag: '"00000000000000000000000000000000"' }] },
  }))), [404, 'NoSuchUpload']); // seq 101
  t.deepEqual(await failure(s3.send(new HeadObjectCommand({ Bucket, Key }))), [404, 'NotFound']); // seq 102
});

test(`PutObjectTagging of a plain object is 200, and ListMultipartUploads after the sequence is 200 [${SRC} seq 112-115]`, async (t) => {
  await s3.send(new PutObjectCommand({ Bucket, Key: 'tagging-control.txt', Body: 'tagging-control' }));
  t.is(await status(s3.send(new PutObjectTaggingCommand({ Bucket, Key: 'tagging-control.txt', Tagging: { TagSet: [{ Key: 'explicit', Value: 'true' }] } }))), 200);
  t.is(await status(s3.send(new ListMultipartUploadsCommand({ Bucket }))), 200);
  t.is((await s3.send(new PutObjectCommand({ Bucket, Key: 'adoption/final-control', Body: 'final-control\n' }))).ETag, '"84132fb5870ba55b8652607b40f5be72"');
});
