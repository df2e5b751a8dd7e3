/**
 * SQS answers recorded against AWS in localstack's snapshot file that earlier files did not pin:
 * FIFO deduplication after a delete and across message groups, a message group that empties and
 * fills again, a FIFO dead-letter move with content-based deduplication, and the attributes a
 * FIFO queue answers once its deduplication scope is changed.
 * Source: localstack/localstack tests/aws/services/sqs/test_sqs.snapshot.json as stored at
 * localemu/localemu@3098669 (recordings up to 2025-12-10), with the requests of test_sqs.py beside
 * it (TestSqsProvider, each test recorded for the json and the query protocol). Official SDK v3
 * client with default settings (json protocol).
 */
import test from 'ava';
import {
  CreateQueueCommand, DeleteMessageCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SendMessageCommand, SetQueueAttributesCommand,
  SQSClient, type Message, type ReceiveMessageCommandInput,
} from '@aws-sdk/client-sqs';
import { startBoltstack } from '../../helpers/server.js';
import { sqsClient, uniqueQueue } from '../../helpers/sqs.js';
import type { Boltstack } from '../../../src/index.js';

const PY = 'localstack/localstack tests/aws/services/sqs/test_sqs.py::TestSqsProvider';

let server: Boltstack;
let sqs: SQSClient;
test.before(async () => {
  server = await startBoltstack();
  sqs = sqsClient(server.endpoint);
});
test.after.always(async () => { sqs?.destroy(); await server?.stop(); });

async function fifoQueue(attributes: Record<string, string> = {}): Promise<{ url: string; arn: string }> {
  const name = `${uniqueQueue('ls2')}.fifo`;
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: { FifoQueue: 'true', ...attributes } }));
  return { url: QueueUrl!, arn: `arn:aws:sqs:us-east-1:000000000000:${name}` };
}
const send = (url: string, body: string, group: string, dedup?: string) =>
  sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: body, MessageGroupId: group, ...(dedup === undefined ? {} : { MessageDeduplicationId: dedup }) }));
const receive = async (url: string, extra: Partial<ReceiveMessageCommandInput> = {}): Promise<Message[] | undefined> =>
  (await sqs.send(new ReceiveMessageCommand({ QueueUrl: url, ...extra }))).Messages;
const remove = (url: string, m: Message) => sqs.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: m.ReceiptHandle! }));
/** The members AWS shows for a message received without attribute names. */
const PLAIN = ['Body', 'MD5OfBody', 'MessageId', 'ReceiptHandle'];

test(`FIFO: a group emptied by a delete answers nothing, then serves the next message sent to it [${PY}::test_fifo_empty_message_groups_added_back_to_queue (2024-04-30)]`, async (t) => {
  const q = await fifoQueue();
  await send(q.url, 'Message 1', 'g1', '1');
  const [first] = (await receive(q.url)) ?? [];
  t.deepEqual(Object.keys(first ?? {}).sort(), PLAIN);
  t.like(first, { Body: 'Message 1', MD5OfBody: '68390233272823b7adf13a1db79b2cd7' });
  await remove(q.url, first!);
  t.is(await receive(q.url), undefined, 'AWS answers no Messages member at all');
  await send(q.url, 'Message 2', 'g1', '2');
  const [second] = (await receive(q.url)) ?? [];
  t.like(second, { Body: 'Message 2', MD5OfBody: '88ef8f31ed540f1c4c03d5fdb06a7935' });
});

