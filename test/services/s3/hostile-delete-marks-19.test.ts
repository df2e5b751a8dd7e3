/**
 * Hostile use of the delete marks (delete-marks.ts, open-upload-keys.ts): keys with a NUL (and
 * the key that is their prefix), of 1024 bytes, of astral characters and of U+10FFFF; five
 * uploads of one key; DeleteObject, DeleteObjects, CompleteMultipartUpload and
 * AbortMultipartUpload of them run at once; a restart between; DeleteBucket with open uploads and
 * marks. What must hold (complete-after-delete.test.ts gives the sources: a delete made after an
 * upload's initiation beats its later completion): no object appears that a later delete
 * removed, a completion after the restart still loses, an upload initiated after the delete
 * completes into the object, no answer is a 5xx, and no mark is left on disk once the uploads are
 * gone.
 *
 * Found by the fuzz19 helper: a key that starts with U+10FFFF sorted above `prefix + U+10FFFF`,
 * the bound every S3 range scan used (keys.ts prefixEnd): such an object was not listed, its
 * uploads were not listed nor seen by a delete after a restart, DeleteBucket deleted a bucket
 * holding it, and the object came back in a bucket made again under that name. A listing with
 * U+10FFFF as its delimiter answered 500 (afterPrefix asked for code point 0x110000). S3 keys are
 * any UTF-8 up to 1024 bytes (https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-keys.html).
 */
import test from 'ava';
import { join } from 'node:path';
import { ClassicLevel } from 'classic-level';
import {
  AbortMultipartUploadCommand, CompleteMultipartUploadCommand, CreateBucketCommand, CreateMultipartUploadCommand, DeleteBucketCommand,
  DeleteObjectCommand, DeleteObjectsCommand, GetObjectCommand, HeadObjectCommand, ListMultipartUploadsCommand, ListObjectsV2Command,
  PutObjectCommand, UploadPartCommand, type S3Client,
} from '@aws-sdk/client-s3';
import type { Boltstack } from '../../../src/index.js';
import * as keys from '../../../src/services/s3/keys.js';
import { s3Client, startBoltstack, tempDir } from '../../helpers/server.js';

const status = (p: Promise<{ $metadata: { httpStatusCode?: number } }>): Promise<number> =>
  p.then((r) => r.$metadata.httpStatusCode ?? 0, (e: { $metadata?: { httpStatusCode?: number }; name?: string; message?: string }) => {
    if (e.$metadata?.httpStatusCode === undefined) throw e;
    return e.$metadata.httpStatusCode;
  });

/** Every key of the S3 namespace under `family` (keys.ts: `d` marks, `u` uploads, `o` objects) in a stopped server's data dir. */
async function onDisk(dir: string, family: string): Promise<string[]> {
  const db = new ClassicLevel<string, string>(join(dir, 'meta'));
  try {
    const s3ns = db.sublevel<string, string>(keys.S3_NS, {});
    const out: string[] = [];
    for await (const key of s3ns.keys({ gte: `${family}\0`, lt: `${family}\u0001` })) out.push(key);
    return out;
  } finally {
    await db.close();
  }
}

const KEYS = ['k', 'k\u0000x', 'k\u0000', `${'a'.repeat(1020)}😀`, 'é😀/ключ', '\u{10FFFF}', '\u{10FFFF}k', 'k\u{10FFFF}'];

async function upload(s3: S3Client, Bucket: string, Key: string, body: string) {
  const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket, Key }));
  const { ETag } = await s3.send(new UploadPartCommand({ Bucket, Key, UploadId, PartNumber: 1, Body: body }));
  return {
    UploadId: UploadId!,
    /** `via`: the client of the server now running (a restart gives a new port). */
    complete: (via = s3) => via.send(new CompleteMultipartUploadCommand({ Bucket, Key, UploadId, MultipartUpload: { Parts: [{ PartNumber: 1, ETag }] } })),
    abort: (via = s3) => via.send(new AbortMultipartUploadCommand({ Bucket, Key, UploadId })),
  };
}

