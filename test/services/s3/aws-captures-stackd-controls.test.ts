/**
 * Multipart controls recorded against native AWS S3 by radkawar/stackd
 * (testdata/aws/s3/multipart_controls_replay.json, 2026-09-20; calls re-expressed as SDK inputs):
 * part replacement and paging, completion refusals that leave the upload, what a completed
 * multipart object answers, repeated aborts, upload listing across uploads of one key, and
 * UploadPartCopy's source conditions. Only the observed answers are used; versioned rows are
 * replayed on a never-versioned bucket where the versioning does not change the answer.
 */
import test from 'ava';
import {
  AbortMultipartUploadCommand, CompleteMultipartUploadCommand, CreateBucketCommand, CreateMultipartUploadCommand,
  GetObjectCommand, GetObjectTaggingCommand, HeadObjectCommand, ListMultipartUploadsCommand, ListPartsCommand,
  PutObjectCommand, UploadPartCommand, UploadPartCopyCommand, type S3Client,
} from '@aws-sdk/client-s3';
import { errorOf } from '../../helpers/errors.js';
import { s3Client, startBoltstack } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';

let server: Boltstack;
let s3: S3Client;
const bucket = 'stackd-controls';
const SRC = 'radkawar/stackd testdata/aws/s3/multipart_controls_replay.json';
const MiB = 1024 * 1024;
const A5MiB = Buffer.alloc(5 * MiB, 'A');
const B5MiB = Buffer.alloc(5 * MiB, 'B');
const TAIL = Buffer.from('final-part\u0000\u00ff\n', 'latin1');
const TINY = Buffer.from('tiny');
test.before(async () => {
  server = await startBoltstack();
  s3 = s3Client(server.endpoint);
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
});
test.after.always(async () => { await server?.stop(); });

const part = (Key: string, UploadId: string | undefined, PartNumber: number, Body: Buffer) =>
  s3.send(new UploadPartCommand({ Bucket: bucket, Key, UploadId, PartNumber, Body }));
const complete = (Key: string, UploadId: string | undefined, Parts: { PartNumber: number; ETag: string }[]) =>
  s3.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key, UploadId, MultipartUpload: { Parts } }));

