/**
 * Stale handles and races across a queue's deletion and re-creation (hostile input,
 * twenty-second pass): a receipt handle that outlives its queue, a long poll in flight when its
 * queue is deleted, sends, deletes, visibility changes, purges and receives racing DeleteQueue or
 * PurgeQueue, a message-move task whose messages' source queue is deleted mid-task, a ListQueues
 * NextToken after its queues are gone. SDK v3 clients (json protocol) against the real server.
 * Found here: a dead-letter queue deleted while its move task ran ended the task COMPLETED, and
 * a queue made again under its name listed that task as its own (move-tasks.ts now keeps the
 * source queue's id). Every other row passed as first run.
 *
 * Sources: the 60 s wait after DeleteQueue (API_DeleteQueue.html, quoted in boto/botocore#1821:
 * "When you delete a queue, you must wait at least 60 seconds before creating a queue with the
 * same name"); a parked long poll released empty when its queue is deleted (floci-io/floci#1282
 * and #1286, 2026-06-10, "matching LocalStack's observable behavior"); ChangeMessageVisibility of
 * a deleted message (localstack test_sqs.py test_change_visibility_on_deleted_message_raises_
 * invalid_parameter_value, aws.validated, pinned in aws-answers-2025.test.ts); a move task whose
 * queue is deleted while it runs (localstack test_sqs_move_task.py
 * test_move_task_delete_destination_queue_while_running, recorded 2024-01-03: FAILED,
 * NonExistentQueue). Where no source gives AWS's answer the row pins the invariant only (a 4xx of
 * SQS's shape, no 5xx, no hang, no message lost, resurrected or touched through another queue's
 * handle) and says so.
 */
import test from 'ava';
import {
  ChangeMessageVisibilityBatchCommand, ChangeMessageVisibilityCommand, CreateQueueCommand, DeleteMessageBatchCommand,
  DeleteMessageCommand, DeleteQueueCommand, GetQueueAttributesCommand, ListMessageMoveTasksCommand, ListQueuesCommand,
  PurgeQueueCommand, ReceiveMessageCommand, SendMessageBatchCommand, SendMessageCommand, type SQSClient, StartMessageMoveTaskCommand,
} from '@aws-sdk/client-sqs';
import type { Boltstack } from '../../../src/index.js';
import { startBoltstack, tempDir } from '../../helpers/server.js';
import { sqsClient, sqsErrorOf, uniqueQueue } from '../../helpers/sqs.js';

let server: Boltstack;
let sqs: SQSClient;
test.before(async () => {
  server = await startBoltstack();
  sqs = sqsClient(server.endpoint);
});
test.after.always(async () => { sqs?.destroy(); await server?.stop(); });

/** Polls the async `probe` every 50 ms until it gives a value; fails after 10 s. */
async function eventually<T>(probe: () => Promise<T | undefined | false>): Promise<T> {
  const end = Date.now() + 10_000;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * CreateQueue of a name deleted less than 60 s ago, with the process's clock moved past the wait
 * for that one call (QueueDeletedRecently holds across restarts: recently-deleted.ts). Only in
 * serial tests, which run before the concurrent ones; timers do not read Date.now.
 */
async function createAfterTheWait(client: SQSClient, QueueName: string): Promise<string> {
  const realNow = Date.now;
  Date.now = () => realNow() + 61_000;
  try {
    return (await client.send(new CreateQueueCommand({ QueueName }))).QueueUrl!;
  } finally {
    Date.now = realNow;
  }
}

const healthy = async (): Promise<number> => (await fetch(`${server.endpoint}/_boltstack/health`)).status;
const arnOf = (name: string): string => `arn:aws:sqs:us-east-1:000000000000:${name}`;

/** 'ok', or the error's status and name: what a racing call answered. */
const outcome = (p: Promise<unknown>): Promise<string> => p.then(() => 'ok', (e: { name: string; $metadata?: { httpStatusCode?: number } }) => `${e.$metadata?.httpStatusCode} ${e.name}`);

async function counts(client: SQSClient, QueueUrl: string): Promise<string> {
  const { Attributes } = await client.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] }));
  return `${Attributes!.ApproximateNumberOfMessages}/${Attributes!.ApproximateNumberOfMessagesNotVisible}`;
}

