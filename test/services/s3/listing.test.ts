import test from 'ava';
import { CreateBucketCommand, ListObjectsCommand, ListObjectsV2Command, PutObjectCommand, S3ServiceException, paginateListObjectsV2 } from '@aws-sdk/client-s3';
import { s3Client, startBoltstack, uniqueBucket } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';

let server: Boltstack;
let bucket: string;
const KEYS = ['a.txt', 'b/1', 'b/2', 'b/c/3', 'c', 'd/x', 'zz', 'é', '😀'];

test.before(async () => {
  server = await startBoltstack();
  bucket = uniqueBucket();
  const s3 = s3Client(server.endpoint);
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  for (const key of KEYS) await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: key }));
});
test.after.always(async () => { await server?.stop(); });

test('ListObjectsV2 lists every key in UTF-8 byte order with sizes and ETags', async (t) => {
  const out = await s3Client(server.endpoint).send(new ListObjectsV2Command({ Bucket: bucket }));
  t.deepEqual(out.Contents!.map((c) => c.Key), [...KEYS].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))));
  t.is(out.KeyCount, KEYS.length);
  t.false(out.IsTruncated);
  t.is(out.Contents![0]!.Size, 5);
  t.regex(out.Contents![0]!.ETag!, /^"[0-9a-f]{32}"$/);
  t.is(out.Contents![0]!.StorageClass, 'STANDARD');
});

test('delimiter and prefix roll keys up into common prefixes', async (t) => {
  const s3 = s3Client(server.endpoint);
  const top = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Delimiter: '/' }));
  t.deepEqual(top.CommonPrefixes!.map((p) => p.Prefix), ['b/', 'd/']);
  t.deepEqual(top.Contents!.map((c) => c.Key), ['a.txt', 'c', 'zz', 'é', '😀']);
  t.is(top.KeyCount, 7);
  const inB = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Delimiter: '/', Prefix: 'b/' }));
  t.deepEqual(inB.Contents!.map((c) => c.Key), ['b/1', 'b/2']);
  t.deepEqual(inB.CommonPrefixes!.map((p) => p.Prefix), ['b/c/']);
  t.is(inB.Prefix, 'b/');
});

test('paging with max-keys and continuation tokens visits every entry once', async (t) => {
  const s3 = s3Client(server.endpoint);
  const seen: string[] = [];
  let pages = 0;
  for await (const page of paginateListObjectsV2({ client: s3, pageSize: 2 }, { Bucket: bucket, Delimiter: '/' })) {
    pages++;
    seen.push(...(page.Contents ?? []).map((c) => c.Key!), ...(page.CommonPrefixes ?? []).map((p) => p.Prefix!));
    t.true((page.KeyCount ?? 0) <= 2);
  }
  t.is(pages, 4);
  t.deepEqual(seen.sort(), ['a.txt', 'b/', 'c', 'd/', 'zz', 'é', '😀'].sort());
  const after = await s3.send(new ListObjectsV2Command({ Bucket: bucket, StartAfter: 'c' }));
  t.deepEqual(after.Contents!.map((c) => c.Key), ['d/x', 'zz', 'é', '😀']);
  t.is(after.StartAfter, 'c');
});

test('encoding-type=url, fetch-owner and v1 markers', async (t) => {
  const s3 = s3Client(server.endpoint);
  const owner = await s3.send(new ListObjectsV2Command({ Bucket: bucket, FetchOwner: true, MaxKeys: 1 }));
  t.regex(owner.Contents![0]!.Owner!.ID!, /^[0-9a-f]{64}$/);
  const v1 = await s3.send(new ListObjectsCommand({ Bucket: bucket, Delimiter: '/', MaxKeys: 2 }));
  t.true(v1.IsTruncated);
  t.is(v1.NextMarker, 'b/');
  const next = await s3.send(new ListObjectsCommand({ Bucket: bucket, Delimiter: '/', Marker: v1.NextMarker! }));
  t.deepEqual(next.Contents!.map((c) => c.Key), ['c', 'zz', 'é', '😀']);
  t.deepEqual(next.CommonPrefixes!.map((p) => p.Prefix), ['d/']);
  // The SDK decodes url-encoded keys itself, so the round trip must give back the real key.
  const encoded = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'é', EncodingType: 'url' }));
  t.is(encoded.EncodingType, 'url');
  t.true(['é', '%C3%A9'].includes(encoded.Contents![0]!.Key!));
});

test('invalid max-keys and continuation tokens are InvalidArgument', async (t) => {
  const s3 = s3Client(server.endpoint);
  const bad = await t.throwsAsync(s3.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: 'garbage' }))) as S3ServiceException;
  t.is(bad.name, 'InvalidArgument');
  const missing = await t.throwsAsync(s3.send(new ListObjectsV2Command({ Bucket: uniqueBucket() }))) as S3ServiceException;
  t.is(missing.name, 'NoSuchBucket');
});
