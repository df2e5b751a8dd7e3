/**
 * Accounts from access keys (DESIGN.md §8): a 12-digit access key id is that account, any other
 * key (and no key) is the default account. Buckets belong to their creator's account; names are
 * global as in AWS. Every client here is a real SDK client with default settings.
 */
import test from 'ava';
import {
  CopyObjectCommand, CreateBucketCommand, DeleteBucketCommand, GetObjectCommand, HeadBucketCommand,
  ListBucketsCommand, ListObjectsV2Command, PutObjectCommand, type S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { s3Client, startBoltstack, uniqueBucket } from '../../helpers/server.js';
import { errorOf } from '../../helpers/errors.js';
import { ownerOf } from '../../../src/services/s3/owner.js';
import type { Boltstack } from '../../../src/index.js';

let server: Boltstack;
test.before(async () => { server = await startBoltstack(); });
test.after.always(async () => { await server?.stop(); });

const clientOf = (endpoint: string, accessKeyId: string, region = 'us-east-1'): S3Client =>
  s3Client(endpoint, { region, credentials: { accessKeyId, secretAccessKey: 'secret' } });

const namesOf = async (s3: S3Client): Promise<string[]> =>
  ((await s3.send(new ListBucketsCommand({}))).Buckets ?? []).map((b) => b.Name!);

test('two accounts do not see each other\'s buckets in ListBuckets', async (t) => {
  const a = clientOf(server.endpoint, '111122223333');
  const b = clientOf(server.endpoint, '444455556666');
  const bucketA = uniqueBucket('acct-a');
  const bucketB = uniqueBucket('acct-b');
  await a.send(new CreateBucketCommand({ Bucket: bucketA }));
  await b.send(new CreateBucketCommand({ Bucket: bucketB }));
  const seenByA = await namesOf(a);
  const seenByB = await namesOf(b);
  t.true(seenByA.includes(bucketA));
  t.false(seenByA.includes(bucketB));
  t.true(seenByB.includes(bucketB));
  t.false(seenByB.includes(bucketA));
  // Neither is the default account's (key "test").
  const seenByDefault = await namesOf(clientOf(server.endpoint, 'test'));
  t.false(seenByDefault.includes(bucketA));
  t.false(seenByDefault.includes(bucketB));
});

test('a 12-digit access key id is that account: the owner, and ExpectedBucketOwner, say so', async (t) => {
  const s3 = clientOf(server.endpoint, '111122223333');
  const bucket = uniqueBucket('acct-owner');
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  const listed = await s3.send(new ListBucketsCommand({}));
  t.deepEqual(listed.Owner, ownerOf('111122223333'));
  t.notDeepEqual(ownerOf('111122223333'), ownerOf('000000000000'));
  await s3.send(new HeadBucketCommand({ Bucket: bucket, ExpectedBucketOwner: '111122223333' }));
  const denied = await errorOf(s3.send(new HeadBucketCommand({ Bucket: bucket, ExpectedBucketOwner: '000000000000' })));
  t.is(denied.$metadata.httpStatusCode, 403);
  // Not 12 digits: the default account, whatever it looks like.
  for (const key of ['AKIAIOSFODNN7EXAMPLE', '11112222333', '1111222233334']) {
    t.deepEqual((await clientOf(server.endpoint, key).send(new ListBucketsCommand({}))).Owner, ownerOf('000000000000'), key);
  }
});

test('CreateBucket of another account\'s name is BucketAlreadyExists, of one\'s own as in AWS per region', async (t) => {
  const a = clientOf(server.endpoint, '111122223333');
  const b = clientOf(server.endpoint, '444455556666');
  const bucket = uniqueBucket('acct-taken');
  await a.send(new CreateBucketCommand({ Bucket: bucket }));
  const taken = await errorOf(b.send(new CreateBucketCommand({ Bucket: bucket })));
  t.is(taken.name, 'BucketAlreadyExists');
  t.is(taken.$metadata.httpStatusCode, 409);
  // us-east-1: re-creating one's own bucket succeeds (legacy behaviour).
  await a.send(new CreateBucketCommand({ Bucket: bucket }));

  const aEu = clientOf(server.endpoint, '111122223333', 'eu-west-1');
  const bEu = clientOf(server.endpoint, '444455556666', 'eu-west-1');
  const euBucket = uniqueBucket('acct-eu');
  await aEu.send(new CreateBucketCommand({ Bucket: euBucket, CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } }));
  const own = await errorOf(aEu.send(new CreateBucketCommand({ Bucket: euBucket, CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } })));
  t.is(own.name, 'BucketAlreadyOwnedByYou');
  t.is(own.$metadata.httpStatusCode, 409);
  const other = await errorOf(bEu.send(new CreateBucketCommand({ Bucket: euBucket, CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } })));
  t.is(other.name, 'BucketAlreadyExists');
});

