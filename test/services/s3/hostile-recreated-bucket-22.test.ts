/**
 * Stale handles and races across a bucket's deletion and re-creation (hostile input, twenty-second
 * pass): an UploadId or a ContinuationToken that outlives its bucket, writes racing DeleteBucket,
 * UploadPart and CompleteMultipartUpload racing AbortMultipartUpload, a GetObject body streaming
 * while its key is deleted or overwritten. SDK v3 clients against the real server.
 *
 * Found here: a PutObject, CreateMultipartUpload or UploadPart racing DeleteBucket could pass its
 * bucket check before the delete and commit after the delete's emptiness check; both answered
 * success and the write outlived the bucket, its objects and uploads reappearing in a bucket
 * re-created with the same name (28 of 30 buckets, both front ends). Fixed by
 * src/services/s3/bucket-write-gate.ts. And a GetObject of a multipart object streaming while
 * DeleteObject or an overwrite landed lost its connection mid-body (the parts not yet opened had
 * been collected); fixed by src/services/s3/read-pins.ts.
 *
 * Sources for AWS's answers: DeleteBucket with an unfinished upload succeeds and the upload goes
 * with the bucket: ceph/ceph#15630 review thread (2017-06-15, "I even tried deleting a bucket in
 * S3 with an incomplete multipart upload and it was successful"), basho/riak_cs#475 (a re-created
 * bucket lists no uploads "as s3 does"). No capture records the races: those rows pin the
 * invariant only (no 5xx, no acknowledged write lost, no record of the old bucket in the new one,
 * a GetObject body whole or an error), as each row's comment says.
 */
import test from 'ava';
import { join } from 'node:path';
import { ClassicLevel } from 'classic-level';
import {
  AbortMultipartUploadCommand, CompleteMultipartUploadCommand, CreateBucketCommand, CreateMultipartUploadCommand,
  DeleteBucketCommand, DeleteObjectCommand, GetObjectCommand, ListMultipartUploadsCommand, ListObjectsV2Command,
  ListPartsCommand, PutObjectCommand, UploadPartCommand, type S3Client,
} from '@aws-sdk/client-s3';
import type { Boltstack } from '../../../src/index.js';
import * as keys from '../../../src/services/s3/keys.js';
import { errorOf } from '../../helpers/errors.js';
import { blobFiles } from '../../storage-suite/blob-files.js';
import { s3Client, startBoltstack, tempDir, uniqueBucket } from '../../helpers/server.js';

let server: Boltstack;
let s3: S3Client;
test.before(async () => {
  server = await startBoltstack();
  s3 = s3Client(server.endpoint);
});
test.after.always(async () => { await server?.stop(); });

const FIVE_MIB = 5 * 1024 * 1024;
const healthy = async (): Promise<number> => (await fetch(`${server.endpoint}/_boltstack/health`)).status;

/** 'ok', or the error's status and name: what a racing call answered. */
const outcome = (p: Promise<unknown>): Promise<string> => p.then(() => 'ok', (e: { name: string; $metadata?: { httpStatusCode?: number } }) => `${e.$metadata?.httpStatusCode} ${e.name}`);

async function recreate(client: S3Client, Bucket: string): Promise<void> {
  await client.send(new DeleteBucketCommand({ Bucket }));
  await client.send(new CreateBucketCommand({ Bucket }));
}

