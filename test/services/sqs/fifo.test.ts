/**
 * FIFO queues through the SDK: name and attribute rules, ordering per MessageGroupId, a group
 * held while one of its messages is in flight, deduplication for 5 minutes by id or by content
 * (queue or message-group scope), sequence numbers, expired handles refused, and
 * ReceiveRequestAttemptId retries.
 */
import test from 'ava';
import {
  CreateQueueCommand, DeleteMessageCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SendMessageBatchCommand,
  SendMessageCommand, type SQSClient,
} from '@aws-sdk/client-sqs';
import { startBoltstack } from '../../helpers/server.js';
import { sqsClient, sqsErrorOf, uniqueQueue } from '../../helpers/sqs.js';
import type { Boltstack } from '../../../src/index.js';

let server: Boltstack;
let sqs: SQSClient;
test.before(async () => { server = await startBoltstack(); sqs = sqsClient(server.endpoint); });
test.after.always(async () => { sqs?.destroy(); await server?.stop(); });

const fifo = async (attributes: Record<string, string> = {}): Promise<string> =>
  (await sqs.send(new CreateQueueCommand({ QueueName: `${uniqueQueue('f')}.fifo`, Attributes: { FifoQueue: 'true', ...attributes } }))).QueueUrl!;

test('name and attribute rules', async (t) => {
  const noSuffix = await sqsErrorOf(sqs.send(new CreateQueueCommand({ QueueName: uniqueQueue('f'), Attributes: { FifoQueue: 'true' } })));
  t.is(noSuffix.name, 'InvalidParameterValue');
  const suffixOnStandard = await sqsErrorOf(sqs.send(new CreateQueueCommand({ QueueName: `${uniqueQueue('s')}.fifo` })));
  t.is(suffixOnStandard.name, 'InvalidParameterValue');
  const cbdOnStandard = await sqsErrorOf(sqs.send(new CreateQueueCommand({ QueueName: uniqueQueue('s'), Attributes: { ContentBasedDeduplication: 'true' } })));
  t.is(cbdOnStandard.name, 'InvalidAttributeName');
  const url = await fifo({ ContentBasedDeduplication: 'true' });
  const attrs = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['All'] }))).Attributes!;
  t.is(attrs.FifoQueue, 'true');
  t.is(attrs.ContentBasedDeduplication, 'true');
  t.is(attrs.DeduplicationScope, 'queue');
  t.is(attrs.FifoThroughputLimit, 'perQueue');
  const noGroup = await sqsErrorOf(sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'x' })));
  t.is(noGroup.name, 'MissingParameter');
  t.is(noGroup.message, 'The request must contain the parameter MessageGroupId.');
  const delay = await sqsErrorOf(sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'x', MessageGroupId: 'g', DelaySeconds: 5 })));
  t.is(delay.name, 'InvalidParameterValue');
  const noDedup = await fifo();
  const need = await sqsErrorOf(sqs.send(new SendMessageCommand({ QueueUrl: noDedup, MessageBody: 'x', MessageGroupId: 'g' })));
  t.is(need.message, 'The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly');
});

test('order per group, a group held while in flight, other groups served meanwhile', async (t) => {
  const QueueUrl = await fifo({ ContentBasedDeduplication: 'true' });
  for (const [g, b] of [['a', 'a1'], ['b', 'b1'], ['a', 'a2'], ['b', 'b2'], ['a', 'a3']]) {
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: b!, MessageGroupId: g! }));
  }
  const first = (await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 2 }))).Messages!;
  t.deepEqual(first.map((m) => m.Body), ['a1', 'a2'], 'as many of one group as possible, in order');
  const second = (await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10 }))).Messages!;
  t.deepEqual(second.map((m) => m.Body), ['b1', 'b2'], 'group a is held while a1/a2 are in flight');
  t.is((await sqs.send(new ReceiveMessageCommand({ QueueUrl }))).Messages, undefined);
  for (const m of first) await sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: m.ReceiptHandle! }));
  const third = (await sqs.send(new ReceiveMessageCommand({ QueueUrl, MessageSystemAttributeNames: ['All'] }))).Messages!;
  t.deepEqual(third.map((m) => m.Body), ['a3']);
  t.is(third[0]!.Attributes?.MessageGroupId, 'a');
  t.regex(third[0]!.Attributes?.SequenceNumber ?? '', /^\d{20}$/);
  t.truthy(third[0]!.Attributes?.MessageDeduplicationId);
});

