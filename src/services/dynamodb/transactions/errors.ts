/**
 * Transaction errors, as DynamoDB sends them. TransactionCanceledException carries the
 * CancellationReasons, one per action in request order ("None" where the action was fine), and
 * names their codes in its message.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactWriteItems.html
 */
import { AwsError } from '../../../errors/aws-error.js';
import { ddbErrors } from '../errors.js';

export interface CancellationReason {
  Code: string;
  Message?: string;
  /** ReturnValuesOnConditionCheckFailure ALL_OLD: the item that failed its condition. */
  Item?: Record<string, unknown>;
}

const validation = ddbErrors.validation;

export const transactionCanceled = (reasons: CancellationReason[]): AwsError => new AwsError({
  code: 'TransactionCanceledException',
  status: 400,
  message: `Transaction cancelled, please refer cancellation reasons for specific reasons [${reasons.map((r) => r.Code).join(', ')}]`,
  // The protocol writes fields as they are: an array of reasons here.
  fields: { CancellationReasons: reasons as unknown as string },
});

export const multipleOperationsOnOneItem = (): AwsError => validation('Transaction request cannot include multiple operations on one item');

/**
 * An action naming no operation, in us-east-1's own sentence (eu-west-2 has moved to a
 * constraint on the list: paritysuite/dynamodb-conformance
 * tests/tier3/error-messages/transactWriteItems.test.ts "action with no operation", 2026-10).
 */
export const noAction = (): AwsError => validation('Invalid Request: TransactWriteRequest should contain Delete or Put or Update request');

export const oneActionPerItem = (): AwsError => validation('TransactItems can only contain one of Check, Put, Update or Delete');

/**
 * AWS's words (native AWS, radkawar/stackd testdata/aws/dynamodb/data.json seq 64, 2026-09); the
 * sentence the SDK model documents for the exception is not what the service sends.
 */
export const idempotentParameterMismatch = (): AwsError => new AwsError({
  code: 'IdempotentParameterMismatchException',
  status: 400,
  message: 'Specified idempotent token was used with different request parameters within the idempotency window',
});

/**
 * A request with the token of one that is still running (the SDKs retry it as throttling). The
 * wording is the one AWS sends (aws/aws-sdk-java-v2#2518).
 */
export const transactionInProgress = (): AwsError => new AwsError({
  code: 'TransactionInProgressException',
  status: 400,
  message: 'Transaction from previous request is still in progress',
});

/**
 * An empty or too long TransactItems. Too long, AWS either echoes the whole list in Java's
 * toString form (most regions) or, in the validation framework's newer wording, names the member
 * capitalised without the list (`Value at 'TransactItems'`): the second, which needs no echo
 * (paritysuite/dynamodb-conformance tests/tier3/error-messages/transactWriteItems.test.ts,
 * "> 100 actions", 2026-10).
 */
export const tooManyOrFew = (member: string, count: number, max: number): AwsError => validation(count === 0
  ? `1 validation error detected: Value '[]' at '${member}' failed to satisfy constraint: Member must have length greater than or equal to 1`
  : `1 validation error detected: Value at '${member[0]!.toUpperCase()}${member.slice(1)}' failed to satisfy constraint: Member must have length less than or equal to ${max}`);

export const conditionalCheckFailedReason = (item?: Record<string, unknown>): CancellationReason =>
  ({ Code: 'ConditionalCheckFailed', Message: 'The conditional request failed', ...(item && { Item: item }) });

export const NONE_REASON: CancellationReason = { Code: 'None' };

/**
 * An item another ongoing request holds (ongoing-writes.ts). The wording is AWS's, as the API
 * reference lists it under CancellationReasons and as SDK users quote it
 * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactWriteItems.html).
 */
const TRANSACTION_ONGOING = 'Transaction is ongoing for the item';

export const transactionConflictReason = (): CancellationReason => ({ Code: 'TransactionConflict', Message: TRANSACTION_ONGOING });

/** A PutItem, UpdateItem or DeleteItem on an item an ongoing TransactWriteItems holds (not retried by the SDKs). */
export const transactionConflict = (): AwsError => new AwsError({ code: 'TransactionConflictException', status: 400, message: TRANSACTION_ONGOING });
