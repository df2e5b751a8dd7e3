/**
 * The S3 service: its operation table. Operations of the model that are not listed here answer
 * NotImplemented (the gateway does that from the catalogue).
 */
import type { RequestContext, Service, ServiceDeps } from '../types.js';
import type { S3Deps, S3Handler } from './context.js';
import { S3Store } from './store.js';
import { checkBucketAccess, refuseUnimplemented } from './bucket-access.js';
import { refuseEmptyVersionId } from './empty-version-id.js';
import { s3InternalApi } from './internal-api.js';

/**
 * Each operation's handler module is imported on the operation's first request, not with the
 * service. Why: V8 keeps every loaded module (its source text, functions, scope data) for the life
 * of the process, and a session that creates a bucket, puts a few objects and lists them needs 4
 * of these 31 files, not the multipart, copy, tagging and batch-delete code and the helpers only
 * they use (measured: ~150 KiB of heap at rest, issue #7's at-rest figure).
 */
// The table erases each handler's own input/output types; the gateway passes decoded input.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyHandler = S3Handler<any, any>;
const HANDLERS: Record<string, () => Promise<AnyHandler>> = {
  ListBuckets: async () => (await import('./operations/list-buckets.js')).listBuckets,
  CreateBucket: async () => (await import('./operations/create-bucket.js')).createBucket,
  HeadBucket: async () => (await import('./operations/head-bucket.js')).headBucket,
  DeleteBucket: async () => (await import('./operations/delete-bucket.js')).deleteBucket,
  GetBucketLocation: async () => (await import('./operations/get-bucket-location.js')).getBucketLocation,
  GetBucketTagging: async () => (await import('./operations/bucket-tagging.js')).getBucketTagging,
  PutBucketTagging: async () => (await import('./operations/bucket-tagging.js')).putBucketTagging,
  DeleteBucketTagging: async () => (await import('./operations/bucket-tagging.js')).deleteBucketTagging,
  GetBucketAcl: async () => (await import('./operations/bucket-acl.js')).getBucketAcl,
  PutBucketAcl: async () => (await import('./operations/bucket-acl.js')).putBucketAcl,
  GetBucketOwnershipControls: async () => (await import('./operations/ownership-controls.js')).getBucketOwnershipControls,
  PutBucketOwnershipControls: async () => (await import('./operations/ownership-controls.js')).putBucketOwnershipControls,
  DeleteBucketOwnershipControls: async () => (await import('./operations/ownership-controls.js')).deleteBucketOwnershipControls,
  GetPublicAccessBlock: async () => (await import('./operations/public-access-block.js')).getPublicAccessBlock,
  PutPublicAccessBlock: async () => (await import('./operations/public-access-block.js')).putPublicAccessBlock,
  DeletePublicAccessBlock: async () => (await import('./operations/public-access-block.js')).deletePublicAccessBlock,
  GetBucketEncryption: async () => (await import('./operations/bucket-encryption.js')).getBucketEncryption,
  PutBucketEncryption: async () => (await import('./operations/bucket-encryption.js')).putBucketEncryption,
  DeleteBucketEncryption: async () => (await import('./operations/bucket-encryption.js')).deleteBucketEncryption,
  PutObject: async () => (await import('./operations/put-object.js')).putObject,
  GetObject: async () => (await import('./operations/get-object.js')).getObject,
  HeadObject: async () => (await import('./operations/head-object.js')).headObject,
  GetObjectAttributes: async () => (await import('./operations/get-object-attributes.js')).getObjectAttributes,
  DeleteObject: async () => (await import('./operations/delete-object.js')).deleteObject,
  DeleteObjects: async () => (await import('./operations/delete-objects.js')).deleteObjects,
  CopyObject: async () => (await import('./operations/copy-object.js')).copyObject,
  ListObjects: async () => (await import('./operations/list-objects.js')).listObjects,
  ListObjectsV2: async () => (await import('./operations/list-objects-v2.js')).listObjectsV2,
  ListObjectVersions: async () => (await import('./operations/list-object-versions.js')).listObjectVersions,
  GetBucketVersioning: async () => (await import('./operations/get-bucket-versioning.js')).getBucketVersioning,
  PutBucketVersioning: async () => (await import('./operations/put-bucket-versioning.js')).putBucketVersioning,
  GetObjectTagging: async () => (await import('./operations/object-tagging.js')).getObjectTagging,
  PutObjectTagging: async () => (await import('./operations/object-tagging.js')).putObjectTagging,
  DeleteObjectTagging: async () => (await import('./operations/object-tagging.js')).deleteObjectTagging,
  GetObjectAcl: async () => (await import('./operations/object-acl.js')).getObjectAcl,
  PutObjectAcl: async () => (await import('./operations/object-acl.js')).putObjectAcl,
  CreateMultipartUpload: async () => (await import('./operations/create-multipart-upload.js')).createMultipartUpload,
  UploadPart: async () => (await import('./operations/upload-part.js')).uploadPart,
  UploadPartCopy: async () => (await import('./operations/upload-part-copy.js')).uploadPartCopy,
  CompleteMultipartUpload: async () => (await import('./operations/complete-multipart-upload.js')).completeMultipartUpload,
  AbortMultipartUpload: async () => (await import('./operations/abort-multipart-upload.js')).abortMultipartUpload,
  ListParts: async () => (await import('./operations/list-parts.js')).listParts,
  ListMultipartUploads: async () => (await import('./operations/list-multipart-uploads.js')).listMultipartUploads,
  PostObject: async () => (await import('./post-object/post-object.js')).postObject,
};

/**
 * Operations whose handler only answers what S3 refuses in any bucket state and otherwise
 * NotImplemented: not implemented, for the catalogue and the docs.
 */
const VALIDATION_ONLY: ReadonlySet<string> = new Set(['PutBucketVersioning']);

/** Served, but in no service model (POST Object, post-object/operation.ts): not in the model's catalogue. */
const OUTSIDE_MODEL: ReadonlySet<string> = new Set(['PostObject']);

export const implementedOperations: readonly string[] = Object.keys(HANDLERS).filter((op) => !VALIDATION_ONLY.has(op) && !OUTSIDE_MODEL.has(op));

export function createS3Service(deps: ServiceDeps): Service {
  const s3: S3Deps = { store: new S3Store(deps.meta, deps.blobs, deps.log, deps.listingIndexKeys), features: deps.features, log: deps.log };
  const operations: Service['operations'] = {};
  for (const [name, load] of Object.entries(HANDLERS)) {
    let handler: AnyHandler | undefined;
    const call = (ctx: RequestContext, input: Record<string, unknown>): Promise<unknown> =>
      handler !== undefined ? handler(s3, ctx, input) : load().then((loaded) => (handler = loaded)(s3, ctx, input));
    // CreateBucket answers another account's name itself (BucketAlreadyExists); PostObject's
    // account is the one its form names, known only once the form is read.
    const anyRegion = name === 'GetBucketLocation';
    operations[name] = name === 'CreateBucket' || name === 'PostObject' ? call : (ctx, input: Record<string, unknown>) => {
      refuseEmptyVersionId(input);
      const pending = checkBucketAccess(s3.store, ctx, input, anyRegion);
      return pending === undefined ? call(ctx, input) : pending.then(() => call(ctx, input));
    };
  }
  return {
    operations,
    internal: s3InternalApi(operations),
    refuseUnimplemented: (ctx, input) => {
      refuseEmptyVersionId(input);
      return refuseUnimplemented(s3.store, ctx, input);
    },
  };
}
