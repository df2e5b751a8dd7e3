/**
 * Regression: conditional writes as S3 added them in 2024–2025 were refused as NotImplemented
 * (If-Match on PutObject and CompleteMultipartUpload, If-Match / If-None-Match on CopyObject,
 * If-Match and x-amz-if-match-* on DeleteObject) or silently ignored (an <ETag> in
 * DeleteObjects). Each now answers as S3: 412 PreconditionFailed naming the Condition, 404
 * NoSuchKey for If-Match on a missing key, 409 ConditionalRequestConflict when a delete overtook
 * a conditional write in flight, and never two winners among concurrent conditional writers.
 */
import test from 'ava';
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  CompleteMultipartUploadCommand, CopyObjectCommand, CreateBucketCommand, CreateMultipartUploadCommand, DeleteObjectCommand,
  DeleteObjectsCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, UploadPartCommand,
} from '@aws-sdk/client-s3';
import { errorOf } from '../../helpers/errors.js';
import { s3Client, startBoltstack } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';
import { signedRequest } from './signed-request.js';

let server: Boltstack;
const bucket = 'conditional-writes';
test.before(async () => {
  server = await startBoltstack();
  await s3Client(server.endpoint).send(new CreateBucketCommand({ Bucket: bucket }));
});
test.after.always(async () => { await server?.stop(); });

const conditionOf = (err: unknown): unknown => (err as Record<string, unknown>).Condition;

test('PutObject If-Match: replaces only that ETag; a stale one is 412; a missing key is 404 NoSuchKey', async (t) => {
  const s3 = s3Client(server.endpoint);
  const first = await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'cas', Body: 'v1' }));
  const second = await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'cas', Body: 'v2', IfMatch: first.ETag }));
  const stale = await errorOf(s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'cas', Body: 'v3', IfMatch: first.ETag })));
  t.is(stale.name, 'PreconditionFailed');
  t.is(stale.$metadata.httpStatusCode, 412);
  t.is(stale.message, 'At least one of the pre-conditions you specified did not hold');
  t.is(conditionOf(stale), 'If-Match');
  t.is(await (await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'cas' }))).Body!.transformToString(), 'v2');
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'cas', Body: 'v4', IfMatch: second.ETag!.replace(/"/g, '') }));
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'cas', Body: 'v5', IfMatch: '*' }));
  const missing = await errorOf(s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'cas-missing', Body: 'x', IfMatch: first.ETag })));
  t.is(missing.name, 'NoSuchKey');
  t.is(missing.$metadata.httpStatusCode, 404);
});

test('PutObject If-None-Match: * creates once; a value other than * is 501 NotImplemented naming the header', async (t) => {
  const s3 = s3Client(server.endpoint);
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'create-once', Body: 'a', IfNoneMatch: '*' }));
  const again = await errorOf(s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'create-once', Body: 'b', IfNoneMatch: '*' })));
  t.is(again.$metadata.httpStatusCode, 412);
  t.is(conditionOf(again), 'If-None-Match');
  const bad = await errorOf(s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'create-once', Body: 'b', IfNoneMatch: '"abc"' })));
  t.is(bad.$metadata.httpStatusCode, 501);
  t.is(bad.name, 'NotImplemented');
  t.is(bad.message, 'A header you provided implies functionality that is not implemented');
  t.is((bad as unknown as Record<string, unknown>).Header, 'If-None-Match');
  t.is((bad as unknown as Record<string, unknown>).additionalMessage, "We don't accept the provided value of If-None-Match header for this API");
});

test('concurrent If-None-Match: * writers: exactly one wins, the others get 412', async (t) => {
  const s3 = s3Client(server.endpoint);
  const results = await Promise.allSettled(Array.from({ length: 8 }, (_, i) =>
    s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'race-create', Body: `writer ${i}`, IfNoneMatch: '*' }))));
  const won = results.filter((r) => r.status === 'fulfilled');
  t.is(won.length, 1);
  for (const r of results) if (r.status === 'rejected') t.is((r.reason as { $metadata: { httpStatusCode: number } }).$metadata.httpStatusCode, 412);
});

test('concurrent If-Match writers of the same ETag: exactly one wins', async (t) => {
  const s3 = s3Client(server.endpoint);
  const base = await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'race-cas', Body: 'base' }));
  const results = await Promise.allSettled(Array.from({ length: 8 }, (_, i) =>
    s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'race-cas', Body: `writer ${i}`, IfMatch: base.ETag }))));
  t.is(results.filter((r) => r.status === 'fulfilled').length, 1);
});

/** A body of 64 KiB that sends its first half at once and the rest only when `gate` opens. */
function gatedBody(fill: string, gate: Promise<void>, halfSent?: () => void): Readable {
  const bytes = Buffer.from(fill.repeat(64 * 1024));
  return Readable.from((async function* () {
    yield bytes.subarray(0, bytes.length / 2);
    halfSent?.();
    await gate;
    yield bytes.subarray(bytes.length / 2);
  })());
}

function gate(): { opened: Promise<void>; open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => { open = resolve; });
  return { opened, open };
}

test('a delete that overtakes a conditional PutObject in flight: 409 ConditionalRequestConflict', async (t) => {
  const s3 = s3Client(server.endpoint);
  const base = await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'overtaken', Body: 'base' }));
  const held = gate();
  const half = gate();
  const slow = s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'overtaken', Body: gatedBody('x', held.opened, half.open), ContentLength: 64 * 1024, IfMatch: base.ETag }));
  // The request's head (and its first condition check) went out before the first half of the body.
  await half.opened;
  await sleep(300);
  await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: 'overtaken' }));
  held.open();
  const err = await errorOf(slow);
  t.is(err.name, 'ConditionalRequestConflict');
  t.is(err.$metadata.httpStatusCode, 409);
  t.regex(err.message, /^A conflicting operation occurred/);
  t.is((await errorOf(s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'overtaken' })))).$metadata.httpStatusCode, 404);
});