test('an UploadId of a deleted bucket is NoSuchUpload in the bucket re-created with its name, and no upload is listed [ceph/ceph#15630; basho/riak_cs#475]', async (t) => {
  const Bucket = uniqueBucket('h22-upload');
  await s3.send(new CreateBucketCommand({ Bucket }));
  const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket, Key: 'k' }));
  const { ETag } = await s3.send(new UploadPartCommand({ Bucket, Key: 'k', UploadId, PartNumber: 1, Body: 'old part' }));
  // DeleteBucket succeeds with an unfinished upload (ceph/ceph#15630).
  await recreate(s3, Bucket);
  t.deepEqual((await s3.send(new ListMultipartUploadsCommand({ Bucket }))).Uploads ?? [], []);
  for (const call of [
    s3.send(new UploadPartCommand({ Bucket, Key: 'k', UploadId, PartNumber: 2, Body: 'new part' })),
    s3.send(new ListPartsCommand({ Bucket, Key: 'k', UploadId })),
    s3.send(new CompleteMultipartUploadCommand({ Bucket, Key: 'k', UploadId, MultipartUpload: { Parts: [{ PartNumber: 1, ETag }] } })),
    s3.send(new AbortMultipartUploadCommand({ Bucket, Key: 'k', UploadId })),
  ]) {
    const err = await errorOf(call);
    t.is(err.name, 'NoSuchUpload');
    t.is(err.$metadata.httpStatusCode, 404);
  }
  t.is((await errorOf(s3.send(new GetObjectCommand({ Bucket, Key: 'k' })))).name, 'NoSuchKey');
  // As a page marker it names no upload of this bucket, live or aborted since: refused as S3
  // refuses such a marker (multipart_raw_replay.json upload-marker-deleted; the re-created case: invariant).
  const marker = await errorOf(s3.send(new ListMultipartUploadsCommand({ Bucket, KeyMarker: 'k', UploadIdMarker: UploadId })));
  t.is(marker.name, 'InvalidArgument');
  t.is(marker.$metadata.httpStatusCode, 400);
});

test('PutObject racing DeleteBucket: never both acknowledged, and a re-created bucket holds none of the old objects [invariant; no AWS capture]', async (t) => {
  for (let round = 0; round < 20; round++) {
    const Bucket = uniqueBucket('h22-put');
    await s3.send(new CreateBucketCommand({ Bucket }));
    const puts = Array.from({ length: 4 }, (_, i) => outcome(s3.send(new PutObjectCommand({ Bucket, Key: `k${i}`, Body: 'racing' }))));
    const deleted = await outcome(s3.send(new DeleteBucketCommand({ Bucket })));
    const put = await Promise.all(puts);
    for (const answer of [...put, deleted]) t.true(['ok', '404 NoSuchBucket', '409 BucketNotEmpty'].includes(answer), answer);
    if (deleted !== 'ok') continue;
    // The bucket was empty when it was deleted: every write racing it was refused.
    t.deepEqual(put.filter((a) => a === 'ok'), [], `round ${round}: DeleteBucket 204 and PutObject 200`);
    await s3.send(new CreateBucketCommand({ Bucket }));
    t.is((await s3.send(new ListObjectsV2Command({ Bucket }))).KeyCount, 0, `round ${round}: an old object in the re-created bucket`);
  }
  t.is(await healthy(), 200);
});

test('CreateMultipartUpload racing DeleteBucket: a re-created bucket lists none of the old uploads, and their UploadIds are NoSuchUpload [invariant; no AWS capture]', async (t) => {
  for (let round = 0; round < 20; round++) {
    const Bucket = uniqueBucket('h22-mpu');
    await s3.send(new CreateBucketCommand({ Bucket }));
    const creates = Array.from({ length: 4 }, (_, i) => s3.send(new CreateMultipartUploadCommand({ Bucket, Key: `k${i}` })).then((r) => r.UploadId!, () => undefined));
    const deleted = await outcome(s3.send(new DeleteBucketCommand({ Bucket })));
    const ids = (await Promise.all(creates)).filter((id): id is string => id !== undefined);
    t.is(deleted, 'ok'); // an unfinished upload never keeps a bucket
    await s3.send(new CreateBucketCommand({ Bucket }));
    t.deepEqual((await s3.send(new ListMultipartUploadsCommand({ Bucket }))).Uploads ?? [], [], `round ${round}: an old upload in the re-created bucket`);
    for (const [i, UploadId] of ids.entries()) {
      t.is((await errorOf(s3.send(new ListPartsCommand({ Bucket, Key: `k${i}`, UploadId })))).name, 'NoSuchUpload');
    }
  }
});

