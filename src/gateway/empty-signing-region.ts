/**
 * A credential scope whose region is empty (".../20261207//sqs/aws4_request": what a client sends
 * when its region is set to nothing, e.g. `AWS_REGION=` or the Go SDK with a custom endpoint and no
 * region). AWS refuses it before the operation, each service in its own words; boltstack, which
 * otherwise accepts any region a client names (one endpoint serves every region), refuses only
 * this one, so the misconfiguration fails here as it fails on AWS rather than putting the
 * resources in a region named "".
 *
 * - S3: 400 AuthorizationHeaderMalformed / AuthorizationQueryParametersError (s3Errors.emptySigningRegion).
 * - DynamoDB (and its Streams API): 400 com.amazon.coral.service#InvalidSignatureException,
 *   "Credential should be scoped to a valid region, not ''. " with a lower-case "message" and
 *   its trailing space (dynalite's index.js, comments recorded against DynamoDB in 2013, which
 *   join each scope fault as "<sentence>. "; a raw DynamoDB InvalidSignatureException of
 *   2015-07-27 has the lower-case "message" and status 400).
 * - The query services (SQS, SNS, STS): 403 SignatureDoesNotMatch with the same sentence (IAM's
 *   and SQS's answers to a wrongly scoped region: terraform-provider-aws's IAM China comment,
 *   "SignatureDoesNotMatch: Credential should be scoped to a valid region, not 'us-east-1'.";
 *   aws/aws-sdk-ruby#508 for SQS; the trailing space as in the raw Elasticsearch answer of
 *   joona/aws-es-curl#15). SQS's JSON protocol answers the same code (no capture of its body
 *   was found; it reports SQS's query codes, as for ExpiredToken).
 */
import { AwsError } from '../errors/aws-error.js';
import { s3Errors } from '../services/s3/errors.js';

const MESSAGE = "Credential should be scoped to a valid region, not ''. ";

/** What `service` answers a request signed with an empty region; `via` says where the signature was. */
export function emptySigningRegionError(service: string, via: 'header' | 'query'): AwsError {
  if (service === 's3') return s3Errors.emptySigningRegion(via);
  if (service === 'dynamodb' || service === 'dynamodbstreams') {
    return new AwsError({ code: 'InvalidSignatureException', status: 400, message: MESSAGE });
  }
  return new AwsError({ code: 'SignatureDoesNotMatch', status: 403, message: MESSAGE });
}
