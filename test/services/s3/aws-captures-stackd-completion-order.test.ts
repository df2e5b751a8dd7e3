/**
 * Which write of a key stays when a multipart upload completes after another write of it, as
 * native AWS S3 answered in radkawar/stackd testdata/aws/s3/multipart_completion_replay.json
 * (2026-09-20; calls re-expressed as SDK inputs, the captured payloads and ETags kept). Only the
 * observed answers are used.
 */
import test from 'ava';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  CompleteMultipartUploadCommand, CreateBucketCommand, CreateMultipartUploadCommand, GetObjectCommand, ListPartsCommand,
  PutObjectCommand, UploadPartCommand, type S3Client,
} from '@aws-sdk/client-s3';
import { errorOf } from '../../helpers/errors.js';
import { s3Client, startBoltstack } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';

let server: Boltstack;
let s3: S3Client;
const bucket = 'stackd-completion-order';
const SRC = 'radkawar/stackd testdata/aws/s3/multipart_completion_replay.json';
test.before(async () => {
  server = await startBoltstack();
  s3 = s3Client(server.endpoint);
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
});
test.after.always(async () => { await server?.stop(); });

/** An upload of Key with one part of `body`; `complete` finishes it with that part. */
async function onePartUpload(Key: string, body: string) {
  const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key, ServerSideEncryption: 'AES256' }));
  const part = await s3.send(new UploadPartCommand({ Bucket: bucket, Key, UploadId, PartNumber: 1, Body: Buffer.from(body) }));
  const complete = () => s3.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key, UploadId, MultipartUpload: { Parts: [{ PartNumber: 1, ETag: part.ETag! }] } }));
  return { UploadId: UploadId!, part, complete };
}

const current = async (Key: string) => {
  const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key }));
  return { etag: got.ETag, body: await got.Body!.transformToString() };
};

test(`completing the older of two uploads after the newer completed answers 200 with its own ETag and keeps the newer object [${SRC} seq 66-83 never/reverse (2026-09-20)]`, async (t) => {
  const Key = 'reverse';
  const older = await onePartUpload(Key, 'never/reverse/older/part-1');
  t.is(older.part.ETag, '"14b0a38a52cac33facbddef87cf1e205"');
  // Initiated a few milliseconds later: boltstack orders writes by the millisecond.
  await sleep(5);
  const newer = await onePartUpload(Key, 'never/reverse/newer/part-1');
  t.is(newer.part.ETag, '"03c926f2db06ff6c9c531f0fefbad43c"');
  const newerDone = await newer.complete();
  t.is(newerDone.ETag, '"e813c056f3c2e129a30131b5eedd044e-1"');
  // seq 70 also answers S3's default checksum of an upload created without an algorithm
  // (ChecksumCRC64NVME /YgtzVP8R/w=, FULL_OBJECT), which boltstack does not compute (docs/s3.md).
  // seq 74: the older upload is still there.
  const listed = await s3.send(new ListPartsCommand({ Bucket: bucket, Key, UploadId: older.UploadId }));
  t.deepEqual(listed.Parts?.map((p) => [p.PartNumber, p.ETag, p.Size]), [[1, '"14b0a38a52cac33facbddef87cf1e205"', 26]]);
  // seq 76: 200 and the older upload's own ETag...
  const done = await older.complete();
  t.is(done.$metadata.httpStatusCode, 200);
  t.is(done.ETag, '"7e0a3d715a8ea8924f5033b3585269b1-1"');
  // (and S3's default checksum, ChecksumCRC64NVME pALopkqYOC4=: not computed, above)
  // seq 77: ...but the object is still the newer one.
  t.deepEqual(await current(Key), { etag: '"e813c056f3c2e129a30131b5eedd044e-1"', body: 'never/reverse/newer/part-1' });
  // seq 80-81: both uploads are gone.
  for (const UploadId of [older.UploadId, newer.UploadId]) {
    t.is((await errorOf(s3.send(new ListPartsCommand({ Bucket: bucket, Key, UploadId })))).name, 'NoSuchUpload');
  }
  // seq 82: the newer completion repeated answers its receipt, without checksum members; seq 83:
  // the older one's is NoSuchUpload.
  const repeat = await newer.complete();
  t.is(repeat.ETag, '"e813c056f3c2e129a30131b5eedd044e-1"');
  t.is(repeat.ChecksumCRC64NVME, undefined);
  t.is(repeat.ChecksumType, undefined);
  const again = await errorOf(older.complete());
  t.is(again.$metadata.httpStatusCode, 404);
  t.is(again.name, 'NoSuchUpload');
});

test(`completing an upload after a PutObject made since its initiation answers 200 and keeps the PutObject's object [${SRC} seq 84-95 never/intervening-put (2026-09-20)]`, async (t) => {
  const Key = 'intervening-put';
  const upload = await onePartUpload(Key, 'never/intervening-put/part-1');
  t.is(upload.part.ETag, '"d1360e7cd30b6ed2c3dfb4894835d727"');
  await sleep(5);
  const put = await s3.send(new PutObjectCommand({ Bucket: bucket, Key, Body: 'never/intervening-put/put' }));
  t.is(put.ETag, '"b36fe903948990b944eaa5f7b145e8b9"');
  const done = await upload.complete();
  t.is(done.$metadata.httpStatusCode, 200);
  t.is(done.ETag, '"772005be55f5302a98ad94911116e853-1"');
  // (S3's default ChecksumCRC64NVME NA6pYZHm1Qw= is not computed: docs/s3.md)
  t.deepEqual(await current(Key), { etag: '"b36fe903948990b944eaa5f7b145e8b9"', body: 'never/intervening-put/put' });
  t.is((await errorOf(s3.send(new ListPartsCommand({ Bucket: bucket, Key, UploadId: upload.UploadId })))).name, 'NoSuchUpload');
});

test('an upload initiated after the object was written replaces it on completion, as before', async (t) => {
  const Key = 'later-upload';
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key, Body: 'first' }));
  await sleep(5);
  const upload = await onePartUpload(Key, 'never/reverse/newer/part-1');
  t.is((await upload.complete()).ETag, '"e813c056f3c2e129a30131b5eedd044e-1"');
  t.is((await current(Key)).etag, '"e813c056f3c2e129a30131b5eedd044e-1"');
});