/** The S3 records of the given kinds (keys.ts prefixes) left in a stopped server's data dir. */
async function recordsOnDisk(dir: string, prefixes: string[]): Promise<string[]> {
  const db = new ClassicLevel<string, string>(join(dir, 'meta'));
  try {
    const s3ns = db.sublevel<string, string>(keys.S3_NS, {});
    const out: string[] = [];
    for (const prefix of prefixes) for await (const key of s3ns.keys({ gte: prefix, lt: keys.prefixEnd(prefix) })) out.push(key);
    return out;
  } finally {
    await db.close();
  }
}

test('UploadPart and AbortMultipartUpload racing DeleteBucket leave no part or abort marker of the deleted bucket stored [invariant; no AWS capture]', async (t) => {
  const tmp = await tempDir();
  try {
    const local = await startBoltstack({ ephemeral: false, dataDir: tmp.dir });
    const ids: string[] = [];
    const buckets: string[] = [];
    try {
      const c = s3Client(local.endpoint);
      for (let round = 0; round < 12; round++) {
        const Bucket = uniqueBucket('h22-part');
        buckets.push(Bucket);
        await c.send(new CreateBucketCommand({ Bucket }));
        const { UploadId } = await c.send(new CreateMultipartUploadCommand({ Bucket, Key: 'k' }));
        const { UploadId: other } = await c.send(new CreateMultipartUploadCommand({ Bucket, Key: 'aborted' }));
        ids.push(UploadId!);
        const racing = [
          outcome(c.send(new UploadPartCommand({ Bucket, Key: 'k', UploadId, PartNumber: 1, Body: `part ${round}` }))),
          outcome(c.send(new AbortMultipartUploadCommand({ Bucket, Key: 'aborted', UploadId: other }))),
        ];
        t.is(await outcome(c.send(new DeleteBucketCommand({ Bucket }))), 'ok');
        for (const answer of await Promise.all(racing)) t.true(['ok', '404 NoSuchBucket', '404 NoSuchUpload'].includes(answer), answer);
      }
    } finally {
      await local.stop();
    }
    const left = await recordsOnDisk(tmp.dir, [
      ...ids.map((id) => keys.partPrefix(id)),
      ...buckets.flatMap((b) => [keys.uploadPrefix(b), keys.abortedUploadPrefix(b), keys.deleteMarkPrefix(b), keys.objectPrefix(b)]),
    ]);
    t.deepEqual(left, []);
  } finally {
    await tmp.remove();
  }
});

test('UploadPart racing AbortMultipartUpload: the abort wins or follows, never a 5xx, and the upload is gone after [invariant; no AWS capture]', async (t) => {
  const Bucket = uniqueBucket('h22-abort');
  await s3.send(new CreateBucketCommand({ Bucket }));
  for (let round = 0; round < 10; round++) {
    const Key = `k${round}`;
    const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket, Key }));
    const part = outcome(s3.send(new UploadPartCommand({ Bucket, Key, UploadId, PartNumber: 1, Body: Buffer.alloc(64 * 1024, round) })));
    const aborted = await outcome(s3.send(new AbortMultipartUploadCommand({ Bucket, Key, UploadId })));
    t.is(aborted, 'ok');
    t.true(['ok', '404 NoSuchUpload'].includes(await part));
    t.is((await errorOf(s3.send(new ListPartsCommand({ Bucket, Key, UploadId })))).name, 'NoSuchUpload');
  }
  t.is((await s3.send(new ListMultipartUploadsCommand({ Bucket }))).Uploads, undefined);
});

