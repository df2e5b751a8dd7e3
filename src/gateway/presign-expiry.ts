/**
 * The expiry of a presigned S3 URL, checked as S3 checks it, although boltstack does not verify
 * signatures (docs/s3.md): a test that a link stops working, or an upload URL handed out with a
 * short life, must see what it sees against AWS. SigV4 (`X-Amz-Date` + `X-Amz-Expires`, seconds)
 * and SigV2 (`Expires`, epoch seconds, beside `AWSAccessKeyId` and `Signature`, the AWS CLI v1's
 * default presign).
 *
 * What S3 answers:
 * - past its end, 403 AccessDenied "Request has expired" with <X-Amz-Expires> (SigV4 only),
 *   <Expires> and <ServerTime> (ISO 8601, whole seconds): aws/aws-sdk-php#1333 (2017, SigV4),
 *   aws/aws-sdk-js#3493 (2020, SigV2), versity/versitygw#2116 (2026, against S3);
 * - X-Amz-Expires over a week, 400 AuthorizationQueryParametersError "X-Amz-Expires must be less
 *   than a week (in seconds); that is, the given X-Amz-Expires must be less than 604800 seconds"
 *   (aws/aws-cli#5464, 2020, quoting S3; 604800 itself is accepted, the SDKs' maximum).
 * - an X-Amz-Date ahead of the server's clock, 403 AccessDenied "Request is not yet valid" with
 *   <X-Amz-Date> in epoch milliseconds (minio/minio#2638, 2016, quoting S3). AWS's margin is not
 *   recorded; boltstack allows the 15 minutes of clock skew S3 allows signed requests, since the
 *   client and the emulator share a clock and only a misset one would trip it.
 * Malformed parameters are refused, never taken as an unsigned request (hostile pass 20):
 * - X-Amz-Expires that is not a 64-bit integer (empty, "undefined", " 60", "1e3", 2^63), 400
 *   AuthorizationQueryParametersError "X-Amz-Expires should be a number" (minio/minio-js#1312,
 *   2024, quoting S3 for "undefined"; 2^63 in openstack/swift's s3api functional tests, which
 *   run against S3); negative, "X-Amz-Expires must be non-negative" (fog/fog#3528, 2015, S3);
 * - X-Amz-Date not yyyyMMdd'T'HHmmss'Z' or not a real instant (month 13, second 60), 400
 *   AuthorizationQueryParametersError "X-Amz-Date must be in the ISO8601 Long Format
 *   \"yyyyMMdd'T'HHmmss'Z'\"" (minio's api-errors.go, which mirrors S3; no capture of S3's own
 *   answer for a leap second was found: refusing is the safe side);
 * - X-Amz-Algorithm without X-Amz-Date or X-Amz-Expires, 400 AuthorizationQueryParametersError
 *   "Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential,
 *   X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters." (S3's
 *   words, as versitygw and minio record them); a SigV2 `Expires` beside it does not help;
 * - a SigV2 Expires that is not an integer below 2^31, 403 AccessDenied "Invalid date (should be
 *   seconds since epoch): <value>" (openstack/swift s3api functional tests, 2**32).
 * Parameter names are case-sensitive, as S3's: `x-amz-expires` is an ordinary parameter. A
 * duplicated parameter is read at its first value (no record of S3's answer was found).
 * The clock is the wall clock, as the signer's: not the injectable one (createBoltstack's
 * `clock`), which tests move forward for TTLs without meaning to expire their links.
 */
import { AwsError } from '../errors/aws-error.js';
import { firstParam } from '../protocols/shared/query-string.js';

const WEEK_SECONDS = 604_800;
const SKEW_MS = 15 * 60_000;
const LONG_MAX = 2n ** 63n - 1n;
const V2_LIMIT = 2 ** 31;

/** "20260101T000000Z" → epoch ms; undefined when it is not that form or not a real instant. */
function amzDateMs(text: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (m === null) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(2000, month - 1, day, hour, minute, second));
  date.setUTCFullYear(year, month - 1, day); // Date.UTC maps years 0-99 to 1900-1999
  // Date.UTC rolls month 13, day 32 or second 60 over into the next unit: such a text is no instant.
  const same = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
    && date.getUTCHours() === hour && date.getUTCMinutes() === minute && date.getUTCSeconds() === second;
  return same ? date.getTime() : undefined;
}