test('deduplication by id and by content within 5 minutes returns the first message id', async (t) => {
  const QueueUrl = await fifo({ ContentBasedDeduplication: 'true' });
  const a = await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'same', MessageGroupId: 'g' }));
  const b = await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'same', MessageGroupId: 'g' }));
  t.is(b.MessageId, a.MessageId);
  t.is(b.SequenceNumber, a.SequenceNumber);
  const c = await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'other body', MessageGroupId: 'g', MessageDeduplicationId: 'id-1' }));
  const d = await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'different again', MessageGroupId: 'h', MessageDeduplicationId: 'id-1' }));
  t.is(d.MessageId, c.MessageId, 'queue scope: the id deduplicates across groups');
  t.true(BigInt(c.SequenceNumber!) > BigInt(a.SequenceNumber!));
  const batch = await sqs.send(new SendMessageBatchCommand({ QueueUrl, Entries: [
    { Id: 'x', MessageBody: 'dup', MessageGroupId: 'g', MessageDeduplicationId: 'id-2' },
    { Id: 'y', MessageBody: 'dup too', MessageGroupId: 'g', MessageDeduplicationId: 'id-2' },
  ] }));
  t.is(batch.Successful?.[0]?.MessageId, batch.Successful?.[1]?.MessageId);
  const all = (await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10 }))).Messages!;
  t.deepEqual(all.map((m) => m.Body), ['same', 'other body', 'dup']);
  const group = await fifo({ DeduplicationScope: 'messageGroup', FifoThroughputLimit: 'perMessageGroupId' });
  const e = await sqs.send(new SendMessageCommand({ QueueUrl: group, MessageBody: '1', MessageGroupId: 'g1', MessageDeduplicationId: 'k' }));
  const f = await sqs.send(new SendMessageCommand({ QueueUrl: group, MessageBody: '2', MessageGroupId: 'g2', MessageDeduplicationId: 'k' }));
  t.not(f.MessageId, e.MessageId, 'message-group scope: the same id in another group is a new message');
});

test('a handle whose visibility timeout ended is refused on a FIFO queue', async (t) => {
  const QueueUrl = await fifo({ ContentBasedDeduplication: 'true' });
  await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'once', MessageGroupId: 'g' }));
  const m = (await sqs.send(new ReceiveMessageCommand({ QueueUrl, VisibilityTimeout: 1 }))).Messages![0]!;
  await new Promise((r) => setTimeout(r, 1100));
  const err = await sqsErrorOf(sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: m.ReceiptHandle! })));
  t.is(err.name, 'InvalidParameterValue');
  t.regex(err.message, /The receipt handle has expired\.$/);
});

test('ReceiveRequestAttemptId: a retried receive gets the same messages and handles', async (t) => {
  const QueueUrl = await fifo({ ContentBasedDeduplication: 'true' });
  await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'r1', MessageGroupId: 'g' }));
  await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'r2', MessageGroupId: 'g' }));
  const a = (await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, ReceiveRequestAttemptId: 'attempt-1' }))).Messages!;
  const b = (await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, ReceiveRequestAttemptId: 'attempt-1' }))).Messages!;
  t.deepEqual(b.map((m) => m.ReceiptHandle), a.map((m) => m.ReceiptHandle));
  t.deepEqual(b.map((m) => m.Body), ['r1', 'r2']);
  t.is((await sqs.send(new ReceiveMessageCommand({ QueueUrl, ReceiveRequestAttemptId: 'attempt-2' }))).Messages, undefined);
});

// Serial: it moves the clock of the whole process (the server runs in it), which other tests must not see.
test.serial('a deduplication id expires after 5 minutes: the same id is then a new message', async (t) => {
  const QueueUrl = await fifo();
  const a = await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'one', MessageGroupId: 'g', MessageDeduplicationId: 'same' }));
  const realNow = Date.now;
  Date.now = () => realNow() + 5 * 60 * 1000 + 1000;
  try {
    const b = await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'two', MessageGroupId: 'g', MessageDeduplicationId: 'same' }));
    t.not(b.MessageId, a.MessageId);
    const c = await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'three', MessageGroupId: 'g', MessageDeduplicationId: 'same' }));
    t.is(c.MessageId, b.MessageId, 'the new one deduplicates again for its own 5 minutes');
  } finally {
    Date.now = realNow;
  }
});
