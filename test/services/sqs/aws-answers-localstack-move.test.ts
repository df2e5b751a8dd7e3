/**
 * Message move tasks against AWS's recordings in localstack's
 * tests/aws/services/sqs/test_sqs_move_task.snapshot.json: the members ListMessageMoveTasks shows
 * for a task in each state (RUNNING, COMPLETED, CANCELLED, FAILED) and where a task without a
 * destination sends messages. The errors of that file are in aws-answers-2025.test.ts.
 */
import test from 'ava';
import { startBoltstack } from '../../helpers/server.js';
import { sqsJsonOk, uniqueQueue } from '../../helpers/sqs.js';
import type { Boltstack } from '../../../src/index.js';

const PY = 'localstack/localstack tests/aws/services/sqs/test_sqs_move_task.py';

let server: Boltstack;
test.before(async () => { server = await startBoltstack(); });
test.after.always(async () => { await server?.stop(); });

type Json = Record<string, unknown>;
const ok = (operation: string, input: unknown): Promise<Json> => sqsJsonOk(server.endpoint, operation, input);
async function queue(attributes: Record<string, string> = {}): Promise<{ url: string; arn: string }> {
  const url = (await ok('CreateQueue', { QueueName: uniqueQueue('ls-move'), Attributes: attributes })).QueueUrl as string;
  const arn = ((await ok('GetQueueAttributes', { QueueUrl: url, AttributeNames: ['QueueArn'] })).Attributes as Record<string, string>).QueueArn!;
  return { url, arn };
}
/** A dead-letter queue (some queue names it in its RedrivePolicy) holding `count` messages. */
async function deadLetterQueue(count: number): Promise<{ url: string; arn: string }> {
  const dlq = await queue();
  await queue({ RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.arn, maxReceiveCount: 1 }) });
  for (let i = 0; i < count; i++) await ok('SendMessage', { QueueUrl: dlq.url, MessageBody: `m${i}` });
  return dlq;
}
const tasksOf = async (arn: string): Promise<Json[]> => (await ok('ListMessageMoveTasks', { SourceArn: arn })).Results as Json[];
async function until(test: () => Promise<boolean>, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await test())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}
const keysOf = (o: unknown): string[] => Object.keys(o as object).sort();

test(`a completed task to a destination: its counts, both ARNs, no TaskHandle and no rate [${PY}::test_basic_move_task_workflow (recorded 2024-01-03)]`, async (t) => {
  const dlq = await deadLetterQueue(2);
  const destination = await queue();
  await ok('StartMessageMoveTask', { SourceArn: dlq.arn, DestinationArn: destination.arn });
  await until(async () => (await tasksOf(dlq.arn))[0]?.Status === 'COMPLETED');
  const [task] = await tasksOf(dlq.arn);
  t.deepEqual(keysOf(task), ['ApproximateNumberOfMessagesMoved', 'ApproximateNumberOfMessagesToMove', 'DestinationArn', 'SourceArn', 'StartedTimestamp', 'Status']);
  t.like(task, { ApproximateNumberOfMessagesMoved: 2, ApproximateNumberOfMessagesToMove: 2, DestinationArn: destination.arn, SourceArn: dlq.arn });
  t.is(typeof task!.StartedTimestamp, 'number');
});

test(`a running task shows its TaskHandle and rate; CancelMessageMoveTask answers the count moved; a cancelled one keeps the rate, loses the handle [${PY}::test_move_task_cancel (recorded 2024-01-03)]`, async (t) => {
  const dlq = await deadLetterQueue(10);
  const destination = await queue();
  const { TaskHandle } = await ok('StartMessageMoveTask', { SourceArn: dlq.arn, DestinationArn: destination.arn, MaxNumberOfMessagesPerSecond: 1 });
  const [running] = await tasksOf(dlq.arn);
  t.deepEqual(keysOf(running), ['ApproximateNumberOfMessagesMoved', 'ApproximateNumberOfMessagesToMove', 'DestinationArn', 'MaxNumberOfMessagesPerSecond',
    'SourceArn', 'StartedTimestamp', 'Status', 'TaskHandle']);
  t.like(running, { ApproximateNumberOfMessagesToMove: 10, MaxNumberOfMessagesPerSecond: 1, Status: 'RUNNING', TaskHandle });
  const cancelled = await ok('CancelMessageMoveTask', { TaskHandle });
  t.deepEqual(keysOf(cancelled), ['ApproximateNumberOfMessagesMoved']);
  await until(async () => (await tasksOf(dlq.arn))[0]?.Status === 'CANCELLED');
  const [after] = await tasksOf(dlq.arn);
  t.deepEqual(keysOf(after), ['ApproximateNumberOfMessagesMoved', 'ApproximateNumberOfMessagesToMove', 'DestinationArn', 'MaxNumberOfMessagesPerSecond',
    'SourceArn', 'StartedTimestamp', 'Status']);
});

