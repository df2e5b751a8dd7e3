/**
 * Object Ownership of a new bucket. Since April 2023 S3 creates a bucket with Object Ownership
 * BucketOwnerEnforced (ACLs disabled) (AWS S3 User Guide, "Setting Object Ownership when you create
 * a bucket": "By default, S3 Object Ownership is set to the Bucket owner enforced setting, and ACLs
 * are disabled for new buckets"), but BucketOwnerPreferred (ACLs on) when the create names
 * x-amz-acl: private without x-amz-object-ownership (versity/versitygw#1869, #1871, measured
 * against S3 2026-02-18). A create naming an ACL that reaches past the owner is refused (CreateBucket API
 * reference, "Access control lists (ACLs)": 400 InvalidBucketAclWithObjectOwnership; the message
 * as AWS sends it, quoted by a terraform apply of `acl = "public-read"` against AWS, request id
 * R7QT6Z1B326K09EZ, and by a CloudFormation stack event, request id 3ME5A9NRJ4S2TAA7).
 */
import test from 'ava';
import {
  CreateBucketCommand, GetBucketOwnershipControlsCommand, GetObjectAclCommand, HeadBucketCommand, HeadObjectCommand, ListBucketsCommand,
  PutBucketAclCommand, PutBucketOwnershipControlsCommand, PutObjectAclCommand, PutObjectCommand, type BucketCannedACL, type S3Client,
} from '@aws-sdk/client-s3';
import { errorOf } from '../../helpers/errors.js';
import { s3Client, startBoltstack, uniqueBucket } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';

let server: Boltstack;
let s3: S3Client;
test.before(async () => { server = await startBoltstack(); s3 = s3Client(server.endpoint); });
test.after.always(async () => { s3?.destroy(); await server?.stop(); });

