/**
 * SQS answers against raw captures of native AWS (us-east-1, 2026-09-12 and 2026-09-15) in
 * radkawar/stackd testdata/aws/sqs/*.json that the other stackd rows do not pin: the order of
 * GetQueueAttributes' and ReceiveMessage's attributes (the AWS CLI prints them in the order the
 * answer holds them), ReceiptHandleIsInvalid's words for a handle that does not decode, and a
 * FIFO SendMessageBatch with a delay. Each row cites the file and the label or case of its entry;
 * the json rows go through the SDK v3 client, the query rows through a signed form POST.
 */
import test from 'ava';
import {
  ChangeMessageVisibilityCommand, CreateQueueCommand, DeleteMessageBatchCommand, DeleteMessageCommand, GetQueueAttributesCommand,
  ReceiveMessageCommand, SendMessageBatchCommand, SendMessageCommand, type SQSClient,
} from '@aws-sdk/client-sqs';
import { startBoltstack } from '../../helpers/server.js';
import { queryPost, xmlValue, xmlValues } from '../../helpers/query-client.js';
import { sqsClient, sqsErrorOf, sqsJson, uniqueQueue } from '../../helpers/sqs.js';
import type { Boltstack } from '../../../src/index.js';

const CAP = 'radkawar/stackd testdata/aws/sqs';

let server: Boltstack;
let sqs: SQSClient;
test.before(async () => { server = await startBoltstack(); sqs = sqsClient(server.endpoint); });
test.after.always(async () => { sqs?.destroy(); await server?.stop(); });

const sqsQuery = (params: Record<string, string>) => queryPost(server.endpoint, { service: 'sqs', params });

async function newQueue(prefix: string, attributes: Record<string, string> = {}, fifo = false): Promise<{ url: string; arn: string }> {
  const name = `${uniqueQueue(prefix)}${fifo ? '.fifo' : ''}`;
  const url = (await sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: { ...(fifo ? { FifoQueue: 'true' } : {}), ...attributes } }))).QueueUrl!;
  const arn = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }))).Attributes!.QueueArn!;
  return { url, arn };
}

const redrive = (arn: string, maxReceiveCount: number): string => JSON.stringify({ deadLetterTargetArn: arn, maxReceiveCount });
const allAttributeNames = async (url: string): Promise<string[]> =>
  Object.keys((await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['All'] }))).Attributes ?? {});

const COUNTS_AND_SETTINGS = [
  'QueueArn', 'ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible', 'ApproximateNumberOfMessagesDelayed',
  'CreatedTimestamp', 'LastModifiedTimestamp', 'VisibilityTimeout', 'MaximumMessageSize', 'MessageRetentionPeriod', 'DelaySeconds',
];

test(`GetQueueAttributes All lists a FIFO queue's attributes in AWS's order: RedrivePolicy before ReceiveMessageWaitTimeSeconds, then FifoQueue, DeduplicationScope, FifoThroughputLimit, ContentBasedDeduplication [${CAP}/fifo_redrive_late_arrival.json waiting_poison_dead, waiting_poison_source (2026-09-12)]`, async (t) => {
  const dead = await newQueue('cap-order-dead', {}, true);
  const source = await newQueue('cap-order-src', { RedrivePolicy: redrive(dead.arn, 1) }, true);
  const fifoTail = ['ReceiveMessageWaitTimeSeconds', 'SqsManagedSseEnabled', 'FifoQueue', 'DeduplicationScope', 'FifoThroughputLimit', 'ContentBasedDeduplication'];
  t.deepEqual(await allAttributeNames(dead.url), [...COUNTS_AND_SETTINGS, ...fifoTail]);
  t.deepEqual(await allAttributeNames(source.url), [...COUNTS_AND_SETTINGS, 'RedrivePolicy', ...fifoTail]);
});

test(`GetQueueAttributes All lists a standard queue's RedrivePolicy before ReceiveMessageWaitTimeSeconds, over json and over the query protocol [${CAP}/queue_metrics.json after-three-receive-transfer-source (2026-09-15)]`, async (t) => {
  const dead = await newQueue('cap-order-sdead');
  const source = await newQueue('cap-order-ssrc', { RedrivePolicy: redrive(dead.arn, 3) });
  const expected = [...COUNTS_AND_SETTINGS, 'RedrivePolicy', 'ReceiveMessageWaitTimeSeconds', 'SqsManagedSseEnabled'];
  t.deepEqual(await allAttributeNames(source.url), expected);
  const xml = await sqsQuery({ Action: 'GetQueueAttributes', QueueUrl: source.url, 'AttributeName.1': 'All' });
  t.is(xml.status, 200, xml.body);
  t.deepEqual(xmlValues(xml.body, 'Name'), expected);
});

