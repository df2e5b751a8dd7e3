/**
 * A replay of the calls Terraform's AWS provider makes for aws_s3_bucket (with tags and
 * force_destroy) and aws_s3_object (../shared/conformance/terraform-aws-calls.md §2.0, §2.1, §2.7):
 * create, the 15-call bucket read with every answer either a document or an error code the
 * provider tolerates for that call, the object's read with nothing drifting, a second refresh
 * equal to the first, and destroy with force_destroy over an object Terraform does not manage
 * (BucketNotEmpty, then ListObjectVersions and DeleteObjects by version, then DeleteBucket).
 * An answer outside the tolerated set fails the provider's refresh or destroy.
 */
import test from 'ava';
import { createHash } from 'node:crypto';
import {
  CreateBucketCommand, DeleteBucketCommand, DeleteObjectCommand, DeleteObjectsCommand, GetBucketAccelerateConfigurationCommand,
  GetBucketAclCommand, GetBucketCorsCommand, GetBucketEncryptionCommand, GetBucketLifecycleConfigurationCommand, GetBucketLoggingCommand,
  GetBucketPolicyCommand, GetBucketReplicationCommand, GetBucketRequestPaymentCommand, GetBucketTaggingCommand, GetBucketVersioningCommand,
  GetBucketWebsiteCommand, GetObjectLockConfigurationCommand, GetObjectTaggingCommand, HeadBucketCommand, HeadObjectCommand,
  ListObjectVersionsCommand, PutObjectCommand, type S3Client,
} from '@aws-sdk/client-s3';
import { s3Client, startBoltstack } from '../helpers/server.js';

interface SdkError { name: string; $metadata?: { httpStatusCode?: number } }

/** The codes the provider reads as "not configured" on every bucket sub-resource call (§2.1). */
const UNSUPPORTED = ['MethodNotAllowed', 'NotImplemented', 'XNotImplemented'];

/** The provider's read of one sub-resource: the document, or null for a tolerated error. */
async function tolerated<T>(call: Promise<T>, codes: string[]): Promise<T | null> {
  try {
    return await call;
  } catch (err) {
    const name = (err as SdkError).name;
    if ([...codes, ...UNSUPPORTED].includes(name)) return null;
    throw new Error(`the provider fails the refresh on ${name}`);
  }
}

/** The 15 calls of aws_s3_bucket's Read, in the provider's order, as the state it builds. */
async function readBucket(s3: S3Client, Bucket: string): Promise<Record<string, unknown>> {
  const head = await s3.send(new HeadBucketCommand({ Bucket }));
  const state: Record<string, unknown> = {
    policy: (await tolerated(s3.send(new GetBucketPolicyCommand({ Bucket })), ['NoSuchBucketPolicy']))?.Policy ?? null,
    acl: (await tolerated(s3.send(new GetBucketAclCommand({ Bucket })), []))?.Grants ?? null,
    cors: (await tolerated(s3.send(new GetBucketCorsCommand({ Bucket })), ['NoSuchCORSConfiguration']))?.CORSRules ?? null,
    website: await tolerated(s3.send(new GetBucketWebsiteCommand({ Bucket })), ['NoSuchWebsiteConfiguration']).then((o) => o?.IndexDocument ?? null),
    versioning: (await tolerated(s3.send(new GetBucketVersioningCommand({ Bucket })), []))?.Status ?? 'Disabled',
    acceleration: (await tolerated(s3.send(new GetBucketAccelerateConfigurationCommand({ Bucket })), ['UnsupportedArgument', 'UnsupportedOperation']))?.Status ?? null,
    requestPayer: (await tolerated(s3.send(new GetBucketRequestPaymentCommand({ Bucket })), []))?.Payer ?? null,
    logging: (await tolerated(s3.send(new GetBucketLoggingCommand({ Bucket })), []))?.LoggingEnabled ?? null,
    lifecycle: (await tolerated(s3.send(new GetBucketLifecycleConfigurationCommand({ Bucket })), ['NoSuchLifecycleConfiguration']))?.Rules ?? null,
    replication: (await tolerated(s3.send(new GetBucketReplicationCommand({ Bucket })), ['ReplicationConfigurationNotFoundError']))?.ReplicationConfiguration ?? null,
    encryption: (await tolerated(s3.send(new GetBucketEncryptionCommand({ Bucket })), ['ServerSideEncryptionConfigurationNotFoundError', 'UnsupportedOperation']))
      ?.ServerSideEncryptionConfiguration ?? null,
    objectLock: (await tolerated(s3.send(new GetObjectLockConfigurationCommand({ Bucket })), ['ObjectLockConfigurationNotFoundError']))?.ObjectLockConfiguration ?? null,
  };
  // Call 14, the SDK's GetBucketRegion: the region header (missing, the provider's domain names go wrong).
  state.region = (await s3.send(new HeadBucketCommand({ Bucket }))).BucketRegion;
  state.tags = (await tolerated(s3.send(new GetBucketTaggingCommand({ Bucket })), ['NoSuchTagSet']))?.TagSet ?? [];
  state.headRegion = head.BucketRegion;
  return state;
}

