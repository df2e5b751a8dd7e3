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
  // A write's failed condition carrying the old item words its text in `Message`, its `message`
  // empty (write-condition.ts); the batch slot still says it: {Code: ConditionalCheckFailed,
  // Message: 'The conditional request failed', Item} (radkawar/stackd testdata/aws/dynamodb/
  // partiql_duplicate_keys.json seq 48, AWS us-east-1, 2026-09-17).
  const message = err.message !== '' ? err.message : typeof err.fields.Message === 'string' ? err.fields.Message : '';
  return { Code: CODES[err.code]!, Message: message, ...(item && { Item: item }) };
}
