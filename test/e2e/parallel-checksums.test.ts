/**
 * Checksums in parallel (src/pool/hash-session.ts): large upload bodies hash in hash workers
 * while the main thread receives and writes. Through the real SDK with default settings
 * (aws-chunked with a CRC32 trailer) and through plain signed PUTs with Content-MD5, concurrent
 * uploads come back byte-exact with the right ETag and checksum; a wrong Content-MD5 is still
 * BadDigest and leaves nothing; an idle server holds no worker thread.
 */
import test from 'ava';
import { createHash, randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { CreateBucketCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { s3Client, startBoltstack } from '../helpers/server.js';

const MiB = 1024 * 1024;
const crc32 = (createRequire(import.meta.url)('@node-rs/crc32') as typeof import('@node-rs/crc32')).crc32;
const md5 = (b: Uint8Array, enc: 'hex' | 'base64'): string => createHash('md5').update(b).digest(enc);
const crc32Base64 = (b: Uint8Array): string => { const out = Buffer.alloc(4); out.writeUInt32BE(crc32(b) >>> 0); return out.toString('base64'); };

async function poolThreads(endpoint: string): Promise<number> {
  return ((await (await fetch(`${endpoint}/_boltstack/health`)).json()) as { poolThreads: number }).poolThreads;
}

async function bytesOf(body: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of body) parts.push(Buffer.from(c));
  return Buffer.concat(parts);
}

test('concurrent large uploads, SDK aws-chunked CRC32 and signed PUT with Content-MD5, come back exact with their ETags and checksums', async (t) => {
  t.timeout(120_000);
  const server = await startBoltstack();
  t.teardown(() => server.stop());
  t.is(await poolThreads(server.endpoint), 0, 'no thread at idle');
  const s3 = s3Client(server.endpoint);
  await s3.send(new CreateBucketCommand({ Bucket: 'parallel' }));
  await s3.send(new PutObjectCommand({ Bucket: 'parallel', Key: 'small', Body: 'a small body hashes inline' }));
  t.is(await poolThreads(server.endpoint), 0, 'a small body starts no thread');
  // Odd sizes: batches and slabs split at different offsets in every body. Together well past
  // WORKER_START_BYTES (64 MiB), what concurrent bodies must announce to start a worker.
  const sdkBodies = [0, 1, 2, 3].map((i) => randomBytes(12 * MiB + i * 333_333 + 7));
  const rawBodies = [0, 1, 2, 3].map((i) => randomBytes(11 * MiB + i * 444_444 + 3));
  const signer = s3Client(server.endpoint, { requestChecksumCalculation: 'WHEN_REQUIRED' });
  const [sdkResults, rawResults] = await Promise.all([
    Promise.all(sdkBodies.map((Body, i) => s3.send(new PutObjectCommand({ Bucket: 'parallel', Key: `sdk-${i}`, Body })))),
    Promise.all(rawBodies.map(async (body, i) => {
      const url = await getSignedUrl(signer, new PutObjectCommand({ Bucket: 'parallel', Key: `raw-${i}`, ContentMD5: md5(body, 'base64') }), { expiresIn: 600 });
      return fetch(url, { method: 'PUT', body, headers: { 'content-md5': md5(body, 'base64') } });
    })),
  ]);
  t.true(await poolThreads(server.endpoint) >= 1, 'the large bodies were hashed in a worker');
  for (const [i, r] of sdkResults.entries()) {
    t.is(r.ETag, `"${md5(sdkBodies[i]!, 'hex')}"`, `sdk-${i} ETag`);
    t.is(r.ChecksumCRC32, crc32Base64(sdkBodies[i]!), `sdk-${i} CRC32`);
  }
  for (const [i, r] of rawResults.entries()) {
    t.is(r.status, 200, `raw-${i}: ${await r.clone().text()}`);
    t.is(r.headers.get('etag'), `"${md5(rawBodies[i]!, 'hex')}"`, `raw-${i} ETag`);
  }
  for (const [prefix, bodies] of [['sdk', sdkBodies], ['raw', rawBodies]] as const) {
    for (const [i, body] of bodies.entries()) {
      const got = await s3.send(new GetObjectCommand({ Bucket: 'parallel', Key: `${prefix}-${i}`, ChecksumMode: 'ENABLED' }));
      t.true((await bytesOf(got.Body as AsyncIterable<Uint8Array>)).equals(body), `${prefix}-${i} byte-exact`);
    }
  }
});

test('a wrong Content-MD5 on a large body hashed in a worker is BadDigest and leaves nothing visible', async (t) => {
  t.timeout(60_000);
  const server = await startBoltstack();
  t.teardown(() => server.stop());
  const s3 = s3Client(server.endpoint, { requestChecksumCalculation: 'WHEN_REQUIRED' });
  await s3.send(new CreateBucketCommand({ Bucket: 'digests' }));
  const wrong = md5(Buffer.from('another body'), 'base64');
  const keys = ['bad-0', 'bad-1', 'bad-2'];
  const answers = await Promise.all(keys.map(async (Key) => {
    const url = await getSignedUrl(s3, new PutObjectCommand({ Bucket: 'digests', Key, ContentMD5: wrong }), { expiresIn: 600 });
    // 3 x 32 MiB: past WORKER_START_BYTES together, so a worker hashes them.
    const r = await fetch(url, { method: 'PUT', body: randomBytes(32 * MiB), headers: { 'content-md5': wrong } });
    return { status: r.status, text: await r.text() };
  }));
  for (const a of answers) {
    t.is(a.status, 400);
    t.regex(a.text, /<Code>BadDigest<\/Code>/);
  }
  t.true(await poolThreads(server.endpoint) >= 1, 'bodies were hashed in a worker');
  for (const Key of keys) {
    const err = await t.throwsAsync(s3.send(new HeadObjectCommand({ Bucket: 'digests', Key })));
    t.is((err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode, 404);
  }
});

test('a lone large upload starts a hash worker for the next ones when there is a second core, none with --pool-threads 0', async (t) => {
  // A lone upload's MD5 overlaps its receiving and writing only in a worker (src/pool/body-hashing.ts).
  t.timeout(60_000);
  for (const poolThreadsOption of ['auto', 0] as const) {
    const server = await startBoltstack({ poolThreads: poolThreadsOption });
    try {
      const s3 = s3Client(server.endpoint);
      await s3.send(new CreateBucketCommand({ Bucket: 'alone' }));
      const bodies = new Map<string, Buffer>();
      for (const Key of ['first', 'second']) {
        // WORKER_START_BYTES (64 MiB): a lone body that large starts a worker for the next.
        const body = randomBytes(64 * MiB + 5);
        bodies.set(Key, body);
        const r = await s3.send(new PutObjectCommand({ Bucket: 'alone', Key, Body: body }));
        t.is(r.ETag, `"${md5(body, 'hex')}"`);
      }
      // Read at once after the second upload: the worker ends 10 s after its last job, and on a
      // loaded machine two 64 MiB reads can take longer than that.
      const expected = poolThreadsOption === 0 || availableParallelism() < 2 ? 0 : 1;
      t.is(await poolThreads(server.endpoint), expected, `--pool-threads ${poolThreadsOption}`);
      for (const [Key, body] of bodies) {
        const got = await s3.send(new GetObjectCommand({ Bucket: 'alone', Key }));
        t.true((await bytesOf(got.Body as AsyncIterable<Uint8Array>)).equals(body), `${Key} byte-exact`);
      }
    } finally {
      await server.stop();
    }
  }
});