test(`a replaced part, ListParts paged by one, refused completions leave the parts, and the object keeps the upload's headers [${SRC} seq 9-33 (2026-09-20)]`, async (t) => {
  const Key = 'baseline';
  const { UploadId } = await s3.send(new CreateMultipartUploadCommand({
    Bucket: bucket, Key, ContentType: 'application/x-stackd-multipart', Metadata: { phase: 'completed', mixed: 'Case preserved value' },
    Tagging: 'kind=multipart&space=a%20b', CacheControl: 'max-age=7',
  }));
  t.is((await part(Key, UploadId, 2, TAIL)).ETag, '"870285a8dc91d0ae0986d99589dc8c52"');
  t.is((await part(Key, UploadId, 1, A5MiB)).ETag, '"b8fc857a25e7958868c2f003d5e0952d"');
  t.is((await part(Key, UploadId, 1, B5MiB)).ETag, '"ba8c3fac0e224c9b79a8e74bebd54654"');
  // seq 17-18: MaxParts 1 pages; the replaced part 1 lists its new ETag.
  const page1 = await s3.send(new ListPartsCommand({ Bucket: bucket, Key, UploadId, MaxParts: 1 }));
  t.is(page1.PartNumberMarker, '0');
  t.is(page1.NextPartNumberMarker, '1');
  t.is(page1.MaxParts, 1);
  t.true(page1.IsTruncated);
  t.deepEqual(page1.Parts?.map((p) => [p.PartNumber, p.ETag, p.Size]), [[1, '"ba8c3fac0e224c9b79a8e74bebd54654"', 5 * MiB]]);
  t.is(page1.StorageClass, 'STANDARD');
  const page2 = await s3.send(new ListPartsCommand({ Bucket: bucket, Key, UploadId, MaxParts: 1, PartNumberMarker: '1' }));
  t.is(page2.PartNumberMarker, '1');
  t.is(page2.NextPartNumberMarker, '2');
  t.false(page2.IsTruncated);
  t.deepEqual(page2.Parts?.map((p) => [p.PartNumber, p.ETag, p.Size]), [[2, '"870285a8dc91d0ae0986d99589dc8c52"', 13]]);
  const one = { PartNumber: 1, ETag: '"ba8c3fac0e224c9b79a8e74bebd54654"' };
  const two = { PartNumber: 2, ETag: '"870285a8dc91d0ae0986d99589dc8c52"' };
  // seq 20-25: unsorted, a part not uploaded, the replaced part's old ETag: each refused, the parts stay.
  for (const [parts, code] of [[[two, one], 'InvalidPartOrder'], [[one, { ...two, PartNumber: 3 }], 'InvalidPart'], [[{ ...one, ETag: '"b8fc857a25e7958868c2f003d5e0952d"' }, two], 'InvalidPart']] as const) {
    const err = await errorOf(complete(Key, UploadId, [...parts]));
    t.is(err.$metadata.httpStatusCode, 400);
    t.is(err.name, code);
    const listed = await s3.send(new ListPartsCommand({ Bucket: bucket, Key, UploadId }));
    t.is(listed.NextPartNumberMarker, '2');
    t.deepEqual(listed.Parts?.map((p) => p.PartNumber), [1, 2]);
  }
  const done = await complete(Key, UploadId, [one, two]);
  t.is(done.ETag, '"e1cbd78373e702a76ebeb3afba939912-2"');
  // seq 27, 29: no PartsCount without PartNumber; the upload's headers, metadata and tag count.
  for (const got of [await s3.send(new GetObjectCommand({ Bucket: bucket, Key, ChecksumMode: 'ENABLED' })), await s3.send(new HeadObjectCommand({ Bucket: bucket, Key, ChecksumMode: 'ENABLED' }))]) {
    t.is(got.ContentLength, 5 * MiB + 13);
    t.is(got.ETag, '"e1cbd78373e702a76ebeb3afba939912-2"');
    t.is(got.CacheControl, 'max-age=7');
    t.is(got.ContentType, 'application/x-stackd-multipart');
    t.deepEqual(got.Metadata, { mixed: 'Case preserved value', phase: 'completed' });
    t.is(got.TagCount, 2);
    t.is(got.PartsCount, undefined);
    t.is(got.ContentRange, undefined);
    t.is(got.AcceptRanges, 'bytes');
    if ('Body' in got) await got.Body!.transformToByteArray();
  }
  const tags = await s3.send(new GetObjectTaggingCommand({ Bucket: bucket, Key }));
  t.deepEqual(tags.TagSet, [{ Key: 'kind', Value: 'multipart' }, { Key: 'space', Value: 'a b' }]);
  // seq 31-33: the same list again answers the receipt; ListParts is NoSuchUpload; abort is 204.
  t.is((await complete(Key, UploadId, [one, two])).ETag, '"e1cbd78373e702a76ebeb3afba939912-2"');
  t.is((await errorOf(s3.send(new ListPartsCommand({ Bucket: bucket, Key, UploadId })))).name, 'NoSuchUpload');
  t.is((await s3.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key, UploadId }))).$metadata.httpStatusCode, 204);
});

