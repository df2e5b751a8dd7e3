/**
 * SNS's errors: one factory each, with the code, status and message SNS answers (the typed
 * errors Terraform's provider checks: NotFound, InvalidParameter, AuthorizationError).
 * https://docs.aws.amazon.com/sns/latest/api/CommonErrors.html
 */
import { AwsError } from '../../errors/aws-error.js';

const e = (code: string, status: number, message: string): AwsError => new AwsError({ code, status, message });

export const snsErrors = {
  invalidParameter: (message: string) => e('InvalidParameter', 400, message),
  /** "Invalid parameter: <name>" and, with a reason, "… Reason: <reason>". */
  invalid: (name: string, reason?: string) => e('InvalidParameter', 400, reason === undefined ? `Invalid parameter: ${name}` : `Invalid parameter: ${name} Reason: ${reason}`),
  parameterValueInvalid: (message: string) => e('ParameterValueInvalid', 400, message),
  /** The validation layer's answer to a request that breaks the API model. */
  validation: (message: string) => e('ValidationError', 400, message),
  topicNotFound: () => e('NotFound', 404, 'Topic does not exist'),
  subscriptionNotFound: () => e('NotFound', 404, 'Subscription does not exist'),
  endpointNotFound: () => e('NotFound', 404, 'Endpoint does not exist'),
  applicationNotFound: () => e('NotFound', 404, 'PlatformApplication does not exist'),
  resourceNotFound: () => e('ResourceNotFound', 404, 'Resource does not exist'),
  authorization: (message: string) => e('AuthorizationError', 403, message),
  tagLimitExceeded: () => e('TagLimitExceeded', 400, 'Could not complete request: tag quota of per resource exceeded'),
  emptyBatch: () => e('EmptyBatchRequest', 400, 'The batch request doesn\'t contain any entries'),
  tooManyEntries: () => e('TooManyEntriesInBatchRequest', 400, 'The batch request contains more entries than permissible.'),
  batchIdsNotDistinct: () => e('BatchEntryIdsNotDistinct', 400, 'Two or more batch entries in the request have the same Id.'),
  invalidBatchEntryId: () => e('InvalidBatchEntryId', 400, 'A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at most 80 letters long.'),
  batchTooLong: () => e('BatchRequestTooLong', 400, 'The length of all the messages put together is more than the limit.'),
  endpointDisabled: () => e('EndpointDisabled', 400, 'Endpoint is disabled'),
  invalidState: (message: string) => e('InvalidState', 400, message),
  /** An operation the resource cannot take, e.g. "Operation (GetDataProtectionPolicy) is not supported on FIFO topics". */
  invalidAction: (message: string) => e('InvalidAction', 400, message),
};
