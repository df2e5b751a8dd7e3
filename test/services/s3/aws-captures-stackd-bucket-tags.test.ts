/**
 * Bucket tagging as native AWS S3 answered it (radkawar/stackd testdata/aws/s3/bucket_tags.json,
 * AWS CLI, 2026-09-13). AWS's order of a returned TagSet (a-first, z-last, m-middle for z, a, m
 * given) is neither the given nor the sorted order, so it is not asserted.
 */
import test from 'ava';
import { CreateBucketCommand, DeleteBucketTaggingCommand, GetBucketTaggingCommand, PutBucketTaggingCommand, type S3Client } from '@aws-sdk/client-s3';
import { errorOf } from '../../helpers/errors.js';
import { s3Client, startBoltstack } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';

let server: Boltstack;
let s3: S3Client;
const Bucket = 'stackd-bucket-tags-owned';
const SRC = 'radkawar/stackd testdata/aws/s3/bucket_tags.json';
test.before(async () => {
  server = await startBoltstack();
  s3 = s3Client(server.endpoint);
  await s3.send(new CreateBucketCommand({ Bucket }));
});
test.after.always(async () => { await server?.stop(); });

const fields = (err: unknown) => err as Record<string, unknown>;
const put = (TagSet: { Key: string; Value: string }[]) => s3.send(new PutBucketTaggingCommand({ Bucket, Tagging: { TagSet } }));
const get = async () => (await s3.send(new GetBucketTaggingCommand({ Bucket }))).TagSet;

test.serial(`no tag set: GetBucketTagging is 404 NoSuchTagSet naming the bucket; DeleteBucketTagging is 204 [${SRC} get-no-tagset, delete-no-tagset, get-after-delete-no-tagset]`, async (t) => {
  for (let i = 0; i < 2; i++) {
    const err = await errorOf(s3.send(new GetBucketTaggingCommand({ Bucket })));
    t.is(err.$metadata.httpStatusCode, 404);
    t.is(err.name, 'NoSuchTagSet');
    t.is(err.message, 'The TagSet does not exist');
    t.is(fields(err).BucketName, Bucket);
    if (i === 0) t.is((await s3.send(new DeleteBucketTaggingCommand({ Bucket }))).$metadata.httpStatusCode, 204);
  }
});

test.serial(`a put replaces the whole set (204); an empty set leaves none [${SRC} put-ordered, put-replacement, put-empty-set(-get)]`, async (t) => {
  t.is((await put([{ Key: 'z-last', Value: 'z' }, { Key: 'a-first', Value: 'a' }, { Key: 'm-middle', Value: 'm' }])).$metadata.httpStatusCode, 204);
  t.deepEqual((await get())?.map((tag) => tag.Key).sort(), ['a-first', 'm-middle', 'z-last']);
  await put([{ Key: 'replacement', Value: 'only' }]);
  t.deepEqual(await get(), [{ Key: 'replacement', Value: 'only' }]);
  t.is((await put([])).$metadata.httpStatusCode, 204);
  const err = await errorOf(s3.send(new GetBucketTaggingCommand({ Bucket })));
  t.is(err.name, 'NoSuchTagSet');
  t.is(err.$metadata.httpStatusCode, 404);
});

test.serial(`a repeated key is 400 InvalidTag naming it and keeps the set; keys differing in case and an empty value are fine [${SRC} put-duplicate-keys(-get), put-case-distinct-keys, put-empty-value]`, async (t) => {
  await put([{ Key: 'baseline', Value: 'preserved' }]);
  const err = await errorOf(put([{ Key: 'duplicate', Value: 'first' }, { Key: 'duplicate', Value: 'second' }]));
  t.is(err.$metadata.httpStatusCode, 400);
  t.is(err.name, 'InvalidTag');
  t.is(err.message, 'Cannot provide multiple Tags with the same key');
  t.is(fields(err).TagKey, 'duplicate');
  t.deepEqual(await get(), [{ Key: 'baseline', Value: 'preserved' }]);
  await put([{ Key: 'Key', Value: 'value' }, { Key: 'key', Value: 'value' }]);
  t.deepEqual(await get(), [{ Key: 'Key', Value: 'value' }, { Key: 'key', Value: 'value' }]);
  await put([{ Key: 'empty-value', Value: '' }]);
  t.deepEqual(await get(), [{ Key: 'empty-value', Value: '' }]);
});
