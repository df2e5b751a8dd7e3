/**
 * Standard queues' dead-letter redrive, message move tasks, fair-queue groups and plain sends
 * against raw captures of native AWS (us-east-1, 2026-09-12 and 2026-09-15) in radkawar/stackd
 * testdata/aws/sqs: redrive.json, forwarding_execution.json, queue_metrics.json, fairness.json,
 * cache_scope.json and cache_scope_initial.json. Each row cites the file and the case or label of
 * its entry. (Those files' KMS and IAM rows, AccessDenied and KMS.AccessDeniedException, are
 * outside boltstack, which has neither; their CloudWatch rows too.) Json rows through the SDK v3
 * client, wire rows through a raw json 1.0 call.
 */
import test from 'ava';
import {
  CancelMessageMoveTaskCommand, ChangeMessageVisibilityCommand, CreateQueueCommand, GetQueueAttributesCommand, ListMessageMoveTasksCommand,
  ReceiveMessageCommand, SendMessageBatchCommand, SendMessageCommand, StartMessageMoveTaskCommand, type SQSClient,
} from '@aws-sdk/client-sqs';
import { startBoltstack } from '../../helpers/server.js';
import { sqsClient, uniqueQueue } from '../../helpers/sqs.js';
import type { Boltstack } from '../../../src/index.js';

const CAP = 'radkawar/stackd testdata/aws/sqs';

let server: Boltstack;
let sqs: SQSClient;
test.before(async () => { server = await startBoltstack(); sqs = sqsClient(server.endpoint); });
test.after.always(async () => { sqs?.destroy(); await server?.stop(); });

