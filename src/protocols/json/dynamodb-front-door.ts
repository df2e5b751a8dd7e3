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
 */
import { AwsError } from '../../errors/aws-error.js';
import type { ServiceName } from '../../model/types.js';

/** The media type every SDK sends: the common case, checked by the caller with one compare. */
export const JSON_1_0 = 'application/x-amz-json-1.0';

export const dynamoDbNotFound = (): AwsError => new AwsError({ code: 'UnknownOperationException', status: 404, message: '' });

/** The refusal for a request DynamoDB's front end does not take, or undefined. */
export function dynamoDbFrontDoor(service: ServiceName, method: string, contentType: string | undefined, bodyLength: number): AwsError | undefined {
  if (service !== 'dynamodb' && service !== 'dynamodbstreams') return undefined;
  if (method !== 'POST') return dynamoDbNotFound();
  if (bodyLength === 0) return undefined;
  const semicolon = contentType?.indexOf(';') ?? -1;
  const media = (semicolon < 0 ? contentType ?? '' : contentType!.slice(0, semicolon)).trim().toLowerCase();
  return media === JSON_1_0 || media === 'application/json' ? undefined : dynamoDbNotFound();
}