test.serial('a receipt handle of a deleted queue: QueueDoesNotExist while it is gone, QueueDeletedRecently for 60 s (after a restart too), and in the queue made again with its name ReceiptHandleIsInvalid, the new message untouched [API_DeleteQueue.html via boto/botocore#1821; the handle row: invariant, no AWS capture]', async (t) => {
  const tmp = await tempDir();
  const QueueName = uniqueQueue('h22-handle');
  try {
    let local = await startBoltstack({ ephemeral: false, dataDir: tmp.dir });
    let client = sqsClient(local.endpoint);
    const { QueueUrl } = await client.send(new CreateQueueCommand({ QueueName }));
    await client.send(new SendMessageCommand({ QueueUrl, MessageBody: 'old' }));
    const ReceiptHandle = (await client.send(new ReceiveMessageCommand({ QueueUrl, VisibilityTimeout: 300 }))).Messages![0]!.ReceiptHandle!;
    await client.send(new DeleteQueueCommand({ QueueUrl }));
    t.is((await sqsErrorOf(client.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle })))).name, 'QueueDoesNotExist');
    t.is((await sqsErrorOf(client.send(new CreateQueueCommand({ QueueName })))).name, 'QueueDeletedRecently');
    // The 60 s hold across a restart too (recently-deleted.ts).
    client.destroy();
    await local.stop();
    local = await startBoltstack({ ephemeral: false, dataDir: tmp.dir });
    client = sqsClient(local.endpoint);
    try {
      t.is((await sqsErrorOf(client.send(new CreateQueueCommand({ QueueName })))).name, 'QueueDeletedRecently');
      const again = await createAfterTheWait(client, QueueName);
      await client.send(new SendMessageCommand({ QueueUrl: again, MessageBody: 'new' }));
      const fresh = (await client.send(new ReceiveMessageCommand({ QueueUrl: again, VisibilityTimeout: 300 }))).Messages!;
      t.deepEqual(fresh.map((m) => m.Body), ['new']);
      for (const call of [
        client.send(new DeleteMessageCommand({ QueueUrl: again, ReceiptHandle })),
        client.send(new ChangeMessageVisibilityCommand({ QueueUrl: again, ReceiptHandle, VisibilityTimeout: 0 })),
      ]) {
        const err = await sqsErrorOf(call);
        t.is(err.name, 'ReceiptHandleIsInvalid');
        t.is(err.$metadata.httpStatusCode, 404);
      }
      const deleted = await client.send(new DeleteMessageBatchCommand({ QueueUrl: again, Entries: [{ Id: 'old', ReceiptHandle }] }));
      t.is(deleted.Failed?.[0]?.Code, 'ReceiptHandleIsInvalid');
      const changed = await client.send(new ChangeMessageVisibilityBatchCommand({ QueueUrl: again, Entries: [{ Id: 'old', ReceiptHandle, VisibilityTimeout: 0 }] }));
      t.is(changed.Failed?.[0]?.Code, 'ReceiptHandleIsInvalid');
      // The new message is still in flight under its own handle, and nothing of the old queue came back.
      t.is(await counts(client, again!), '0/1');
      await client.send(new DeleteMessageCommand({ QueueUrl: again, ReceiptHandle: fresh[0]!.ReceiptHandle! }));
      t.is(await counts(client, again!), '0/0');
    } finally {
      client.destroy();
      await local.stop();
    }
  } finally {
    await tmp.remove();
  }
});

test('a long poll in flight when its queue is deleted answers at once with no messages, standard or FIFO with a ReceiveRequestAttemptId [floci-io/floci#1282, #1286 (LocalStack\'s answer)]', async (t) => {
  for (const fifo of [false, true]) {
    const QueueName = uniqueQueue('h22-poll') + (fifo ? '.fifo' : '');
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName, ...(fifo && { Attributes: { FifoQueue: 'true' } }) }));
    const started = Date.now();
    const polls = [0, 1].map(() => sqs.send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 20, ...(fifo && { ReceiveRequestAttemptId: 'same' }) })));
    await new Promise((r) => setTimeout(r, 200)); // the polls have arrived and wait
    await sqs.send(new DeleteQueueCommand({ QueueUrl }));
    for (const got of await Promise.all(polls)) t.is(got.Messages, undefined);
    // A bound, not a speed claim: the polls must not wait out their 20 s.
    t.true(Date.now() - started < 10_000, `answered after ${Date.now() - started} ms`);
  }
});