test(`a part listed twice is InvalidPartOrder and makes no object; a later part alone completes [${SRC} seq 34-45 (2026-09-20)]`, async (t) => {
  const dup = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: 'duplicate' }));
  const p1 = await part('duplicate', dup.UploadId, 1, A5MiB);
  await part('duplicate', dup.UploadId, 2, TAIL);
  const err = await errorOf(complete('duplicate', dup.UploadId, [{ PartNumber: 1, ETag: p1.ETag! }, { PartNumber: 1, ETag: p1.ETag! }]));
  t.is(err.$metadata.httpStatusCode, 400);
  t.is(err.name, 'InvalidPartOrder');
  t.deepEqual((await s3.send(new ListPartsCommand({ Bucket: bucket, Key: 'duplicate', UploadId: dup.UploadId }))).Parts?.map((p) => p.Size), [5 * MiB, 13]);
  t.is((await errorOf(s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'duplicate' })))).name, 'NoSuchKey');

  const sub = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: 'subset' }));
  await part('subset', sub.UploadId, 1, TINY);
  const p2 = await part('subset', sub.UploadId, 2, TAIL);
  const done = await complete('subset', sub.UploadId, [{ PartNumber: 2, ETag: p2.ETag! }]);
  t.is(done.ETag, '"3f4643b8135633e65587f6e14f78e720-1"');
  t.is((await errorOf(s3.send(new ListPartsCommand({ Bucket: bucket, Key: 'subset', UploadId: sub.UploadId })))).name, 'NoSuchUpload');
  const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'subset' }));
  t.is(got.ContentLength, 13);
  t.is(got.ContentType, 'binary/octet-stream');
  t.deepEqual(got.Metadata, {});
  t.is(got.PartsCount, undefined);
  t.deepEqual(Buffer.from(await got.Body!.transformToByteArray()), TAIL);
});

test(`a small first part is EntityTooSmall and stays; completing with it alone succeeds [${SRC} seq 46-52 (2026-09-20)]`, async (t) => {
  const Key = 'undersized';
  const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key }));
  const p1 = await part(Key, UploadId, 1, TINY);
  const p2 = await part(Key, UploadId, 2, TAIL);
  t.is(p1.ETag, '"d60cadf1a41c651e1f0ade50136bad43"');
  const err = await errorOf(complete(Key, UploadId, [{ PartNumber: 1, ETag: p1.ETag! }, { PartNumber: 2, ETag: p2.ETag! }]));
  t.is(err.$metadata.httpStatusCode, 400);
  t.is(err.name, 'EntityTooSmall');
  t.deepEqual((await s3.send(new ListPartsCommand({ Bucket: bucket, Key, UploadId }))).Parts?.map((p) => p.Size), [4, 13]);
  t.is((await complete(Key, UploadId, [{ PartNumber: 1, ETag: p1.ETag! }])).ETag, '"591b9d182a82cad6b0329067fb42572b-1"');
  t.is((await s3.send(new HeadObjectCommand({ Bucket: bucket, Key }))).ContentLength, 4);
});

test(`uploads of one key list in creation order, paged by one; KeyMarker alone skips that key; Delimiter rolls up [${SRC} seq 57-70 (2026-09-20)]`, async (t) => {
  const create = async (Key: string) => (await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key }))).UploadId!;
  const z = await create('listing/z');
  const a1 = await create('listing/a');
  const a2 = await create('listing/a');
  const x = await create('listing/folder/x');
  const page = (KeyMarker?: string, UploadIdMarker?: string) =>
    s3.send(new ListMultipartUploadsCommand({ Bucket: bucket, Prefix: 'listing/', MaxUploads: 1, KeyMarker, UploadIdMarker }));
  const expected = [['listing/a', a1, true], ['listing/a', a2, true], ['listing/folder/x', x, true], ['listing/z', z, false]] as const;
  let marker: [string | undefined, string | undefined] = [undefined, undefined];
  for (const [key, id, truncated] of expected) {
    const out = await page(...marker);
    t.deepEqual(out.Uploads?.map((u) => [u.Key, u.UploadId, u.StorageClass]), [[key, id, 'STANDARD']]);
    t.is(out.NextKeyMarker, key);
    t.is(out.NextUploadIdMarker, id);
    t.is(out.IsTruncated, truncated);
    t.is(out.KeyMarker, marker[0] ?? '');
    t.is(out.UploadIdMarker, marker[1] ?? '');
    marker = [key, id];
  }
  const keyOnly = await s3.send(new ListMultipartUploadsCommand({ Bucket: bucket, Prefix: 'listing/', KeyMarker: 'listing/a' }));
  t.deepEqual(keyOnly.Uploads?.map((u) => u.UploadId), [x, z]);
  t.is(keyOnly.UploadIdMarker, '');
  t.is(keyOnly.NextKeyMarker, 'listing/z');
  t.is(keyOnly.NextUploadIdMarker, z);
  t.is(keyOnly.MaxUploads, 1000);
  const rolled = await s3.send(new ListMultipartUploadsCommand({ Bucket: bucket, Prefix: 'listing/', Delimiter: '/' }));
  t.deepEqual(rolled.Uploads?.map((u) => u.UploadId), [a1, a2, z]);
  t.deepEqual(rolled.CommonPrefixes, [{ Prefix: 'listing/folder/' }]);
  t.is(rolled.NextKeyMarker, 'listing/z');
  t.is(rolled.NextUploadIdMarker, z);
  for (const id of [z, a1, a2, x]) await s3.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: id === z ? 'listing/z' : id === x ? 'listing/folder/x' : 'listing/a', UploadId: id }));
});

