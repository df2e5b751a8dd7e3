/**
 * More of SQS's answers against what AWS answered, from the newest recordings: localstack's
 * tests/aws/services/sqs/test_sqs.snapshot.json as stored at localemu/localemu@3098669 (a copy of
 * localstack's with recordings up to 2025-12-10; the date of each is given) and
 * tests/aws/services/sqs/test_sqs_move_task.snapshot.json (2024-01). Each row compares the status,
 * the code SDKs show (x-amzn-query-error), the json `__type` (botocore's QueryErrorCode) and the
 * exact message; shapes (attributes returned, MD5s) are compared key by key.
 */
import test from 'ava';
import { startBoltstack } from '../../helpers/server.js';
import { queryPost, xmlValue } from '../../helpers/query-client.js';
import { sqsJson, sqsJsonOk, uniqueQueue, type SqsJsonAnswer } from '../../helpers/sqs.js';
import type { Boltstack } from '../../../src/index.js';
import { registerJsonErrorRows, type JsonErrorRow } from './json-error-rows.js';

const SNAP = 'localstack tests/aws/services/sqs/test_sqs.snapshot.json';
const MOVE = 'localstack tests/aws/services/sqs/test_sqs_move_task.snapshot.json';

let server: Boltstack;
interface Fixtures { standard: string; fifo: string; small: string; standardArn: string }
let fx: Fixtures;

const json = (operation: string, input: unknown): Promise<SqsJsonAnswer> => sqsJson(server.endpoint, operation, input);
const ok = (operation: string, input: unknown): Promise<Record<string, unknown>> => sqsJsonOk(server.endpoint, operation, input);

const create = async (name: string, attributes: Record<string, string> = {}): Promise<string> =>
  (await ok('CreateQueue', { QueueName: name, Attributes: attributes })).QueueUrl as string;
const arnOf = async (url: string): Promise<string> =>
  ((await ok('GetQueueAttributes', { QueueUrl: url, AttributeNames: ['QueueArn'] })).Attributes as Record<string, string>).QueueArn!;

test.before(async () => {
  server = await startBoltstack();
  const standard = await create(uniqueQueue('a25'));
  const fifo = await create(`${uniqueQueue('a25')}.fifo`, { FifoQueue: 'true' });
  const small = await create(uniqueQueue('a25-small'), { MaximumMessageSize: '1024' });
  fx = { standard, fifo, small, standardArn: await arnOf(standard) };
});
test.after.always(async () => { await server?.stop(); });

type Row = JsonErrorRow<Fixtures>;

const IPV = { status: 400, code: 'InvalidParameterValue', type: 'InvalidParameterValueException' };
const NAME = { status: 400, code: 'InvalidAttributeName' };
const GROUP = (v: string) => `Value ${v} for parameter MessageGroupId is invalid. Reason: MessageGroupId can only include alphanumeric and punctuation characters. 1 to 128 in length.`;
const DEDUP = (v: string) => `Value ${v} for parameter MessageDeduplicationId is invalid. Reason: MessageDeduplicationId can only include alphanumeric and punctuation characters. 1 to 128 in length.`;
const LONG_ID = 'a'.repeat(129);

