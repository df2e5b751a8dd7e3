/**
 * A replay of the calls Terraform's AWS provider (v5, SDK for Go v2) makes for the bucket
 * settings users write as resources of their own since provider v4, in the module most
 * configurations use: aws_s3_bucket, aws_s3_bucket_ownership_controls (BucketOwnerPreferred),
 * aws_s3_bucket_acl (private, depends on the ownership controls), aws_s3_bucket_public_access_block,
 * aws_s3_bucket_versioning, aws_s3_bucket_server_side_encryption_configuration (AES256) and
 * aws_s3_object. Source, hashicorp/terraform-provider-aws internal/service/s3/ (v5.x):
 * bucket_ownership_controls.go, bucket_acl.go, bucket_public_access_block.go,
 * bucket_versioning.go, bucket_server_side_encryption_configuration.go, object.go; the call
 * sequences are written down in docs/s3.md § Terraform.
 *
 * Each resource: create (its write, then the provider's "wait until found" read, then its Read),
 * two refreshes equal to what was written (no drift), destroy (its delete, then the provider's
 * "wait until not found" read where it has one), and the read after destroy answering what the
 * provider reads as gone. The provider polls those waits for 2 minutes; boltstack answers at once,
 * so the first answer must already be the awaited one. Where boltstack does not emulate a
 * setting, the write answers 501 NotImplemented naming the operation or the parameter, never a
 * silent success.
 */
import test from 'ava';
import {
  CreateBucketCommand, DeleteBucketCommand, DeleteBucketEncryptionCommand, DeleteBucketOwnershipControlsCommand, DeleteObjectCommand,
  DeletePublicAccessBlockCommand, GetBucketAclCommand, GetBucketEncryptionCommand, GetBucketOwnershipControlsCommand,
  GetBucketVersioningCommand, GetObjectTaggingCommand, GetPublicAccessBlockCommand, HeadBucketCommand, HeadObjectCommand,
  ListBucketsCommand, PutBucketAclCommand, PutBucketEncryptionCommand, PutBucketOwnershipControlsCommand, PutBucketVersioningCommand,
  PutObjectCommand, PutPublicAccessBlockCommand, type S3Client,
} from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import { errorOf } from '../helpers/errors.js';
import { s3Client, startBoltstack, uniqueBucket } from '../helpers/server.js';
import type { Boltstack } from '../../src/index.js';

let server: Boltstack;
let s3: S3Client;
test.before(async () => {
  server = await startBoltstack();
  s3 = s3Client(server.endpoint);
});
test.after.always(async () => {
  s3?.destroy();
  await server?.stop();
});

const GONE = 'gone';
type Read<T> = () => Promise<T | typeof GONE>;

/** A provider finder: the error codes it maps to "not found" (tfresource.NotFound); any other error fails the apply. */
async function find<T>(call: () => Promise<T>, goneCodes: readonly string[]): Promise<T | typeof GONE> {
  try {
    return await call();
  } catch (err) {
    if (goneCodes.includes((err as Error).name)) return GONE;
    throw err;
  }
}

// ---- Each resource's Read, as the state it sets ----

/** findOwnershipControls: NoSuchBucket and OwnershipControlsNotFoundError are "gone". */
const readOwnership = (Bucket: string): Read<unknown> => () => find(async () => {
  const out = await s3.send(new GetBucketOwnershipControlsCommand({ Bucket }));
  return { rule: out.OwnershipControls!.Rules!.map((r) => ({ object_ownership: r.ObjectOwnership })) };
}, ['NoSuchBucket', 'OwnershipControlsNotFoundError']);

/** findBucketACL: only NoSuchBucket is "gone"; the state is the whole policy read back. */
const readAcl = (Bucket: string): Read<unknown> => () => find(async () => {
  const out = await s3.send(new GetBucketAclCommand({ Bucket }));
  return { access_control_policy: { owner: out.Owner, grant: out.Grants } };
}, ['NoSuchBucket']);

/** findPublicAccessBlockConfiguration: NoSuchBucket and NoSuchPublicAccessBlockConfiguration are "gone". */
const readPublicAccessBlock = (Bucket: string): Read<unknown> => () => find(async () => {
  const c = (await s3.send(new GetPublicAccessBlockCommand({ Bucket }))).PublicAccessBlockConfiguration!;
  return { block_public_acls: c.BlockPublicAcls, block_public_policy: c.BlockPublicPolicy, ignore_public_acls: c.IgnorePublicAcls, restrict_public_buckets: c.RestrictPublicBuckets };
}, ['NoSuchBucket', 'NoSuchPublicAccessBlockConfiguration']);

