/**
 * What S3 checks in a PutBucketAcl or PutObjectAcl request before it applies the ACL, and so
 * what it answers even on a bucket whose ACLs are disabled: LocalStack's test_s3.py::TestS3::
 * test_s3_bucket_acl_exceptions and test_s3_object_acl_exceptions, recorded on AWS 2023-08-03 and
 * 2023-08-15 on a bucket created with the defaults (Object Ownership BucketOwnerEnforced since
 * April 2023), answer each malformed request with its own error, the same for both operations,
 * never AccessControlListNotSupported. The rows:
 * - no canned ACL, no grant header and no body: 400 MissingSecurityHeader (x-amz-acl);
 * - an unknown canned ACL: 400 InvalidArgument naming x-amz-acl;
 * - a canned ACL with a grant header: 400 InvalidRequest; with a body: 400 UnexpectedContent;
 * - a grant header that is no grantee list: InvalidArgument "Argument format not recognized"
 *   naming the header; an id that is no canonical id: "Invalid id"; a group S3 does not know:
 *   "Invalid group uri" (named "id" / "uri" in a header, "CanonicalUser/ID" / "Group/URI" in a body);
 * - an AccessControlPolicy without Owner, with an unknown Permission or grantee type, or empty:
 *   400 MalformedACLError.
 * A body is checked against the schema before its values (no recorded row has both kinds of
 * fault; each row's answer is the same either way).
 *
 * What no source records stays a gate (strict: NotImplemented naming the member): an
 * e-mail grantee (emailAddress=, AmazonCustomerByEmail: S3 accepts them only in some regions),
 * grant headers with a body, and a grantee without its ID or URI.
 */
import type { AccessControlPolicy, Grant } from '../../model/generated/s3-types.js';
import type { RequestContext } from '../types.js';
import { CANNED_ACLS, type S3Deps, grantsOnlyOwner, unsupported } from './context.js';
import { ownerOf } from './owner.js';
import { s3Errors } from './errors.js';

export interface AclRequest {
  ACL?: string;
  AccessControlPolicy?: AccessControlPolicy;
  GrantFullControl?: string;
  GrantRead?: string;
  GrantReadACP?: string;
  GrantWrite?: string;
  GrantWriteACP?: string;
}

const GRANT_HEADERS = {
  GrantFullControl: 'x-amz-grant-full-control',
  GrantRead: 'x-amz-grant-read',
  GrantReadACP: 'x-amz-grant-read-acp',
  GrantWrite: 'x-amz-grant-write',
  GrantWriteACP: 'x-amz-grant-write-acp',
} as const;
type GrantMember = keyof typeof GRANT_HEADERS;

/** A canonical user id: 64 hex digits (ownerOf's form, and S3's). */
const CANONICAL_ID = /^[0-9a-fA-F]{64}$/;
/** The predefined groups (https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html#specifying-grantee-predefined-groups). */
const GROUPS: ReadonlySet<string> = new Set([
  'http://acs.amazonaws.com/groups/global/AllUsers',
  'http://acs.amazonaws.com/groups/global/AuthenticatedUsers',
  'http://acs.amazonaws.com/groups/s3/LogDelivery',
]);
const PERMISSIONS: ReadonlySet<string> = new Set(['FULL_CONTROL', 'WRITE', 'WRITE_ACP', 'READ', 'READ_ACP']);
const GRANTEE_TYPES: ReadonlySet<string> = new Set(['CanonicalUser', 'AmazonCustomerByEmail', 'Group']);
const GRANTEE = /^(id|emailAddress|uri)=(?:"([^"]*)"|([^",\s]+))$/;

/** Throws S3's answer to a malformed ACL request; returns when the request is a well-formed ACL. */
export function checkAclRequest(deps: S3Deps, ctx: RequestContext, operation: string, input: AclRequest): void {
  const grants = (Object.keys(GRANT_HEADERS) as GrantMember[]).filter((m) => input[m] !== undefined);
  const { ACL, AccessControlPolicy: policy } = input;
  if (ACL !== undefined && !CANNED_ACLS.has(ACL)) throw s3Errors.unknownCannedAcl(ACL);
  if (ACL !== undefined && grants.length > 0) throw s3Errors.cannedAclWithGrants();
  if (policy !== undefined) {
    if (ACL !== undefined) throw s3Errors.unexpectedContent();
    if (grants.length > 0) unsupported(deps, ctx, operation, input, ['AccessControlPolicy']);
    checkPolicy(deps, ctx, operation, policy);
  } else if (ACL === undefined && grants.length === 0) {
    throw s3Errors.missingAclHeader();
  }
  for (const member of grants) checkGrantHeader(deps, ctx, operation, member, input[member]!);
}