test(`ReceiveMessage lists a FIFO message's system attributes in AWS's order [${CAP}/fifo_redrive.json hold_a0, dead_arrival_poison (2026-09-12)]`, async (t) => {
  const dead = await newQueue('cap-sys-dead', {}, true);
  const source = await newQueue('cap-sys-src', { VisibilityTimeout: '0', RedrivePolicy: redrive(dead.arn, 1) }, true);
  await sqs.send(new SendMessageCommand({ QueueUrl: source.url, MessageBody: 'poison', MessageGroupId: 'g', MessageDeduplicationId: 'd' }));
  const receive = async (url: string) => (await sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MessageSystemAttributeNames: ['All'] }))).Messages ?? [];
  const [held] = await receive(source.url);
  t.deepEqual(Object.keys(held!.Attributes!), [
    'SenderId', 'ApproximateFirstReceiveTimestamp', 'ApproximateReceiveCount', 'SentTimestamp', 'SequenceNumber', 'MessageDeduplicationId', 'MessageGroupId',
  ]);
  t.deepEqual(await receive(source.url), []);
  const [arrived] = await receive(dead.url);
  t.deepEqual(Object.keys(arrived!.Attributes!), [
    'SenderId', 'ApproximateFirstReceiveTimestamp', 'ApproximateReceiveCount', 'SentTimestamp', 'SequenceNumber', 'MessageDeduplicationId', 'MessageGroupId',
    'DeadLetterQueueSourceArn',
  ]);
});

test(`ReceiveMessage lists a standard message's system attributes in AWS's order, AWSTraceHeader after SentTimestamp, DeadLetterQueueSourceArn last; over the query protocol too [${CAP}/request_metrics.json identities-system, queue_metrics.json dead-inspect-original-sent-timestamp (2026-09-15)]`, async (t) => {
  const traced = await newQueue('cap-sys-trace');
  await sqs.send(new SendMessageCommand({ QueueUrl: traced.url, MessageBody: 'A', MessageSystemAttributes: {
    AWSTraceHeader: { DataType: 'String', StringValue: 'Root=1-65000000-0123456789abcdef01234567;Parent=0123456789abcdef;Sampled=0' },
  } }));
  const xml = await sqsQuery({ Action: 'ReceiveMessage', QueueUrl: traced.url, 'AttributeName.1': 'All', VisibilityTimeout: '0' });
  t.deepEqual(xmlValues(xml.body, 'Name'), ['SenderId', 'ApproximateFirstReceiveTimestamp', 'ApproximateReceiveCount', 'SentTimestamp', 'AWSTraceHeader']);
  const [message] = (await sqs.send(new ReceiveMessageCommand({ QueueUrl: traced.url, MessageSystemAttributeNames: ['All'] }))).Messages!;
  t.deepEqual(Object.keys(message!.Attributes!), ['SenderId', 'ApproximateFirstReceiveTimestamp', 'ApproximateReceiveCount', 'SentTimestamp', 'AWSTraceHeader']);

  const dead = await newQueue('cap-sys-sdead');
  const source = await newQueue('cap-sys-ssrc', { RedrivePolicy: redrive(dead.arn, 1) });
  await sqs.send(new SendMessageCommand({ QueueUrl: source.url, MessageBody: 'redriven' }));
  const [first] = (await sqs.send(new ReceiveMessageCommand({ QueueUrl: source.url }))).Messages!;
  await sqs.send(new ChangeMessageVisibilityCommand({ QueueUrl: source.url, ReceiptHandle: first!.ReceiptHandle!, VisibilityTimeout: 0 }));
  t.is((await sqs.send(new ReceiveMessageCommand({ QueueUrl: source.url }))).Messages, undefined);
  const [arrived] = (await sqs.send(new ReceiveMessageCommand({ QueueUrl: dead.url, MessageSystemAttributeNames: ['All'] }))).Messages!;
  t.deepEqual(Object.keys(arrived!.Attributes!), ['SenderId', 'ApproximateFirstReceiveTimestamp', 'ApproximateReceiveCount', 'SentTimestamp', 'DeadLetterQueueSourceArn']);
  t.is(arrived!.Attributes!.ApproximateReceiveCount, '2');
});