/** The versioning Read: three consecutive equal GetBucketVersioning answers; an empty Status is "Disabled". */
const readVersioning = (Bucket: string): Read<unknown> => async () => {
  const answers: unknown[] = [];
  for (let i = 0; i < 3; i++) {
    const out = await find(() => s3.send(new GetBucketVersioningCommand({ Bucket })), ['NoSuchBucket']);
    if (out === GONE) return GONE;
    answers.push({ status: out.Status ?? 'Disabled', mfa_delete: out.MFADelete });
  }
  return answers.every((a) => JSON.stringify(a) === JSON.stringify(answers[0])) ? answers[0] : 'unsettled';
};

/** findServerSideEncryptionConfiguration: NoSuchBucket and ServerSideEncryptionConfigurationNotFoundError are "gone". */
const readEncryption = (Bucket: string): Read<unknown> => () => find(async () => {
  const rules = (await s3.send(new GetBucketEncryptionCommand({ Bucket }))).ServerSideEncryptionConfiguration!.Rules!;
  return { rule: rules.map((r) => ({ sse_algorithm: r.ApplyServerSideEncryptionByDefault?.SSEAlgorithm, kms_master_key_id: r.ApplyServerSideEncryptionByDefault?.KMSMasterKeyID, bucket_key_enabled: r.BucketKeyEnabled })) };
}, ['NoSuchBucket', 'ServerSideEncryptionConfigurationNotFoundError']);