test('racing deletes, completions and aborts of odd keys, a restart, DeleteBucket: no object comes back, no mark is left', async (t) => {
  t.timeout(60_000);
  const tmp = await tempDir();
  let server: Boltstack = await startBoltstack({ ephemeral: false, dataDir: tmp.dir });
  let s3 = s3Client(server.endpoint);
  const Bucket = 'hostile-marks';
  try {
    await s3.send(new CreateBucketCommand({ Bucket }));
    const uploads = new Map<string, Awaited<ReturnType<typeof upload>>[]>();
    for (const Key of KEYS) uploads.set(Key, await Promise.all([1, 2, 3, 4, 5].map((n) => upload(s3, Bucket, Key, `${Key}-${n}`))));
    // All at once, for every key: three deletes (one of them a DeleteObjects of all the keys),
    // completions and aborts of uploads 1-3, each twice.
    const answers = await Promise.all(KEYS.flatMap((Key) => {
      const [u1, u2, u3] = uploads.get(Key)!;
      return [
        status(s3.send(new DeleteObjectCommand({ Bucket, Key }))), status(u1!.complete()), status(u1!.complete()),
        status(u2!.abort()), status(u2!.abort()), status(u3!.complete()), status(u3!.abort()), status(s3.send(new DeleteObjectCommand({ Bucket, Key }))),
      ];
    }).concat([status(s3.send(new DeleteObjectsCommand({ Bucket, Delete: { Objects: KEYS.map((Key) => ({ Key })) } })))]));
    t.deepEqual(answers.filter((s) => ![200, 204, 404].includes(s)), [], 'every answer is 200, 204 or 404');
    for (const Key of KEYS) t.is(await status(s3.send(new HeadObjectCommand({ Bucket, Key }))), 404, `${JSON.stringify(Key).slice(0, 30)}: deleted`);
    // Upload 4 completes before the restart, upload 5 after: both were overtaken by the deletes.
    for (const Key of KEYS) t.is(await status(uploads.get(Key)![3]!.complete()), 200);
    await server.stop();
    server = await startBoltstack({ ephemeral: false, dataDir: tmp.dir });
    s3 = s3Client(server.endpoint);
    for (const Key of KEYS) {
      t.is(await status(uploads.get(Key)![4]!.complete(s3)), 200);
      t.is(await status(s3.send(new HeadObjectCommand({ Bucket, Key }))), 404, `${JSON.stringify(Key).slice(0, 30)}: no object after the overtaken completions`);
    }
    // An upload initiated after the deletes completes into the object.
    for (const Key of KEYS) {
      t.is(await status((await upload(s3, Bucket, Key, `${Key}-new`)).complete()), 200);
      const got = await s3.send(new GetObjectCommand({ Bucket, Key }));
      t.is(await got.Body!.transformToString(), `${Key}-new`);
    }
    t.is((await s3.send(new ListObjectsV2Command({ Bucket }))).KeyCount, KEYS.length, 'every key listed, U+10FFFF ones too');
    t.is(await status(s3.send(new DeleteBucketCommand({ Bucket }))), 409, 'BucketNotEmpty');
    // Open uploads and marks at DeleteBucket: objects deleted, an upload and a mark per key left.
    for (const Key of KEYS) await upload(s3, Bucket, Key, 'open');
    await s3.send(new DeleteObjectsCommand({ Bucket, Delete: { Objects: KEYS.map((Key) => ({ Key })) } }));
    t.is((await s3.send(new ListMultipartUploadsCommand({ Bucket }))).Uploads?.length, KEYS.length);
    t.is(await status(s3.send(new DeleteBucketCommand({ Bucket }))), 204);
    await s3.send(new CreateBucketCommand({ Bucket }));
    t.is((await s3.send(new ListObjectsV2Command({ Bucket }))).KeyCount, 0, 'a bucket made again is empty');
    t.is((await s3.send(new ListMultipartUploadsCommand({ Bucket }))).Uploads, undefined);
    for (const Key of KEYS) t.is(await status(s3.send(new HeadObjectCommand({ Bucket, Key }))), 404);
  } finally {
    await server.stop();
  }
  t.deepEqual(await onDisk(tmp.dir, 'd'), [], 'no mark left');
  t.deepEqual(await onDisk(tmp.dir, 'u'), [], 'no upload left');
  t.deepEqual(await onDisk(tmp.dir, 'o'), [], 'no object left');
  await tmp.remove();
});

test('U+10FFFF in keys, prefixes and delimiters: listed, never a 500', async (t) => {
  const server = await startBoltstack();
  const s3 = s3Client(server.endpoint);
  const Bucket = 'max-code-point';
  try {
    await s3.send(new CreateBucketCommand({ Bucket }));
    const names = ['a', 'a\u{10FFFF}', 'a\u{10FFFF}b', 'a\u{10FFFF}\u{10FFFF}c', '\u{10FFFF}', '\u{10FFFF}z', '\u{FFFF}', '\u{E000}', '\u{D7FF}x', 'b'];
    for (const Key of names) await s3.send(new PutObjectCommand({ Bucket, Key, Body: Key }));
    const list = async (Prefix?: string, Delimiter?: string, MaxKeys?: number): Promise<string[]> => {
      const out: string[] = [];
      let ContinuationToken: string | undefined;
      do {
        const page = await s3.send(new ListObjectsV2Command({ Bucket, Prefix, Delimiter, MaxKeys, ContinuationToken }));
        out.push(...(page.Contents ?? []).map((c) => c.Key!), ...(page.CommonPrefixes ?? []).map((c) => `P:${c.Prefix!}`));
        ContinuationToken = page.NextContinuationToken;
      } while (ContinuationToken !== undefined);
      return out;
    };
    const utf8Sorted = [...names].sort((x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y)));
    t.deepEqual(await list(), utf8Sorted);
    t.deepEqual(await list(undefined, undefined, 1), utf8Sorted, 'one key a page');
    t.deepEqual(await list('\u{10FFFF}'), ['\u{10FFFF}', '\u{10FFFF}z']);
    t.deepEqual(await list('a\u{10FFFF}'), ['a\u{10FFFF}', 'a\u{10FFFF}b', 'a\u{10FFFF}\u{10FFFF}c']);
    t.deepEqual((await list(undefined, '\u{10FFFF}')).sort(), ['P:\u{10FFFF}', 'P:a\u{10FFFF}', 'a', 'b', '\u{D7FF}x', '\u{E000}', '\u{FFFF}'].sort());
    t.deepEqual((await list(undefined, '\u{10FFFF}', 1)).sort(), ['P:\u{10FFFF}', 'P:a\u{10FFFF}', 'a', 'b', '\u{D7FF}x', '\u{E000}', '\u{FFFF}'].sort());
    t.deepEqual(await list('\u{D7FF}', 'x'), ['P:\u{D7FF}x']);
    t.is((await fetch(`${server.endpoint}/_boltstack/health`)).status, 200);
  } finally {
    await server.stop();
  }
});
