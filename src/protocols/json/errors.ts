/**
 * JSON-protocol error identity. `__type` is `<namespace>#<Code>`: the service's own namespace
 * for modelled errors, but the Coral framework's for errors raised before the service runs
 * (what DynamoDB and SQS actually send, e.g. com.amazon.coral.service#SerializationException,
 * com.amazon.coral.validate#ValidationException).
 */
import { AwsError } from '../../errors/aws-error.js';
import type { ServiceName } from '../../model/types.js';

const SERVICE_NAMESPACES: Partial<Record<ServiceName, string>> = {
  dynamodb: 'com.amazonaws.dynamodb.v20120810',
  // The Streams API is served by the same Coral service as DynamoDB and shares its namespace.
  dynamodbstreams: 'com.amazonaws.dynamodb.v20120810',
  sqs: 'com.amazonaws.sqs',
};

const CORAL_SERVICE = new Set([
  'SerializationException', 'UnknownOperationException', 'UnrecognizedClientException',
  'MissingAuthenticationTokenException', 'IncompleteSignatureException',
  'AccessDeniedException', 'RequestEntityTooLarge',
]);

/**
 * Coral's namespace, but with the lower-case "message" of service errors: ExpiredTokenException
 * (guregu/dynamo#68, a raw DynamoDB answer, 2018) and InvalidSignatureException (a raw DynamoDB
 * answer of 2015-07-27, and dynalite's comments recorded against DynamoDB in 2013).
 */
const CORAL_LOWER_CASE_MESSAGE = new Set(['ExpiredTokenException', 'InvalidSignatureException']);

/** The namespace of the service's modelled shapes (errors' `__type`, the JVM names of its structures). */
export const modelNamespace = (service: ServiceName): string => SERVICE_NAMESPACES[service] ?? `com.amazonaws.${service}`;

export function jsonErrorType(service: ServiceName, code: string): string {
  if (code === 'ValidationException' && (service === 'dynamodb' || service === 'dynamodbstreams')) return `com.amazon.coral.validate#${code}`;
  if (CORAL_SERVICE.has(code) || CORAL_LOWER_CASE_MESSAGE.has(code)) return `com.amazon.coral.service#${code}`;
  return `${modelNamespace(service)}#${code}`;
}

/** Coral's framework errors carry "Message"; service errors "message" (as AWS sends them). */
export const messageKey = (code: string): string => (CORAL_SERVICE.has(code) ? 'Message' : 'message');

export const serializationException = (message?: string): AwsError => new AwsError({
  code: 'SerializationException',
  status: 400,
  message: message ?? '',
});