/** aws_s3_object's Read: HeadObject (HTTP 404 is "gone"), then GetObjectTagging. */
const readObject = (Bucket: string, Key: string): Read<unknown> => async () => {
  try {
    const head = await s3.send(new HeadObjectCommand({ Bucket, Key }));
    const tags = await s3.send(new GetObjectTaggingCommand({ Bucket, Key }));
    return { etag: head.ETag?.replace(/"/g, ''), content_type: head.ContentType, storage_class: head.StorageClass ?? 'STANDARD', version_id: head.VersionId, tags: tags.TagSet };
  } catch (err) {
    if ((err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return GONE;
    throw err;
  }
};

/** aws_s3_bucket's create: HeadBucket 404 (us-east-1), CreateBucket with x-amz-acl private as v6 sends it, HeadBucket until found. */
async function createBucket(Bucket: string): Promise<void> {
  t404(await errorOf(s3.send(new HeadBucketCommand({ Bucket }))));
  await s3.send(new CreateBucketCommand({ Bucket, ACL: 'private', CreateBucketConfiguration: {} }));
  await s3.send(new HeadBucketCommand({ Bucket }));
}
function t404(err: { $metadata: { httpStatusCode?: number } }): void {
  if (err.$metadata.httpStatusCode !== 404) throw new Error(`HeadBucket answered ${err.$metadata.httpStatusCode}, the provider wants a 404`);
}

test('the common module: ownership controls BucketOwnerPreferred, acl private, public access block, versioning Disabled, AES256 encryption and an object: apply, refresh twice without drift, destroy', async (t) => {
  const Bucket = uniqueBucket('tf-module');
  await createBucket(Bucket);
  const owner = (await s3.send(new ListBucketsCommand({}))).Owner!.ID!;

  // aws_s3_bucket_ownership_controls: Put, then findOwnershipControls until found, then Read.
  await s3.send(new PutBucketOwnershipControlsCommand({ Bucket, OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerPreferred' }] } }));
  const ownership = { rule: [{ object_ownership: 'BucketOwnerPreferred' }] };
  t.deepEqual(await readOwnership(Bucket)(), ownership, 'created, found at once');

  // aws_s3_bucket_acl (depends_on the controls): PutBucketAcl x-amz-acl private on an ACLs-on bucket, then findBucketACL, then Read.
  await s3.send(new PutBucketAclCommand({ Bucket, ACL: 'private' }));
  const acl = { access_control_policy: { owner: { ID: owner }, grant: [{ Grantee: { ID: owner, Type: 'CanonicalUser' }, Permission: 'FULL_CONTROL' }] } };
  t.deepEqual(await readAcl(Bucket)(), acl, 'the owner\'s FULL_CONTROL, what private means');

  // aws_s3_bucket_public_access_block: all four booleans always sent.
  await s3.send(new PutPublicAccessBlockCommand({ Bucket, PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: false, RestrictPublicBuckets: true } }));
  const pab = { block_public_acls: true, block_public_policy: true, ignore_public_acls: false, restrict_public_buckets: true };
  t.deepEqual(await readPublicAccessBlock(Bucket)(), pab, 'all four read back, the false one included');

  // aws_s3_bucket_versioning with status Disabled: no write at all, then the Read.
  const versioning = { status: 'Disabled', mfa_delete: undefined };
  t.deepEqual(await readVersioning(Bucket)(), versioning);

  // aws_s3_bucket_server_side_encryption_configuration: one rule, BucketKeyEnabled always sent (false when unset).
  await s3.send(new PutBucketEncryptionCommand({ Bucket, ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' }, BucketKeyEnabled: false }] } }));
  const encryption = { rule: [{ sse_algorithm: 'AES256', kms_master_key_id: undefined, bucket_key_enabled: false }] };
  t.deepEqual(await readEncryption(Bucket)(), encryption);

  // aws_s3_object: one PutObject (content = "v"), then its Read.
  await s3.send(new PutObjectCommand({ Bucket, Key: 'k', Body: 'v' }));
  const object = { etag: createHash('md5').update('v').digest('hex'), content_type: 'application/octet-stream', storage_class: 'STANDARD', version_id: undefined, tags: [] };
  t.deepEqual(await readObject(Bucket, 'k')(), object);

  // Two refreshes: every Read answers what was written.
  for (const refresh of [1, 2]) {
    t.deepEqual(await readOwnership(Bucket)(), ownership, `refresh ${refresh}: ownership controls`);
    t.deepEqual(await readAcl(Bucket)(), acl, `refresh ${refresh}: acl`);
    t.deepEqual(await readPublicAccessBlock(Bucket)(), pab, `refresh ${refresh}: public access block`);
    t.deepEqual(await readVersioning(Bucket)(), versioning, `refresh ${refresh}: versioning`);
    t.deepEqual(await readEncryption(Bucket)(), encryption, `refresh ${refresh}: encryption`);
    t.deepEqual(await readObject(Bucket, 'k')(), object, `refresh ${refresh}: object`);
  }

  // Destroy, in reverse dependency order.
  // aws_s3_object: no version id known, one DeleteObject (NoSuchKey, NoSuchBucket tolerated).
  await s3.send(new DeleteObjectCommand({ Bucket, Key: 'k' }));
  t.is(await readObject(Bucket, 'k')(), GONE);
  // Encryption: DeleteBucketEncryption, no wait "as the bucket now always has one": AES256 again.
  await s3.send(new DeleteBucketEncryptionCommand({ Bucket }));
  t.deepEqual(await readEncryption(Bucket)(), encryption, 'reset to the default, SSE-S3');
  // Versioning Disabled: the delete writes nothing. ACL: the delete is a no-op in the provider.
  // Public access block: delete, then until NoSuchPublicAccessBlockConfiguration.
  await s3.send(new DeletePublicAccessBlockCommand({ Bucket }));
  t.is(await readPublicAccessBlock(Bucket)(), GONE, 'NoSuchPublicAccessBlockConfiguration at once');
  // Ownership controls: delete (OperationAborted retried), then until OwnershipControlsNotFoundError.
  await s3.send(new DeleteBucketOwnershipControlsCommand({ Bucket }));
  t.is(await readOwnership(Bucket)(), GONE, 'OwnershipControlsNotFoundError at once');
  // aws_s3_bucket: DeleteBucket, then HeadBucket until 404.
  await s3.send(new DeleteBucketCommand({ Bucket }));
  t404(await errorOf(s3.send(new HeadBucketCommand({ Bucket }))));

  // After destroy every Read answers what the provider takes for gone.
  for (const read of [readOwnership(Bucket), readAcl(Bucket), readPublicAccessBlock(Bucket), readVersioning(Bucket), readEncryption(Bucket), readObject(Bucket, 'k')]) {
    t.is(await read(), GONE);
  }
});

test('aws_s3_bucket_ownership_controls BucketOwnerEnforced without an acl resource: apply, refresh, destroy; the bucket\'s ACLs are off again only while the controls exist', async (t) => {
  const Bucket = uniqueBucket('tf-enforced');
  await createBucket(Bucket);
  await s3.send(new PutBucketOwnershipControlsCommand({ Bucket, OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] } }));
  const ownership = { rule: [{ object_ownership: 'BucketOwnerEnforced' }] };
  for (let i = 0; i < 3; i++) t.deepEqual(await readOwnership(Bucket)(), ownership);
  t.is((await errorOf(s3.send(new PutBucketAclCommand({ Bucket, ACL: 'private' })))).name, 'AccessControlListNotSupported');
  await s3.send(new DeleteBucketOwnershipControlsCommand({ Bucket }));
  t.is(await readOwnership(Bucket)(), GONE);
  // Without controls S3 treats the bucket as ObjectWriter: ACLs on, the owner's own applies.
  await s3.send(new PutBucketAclCommand({ Bucket, ACL: 'private' }));
  // A second delete, as after a failed apply: still 204.
  await s3.send(new DeleteBucketOwnershipControlsCommand({ Bucket }));
  // Applying the resource again puts the controls back.
  await s3.send(new PutBucketOwnershipControlsCommand({ Bucket, OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] } }));
  t.deepEqual(await readOwnership(Bucket)(), ownership);
  await s3.send(new DeleteBucketCommand({ Bucket }));
  t.is(await readOwnership(Bucket)(), GONE, 'NoSuchBucket is gone too');
});

test('aws_s3_bucket_acl with access_control_policy granting the owner alone (the GetBucketAcl owner fed back): apply and refresh without drift', async (t) => {
  const Bucket = uniqueBucket('tf-acp');
  await createBucket(Bucket);
  await s3.send(new PutBucketOwnershipControlsCommand({ Bucket, OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerPreferred' }] } }));
  // What users write: owner { id = data.aws_canonical_user_id.current.id } and one FULL_CONTROL grant to it.
  const owner = (await s3.send(new GetBucketAclCommand({ Bucket }))).Owner!.ID!;
  const policy = { Owner: { ID: owner }, Grants: [{ Grantee: { ID: owner, Type: 'CanonicalUser' as const }, Permission: 'FULL_CONTROL' as const }] };
  await s3.send(new PutBucketAclCommand({ Bucket, AccessControlPolicy: policy }));
  const state = { access_control_policy: { owner: policy.Owner, grant: policy.Grants } };
  for (let i = 0; i < 3; i++) t.deepEqual(await readAcl(Bucket)(), state);
  await s3.send(new DeleteBucketCommand({ Bucket }));
  t.is(await readAcl(Bucket)(), GONE);
});

test('a new bucket already has what the resources would set by default: all four public access blocks, SSE-S3 (S3 since 2023)', async (t) => {
  const Bucket = uniqueBucket('tf-defaults');
  await createBucket(Bucket);
  t.deepEqual(await readPublicAccessBlock(Bucket)(), { block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true });
  t.deepEqual(await readEncryption(Bucket)(), { rule: [{ sse_algorithm: 'AES256', kms_master_key_id: undefined, bucket_key_enabled: false }] });
  // An update of the public access block: the provider takes its state from the request and does not read.
  await s3.send(new PutPublicAccessBlockCommand({ Bucket, PublicAccessBlockConfiguration: { BlockPublicAcls: false, BlockPublicPolicy: false, IgnorePublicAcls: false, RestrictPublicBuckets: false } }));
  t.deepEqual(await readPublicAccessBlock(Bucket)(), { block_public_acls: false, block_public_policy: false, ignore_public_acls: false, restrict_public_buckets: false });
  // Destroying a public access block already gone: 204, as S3 answers it.
  await s3.send(new DeletePublicAccessBlockCommand({ Bucket }));
  await s3.send(new DeletePublicAccessBlockCommand({ Bucket }));
  t.is(await readPublicAccessBlock(Bucket)(), GONE);
  await s3.send(new DeleteBucketCommand({ Bucket }));
});

test('what boltstack does not emulate fails the apply with 501 NotImplemented naming the operation or parameter: versioning Enabled, a KMS default, an ObjectWriter rule, a public ACL', async (t) => {
  const Bucket = uniqueBucket('tf-unemulated');
  await createBucket(Bucket);
  const cases: [string, () => Promise<unknown>, string][] = [
    ['aws_s3_bucket_versioning status Enabled', () => s3.send(new PutBucketVersioningCommand({ Bucket, VersioningConfiguration: { Status: 'Enabled' } })), 'PutBucketVersioning'],
    ['aws_s3_bucket_server_side_encryption_configuration aws:kms', () => s3.send(new PutBucketEncryptionCommand({ Bucket, ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms' }, BucketKeyEnabled: true }] } })), 'SSEAlgorithm'],
    ['aws_s3_bucket_ownership_controls ObjectWriter', () => s3.send(new PutBucketOwnershipControlsCommand({ Bucket, OwnershipControls: { Rules: [{ ObjectOwnership: 'ObjectWriter' }] } })), 'OwnershipControls'],
    ['aws_s3_bucket_acl public-read on an ACLs-on bucket', () => s3.send(new PutBucketAclCommand({ Bucket, ACL: 'public-read' })), 'ACL'],
  ];
  for (const [resource, call, named] of cases) {
    const err = await errorOf(call());
    t.is(err.$metadata.httpStatusCode, 501, resource);
    t.is(err.name, 'NotImplemented', resource);
    t.true(err.message.includes(named), `${resource}: ${err.message}`);
  }
  // Nothing was changed by them.
  t.deepEqual(await readVersioning(Bucket)(), { status: 'Disabled', mfa_delete: undefined });
  t.deepEqual(await readEncryption(Bucket)(), { rule: [{ sse_algorithm: 'AES256', kms_master_key_id: undefined, bucket_key_enabled: false }] });
  t.deepEqual(await readOwnership(Bucket)(), { rule: [{ object_ownership: 'BucketOwnerPreferred' }] });
  await s3.send(new DeleteBucketCommand({ Bucket }));
});
