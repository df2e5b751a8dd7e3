/**
 * SQS's answers to the mistakes users make, row by row against what real AWS answered: each row
 * is one request and AWS's status, code and exact message, with where that answer was recorded
 * (localstack's snapshot tests record AWS's responses verbatim through botocore; the ballerina
 * SQS connector's tests assert AWS's answers from eu-north-1). Over json 1.0 each row checks the
 * code SDKs show (x-amzn-query-error, as AWS's query protocol names it), the error shape in
 * `__type` (botocore's QueryErrorCode in the snapshots) and the message; a few rows go over the
 * query protocol too.
 */
import test from 'ava';
import { startBoltstack } from '../../helpers/server.js';
import { queryPost, xmlValue } from '../../helpers/query-client.js';
import { sqsJson, sqsJsonOk, uniqueQueue, type SqsJsonAnswer } from '../../helpers/sqs.js';
import type { Boltstack } from '../../../src/index.js';
import { registerJsonErrorRows, type JsonErrorRow } from './json-error-rows.js';

const SNAP = 'localstack tests/aws/services/sqs/test_sqs.snapshot.json';
const BAL = 'ballerina-platform/module-ballerinax-aws.sqs ballerina/tests/test.bal';

let server: Boltstack;

/** The queues the rows act on, made once. */
interface Fixtures {
  standard: string; standardName: string;
  fifo: string; fifoName: string;
  small: string;
  purged: string;
  /** A receipt handle of a message received from `standard`. */
  handle: string;
}
let fx: Fixtures;

const json = (operation: string, input: unknown): Promise<SqsJsonAnswer> => sqsJson(server.endpoint, operation, input);
const ok = (operation: string, input: unknown): Promise<Record<string, unknown>> => sqsJsonOk(server.endpoint, operation, input);

test.before(async () => {
  server = await startBoltstack();
  const standardName = uniqueQueue('ans');
  const fifoName = `${uniqueQueue('ans')}.fifo`;
  const standard = (await ok('CreateQueue', { QueueName: standardName })).QueueUrl as string;
  const fifo = (await ok('CreateQueue', { QueueName: fifoName, Attributes: { FifoQueue: 'true' } })).QueueUrl as string;
  const small = (await ok('CreateQueue', { QueueName: uniqueQueue('ans-small'), Attributes: { MaximumMessageSize: '1024' } })).QueueUrl as string;
  const purged = (await ok('CreateQueue', { QueueName: uniqueQueue('ans-purged') })).QueueUrl as string;
  await ok('PurgeQueue', { QueueUrl: purged });
  await ok('SendMessage', { QueueUrl: standard, MessageBody: 'to receive' });
  const received = await ok('ReceiveMessage', { QueueUrl: standard, VisibilityTimeout: 600 });
  const handle = (received.Messages as Array<{ ReceiptHandle: string }>)[0]!.ReceiptHandle;
  await ok('AddPermission', { QueueUrl: standard, Label: 'crossaccountpermission', AWSAccountIds: ['111122223333'], Actions: ['ReceiveMessage'] });
  fx = { standard, standardName, fifo, fifoName, small, purged, handle };
});
test.after.always(async () => { await server?.stop(); });

type Row = JsonErrorRow<Fixtures>;

const IPV = { code: 'InvalidParameterValue', type: 'InvalidParameterValueException' };
const NO_QUEUE = { status: 400, code: 'AWS.SimpleQueueService.NonExistentQueue', type: 'QueueDoesNotExist', message: 'The specified queue does not exist.' };
const BATCH_ID = 'A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at most 80 letters long.';
const entries = (n: number, extra: Record<string, unknown> = {}) => Array.from({ length: n }, (_, i) => ({ Id: `e${i}`, ...extra }));

