/**
 * The listing index (src/services/s3/listing-index.ts) must never show anything but what
 * LevelDB holds. A seeded random run of puts, overwrites, copies, tagging and deletes lists the
 * bucket after every step, through the SDK, and compares with a model of the bucket; the first
 * listings come from LevelDB, the later ones from the index built in the background.
 */
import test, { type ExecutionContext } from 'ava';
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  CopyObjectCommand, CreateBucketCommand, DeleteBucketCommand, DeleteObjectCommand, DeleteObjectsCommand,
  ListObjectsV2Command, PutObjectCommand, PutObjectTaggingCommand, type S3Client,
} from '@aws-sdk/client-s3';
import { s3Client, startBoltstack, uniqueBucket } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';

let server: Boltstack;
test.before(async () => { server = await startBoltstack(); });
test.after.always(async () => { await server?.stop(); });

type Model = Map<string, { size: number; etag: string }>;
const md5 = (body: string): string => `"${createHash('md5').update(body).digest('hex')}"`;
const utf8Order = (a: string, b: string): number => Buffer.compare(Buffer.from(a), Buffer.from(b));

/** Every key of the bucket with size and ETag, in pages of 7 to cross page boundaries. */
async function listAll(s3: S3Client, bucket: string): Promise<[string, number, string][]> {
  const out: [string, number, string][] = [];
  let token: string | undefined;
  do {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, MaxKeys: 7, ContinuationToken: token }));
    for (const c of page.Contents ?? []) out.push([c.Key!, c.Size!, c.ETag!]);
    token = page.NextContinuationToken;
  } while (token !== undefined);
  return out;
}

const expected = (model: Model): [string, number, string][] =>
  [...model].sort(([a], [b]) => utf8Order(a, b)).map(([key, v]) => [key, v.size, v.etag]);

/** Random writes, listing the whole bucket after each one and comparing with a model. */
async function randomRun(t: ExecutionContext, endpoint: string): Promise<void> {
  const s3 = s3Client(endpoint);
  const bucket = uniqueBucket();
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  const model: Model = new Map();
  let seed = 42;
  const random = (n: number): number => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed % n; };
  const names = ['a', 'b/1', 'b/2', 'b/c/3', 'é', '😀', 'z', 'dir/x', 'dir/y', 'q'];
  const someKey = (): string => `${names[random(names.length)]!}-${random(6)}`;
  const put = async (key: string): Promise<void> => {
    const body = 'x'.repeat(random(50)) + key;
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
    model.set(key, { size: Buffer.byteLength(body), etag: md5(body) });
  };
  for (let i = 0; i < 20; i++) await put(someKey());
  t.deepEqual(await listAll(s3, bucket), expected(model), 'first listing, from LevelDB');
  await sleep(50); // the index build started by that listing completes
  for (let step = 0; step < 60; step++) {
    const existing = [...model.keys()];
    const key = existing.length > 0 ? existing[random(existing.length)]! : someKey();
    switch (random(6)) {
      case 0: case 1: await put(someKey()); break;
      case 2: await put(key); break; // overwrite: new size and ETag
      case 3: {
        const target = someKey();
        if (!model.has(key) || target === key) break;
        await s3.send(new CopyObjectCommand({ Bucket: bucket, Key: target, CopySource: `${bucket}/${encodeURIComponent(key)}` }));
        model.set(target, { ...model.get(key)! });
        break;
      }
      case 4:
        if (!model.has(key)) break;
        await s3.send(new PutObjectTaggingCommand({ Bucket: bucket, Key: key, Tagging: { TagSet: [{ Key: 't', Value: String(step) }] } }));
        break;
      default: {
        const gone = random(2) === 0 ? [key] : [key, someKey()];
        if (gone.length === 1) await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
        else await s3.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: gone.map((Key) => ({ Key })) } }));
        for (const k of gone) model.delete(k);
      }
    }
    t.deepEqual(await listAll(s3, bucket), expected(model), `after step ${step}`);
  }
  const top = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Delimiter: '/' }));
  const keys = [...model.keys()];
  t.deepEqual(top.CommonPrefixes?.map((p) => p.Prefix) ?? [],
    [...new Set(keys.filter((k) => k.includes('/')).map((k) => k.slice(0, k.indexOf('/') + 1)))].sort(utf8Order));
  t.deepEqual(top.Contents?.map((c) => c.Key) ?? [], keys.filter((k) => !k.includes('/')).sort(utf8Order));
}

test('listings follow every write, before and after the index is built', async (t) => {
  await randomRun(t, server.endpoint);
});

test('the same with the index off, and with a budget the bucket outgrows midway', async (t) => {
  for (const listingIndexKeys of [0, 25]) {
    const other = await startBoltstack({ listingIndexKeys });
    try {
      await randomRun(t, other.endpoint);
    } finally {
      await other.stop();
    }
  }
});

test('a bucket deleted and made again lists only its new objects', async (t) => {
  const s3 = s3Client(server.endpoint);
  const bucket = uniqueBucket();
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'old', Body: 'old' }));
  await s3.send(new ListObjectsV2Command({ Bucket: bucket }));
  await sleep(50);
  t.deepEqual((await listAll(s3, bucket)).map(([k]) => k), ['old']);
  await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: 'old' }));
  await s3.send(new DeleteBucketCommand({ Bucket: bucket }));
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  t.deepEqual(await listAll(s3, bucket), []);
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'new', Body: 'new' }));
  t.deepEqual((await listAll(s3, bucket)).map(([k]) => k), ['new']);
});

test('listings stay exact when the index is built while writes land (the build applies them)', async (t) => {
  const s3 = s3Client(server.endpoint);
  const bucket = uniqueBucket();
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  const model = new Map<string, { size: number; etag: string }>();
  const put = async (key: string, body: string): Promise<void> => {
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
    model.set(key, { size: Buffer.byteLength(body), etag: md5(body) });
  };
  await Promise.all(Array.from({ length: 30 }, (_, i) => put(`k${String(i).padStart(3, '0')}`, `first ${i}`)));
  // Each listing starts a build (until one is installed) while puts, overwrites and deletes are in flight.
  const writes = [
    ...Array.from({ length: 40 }, (_, i) => put(`n${String(i).padStart(3, '0')}`, 'n'.repeat(i))),
    ...Array.from({ length: 10 }, (_, i) => put(`k${String(i).padStart(3, '0')}`, `second ${i}!`)),
    ...Array.from({ length: 10 }, async (_, i) => {
      const key = `k${String(20 + i).padStart(3, '0')}`;
      await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
      model.delete(key);
    }),
  ];
  const lists = Array.from({ length: 10 }, () => s3.send(new ListObjectsV2Command({ Bucket: bucket, MaxKeys: 5 })));
  await Promise.all([...writes, ...lists]);
  await sleep(100); // the last build, if any, completes
  t.deepEqual(await listAll(s3, bucket), expected(model));
  await put('zz-after', 'after');
  await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: 'n000' }));
  model.delete('n000');
  t.deepEqual(await listAll(s3, bucket), expected(model));
});