for (const contentBased of [true, false]) {
  const key = contentBased ? 'True' : 'False';
  test(`FIFO${contentBased ? ' content-based' : ''}: a message deleted after receipt is still a duplicate when sent again [${PY}::test_fifo_deduplication_arrives_once_after_delete[sqs-${key}] (2024-04-30)]`, async (t) => {
    const q = await fifoQueue(contentBased ? { ContentBasedDeduplication: 'true' } : {});
    const item = '{"foo": "bar"}';
    await send(q.url, item, 'group-1', contentBased ? undefined : 'dedup1');
    const [m] = (await receive(q.url, { WaitTimeSeconds: 1 })) ?? [];
    t.like(m, { Body: item, MD5OfBody: '94232c5b8fc9272f6f73a1e36eb68fcf' });
    await remove(q.url, m!);
    await send(q.url, item, 'group-1', contentBased ? undefined : 'dedup1');
    t.is(await receive(q.url, { WaitTimeSeconds: 1 }), undefined);
  });

  test(`FIFO${contentBased ? ' content-based' : ''}: deduplication spans message groups (queue scope) [${PY}::test_fifo_deduplication_not_on_message_group_id[sqs-${key}] (2024-04-30)]`, async (t) => {
    const q = await fifoQueue(contentBased ? { ContentBasedDeduplication: 'true' } : {});
    const item = '{"foo": "bar"}';
    await send(q.url, item, 'group-1', contentBased ? undefined : 'dedup1');
    await send(q.url, item, 'group-2', contentBased ? undefined : 'dedup1');
    const messages = await receive(q.url, { MaxNumberOfMessages: 1, WaitTimeSeconds: 1 });
    t.is(messages?.length, 1);
    t.is(messages?.[0]?.Body, item);
    t.is(await receive(q.url, { MaxNumberOfMessages: 1, WaitTimeSeconds: 1 }), undefined);
  });
}

test(`FIFO with content-based deduplication: the third receive moves the message to the FIFO dead-letter queue, and the group serves the next message [${PY}::test_dead_letter_queue_with_fifo_and_content_based_deduplication (2024-05-21)]`, async (t) => {
  const dlq = await fifoQueue({ ContentBasedDeduplication: 'true', MessageRetentionPeriod: '1209600' });
  const q = await fifoQueue({ ContentBasedDeduplication: 'true', VisibilityTimeout: '60', RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.arn, maxReceiveCount: 2 }) });
  const { MessageId: first } = await send(q.url, 'foobar', '1');
  for (let i = 0; i < 3; i++) await receive(q.url, { WaitTimeSeconds: 1, VisibilityTimeout: 0 });
  const moved = await receive(dlq.url, { WaitTimeSeconds: 2 });
  t.is(moved?.length, 1);
  t.like(moved?.[0], { MessageId: first, Body: 'foobar' });
  const { MessageId: second } = await send(q.url, 'foobar2', '1');
  const [next] = (await receive(q.url, { WaitTimeSeconds: 1 })) ?? [];
  t.like(next, { MessageId: second, Body: 'foobar2' });
});

const FIFO_ATTRIBUTE_NAMES = ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesDelayed', 'ApproximateNumberOfMessagesNotVisible', 'ContentBasedDeduplication',
  'CreatedTimestamp', 'DeduplicationScope', 'DelaySeconds', 'FifoQueue', 'FifoThroughputLimit', 'LastModifiedTimestamp', 'MaximumMessageSize', 'MessageRetentionPeriod',
  'QueueArn', 'ReceiveMessageWaitTimeSeconds', 'SqsManagedSseEnabled', 'VisibilityTimeout'];