test('CompleteMultipartUpload racing AbortMultipartUpload: a completed object has every byte of its parts; otherwise no object [invariant; no AWS capture]', async (t) => {
  const Bucket = uniqueBucket('h22-complete');
  await s3.send(new CreateBucketCommand({ Bucket }));
  const first = Buffer.alloc(FIVE_MIB, 'a');
  for (let round = 0; round < 8; round++) {
    const Key = `k${round}`;
    const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket, Key }));
    const one = await s3.send(new UploadPartCommand({ Bucket, Key, UploadId, PartNumber: 1, Body: first }));
    const two = await s3.send(new UploadPartCommand({ Bucket, Key, UploadId, PartNumber: 2, Body: `tail ${round}` }));
    const completed = outcome(s3.send(new CompleteMultipartUploadCommand({ Bucket, Key, UploadId, MultipartUpload: { Parts: [{ PartNumber: 1, ETag: one.ETag }, { PartNumber: 2, ETag: two.ETag }] } })));
    const aborted = await outcome(s3.send(new AbortMultipartUploadCommand({ Bucket, Key, UploadId })));
    const done = await completed;
    // Aborting an upload completed into the current object is 204 (docs/s3.md), so both pass.
    t.true(['ok', '404 NoSuchUpload'].includes(done), done);
    t.is(aborted, 'ok');
    if (done === 'ok') {
      const body = Buffer.from(await (await s3.send(new GetObjectCommand({ Bucket, Key }))).Body!.transformToByteArray());
      t.true(body.equals(Buffer.concat([first, Buffer.from(`tail ${round}`)])), `round ${round}: ${body.length} bytes`);
    } else {
      t.is((await errorOf(s3.send(new GetObjectCommand({ Bucket, Key })))).name, 'NoSuchKey');
    }
  }
});

test('a ListObjectsV2 ContinuationToken outlives its bucket: NoSuchBucket while deleted, and in the re-created bucket only its own objects are listed [invariant; no AWS capture]', async (t) => {
  const Bucket = uniqueBucket('h22-token');
  await s3.send(new CreateBucketCommand({ Bucket }));
  for (const Key of ['a1', 'a2', 'a3']) await s3.send(new PutObjectCommand({ Bucket, Key, Body: 'old' }));
  const page = await s3.send(new ListObjectsV2Command({ Bucket, MaxKeys: 1 }));
  const ContinuationToken = page.NextContinuationToken!;
  for (const Key of ['a1', 'a2', 'a3']) await s3.send(new DeleteObjectCommand({ Bucket, Key }));
  await s3.send(new DeleteBucketCommand({ Bucket }));
  t.is((await errorOf(s3.send(new ListObjectsV2Command({ Bucket, ContinuationToken })))).name, 'NoSuchBucket');
  await s3.send(new CreateBucketCommand({ Bucket }));
  for (const Key of ['a0', 'a2', 'z']) await s3.send(new PutObjectCommand({ Bucket, Key, Body: 'new' }));
  const next = await s3.send(new ListObjectsV2Command({ Bucket, ContinuationToken }));
  // Whatever the token resumes after, only the new bucket's objects are listed, each once.
  const listed = (next.Contents ?? []).map((o) => o.Key!);
  t.true(listed.every((k) => ['a0', 'a2', 'z'].includes(k)), listed.join());
  t.is(new Set(listed).size, listed.length);
});