const ROWS: Row[] = [
  // The 1 MiB message size of 2025-08 (AWS what's new 2025-08-04: SQS raises the maximum payload to 1 MiB).
  { name: 'a 1 MiB + 1 body on a queue of the default size', source: `${SNAP} test_send_oversized_message[sqs] (2025-08-19)`, operation: 'SendMessage',
    input: (f) => ({ QueueUrl: f.standard, MessageBody: 'a'.repeat(1_048_577) }), ...IPV,
    message: 'One or more parameters are invalid. Reason: Message must be shorter than 1048576 bytes.' },
  { name: 'a batch of 1 MiB + 1 bytes in all', source: `${SNAP} test_send_message_batch_with_oversized_contents[sqs] (2025-08-19)`, operation: 'SendMessageBatch',
    input: (f) => ({ QueueUrl: f.standard, Entries: [{ Id: '1', MessageBody: 'a'.repeat(524_288) }, { Id: '2', MessageBody: 'a'.repeat(524_289) }] }),
    status: 400, code: 'AWS.SimpleQueueService.BatchRequestTooLong', type: 'BatchRequestTooLong',
    message: 'Batch requests cannot be longer than 1048576 bytes. You have sent 1048577 bytes.' },
  // FIFO-only attributes on a standard queue.
  { name: 'CreateQueue: ContentBasedDeduplication on a standard queue', source: `${SNAP} test_create_standard_queue_with_fifo_attribute_raises_error "invalid-attribute-content-based-deduplication" (2024-05-15)`,
    operation: 'CreateQueue', input: () => ({ QueueName: uniqueQueue('a25-x'), Attributes: { ContentBasedDeduplication: 'true' } }), ...NAME,
    message: 'Unknown Attribute ContentBasedDeduplication.' },
  { name: 'CreateQueue: DeduplicationScope on a standard queue', source: `${SNAP} test_create_standard_queue_with_fifo_attribute_raises_error "invalid-attribute-deduplication-scope" (2024-05-15)`,
    operation: 'CreateQueue', input: () => ({ QueueName: uniqueQueue('a25-x'), Attributes: { DeduplicationScope: 'messageGroup' } }), ...NAME,
    message: 'You can specify the DeduplicationScope only when FifoQueue is set to true.' },
  { name: 'CreateQueue: FifoThroughputLimit on a standard queue', source: `${SNAP} test_create_standard_queue_with_fifo_attribute_raises_error "invalid-attribute-throughput-limit" (2024-05-15)`,
    operation: 'CreateQueue', input: () => ({ QueueName: uniqueQueue('a25-x'), Attributes: { FifoThroughputLimit: 'perMessageGroupId' } }), ...NAME,
    message: 'You can specify the FifoThroughputLimit only when FifoQueue is set to true.' },
  { name: 'SetQueueAttributes: FifoQueue "false" on a standard queue', source: `${SNAP} test_set_unsupported_attribute_standard "invalid-attr-name-2" (2024-05-14)`,
    operation: 'SetQueueAttributes', input: (f) => ({ QueueUrl: f.standard, Attributes: { FifoQueue: 'false' } }), ...NAME,
    message: 'Unknown Attribute FifoQueue.' },
  // ReceiveMessage
  { name: 'WaitTimeSeconds 21', source: `${SNAP} test_send_receive_wait_time_seconds[sqs] "recieve_message_error_too_large" (2025-02-10)`, operation: 'ReceiveMessage',
    input: (f) => ({ QueueUrl: f.standard, WaitTimeSeconds: 21 }), ...IPV,
    message: 'Value 21 for parameter WaitTimeSeconds is invalid. Reason: Must be >= 0 and <= 20, if provided.' },
  { name: 'WaitTimeSeconds -1', source: `${SNAP} test_send_receive_wait_time_seconds[sqs] "recieve_message_error_too_small" (2025-02-10)`, operation: 'ReceiveMessage',
    input: (f) => ({ QueueUrl: f.standard, WaitTimeSeconds: -1 }), ...IPV,
    message: 'Value -1 for parameter WaitTimeSeconds is invalid. Reason: Must be >= 0 and <= 20, if provided.' },
  // MessageGroupId on a standard queue (fair queues, 2025-07) and MessageDeduplicationId.
  { name: 'an empty MessageGroupId on a standard queue', source: `${SNAP} test_send_message_to_standard_queue_with_invalid_message_group_id[empty] (2025-07-30)`,
    operation: 'SendMessage', input: (f) => ({ QueueUrl: f.standard, MessageBody: 'x', MessageGroupId: '' }), ...IPV, message: GROUP('') },
  { name: 'a 129-character MessageGroupId on a standard queue', source: `${SNAP} test_send_message_to_standard_queue_with_invalid_message_group_id[too_long] (2025-07-30)`,
    operation: 'SendMessage', input: (f) => ({ QueueUrl: f.standard, MessageBody: 'x', MessageGroupId: LONG_ID }), ...IPV, message: GROUP(LONG_ID) },
  { name: 'a MessageGroupId with spaces on a standard queue', source: `${SNAP} test_send_message_to_standard_queue_with_invalid_message_group_id[spaces] (2025-07-30)`,
    operation: 'SendMessage', input: (f) => ({ QueueUrl: f.standard, MessageBody: 'x', MessageGroupId: 'group 123' }), ...IPV, message: GROUP('group 123') },
  { name: 'an empty MessageDeduplicationId', source: `${SNAP} test_message_deduplication_id_invalid[empty] (2025-07-30)`,
    operation: 'SendMessage', input: (f) => ({ QueueUrl: f.fifo, MessageBody: 'x', MessageGroupId: 'g', MessageDeduplicationId: '' }), ...IPV, message: DEDUP('') },
  { name: 'a 129-character MessageDeduplicationId', source: `${SNAP} test_message_deduplication_id_invalid[too_long] (2025-07-30)`,
    operation: 'SendMessage', input: (f) => ({ QueueUrl: f.fifo, MessageBody: 'x', MessageGroupId: 'g', MessageDeduplicationId: LONG_ID }), ...IPV, message: DEDUP(LONG_ID) },
  { name: 'a MessageDeduplicationId with spaces', source: `${SNAP} test_message_deduplication_id_invalid[spaces] (2025-07-30)`,
    operation: 'SendMessage', input: (f) => ({ QueueUrl: f.fifo, MessageBody: 'x', MessageGroupId: 'g', MessageDeduplicationId: 'group 123' }), ...IPV, message: DEDUP('group 123') },
  // Message move tasks (query-protocol recordings; the json code is the same).
  { name: 'StartMessageMoveTask from a queue that is no dead-letter queue', source: `${MOVE} test_source_needs_redrive_policy (2024-01-05)`,
    operation: 'StartMessageMoveTask', input: (f) => ({ SourceArn: f.standardArn }), ...IPV, message: 'Source queue must be configured as a Dead Letter Queue.' },
  { name: 'CancelMessageMoveTask with a handle that is not one', source: `${MOVE} test_cancel_with_invalid_task_handle (2024-01-05)`,
    operation: 'CancelMessageMoveTask', input: () => ({ TaskHandle: 'foobared' }), ...IPV, message: 'Value for parameter TaskHandle is invalid.' },
  { name: 'CancelMessageMoveTask with a handle naming a queue that does not exist', source: `${MOVE} test_cancel_with_invalid_source_arn_in_task_handle (2024-01-05)`,
    operation: 'CancelMessageMoveTask',
    input: (f) => ({ TaskHandle: Buffer.from(JSON.stringify({ taskId: '10f0e7d5-4e43-4d26-a1a4-7a8d49b6b9e3', sourceArn: `${f.standardArn}-gone` })).toString('base64') }),
    status: 404, code: 'ResourceNotFoundException', message: 'The resource that you specified for the SourceArn parameter doesn\'t exist.' },
  { name: 'CancelMessageMoveTask with a task id never started', source: `${MOVE} test_cancel_with_invalid_task_id_in_task_handle (2024-01-05)`,
    operation: 'CancelMessageMoveTask',
    input: (f) => ({ TaskHandle: Buffer.from(JSON.stringify({ taskId: '10f0e7d5-4e43-4d26-a1a4-7a8d49b6b9e3', sourceArn: f.standardArn })).toString('base64') }),
    status: 404, code: 'ResourceNotFoundException', message: 'Task does not exist.' },
];

