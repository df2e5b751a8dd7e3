/**
 * The DynamoDB errors the value rules and the expression engine raise. The JSON protocol renders
 * `ValidationException` of DynamoDB as `com.amazon.coral.validate#ValidationException` and the
 * service's own errors as `com.amazonaws.dynamodb.v20120810#<Code>` (protocols/json/errors.ts),
 * exactly as AWS sends them.
 */
import { AwsError } from '../../../errors/aws-error.js';

export const validationException = (message: string): AwsError =>
  new AwsError({ code: 'ValidationException', status: 400, message });

/** An AwsError that is DynamoDB's ValidationException. */
export function isValidationException(error: unknown): error is AwsError {
  return error instanceof AwsError && error.code === 'ValidationException';
}
