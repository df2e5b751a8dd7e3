/**
 * Regressions of repeated and concurrent multipart calls, against S3's answers:
 * - repeating CompleteMultipartUpload with the same parts, after it succeeded, answered 404
 *   NoSuchUpload and failed a retrying client; S3 answers the first result again (a different
 *   part list stays NoSuchUpload);
 * - the same part number uploaded twice at once: the upload that finishes last wins, and its
 *   ETag (not the other's) completes the object.
 */
import test from 'ava';
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  CompleteMultipartUploadCommand, CreateBucketCommand, CreateMultipartUploadCommand, GetObjectCommand,
  ListPartsCommand, PutObjectCommand, UploadPartCommand,
} from '@aws-sdk/client-s3';
import { errorOf } from '../../helpers/errors.js';
import { s3Client, startBoltstack } from '../../helpers/server.js';
import { patternBuffer } from '../../helpers/bytes.js';
import type { Boltstack } from '../../../src/index.js';

let server: Boltstack;
const bucket = 'multipart-repeats';
const MiB = 1024 * 1024;
test.before(async () => {
  server = await startBoltstack();
  await s3Client(server.endpoint).send(new CreateBucketCommand({ Bucket: bucket }));
});
test.after.always(async () => { await server?.stop(); });

async function twoPartUpload(key: string): Promise<{ UploadId: string; parts: { PartNumber: number; ETag: string }[] }> {
  const s3 = s3Client(server.endpoint);
  const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: key }));
  const parts = [];
  for (const [i, body] of [patternBuffer(5 * MiB, 1), patternBuffer(100, 2)].entries()) {
    const out = await s3.send(new UploadPartCommand({ Bucket: bucket, Key: key, UploadId, PartNumber: i + 1, Body: body }));
    parts.push({ PartNumber: i + 1, ETag: out.ETag! });
  }
  return { UploadId: UploadId!, parts };
}

test('a repeated CompleteMultipartUpload with the same parts answers the first result', async (t) => {
  const s3 = s3Client(server.endpoint);
  const { UploadId, parts } = await twoPartUpload('again');
  const complete = () => s3.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key: 'again', UploadId, MultipartUpload: { Parts: parts } }));
  const first = await complete();
  const second = await complete();
  t.is(second.$metadata.httpStatusCode, 200);
  t.is(second.ETag, first.ETag);
  t.is(second.Location, first.Location);
  t.is(second.Key, 'again');
  // Unquoted ETags name the same parts.
  const unquoted = await s3.send(new CompleteMultipartUploadCommand({
    Bucket: bucket, Key: 'again', UploadId, MultipartUpload: { Parts: parts.map((p) => ({ ...p, ETag: p.ETag.replace(/"/g, '') })) },
  }));
  t.is(unquoted.ETag, first.ETag);
});

test('a repeat with a different part list, or after the key was overwritten, is NoSuchUpload', async (t) => {
  const s3 = s3Client(server.endpoint);
  const { UploadId, parts } = await twoPartUpload('other-list');
  await s3.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key: 'other-list', UploadId, MultipartUpload: { Parts: parts } }));
  const fewer = await errorOf(s3.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key: 'other-list', UploadId, MultipartUpload: { Parts: [parts[0]!] } })));
  t.is(fewer.name, 'NoSuchUpload');
  t.is(fewer.$metadata.httpStatusCode, 404);
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'other-list', Body: 'replaced' }));
  const replaced = await errorOf(s3.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key: 'other-list', UploadId, MultipartUpload: { Parts: parts } })));
  t.is(replaced.name, 'NoSuchUpload');
});

test('two racing completions of the same list both succeed with the same ETag', async (t) => {
  const s3 = s3Client(server.endpoint);
  const { UploadId, parts } = await twoPartUpload('race');
  const complete = () => s3.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key: 'race', UploadId, MultipartUpload: { Parts: parts } }));
  const [a, b] = await Promise.all([complete(), complete()]);
  t.is(a.ETag, b.ETag);
});

/** A body that sends its first half at once and the rest only when `gate` opens. */
function gatedBody(bytes: Buffer, gate: Promise<void>): Readable {
  return Readable.from((async function* () {
    yield bytes.subarray(0, bytes.length / 2);
    await gate;
    yield bytes.subarray(bytes.length / 2);
  })());
}

test('the same part number uploaded twice at once: the last to finish wins and completes the object', async (t) => {
  const s3 = s3Client(server.endpoint);
  const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: 'same-part' }));
  const slow = patternBuffer(1 * MiB, 7);
  const quick = patternBuffer(1 * MiB, 8);
  // The slow upload starts first and finishes last: its second half is held until the quick one is done.
  let open!: () => void;
  const gate = new Promise<void>((resolve) => { open = resolve; });
  const slowUpload = s3.send(new UploadPartCommand({ Bucket: bucket, Key: 'same-part', UploadId, PartNumber: 1, Body: gatedBody(slow, gate), ContentLength: slow.length }));
  await sleep(50);
  const quickOut = await s3.send(new UploadPartCommand({ Bucket: bucket, Key: 'same-part', UploadId, PartNumber: 1, Body: quick }));
  open();
  const slowOut = await slowUpload;
  t.not(slowOut.ETag, quickOut.ETag);
  const listed = await s3.send(new ListPartsCommand({ Bucket: bucket, Key: 'same-part', UploadId }));
  t.deepEqual(listed.Parts!.map((p) => p.ETag), [slowOut.ETag]);
  const refused = await errorOf(s3.send(new CompleteMultipartUploadCommand({
    Bucket: bucket, Key: 'same-part', UploadId, MultipartUpload: { Parts: [{ PartNumber: 1, ETag: quickOut.ETag }] },
  })));
  t.is(refused.name, 'InvalidPart');
  await s3.send(new CompleteMultipartUploadCommand({
    Bucket: bucket, Key: 'same-part', UploadId, MultipartUpload: { Parts: [{ PartNumber: 1, ETag: slowOut.ETag }] },
  }));
  const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'same-part' }));
  t.true(Buffer.from(await got.Body!.transformToByteArray()).equals(slow));
});

test('the same part number uploaded twice at once with the same bytes: one part, completable', async (t) => {
  const s3 = s3Client(server.endpoint);
  const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: 'same-bytes' }));
  const body = patternBuffer(2 * MiB, 9);
  const outs = await Promise.all([0, 1, 2].map(() => s3.send(new UploadPartCommand({ Bucket: bucket, Key: 'same-bytes', UploadId, PartNumber: 1, Body: body }))));
  t.is(new Set(outs.map((o) => o.ETag)).size, 1);
  await s3.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key: 'same-bytes', UploadId, MultipartUpload: { Parts: [{ PartNumber: 1, ETag: outs[0]!.ETag }] } }));
  const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'same-bytes' }));
  t.true(Buffer.from(await got.Body!.transformToByteArray()).equals(body));
});
