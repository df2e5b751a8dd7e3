/**
 * PutBucketVersioning: boltstack implements no versioning, so a configuration S3 would apply
 * (Enabled, Suspended) answers NotImplemented, as the operation did before it had a handler. A
 * document S3 refuses whatever the bucket's state is refused as S3 refuses it (native AWS:
 * radkawar/stackd testdata/aws/s3/versioning.json empty-versioning-configuration,
 * invalid-versioning-state, 2026-09-15): no Status is 400 IllegalVersioningConfigurationException
 * "The Versioning element must be specified", a Status of neither value is 400 MalformedXML; the
 * bucket's versioning is unchanged either way (read-after-empty-configuration).
 * Not listed among the implemented operations (index.ts): it only validates.
 */
import type { PutBucketVersioningInput } from '../../../model/generated/s3-types.js';
import { notImplemented } from '../../../errors/common.js';
import type { S3Handler } from '../context.js';
import { s3Errors } from '../errors.js';

export const putBucketVersioning: S3Handler<PutBucketVersioningInput, Record<string, never>> = async (deps, _ctx, input) => {
  await deps.store.requireBucket(input.Bucket);
  const { Status } = input.VersioningConfiguration ?? {};
  if (Status === undefined) throw s3Errors.illegalVersioningConfiguration('The Versioning element must be specified');
  if (Status !== 'Enabled' && Status !== 'Suspended') throw s3Errors.malformedXml();
  throw notImplemented('S3', 'PutBucketVersioning');
};
