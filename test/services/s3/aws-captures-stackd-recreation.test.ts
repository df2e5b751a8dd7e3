/**
 * Re-creating a bucket you own, as native AWS S3 answered it (radkawar/stackd
 * testdata/aws/s3/recreation_controls_replay.json, 2026-09-22; calls re-expressed as SDK inputs).
 * In us-east-1 a repeat that would create the same bucket is 200 and changes nothing; one naming
 * creation tags (even identical ones) or another region is 409 BucketAlreadyOwnedByYou; a
 * regional endpoint always answers 409. Rows that need ownership controls or ACLs boltstack does
 * not implement (ObjectWriter, BucketOwnerPreferred, grants) are not replayed: boltstack's
 * buckets are BucketOwnerEnforced, the default the "default" rows use.
 */
import test from 'ava';
import {
  CreateBucketCommand, GetBucketLocationCommand, GetBucketTaggingCommand, GetObjectCommand, ListBucketsCommand,
  PutBucketTaggingCommand, PutObjectCommand, type S3Client,
} from '@aws-sdk/client-s3';
import { errorOf } from '../../helpers/errors.js';
import { s3Client, startBoltstack } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';

let server: Boltstack;
let s3: S3Client;
let west: S3Client;
const SRC = 'radkawar/stackd testdata/aws/s3/recreation_controls_replay.json';
test.before(async () => {
  server = await startBoltstack();
  s3 = s3Client(server.endpoint);
  west = s3Client(server.endpoint, { region: 'us-west-2' });
});
test.after.always(async () => { await server?.stop(); });

/** CreateBucket with creation tags, sent raw: this SDK does not model CreateBucketConfiguration.Tags. */
const createTagged = (bucket: string, tags: [string, string][]) => fetch(`${server.endpoint}/${bucket}`, {
  method: 'PUT',
  body: `<CreateBucketConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Tags>${
    tags.map(([k, v]) => `<Tag><Key>${k}</Key><Value>${v}</Value></Tag>`).join('')}</Tags></CreateBucketConfiguration>`,
  headers: { authorization: 'AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=00' },
});
const tagsOf = async (Bucket: string, client = s3) => (await client.send(new GetBucketTaggingCommand({ Bucket }))).TagSet;
const created = (Bucket: string) => ({ Location: `/${Bucket}`, BucketArn: `arn:aws:s3:::${Bucket}` });

test(`us-east-1: repeating a default create is 200 with Location and BucketArn, and keeps objects, tags and CreationDate [${SRC} seq 5, 177-200]`, async (t) => {
  const Bucket = 'recreation-default';
  await s3.send(new CreateBucketCommand({ Bucket }));
  await s3.send(new PutObjectCommand({ Bucket, Key: 'survivor', Body: 'default-retained', Metadata: { proof: 'default-retained' } }));
  await s3.send(new PutBucketTaggingCommand({ Bucket, Tagging: { TagSet: [{ Key: 'state', Value: 'default-retained' }] } }));
  const before = (await s3.send(new ListBucketsCommand({ Prefix: Bucket, MaxBuckets: 10 }))).Buckets?.[0]?.CreationDate;
  await new Promise((resolve) => setTimeout(resolve, 1100));
  const repeat = await s3.send(new CreateBucketCommand({ Bucket }));
  t.like(repeat, created(Bucket));
  t.is(repeat.$metadata.httpStatusCode, 200);
  // seq 5 (default-repeat-private): a canned private ACL is no different.
  t.like(await s3.send(new CreateBucketCommand({ Bucket, ACL: 'private' })), created(Bucket));
  t.deepEqual(await tagsOf(Bucket), [{ Key: 'state', Value: 'default-retained' }]);
  const after = (await s3.send(new ListBucketsCommand({ Prefix: Bucket, MaxBuckets: 10 }))).Buckets;
  t.deepEqual(after?.map((b) => [b.Name, b.CreationDate?.getTime(), b.BucketRegion]), [[Bucket, before?.getTime(), 'us-east-1']]);
  const object = await s3.send(new GetObjectCommand({ Bucket, Key: 'survivor' }));
  t.is(await object.Body?.transformToString(), 'default-retained');
  t.deepEqual(object.Metadata, { proof: 'default-retained' });
  t.is(object.ETag, '"a007f47bb2126eadb566822d79f1375e"');
});

