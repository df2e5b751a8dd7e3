/**
 * Dead-letter queue redrive with message move tasks: back to the source queue, or to a chosen
 * destination; listing and cancelling; the rules on what may be a source.
 */
import test from 'ava';
import {
  CancelMessageMoveTaskCommand, CreateQueueCommand, GetQueueAttributesCommand, ListMessageMoveTasksCommand, ReceiveMessageCommand,
  SendMessageCommand, StartMessageMoveTaskCommand, type SQSClient,
} from '@aws-sdk/client-sqs';
import { startBoltstack } from '../../helpers/server.js';
import { sqsClient, sqsErrorOf, uniqueQueue } from '../../helpers/sqs.js';
import type { Boltstack } from '../../../src/index.js';

let server: Boltstack;
let sqs: SQSClient;
test.before(async () => { server = await startBoltstack(); sqs = sqsClient(server.endpoint); });
test.after.always(async () => { sqs?.destroy(); await server?.stop(); });

async function queue(attributes?: Record<string, string>): Promise<{ url: string; arn: string }> {
  const url = (await sqs.send(new CreateQueueCommand({ QueueName: uniqueQueue('mv'), Attributes: attributes }))).QueueUrl!;
  const arn = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }))).Attributes!.QueueArn!;
  return { url, arn };
}

async function waitFor(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100; i++) { if (await check()) return; await new Promise((r) => setTimeout(r, 50)); }
  throw new Error('timed out');
}

test('messages redriven to a DLQ move back to their source queue', async (t) => {
  const dlq = await queue();
  const source = await queue({ VisibilityTimeout: '0', RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.arn, maxReceiveCount: 1 }) });
  for (const body of ['one', 'two', 'three']) await sqs.send(new SendMessageCommand({ QueueUrl: source.url, MessageBody: body }));
  await sqs.send(new ReceiveMessageCommand({ QueueUrl: source.url, MaxNumberOfMessages: 10 }));
  t.is((await sqs.send(new ReceiveMessageCommand({ QueueUrl: source.url, MaxNumberOfMessages: 10 }))).Messages, undefined);
  const { TaskHandle } = await sqs.send(new StartMessageMoveTaskCommand({ SourceArn: dlq.arn }));
  t.truthy(TaskHandle);
  await waitFor(async () => (await sqs.send(new ListMessageMoveTasksCommand({ SourceArn: dlq.arn }))).Results?.[0]?.Status === 'COMPLETED');
  const [task] = (await sqs.send(new ListMessageMoveTasksCommand({ SourceArn: dlq.arn, MaxResults: 10 }))).Results!;
  t.is(task!.ApproximateNumberOfMessagesMoved, 3);
  t.is(task!.ApproximateNumberOfMessagesToMove, 3);
  t.is(task!.SourceArn, dlq.arn);
  t.is(task!.TaskHandle, undefined, 'only a running task has a handle');
  const back = (await sqs.send(new ReceiveMessageCommand({ QueueUrl: source.url, MaxNumberOfMessages: 10, MessageSystemAttributeNames: ['All'] }))).Messages!;
  t.deepEqual(back.map((m) => m.Body).sort(), ['one', 'three', 'two']);
  t.is(back[0]!.Attributes?.DeadLetterQueueSourceArn, undefined);
});

test('a destination, a slow rate that can be cancelled, and the source rules', async (t) => {
  const dlq = await queue();
  await queue({ RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.arn, maxReceiveCount: 3 }) });
  const dest = await queue();
  for (let i = 0; i < 20; i++) await sqs.send(new SendMessageCommand({ QueueUrl: dlq.url, MessageBody: `m${i}` }));
  const { TaskHandle } = await sqs.send(new StartMessageMoveTaskCommand({ SourceArn: dlq.arn, DestinationArn: dest.arn, MaxNumberOfMessagesPerSecond: 5 }));
  const twice = await sqsErrorOf(sqs.send(new StartMessageMoveTaskCommand({ SourceArn: dlq.arn })));
  t.is(twice.name, 'InvalidParameterValue');
  const running = (await sqs.send(new ListMessageMoveTasksCommand({ SourceArn: dlq.arn }))).Results![0]!;
  t.is(running.Status, 'RUNNING');
  t.is(running.TaskHandle, TaskHandle);
  t.is(running.DestinationArn, dest.arn);
  t.is(running.MaxNumberOfMessagesPerSecond, 5);
  const cancelled = await sqs.send(new CancelMessageMoveTaskCommand({ TaskHandle }));
  t.true((cancelled.ApproximateNumberOfMessagesMoved ?? 0) < 20);
  await waitFor(async () => (await sqs.send(new ListMessageMoveTasksCommand({ SourceArn: dlq.arn }))).Results?.[0]?.Status === 'CANCELLED');
  const notDlq = await queue();
  const err = await sqsErrorOf(sqs.send(new StartMessageMoveTaskCommand({ SourceArn: notDlq.arn })));
  t.is(err.name, 'InvalidParameterValue');
  t.is(err.message, 'Source queue must be configured as a Dead Letter Queue.');
  const missing = await sqsErrorOf(sqs.send(new StartMessageMoveTaskCommand({ SourceArn: `${notDlq.arn}-gone` })));
  t.is(missing.name, 'ResourceNotFoundException');
});
