/**
 * SQS against raw captures of native AWS (us-east-1, 2026-09-12) stored in radkawar/stackd
 * testdata/aws/sqs/*.json: each row cites the file and the case(s) of its `observations` array.
 * Where a capture disagrees with an older source pinned elsewhere, the capture wins.
 */
import test from 'ava';
import {
  ChangeMessageVisibilityCommand, CreateQueueCommand, GetQueueAttributesCommand, ListMessageMoveTasksCommand, ReceiveMessageCommand,
  SendMessageCommand, SetQueueAttributesCommand, StartMessageMoveTaskCommand, type Message, type SendMessageCommandOutput, type SQSClient,
} from '@aws-sdk/client-sqs';
import { startBoltstack } from '../../helpers/server.js';
import { sqsClient, uniqueQueue } from '../../helpers/sqs.js';
import type { Boltstack } from '../../../src/index.js';

const CAP = 'radkawar/stackd testdata/aws/sqs';

let server: Boltstack;
let sqs: SQSClient;
test.before(async () => { server = await startBoltstack(); sqs = sqsClient(server.endpoint); });
test.after.always(async () => { sqs?.destroy(); await server?.stop(); });

async function fifoQueue(attributes: Record<string, string> = {}): Promise<{ url: string; arn: string }> {
  const url = (await sqs.send(new CreateQueueCommand({ QueueName: `${uniqueQueue('cap')}.fifo`, Attributes: { FifoQueue: 'true', ...attributes } }))).QueueUrl!;
  const arn = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }))).Attributes!.QueueArn!;
  return { url, arn };
}

const receive = async (url: string, visibility?: number): Promise<Message[]> => (await sqs.send(new ReceiveMessageCommand({
  QueueUrl: url, MaxNumberOfMessages: 10, MessageSystemAttributeNames: ['All'], ...(visibility !== undefined ? { VisibilityTimeout: visibility } : {}),
}))).Messages ?? [];

async function until<T>(get: () => Promise<T>, done: (value: T) => boolean, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await get();
    if (done(value) || Date.now() > end) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
}

const send = (url: string, body: string, group: string, dedup: string): Promise<SendMessageCommandOutput> =>
  sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: body, MessageGroupId: group, MessageDeduplicationId: dedup }));

test(`a FIFO message redriven to its dead-letter queue keeps its MessageId, SentTimestamp and receive count, takes a new SequenceNumber, and its MessageId is its deduplication id there [${CAP}/fifo_redrive.json cases source_send_poison..after_dead_duplicate (2026-09-12)]`, async (t) => {
  const dead = await fifoQueue();
  const source = await fifoQueue({ VisibilityTimeout: '0', RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dead.arn, maxReceiveCount: 1 }) });
  const sent = await sqs.send(new SendMessageCommand({ QueueUrl: source.url, MessageBody: 'poison', MessageGroupId: 'source-group', MessageDeduplicationId: 'source-poison' }));
  const [first] = await receive(source.url);
  t.like(first!.Attributes, { MessageDeduplicationId: 'source-poison', MessageGroupId: 'source-group', SequenceNumber: sent.SequenceNumber, ApproximateReceiveCount: '1' });
  t.deepEqual(await receive(source.url), []);
  const [arrived] = await until(() => receive(dead.url), (m) => m.length > 0);
  t.is(arrived!.MessageId, sent.MessageId);
  t.like(arrived!.Attributes, {
    ApproximateReceiveCount: '2', SentTimestamp: first!.Attributes!.SentTimestamp, ApproximateFirstReceiveTimestamp: first!.Attributes!.ApproximateFirstReceiveTimestamp,
    MessageDeduplicationId: sent.MessageId, MessageGroupId: 'source-group', DeadLetterQueueSourceArn: source.arn,
  });
  t.not(arrived!.Attributes!.SequenceNumber, sent.SequenceNumber);
  // case duplicate_dead_arrival: a send to the dead-letter queue deduplicated by that MessageId
  // answers the arrived message's MessageId and SequenceNumber, and stores nothing.
  const duplicate = await send(dead.url, 'again', 'source-group', sent.MessageId!);
  t.is(duplicate.MessageId, sent.MessageId);
  t.is(duplicate.SequenceNumber, arrived!.Attributes!.SequenceNumber);
  const counts = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: dead.url, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] }))).Attributes;
  t.like(counts, { ApproximateNumberOfMessages: '0', ApproximateNumberOfMessagesNotVisible: '1' });
});

