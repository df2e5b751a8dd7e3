/**
 * Whether a request is signed with session credentials boltstack issued whose session has ended,
 * and what each protocol answers for one. For the gateway: it calls `isExpiredSession` with the
 * request's access key id and session token before dispatching, and refuses with
 * `expiredTokenError` when it says so. Synchronous and without I/O (the token carries its
 * expiry: session-token.ts); a key that is not a session's (`ASIA…`) costs one prefix check.
 *
 * AWS refuses an expired session before the operation runs, with the service's own words:
 * - S3: 400 ExpiredToken "The provided token has expired." and the token sent, as <Token-0>
 *   (romange/helio#15, 2022-09, and craftcms/aws-s3#182, 2025-03, raw S3 answers);
 * - DynamoDB (JSON): 400 {"__type":"com.amazon.coral.service#ExpiredTokenException","message":
 *   "The security token included in the request is expired"} (guregu/dynamo#68, 2018-03, a raw
 *   answer: 125 bytes, "message" in lower case);
 * - query services: 403 ExpiredToken "The security token included in the request is expired"
 *   (STS GetCallerIdentity: pulumi/pulumi-aws#2560, 2023-06; STS AssumeRole: boto/boto3#1431;
 *   SQS's query protocol: kifi/franz#63, aws/aws-sdk-go#249, AWS knowledge center
 *   security-token-expired; IAM's raw XML: cfn-sphere/cfn-sphere#55). SNS: no capture was found;
 *   it answers as the other query services (AWS's common authentication layer).
 * The clock is the wall clock, as the SDK's signer and credential refresh read it (an SDK v3
 * client refreshes credentials 5 minutes before their Expiration: @smithy/core EXPIRATION_MS),
 * not the injectable one tests move forward for TTLs.
 */
import { AwsError } from '../../errors/aws-error.js';
import { isSessionKey } from './credentials.js';
import { sessionTokenExpiry } from './session-token.js';

/**
 * True when `accessKeyId` is a session key and `sessionToken` a token boltstack issued for it
 * whose session ended at or before `now` (ms). False for every other request, among them a
 * session boltstack did not issue (its expiry is unknown here) and one sent without its token.
 */
export function isExpiredSession(accessKeyId: string | undefined, sessionToken: string | undefined, now: number = Date.now()): boolean {
  if (!isSessionKey(accessKeyId) || sessionToken === undefined) return false;
  const expiresAt = sessionTokenExpiry(accessKeyId!, sessionToken);
  return expiresAt !== undefined && expiresAt * 1000 <= now;
}

const QUERY_MESSAGE = 'The security token included in the request is expired';

/** What `service` answers a request whose session has expired; `sessionToken` is the token sent (S3 returns it). */
export function expiredTokenError(service: string, sessionToken: string): AwsError {
  if (service === 's3') {
    return new AwsError({ code: 'ExpiredToken', status: 400, message: 'The provided token has expired.', fields: { 'Token-0': sessionToken } });
  }
  if (service === 'dynamodb' || service === 'dynamodbstreams') {
    return new AwsError({ code: 'ExpiredTokenException', status: 400, message: QUERY_MESSAGE });
  }
  return new AwsError({ code: 'ExpiredToken', status: 403, message: QUERY_MESSAGE });
}