test('a writer that finishes first beats a slower If-None-Match: * upload: 412 for the slower one', async (t) => {
  const s3 = s3Client(server.endpoint);
  const held = gate();
  const slow = s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'first-wins', Body: gatedBody('y', held.opened), ContentLength: 64 * 1024, IfNoneMatch: '*' }));
  await sleep(100);
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'first-wins', Body: 'quick', IfNoneMatch: '*' }));
  held.open();
  t.is((await errorOf(slow)).$metadata.httpStatusCode, 412);
  t.is(await (await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'first-wins' }))).Body!.transformToString(), 'quick');
});

test('CompleteMultipartUpload If-Match / If-None-Match', async (t) => {
  const s3 = s3Client(server.endpoint);
  const start = async (key: string) => {
    const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: key }));
    const part = await s3.send(new UploadPartCommand({ Bucket: bucket, Key: key, UploadId, PartNumber: 1, Body: 'part' }));
    return { UploadId, MultipartUpload: { Parts: [{ PartNumber: 1, ETag: part.ETag }] } };
  };
  const existing = await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'mpu-cond', Body: 'old' }));
  const a = await start('mpu-cond');
  t.is(conditionOf(await errorOf(s3.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key: 'mpu-cond', ...a, IfNoneMatch: '*' })))), 'If-None-Match');
  t.is(conditionOf(await errorOf(s3.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key: 'mpu-cond', ...a, IfMatch: '"0123"' })))), 'If-Match');
  // The upload survives a failed condition and completes with one that holds.
  const done = await s3.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key: 'mpu-cond', ...a, IfMatch: existing.ETag }));
  t.regex(done.ETag!, /-1"$/);
  const b = await start('mpu-new');
  t.is((await errorOf(s3.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key: 'mpu-new', ...b, IfMatch: existing.ETag })))).name, 'NoSuchKey');
  await s3.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key: 'mpu-new', ...b, IfNoneMatch: '*' }));
});

test('CopyObject If-Match / If-None-Match judge the destination', async (t) => {
  const s3 = s3Client(server.endpoint);
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'copy-src', Body: 'src' }));
  const dest = await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'copy-dst', Body: 'dst' }));
  const copy = (extra: object) => s3.send(new CopyObjectCommand({ Bucket: bucket, Key: 'copy-dst', CopySource: `${bucket}/copy-src`, ...extra }));
  t.is(conditionOf(await errorOf(copy({ IfNoneMatch: '*' }))), 'If-None-Match');
  t.is(conditionOf(await errorOf(copy({ IfMatch: '"0123"' }))), 'If-Match');
  await copy({ IfMatch: dest.ETag });
  t.is(await (await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'copy-dst' }))).Body!.transformToString(), 'src');
  await s3.send(new CopyObjectCommand({ Bucket: bucket, Key: 'copy-new', CopySource: `${bucket}/copy-src`, IfNoneMatch: '*' }));
});

test('DeleteObject If-Match: deletes only that ETag; * needs the object; a missing key is 404', async (t) => {
  const s3 = s3Client(server.endpoint);
  const put = await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'del-cond', Body: 'x' }));
  const wrong = await errorOf(s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: 'del-cond', IfMatch: '"0123"' })));
  t.is(wrong.$metadata.httpStatusCode, 412);
  t.is(conditionOf(wrong), 'If-Match');
  t.is((await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'del-cond' }))).ETag, put.ETag);
  const deleted = await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: 'del-cond', IfMatch: put.ETag }));
  t.is(deleted.$metadata.httpStatusCode, 204);
  const gone = await errorOf(s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: 'del-cond', IfMatch: '*' })));
  t.is(gone.$metadata.httpStatusCode, 404);
  // Unconditional deletes of a missing key stay 204.
  t.is((await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: 'del-cond' }))).$metadata.httpStatusCode, 204);
});

test('DeleteObject x-amz-if-match-size and -last-modified-time', async (t) => {
  const s3 = s3Client(server.endpoint);
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'del-size', Body: 'four' }));
  const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'del-size' }));
  const size = await errorOf(s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: 'del-size', IfMatchSize: 5 })));
  t.is(conditionOf(size), 'x-amz-if-match-size');
  const time = await errorOf(s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: 'del-size', IfMatchLastModifiedTime: new Date(0) })));
  t.is(conditionOf(time), 'x-amz-if-match-last-modified-time');
  await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: 'del-size', IfMatchSize: 4, IfMatchLastModifiedTime: head.LastModified }));
  // Only these two on a missing key: the plain 204.
  const raw = await signedRequest(server.endpoint, { method: 'DELETE', path: `/${bucket}/del-size`, headers: { 'x-amz-if-match-size': '4' } });
  t.is(raw.status, 204);
});

test('DeleteObjects: an <ETag> per object makes its delete conditional', async (t) => {
  const s3 = s3Client(server.endpoint);
  const a = await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'batch-a', Body: 'a' }));
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'batch-b', Body: 'b' }));
  const out = await s3.send(new DeleteObjectsCommand({
    Bucket: bucket, Delete: { Objects: [{ Key: 'batch-a', ETag: a.ETag }, { Key: 'batch-b', ETag: '"0123"' }, { Key: 'batch-c', ETag: '*' }] },
  }));
  t.deepEqual(out.Deleted?.map((d) => d.Key), ['batch-a']);
  t.deepEqual(out.Errors?.map((e) => [e.Key, e.Code]), [['batch-b', 'PreconditionFailed'], ['batch-c', 'NoSuchKey']]);
  t.is((await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'batch-b' }))).ContentLength, 1);
});