const ROWS: Row[] = [
  // CreateQueue
  { name: 'a name with a slash', source: `${BAL} testCreateQueueWithInvalidName`, operation: 'CreateQueue',
    input: () => ({ QueueName: 'invalid/name' }), status: 400, ...IPV,
    message: 'Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length' },
  { name: 'DelaySeconds 901', source: `${BAL} testCreateQueueWithInvalidAttributes`, operation: 'CreateQueue',
    input: () => ({ QueueName: uniqueQueue('ans-x'), Attributes: { DelaySeconds: '901' } }), status: 400, code: 'InvalidAttributeValue',
    message: 'Invalid value for the parameter DelaySeconds.' },
  { name: 'the same name with another DelaySeconds', source: `${SNAP} test_create_queue_with_different_attributes_raises_exception`,
    operation: 'CreateQueue', input: (f) => ({ QueueName: f.standardName, Attributes: { DelaySeconds: '1' } }), status: 400,
    code: 'QueueAlreadyExists', type: 'QueueNameExists', message: 'A queue already exists with the same name and a different value for attribute DelaySeconds' },
  { name: 'the same FIFO name with another ContentBasedDeduplication', source: `${SNAP} test_create_fifo_queue_with_different_attributes_raises_error`,
    operation: 'CreateQueue', input: (f) => ({ QueueName: f.fifoName, Attributes: { FifoQueue: 'true', ContentBasedDeduplication: 'true' } }),
    status: 400, code: 'QueueAlreadyExists', type: 'QueueNameExists',
    message: 'A queue already exists with the same name and a different value for attribute ContentBasedDeduplication' },
  { name: 'FifoQueue "false" for a standard queue', source: 'aws/aws-cdk#31922 (2024-10) and aws/aws-sdk-php#1331 (2017), quoting AWS',
    operation: 'CreateQueue', input: () => ({ QueueName: uniqueQueue('ans-x'), Attributes: { FifoQueue: 'false' } }), status: 400,
    code: 'InvalidAttributeName', message: 'Unknown Attribute FifoQueue.' },
  { name: 'SQS and KMS encryption together', source: `${SNAP} test_sse_kms_and_sqs_are_mutually_exclusive`, operation: 'CreateQueue',
    input: () => ({ QueueName: uniqueQueue('ans-x'), Attributes: { SqsManagedSseEnabled: 'true', KmsMasterKeyId: 'testKeyId' } }),
    status: 400, code: 'InvalidAttributeName',
    message: 'You can use one type of server-side encryption (SSE) at one time. You can either enable KMS SSE or SQS SSE.' },
  // SetQueueAttributes
  { name: 'DelaySeconds 901', source: `${BAL} testSetQueueAttribuesWithInvalidDelay`, operation: 'SetQueueAttributes',
    input: (f) => ({ QueueUrl: f.standard, Attributes: { DelaySeconds: '901' } }), status: 400, code: 'InvalidAttributeValue',
    message: 'Invalid value for the parameter DelaySeconds.' },
  { name: 'SQS and KMS encryption together', source: `${SNAP} test_sse_kms_and_sqs_are_mutually_exclusive`, operation: 'SetQueueAttributes',
    input: (f) => ({ QueueUrl: f.standard, Attributes: { KmsMasterKeyId: 'testKeyId', SqsManagedSseEnabled: 'true' } }), status: 400,
    code: 'InvalidAttributeName', message: 'You can use one type of server-side encryption (SSE) at one time. You can either enable KMS SSE or SQS SSE.' },
  { name: 'FifoQueue on a standard queue', source: `${SNAP} test_set_unsupported_attribute_fifo "invalid-attr-name-1"`, operation: 'SetQueueAttributes',
    input: (f) => ({ QueueUrl: f.standard, Attributes: { FifoQueue: 'true' } }), status: 400, code: 'InvalidAttributeName',
    message: 'Unknown Attribute FifoQueue.' },
  { name: 'FifoQueue false on a FIFO queue', source: `${SNAP} test_set_unsupported_attribute_fifo "invalid-attr-name-2"`, operation: 'SetQueueAttributes',
    input: (f) => ({ QueueUrl: f.fifo, Attributes: { FifoQueue: 'false' } }), status: 400, code: 'InvalidAttributeValue',
    message: 'Invalid value for the parameter FifoQueue. Reason: Modifying queue type is not supported.' },
  { name: 'a RedrivePolicy whose target is not an ARN', source: `${SNAP} test_invalid_dead_letter_arn_rejected_before_lookup`,
    operation: 'SetQueueAttributes', input: (f) => ({ QueueUrl: f.standard, Attributes: { RedrivePolicy: '{"deadLetterTargetArn": "dummy", "maxReceiveCount": 42}' } }),
    status: 400, ...IPV,
    message: 'Value {"deadLetterTargetArn": "dummy", "maxReceiveCount": 42} for parameter RedrivePolicy is invalid. Reason: Invalid value for deadLetterTargetArn.' },
  // SendMessage
  { name: 'an empty body', source: `${BAL} testSendMessageWithEmptyMessageBody; ${SNAP} QueryErrorCode of MissingParameter`, operation: 'SendMessage',
    input: (f) => ({ QueueUrl: f.standard, MessageBody: '' }), status: 400, code: 'MissingParameter', type: 'MissingRequiredParameterException',
    message: 'The request must contain the parameter MessageBody.' },
  { name: 'DelaySeconds -1', source: `${BAL} testSendMessageWithInvalidDelay`, operation: 'SendMessage',
    input: (f) => ({ QueueUrl: f.standard, MessageBody: 'x', DelaySeconds: -1 }), status: 400, ...IPV,
    message: 'Value -1 for parameter DelaySeconds is invalid. Reason: DelaySeconds must be >= 0 and <= 900.' },
  { name: 'DelaySeconds 1000', source: `${BAL} testSendMessageWithExcessiveDelay`, operation: 'SendMessage',
    input: (f) => ({ QueueUrl: f.standard, MessageBody: 'x', DelaySeconds: 1000 }), status: 400, ...IPV,
    message: 'Value 1000 for parameter DelaySeconds is invalid. Reason: DelaySeconds must be >= 0 and <= 900.' },
  { name: 'an attribute of an unknown type', source: `${BAL} testSendMessageWithInvalidAttributes`, operation: 'SendMessage',
    input: (f) => ({ QueueUrl: f.standard, MessageBody: 'x', MessageAttributes: { invalidAttribute: { DataType: 'InvalidType', StringValue: 'value' } } }),
    status: 400, ...IPV,
    message: "The type of message (user) attribute 'invalidAttribute' is invalid. You must use only the following supported type prefixes: Binary, Number, String." },
  { name: 'an attribute of type "String." (a custom type with an empty label)',
    source: 'inferred: the custom type is "a data type, a dot and a label" (SQS developer guide, message attribute data types); '
      + 'SNS, under the same rules, refuses "String." as an unknown type (localstack tests/aws/services/sns/test_sns.snapshot.json test_message_attributes_prefixes)',
    operation: 'SendMessage', input: (f) => ({ QueueUrl: f.standard, MessageBody: 'x', MessageAttributes: { a: { DataType: 'String.', StringValue: 'v' } } }),
    status: 400, ...IPV,
    message: "The type of message (user) attribute 'a' is invalid. You must use only the following supported type prefixes: Binary, Number, String." },
  { name: 'an attribute with an empty string value', source: `${SNAP} test_send_message_with_empty_string_attribute`, operation: 'SendMessage',
    input: (f) => ({ QueueUrl: f.standard, MessageBody: 'x', MessageAttributes: { ErrorDetails: { DataType: 'String', StringValue: '' } } }),
    status: 400, ...IPV, message: "Message (user) attribute 'ErrorDetails' must contain a non-empty value of type 'String'." },
  { name: 'a message over the queue\'s MaximumMessageSize', source: `${SNAP} test_send_message_with_updated_maximum_message_size`,
    operation: 'SendMessage', input: (f) => ({ QueueUrl: f.small, MessageBody: 'x'.repeat(1025) }), status: 400, ...IPV,
    message: 'One or more parameters are invalid. Reason: Message must be shorter than 1024 bytes.' },
  { name: 'to a queue that does not exist', source: `${BAL} testSendMessageToNonexistentQueue`, operation: 'SendMessage',
    input: (f) => ({ QueueUrl: `${f.standard}-gone`, MessageBody: 'x' }), ...NO_QUEUE },
  { name: 'FIFO without MessageGroupId', source: `${SNAP} test_posting_to_fifo_requires_deduplicationid_group_id "missing-parameter"`,
    operation: 'SendMessage', input: (f) => ({ QueueUrl: f.fifo, MessageBody: 'x', MessageDeduplicationId: 'd' }), status: 400,
    code: 'MissingParameter', type: 'MissingRequiredParameterException', message: 'The request must contain the parameter MessageGroupId.' },
  { name: 'FIFO without a deduplication id', source: `${SNAP} test_posting_to_fifo_requires_deduplicationid_group_id "invalid-parameter-value"`,
    operation: 'SendMessage', input: (f) => ({ QueueUrl: f.fifo, MessageBody: 'x', MessageGroupId: 'g' }), status: 400, ...IPV,
    message: 'The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly' },
  { name: 'FIFO with DelaySeconds', source: `${SNAP} test_fifo_queue_send_message_with_delay_seconds_fails`, operation: 'SendMessage',
    input: (f) => ({ QueueUrl: f.fifo, MessageBody: 'x', MessageGroupId: 'g', MessageDeduplicationId: 'd', DelaySeconds: 2 }), status: 400, ...IPV,
    message: 'Value 2 for parameter DelaySeconds is invalid. Reason: The request include parameter that is not valid for this queue type.' },
  // SendMessageBatch
  { name: 'no entries', source: `${BAL} testSendMessageBatchWithEmptyList`, operation: 'SendMessageBatch',
    input: (f) => ({ QueueUrl: f.standard, Entries: [] }), status: 400, code: 'AWS.SimpleQueueService.EmptyBatchRequest', type: 'EmptyBatchRequest',
    message: 'There should be at least one SendMessageBatchRequestEntry in the request.' },
  { name: 'eleven entries', source: `${BAL} testSendMessageBatchExceedsLimit`, operation: 'SendMessageBatch',
    input: (f) => ({ QueueUrl: f.standard, Entries: entries(11, { MessageBody: 'x' }) }), status: 400,
    code: 'AWS.SimpleQueueService.TooManyEntriesInBatchRequest', type: 'TooManyEntriesInBatchRequest',
    message: 'Maximum number of entries per request are 10. You have sent 11.' },
  { name: 'an id twice', source: `${BAL} testSendMessageBatchWithDuplicatemessageId`, operation: 'SendMessageBatch',
    input: (f) => ({ QueueUrl: f.standard, Entries: [{ Id: 'idA', MessageBody: 'A' }, { Id: 'idA', MessageBody: 'B' }] }), status: 400,
    code: 'AWS.SimpleQueueService.BatchEntryIdsNotDistinct', type: 'BatchEntryIdsNotDistinct', message: 'Id idA repeated.' },
  { name: 'an id with a colon', source: `${SNAP} test_invalid_batch_id`, operation: 'SendMessageBatch',
    input: (f) => ({ QueueUrl: f.standard, Entries: [{ Id: 'invalid:id', MessageBody: 'x' }] }), status: 400,
    code: 'AWS.SimpleQueueService.InvalidBatchEntryId', type: 'InvalidBatchEntryId', message: BATCH_ID },
  { name: 'a FIFO entry without MessageGroupId', source: `${SNAP} test_send_batch_missing_message_group_id_for_fifo_queue`,
    operation: 'SendMessageBatch', input: (f) => ({ QueueUrl: f.fifo, Entries: [
      { Id: 'ok', MessageBody: 'x', MessageGroupId: 'g', MessageDeduplicationId: 'd1' }, { Id: 'bad', MessageBody: 'x', MessageDeduplicationId: 'd2' }] }),
    status: 400, ...IPV, message: 'The request must contain the parameter MessageGroupId.' },
  { name: 'a FIFO entry without a deduplication id', source: `${SNAP} test_send_batch_missing_deduplication_id_for_fifo_queue`,
    operation: 'SendMessageBatch', input: (f) => ({ QueueUrl: f.fifo, Entries: [
      { Id: 'ok', MessageBody: 'x', MessageGroupId: 'g', MessageDeduplicationId: 'd1' }, { Id: 'bad', MessageBody: 'x', MessageGroupId: 'g' }] }),
    status: 400, ...IPV, message: 'The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly' },
  // ReceiveMessage
  { name: 'MaxNumberOfMessages 11', source: `${SNAP} test_send_receive_max_number_of_messages`, operation: 'ReceiveMessage',
    input: (f) => ({ QueueUrl: f.standard, MaxNumberOfMessages: 11 }), status: 400, ...IPV,
    message: 'Value 11 for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if provided.' },
  { name: 'MaxNumberOfMessages 20', source: `${BAL} testReceiveMessageInvalidMaxMessages (code and status)`, operation: 'ReceiveMessage',
    input: (f) => ({ QueueUrl: f.standard, MaxNumberOfMessages: 20 }), status: 400, ...IPV,
    message: 'Value 20 for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if provided.' },
  // Receipt handles and visibility
  { name: 'DeleteMessage with a made-up handle', source: `${BAL} testDeleteMessageWithInvalidReceiptHandle (code and status); radkawar/stackd testdata/aws/sqs/metrics.json individual-invalid-delete (message, 2026-09-15)`,
    operation: 'DeleteMessage', input: (f) => ({ QueueUrl: f.standard, ReceiptHandle: 'InvalidReceiptHandle123' }), status: 404, code: 'ReceiptHandleIsInvalid',
    message: 'The input receipt handle is invalid.' },
  { name: 'DeleteMessageBatch with an id twice', source: `${BAL} testDeleteMessageBatchWithDuplicateIds`, operation: 'DeleteMessageBatch',
    input: (f) => ({ QueueUrl: f.standard, Entries: [{ Id: 'dup-id', ReceiptHandle: f.handle }, { Id: 'dup-id', ReceiptHandle: f.handle }] }), status: 400,
    code: 'AWS.SimpleQueueService.BatchEntryIdsNotDistinct', type: 'BatchEntryIdsNotDistinct', message: 'Id dup-id repeated.' },
  { name: 'DeleteMessageBatch with an empty id', source: `${SNAP} test_delete_message_batch_invalid_msg_id[]`, operation: 'DeleteMessageBatch',
    input: (f) => ({ QueueUrl: f.standard, Entries: [{ Id: '', ReceiptHandle: f.handle }] }), status: 400,
    code: 'AWS.SimpleQueueService.InvalidBatchEntryId', type: 'InvalidBatchEntryId', message: BATCH_ID },
  { name: 'DeleteMessageBatch with a 100-character id', source: `${SNAP} test_delete_message_batch_invalid_msg_id[testLongId...]`,
    operation: 'DeleteMessageBatch', input: (f) => ({ QueueUrl: f.standard, Entries: [{ Id: 'testLongId'.repeat(10), ReceiptHandle: f.handle }] }),
    status: 400, code: 'AWS.SimpleQueueService.InvalidBatchEntryId', type: 'InvalidBatchEntryId', message: BATCH_ID },
  { name: 'DeleteMessageBatch with twenty entries', source: `${SNAP} test_delete_message_batch_with_too_large_batch`, operation: 'DeleteMessageBatch',
    input: (f) => ({ QueueUrl: f.standard, Entries: entries(20, { ReceiptHandle: f.handle }) }), status: 400,
    code: 'AWS.SimpleQueueService.TooManyEntriesInBatchRequest', type: 'TooManyEntriesInBatchRequest',
    message: 'Maximum number of entries per request are 10. You have sent 20.' },
  { name: 'ChangeMessageVisibilityBatch with twenty entries', source: `${SNAP} test_change_message_visibility_batch_with_too_large_batch`,
    operation: 'ChangeMessageVisibilityBatch', input: (f) => ({ QueueUrl: f.standard, Entries: entries(20, { ReceiptHandle: f.handle, VisibilityTimeout: 1 }) }),
    status: 400, code: 'AWS.SimpleQueueService.TooManyEntriesInBatchRequest', type: 'TooManyEntriesInBatchRequest',
    message: 'Maximum number of entries per request are 10. You have sent 20.' },
  // Queues, purge, permissions, tags
  { name: 'GetQueueUrl of a queue that does not exist', source: `${BAL} testGetNonExistentQueueUrl`, operation: 'GetQueueUrl',
    input: () => ({ QueueName: uniqueQueue('ans-none') }), ...NO_QUEUE },
  { name: 'DeleteQueue of a queue that does not exist', source: `${BAL} testDeleteNonExistentQueue`, operation: 'DeleteQueue',
    input: (f) => ({ QueueUrl: `${f.standard}-none` }), ...NO_QUEUE },
  { name: 'a second PurgeQueue within 60 seconds (code and status; the message names the queue, as a placeholder in the snapshot)',
    source: `${SNAP} test_successive_purge_calls_fail`, operation: 'PurgeQueue', input: (f) => ({ QueueUrl: f.purged }), status: 403,
    code: 'AWS.SimpleQueueService.PurgeQueueInProgress', type: 'PurgeQueueInProgress', message: '' },
  { name: 'AddPermission with a label already used', source: `${SNAP} test_sqs_permission_lifecycle`, operation: 'AddPermission',
    input: (f) => ({ QueueUrl: f.standard, Label: 'crossaccountpermission', AWSAccountIds: ['111122223333'], Actions: ['ReceiveMessage'] }),
    status: 400, ...IPV, message: 'Value crossaccountpermission for parameter Label is invalid. Reason: Already exists.' },
  { name: 'RemovePermission of a label never added', source: `${SNAP} test_sqs_permission_lifecycle`, operation: 'RemovePermission',
    input: (f) => ({ QueueUrl: f.standard, Label: 'crossaccountpermission2' }), status: 400, ...IPV,
    message: "Value crossaccountpermission2 for parameter Label is invalid. Reason: can't find label." },
  { name: 'TagQueue with an empty key', source: `${BAL} testTagQueueWithEmptyTagKey`, operation: 'TagQueue',
    input: (f) => ({ QueueUrl: f.standard, Tags: { '': 'production' } }), status: 400, ...IPV,
    message: 'Tag keys must be between 1 and 128 characters in length.' },
];

