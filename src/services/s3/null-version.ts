/**
 * The version id S3 gives every object of a bucket whose versioning was never enabled: the
 * string "null" (AWS S3 User Guide, "Working with objects in a versioning-suspended bucket" and
 * "Listing object versions"). boltstack implements no versioning, so "null" is the one version
 * id a request may name; any other stays NotImplemented (strict mode), as S3's answer for it
 * depends on versioning state boltstack does not have.
 */
import type { RequestContext } from '../types.js';
import { type S3Deps, unsupported } from './context.js';

export const NULL_VERSION_ID = 'null';

/**
 * Lets "null" (the object itself) through and gates any other version id of an object operation.
 * Native AWS answers "null" in a never-versioned bucket as the request without it (radkawar/stackd
 * testdata/aws/s3/versioning_null.json unversioned-explicit-null-get-object, -head-object,
 * 2026-09-15).
 */
export function onlyNullVersion(deps: S3Deps, ctx: RequestContext, operation: string, input: { VersionId?: string }): void {
  if (input.VersionId !== undefined && input.VersionId !== NULL_VERSION_ID) unsupported(deps, ctx, operation, input, ['VersionId']);
}
