/**
 * Who signed a POST form, read as the header and presigned-URL auth is read (DESIGN.md §8): the
 * access key names the account (12 digits: that account; a temporary key boltstack issued: its
 * account; any other: the caller's default), the credential scope names the region. As for every
 * other request, the signature is not verified against a secret (boltstack keeps none, docs/s3.md);
 * what is checked is what S3 answers whatever the secret:
 * - the fields a signed form must carry, named as S3 names them when one is missing
 *   (test_s3.py::test_post_request_missing_signature / _missing_fields, validated 2026-02-21):
 *   SigV4 X-Amz-Algorithm, X-Amz-Credential, X-Amz-Date, X-Amz-Signature; SigV2 AWSAccessKeyId,
 *   Signature; and the Policy they sign;
 * - no policy and no credential: an anonymous upload, which only a publicly writable bucket takes
 *   and boltstack has none (ACLs disabled, no bucket policies): 403 AccessDenied;
 * - a signature that no key could have made (not 64 hex digits for SigV4, not a base64 HMAC-SHA1
 *   for SigV2) is SignatureDoesNotMatch, as S3 answers any signature that is not the policy's.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-authentication-HTTPPOST.html
 */
import { accountOfKey } from '../../sts/access-key-id.js';
import { expiredTokenError, isExpiredSession } from '../../sts/expired-session.js';
import type { RequestContext } from '../../types.js';
import { postErrors } from './errors.js';
import type { Fields } from './fields.js';

export interface PostSigner {
  accessKeyId: string;
  accountId: string;
  region: string | undefined;
  /** The SigV4 form's X-Amz-Credential as sent; undefined for SigV2. */
  credential?: string;
  /** The base64 policy as sent: the string the signature covers. */
  policy: string;
}

const V4_FIELDS = [['x-amz-algorithm', 'X-Amz-Algorithm'], ['x-amz-credential', 'X-Amz-Credential'], ['x-amz-date', 'X-Amz-Date'], ['x-amz-signature', 'X-Amz-Signature']] as const;
const V2_FIELDS = [['awsaccesskeyid', 'AWSAccessKeyId'], ['signature', 'Signature']] as const;
const ISO_BASIC = /^\d{8}T\d{6}Z$/;
const HEX_SIGNATURE = /^[0-9a-fA-F]{64}$/;
/** base64 of the 20 bytes of an HMAC-SHA1. */
const SHA1_SIGNATURE = /^[A-Za-z0-9+/]{27}=$/;

/** The signer of the form, or a thrown S3 error; `defaultAccountId` is the account of a key that names none. */
export function authenticate(fields: Fields, defaultAccountId: string): PostSigner {
  const v4 = V4_FIELDS.some(([name]) => fields.has(name));
  const v2 = !v4 && V2_FIELDS.some(([name]) => fields.has(name));
  const policy = fields.value('policy');
  // Only key and policy: anonymous too (test_s3.py::test_post_request_missing_fields).
  if (!v4 && !v2) throw postErrors.anonymous();
  for (const [name, label] of v4 ? V4_FIELDS : V2_FIELDS) {
    if (!fields.has(name)) throw postErrors.missingField(label);
  }
  if (policy === undefined) throw postErrors.missingField('Policy');
  const signer = v4 ? sigV4(fields, policy, defaultAccountId) : sigV2(fields, policy, defaultAccountId);
  // A form signed with a session boltstack issued that has ended is refused as a header-signed
  // request is (expired-session.ts): the token rides in the form, where the gateway does not look.
  const token = fields.value('x-amz-security-token');
  if (token !== undefined && isExpiredSession(signer.accessKeyId, token)) throw expiredTokenError('s3', token);
  return signer;
}

function sigV4(fields: Fields, policy: string, defaultAccountId: string): PostSigner {
  const algorithm = fields.value('x-amz-algorithm')!;
  if (algorithm !== 'AWS4-HMAC-SHA256') throw postErrors.badAlgorithm(algorithm);
  const credential = fields.value('x-amz-credential')!;
  const date = fields.value('x-amz-date')!;
  if (!ISO_BASIC.test(date)) throw postErrors.badDate(date);
  const [accessKeyId, region] = readCredential(credential);
  const signature = fields.value('x-amz-signature')!;
  if (!HEX_SIGNATURE.test(signature)) throw postErrors.signatureDoesNotMatch(accessKeyId, policy, signature);
  return { accessKeyId, accountId: accountOfKey(accessKeyId, defaultAccountId), region: region || undefined, credential, policy };
}

/**
 * The access key and region of X-Amz-Credential, `<AKID>/<yyyyMMdd>/<region>/s3/aws4_request`,
 * checked part by part in the order the header path names them; the region against the bucket's
 * is checked later (form-region.ts), once the bucket is known.
 */
function readCredential(credential: string): [accessKeyId: string, region: string] {
  const parts = credential.split('/');
  if (parts.length !== 5) throw postErrors.badCredential('the Credential is mal-formed; expecting "<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request".', credential);
  const [accessKeyId, day, region, service, terminal] = parts as [string, string, string, string, string];
  if (accessKeyId === '') throw postErrors.emptyAccessKey(credential);
  if (!/^\d{8}$/.test(day)) throw postErrors.badCredential(`incorrect date format "${day}". This date in the credential must be in the format "yyyyMMdd".`, credential);
  if (service !== 's3') throw postErrors.badCredential(`incorrect service "${service}". This endpoint belongs to "s3".`, credential);
  if (terminal !== 'aws4_request') throw postErrors.badCredential(`incorrect terminal "${terminal}". This endpoint uses "aws4_request".`, credential);
  return [accessKeyId, region];
}

function sigV2(fields: Fields, policy: string, defaultAccountId: string): PostSigner {
  const accessKeyId = fields.value('awsaccesskeyid')!;
  const signature = fields.value('signature')!;
  if (!SHA1_SIGNATURE.test(signature)) throw postErrors.signatureDoesNotMatch(accessKeyId, policy, signature);
  return { accessKeyId, accountId: accountOfKey(accessKeyId, defaultAccountId), region: undefined, policy };
}

/** The request context as the form's signer: the account and region the form names. */
export function asSigner(ctx: RequestContext, signer: PostSigner): RequestContext {
  return {
    requestId: ctx.requestId,
    accountId: signer.accountId,
    region: signer.region ?? ctx.region,
    host: ctx.host,
    accessKeyId: signer.accessKeyId,
    traceHeader: ctx.traceHeader,
    get signal() { return ctx.signal; },
    get ignored() { return ctx.ignored; },
    get responseHeaders() { return ctx.responseHeaders; },
    set responseHeaders(headers) { ctx.responseHeaders = headers; },
  };
}