async function newQueue(prefix: string, attributes: Record<string, string> = {}): Promise<{ url: string; arn: string }> {
  const url = (await sqs.send(new CreateQueueCommand({ QueueName: uniqueQueue(prefix), Attributes: attributes }))).QueueUrl!;
  const arn = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }))).Attributes!.QueueArn!;
  return { url, arn };
}
/** A dead-letter queue: some queue names it in its RedrivePolicy. */
async function deadLetterQueue(prefix: string, maxReceiveCount = 3): Promise<{ dead: { url: string; arn: string }; source: { url: string; arn: string } }> {
  const dead = await newQueue(`${prefix}-dead`);
  const source = await newQueue(`${prefix}-src`, { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dead.arn, maxReceiveCount }) });
  return { dead, source };
}
const receiveAll = (url: string, max = 10) => sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: max, MessageSystemAttributeNames: ['All'] }));
/** Polls `probe` every 50 ms until it holds; fails after 15 s. */
async function until(probe: () => Promise<boolean>): Promise<void> {
  const end = Date.now() + 15_000;
  while (!(await probe())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
const tasks = async (arn: string) => (await sqs.send(new ListMessageMoveTasksCommand({ SourceArn: arn }))).Results ?? [];

test(`a standard message moved by a task is a new message: a new MessageId and SentTimestamp (after the task started), receive count 1, no DeadLetterQueueSourceArn; its body and MD5 kept [${CAP}/forwarding_execution.json cases last_before_release, last_progress, last_destination, first_destination, chain_destination, via_destination (2026-09-12); AWS Developer Guide, "Configure a dead-letter queue redrive": "All redriven messages are considered new messages with a new messageID and enqueueTime"]`, async (t) => {
  const { dead, source } = await deadLetterQueue('cap-move-new', 1);
  const destination = await newQueue('cap-move-new-dst');
  const sent = await sqs.send(new SendMessageCommand({ QueueUrl: source.url, MessageBody: 'redriven' }));
  // Dead-lettered on its second receive (maxReceiveCount 1), with its MessageId and SentTimestamp.
  const first = (await receiveAll(source.url)).Messages![0]!;
  await sqs.send(new ChangeMessageVisibilityCommand({ QueueUrl: source.url, ReceiptHandle: first.ReceiptHandle!, VisibilityTimeout: 0 }));
  t.is((await receiveAll(source.url)).Messages, undefined);
  await new Promise((resolve) => setTimeout(resolve, 20));
  await sqs.send(new StartMessageMoveTaskCommand({ SourceArn: dead.arn, DestinationArn: destination.arn, MaxNumberOfMessagesPerSecond: 10 }));
  await until(async () => (await tasks(dead.arn))[0]?.Status === 'COMPLETED');
  const [task] = await tasks(dead.arn);
  const [moved] = (await receiveAll(destination.url)).Messages!;
  t.like(moved, { MD5OfBody: sent.MD5OfMessageBody, Body: 'redriven' });
  t.not(moved!.MessageId, sent.MessageId);
  t.deepEqual(Object.keys(moved!.Attributes!), ['SenderId', 'ApproximateFirstReceiveTimestamp', 'ApproximateReceiveCount', 'SentTimestamp']);
  t.is(moved!.Attributes!.ApproximateReceiveCount, '1');
  t.true(Number(moved!.Attributes!.SentTimestamp) >= task!.StartedTimestamp!, `${moved!.Attributes!.SentTimestamp} < ${task!.StartedTimestamp}`);
  t.true(Number(moved!.Attributes!.SentTimestamp) > Number(first.Attributes!.SentTimestamp));
});

test(`a move task's answers through its life: RUNNING lists the TaskHandle; CancelMessageMoveTask answers ApproximateNumberOfMessagesMoved; then CANCELLING and CANCELLED, without a TaskHandle; a COMPLETED one moved all it had to, without a TaskHandle; moved bodies keep their MD5s [${CAP}/redrive.json cases populate, start, progress, destination, populate_cancel, start_cancel, cancel, cancel_progress (2026-09-12)]`, async (t) => {
  const { dead } = await deadLetterQueue('cap-move-life');
  const destination = await newQueue('cap-move-life-dst');
  const bodies = Array.from({ length: 5 }, (_, i) => `work-${i}`);
  const sent = (await sqs.send(new SendMessageBatchCommand({ QueueUrl: dead.url, Entries: bodies.map((MessageBody, i) => ({ Id: String(i), MessageBody })) }))).Successful!;
  const { TaskHandle } = await sqs.send(new StartMessageMoveTaskCommand({ SourceArn: dead.arn, DestinationArn: destination.arn, MaxNumberOfMessagesPerSecond: 1 }));
  const [running] = await tasks(dead.arn);
  t.like(running, { TaskHandle, Status: 'RUNNING', SourceArn: dead.arn, DestinationArn: destination.arn, MaxNumberOfMessagesPerSecond: 1, ApproximateNumberOfMessagesToMove: 5 });
  const cancelled = await sqs.send(new CancelMessageMoveTaskCommand({ TaskHandle }));
  t.true(Number.isInteger(cancelled.ApproximateNumberOfMessagesMoved) && cancelled.ApproximateNumberOfMessagesMoved! < 5);
  const [cancelling] = await tasks(dead.arn);
  t.is(cancelling!.Status, 'CANCELLING');
  t.false('TaskHandle' in cancelling!);
  await until(async () => (await tasks(dead.arn))[0]?.Status === 'CANCELLED');
  t.false('TaskHandle' in (await tasks(dead.arn))[0]!);

  await sqs.send(new StartMessageMoveTaskCommand({ SourceArn: dead.arn, DestinationArn: destination.arn }));
  await until(async () => (await tasks(dead.arn))[0]?.Status === 'COMPLETED');
  const [completed] = await tasks(dead.arn);
  t.false('TaskHandle' in completed!);
  t.is(completed!.ApproximateNumberOfMessagesMoved, completed!.ApproximateNumberOfMessagesToMove);
  const arrived = [...(await receiveAll(destination.url)).Messages!, ...((await receiveAll(destination.url)).Messages ?? [])];
  t.deepEqual(new Map(arrived.map((m) => [m.Body, m.MD5OfBody])), new Map(sent.map((s) => [bodies[Number(s.Id)], s.MD5OfMessageBody])));
});

test(`a standard message dead-lettered after three receives keeps its MessageId, SentTimestamp and ApproximateFirstReceiveTimestamp, its receive count goes on (4), and the receive that moved it answers nothing [${CAP}/queue_metrics.json set-three-receive-redrive, send-three-receive-old, source-receive-1..3, source-release-1..3, trigger-three-receive-automatic-transfer, dead-inspect-original-sent-timestamp (2026-09-15)]`, async (t) => {
  const { dead, source } = await deadLetterQueue('cap-dlq-keep', 3);
  const sent = await sqs.send(new SendMessageCommand({ QueueUrl: source.url, MessageBody: 'redrive-after-three-source-receives' }));
  let first: Record<string, string> | undefined;
  for (let i = 1; i <= 3; i++) {
    const [m] = (await receiveAll(source.url, 1)).Messages!;
    t.is(m!.Attributes!.ApproximateReceiveCount, String(i));
    first ??= m!.Attributes;
    await sqs.send(new ChangeMessageVisibilityCommand({ QueueUrl: source.url, ReceiptHandle: m!.ReceiptHandle!, VisibilityTimeout: 0 }));
  }
  // On the wire: {} (content-length 2), no Messages member.
  const trigger = await fetch(server.endpoint, { method: 'POST', headers: { 'x-amz-target': 'AmazonSQS.ReceiveMessage', 'content-type': 'application/x-amz-json-1.0' },
    body: JSON.stringify({ QueueUrl: source.url, MaxNumberOfMessages: 1 }) });
  t.deepEqual([trigger.status, await trigger.text()], [200, '{}']);
  const [arrived] = (await receiveAll(dead.url, 1)).Messages!;
  t.like(arrived, { MessageId: sent.MessageId, MD5OfBody: 'e780b1f7c041fe27ba1d26a15499eca1' });
  t.deepEqual(arrived!.Attributes, {
    SenderId: first!.SenderId, ApproximateFirstReceiveTimestamp: first!.ApproximateFirstReceiveTimestamp, ApproximateReceiveCount: '4',
    SentTimestamp: first!.SentTimestamp, DeadLetterQueueSourceArn: source.arn,
  });
});

test(`a standard queue takes MessageGroupId and answers it back as a system attribute; a message sent without one has none [${CAP}/fairness.json cases noisy, quiet, ungrouped, hold_noisy, contended (2026-09-12)]`, async (t) => {
  const { url } = await newQueue('cap-fair');
  const batch = await sqs.send(new SendMessageBatchCommand({ QueueUrl: url, Entries: [
    { Id: '0', MessageBody: 'noisy-0', MessageGroupId: 'noisy' }, { Id: '1', MessageBody: 'quiet-0', MessageGroupId: 'quiet' }, { Id: '2', MessageBody: 'ungrouped-0' },
  ] }));
  t.is(batch.Successful!.length, 3);
  t.deepEqual(batch.Failed ?? [], []);
  const got = (await sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10, MessageSystemAttributeNames: ['ApproximateReceiveCount', 'MessageGroupId'] }))).Messages!;
  t.deepEqual(new Map(got.map((m) => [m.Body, m.Attributes])), new Map<string, Record<string, string>>([
    ['noisy-0', { ApproximateReceiveCount: '1', MessageGroupId: 'noisy' }], ['quiet-0', { ApproximateReceiveCount: '1', MessageGroupId: 'quiet' }],
    ['ungrouped-0', { ApproximateReceiveCount: '1' }],
  ]));
});