function checkGrantHeader(deps: S3Deps, ctx: RequestContext, operation: string, member: GrantMember, value: string): void {
  for (const part of value.split(',')) {
    const m = GRANTEE.exec(part.trim());
    if (!m) throw s3Errors.grantFormatNotRecognized(GRANT_HEADERS[member], value);
    const grantee = m[2] ?? m[3]!;
    if (m[1] === 'id' && !CANONICAL_ID.test(grantee)) throw s3Errors.invalidGranteeId('id', grantee);
    if (m[1] === 'uri' && !GROUPS.has(grantee)) throw s3Errors.invalidGroupUri('uri', grantee);
    if (m[1] === 'emailAddress') unsupported(deps, ctx, operation, { [member]: value }, [member]);
  }
}

/** The schema first (MalformedACLError), then the values (InvalidArgument). */
function checkPolicy(deps: S3Deps, ctx: RequestContext, operation: string, policy: AccessControlPolicy): void {
  const grants: Grant[] = policy.Grants ?? [];
  if (policy.Owner?.ID === undefined) throw s3Errors.malformedAcl();
  for (const { Grantee, Permission } of grants) {
    if (Permission === undefined || !PERMISSIONS.has(Permission)) throw s3Errors.malformedAcl();
    if (Grantee === undefined || !GRANTEE_TYPES.has(Grantee.Type)) throw s3Errors.malformedAcl();
  }
  if (!CANONICAL_ID.test(policy.Owner.ID)) throw s3Errors.invalidGranteeId('CanonicalUser/ID', policy.Owner.ID);
  for (const { Grantee } of grants) {
    const { Type, ID, URI } = Grantee!;
    const value = Type === 'CanonicalUser' ? ID : Type === 'Group' ? URI : undefined;
    if (value === undefined) {
      unsupported(deps, ctx, operation, { AccessControlPolicy: policy }, ['AccessControlPolicy']);
    } else if (Type === 'CanonicalUser' && !CANONICAL_ID.test(value)) {
      throw s3Errors.invalidGranteeId('CanonicalUser/ID', value);
    } else if (Type === 'Group' && !GROUPS.has(value)) {
      throw s3Errors.invalidGroupUri('Group/URI', value);
    }
  }
}

/**
 * Whether a well-formed ACL request (checkAclRequest) sets exactly the ACL boltstack keeps for
 * everything, the owner's FULL_CONTROL: canned private, x-amz-grant-full-control naming the owner
 * alone, or a policy whose one grant is that. On a bucket with ACLs on, S3 applies such an ACL
 * (radkawar/stackd testdata/aws/s3/ownership_replay.json seq 603, PutBucketAcl private, 200) and
 * nothing boltstack answers changes; any other ACL would need ACLs stored, which boltstack does not.
 */
export function setsOwnerOnlyAcl(input: AclRequest, accountId: string): boolean {
  if (input.ACL !== undefined) return input.ACL === 'private';
  const grants = (Object.keys(GRANT_HEADERS) as GrantMember[]).filter((m) => input[m] !== undefined);
  if (grants.length > 0) return grants.length === 1 && input.GrantFullControl !== undefined && grantsOnlyOwner(input.GrantFullControl, accountId);
  const policyGrants = input.AccessControlPolicy?.Grants ?? [];
  const grant = policyGrants[0];
  return policyGrants.length === 1 && grant?.Permission === 'FULL_CONTROL' && grant.Grantee?.Type === 'CanonicalUser'
    && grant.Grantee.ID === ownerOf(accountId).ID;
}

/** On a bucket with ACLs on: the owner-only ACL is applied (nothing to change); any other is a gate. */
export function applyOwnerOnlyAcl(deps: S3Deps, ctx: RequestContext, operation: string, input: AclRequest, accountId: string): void {
  if (!setsOwnerOnlyAcl(input, accountId)) unsupported(deps, ctx, operation, input, ['ACL', ...Object.keys(GRANT_HEADERS), 'AccessControlPolicy']);
}