test('sends, deletes, visibility changes, a purge and a receive racing DeleteQueue: each answered with SQS\'s own 4xx or success, never a 5xx or a hang [invariant; no AWS capture]', async (t) => {
  const allowed = ['ok', '400 QueueDoesNotExist', '400 InvalidParameterValue', '403 PurgeQueueInProgress'];
  for (let round = 0; round < 8; round++) {
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: uniqueQueue('h22-race') }));
    await sqs.send(new SendMessageBatchCommand({ QueueUrl, Entries: Array.from({ length: 10 }, (_, i) => ({ Id: `e${i}`, MessageBody: `m${i}` })) }));
    const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10 }));
    const racing = [
      ...Messages!.flatMap((m) => [
        outcome(sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: m.ReceiptHandle }))),
        outcome(sqs.send(new ChangeMessageVisibilityCommand({ QueueUrl, ReceiptHandle: m.ReceiptHandle, VisibilityTimeout: 5 }))),
      ]),
      outcome(sqs.send(new DeleteMessageBatchCommand({ QueueUrl, Entries: Messages!.map((m, i) => ({ Id: `d${i}`, ReceiptHandle: m.ReceiptHandle! })) }))),
      outcome(sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'racing' }))),
      outcome(sqs.send(new SendMessageBatchCommand({ QueueUrl, Entries: [{ Id: 'a', MessageBody: 'racing' }, { Id: 'b', MessageBody: 'racing' }] }))),
      outcome(sqs.send(new PurgeQueueCommand({ QueueUrl }))),
      outcome(sqs.send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 20 }))),
    ];
    t.is(await outcome(sqs.send(new DeleteQueueCommand({ QueueUrl }))), 'ok');
    for (const answer of await Promise.all(racing)) t.true(allowed.includes(answer), answer);
  }
  t.is(await healthy(), 200);
});

test('PurgeQueue racing receives: handles of purged messages delete as a deleted message\'s do, refuse a visibility change with AWS\'s answer, and the queue ends empty [localstack test_sqs.py (aws.validated) for the answers; the race: invariant]', async (t) => {
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: uniqueQueue('h22-purge') }));
  for (let i = 0; i < 3; i++) await sqs.send(new SendMessageBatchCommand({ QueueUrl, Entries: Array.from({ length: 10 }, (_, j) => ({ Id: `e${j}`, MessageBody: `m${i}-${j}` })) }));
  const receives = [0, 1, 2, 3].map(() => sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, VisibilityTimeout: 60 })));
  await sqs.send(new PurgeQueueCommand({ QueueUrl }));
  const received = (await Promise.all(receives)).flatMap((r) => r.Messages ?? []);
  t.is(new Set(received.map((m) => m.MessageId)).size, received.length, 'a message received twice');
  for (const m of received) {
    const changed = await outcome(sqs.send(new ChangeMessageVisibilityCommand({ QueueUrl, ReceiptHandle: m.ReceiptHandle, VisibilityTimeout: 0 })));
    // Purged: refused as for a deleted message (no message was sent after the purge).
    t.is(changed, '400 InvalidParameterValue');
    t.is(await outcome(sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: m.ReceiptHandle }))), 'ok');
  }
  t.is(await counts(sqs, QueueUrl!), '0/0');
  t.is((await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10 }))).Messages, undefined);
});

test('a move task back to the messages\' source queue, that queue deleted mid-task: FAILED with NonExistentQueue, the messages not moved stay in the dead-letter queue [localstack test_move_task_delete_destination_queue_while_running (2024-01-03), by analogy; counts: invariant]', async (t) => {
  const dlqName = uniqueQueue('h22-dlq');
  const srcName = uniqueQueue('h22-src');
  const { QueueUrl: dlq } = await sqs.send(new CreateQueueCommand({ QueueName: dlqName }));
  const { QueueUrl: src } = await sqs.send(new CreateQueueCommand({ QueueName: srcName, Attributes: { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: arnOf(dlqName), maxReceiveCount: 1 }) } }));
  for (let i = 0; i < 2; i++) await sqs.send(new SendMessageBatchCommand({ QueueUrl: src, Entries: Array.from({ length: 10 }, (_, j) => ({ Id: `e${j}`, MessageBody: `m${i}-${j}` })) }));
  // Received once (maxReceiveCount 1), then redriven by the next receives.
  await eventually(async () => {
    await sqs.send(new ReceiveMessageCommand({ QueueUrl: src, MaxNumberOfMessages: 10, VisibilityTimeout: 0 }));
    return (await counts(sqs, dlq!)) === '20/0';
  });
  await sqs.send(new StartMessageMoveTaskCommand({ SourceArn: arnOf(dlqName), MaxNumberOfMessagesPerSecond: 1 }));
  await sqs.send(new DeleteQueueCommand({ QueueUrl: src }));
  const task = await eventually(async () => {
    const [latest] = (await sqs.send(new ListMessageMoveTasksCommand({ SourceArn: arnOf(dlqName) }))).Results ?? [];
    return latest?.Status === 'FAILED' ? latest : undefined;
  });
  t.is(task.FailureReason, 'AWS.SimpleQueueService.NonExistentQueue');
  const moved = task.ApproximateNumberOfMessagesMoved ?? 0;
  t.is(await counts(sqs, dlq!), `${20 - moved}/0`);
});