/** ISO 8601 in whole seconds, as S3 writes <Expires> and <ServerTime>. */
const isoSeconds = (ms: number): string => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

const expired = (fields: Record<string, string>): AwsError =>
  new AwsError({ code: 'AccessDenied', message: 'Request has expired', status: 403, fields });

const queryParameters = (message: string): AwsError =>
  new AwsError({ code: 'AuthorizationQueryParametersError', status: 400, message });

/** The error S3 answers for this presigned request's expiry, or undefined (not presigned, or valid). */
export function presignExpiryError(query: string, nowMs: number): AwsError | undefined {
  // Most requests have no such parameter: one scan, then nothing. A name may be percent-encoded
  // (S3 decodes names: `X-Amz-%45xpires` is X-Amz-Expires), so a query with `%` is read too;
  // presigned URLs have one anyway (X-Amz-Credential's `%2F`).
  if (!query.includes('Expires=') && !query.includes('%')) return undefined;
  const expiresV4 = firstParam(query, 'X-Amz-Expires');
  const algorithm = expiresV4 === undefined ? firstParam(query, 'X-Amz-Algorithm') : undefined;
  if (expiresV4 !== undefined || algorithm !== undefined) return sigV4Error(query, expiresV4, algorithm !== undefined, nowMs);
  const expiresV2 = firstParam(query, 'Expires');
  if (expiresV2 === undefined || firstParam(query, 'Signature') === undefined || firstParam(query, 'AWSAccessKeyId') === undefined) return undefined;
  const seconds = /^\d+$/.test(expiresV2) ? Number(expiresV2) : Number.NaN;
  if (!(seconds < V2_LIMIT)) {
    return new AwsError({ code: 'AccessDenied', status: 403, message: `Invalid date (should be seconds since epoch): ${expiresV2}` });
  }
  const endMs = seconds * 1000;
  return nowMs > endMs ? expired({ Expires: isoSeconds(endMs), ServerTime: isoSeconds(nowMs) }) : undefined;
}

function sigV4Error(query: string, expiresV4: string | undefined, hasAlgorithm: boolean, nowMs: number): AwsError | undefined {
  const dateText = firstParam(query, 'X-Amz-Date');
  if (dateText === undefined || expiresV4 === undefined) {
    // Without X-Amz-Algorithm the request is not presigned, only carries a parameter of that name.
    if (!hasAlgorithm && firstParam(query, 'X-Amz-Algorithm') === undefined) return undefined;
    return queryParameters('Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.');
  }
  const signedMs = amzDateMs(dateText);
  if (signedMs === undefined) return queryParameters('X-Amz-Date must be in the ISO8601 Long Format "yyyyMMdd\'T\'HHmmss\'Z\'"');
  // Java's Long.parseLong: an optional sign, then digits, within 64 bits.
  if (!/^[+-]?\d+$/.test(expiresV4)) return queryParameters('X-Amz-Expires should be a number');
  const big = BigInt(expiresV4);
  if (big > LONG_MAX || big < -LONG_MAX - 1n) return queryParameters('X-Amz-Expires should be a number');
  if (big < 0n) return queryParameters('X-Amz-Expires must be non-negative');
  if (big > BigInt(WEEK_SECONDS)) {
    return queryParameters('X-Amz-Expires must be less than a week (in seconds); that is, the given X-Amz-Expires must be less than 604800 seconds');
  }
  const seconds = Number(big);
  const endMs = signedMs + seconds * 1000;
  if (signedMs > nowMs + SKEW_MS) {
    return new AwsError({
      code: 'AccessDenied', message: 'Request is not yet valid', status: 403,
      fields: { 'X-Amz-Date': String(signedMs), Expires: isoSeconds(endMs), ServerTime: isoSeconds(nowMs) },
    });
  }
  return nowMs > endMs ? expired({ 'X-Amz-Expires': expiresV4, Expires: isoSeconds(endMs), ServerTime: isoSeconds(nowMs) }) : undefined;
}