test(`a destination deleted while the task runs: FAILED with FailureReason AWS.SimpleQueueService.NonExistentQueue [${PY}::test_move_task_delete_destination_queue_while_running (recorded 2024-01-03)]`, async (t) => {
  const dlq = await deadLetterQueue(10);
  const destination = await queue();
  await ok('StartMessageMoveTask', { SourceArn: dlq.arn, DestinationArn: destination.arn, MaxNumberOfMessagesPerSecond: 1 });
  await until(async () => ((await tasksOf(dlq.arn))[0]?.ApproximateNumberOfMessagesMoved as number) >= 1);
  await ok('DeleteQueue', { QueueUrl: destination.url });
  await until(async () => (await tasksOf(dlq.arn))[0]?.Status === 'FAILED');
  const [task] = await tasksOf(dlq.arn);
  t.deepEqual(keysOf(task), ['ApproximateNumberOfMessagesMoved', 'ApproximateNumberOfMessagesToMove', 'DestinationArn', 'FailureReason',
    'MaxNumberOfMessagesPerSecond', 'SourceArn', 'StartedTimestamp', 'Status']);
  t.is(task!.FailureReason, 'AWS.SimpleQueueService.NonExistentQueue');
  t.true((task!.ApproximateNumberOfMessagesMoved as number) < 10);
});

test(`without a destination, messages go back to the queues they came from, two sources alike; the task has no DestinationArn [${PY}::test_move_task_workflow_with_default_destination, test_move_task_workflow_with_multiple_sources_as_default_destination (recorded 2024-03-07)]`, async (t) => {
  const dlq = await queue();
  const redrive = JSON.stringify({ deadLetterTargetArn: dlq.arn, maxReceiveCount: 1 });
  const sources = [await queue({ RedrivePolicy: redrive, VisibilityTimeout: '0' }), await queue({ RedrivePolicy: redrive, VisibilityTimeout: '0' })];
  for (const [i, source] of sources.entries()) {
    for (const body of [`s${i}-a`, `s${i}-b`]) await ok('SendMessage', { QueueUrl: source.url, MessageBody: body });
    await ok('ReceiveMessage', { QueueUrl: source.url, MaxNumberOfMessages: 10 });
    await ok('ReceiveMessage', { QueueUrl: source.url, MaxNumberOfMessages: 10 });
  }
  await ok('StartMessageMoveTask', { SourceArn: dlq.arn });
  await until(async () => (await tasksOf(dlq.arn))[0]?.Status === 'COMPLETED');
  const [task] = await tasksOf(dlq.arn);
  t.deepEqual(keysOf(task), ['ApproximateNumberOfMessagesMoved', 'ApproximateNumberOfMessagesToMove', 'SourceArn', 'StartedTimestamp', 'Status']);
  t.like(task, { ApproximateNumberOfMessagesMoved: 4, ApproximateNumberOfMessagesToMove: 4 });
  for (const [i, source] of sources.entries()) {
    const back = ((await ok('ReceiveMessage', { QueueUrl: source.url, MaxNumberOfMessages: 10 })).Messages as Array<{ Body: string }> | undefined) ?? [];
    t.deepEqual(back.map((m) => m.Body).sort(), [`s${i}-a`, `s${i}-b`]);
  }
});