registerJsonErrorRows(test, ROWS, json, () => fx);

test(`StartMessageMoveTask to a destination that does not exist, and a second task while one runs [${MOVE} test_destination_needs_to_exist, test_start_multiple_move_tasks (2024-01-05)]`, async (t) => {
  const dlq = await create(uniqueQueue('a25-dlq'));
  const dlqArn = await arnOf(dlq);
  await create(uniqueQueue('a25-src'), { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: 1 }) });
  const missing = await json('StartMessageMoveTask', { SourceArn: dlqArn, DestinationArn: `${fx.standardArn}-gone` });
  t.is(missing.status, 404, JSON.stringify(missing.body));
  t.is(missing.queryError, 'ResourceNotFoundException;Sender');
  t.is(missing.body.message, 'The resource that you specified for the DestinationArn parameter doesn\'t exist.');
  for (let i = 0; i < 5; i++) await ok('SendMessage', { QueueUrl: dlq, MessageBody: `m${i}` });
  await ok('StartMessageMoveTask', { SourceArn: dlqArn, DestinationArn: fx.standardArn, MaxNumberOfMessagesPerSecond: 1 });
  const second = await json('StartMessageMoveTask', { SourceArn: dlqArn, DestinationArn: fx.standardArn });
  t.is(second.status, 400, JSON.stringify(second.body));
  t.is(second.queryError, 'InvalidParameterValue;Sender');
  t.is(second.body.message, 'There is already a task running. Only one active task is allowed for a source queue arn at a given time.');
});

