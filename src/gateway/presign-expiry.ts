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
 * The clock is the wall clock, as the signer's: not the injectable one (createBoltstack's
 * `clock`), which tests move forward for TTLs without meaning to expire their links.
 */
import { AwsError } from '../errors/aws-error.js';
import { firstParam } from '../protocols/shared/query-string.js';

const WEEK_SECONDS = 604_800;
const SKEW_MS = 15 * 60_000;

/** "20260101T000000Z" → epoch ms; undefined when it is not that form. */
function amzDateMs(text: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (m === null) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
  return Number.isNaN(ms) ? undefined : ms;
}

/** ISO 8601 in whole seconds, as S3 writes <Expires> and <ServerTime>. */
const isoSeconds = (ms: number): string => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

const expired = (fields: Record<string, string>): AwsError =>
  new AwsError({ code: 'AccessDenied', message: 'Request has expired', status: 403, fields });

/** The error S3 answers for this presigned request's expiry, or undefined (not presigned, or valid). */
export function presignExpiryError(query: string, nowMs: number): AwsError | undefined {
  // Most requests have no such parameter: one scan, then nothing.
  if (!query.includes('Expires=')) return undefined;
  const expiresV4 = firstParam(query, 'X-Amz-Expires');
  if (expiresV4 !== undefined) {
    const dateText = firstParam(query, 'X-Amz-Date');
    const seconds = Number(expiresV4);
    if (dateText === undefined || !/^\d+$/.test(expiresV4)) return undefined;
    if (seconds > WEEK_SECONDS) {
      return new AwsError({
        code: 'AuthorizationQueryParametersError', status: 400,
        message: 'X-Amz-Expires must be less than a week (in seconds); that is, the given X-Amz-Expires must be less than 604800 seconds',
      });
    }
    const signedMs = amzDateMs(dateText);
    if (signedMs === undefined) return undefined;
    const endMs = signedMs + seconds * 1000;
    if (signedMs > nowMs + SKEW_MS) {
      return new AwsError({
        code: 'AccessDenied', message: 'Request is not yet valid', status: 403,
        fields: { 'X-Amz-Date': String(signedMs), Expires: isoSeconds(endMs), ServerTime: isoSeconds(nowMs) },
      });
    }
    return nowMs > endMs ? expired({ 'X-Amz-Expires': expiresV4, Expires: isoSeconds(endMs), ServerTime: isoSeconds(nowMs) }) : undefined;
  }
  const expiresV2 = firstParam(query, 'Expires');
  if (expiresV2 === undefined || firstParam(query, 'Signature') === undefined || firstParam(query, 'AWSAccessKeyId') === undefined) return undefined;
  if (!/^\d+$/.test(expiresV2)) return undefined;
  const endMs = Number(expiresV2) * 1000;
  return nowMs > endMs ? expired({ Expires: isoSeconds(endMs), ServerTime: isoSeconds(nowMs) }) : undefined;
}