// [body, MD5OfMessageBody] as AWS answered SendMessage (cache_scope*.json cases *_send).
const PLAIN: Array<[string, string]> = [['unscoped', 'dc7a4a76f6693a3967d3d0788c1441f6'], ['inline_allowed', 'd4f4aad747855878b2c52510cde27658'],
  ['inline_reordered', '0079d42a017f54691949ed36ad6493cd'], ['managed_allowed', 'f3229cc737293c0ee0b67d1ef72ae61d'], ['name_denied', '9d504f445d6039f8054d70229b566447'],
  ['tag_denied', '3b69723812e9add057cbc034b1486342'], ['source_denied', '76d9254f7fb041420f50a1ca36a99718'], ['encrypted', '5031e9989ae1ab3ba509b7d4220c0ddf']];

test(`SendMessage answers MD5OfMessageBody and MessageId; ReceiveMessage without attribute names answers MessageId, ReceiptHandle, MD5OfBody and Body only [${CAP}/cache_scope.json, cache_scope_initial.json cases *_send, *_receive (2026-09-12); forwarding.json kms_last_send, kms_last_receive (2026-09-12)]`, async (t) => {
  const { url } = await newQueue('cap-plain');
  for (const [body, md5] of PLAIN) {
    const sent = await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: body }));
    t.is(sent.MD5OfMessageBody, md5, body);
    const [got] = (await sqs.send(new ReceiveMessageCommand({ QueueUrl: url }))).Messages!;
    t.deepEqual(Object.keys(got!).sort(), ['Body', 'MD5OfBody', 'MessageId', 'ReceiptHandle']);
    t.like(got, { MessageId: sent.MessageId, MD5OfBody: md5, Body: body });
  }
});