test(`SendMessageBatch: an entry over the queue's MaximumMessageSize fails alone [${SNAP} test_send_batch_message_size (2024-04-30)]`, async (t) => {
  const answer = await ok('SendMessageBatch', { QueueUrl: fx.small, Entries: [{ Id: 'big', MessageBody: 'a'.repeat(1025) }, { Id: 'fits', MessageBody: 'a' }] });
  t.deepEqual(answer.Failed, [{ Id: 'big', SenderFault: true, Code: 'InvalidParameterValue',
    Message: 'One or more parameters cannot be validated. Reason: Message must be shorter than 1024 bytes.' }]);
  t.deepEqual((answer.Successful as Array<{ Id: string; MD5OfMessageBody: string }>).map((s) => [s.Id, s.MD5OfMessageBody]), [['fits', '0cc175b9c0f1b6a831c399e269772661']]);
});

const TS = /^\d{10}$/;
const keysOf = (o: unknown): string[] => Object.keys(o as object).sort();

test(`GetQueueAttributes All of a new standard queue: the attributes and defaults of 2025 [${SNAP} test_set_queue_attributes_default_values "get-queue-attributes-initial-values" (2025-12-10)]`, async (t) => {
  const url = await create(uniqueQueue('a25-defaults'));
  const attrs = (await ok('GetQueueAttributes', { QueueUrl: url, AttributeNames: ['All'] })).Attributes as Record<string, string>;
  t.deepEqual(keysOf(attrs), ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesDelayed', 'ApproximateNumberOfMessagesNotVisible', 'CreatedTimestamp',
    'DelaySeconds', 'LastModifiedTimestamp', 'MaximumMessageSize', 'MessageRetentionPeriod', 'QueueArn', 'ReceiveMessageWaitTimeSeconds', 'SqsManagedSseEnabled', 'VisibilityTimeout']);
  t.like(attrs, { ApproximateNumberOfMessages: '0', ApproximateNumberOfMessagesDelayed: '0', ApproximateNumberOfMessagesNotVisible: '0', DelaySeconds: '0',
    MaximumMessageSize: '1048576', MessageRetentionPeriod: '345600', ReceiveMessageWaitTimeSeconds: '0', SqsManagedSseEnabled: 'true', VisibilityTimeout: '30' });
  t.regex(attrs.CreatedTimestamp!, TS);
  t.regex(attrs.LastModifiedTimestamp!, TS);
});

test(`GetQueueAttributes All of a FIFO queue with content-based deduplication [${SNAP} test_fifo_set_content_based_deduplication_strategy "before-update" (2025-08-19)]`, async (t) => {
  const url = await create(`${uniqueQueue('a25-cbd')}.fifo`, { FifoQueue: 'true', ContentBasedDeduplication: 'true' });
  const attrs = (await ok('GetQueueAttributes', { QueueUrl: url, AttributeNames: ['All'] })).Attributes as Record<string, string>;
  t.deepEqual(keysOf(attrs), ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesDelayed', 'ApproximateNumberOfMessagesNotVisible', 'ContentBasedDeduplication',
    'CreatedTimestamp', 'DeduplicationScope', 'DelaySeconds', 'FifoQueue', 'FifoThroughputLimit', 'LastModifiedTimestamp', 'MaximumMessageSize', 'MessageRetentionPeriod',
    'QueueArn', 'ReceiveMessageWaitTimeSeconds', 'SqsManagedSseEnabled', 'VisibilityTimeout']);
  t.like(attrs, { ContentBasedDeduplication: 'true', DeduplicationScope: 'queue', FifoQueue: 'true', FifoThroughputLimit: 'perQueue', MaximumMessageSize: '1048576',
    MessageRetentionPeriod: '345600', SqsManagedSseEnabled: 'true', VisibilityTimeout: '30' });
  await ok('SetQueueAttributes', { QueueUrl: url, Attributes: { ContentBasedDeduplication: 'false' } });
  const after = (await ok('GetQueueAttributes', { QueueUrl: url, AttributeNames: ['All'] })).Attributes as Record<string, string>;
  t.is(after.ContentBasedDeduplication, 'false');
});

test(`GetQueueAttributes after KMS encryption is set: the key, its reuse period and SqsManagedSseEnabled false [${SNAP} test_sse_queue_attributes[sqs] "sse_kms_attributes" (2024-04-30), test_set_queue_attributes_default_values "get-queue-attributes-after-update" (2025-12-10)]`, async (t) => {
  const url = await create(uniqueQueue('a25-kms'));
  await ok('SetQueueAttributes', { QueueUrl: url, Attributes: { KmsMasterKeyId: 'testKeyId', KmsDataKeyReusePeriodSeconds: '6000', SqsManagedSseEnabled: 'false' } });
  const attrs = (await ok('GetQueueAttributes', { QueueUrl: url, AttributeNames: ['KmsMasterKeyId', 'KmsDataKeyReusePeriodSeconds', 'SqsManagedSseEnabled'] })).Attributes;
  t.deepEqual(attrs, { KmsDataKeyReusePeriodSeconds: '6000', KmsMasterKeyId: 'testKeyId', SqsManagedSseEnabled: 'false' });
});