registerJsonErrorRows(test, ROWS, json, () => fx);

test(`SendMessageBatch: an entry without a body fails alone with EmptyValue [redpanda-data/connect#1070; ${BAL} testSendMessageBatchPartialFailure]`, async (t) => {
  const answer = await json('SendMessageBatch', { QueueUrl: fx.standard, Entries: [{ Id: '1', MessageBody: 'Valid message' }, { Id: '2', MessageBody: '' }] });
  t.is(answer.status, 200, JSON.stringify(answer.body));
  t.is((answer.body.Successful as unknown[]).length, 1);
  t.deepEqual(answer.body.Failed, [{ Id: '2', SenderFault: true, Code: 'EmptyValue', Message: 'No Value Found for SendMessageBatchRequestEntry.2.MessageBody.' }]);
});

test('ChangeMessageVisibility: 43200 s more for a message received earlier [localstack/localstack#3956, 2021, quoting AWS]', async (t) => {
  const answer = await json('ChangeMessageVisibility', { QueueUrl: fx.standard, ReceiptHandle: fx.handle, VisibilityTimeout: 43200 });
  t.is(answer.status, 400);
  t.is(answer.queryError, 'InvalidParameterValue;Sender');
  t.is(answer.body.message, 'Value 43200 for parameter VisibilityTimeout is invalid. Reason: Total VisibilityTimeout for the message is beyond the limit [43200 seconds]');
});

