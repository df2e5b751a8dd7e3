/** What each protocol answers when a request names no operation it knows. */
import { AwsError } from '../errors/aws-error.js';
import type { ServiceName } from '../model/types.js';

export const unknownOperation = (protocol: 'rest-xml' | 'json' | 'query', name: string, method: string, service?: ServiceName): AwsError => {
  switch (protocol) {
    case 'json':
      // DynamoDB (and a target no service owns, answered as DynamoDB) sends the bare
      // {"__type":"com.amazon.coral.service#UnknownOperationException"}, no message: architect/
      // dynalite test/connection.js, "incorrect target" and "incorrect target operation", written
      // against DynamoDB. SQS's wording is kept: no source tells it.
      if (service === 'sqs') return new AwsError({ code: 'UnknownOperationException', status: 400, message: `Unknown operation ${name}` });
      return new AwsError({ code: 'UnknownOperationException', status: 400, message: '' });
    case 'query':
      if (service === 'sqs') return sqsUnknownAction(name);
      if (name === '') return missingAction();
      return new AwsError({ code: 'InvalidAction', status: 400, message: `The action ${name} is not valid for this web service.` });
    case 'rest-xml':
      return new AwsError({
        code: 'MethodNotAllowed', status: 405, message: 'The specified method is not allowed against this resource.',
        fields: { Method: method, ResourceType: name },
      });
  }
};

/**
 * The ResourceType S3's MethodNotAllowed names for a path-style path: SERVICE for "/", as S3
 * answers POST / (versity/versitygw#1810, 2026), BUCKET for "/bucket" or "/bucket/", else OBJECT.
 */
export function s3ResourceType(path: string): 'SERVICE' | 'BUCKET' | 'OBJECT' {
  const slash = path.indexOf('/', 1);
  if (path.length <= 1) return 'SERVICE';
  return slash === -1 || slash === path.length - 1 ? 'BUCKET' : 'OBJECT';
}

/**
 * A copy with partNumber but no uploadId: UploadPartCopy missing its upload, which S3 refuses
 * rather than copying the whole object (versity/versitygw#1226, S3's XML quoted, 2025).
 */
export const partNumberWithoutUploadId = (): AwsError => new AwsError({
  code: 'InvalidArgument', status: 400, message: 'This operation does not accept partNumber without uploadId',
  fields: { ArgumentName: 'partNumber', ArgumentValue: 'partNumber' },
});

export const invalidUri = (): AwsError =>
  new AwsError({ code: 'InvalidURI', status: 400, message: "Couldn't parse the specified URI." });

export const headerTooLarge = (): AwsError =>
  new AwsError({ code: 'RequestHeaderSectionTooLarge', status: 400, message: 'Your request header section exceeds the maximum allowed size.' });

/**
 * SQS words an unknown action "for this endpoint", and answers a request with no Action at all
 * 404 with a bare <UnknownOperationException/> (protocols/query/encode.ts writes it): localstack's
 * TestSqsQueryApi test_invalid_action_raises_exception and
 * test_get_without_query_returns_unknown_operation (aws.validated).
 */
export function sqsUnknownAction(name: string): AwsError {
  if (name === '') return new AwsError({ code: 'UnknownOperationException', status: 404, message: '' });
  return new AwsError({ code: 'InvalidAction', status: 400, message: `The action ${name} is not valid for this endpoint.` });
}

/**
 * A query request to SNS or STS (or a form naming no service) without an Action, or with an empty
 * one: the query APIs' MissingAction, 400, in the words of their "Common Errors" pages (SNS and
 * STS API references: "The request is missing an action or a required parameter."). Before, it
 * was InvalidAction naming an empty action ("The action  is not valid..."). No capture of AWS's
 * answer was found; this is the modelled error closest to it. SQS answers its own
 * (sqsUnknownAction).
 */
export const missingAction = (): AwsError =>
  new AwsError({ code: 'MissingAction', status: 400, message: 'The request is missing an action or a required parameter.' });