test('a GetObject body streaming while DeleteObject or PutObject of its key lands, or its bucket is deleted and re-created, is the whole old body [invariant; no AWS capture]', async (t) => {
  const old = Buffer.alloc(16 * 1024 * 1024);
  for (let i = 0; i < old.length; i += 4096) old.writeUInt32BE(i, i);
  for (const change of ['delete', 'overwrite', 'recreate'] as const) {
    const Bucket = uniqueBucket('h22-stream');
    await s3.send(new CreateBucketCommand({ Bucket }));
    await s3.send(new PutObjectCommand({ Bucket, Key: 'big', Body: old }));
    const reading = await s3.send(new GetObjectCommand({ Bucket, Key: 'big' }));
    // The answer's head is in; its body not yet read when the key changes.
    if (change === 'overwrite') await s3.send(new PutObjectCommand({ Bucket, Key: 'big', Body: 'new' }));
    else await s3.send(new DeleteObjectCommand({ Bucket, Key: 'big' }));
    if (change === 'recreate') await recreate(s3, Bucket);
    const body = Buffer.from(await reading.Body!.transformToByteArray());
    t.is(body.length, old.length, change);
    t.true(body.equals(old), `${change}: the body differs`);
  }
});

/** An object of three parts (two of 5 MiB, so the read has blobs left to open when the key changes). */
async function multipartObject(client: S3Client, Bucket: string, Key: string): Promise<Buffer> {
  const parts = [Buffer.alloc(FIVE_MIB, 1), Buffer.alloc(FIVE_MIB, 2), Buffer.from('last part')];
  const { UploadId } = await client.send(new CreateMultipartUploadCommand({ Bucket, Key }));
  const Parts = [];
  for (const [i, Body] of parts.entries()) Parts.push({ PartNumber: i + 1, ETag: (await client.send(new UploadPartCommand({ Bucket, Key, UploadId, PartNumber: i + 1, Body }))).ETag });
  await client.send(new CompleteMultipartUploadCommand({ Bucket, Key, UploadId, MultipartUpload: { Parts } }));
  return Buffer.concat(parts);
}

/** Polls the async `probe` every 50 ms until it is true; fails after 10 s. */
async function eventually(probe: () => Promise<boolean>): Promise<void> {
  const end = Date.now() + 10_000;
  while (!(await probe())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

test('a GetObject body of a multipart object streaming while DeleteObject, an overwrite or the bucket\'s deletion lands is the whole old body, and its parts\' blobs go once it is read [invariant; no AWS capture]', async (t) => {
  const tmp = await tempDir();
  try {
    const local = await startBoltstack({ ephemeral: false, dataDir: tmp.dir });
    try {
      const c = s3Client(local.endpoint);
      for (const change of ['delete', 'overwrite', 'recreate'] as const) {
        const Bucket = uniqueBucket('h22-mpread');
        await c.send(new CreateBucketCommand({ Bucket }));
        const old = await multipartObject(c, Bucket, 'big');
        const reading = await c.send(new GetObjectCommand({ Bucket, Key: 'big' }));
        if (change === 'overwrite') await c.send(new PutObjectCommand({ Bucket, Key: 'big', Body: 'new' }));
        else await c.send(new DeleteObjectCommand({ Bucket, Key: 'big' }));
        if (change === 'recreate') await recreate(c, Bucket);
        const body = Buffer.from(await reading.Body!.transformToByteArray());
        t.is(body.length, old.length, change);
        t.true(body.equals(old), `${change}: the body differs`);
        // Read: its blobs are collected (only the overwrite's 'new' is left).
        await eventually(async () => (await blobFiles(tmp.dir)).length === (change === 'overwrite' ? 1 : 0));
        if (change === 'overwrite') await c.send(new DeleteObjectCommand({ Bucket, Key: 'big' }));
      }
      // A read given up before its body is consumed lets go of its blobs too.
      const Bucket = uniqueBucket('h22-mpabandon');
      await c.send(new CreateBucketCommand({ Bucket }));
      await multipartObject(c, Bucket, 'big');
      const reading = await c.send(new GetObjectCommand({ Bucket, Key: 'big' }));
      await c.send(new DeleteObjectCommand({ Bucket, Key: 'big' }));
      (reading.Body as unknown as { destroy(): void }).destroy();
      await eventually(async () => (await blobFiles(tmp.dir)).length === 0);
      t.pass();
    } finally {
      await local.stop();
    }
  } finally {
    await tmp.remove();
  }
});
