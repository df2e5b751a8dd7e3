/**
 * Regression: user metadata over S3's 2 KB cap was stored silently. S3 counts the UTF-8 bytes of
 * every key (without `x-amz-meta-`) and value and answers 400 MetadataTooLarge past 2048, on
 * PutObject, CreateMultipartUpload and CopyObject with MetadataDirective REPLACE.
 */
import test from 'ava';
import {
  CopyObjectCommand, CreateBucketCommand, CreateMultipartUploadCommand, HeadObjectCommand, PutObjectCommand,
} from '@aws-sdk/client-s3';
import { s3Client, startBoltstack } from '../helpers/server.js';
import { errorOf } from '../helpers/errors.js';
import type { Boltstack } from '../../src/index.js';

let server: Boltstack;
test.before(async () => { server = await startBoltstack(); });
test.after.always(async () => { await server?.stop(); });

/** Keys 'k0', 'k1'.. and values adding up to exactly `bytes` (prefix not counted). */
function metadataOf(bytes: number): Record<string, string> {
  const out: Record<string, string> = {};
  let left = bytes;
  for (let i = 0; left > 0; i++) {
    const key = `k${i}`;
    const value = 'v'.repeat(Math.min(left - key.length, 500));
    out[key] = value;
    left -= key.length + value.length;
  }
  return out;
}

test('exactly 2048 bytes of keys and values is accepted; 2049 is MetadataTooLarge with Size and MaxSizeAllowed', async (t) => {
  const s3 = s3Client(server.endpoint);
  await s3.send(new CreateBucketCommand({ Bucket: 'meta-limit' }));
  const atLimit = metadataOf(2048);
  await s3.send(new PutObjectCommand({ Bucket: 'meta-limit', Key: 'ok', Body: 'x', Metadata: atLimit }));
  t.deepEqual((await s3.send(new HeadObjectCommand({ Bucket: 'meta-limit', Key: 'ok' }))).Metadata, atLimit);

  const err = await errorOf(s3.send(new PutObjectCommand({ Bucket: 'meta-limit', Key: 'big', Body: 'x'.repeat(100_000), Metadata: metadataOf(2049) })));
  t.is(err.name, 'MetadataTooLarge');
  t.is(err.$metadata.httpStatusCode, 400);
  t.is(err.message, 'Your metadata headers exceed the maximum allowed metadata size.');
  const fields = err as unknown as Record<string, unknown>;
  t.is(fields.Size, '2049');
  t.is(fields.MaxSizeAllowed, '2048');
  t.is((await errorOf(s3.send(new HeadObjectCommand({ Bucket: 'meta-limit', Key: 'big' })))).$metadata.httpStatusCode, 404);
});

test('CreateMultipartUpload and CopyObject REPLACE are measured; CopyObject COPY ignores the headers', async (t) => {
  const s3 = s3Client(server.endpoint);
  await s3.send(new CreateBucketCommand({ Bucket: 'meta-limit-2' }));
  const tooBig = metadataOf(3000);
  t.is((await errorOf(s3.send(new CreateMultipartUploadCommand({ Bucket: 'meta-limit-2', Key: 'mpu', Metadata: tooBig })))).name, 'MetadataTooLarge');

  await s3.send(new PutObjectCommand({ Bucket: 'meta-limit-2', Key: 'src', Body: 'x', Metadata: { a: 'b' } }));
  const replace = await errorOf(s3.send(new CopyObjectCommand({
    Bucket: 'meta-limit-2', Key: 'dst', CopySource: 'meta-limit-2/src', MetadataDirective: 'REPLACE', Metadata: tooBig,
  })));
  t.is(replace.name, 'MetadataTooLarge');
  t.is((replace as unknown as Record<string, unknown>).Size, '3000');
  await s3.send(new CopyObjectCommand({ Bucket: 'meta-limit-2', Key: 'dst', CopySource: 'meta-limit-2/src', Metadata: tooBig }));
  t.deepEqual((await s3.send(new HeadObjectCommand({ Bucket: 'meta-limit-2', Key: 'dst' }))).Metadata, { a: 'b' });
});
