/**
 * A 1 GiB object streamed up (PutObject with the SDK's default aws-chunked + CRC32 trailer) and
 * down, compared byte for byte through MD5 computed while streaming. Neither side holds the body.
 */
import test from 'ava';
import { CreateBucketCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { s3Client, startBoltstack } from '../helpers/server.js';
import { md5OfStream, patternStream } from '../helpers/bytes.js';

const GiB = 1024 ** 3;

test('a 1 GiB object goes up and comes back byte-exact', async (t) => {
  t.timeout(180_000);
  const server = await startBoltstack();
  try {
    const s3 = s3Client(server.endpoint);
    await s3.send(new CreateBucketCommand({ Bucket: 'large' }));
    const expected = await md5OfStream(patternStream(GiB, 42));
    const put = await s3.send(new PutObjectCommand({ Bucket: 'large', Key: 'one-gib', Body: patternStream(GiB, 42), ContentLength: GiB }));
    t.is(put.ETag, `"${expected.md5}"`);
    t.is((await s3.send(new HeadObjectCommand({ Bucket: 'large', Key: 'one-gib' }))).ContentLength, GiB);
    const got = await s3.send(new GetObjectCommand({ Bucket: 'large', Key: 'one-gib' }));
    t.deepEqual(await md5OfStream(got.Body as AsyncIterable<Uint8Array>), expected);
  } finally {
    await server.stop();
  }
});