test(`DeleteMessage: a FIFO handle whose visibility timeout has passed [${SNAP} test_fifo_delete_message_with_expired_receipt_handle]`, async (t) => {
  const name = `${uniqueQueue('ans-exp')}.fifo`;
  const url = (await ok('CreateQueue', { QueueName: name, Attributes: { FifoQueue: 'true' } })).QueueUrl as string;
  await ok('SendMessage', { QueueUrl: url, MessageBody: 'g1-m1', MessageGroupId: 'g1', MessageDeduplicationId: 'd1' });
  const received = await ok('ReceiveMessage', { QueueUrl: url, VisibilityTimeout: 1 });
  const handle = (received.Messages as Array<{ ReceiptHandle: string }>)[0]!.ReceiptHandle;
  await new Promise((resolve) => setTimeout(resolve, 1100));
  const answer = await json('DeleteMessage', { QueueUrl: url, ReceiptHandle: handle });
  t.is(answer.status, 400);
  t.is(answer.queryError, 'InvalidParameterValue;Sender');
  t.is(answer.body.__type, 'com.amazonaws.sqs#InvalidParameterValueException');
  t.is(answer.body.message, `Value ${handle} for parameter ReceiptHandle is invalid. Reason: The receipt handle has expired.`);
});

/** Over the query protocol the code is the legacy one, the same as x-amzn-query-error's. */
const QUERY_ROWS: Array<{ name: string; source: string; params: (f: Fixtures) => Record<string, string>; status: number; code: string; message: string }> = [
  { name: 'FIFO SendMessage without MessageGroupId', source: `${SNAP} test_posting_to_fifo_requires_deduplicationid_group_id "missing-parameter-query"`,
    params: (f) => ({ Action: 'SendMessage', QueueUrl: f.fifo, MessageBody: 'x', MessageDeduplicationId: 'd' }), status: 400,
    code: 'MissingParameter', message: 'The request must contain the parameter MessageGroupId.' },
  { name: 'FIFO SendMessage without a deduplication id', source: `${SNAP} test_posting_to_fifo_requires_deduplicationid_group_id "invalid-parameter-value-query"`,
    params: (f) => ({ Action: 'SendMessage', QueueUrl: f.fifo, MessageBody: 'x', MessageGroupId: 'g' }), status: 400,
    code: 'InvalidParameterValue', message: 'The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly' },
  { name: 'a second PurgeQueue within 60 seconds', source: `${SNAP} test_successive_purge_calls_fail "purge-error-code-query"`,
    params: (f) => ({ Action: 'PurgeQueue', QueueUrl: f.purged }), status: 403, code: 'AWS.SimpleQueueService.PurgeQueueInProgress', message: '' },
];

for (const row of QUERY_ROWS) {
  test(`query protocol: ${row.name} [${row.source}]`, async (t) => {
    const answer = await queryPost(server.endpoint, { service: 'sqs', params: row.params(fx) });
    t.is(answer.status, row.status, answer.body);
    t.is(xmlValue(answer.body, 'Code'), row.code);
    t.is(xmlValue(answer.body, 'Type'), 'Sender');
    if (row.message !== '') t.is(xmlValue(answer.body, 'Message'), row.message);
  });
}