const INVALID_HANDLE = 'The input receipt handle is invalid.';

test(`DeleteMessage with a handle that does not decode: 404 ReceiptHandleIsInvalid, "${INVALID_HANDLE}", over json and the query protocol [${CAP}/metrics.json individual-invalid-delete (2026-09-15)]`, async (t) => {
  const { url } = await newQueue('cap-handle');
  const viaSdk = await sqsErrorOf(sqs.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: 'invalid-handle' })));
  t.is(viaSdk.name, 'ReceiptHandleIsInvalid');
  t.is(viaSdk.$metadata.httpStatusCode, 404);
  t.is(viaSdk.message, INVALID_HANDLE);
  const raw = await sqsJson(server.endpoint, 'DeleteMessage', { QueueUrl: url, ReceiptHandle: 'invalid-handle' });
  t.is(raw.status, 404);
  t.is(raw.queryError, 'ReceiptHandleIsInvalid;Sender');
  t.is(raw.body.__type, 'com.amazonaws.sqs#ReceiptHandleIsInvalid');
  const xml = await sqsQuery({ Action: 'DeleteMessage', QueueUrl: url, ReceiptHandle: 'invalid-handle' });
  t.is(xml.status, 404, xml.body);
  t.is(xmlValue(xml.body, 'Code'), 'ReceiptHandleIsInvalid');
  t.is(xmlValue(xml.body, 'Message'), INVALID_HANDLE);
});

test(`DeleteMessageBatch with handles that do not decode: each entry fails with ReceiptHandleIsInvalid, "${INVALID_HANDLE}", beside the ones deleted [${CAP}/metrics.json batch-delete-with-invalid-entry; request_metrics.json zero-success-delete-batch (2026-09-15)]`, async (t) => {
  const { url } = await newQueue('cap-handle-batch');
  await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'batch-good' }));
  const [message] = (await sqs.send(new ReceiveMessageCommand({ QueueUrl: url }))).Messages!;
  const mixed = await sqs.send(new DeleteMessageBatchCommand({ QueueUrl: url, Entries: [
    { Id: '0', ReceiptHandle: message!.ReceiptHandle! }, { Id: 'invalid', ReceiptHandle: 'invalid-handle' },
  ] }));
  t.deepEqual(mixed.Successful, [{ Id: '0' }]);
  t.deepEqual(mixed.Failed, [{ Id: 'invalid', SenderFault: true, Code: 'ReceiptHandleIsInvalid', Message: INVALID_HANDLE }]);
  const none = await sqs.send(new DeleteMessageBatchCommand({ QueueUrl: url, Entries: [
    { Id: '1', ReceiptHandle: 'invalid-handle-1' }, { Id: '2', ReceiptHandle: 'invalid-handle-2' },
  ] }));
  t.is(none.Successful, undefined);
  t.deepEqual(none.Failed?.map((f) => [f.Id, f.Code, f.Message]), [['1', 'ReceiptHandleIsInvalid', INVALID_HANDLE], ['2', 'ReceiptHandleIsInvalid', INVALID_HANDLE]]);
});

const FIFO_DELAY = (value: number): string => `Value ${value} for parameter DelaySeconds is invalid. Reason: The request include parameter that is not valid for this queue type.`;

for (const row of [
  { value: 901, label: 'fifo-partial-success, isolated-rejected-fifo-delay' },
  { value: 1, label: 'fifo-batch-explicit-delay-one' },
]) {
  test(`SendMessageBatch on a FIFO queue with an entry's DelaySeconds ${row.value}: the whole call is refused (400 InvalidParameterValue, the queue-type reason), nothing is stored [${CAP}/request_metrics.json ${row.label} (2026-09-15)]`, async (t) => {
    const { url } = await newQueue('cap-fifo-delay', {}, true);
    const answer = await sqsJson(server.endpoint, 'SendMessageBatch', { QueueUrl: url, Entries: [
      { Id: 'good', MessageBody: 'p'.repeat(13), MessageGroupId: 'g', MessageDeduplicationId: 'partial' },
      { Id: 'bad', MessageBody: 'z'.repeat(31), MessageGroupId: 'g', MessageDeduplicationId: 'bad', DelaySeconds: row.value },
    ] });
    t.is(answer.status, 400, JSON.stringify(answer.body));
    t.is(answer.queryError, 'InvalidParameterValue;Sender');
    t.is(answer.body.__type, 'com.amazonaws.sqs#InvalidParameterValueException');
    t.is(answer.body.message, FIFO_DELAY(row.value));
    t.is((await sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10 }))).Messages, undefined);
    // The good entry was not stored: its deduplication id is still free.
    const again = await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'again', MessageGroupId: 'g', MessageDeduplicationId: 'partial' }));
    const [received] = (await sqs.send(new ReceiveMessageCommand({ QueueUrl: url }))).Messages!;
    t.is(received!.MessageId, again.MessageId);
  });
}

