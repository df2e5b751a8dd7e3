/**
 * The S3 service: its operation table. Operations of the model that are not listed here answer
 * NotImplemented (the gateway does that from the catalogue).
 */
import type { Service, ServiceDeps } from '../types.js';
import type { S3Deps, S3Handler } from './context.js';
import { S3Store } from './store.js';
import { checkBucketAccess } from './bucket-access.js';
import { abortMultipartUpload } from './operations/abort-multipart-upload.js';
import { deleteBucketTagging, getBucketTagging, putBucketTagging } from './operations/bucket-tagging.js';
import { completeMultipartUpload } from './operations/complete-multipart-upload.js';
import { copyObject } from './operations/copy-object.js';
import { createBucket } from './operations/create-bucket.js';
import { createMultipartUpload } from './operations/create-multipart-upload.js';
import { deleteBucket } from './operations/delete-bucket.js';
import { deleteObject } from './operations/delete-object.js';
import { deleteObjects } from './operations/delete-objects.js';
import { getBucketLocation } from './operations/get-bucket-location.js';
import { getObject } from './operations/get-object.js';
import { headBucket } from './operations/head-bucket.js';
import { headObject } from './operations/head-object.js';
import { listBuckets } from './operations/list-buckets.js';
import { listMultipartUploads } from './operations/list-multipart-uploads.js';
import { listObjects } from './operations/list-objects.js';
import { listObjectsV2 } from './operations/list-objects-v2.js';
import { listParts } from './operations/list-parts.js';
import { deleteObjectTagging, getObjectTagging, putObjectTagging } from './operations/object-tagging.js';
import { putObject } from './operations/put-object.js';
import { uploadPart } from './operations/upload-part.js';

// The table erases each handler's own input/output types; the gateway passes decoded input.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const HANDLERS: Record<string, S3Handler<any, any>> = {
  ListBuckets: listBuckets, CreateBucket: createBucket, HeadBucket: headBucket, DeleteBucket: deleteBucket,
  GetBucketLocation: getBucketLocation,
  GetBucketTagging: getBucketTagging, PutBucketTagging: putBucketTagging, DeleteBucketTagging: deleteBucketTagging,
  PutObject: putObject, GetObject: getObject, HeadObject: headObject, DeleteObject: deleteObject,
  DeleteObjects: deleteObjects, CopyObject: copyObject, ListObjects: listObjects, ListObjectsV2: listObjectsV2,
  GetObjectTagging: getObjectTagging, PutObjectTagging: putObjectTagging, DeleteObjectTagging: deleteObjectTagging,
  CreateMultipartUpload: createMultipartUpload, UploadPart: uploadPart, CompleteMultipartUpload: completeMultipartUpload,
  AbortMultipartUpload: abortMultipartUpload, ListParts: listParts, ListMultipartUploads: listMultipartUploads,
};

export const implementedOperations: readonly string[] = Object.keys(HANDLERS);

export function createS3Service(deps: ServiceDeps): Service {
  const s3: S3Deps = { store: new S3Store(deps.meta, deps.blobs, deps.log, deps.listingIndexKeys), features: deps.features, log: deps.log };
  const operations: Service['operations'] = {};
  for (const [name, handler] of Object.entries(HANDLERS)) {
    // CreateBucket answers another account's name itself (BucketAlreadyExists).
    operations[name] = name === 'CreateBucket' ? (ctx, input) => handler(s3, ctx, input) : (ctx, input: Record<string, unknown>) => {
      const pending = checkBucketAccess(s3.store, ctx, input);
      return pending === undefined ? handler(s3, ctx, input) : pending.then(() => handler(s3, ctx, input));
    };
  }
  return { operations };
}
