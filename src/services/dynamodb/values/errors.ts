/**
 * The DynamoDB errors the value rules and the expression engine raise. The JSON protocol renders
 * `ValidationException` of DynamoDB as `com.amazon.coral.validate#ValidationException` and the
 * service's own errors as `com.amazonaws.dynamodb.v20120810#<Code>` (protocols/json/errors.ts),
 * exactly as AWS sends them.
 */
import { AwsError } from '../../../errors/aws-error.js';

/**
 * A ValidationException raised while checking a request's values and expressions (as opposed to
 * checks against the table). Its own class so an operation can wrap exactly these in AWS's
 * envelope (withValidationEnvelope).
 */
export class RequestValidationError extends AwsError {
  constructor(message: string) {
    super({ code: 'ValidationException', status: 400, message });
  }
}

export const validationException = (message: string): AwsError => new RequestValidationError(message);

/**
 * Which of DynamoDB's two value-validation layers answers (captured against AWS in four regions,
 * 2026-10, by paritysuite/dynamodb-conformance tests/tier3/error-messages/valueLayers.test.ts):
 * 'current' for PutItem, UpdateItem, DeleteItem, GetItem, BatchGetItem and Query; 'older' for
 * BatchWriteItem, TransactWriteItems, TransactGetItems and Scan. They word empty numbers and
 * duplicate set members differently, and only the older one wraps a bad expression value in
 * "ExpressionAttributeValues contains invalid value: … for key :v".
 */
export type ValueLayer = 'current' | 'older';

const OLDER_LAYER = new Set(['BatchWriteItem', 'TransactWriteItems', 'TransactGetItems', 'Scan']);

/** The validation layer an operation answers with. */
export const valueLayerFor = (operation: string): ValueLayer => (OLDER_LAYER.has(operation) ? 'older' : 'current');

/** Does the operation put its request-validation messages in the envelope? */
export const usesValidationEnvelope = (operation: string): boolean =>
  operation === 'PutItem' || operation === 'UpdateItem' || operation === 'DeleteItem';

/** PutItem, UpdateItem and DeleteItem put request-validation messages in this envelope. */
export const VALIDATION_ENVELOPE = '1 validation error detected: ';

/**
 * `error` inside AWS's envelope when it is a request-validation error not yet in it, else `error`
 * itself: the catch of PutItem, UpdateItem and DeleteItem around their value and expression
 * checks (a try/catch in the handler, no closure per request on the hot path).
 */
export function inValidationEnvelope(error: unknown): unknown {
  if (error instanceof RequestValidationError && !error.message.startsWith(VALIDATION_ENVELOPE)) {
    return new RequestValidationError(VALIDATION_ENVELOPE + error.message);
  }
  return error;
}

/** Runs `run`, re-throwing its request-validation errors inside AWS's envelope. */
export function withValidationEnvelope<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw inValidationEnvelope(error);
  }
}

/**
 * PutItem's and DeleteItem's ReturnValues other than NONE and ALL_OLD (a request-validation
 * error, so inside the envelope): paritysuite/dynamodb-conformance
 * tests/tier3/error-messages/deleteItem.test.ts (two regions, 2026-10-09); the same words for
 * PutItem in architect/dynalite test/putItem.js "incorrect ReturnValues".
 */
export const onlyOldReturnValues = (): AwsError => validationException('ReturnValues can only be ALL_OLD or NONE');

/** An AwsError that is DynamoDB's ValidationException. */
export function isValidationException(error: unknown): error is AwsError {
  return error instanceof AwsError && error.code === 'ValidationException';
}