test(`SendMessageBatch on a FIFO queue with an explicit DelaySeconds 0 is accepted; over the query protocol a delay refuses the whole call too [${CAP}/request_metrics.json fifo-batch-explicit-delay-zero, fifo-batch-explicit-delay-one (2026-09-15)]`, async (t) => {
  const { url } = await newQueue('cap-fifo-delay0', {}, true);
  const ok = await sqs.send(new SendMessageBatchCommand({ QueueUrl: url, Entries: [
    { Id: 'explicit', MessageBody: 'xxxxx', MessageGroupId: 'g', MessageDeduplicationId: 'zero', DelaySeconds: 0 },
    { Id: 'omitted', MessageBody: 'xxxxxxx', MessageGroupId: 'g', MessageDeduplicationId: 'zero-omitted' },
  ] }));
  t.deepEqual(ok.Successful?.map((s) => s.Id), ['explicit', 'omitted']);
  t.is(ok.Failed, undefined);
  const xml = await sqsQuery({
    Action: 'SendMessageBatch', QueueUrl: url,
    'SendMessageBatchRequestEntry.1.Id': 'explicit', 'SendMessageBatchRequestEntry.1.MessageBody': 'xxxxxxxxxxx',
    'SendMessageBatchRequestEntry.1.MessageGroupId': 'g', 'SendMessageBatchRequestEntry.1.MessageDeduplicationId': 'one',
    'SendMessageBatchRequestEntry.1.DelaySeconds': '1',
    'SendMessageBatchRequestEntry.2.Id': 'omitted', 'SendMessageBatchRequestEntry.2.MessageBody': 'xxxxxxxxxxxxx',
    'SendMessageBatchRequestEntry.2.MessageGroupId': 'g', 'SendMessageBatchRequestEntry.2.MessageDeduplicationId': 'one-omitted',
  });
  t.is(xml.status, 400, xml.body);
  t.is(xmlValue(xml.body, 'Code'), 'InvalidParameterValue');
  t.is(xmlValue(xml.body, 'Message'), FIFO_DELAY(1));
});

// Rows boltstack already answered as AWS did, pinned so they stay so.

test(`SendMessageBatch on a FIFO queue: an entry with the deduplication id of an earlier entry of the same batch answers that entry's MessageId and SequenceNumber, with the MD5 of its own body; one of a message sent before answers that message's [${CAP}/request_metrics.json fifo-new-initial, fifo-mixed-existing-and-within-batch-duplicates (2026-09-15)]`, async (t) => {
  const { url } = await newQueue('cap-fifo-dups', { ContentBasedDeduplication: 'false' }, true);
  const initial = await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'aaa', MessageGroupId: 'g', MessageDeduplicationId: 'initial' }));
  const batch = await sqs.send(new SendMessageBatchCommand({ QueueUrl: url, Entries: [
    { Id: 'existing', MessageBody: 'x'.repeat(23), MessageGroupId: 'g', MessageDeduplicationId: 'initial' },
    { Id: 'newA', MessageBody: 'x'.repeat(7), MessageGroupId: 'g', MessageDeduplicationId: 'a' },
    { Id: 'sameA', MessageBody: 'x'.repeat(29), MessageGroupId: 'g', MessageDeduplicationId: 'a' },
    { Id: 'newB', MessageBody: 'x'.repeat(11), MessageGroupId: 'g', MessageDeduplicationId: 'b' },
  ] }));
  const [existing, newA, sameA, newB] = batch.Successful!;
  t.like(existing, { Id: 'existing', MessageId: initial.MessageId, SequenceNumber: initial.SequenceNumber, MD5OfMessageBody: 'ff4045bf8e0150a597d0b9a355ffb644' });
  t.like(newA, { Id: 'newA', MD5OfMessageBody: '04adb4e2f055c978c9bb101ee1bc5cd4' });
  t.like(sameA, { Id: 'sameA', MessageId: newA!.MessageId, SequenceNumber: newA!.SequenceNumber, MD5OfMessageBody: '0d046efba26ac1a3f561246081c086e7' });
  t.like(newB, { Id: 'newB', MD5OfMessageBody: 'dcb740b2c2836cb11f707d63e6ac664f' });
  t.true(BigInt(newB!.SequenceNumber!) > BigInt(newA!.SequenceNumber!));
  const received = (await sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10 }))).Messages!;
  t.deepEqual(received.map((m) => m.Body), ['aaa', 'x'.repeat(7), 'x'.repeat(11)]);
});