test(`a FIFO move task waits for a group held in flight in the dead-letter queue, and each moved message is new: MessageId, SequenceNumber, SentTimestamp, receive count, deduplicated by its old MessageId [${CAP}/fifo_redrive.json and fifo_redrive_late_arrival.json cases send_a0..after_duplicate_sends (2026-09-12)]`, async (t) => {
  const dead = await fifoQueue();
  await fifoQueue({ RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dead.arn, maxReceiveCount: 1 }) });
  const destination = await fifoQueue();
  const a0 = await send(dead.url, 'a0', 'a', 'manual-a0');
  const [held] = await receive(dead.url, 30);
  const a1 = await send(dead.url, 'a1', 'a', 'manual-a1');
  const b0 = await send(dead.url, 'b0', 'b', 'manual-b0');
  await sqs.send(new StartMessageMoveTaskCommand({ SourceArn: dead.arn, DestinationArn: destination.arn, MaxNumberOfMessagesPerSecond: 10 }));
  // case held_destination: group b moves; group a stays behind its message in flight.
  const [movedB] = await until(() => receive(destination.url), (m) => m.length > 0);
  t.is(movedB!.Body, 'b0');
  t.not(movedB!.MessageId, b0.MessageId);
  t.not(movedB!.Attributes!.SequenceNumber, b0.SequenceNumber);
  t.like(movedB!.Attributes, { MessageDeduplicationId: b0.MessageId, MessageGroupId: 'b', ApproximateReceiveCount: '1' });
  await new Promise((r) => setTimeout(r, 300));
  // case before_release: the task is still RUNNING, with its handle.
  const [running] = (await sqs.send(new ListMessageMoveTasksCommand({ SourceArn: dead.arn }))).Results!;
  t.like(running, { Status: 'RUNNING', ApproximateNumberOfMessagesToMove: 3, MaxNumberOfMessagesPerSecond: 10 });
  t.truthy(running!.TaskHandle);
  t.deepEqual(await receive(destination.url), []);
  const releasedAt = Date.now();
  await sqs.send(new ChangeMessageVisibilityCommand({ QueueUrl: dead.url, ReceiptHandle: held!.ReceiptHandle!, VisibilityTimeout: 0 }));
  const done = await until(async () => (await sqs.send(new ListMessageMoveTasksCommand({ SourceArn: dead.arn }))).Results![0]!, (r) => r.Status === 'COMPLETED');
  t.is(done.Status, 'COMPLETED');
  t.is(done.TaskHandle, undefined);
  // case released_destination: a0 and a1 in order, new identities, deduplicated by the old MessageIds.
  const movedA = await receive(destination.url);
  t.deepEqual(movedA.map((m) => m.Body), ['a0', 'a1']);
  t.like(movedA[0]!.Attributes, { MessageDeduplicationId: a0.MessageId, MessageGroupId: 'a', ApproximateReceiveCount: '1' });
  t.like(movedA[1]!.Attributes, { MessageDeduplicationId: a1.MessageId, MessageGroupId: 'a', ApproximateReceiveCount: '1' });
  t.not(movedA[0]!.MessageId, a0.MessageId);
  t.true(Number(movedA[0]!.Attributes!.SentTimestamp) >= releasedAt - 1000, 'SentTimestamp is the move time');
  // cases duplicate_a0/a1/b0: a send deduplicated by an old MessageId answers the moved message.
  const dupA0 = await send(destination.url, 'dup', 'a', a0.MessageId!);
  t.is(dupA0.MessageId, movedA[0]!.MessageId);
  t.is(dupA0.SequenceNumber, movedA[0]!.Attributes!.SequenceNumber);
  const dupB0 = await send(destination.url, 'dup', 'b', b0.MessageId!);
  t.is(dupB0.MessageId, movedB!.MessageId);
});

test(`a FIFO move task drops a message whose old MessageId the destination has seen: not delivered, not counted as moved [${CAP}/fifo_redrive.json cases send_collision..collision_destination (2026-09-12)]`, async (t) => {
  const dead = await fifoQueue();
  await fifoQueue({ RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dead.arn, maxReceiveCount: 1 }) });
  const destination = await fifoQueue();
  const collision = await send(dead.url, 'collision', 'collision-group', 'collision');
  await send(destination.url, 'existing', 'collision-group', collision.MessageId!);
  const [seed] = await receive(destination.url);
  t.is(seed!.Body, 'existing');
  await sqs.send(new StartMessageMoveTaskCommand({ SourceArn: dead.arn, DestinationArn: destination.arn, MaxNumberOfMessagesPerSecond: 10 }));
  const done = await until(async () => (await sqs.send(new ListMessageMoveTasksCommand({ SourceArn: dead.arn }))).Results![0]!, (r) => r.Status === 'COMPLETED');
  t.like(done, { Status: 'COMPLETED', ApproximateNumberOfMessagesMoved: 0, ApproximateNumberOfMessagesToMove: 1 });
  const counts = async (url: string): Promise<Record<string, string>> => (await sqs.send(new GetQueueAttributesCommand({
    QueueUrl: url, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
  }))).Attributes!;
  t.like(await counts(destination.url), { ApproximateNumberOfMessages: '0', ApproximateNumberOfMessagesNotVisible: '1' });
});

test(`a queue's access Policy is answered as compact JSON, whatever spacing it was set with [radkawar/stackd testdata/aws/sns/delivery.json captures.wrapped configure-primary-policy, inspect-primary-policy (2026-09-14)]`, async (t) => {
  const url = (await sqs.send(new CreateQueueCommand({ QueueName: uniqueQueue('cap-policy') }))).QueueUrl!;
  const policy = { Version: '2012-10-17', Statement: [{ Sid: 'AllowOnlyOwnedSnsTopic', Effect: 'Allow', Principal: { Service: 'sns.amazonaws.com' },
    Action: 'sqs:SendMessage', Resource: 'arn:aws:sqs:us-east-1:000000000000:q', Condition: { ArnEquals: { 'aws:SourceArn': 'arn:aws:sns:us-east-1:000000000000:t' } } }] };
  await sqs.send(new SetQueueAttributesCommand({ QueueUrl: url, Attributes: { Policy: JSON.stringify(policy, null, 1).replace(/\n */g, ' ') } }));
  const got = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['Policy'] }));
  t.is(got.Attributes?.Policy, JSON.stringify(policy));
});