test(`FIFO, queue scope: the same deduplication id in another group is a duplicate; switched to high throughput, GetQueueAttributes answers messageGroup/perMessageGroupId [${PY}::test_fifo_change_to_high_throughput_after_creation[sqs] (2025-08-19)]`, async (t) => {
  const q = await fifoQueue({ ContentBasedDeduplication: 'false', DeduplicationScope: 'queue' });
  await send(q.url, 'Test1', 'group1', 'same-dedup');
  const [m] = (await receive(q.url)) ?? [];
  t.like(m, { Body: 'Test1', MD5OfBody: 'e1b849f9631ffc1829b2e31402373e3c' });
  await remove(q.url, m!);
  await send(q.url, 'Test2', 'group2', 'same-dedup');
  t.is(await receive(q.url, { VisibilityTimeout: 0 }), undefined, 'a duplicate under queue scope');
  await sqs.send(new SetQueueAttributesCommand({ QueueUrl: q.url, Attributes: { DeduplicationScope: 'messageGroup', FifoThroughputLimit: 'perMessageGroupId' } }));
  const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: q.url, AttributeNames: ['All'] }));
  t.deepEqual(Object.keys(Attributes ?? {}).sort(), FIFO_ATTRIBUTE_NAMES);
  t.like(Attributes, {
    ApproximateNumberOfMessages: '0', ApproximateNumberOfMessagesDelayed: '0', ApproximateNumberOfMessagesNotVisible: '0', ContentBasedDeduplication: 'false',
    DeduplicationScope: 'messageGroup', DelaySeconds: '0', FifoQueue: 'true', FifoThroughputLimit: 'perMessageGroupId', MaximumMessageSize: '1048576',
    MessageRetentionPeriod: '345600', QueueArn: q.arn, ReceiveMessageWaitTimeSeconds: '0', SqsManagedSseEnabled: 'true', VisibilityTimeout: '30',
  });
});

test(`FIFO, message-group scope: the same deduplication id in another group is delivered; switched back, GetQueueAttributes answers queue/perQueue [${PY}::test_fifo_change_to_regular_throughput_after_creation[sqs] (2025-08-19)]`, async (t) => {
  const q = await fifoQueue({ ContentBasedDeduplication: 'false', DeduplicationScope: 'messageGroup', FifoThroughputLimit: 'perMessageGroupId' });
  await send(q.url, 'Test1', 'group1', 'same-dedup');
  const [m1] = (await receive(q.url)) ?? [];
  t.is(m1?.Body, 'Test1');
  await remove(q.url, m1!);
  await send(q.url, 'Test2', 'group2', 'same-dedup');
  const [m2] = (await receive(q.url)) ?? [];
  t.like(m2, { Body: 'Test2', MD5OfBody: 'c454552d52d55d3ef56408742887362b' });
  await remove(q.url, m2!);
  await sqs.send(new SetQueueAttributesCommand({ QueueUrl: q.url, Attributes: { DeduplicationScope: 'queue', FifoThroughputLimit: 'perQueue' } }));
  const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: q.url, AttributeNames: ['All'] }));
  t.deepEqual(Object.keys(Attributes ?? {}).sort(), FIFO_ATTRIBUTE_NAMES);
  t.like(Attributes, { DeduplicationScope: 'queue', FifoThroughputLimit: 'perQueue', ContentBasedDeduplication: 'false', SqsManagedSseEnabled: 'true' });
});

test(`FIFO, VisibilityTimeout 0: one receive answers each message once, groups kept in send order; the next receive answers all five again [${PY}::test_fifo_receive_message_with_zero_visibility_timeout (aws.validated; group order not pinned: AWS answered g3 first, see the report)]`, async (t) => {
  const q = await fifoQueue({ ContentBasedDeduplication: 'true' });
  for (const [body, group] of [['g1-m1', 'group-1'], ['g2-m1', 'group-2'], ['g2-m2', 'group-2'], ['g3-m1', 'group-3'], ['g1-m2', 'group-1']] as const) await send(q.url, body, group);
  t.deepEqual((await receive(q.url, { MaxNumberOfMessages: 3, VisibilityTimeout: 0 }))?.map((m) => m.Body), ['g1-m1', 'g1-m2', 'g2-m1']);
  const all = ((await receive(q.url, { MaxNumberOfMessages: 10, VisibilityTimeout: 0 })) ?? []).map((m) => m.Body!);
  t.deepEqual([...all].sort(), ['g1-m1', 'g1-m2', 'g2-m1', 'g2-m2', 'g3-m1'], 'each message once');
  for (const group of ['g1', 'g2']) t.deepEqual(all.filter((b) => b.startsWith(group)), [`${group}-m1`, `${group}-m2`], 'in send order within its group');
});
