/**
 * An error of one statement in a BatchExecuteStatement, as the BatchStatementError it becomes:
 * the exception's code maps to the batch code enum (ConditionalCheckFailedException →
 * ConditionalCheckFailed, ValidationException → ValidationError, ...).
 */
import { isAwsError } from '../../../errors/aws-error.js';

const CODES: Record<string, string> = {
  ConditionalCheckFailedException: 'ConditionalCheckFailed',
  ItemCollectionSizeLimitExceededException: 'ItemCollectionSizeLimitExceeded',
  RequestLimitExceeded: 'RequestLimitExceeded',
  ValidationException: 'ValidationError',
  ProvisionedThroughputExceededException: 'ProvisionedThroughputExceeded',
  TransactionConflictException: 'TransactionConflict',
  ThrottlingException: 'ThrottlingError',
  InternalServerError: 'InternalServerError',
  ResourceNotFoundException: 'ResourceNotFound',
  AccessDeniedException: 'AccessDenied',
  DuplicateItemException: 'DuplicateItem',
};

export interface BatchStatementError { Code: string; Message: string; Item?: Record<string, unknown> }

export function batchStatementError(err: unknown): BatchStatementError {
  if (!isAwsError(err) || CODES[err.code] === undefined) throw err;
  const item = err.fields.Item as unknown as Record<string, unknown> | undefined;
  return { Code: CODES[err.code]!, Message: err.message, ...(item && { Item: item }) };
}
