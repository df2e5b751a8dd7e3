/** What every S3 handler gets besides its input: the store, the gates and the request. */
import type { Features } from '../../config.js';
import type { Logger } from '../../log.js';
import type { RequestContext } from '../types.js';
import { rejectUnsupported } from '../unsupported.js';
import { s3Errors } from './errors.js';
import type { S3Store } from './store.js';

export interface S3Deps {
  store: S3Store;
  features: Features;
  log: Logger;
}

export type S3Handler<I, O> = (deps: S3Deps, ctx: RequestContext, input: I) => Promise<O>;

/** Strict by default: a parameter boltstack does not implement fails the request (DESIGN.md §7). */
export function unsupported(deps: S3Deps, ctx: RequestContext, operation: string, input: object, members: readonly string[]): void {
  rejectUnsupported(deps.features, ctx, 'S3', operation, input as Record<string, unknown>, members);
}

/** Every canned ACL S3 knows (the model's ObjectCannedACL and BucketCannedACL, and log-delivery-write). */
const CANNED_ACLS: ReadonlySet<string> = new Set([
  'private', 'public-read', 'public-read-write', 'authenticated-read', 'aws-exec-read', 'bucket-owner-read',
  'bucket-owner-full-control', 'log-delivery-write',
]);

/**
 * ACL values that equal S3's default behaviour are accepted; another canned ACL is a gate; a
 * value that is no canned ACL at all is S3's own 400, whatever is emulated.
 */
export function checkCannedAcl(deps: S3Deps, ctx: RequestContext, operation: string, acl: string | undefined): void {
  if (acl === undefined || acl === 'private' || acl === 'bucket-owner-full-control') return;
  if (!CANNED_ACLS.has(acl)) throw s3Errors.unknownCannedAcl(acl);
  unsupported(deps, ctx, operation, { ACL: acl }, ['ACL']);
}

/**
 * SSE-S3 (AES256) is what S3 applies to every object anyway; KMS (and its bucket keys) and SSE-C
 * are not emulated.
 */
export function checkEncryption(deps: S3Deps, ctx: RequestContext, operation: string, sse: string | undefined, bucketKeyEnabled?: boolean): void {
  if (sse !== undefined && sse !== 'AES256') unsupported(deps, ctx, operation, { ServerSideEncryption: sse }, ['ServerSideEncryption']);
  if (bucketKeyEnabled === true) unsupported(deps, ctx, operation, { BucketKeyEnabled: true }, ['BucketKeyEnabled']);
}

/** Members of object-writing operations that boltstack does not emulate (yet). */
export const UNEMULATED_WRITE_MEMBERS = [
  'GrantFullControl', 'GrantRead', 'GrantReadACP', 'GrantWriteACP',
  'SSECustomerAlgorithm', 'SSECustomerKey', 'SSECustomerKeyMD5', 'SSEKMSKeyId', 'SSEKMSEncryptionContext',
  'ObjectLockMode', 'ObjectLockRetainUntilDate', 'ObjectLockLegalHoldStatus',
  'ObjectLockEventHold', 'ObjectLockEventHoldDurationDays', 'ObjectLockEventHoldDurationYears',
] as const;
