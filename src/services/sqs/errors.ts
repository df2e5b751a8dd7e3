/**
 * SQS's errors: one factory each, with the code the json protocol names in `__type` (the model's
 * error shape name), the legacy query code (rendered in query XML and in x-amzn-query-error), the
 * status and AWS's message. The two unmodelled errors are named differently in json's `__type`
 * (InvalidParameterValueException, MissingRequiredParameterException) than in the query code and
 * x-amzn-query-error (InvalidParameterValue, MissingParameter): AWS's answers as botocore records
 * them (QueryErrorCode), localstack tests/aws/services/sqs/test_sqs.snapshot.json, 2023-11-14.
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/CommonErrors.html
 */
import { AwsError } from '../../errors/aws-error.js';

const e = (code: string, status: number, message: string, queryCode?: string): AwsError =>
  new AwsError({ code, status, message, ...(queryCode !== undefined ? { queryCode } : {}) });

const legacy = (code: string): string => `AWS.SimpleQueueService.${code}`;

export const sqsErrors = {
  /**
   * json: "The specified queue does not exist." (localstack tests/aws/services/sqs/test_sqs.snapshot.json);
   * query: "... for this wsdl version." (AWS answers quoted in softwaremill/elasticmq#825, 2023,
   * and JoseLuisSR/awsmeter#23, 2025).
   */
  queueDoesNotExist: () => new AwsError({ code: 'QueueDoesNotExist', status: 400, message: 'The specified queue does not exist.',
    queryCode: legacy('NonExistentQueue'), queryMessage: 'The specified queue does not exist for this wsdl version.' }),
  queueNameExists: (attribute: string) => e('QueueNameExists', 400,
    `A queue already exists with the same name and a different value for attribute ${attribute}`, 'QueueAlreadyExists'),
  queueDeletedRecently: () => e('QueueDeletedRecently', 400,
    'You must wait 60 seconds after deleting a queue before you can create another with the same name.', legacy('QueueDeletedRecently')),
  purgeQueueInProgress: (arn: string) => e('PurgeQueueInProgress', 403,
    `Only one PurgeQueue operation on ${arn} is allowed every 60 seconds.`, legacy('PurgeQueueInProgress')),
  invalidAttributeName: (name: string) => e('InvalidAttributeName', 400, `Unknown Attribute ${name}.`),
  invalidAttributeNameMessage: (message: string) => e('InvalidAttributeName', 400, message),
  invalidAttributeValue: (name: string, reason?: string) => e('InvalidAttributeValue', 400,
    reason === undefined ? `Invalid value for the parameter ${name}.` : `Invalid value for the parameter ${name}. Reason: ${reason}`),
  invalidParameterValue: (message: string) => e('InvalidParameterValueException', 400, message, 'InvalidParameterValue'),
  /** "Value X for parameter P is invalid. Reason: R" — the form most SQS parameter errors take. */
  invalidValue: (value: unknown, parameter: string, reason: string) => e('InvalidParameterValueException', 400,
    `Value ${String(value)} for parameter ${parameter} is invalid. Reason: ${reason}`, 'InvalidParameterValue'),
  /**
   * A retried FIFO ReceiveRequestAttemptId whose messages were modified since: native AWS's words,
   * quoted from its answers in aws/aws-sdk-java#2613 (2021-07-19) and
   * awslabs/amazon-sqs-java-messaging-lib#101 (2021-07-21, HTTP 400, InvalidParameterValue).
   */
  receiveAttemptNotRetryable: (attemptId: string) => e('InvalidParameterValueException', 400,
    `Value ${attemptId} for parameter ReceiveRequestAttemptId is invalid. Reason: The receiveRequestAttemptId is not valid anymore since the receive call is not retryable.`,
    'InvalidParameterValue'),
  missingParameter: (parameter: string) => e('MissingRequiredParameterException', 400,
    `The request must contain the parameter ${parameter}.`, 'MissingParameter'),
  /**
   * A body with a character outside the XML character set: AWS names the first one, in upper-case
   * hex ('#x7': a 2019 answer quoted in asim/nitro-plugins#437; '#x1': Particular/NServiceBus.AmazonSQS#2630,
   * 2024-11; '#xFFFF': "the exact rejection SQS returned" in a 2026 production test).
   */
  invalidMessageContents: (character: number) => e('InvalidMessageContents', 400,
    `Invalid binary character '#x${character.toString(16).toUpperCase()}' was found in the message body, the set of allowed characters is #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].`),
  /** A handle that does not decode: native AWS's words (radkawar/stackd testdata/aws/sqs/metrics.json, 2026-09-15). */
  receiptHandleIsInvalid: () => e('ReceiptHandleIsInvalid', 404, 'The input receipt handle is invalid.', 'ReceiptHandleIsInvalid'),
  /** A well-formed handle of another queue: the wording of AWS's knowledge-center article on DeleteMessage. */
  receiptHandleNotValid: (handle: string) => e('ReceiptHandleIsInvalid', 404,
    `The input receipt handle "${handle}" is not a valid receipt handle.`, 'ReceiptHandleIsInvalid'),
  messageNotInflight: () => e('MessageNotInflight', 400, 'The message referred to is not in flight.', legacy('MessageNotInflight')),
  emptyBatchRequest: (prefix: string) => e('EmptyBatchRequest', 400,
    `There should be at least one ${prefix} in the request.`, legacy('EmptyBatchRequest')),
  tooManyEntriesInBatchRequest: (count: number) => e('TooManyEntriesInBatchRequest', 400,
    `Maximum number of entries per request are 10. You have sent ${count}.`, legacy('TooManyEntriesInBatchRequest')),
  batchEntryIdsNotDistinct: (id: string) => e('BatchEntryIdsNotDistinct', 400, `Id ${id} repeated.`, legacy('BatchEntryIdsNotDistinct')),
  invalidBatchEntryId: () => e('InvalidBatchEntryId', 400,
    'A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at most 80 letters long.', legacy('InvalidBatchEntryId')),
  batchRequestTooLong: (limit: number, sent: number) => e('BatchRequestTooLong', 400,
    `Batch requests cannot be longer than ${limit} bytes. You have sent ${sent} bytes.`, legacy('BatchRequestTooLong')),
  overLimit: (message: string) => e('OverLimit', 403, message, 'OverLimit'),
  resourceNotFound: (message: string) => e('ResourceNotFoundException', 404, message, 'ResourceNotFoundException'),
  unsupportedOperation: (message: string) => e('UnsupportedOperation', 400, message, legacy('UnsupportedOperation')),
};
