/**
 * Message move tasks are stored (services/sqs/move-tasks.ts): a task running at a kill -9 carries
 * on when the server starts again, before any request, with every message moved exactly once and
 * its count exact; a task cancelled before the crash is CANCELLED after it and moves nothing more.
 */
import test from 'ava';
import {
  CancelMessageMoveTaskCommand, CreateQueueCommand, GetQueueAttributesCommand, ListMessageMoveTasksCommand, ReceiveMessageCommand,
  SendMessageBatchCommand, SQSClient, StartMessageMoveTaskCommand,
} from '@aws-sdk/client-sqs';
import { CREDENTIALS, startChild, tempDir } from '../helpers/server.js';

const client = (endpoint: string): SQSClient => new SQSClient({ endpoint, region: 'us-east-1', credentials: CREDENTIALS, maxAttempts: 1 });
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function queue(sqs: SQSClient, name: string, attributes?: Record<string, string>): Promise<{ url: string; arn: string }> {
  const url = (await sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: attributes }))).QueueUrl!;
  const arn = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }))).Attributes!.QueueArn!;
  return { url, arn };
}

async function drain(sqs: SQSClient, url: string): Promise<string[]> {
  const out: string[] = [];
  for (;;) {
    const got = (await sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10, VisibilityTimeout: 600 }))).Messages ?? [];
    if (got.length === 0) return out;
    out.push(...got.map((m) => m.Body!));
  }
}

test('a move task running at kill -9 resumes at start; one cancelled before it stays cancelled', async (t) => {
  t.timeout(120_000);
  const tmp = await tempDir();
  const args = ['--port', '0', '--data-dir', tmp.dir, '--log-level', 'error'];
  let server = await startChild(args);
  try {
    let sqs = client(server.endpoint);
    const dlq = await queue(sqs, 'dlq');
    const other = await queue(sqs, 'dlq-2');
    await queue(sqs, 'source', { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.arn, maxReceiveCount: 3 }) });
    await queue(sqs, 'source-2', { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: other.arn, maxReceiveCount: 3 }) });
    const dest = await queue(sqs, 'dest');
    const dest2 = await queue(sqs, 'dest-2');
    const bodies = Array.from({ length: 20 }, (_, i) => `m${i}`);
    for (const q of [dlq, other]) {
      for (let i = 0; i < 20; i += 10) {
        await sqs.send(new SendMessageBatchCommand({ QueueUrl: q.url, Entries: bodies.slice(i, i + 10).map((b, j) => ({ Id: `e${j}`, MessageBody: b })) }));
      }
    }
    // 10 a second: two seconds for all twenty, killed after about one.
    const { TaskHandle } = await sqs.send(new StartMessageMoveTaskCommand({ SourceArn: dlq.arn, DestinationArn: dest.arn, MaxNumberOfMessagesPerSecond: 10 }));
    const cancelled = await sqs.send(new StartMessageMoveTaskCommand({ SourceArn: other.arn, DestinationArn: dest2.arn, MaxNumberOfMessagesPerSecond: 2 }));
    await sleep(800);
    const cancel = await sqs.send(new CancelMessageMoveTaskCommand({ TaskHandle: cancelled.TaskHandle }));
    const before = (await sqs.send(new ListMessageMoveTasksCommand({ SourceArn: dlq.arn }))).Results![0]!;
    t.is(before.Status, 'RUNNING');
    t.true(before.ApproximateNumberOfMessagesMoved! < 20, `${before.ApproximateNumberOfMessagesMoved} moved before the kill`);
    await server.kill9();
    sqs.destroy();

    server = await startChild(args);
    // No request for 4 s: the task has to resume on its own.
    await sleep(4000);
    sqs = client(server.endpoint);
    const [task] = (await sqs.send(new ListMessageMoveTasksCommand({ SourceArn: dlq.arn, MaxResults: 10 }))).Results!;
    t.is(task!.Status, 'COMPLETED');
    t.is(task!.ApproximateNumberOfMessagesMoved, 20);
    t.is(task!.ApproximateNumberOfMessagesToMove, 20);
    t.is(task!.TaskHandle, undefined);
    t.not(TaskHandle, undefined);
    t.deepEqual((await drain(sqs, dest.url)).sort(), [...bodies].sort(), 'every message moved exactly once');
    t.deepEqual(await drain(sqs, dlq.url), []);

    const [stopped] = (await sqs.send(new ListMessageMoveTasksCommand({ SourceArn: other.arn }))).Results!;
    t.is(stopped!.Status, 'CANCELLED');
    const moved = stopped!.ApproximateNumberOfMessagesMoved!;
    t.true(moved >= (cancel.ApproximateNumberOfMessagesMoved ?? 0) && moved < 20, `${moved} moved by the cancelled task`);
    t.is((await drain(sqs, dest2.url)).length, moved, 'its count is what it moved');
    t.is((await drain(sqs, other.url)).length, 20 - moved, 'nothing moved after the restart');
    sqs.destroy();
  } finally {
    await server.stop().catch(() => undefined);
    await tmp.remove();
  }
});
