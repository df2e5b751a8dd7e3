/**
 * DeleteObjects: up to 1,000 keys; every key is reported Deleted (even if absent, as S3 does)
 * unless it fails; Quiet mode reports only the errors. An <Object>'s ETag, LastModifiedTime and
 * Size make its delete conditional, as If-Match and x-amz-if-match-* do on DeleteObject.
 */
import type { DeleteObjectsInput, DeleteObjectsOutput } from '../../../model/generated/s3-types.js';
import { isAwsError } from '../../../errors/aws-error.js';
import { type S3Handler, unsupported } from '../context.js';
import { s3Errors } from '../errors.js';
import { assertValidKey } from '../names.js';
import { deleteCheck } from '../delete-conditions.js';
import { NULL_VERSION_ID } from '../null-version.js';

const CONDITIONAL_VERSION_MESSAGE = 'A form field you provided implies functionality that is not implemented';

export const deleteObjects: S3Handler<DeleteObjectsInput, DeleteObjectsOutput> = async (deps, ctx, input) => {
  unsupported(deps, ctx, 'DeleteObjects', input, ['MFA', 'BypassGovernanceRetention']);
  const objects = input.Delete?.Objects ?? [];
  if (objects.length === 0 || objects.length > 1000) throw s3Errors.malformedXml();
  await deps.store.requireBucket(input.Bucket);
  const out: Required<Pick<DeleteObjectsOutput, 'Deleted' | 'Errors'>> = { Deleted: [], Errors: [] };
  for (const object of objects) {
    const key = object.Key ?? '';
    // An <ETag> beside a <VersionId> ("null" too) is S3's per-object NotImplemented, naming the
    // version, and deletes nothing (native AWS: radkawar/stackd testdata/aws/s3/
    // conditional_versions.json batch/deny-GetObjectVersion/historical-*, 2026-09-15).
    if (object.VersionId !== undefined && object.ETag !== undefined) {
      out.Errors.push({ Key: key, VersionId: object.VersionId, Code: 'NotImplemented', Message: CONDITIONAL_VERSION_MESSAGE });
      continue;
    }
    // An empty <VersionId/> (what minio-js removeObjects sends for { name } without a versionId)
    // names the version "", which no object has: S3 answers that object NoSuchVersion and deletes
    // nothing (brendanhay/amazonka#160, 2015; wal-g/wal-g#2549, unversioned bucket, 2026-09-10).
    if (object.VersionId === '') {
      const err = s3Errors.noSuchVersion(key, '');
      out.Errors.push({ Key: key, VersionId: '', Code: err.code, Message: err.message });
      continue;
    }
    try {
      // "null" is the only version of an object in an unversioned bucket: deleting it deletes the
      // object, and S3 echoes the version id (what cleanup tools send after ListObjectVersions).
      const nullVersion = object.VersionId === NULL_VERSION_ID;
      if (object.VersionId !== undefined && !nullVersion) unsupported(deps, ctx, 'DeleteObjects', object, ['VersionId']);
      assertValidKey(key);
      await deps.store.deleteObject(input.Bucket, key, deleteCheck({ ifMatch: object.ETag, lastModifiedTime: object.LastModifiedTime, size: object.Size }, key));
      if (!input.Delete?.Quiet) out.Deleted.push(nullVersion ? { Key: key, VersionId: NULL_VERSION_ID } : { Key: key });
    } catch (err) {
      if (!isAwsError(err)) throw err;
      out.Errors.push({ Key: key, ...(object.VersionId !== undefined ? { VersionId: object.VersionId } : {}), Code: err.code, Message: err.message });
    }
  }
  return {
    ...(out.Deleted.length > 0 ? { Deleted: out.Deleted } : {}),
    ...(out.Errors.length > 0 ? { Errors: out.Errors } : {}),
  };
};