test(`ReceiveMessage All on a FIFO queue: the system attributes of a FIFO message, and no MD5OfMessageAttributes on send [${SNAP} test_fifo_message_attributes[sqs] (2024-04-30)]`, async (t) => {
  const sent = await ok('SendMessage', { QueueUrl: fx.fifo, MessageBody: 'message-body-1', MessageGroupId: 'group-1', MessageDeduplicationId: 'dedup-1' });
  t.deepEqual(keysOf(sent), ['MD5OfMessageBody', 'MessageId', 'SequenceNumber']);
  t.is(sent.MD5OfMessageBody, '19c9e282d65f9733bc6b35d50062c7ee');
  const received = await ok('ReceiveMessage', { QueueUrl: fx.fifo, AttributeNames: ['All'], VisibilityTimeout: 0 });
  const message = (received.Messages as Array<Record<string, unknown>>)[0]!;
  t.deepEqual(keysOf(message), ['Attributes', 'Body', 'MD5OfBody', 'MessageId', 'ReceiptHandle']);
  const attrs = message.Attributes as Record<string, string>;
  t.deepEqual(keysOf(attrs), ['ApproximateFirstReceiveTimestamp', 'ApproximateReceiveCount', 'MessageDeduplicationId', 'MessageGroupId', 'SenderId', 'SentTimestamp', 'SequenceNumber']);
  t.like(attrs, { ApproximateReceiveCount: '1', MessageDeduplicationId: 'dedup-1', MessageGroupId: 'group-1', SequenceNumber: sent.SequenceNumber as string });
});

test(`ReceiveMessage with MessageAttributeNames filters: the attributes kept and their MD5 [${SNAP} test_receive_message_message_attribute_names_filters[sqs] (2024-04-30), inputs as in localstack tests/aws/services/sqs/test_sqs.py]`, async (t) => {
  const url = await create(uniqueQueue('a25-filter'));
  const sent = await ok('SendMessage', { QueueUrl: url, MessageBody: 'msg', MessageAttributes: {
    Hello: { DataType: 'String', StringValue: 'There' }, General: { DataType: 'String', StringValue: 'Kenobi' }, 'Help.Me': { DataType: 'String', StringValue: 'Me' } } });
  t.is(sent.MD5OfMessageAttributes, '4c360f3fdafd970e05fae2f149d997f5');
  t.is(sent.MD5OfMessageBody, '6e2baaf3b97dbeef01c0043275f9a0e7');
  const receive = async (names: string[]): Promise<Record<string, unknown>> =>
    (((await ok('ReceiveMessage', { QueueUrl: url, VisibilityTimeout: 0, MessageAttributeNames: names })).Messages as Array<Record<string, unknown>>)[0]!);
  const cases: Array<[string[], string[], string | undefined]> = [
    [['All'], ['General', 'Hello', 'Help.Me'], '4c360f3fdafd970e05fae2f149d997f5'],
    [['*'], ['General', 'Hello', 'Help.Me'], '4c360f3fdafd970e05fae2f149d997f5'],
    [['.*'], ['General', 'Hello', 'Help.Me'], '4c360f3fdafd970e05fae2f149d997f5'],
    [['Foo', 'Help'], [], undefined],
    [['Hello', 'General'], ['General', 'Hello'], 'fca026605781cb4126a1e9044df24232'],
    [['Hello', 'Foo'], ['Hello'], 'a311262e065454b75da111d535b8dacd'],
    // "Hel.*" is the prefix "Hel": the dot is not part of it.
    [['Hel.*'], ['Hello', 'Help.Me'], '83fee93c1bcd8b9a5a923ffacdc636c7'],
    // Names SQS would refuse for an attribute are no error here: nothing is selected.
    [['AWS.'], [], undefined],
    [['..foo'], [], undefined],
  ];
  for (const [names, kept, md5] of cases) {
    const message = await receive(names);
    t.deepEqual(keysOf(message.MessageAttributes ?? {}), kept, names.join(','));
    t.is(message.MD5OfMessageAttributes, md5, names.join(','));
  }
});