test(`us-east-1: an empty CreateBucketConfiguration is 200; one naming us-west-2 is 409 and the bucket stays in us-east-1 [${SRC} seq 160-162]`, async (t) => {
  const Bucket = 'recreation-preserved';
  await s3.send(new CreateBucketCommand({ Bucket }));
  t.like(await s3.send(new CreateBucketCommand({ Bucket, CreateBucketConfiguration: {} })), created(Bucket));
  const err = await errorOf(s3.send(new CreateBucketCommand({ Bucket, CreateBucketConfiguration: { LocationConstraint: 'us-west-2' } })));
  t.is(err.name, 'BucketAlreadyOwnedByYou');
  t.is(err.$metadata.httpStatusCode, 409);
  t.is((await s3.send(new GetBucketLocationCommand({ Bucket }))).LocationConstraint, undefined);
});

test(`us-east-1: a repeat naming us-east-1 or no region at all is 400 InvalidLocationConstraint, as a first create is [${SRC} seq 59, 61]`, async (t) => {
  const Bucket = 'recreation-original-east';
  await s3.send(new CreateBucketCommand({ Bucket }));
  for (const LocationConstraint of ['us-east-1', 'invalid-region']) {
    const err = await errorOf(s3.send(new CreateBucketCommand({ Bucket, CreateBucketConfiguration: { LocationConstraint: LocationConstraint as 'us-west-2' } })));
    t.is(err.name, 'InvalidLocationConstraint', LocationConstraint);
    t.is(err.$metadata.httpStatusCode, 400);
  }
});

test(`us-east-1: a repeat with creation tags is 409 even when they are the bucket's own, and keeps them; an empty tag list is 200 [${SRC} seq 220-224]`, async (t) => {
  const Bucket = 'recreation-matching';
  t.is((await createTagged(Bucket, [['birth', 'original']])).status, 200);
  const repeat = await createTagged(Bucket, [['birth', 'original']]);
  t.is(repeat.status, 409);
  t.regex(await repeat.text(), /<Code>BucketAlreadyOwnedByYou<\/Code>/);
  t.deepEqual(await tagsOf(Bucket), [{ Key: 'birth', Value: 'original' }]);
  t.is((await createTagged(Bucket, [])).status, 200);
  t.deepEqual(await tagsOf(Bucket), [{ Key: 'birth', Value: 'original' }]);
});

test(`us-west-2: a matching repeat is 409, one without the constraint 400 IllegalLocationConstraintException, and both keep objects and tags [${SRC} seq 83-108, 201-203]`, async (t) => {
  const Bucket = 'recreation-original-west';
  const CreateBucketConfiguration = { LocationConstraint: 'us-west-2' as const };
  t.like(await west.send(new CreateBucketCommand({ Bucket, CreateBucketConfiguration })), { Location: `http://${Bucket}.s3.amazonaws.com/` });
  t.is((await west.send(new PutObjectCommand({ Bucket, Key: 'survivor', Body: 'west-recreation-survivor', Metadata: { proof: 'west-retained' } }))).ETag,
    '"b4d911d02e84e2d7b01e49120315a0ad"');
  await west.send(new PutBucketTaggingCommand({ Bucket, Tagging: { TagSet: [{ Key: 'state', Value: 'west-survives' }] } }));
  const matching = await errorOf(west.send(new CreateBucketCommand({ Bucket, ACL: 'private', CreateBucketConfiguration })));
  t.is(matching.name, 'BucketAlreadyOwnedByYou');
  t.is(matching.$metadata.httpStatusCode, 409);
  // Sent raw: the SDK fills in its own region as the constraint when none is given.
  const omitted = await fetch(`${server.endpoint}/${Bucket}`, {
    method: 'PUT', headers: { authorization: 'AWS4-HMAC-SHA256 Credential=test/20260101/us-west-2/s3/aws4_request, SignedHeaders=host, Signature=00' },
  });
  t.is(omitted.status, 400);
  t.regex(await omitted.text(), /<Code>IllegalLocationConstraintException<\/Code>/);
  t.deepEqual(await tagsOf(Bucket, west), [{ Key: 'state', Value: 'west-survives' }]);
  const object = await west.send(new GetObjectCommand({ Bucket, Key: 'survivor' }));
  t.is(await object.Body?.transformToString(), 'west-recreation-survivor');
  t.deepEqual(object.Metadata, { proof: 'west-retained' });
});