test('another account\'s bucket is AccessDenied for bucket and object operations', async (t) => {
  const a = clientOf(server.endpoint, '111122223333');
  const b = clientOf(server.endpoint, '444455556666');
  const bucket = uniqueBucket('acct-private');
  const mine = uniqueBucket('acct-mine');
  await a.send(new CreateBucketCommand({ Bucket: bucket }));
  await a.send(new PutObjectCommand({ Bucket: bucket, Key: 'secret.txt', Body: 'only for a' }));
  await b.send(new CreateBucketCommand({ Bucket: mine }));
  const attempts: [string, Promise<unknown>][] = [
    ['GetObject', b.send(new GetObjectCommand({ Bucket: bucket, Key: 'secret.txt' }))],
    ['PutObject', b.send(new PutObjectCommand({ Bucket: bucket, Key: 'x', Body: 'y' }))],
    ['ListObjectsV2', b.send(new ListObjectsV2Command({ Bucket: bucket }))],
    ['HeadBucket', b.send(new HeadBucketCommand({ Bucket: bucket }))],
    ['DeleteBucket', b.send(new DeleteBucketCommand({ Bucket: bucket }))],
    ['CopyObject from it', b.send(new CopyObjectCommand({ Bucket: mine, Key: 'stolen', CopySource: `${bucket}/secret.txt` }))],
  ];
  for (const [what, attempt] of attempts) {
    const err = await errorOf(attempt);
    t.is(err.$metadata.httpStatusCode, 403, what);
    if (what !== 'HeadBucket') t.is(err.name, 'AccessDenied', what);
  }
  // Still there, unchanged, for its owner.
  const got = await a.send(new GetObjectCommand({ Bucket: bucket, Key: 'secret.txt' }));
  t.is(await got.Body!.transformToString(), 'only for a');
  t.deepEqual((await a.send(new ListObjectsV2Command({ Bucket: bucket }))).Contents?.map((o) => o.Key), ['secret.txt']);
});

test('a presigned URL carries its key\'s account (X-Amz-Credential)', async (t) => {
  const a = clientOf(server.endpoint, '111122223333');
  const b = clientOf(server.endpoint, '444455556666');
  const bucket = uniqueBucket('acct-presign');
  await a.send(new CreateBucketCommand({ Bucket: bucket }));
  await a.send(new PutObjectCommand({ Bucket: bucket, Key: 'k', Body: 'v' }));
  const byOwner = await fetch(await getSignedUrl(a, new GetObjectCommand({ Bucket: bucket, Key: 'k' }), { expiresIn: 60 }));
  t.is(byOwner.status, 200);
  t.is(await byOwner.text(), 'v');
  const byOther = await fetch(await getSignedUrl(b, new GetObjectCommand({ Bucket: bucket, Key: 'k' }), { expiresIn: 60 }));
  t.is(byOther.status, 403);
  t.regex(await byOther.text(), /<Code>AccessDenied<\/Code>/);
});

test('a SigV2 Authorization header names its account too', async (t) => {
  const a = clientOf(server.endpoint, '111122223333');
  const bucket = uniqueBucket('acct-sigv2');
  await a.send(new CreateBucketCommand({ Bucket: bucket }));
  const list = (key: string): Promise<string> => fetch(`${server.endpoint}/`, { headers: { authorization: `AWS ${key}:c2lnbmF0dXJl` } }).then((r) => r.text());
  t.true((await list('111122223333')).includes(`<Name>${bucket}</Name>`));
  t.false((await list('444455556666')).includes(`<Name>${bucket}</Name>`));
});

test('--default-account-id is the account of keys that are not account ids', async (t) => {
  const other = await startBoltstack({ defaultAccountId: '999988887777' });
  try {
    const plain = clientOf(other.endpoint, 'test');
    const bucket = uniqueBucket('acct-default');
    await plain.send(new CreateBucketCommand({ Bucket: bucket }));
    t.deepEqual((await plain.send(new ListBucketsCommand({}))).Owner, ownerOf('999988887777'));
    await plain.send(new HeadBucketCommand({ Bucket: bucket, ExpectedBucketOwner: '999988887777' }));
    // The same account named by its own 12-digit key sees the bucket; the usual default does not.
    t.true((await namesOf(clientOf(other.endpoint, '999988887777'))).includes(bucket));
    t.false((await namesOf(clientOf(other.endpoint, '000000000000'))).includes(bucket));
  } finally {
    await other.stop();
  }
});