test(`query protocol: a queue that does not exist, in the query wording [${SNAP} test_non_existent_queue "queue-does-not-exist-query" (2024-04-30)]`, async (t) => {
  const answer = await queryPost(server.endpoint, { service: 'sqs', params: { Action: 'GetQueueUrl', QueueName: uniqueQueue('a25-none') } });
  t.is(answer.status, 400, answer.body);
  t.is(xmlValue(answer.body, 'Code'), 'AWS.SimpleQueueService.NonExistentQueue');
  t.is(xmlValue(answer.body, 'Type'), 'Sender');
  t.is(xmlValue(answer.body, 'Message'), 'The specified queue does not exist for this wsdl version.');
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test(`ChangeMessageVisibility on a standard queue after the message's visibility timeout has passed: OK, nothing changes [${SNAP} test_change_message_visibility_after_visibility_timeout_expiration (2024-04-30); floci-io/floci#902 (2026) claims MessageNotInflight without a recording: the recording wins]`, async (t) => {
  const url = await create(uniqueQueue('a25-cmv'));
  await ok('SendMessage', { QueueUrl: url, MessageBody: 'test' });
  const received = await ok('ReceiveMessage', { QueueUrl: url, VisibilityTimeout: 1 });
  const handle = (received.Messages as Array<{ ReceiptHandle: string }>)[0]!.ReceiptHandle;
  await sleep(1500);
  const answer = await json('ChangeMessageVisibility', { QueueUrl: url, ReceiptHandle: handle, VisibilityTimeout: 60 });
  t.is(answer.status, 200, JSON.stringify(answer.body));
  // And it changes nothing: the message stays visible (localstack#9632, 2023, from the same test against AWS).
  t.is(((await ok('ReceiveMessage', { QueueUrl: url })).Messages as unknown[] | undefined)?.length, 1);
});

test(`FIFO: a message sent with DelaySeconds 0 waits the queue's delay [${SNAP} test_fifo_queue_send_message_with_zero_delay_defaults_to_queue_delay[sqs] (2025-07-31)]`, async (t) => {
  const url = await create(`${uniqueQueue('a25-fd')}.fifo`, { FifoQueue: 'true', DelaySeconds: '1' });
  const sent = await ok('SendMessage', { QueueUrl: url, MessageBody: 'message-1', MessageGroupId: 'g', MessageDeduplicationId: 'd', DelaySeconds: 0 });
  t.is(sent.MD5OfMessageBody, '3d6b824fd8c1520e9a047d21fee6fb1f');
  t.is((await ok('ReceiveMessage', { QueueUrl: url })).Messages, undefined);
  await sleep(1200);
  const later = await ok('ReceiveMessage', { QueueUrl: url, WaitTimeSeconds: 2 });
  t.is((later.Messages as Array<{ Body: string }>)[0]?.Body, 'message-1');
});

test(`FIFO: DeleteMessage after the first timeout passed but within an extended one: accepted [${SNAP} test_fifo_delete_after_visibility_timeout_extended[sqs] (2025-10-05)]`, async (t) => {
  const url = await create(`${uniqueQueue('a25-fx')}.fifo`, { FifoQueue: 'true' });
  await ok('SendMessage', { QueueUrl: url, MessageBody: 'foobar', MessageGroupId: 'g', MessageDeduplicationId: 'd' });
  const received = await ok('ReceiveMessage', { QueueUrl: url, VisibilityTimeout: 1 });
  const handle = (received.Messages as Array<{ ReceiptHandle: string }>)[0]!.ReceiptHandle;
  await ok('ChangeMessageVisibility', { QueueUrl: url, ReceiptHandle: handle, VisibilityTimeout: 5 });
  await sleep(1300);
  const answer = await json('DeleteMessage', { QueueUrl: url, ReceiptHandle: handle });
  t.is(answer.status, 200, JSON.stringify(answer.body));
});

const TESTS = 'localstack tests/aws/services/sqs/test_sqs.py (stored at localemu/localemu@3098669; marked aws.validated)';

test(`PurgeQueue clears a FIFO queue's deduplication ids: the same id is accepted again [${TESTS} test_purge_queue_clears_fifo_deduplication_cache]`, async (t) => {
  const url = await create(`${uniqueQueue('a25-pd')}.fifo`, { FifoQueue: 'true' });
  await ok('SendMessage', { QueueUrl: url, MessageBody: 'message-1', MessageGroupId: 'g', MessageDeduplicationId: 'd' });
  await ok('PurgeQueue', { QueueUrl: url });
  await ok('SendMessage', { QueueUrl: url, MessageBody: 'message-2', MessageGroupId: 'g', MessageDeduplicationId: 'd' });
  const received = await ok('ReceiveMessage', { QueueUrl: url, WaitTimeSeconds: 1 });
  t.deepEqual((received.Messages as Array<{ Body: string }> | undefined)?.map((m) => m.Body), ['message-2']);
});

test(`PurgeQueue removes delayed messages too [${TESTS} test_purge_queue_deletes_delayed_messages]`, async (t) => {
  const url = await create(uniqueQueue('a25-pdl'));
  for (let i = 0; i < 3; i++) await ok('SendMessage', { QueueUrl: url, MessageBody: `message-${i}`, DelaySeconds: 1 });
  await ok('PurgeQueue', { QueueUrl: url });
  await sleep(1100);
  t.is((await ok('ReceiveMessage', { QueueUrl: url, WaitTimeSeconds: 1 })).Messages, undefined);
});

test(`GetQueueAttributes All after a KMS key is set and then reset to the defaults: no KMS attributes, SqsManagedSseEnabled stays false [${SNAP} test_set_queue_attributes_default_values "get-queue-attributes-after-update", "get-queue-attributes-after-set-to-defaults" (2025-12-10)]`, async (t) => {
  const url = await create(uniqueQueue('a25-kmsdef'));
  await ok('SetQueueAttributes', { QueueUrl: url, Attributes: { KmsMasterKeyId: 'testKeyId', KmsDataKeyReusePeriodSeconds: '6000' } });
  let attrs = (await ok('GetQueueAttributes', { QueueUrl: url, AttributeNames: ['All'] })).Attributes as Record<string, string>;
  t.like(attrs, { KmsMasterKeyId: 'testKeyId', KmsDataKeyReusePeriodSeconds: '6000', SqsManagedSseEnabled: 'false' });
  await ok('SetQueueAttributes', { QueueUrl: url, Attributes: { KmsMasterKeyId: '', KmsDataKeyReusePeriodSeconds: '300' } });
  attrs = (await ok('GetQueueAttributes', { QueueUrl: url, AttributeNames: ['All'] })).Attributes as Record<string, string>;
  t.deepEqual(keysOf(attrs), ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesDelayed', 'ApproximateNumberOfMessagesNotVisible', 'CreatedTimestamp',
    'DelaySeconds', 'LastModifiedTimestamp', 'MaximumMessageSize', 'MessageRetentionPeriod', 'QueueArn', 'ReceiveMessageWaitTimeSeconds', 'SqsManagedSseEnabled', 'VisibilityTimeout']);
  t.is(attrs.SqsManagedSseEnabled, 'false');
});

test(`ChangeMessageVisibility after the message is deleted; DeleteMessage again and again [${TESTS} test_change_visibility_on_deleted_message_raises_invalid_parameter_value, test_delete_message_with_deleted_receipt_handle]`, async (t) => {
  const url = await create(uniqueQueue('a25-del'));
  await ok('SendMessage', { QueueUrl: url, MessageBody: 'foo' });
  const handle = ((await ok('ReceiveMessage', { QueueUrl: url })).Messages as Array<{ ReceiptHandle: string }>)[0]!.ReceiptHandle;
  await ok('ChangeMessageVisibility', { QueueUrl: url, ReceiptHandle: handle, VisibilityTimeout: 42 });
  for (let i = 0; i < 3; i++) await ok('DeleteMessage', { QueueUrl: url, ReceiptHandle: handle });
  const answer = await json('ChangeMessageVisibility', { QueueUrl: url, ReceiptHandle: handle, VisibilityTimeout: 42 });
  t.is(answer.status, 400);
  t.is(answer.queryError, 'InvalidParameterValue;Sender');
  t.is(answer.body.message, `Value ${handle} for parameter ReceiptHandle is invalid. Reason: Message does not exist or is not available for visibility timeout change.`);
});

test(`SendMessage: system attributes have their own MD5 and leave MD5OfMessageAttributes alone [${TESTS} test_system_attributes_have_no_effect_on_attr_md5]`, async (t) => {
  const attrs = { timestamp: { StringValue: '1493147359900', DataType: 'Number' } };
  const plain = await ok('SendMessage', { QueueUrl: fx.standard, MessageBody: 'test', MessageAttributes: attrs });
  const traced = await ok('SendMessage', { QueueUrl: fx.standard, MessageBody: 'test', MessageAttributes: attrs,
    MessageSystemAttributes: { AWSTraceHeader: { StringValue: 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1', DataType: 'String' } } });
  t.is(plain.MD5OfMessageAttributes, traced.MD5OfMessageAttributes);
  t.is(plain.MD5OfMessageSystemAttributes, undefined);
  t.is(traced.MD5OfMessageSystemAttributes, '5ae4d5d7636402d80f4eb6d213245a88');
});

test(`SendMessage: the X-Amzn-Trace-Id header becomes the AWSTraceHeader attribute [${TESTS} test_aws_trace_header_propagation; ${SNAP} "xray-msg" (2025-06-27)]`, async (t) => {
  const url = await create(uniqueQueue('a25-xray'));
  const res = await fetch(server.endpoint, {
    method: 'POST',
    headers: { 'x-amz-target': 'AmazonSQS.SendMessage', 'content-type': 'application/x-amz-json-1.0', 'x-amzn-trace-id': 'Root=1-3152b799-8954dae64eda91bc9a23a7e8;Parent=7fa8c0f79203be72;Sampled=1' },
    body: JSON.stringify({ QueueUrl: url, MessageBody: 'test', MessageAttributes: { timestamp: { StringValue: '1493147359900', DataType: 'Number' } } }),
  });
  t.is(res.status, 200);
  const received = await ok('ReceiveMessage', { QueueUrl: url, AttributeNames: ['SentTimestamp', 'AWSTraceHeader'], MessageAttributeNames: ['All'] });
  const message = (received.Messages as Array<{ Attributes: Record<string, string>; MD5OfMessageAttributes: string }>)[0]!;
  t.deepEqual(keysOf(message.Attributes), ['AWSTraceHeader', 'SentTimestamp']);
  t.is(message.Attributes.AWSTraceHeader, 'Root=1-3152b799-8954dae64eda91bc9a23a7e8;Parent=7fa8c0f79203be72;Sampled=1');
  t.is(message.MD5OfMessageAttributes, '235c5c510d26fb653d073faed50ae77c');
});

test(`SendMessage with the queue's name as QueueUrl [${TESTS} test_posting_to_queue_via_queue_name]`, async (t) => {
  const name = uniqueQueue('a25-byname');
  await create(name);
  const sent = await json('SendMessage', { QueueUrl: name, MessageBody: 'Using name instead of URL' });
  t.is(sent.status, 200, JSON.stringify(sent.body));
  t.is(sent.body.MD5OfMessageBody, '86a83f96652a1bfad3891e7d523750cb');
});

test(`SendMessage with control characters in a String attribute: InvalidParameterValue [${TESTS} test_invalid_string_attributes_cause_invalid_parameter_value_error]`, async (t) => {
  const answer = await json('SendMessage', { QueueUrl: fx.standard, MessageBody: 'test', MessageAttributes: { attr1: { StringValue: `Invalid-${String.fromCharCode(8)},${String.fromCharCode(11)}`, DataType: 'String' } } });
  t.is(answer.status, 400);
  t.is(answer.queryError, 'InvalidParameterValue;Sender');
});

// The X-Ray developer guide, "Amazon SQS and AWS X-Ray": the header "corresponds to all messages
// included in a SendMessage or SendMessageBatch request", and "if both tracing headers are set,
// the message system attribute overrides the HTTP trace header".
test('SendMessageBatch: the X-Amzn-Trace-Id header reaches every entry, and an entry\'s own AWSTraceHeader wins [X-Ray developer guide, xray-services-sqs]', async (t) => {
  const url = await create(uniqueQueue('a25-xray-batch'));
  const own = 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1';
  const header = 'Root=1-3152b799-8954dae64eda91bc9a23a7e8;Parent=7fa8c0f79203be72;Sampled=1';
  const res = await fetch(server.endpoint, {
    method: 'POST',
    headers: { 'x-amz-target': 'AmazonSQS.SendMessageBatch', 'content-type': 'application/x-amz-json-1.0', 'x-amzn-trace-id': header },
    body: JSON.stringify({ QueueUrl: url, Entries: [
      { Id: 'a', MessageBody: 'from-header' },
      { Id: 'b', MessageBody: 'own', MessageSystemAttributes: { AWSTraceHeader: { DataType: 'String', StringValue: own } } },
    ] }),
  });
  t.is(res.status, 200);
  const received = await ok('ReceiveMessage', { QueueUrl: url, MaxNumberOfMessages: 10, MessageSystemAttributeNames: ['AWSTraceHeader'] });
  const byBody = Object.fromEntries((received.Messages as Array<{ Body: string; Attributes: Record<string, string> }>).map((m) => [m.Body, m.Attributes.AWSTraceHeader]));
  t.deepEqual(byBody, { 'from-header': header, own });
});