const ENFORCED = { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' as const }] };
const PREFERRED = { Rules: [{ ObjectOwnership: 'BucketOwnerPreferred' as const }] };

test('GetBucketOwnershipControls of a default bucket: BucketOwnerEnforced [radkawar/stackd testdata/aws/s3/ownership_replay.json seq 4 default-ownership]', async (t) => {
  const Bucket = uniqueBucket('own27');
  await s3.send(new CreateBucketCommand({ Bucket }));
  t.deepEqual((await s3.send(new GetBucketOwnershipControlsCommand({ Bucket }))).OwnershipControls, ENFORCED);
});

// versity/versitygw#1869 and #1871 (2026-02-18, measured against S3 for rclone, which creates
// every bucket with x-amz-acl: private): S3 takes the create and makes the bucket
// BucketOwnerPreferred, ACLs on, unless x-amz-object-ownership says BucketOwnerEnforced.
test('CreateBucket with x-amz-acl private and no x-amz-object-ownership makes a BucketOwnerPreferred bucket (ACLs on) [versity/versitygw#1869, #1871]', async (t) => {
  const Bucket = uniqueBucket('own27');
  await s3.send(new CreateBucketCommand({ Bucket, ACL: 'private' }));
  t.deepEqual((await s3.send(new GetBucketOwnershipControlsCommand({ Bucket }))).OwnershipControls, PREFERRED);
  // x-amz-object-ownership BucketOwnerPreferred asks for the same mode (CreateBucket API reference).
  const asked = uniqueBucket('own27');
  await s3.send(new CreateBucketCommand({ Bucket: asked, ObjectOwnership: 'BucketOwnerPreferred' }));
  t.deepEqual((await s3.send(new GetBucketOwnershipControlsCommand({ Bucket: asked }))).OwnershipControls, PREFERRED);
  const publicAsked = await errorOf(s3.send(new CreateBucketCommand({ Bucket: uniqueBucket('own27'), ObjectOwnership: 'BucketOwnerPreferred', ACL: 'public-read' })));
  t.is(publicAsked.name, 'NotImplemented', 'ACLs on and a public ACL: S3 would apply it, boltstack stores no ACLs');
  const writer = await errorOf(s3.send(new CreateBucketCommand({ Bucket: uniqueBucket('own27'), ObjectOwnership: 'ObjectWriter' })));
  t.is(writer.name, 'NotImplemented');
  const enforced = uniqueBucket('own27');
  await s3.send(new CreateBucketCommand({ Bucket: enforced, ACL: 'private', ObjectOwnership: 'BucketOwnerEnforced' }));
  t.deepEqual((await s3.send(new GetBucketOwnershipControlsCommand({ Bucket: enforced }))).OwnershipControls, ENFORCED);
});

test('on a bucket with ACLs on, the owner\'s own ACL is applied (200) where an ACLs-off bucket refuses it; an ACL for others is not emulated [ownership_replay.json seq 603, PutBucketAcl private on an ACLs-on bucket; seq 57-59 on an ACLs-off one]', async (t) => {
  const owner = (await s3.send(new ListBucketsCommand({}))).Owner!.ID!;
  const Bucket = uniqueBucket('own27');
  await s3.send(new CreateBucketCommand({ Bucket, ACL: 'private' }));
  await s3.send(new PutObjectCommand({ Bucket, Key: 'k', Body: 'x', ACL: 'private' }));
  await s3.send(new PutObjectCommand({ Bucket, Key: 'g', Body: 'x', GrantFullControl: `id="${owner}"` }));
  await s3.send(new PutBucketAclCommand({ Bucket, ACL: 'private' }));
  await s3.send(new PutObjectAclCommand({ Bucket, Key: 'k', ACL: 'private' }));
  await s3.send(new PutObjectAclCommand({ Bucket, Key: 'k', AccessControlPolicy: { Owner: { ID: owner }, Grants: [{ Grantee: { Type: 'CanonicalUser', ID: owner }, Permission: 'FULL_CONTROL' }] } }));
  t.deepEqual((await s3.send(new GetObjectAclCommand({ Bucket, Key: 'k' }))).Grants, [{ Grantee: { Type: 'CanonicalUser', ID: owner }, Permission: 'FULL_CONTROL' }]);
  for (const call of [
    () => s3.send(new PutObjectCommand({ Bucket, Key: 'p', Body: 'x', ACL: 'public-read' })),
    () => s3.send(new PutBucketAclCommand({ Bucket, ACL: 'public-read' })),
    () => s3.send(new PutObjectAclCommand({ Bucket, Key: 'k', GrantRead: `id="${owner}"` })),
  ]) t.is((await errorOf(call())).name, 'NotImplemented');
  await t.throwsAsync(s3.send(new HeadObjectCommand({ Bucket, Key: 'p' })), undefined, 'nothing written');
  // The same owner-only ACLs on a default bucket (ACLs off) stay refused.
  const off = uniqueBucket('own27');
  await s3.send(new CreateBucketCommand({ Bucket: off }));
  t.is((await errorOf(s3.send(new PutBucketAclCommand({ Bucket: off, ACL: 'private' })))).name, 'AccessControlListNotSupported');
  t.is((await errorOf(s3.send(new PutObjectCommand({ Bucket: off, Key: 'p', Body: 'x', ACL: 'public-read' })))).name, 'AccessControlListNotSupported');
});

test('CreateBucket with a canned ACL that grants others is 400 InvalidBucketAclWithObjectOwnership and no bucket is made', async (t) => {
  for (const ACL of ['public-read', 'public-read-write', 'authenticated-read', 'log-delivery-write'] as BucketCannedACL[]) {
    for (const ownership of [{}, { ObjectOwnership: 'BucketOwnerEnforced' as const }]) {
      const Bucket = uniqueBucket('own27');
      const err = await errorOf(s3.send(new CreateBucketCommand({ Bucket, ACL, ...ownership })));
      t.is(err.name, 'InvalidBucketAclWithObjectOwnership', ACL);
      t.is(err.$metadata.httpStatusCode, 400);
      t.is(err.message, "Bucket cannot have ACLs set with ObjectOwnership's BucketOwnerEnforced setting");
      await t.throwsAsync(s3.send(new HeadBucketCommand({ Bucket })), undefined, `${ACL}: no bucket`);
    }
  }
});

test('CreateBucket granting a group or another account by header is refused alike; a full-control grant to the owner alone is a plain create', async (t) => {
  const owner = (await s3.send(new ListBucketsCommand({}))).Owner!.ID!;
  const group = await errorOf(s3.send(new CreateBucketCommand({ Bucket: uniqueBucket('own27'), GrantRead: 'uri="http://acs.amazonaws.com/groups/global/AllUsers"' })));
  t.is(group.name, 'InvalidBucketAclWithObjectOwnership');
  const other = await errorOf(s3.send(new CreateBucketCommand({ Bucket: uniqueBucket('own27'), GrantFullControl: `id="${owner}", id="${'0'.repeat(64)}"` })));
  t.is(other.name, 'InvalidBucketAclWithObjectOwnership');
  const Bucket = uniqueBucket('own27');
  await s3.send(new CreateBucketCommand({ Bucket, GrantFullControl: `id="${owner}"` }));
  t.deepEqual((await s3.send(new GetBucketOwnershipControlsCommand({ Bucket }))).OwnershipControls, ENFORCED);
});

test('PutBucketOwnershipControls moves a bucket between BucketOwnerEnforced and BucketOwnerPreferred; ObjectWriter is not emulated [ownership_replay.json seq 9-10, 485-486, 496-497]', async (t) => {
  const Bucket = uniqueBucket('own27');
  await s3.send(new CreateBucketCommand({ Bucket }));
  await s3.send(new PutBucketOwnershipControlsCommand({ Bucket, OwnershipControls: ENFORCED }));
  t.deepEqual((await s3.send(new GetBucketOwnershipControlsCommand({ Bucket }))).OwnershipControls, ENFORCED);
  await s3.send(new PutBucketOwnershipControlsCommand({ Bucket, OwnershipControls: PREFERRED }));
  t.deepEqual((await s3.send(new GetBucketOwnershipControlsCommand({ Bucket }))).OwnershipControls, PREFERRED);
  await s3.send(new PutBucketAclCommand({ Bucket, ACL: 'private' }));
  await s3.send(new PutBucketOwnershipControlsCommand({ Bucket, OwnershipControls: ENFORCED }));
  t.is((await errorOf(s3.send(new PutBucketAclCommand({ Bucket, ACL: 'private' })))).name, 'AccessControlListNotSupported');
  const err = await errorOf(s3.send(new PutBucketOwnershipControlsCommand({ Bucket, OwnershipControls: { Rules: [{ ObjectOwnership: 'ObjectWriter' as const }] } })));
  t.is(err.name, 'NotImplemented');
  t.deepEqual((await s3.send(new GetBucketOwnershipControlsCommand({ Bucket }))).OwnershipControls, ENFORCED);
});

test('GetBucketOwnershipControls of a missing bucket is NoSuchBucket', async (t) => {
  const err = await errorOf(s3.send(new GetBucketOwnershipControlsCommand({ Bucket: uniqueBucket('own27-missing') })));
  t.is(err.name, 'NoSuchBucket');
});
