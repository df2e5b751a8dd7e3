/**
 * An owned object's life as native AWS S3 answered it (radkawar/stackd
 * testdata/aws/s3/owned_object_delivery.json, AWS CLI, 2026-09-13; the CloudTrail delivery around
 * it is not S3's answer and is not replayed): a SHA256 PutObject with the canned ACL
 * bucket-owner-full-control, its reads with and without checksum mode, a range, the listing,
 * and the answers once it is deleted.
 */
import test from 'ava';
import {
  CreateBucketCommand, DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, type S3Client,
} from '@aws-sdk/client-s3';
import { errorOf } from '../../helpers/errors.js';
import { s3Client, startBoltstack } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';

let server: Boltstack;
let s3: S3Client;
const Bucket = 'stackd-s3trail-source';
const SRC = 'radkawar/stackd testdata/aws/s3/owned_object_delivery.json';
const BODY = Buffer.from('c3RhY2tkIG5hdGl2ZSBTMyBDbG91ZFRyYWlsIG93bmVkIHByb2JlCgD/', 'base64');
const ETAG = '"ff6a5088913a97d6de57ba57eda3368a"';
const SHA256 = 'rsFsNGI5NcZ+BQlvAYSBxA/Da3vkzIB9KeFCQR2Lrkc=';
test.before(async () => {
  server = await startBoltstack();
  s3 = s3Client(server.endpoint);
  await s3.send(new CreateBucketCommand({ Bucket }));
});
test.after.always(async () => { await server?.stop(); });

test(`a SHA256 put with bucket-owner-full-control, its reads, range and listing, then 404s and a 204 delete once deleted [${SRC} baseline-put ... baseline-delete-missing]`, async (t) => {
  const Key = 'data/baseline.bin';
  const put = await s3.send(new PutObjectCommand({
    Bucket, Key, Body: BODY, ContentType: 'application/octet-stream', Metadata: { probe: 'baseline', mixedcase: 'kept-value' },
    CacheControl: 'max-age=17', ACL: 'bucket-owner-full-control', ChecksumAlgorithm: 'SHA256',
  }));
  t.like(put, { ETag: ETAG, ChecksumSHA256: SHA256, ChecksumType: 'FULL_OBJECT', ServerSideEncryption: 'AES256' });
  const common = {
    AcceptRanges: 'bytes', ETag: ETAG, CacheControl: 'max-age=17', ContentType: 'application/octet-stream', ServerSideEncryption: 'AES256',
  };
  // baseline-head-default: no checksum members without checksum mode.
  const head = await s3.send(new HeadObjectCommand({ Bucket, Key }));
  t.like(head, { ...common, ContentLength: 42 });
  t.deepEqual(head.Metadata, { mixedcase: 'kept-value', probe: 'baseline' });
  t.is(head.ChecksumSHA256, undefined);
  t.is(head.ChecksumType, undefined);
  t.like(await s3.send(new HeadObjectCommand({ Bucket, Key, ChecksumMode: 'ENABLED' })), { ...common, ContentLength: 42, ChecksumSHA256: SHA256, ChecksumType: 'FULL_OBJECT' });
  const got = await s3.send(new GetObjectCommand({ Bucket, Key, ChecksumMode: 'ENABLED' }));
  t.like(got, { ...common, ContentLength: 42, ChecksumSHA256: SHA256, ChecksumType: 'FULL_OBJECT' });
  t.deepEqual(Buffer.from(await got.Body!.transformToByteArray()), BODY);
  // baseline-range: 206, no checksum members (the range is not the object).
  const ranged = await s3.send(new GetObjectCommand({ Bucket, Key, Range: 'bytes=0-5' }));
  t.like(ranged, { ...common, ContentLength: 6, ContentRange: 'bytes 0-5/42' });
  t.is(ranged.$metadata.httpStatusCode, 206);
  t.is(ranged.ChecksumSHA256, undefined);
  t.is(await ranged.Body!.transformToString(), 'stackd');
  // baseline-list: the CLI's encoding-type=url listing names the algorithm and the type.
  const listed = await s3.send(new ListObjectsV2Command({ Bucket, Prefix: 'data/', EncodingType: 'url' }));
  t.like(listed, { IsTruncated: false, Name: Bucket, Prefix: 'data/', MaxKeys: 1000, EncodingType: 'url', KeyCount: 1 });
  t.deepEqual(listed.Contents?.map((c) => [c.Key, c.ETag, c.ChecksumAlgorithm, c.ChecksumType, c.Size, c.StorageClass]),
    [[Key, ETAG, ['SHA256'], 'FULL_OBJECT', 42, 'STANDARD']]);

  t.is((await s3.send(new DeleteObjectCommand({ Bucket, Key }))).$metadata.httpStatusCode, 204);
  const headMissing = await errorOf(s3.send(new HeadObjectCommand({ Bucket, Key })));
  t.is(headMissing.$metadata.httpStatusCode, 404);
  t.is(headMissing.name, 'NotFound');
  const getMissing = await errorOf(s3.send(new GetObjectCommand({ Bucket, Key })));
  t.is(getMissing.$metadata.httpStatusCode, 404);
  t.is(getMissing.name, 'NoSuchKey');
  t.is(getMissing.message, 'The specified key does not exist.');
  t.is((await s3.send(new DeleteObjectCommand({ Bucket, Key }))).$metadata.httpStatusCode, 204);
});