test(`aborting twice is 204 both times; after it ListParts, UploadPart and CompleteMultipartUpload are NoSuchUpload [${SRC} seq 78-82 abort-existing, abort-repeated (2026-09-20)]`, async (t) => {
  const Key = 'aborted';
  const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key }));
  const p1 = await part(Key, UploadId, 1, Buffer.from('A'));
  for (let i = 0; i < 2; i++) t.is((await s3.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key, UploadId }))).$metadata.httpStatusCode, 204);
  for (const call of [
    s3.send(new ListPartsCommand({ Bucket: bucket, Key, UploadId })), part(Key, UploadId, 1, TINY), complete(Key, UploadId, [{ PartNumber: 1, ETag: p1.ETag! }]),
  ]) {
    const err = await errorOf(call);
    t.is(err.$metadata.httpStatusCode, 404);
    t.is(err.name, 'NoSuchUpload');
  }
  // Another key's abort of that id stays NoSuchUpload.
  t.is((await errorOf(s3.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: 'other', UploadId })))).name, 'NoSuchUpload');
});

test(`UploadPartCopy source conditions: a match beats a failed unmodified-since, a failed none-match beats a modified-since, a future modified-since is ignored [${SRC} seq 104-114 (2026-09-20)]`, async (t) => {
  const body = Buffer.concat([Buffer.alloc(20480 * 256).map((_, i) => i & 0xff), Buffer.from('SOURCE-END')]);
  const source = await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'copy-source', Body: body, ContentType: 'text/source', Metadata: { 'source-only': 'not-inherited' } }));
  t.is(source.ETag, '"23455e95bc47ed301f315e592303b1e3"');
  const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: 'copy-destination', ContentType: 'application/destination', Metadata: { dest: 'yes' } }));
  const copy = (extra: Record<string, unknown>) =>
    s3.send(new UploadPartCopyCommand({ Bucket: bucket, Key: 'copy-destination', UploadId, PartNumber: 3, CopySource: `${bucket}/copy-source`, ...extra }));
  const whole = await copy({ PartNumber: 1 });
  t.is(whole.CopyPartResult?.ETag, '"23455e95bc47ed301f315e592303b1e3"');
  t.is((await copy({ PartNumber: 2, CopySourceRange: 'bytes=0-9' })).CopyPartResult?.ETag, '"c56bd5480f6e5413cb62a0ad9666613a"');
  const old = new Date('2000-01-01T00:00:00Z');
  for (const extra of [
    { CopySourceIfMatch: '"00000000000000000000000000000000"' }, { CopySourceIfNoneMatch: source.ETag }, { CopySourceIfUnmodifiedSince: old },
    { CopySourceIfNoneMatch: source.ETag, CopySourceIfModifiedSince: old },
  ]) {
    const err = await errorOf(copy(extra));
    t.is(err.$metadata.httpStatusCode, 412, JSON.stringify(extra));
    t.is(err.name, 'PreconditionFailed');
  }
  for (const extra of [{ CopySourceIfModifiedSince: new Date('2099-01-01T00:00:00Z') }, { CopySourceIfMatch: source.ETag, CopySourceIfUnmodifiedSince: old }]) {
    t.is((await copy(extra)).CopyPartResult?.ETag, '"23455e95bc47ed301f315e592303b1e3"', JSON.stringify(extra));
  }
  await s3.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: 'copy-destination', UploadId }));
});