async function readObject(s3: S3Client, Bucket: string, Key: string): Promise<Record<string, unknown>> {
  const head = await s3.send(new HeadObjectCommand({ Bucket, Key }));
  const tags = await s3.send(new GetObjectTaggingCommand({ Bucket, Key }));
  return {
    etag: head.ETag?.replace(/"/g, ''), contentType: head.ContentType, cacheControl: head.CacheControl, metadata: head.Metadata,
    storageClass: head.StorageClass ?? 'STANDARD', tags: tags.TagSet,
  };
}

test('aws_s3_bucket (tags, force_destroy) + aws_s3_object: apply, refresh twice without drift, destroy', async (t) => {
  const server = await startBoltstack();
  const s3 = s3Client(server.endpoint);
  const Bucket = 'tf-replay-artifacts';
  try {
    // Create: HeadBucket first (us-east-1): a 404 with no body means the name is free.
    const free = await t.throwsAsync(s3.send(new HeadBucketCommand({ Bucket }))) as unknown as SdkError;
    t.is(free.$metadata?.httpStatusCode, 404);
    // CreateBucket as v6 sends it: x-amz-acl private, the configuration carrying the tags.
    await s3.send(new CreateBucketCommand({ Bucket, ACL: 'private', CreateBucketConfiguration: { Tags: [{ Key: 'team', Value: 'ci' }] } }));

    const bucketState = await readBucket(s3, Bucket);
    t.like(bucketState, { versioning: 'Disabled', region: 'us-east-1', headRegion: 'us-east-1', objectLock: null, policy: null });
    t.deepEqual(bucketState.tags, [{ Key: 'team', Value: 'ci' }]);

    // aws_s3_object: one PutObject under 5 MiB, tags on the PUT, then its read.
    const body = 'artifact v1\n';
    await s3.send(new PutObjectCommand({
      Bucket, Key: 'builds/app.txt', Body: body, ContentType: 'text/plain', CacheControl: 'max-age=60',
      Metadata: { Owner: 'ci' }, Tagging: 'stage=test&build=42',
    }));
    const objectState = await readObject(s3, Bucket, 'builds/app.txt');
    t.deepEqual(objectState, {
      // etag = filemd5(...) is what users write: the hex MD5 of the body.
      etag: createHash('md5').update(body).digest('hex'), contentType: 'text/plain', cacheControl: 'max-age=60',
      metadata: { owner: 'ci' }, storageClass: 'STANDARD', tags: [{ Key: 'stage', Value: 'test' }, { Key: 'build', Value: '42' }],
    });

    // Refresh: the same reads give the same state.
    t.deepEqual(await readBucket(s3, Bucket), bucketState);
    t.deepEqual(await readObject(s3, Bucket, 'builds/app.txt'), objectState);

    // Something the test's application wrote, which Terraform does not manage.
    await s3.send(new PutObjectCommand({ Bucket, Key: 'logs/run-1.log', Body: 'x' }));

    // Destroy: aws_s3_object first (no version id known: one DeleteObject) ...
    await s3.send(new DeleteObjectCommand({ Bucket, Key: 'builds/app.txt' }));
    // ... then the bucket: BucketNotEmpty, so force_destroy empties it by version and retries.
    t.is((await t.throwsAsync(s3.send(new DeleteBucketCommand({ Bucket }))) as unknown as SdkError).name, 'BucketNotEmpty');
    let KeyMarker: string | undefined;
    let VersionIdMarker: string | undefined;
    for (;;) {
      const page = await s3.send(new ListObjectVersionsCommand({ Bucket, KeyMarker, VersionIdMarker }));
      const objects = [...page.Versions ?? [], ...page.DeleteMarkers ?? []].map((v) => ({ Key: v.Key, VersionId: v.VersionId }));
      if (objects.length > 0) {
        const out = await s3.send(new DeleteObjectsCommand({ Bucket, Delete: { Objects: objects, Quiet: true } }));
        t.is(out.Errors, undefined);
      }
      if (!page.IsTruncated) break;
      KeyMarker = page.NextKeyMarker;
      VersionIdMarker = page.NextVersionIdMarker;
    }
    await s3.send(new DeleteBucketCommand({ Bucket }));
    const gone = await t.throwsAsync(s3.send(new HeadBucketCommand({ Bucket }))) as unknown as SdkError;
    t.is(gone.$metadata?.httpStatusCode, 404);
  } finally {
    s3.destroy();
    await server.stop();
  }
});