test('a ListQueues NextToken whose queues were deleted since: 200, and no deleted queue listed [invariant; no AWS capture]', async (t) => {
  const prefix = uniqueQueue('h22-list');
  const urls: string[] = [];
  for (let i = 0; i < 5; i++) urls.push((await sqs.send(new CreateQueueCommand({ QueueName: `${prefix}-${i}` }))).QueueUrl!);
  const first = await sqs.send(new ListQueuesCommand({ QueueNamePrefix: prefix, MaxResults: 2 }));
  t.is(first.QueueUrls?.length, 2);
  for (const QueueUrl of urls.slice(0, 4)) await sqs.send(new DeleteQueueCommand({ QueueUrl }));
  const next = await sqs.send(new ListQueuesCommand({ QueueNamePrefix: prefix, MaxResults: 2, NextToken: first.NextToken }));
  t.deepEqual(next.QueueUrls ?? [], [urls[4]]);
  t.is(next.NextToken, undefined);
});

test.serial('a move task whose dead-letter queue (its SourceArn) is deleted mid-task stops, and is not listed for a queue made again with that name [invariant; no AWS capture]', async (t) => {
  const tmp = await tempDir();
  const dlqName = uniqueQueue('h22-mdlq');
  try {
    let local = await startBoltstack({ ephemeral: false, dataDir: tmp.dir });
    let client = sqsClient(local.endpoint);
    const { QueueUrl: dlq } = await client.send(new CreateQueueCommand({ QueueName: dlqName }));
    const { QueueUrl: dest } = await client.send(new CreateQueueCommand({ QueueName: uniqueQueue('h22-mdest') }));
    await client.send(new CreateQueueCommand({ QueueName: uniqueQueue('h22-msrc'), Attributes: { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: arnOf(dlqName), maxReceiveCount: 1 }) } }));
    for (let i = 0; i < 2; i++) await client.send(new SendMessageBatchCommand({ QueueUrl: dlq, Entries: Array.from({ length: 10 }, (_, j) => ({ Id: `e${j}`, MessageBody: `m${i}-${j}` })) }));
    const destArn = arnOf(dest!.split('/').pop()!);
    await client.send(new StartMessageMoveTaskCommand({ SourceArn: arnOf(dlqName), DestinationArn: destArn, MaxNumberOfMessagesPerSecond: 2 }));
    await client.send(new DeleteQueueCommand({ QueueUrl: dlq }));
    // The task stops: the destination gets no more than it had when the queue went.
    const moved = await eventually(async () => {
      const first = Number((await client.send(new GetQueueAttributesCommand({ QueueUrl: dest, AttributeNames: ['ApproximateNumberOfMessages'] }))).Attributes!.ApproximateNumberOfMessages);
      await new Promise((r) => setTimeout(r, 700));
      const second = Number((await client.send(new GetQueueAttributesCommand({ QueueUrl: dest, AttributeNames: ['ApproximateNumberOfMessages'] }))).Attributes!.ApproximateNumberOfMessages);
      return first === second ? String(second) : undefined;
    });
    t.true(Number(moved) < 20, `${moved} moved`);
    client.destroy();
    await local.stop();
    local = await startBoltstack({ ephemeral: false, dataDir: tmp.dir });
    client = sqsClient(local.endpoint);
    try {
      await createAfterTheWait(client, dlqName);
      t.deepEqual((await client.send(new ListMessageMoveTasksCommand({ SourceArn: arnOf(dlqName), MaxResults: 10 }))).Results ?? [], []);
    } finally {
      client.destroy();
      await local.stop();
    }
  } finally {
    await tmp.remove();
  }
});

test('a long poll waiting through a PurgeQueue: the purged message in flight never comes back to it when its timeout passes; a message sent after the purge does [invariant; no AWS capture]', async (t) => {
  for (const fifo of [false, true]) {
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: uniqueQueue('h22-ppoll') + (fifo ? '.fifo' : ''), ...(fifo && { Attributes: { FifoQueue: 'true', ContentBasedDeduplication: 'true' } }) }));
    const group = fifo ? { MessageGroupId: 'g' } : {};
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'before', ...group }));
    t.is((await sqs.send(new ReceiveMessageCommand({ QueueUrl, VisibilityTimeout: 1 }))).Messages?.length, 1);
    const poll = sqs.send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 10, ...(fifo && { ReceiveRequestAttemptId: 'purged' }) }));
    await new Promise((r) => setTimeout(r, 200));
    await sqs.send(new PurgeQueueCommand({ QueueUrl }));
    await new Promise((r) => setTimeout(r, 1300)); // 'before' would be visible again by now
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'after', ...group }));
    t.deepEqual((await poll).Messages?.map((m) => m.Body), ['after'], fifo ? 'FIFO' : 'standard');
  }
});
