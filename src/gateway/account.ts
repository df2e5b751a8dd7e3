/**
 * The caller's account (DESIGN.md §8), as LocalStack derives it: an access key id of exactly 12
 * digits is that account id; any other key, and a request with no credential at all, belongs to
 * the default account (`--default-account-id`). Nothing is verified: the key only names the
 * account, so two test suites with different keys keep their resources apart.
 * The key comes from SigV4 (Authorization header or presigned X-Amz-Credential, already parsed
 * into the credential scope) or, for the legacy SigV2 that old S3 clients still send, from
 * `Authorization: AWS <key>:<signature>` or a presigned URL's `AWSAccessKeyId`.
 * A temporary key (`ASIA…`, as STS AssumeRole/GetSessionToken issue them) carries its account in
 * AWS's own layout (services/sts/access-key-id.ts), so credentials boltstack issued map back to
 * the account they were issued for, with no lookup.
 * https://docs.localstack.cloud/references/multi-account-setups/
 */
import type { CredentialScope } from '../protocols/shared/sigv4-scope.js';
import { accountOfKey } from '../services/sts/access-key-id.js';

export { accountOfKey };

const SIGV2_PREFIX = 'AWS ';
const SIGV2_QUERY = 'AWSAccessKeyId=';

function sigV2AccessKey(authorization: string | undefined, query: string): string | undefined {
  if (authorization !== undefined && authorization.startsWith(SIGV2_PREFIX)) {
    const colon = authorization.lastIndexOf(':');
    return colon > SIGV2_PREFIX.length ? authorization.slice(SIGV2_PREFIX.length, colon).trim() : undefined;
  }
  const at = query.indexOf(SIGV2_QUERY);
  if (at < 0 || (at > 0 && query.charCodeAt(at - 1) !== 38 /* & */)) return undefined;
  const end = query.indexOf('&', at);
  return query.slice(at + SIGV2_QUERY.length, end < 0 ? undefined : end);
}

/** The access key id the request is signed with (SigV4 scope, else SigV2), if any. */
export function accessKeyOf(scope: CredentialScope | undefined, authorization: string | undefined, query: string): string | undefined {
  return scope !== undefined ? scope.accessKeyId : sigV2AccessKey(authorization, query);
}

export function accountOf(scope: CredentialScope | undefined, authorization: string | undefined, query: string, defaultAccountId: string): string {
  return accountOfKey(accessKeyOf(scope, authorization, query), defaultAccountId);
}
