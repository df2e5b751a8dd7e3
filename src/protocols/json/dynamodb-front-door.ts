/**
 * What DynamoDB's front end answers before it reads the target or the JSON: a request that is not
 * a POST, or that carries a body whose media type is neither application/json nor
 * application/x-amz-json-1.0 (JSON 1.1, text/plain, none at all), is 404 with the bare XML body
 * `<UnknownOperationException/>` and a newline (encode.ts writes it). Parameters after the media
 * type are not read: "application/json;charset=asfdsaf" and "  application/json  ;   asfd" go on
 * to the JSON. Source: architect/dynalite test/connection.js, written against DynamoDB ("should
 * return 404 if a PUT / if a DELETE / if body but no content-type / if body and
 * application/x-amz-json-1.1 / if body but slightly different content-type", and the
 * SerializationException rows for the parameter variants). Media types compare without case
 * (RFC 9110 §8.3.1): no source tells DynamoDB's own.
 *
 * The gateway routes a GET / without a target to S3, so only a request naming a DynamoDB or
 * Streams target gets here. SQS's JSON front end is left as it was: no source tells its answer.
 * A request taken is answered in its own media type (labelDynamoDbAnswer).
 */
import { AwsError } from '../../errors/aws-error.js';
import type { ServiceName } from '../../model/types.js';

/** The media type every SDK sends: the common case, checked by the caller with one compare. */
export const JSON_1_0 = 'application/x-amz-json-1.0';

export const dynamoDbNotFound = (): AwsError => new AwsError({ code: 'UnknownOperationException', status: 404, message: '' });

const isDynamoDb = (service: ServiceName | undefined): boolean => service === 'dynamodb' || service === 'dynamodbstreams';

/** A Content-Type's media type: before any parameters, trimmed, lower case. */
function mediaType(contentType: string | undefined): string {
  const semicolon = contentType?.indexOf(';') ?? -1;
  return (semicolon < 0 ? contentType ?? '' : contentType!.slice(0, semicolon)).trim().toLowerCase();
}

/** The refusal for a request DynamoDB's front end does not take, or undefined. */
export function dynamoDbFrontDoor(service: ServiceName, method: string, contentType: string | undefined, bodyLength: number): AwsError | undefined {
  if (!isDynamoDb(service)) return undefined;
  if (method !== 'POST') return dynamoDbNotFound();
  if (bodyLength === 0) return undefined;
  const media = mediaType(contentType);
  return media === JSON_1_0 || media === 'application/json' ? undefined : dynamoDbNotFound();
}

/**
 * DynamoDB answers in the media type it was asked in: a JSON answer to a request that was not
 * application/x-amz-json-1.0 (application/json, or no body and no Content-Type) is labelled
 * application/json. Source: architect/dynalite test/connection.js, whose assertSerialization and
 * assertUnknownOp check the Content-Type (application/json by default, x-amz-json-1.0 for an
 * x-amz-json-1.0 request, parameters or not). The gateway calls this only when the request's
 * Content-Type is not exactly JSON_1_0, so an SDK's request pays one compare.
 */
export function labelDynamoDbAnswer(service: ServiceName | undefined, requestContentType: string | undefined, headers: Record<string, string>): void {
  if (!isDynamoDb(service) || headers['content-type'] !== JSON_1_0) return;
  if (mediaType(requestContentType) !== JSON_1_0) headers['content-type'] = 'application/json';
}
