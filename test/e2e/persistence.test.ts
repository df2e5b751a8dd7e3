import test from 'ava';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { CreateBucketCommand, GetObjectCommand, ListBucketsCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { s3Client, startBoltstack, startChild, tempDir } from '../helpers/server.js';
import { md5Hex, patternBuffer } from '../helpers/bytes.js';

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(join(entry.parentPath ?? entry.path, entry.name));
  }
  return out;
}

test('data survives a clean restart', async (t) => {
  const tmp = await tempDir();
  try {
    let server = await startChild(['--port', '0', '--data-dir', tmp.dir, '--log-level', 'error']);
    let s3 = s3Client(server.endpoint);
    await s3.send(new CreateBucketCommand({ Bucket: 'persist' }));
    await s3.send(new PutObjectCommand({ Bucket: 'persist', Key: 'k', Body: 'kept', Metadata: { m: 'v' } }));
    t.is(await server.stop(), 0);
    server = await startChild(['--port', '0', '--data-dir', tmp.dir, '--log-level', 'error']);
    s3 = s3Client(server.endpoint);
    const got = await s3.send(new GetObjectCommand({ Bucket: 'persist', Key: 'k' }));
    t.is(await got.Body!.transformToString(), 'kept');
    t.deepEqual(got.Metadata, { m: 'v' });
    await server.stop();
  } finally {
    await tmp.remove();
  }
});

test('every acknowledged write survives kill -9; an upload killed midway leaves nothing behind', async (t) => {
  const tmp = await tempDir();
  try {
    let server = await startChild(['--port', '0', '--data-dir', tmp.dir, '--log-level', 'error']);
    let s3 = s3Client(server.endpoint);
    await s3.send(new CreateBucketCommand({ Bucket: 'crash' }));
    const acked = new Map<string, string>();
    for (let i = 0; i < 20; i++) {
      const body = patternBuffer(10_000 + i * 1000, i + 1);
      await s3.send(new PutObjectCommand({ Bucket: 'crash', Key: `obj-${i}`, Body: body }));
      acked.set(`obj-${i}`, md5Hex(body));
    }
    // An upload in flight when the process dies: it must not appear, and leave no temp file.
    const inflight = s3.send(new PutObjectCommand({ Bucket: 'crash', Key: 'partial', Body: patternBuffer(64 * 1024 * 1024, 99) })).catch(() => 'failed');
    await new Promise((r) => setTimeout(r, 150));
    await server.kill9();
    await inflight;

    server = await startChild(['--port', '0', '--data-dir', tmp.dir, '--log-level', 'error']);
    s3 = s3Client(server.endpoint);
    for (const [key, md5] of acked) {
      const got = await s3.send(new GetObjectCommand({ Bucket: 'crash', Key: key }));
      t.is(md5Hex(Buffer.from(await got.Body!.transformToByteArray())), md5, key);
    }
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: 'crash' }));
    const keys = listed.Contents!.map((c) => c.Key);
    // Either the partial upload finished before the kill (then it is whole) or it is absent.
    if (keys.includes('partial')) {
      const got = await s3.send(new GetObjectCommand({ Bucket: 'crash', Key: 'partial' }));
      t.is(got.ContentLength, 64 * 1024 * 1024);
    }
    const temp = (await filesUnder(tmp.dir)).filter((f) => f.includes(`${join('blobs', 'tmp')}`));
    t.deepEqual(temp, [], 'startup recovery removed temp files');
    await server.stop();
  } finally {
    await tmp.remove();
  }
});

test('embedded: a dataDir passed without ephemeral keeps the data across stop() and a new instance; without one, a temp dir', async (t) => {
  const tmp = await tempDir();
  try {
    let server = await startBoltstack({ dataDir: tmp.dir });
    t.is(server.dataDir, tmp.dir);
    await s3Client(server.endpoint).send(new CreateBucketCommand({ Bucket: 'embedded-kept' }));
    await server.stop();
    server = await startBoltstack({ dataDir: tmp.dir });
    const listed = await s3Client(server.endpoint).send(new ListBucketsCommand({}));
    t.deepEqual(listed.Buckets?.map((b) => b.Name), ['embedded-kept']);
    await server.stop();
    // No dataDir: isolated and removed at stop(), as a test suite wants.
    const isolated = await startBoltstack();
    t.not(isolated.dataDir, tmp.dir);
    await isolated.stop();
    t.false(existsSync(isolated.dataDir));
  } finally {
    await tmp.remove();
  }
});