test(`Content-based deduplication reads the body only: the same body with another attribute value is a duplicate (answering the first's ids and the MD5 of the attributes sent), and so is a second entry of one batch [${CAP}/request_metrics.json content-new, content-duplicate-changed-attribute, content-within-batch, identities-content (2026-09-15)]`, async (t) => {
  const { url } = await newQueue('cap-content', { ContentBasedDeduplication: 'true' }, true);
  const first = await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'hello', MessageGroupId: 'g',
    MessageAttributes: { tag: { DataType: 'String', StringValue: 'one' } } }));
  t.is(first.MD5OfMessageAttributes, '0c5a8880fe44ffd58b3f7117d182b347');
  const again = await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'hello', MessageGroupId: 'g',
    MessageAttributes: { tag: { DataType: 'String', StringValue: 'different' } } }));
  t.like(again, { MessageId: first.MessageId, SequenceNumber: first.SequenceNumber, MD5OfMessageAttributes: '57985e0b4e13ac8d12df05ce8f8df31c' });
  const batch = await sqs.send(new SendMessageBatchCommand({ QueueUrl: url, Entries: [
    { Id: 'first', MessageBody: 'same-nine', MessageGroupId: 'g' }, { Id: 'second', MessageBody: 'same-nine', MessageGroupId: 'g' },
  ] }));
  t.is(batch.Successful![1]!.MessageId, batch.Successful![0]!.MessageId);
  t.is(batch.Successful![1]!.SequenceNumber, batch.Successful![0]!.SequenceNumber);
  const received = (await sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10, MessageSystemAttributeNames: ['MessageDeduplicationId'] }))).Messages!;
  t.deepEqual(received.map((m) => m.Attributes!.MessageDeduplicationId), [
    '2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824', 'a6931443f139406d0ec77c1601dba7708ab066e4ee84ac20567a383d06ab3a10',
  ]);
});

test(`SendMessageBatch on a standard queue: an entry's DelaySeconds 901 fails that entry alone, with the range reason; the others are sent [${CAP}/request_metrics.json standard-partial-success, zero-success-send-batch; metrics.json batch-partial-invalid-send (2026-09-15)]`, async (t) => {
  const { url } = await newQueue('cap-std-delay');
  const RANGE = 'Value 901 for parameter DelaySeconds is invalid. Reason: DelaySeconds must be >= 0 and <= 900.';
  const mixed = await sqs.send(new SendMessageBatchCommand({ QueueUrl: url, Entries: [
    { Id: 'good13', MessageBody: 'p'.repeat(13) }, { Id: 'good21', MessageBody: 'q'.repeat(21) }, { Id: 'bad', MessageBody: 'z'.repeat(41), DelaySeconds: 901 },
  ] }));
  t.deepEqual(mixed.Successful?.map((s) => [s.Id, s.MD5OfMessageBody]), [['good13', '75beb1c4d7f97a8462d8878e721b2357'], ['good21', 'b3bc0e0c6acdfd2b53b73796ef2f0ec7']]);
  t.deepEqual(mixed.Failed, [{ Id: 'bad', SenderFault: true, Code: 'InvalidParameterValue', Message: RANGE }]);
  const none = await sqs.send(new SendMessageBatchCommand({ QueueUrl: url, Entries: [
    { Id: '1', MessageBody: 'invalid', DelaySeconds: 901 }, { Id: '2', MessageBody: 'invalidinvalid', DelaySeconds: 901 },
  ] }));
  t.is(none.Successful, undefined);
  t.deepEqual(none.Failed?.map((f) => f.Message), [RANGE, RANGE]);
  const single = await sqsErrorOf(sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'invalid', DelaySeconds: 901 })));
  t.is(single.message, RANGE);
});
