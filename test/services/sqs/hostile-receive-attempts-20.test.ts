/**
 * Hostile pass 20 over FIFO receives sharing a ReceiveRequestAttemptId (receive-attempts.ts
 * oneAtATime), through the SDK. Sources as receive-attempt-concurrent.test.ts: the API reference's
 * ReceiveRequestAttemptId and the developer guide; neither says what overlapping calls do, so the
 * rows hold to what the brief demands of any receive: it answers by its own WaitTimeSeconds, no
 * message is answered under two handles, and the queue's map of running attempts ends empty.
 */
import test from 'ava';
import {
  CreateQueueCommand, DeleteQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SendMessageBatchCommand,
  type Message, type ReceiveMessageCommandInput, type SQSClient,
} from '@aws-sdk/client-sqs';
import { setTimeout as sleep } from 'node:timers/promises';
import { startBoltstack } from '../../helpers/server.js';
import { sqsClient, uniqueQueue } from '../../helpers/sqs.js';
import type { Boltstack } from '../../../src/index.js';

let server: Boltstack;
let sqs: SQSClient;
test.before(async () => { server = await startBoltstack(); sqs = sqsClient(server.endpoint); });
test.after.always(async () => { sqs?.destroy(); await server?.stop(); });

const SETTLE_MS = 300;

async function fifoQueue(): Promise<string> {
  return (await sqs.send(new CreateQueueCommand({
    QueueName: `${uniqueQueue('hostile20')}.fifo`, Attributes: { FifoQueue: 'true', ContentBasedDeduplication: 'true' },
  }))).QueueUrl!;
}

const receive = async (input: ReceiveMessageCommandInput, abortSignal?: AbortSignal): Promise<Message[]> =>
  (await sqs.send(new ReceiveMessageCommand({ MaxNumberOfMessages: 10, ...input }), { abortSignal })).Messages ?? [];

async function sendMany(QueueUrl: string, n: number, groups: number): Promise<void> {
  for (let i = 0; i < n; i += 10) {
    await sqs.send(new SendMessageBatchCommand({
      QueueUrl, Entries: Array.from({ length: Math.min(10, n - i) }, (_, j) => ({ Id: `m${i + j}`, MessageBody: `body-${i + j}`, MessageGroupId: `g${(i + j) % groups}` })),
    }));
  }
}

async function inFlight(QueueUrl: string): Promise<number> {
  const attrs = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['ApproximateNumberOfMessagesNotVisible'] }))).Attributes!;
  return Number(attrs.ApproximateNumberOfMessagesNotVisible);
}

test('50 overlapping receives: one id answers one set of handles; 50 ids never answer a message twice', async (t) => {
  const QueueUrl = await fifoQueue();
  await sendMany(QueueUrl, 60, 60);
  const same = await Promise.all(Array.from({ length: 50 }, () => receive({ QueueUrl, ReceiveRequestAttemptId: 'one', VisibilityTimeout: 60 })));
  const first = JSON.stringify(same[0]!.map((m) => m.ReceiptHandle));
  t.is(same[0]!.length, 10);
  for (const got of same) t.is(JSON.stringify(got.map((m) => m.ReceiptHandle)), first);
  const different = await Promise.all(Array.from({ length: 50 }, (_, i) => receive({ QueueUrl, ReceiveRequestAttemptId: `id-${i}`, VisibilityTimeout: 60 })));
  const ids = [...same[0]!, ...different.flat()].map((m) => m.MessageId!);
  t.is(new Set(ids).size, ids.length, 'no message under two handles');
  t.is(ids.length, 60);
  t.is(await inFlight(QueueUrl), 60);
});

test('a receive behind a longer poll with its id answers by its own WaitTimeSeconds', async (t) => {
  const QueueUrl = await fifoQueue();
  const long = receive({ QueueUrl, WaitTimeSeconds: 4, ReceiveRequestAttemptId: 'slow' });
  await sleep(SETTLE_MS);
  const started = Date.now();
  const short = await receive({ QueueUrl, WaitTimeSeconds: 1, ReceiveRequestAttemptId: 'slow' });
  const took = Date.now() - started;
  t.deepEqual(short, []);
  t.true(took < 2500, `answered after ${took} ms, asked to wait 1 s`);
  t.deepEqual(await long, []);
});

test('DeleteQueue while 20 receives with one id wait: all answer empty, at once', async (t) => {
  const QueueUrl = await fifoQueue();
  const waiting = Array.from({ length: 20 }, () => receive({ QueueUrl, WaitTimeSeconds: 10, ReceiveRequestAttemptId: 'doomed' }));
  await sleep(SETTLE_MS);
  const started = Date.now();
  await sqs.send(new DeleteQueueCommand({ QueueUrl }));
  for (const got of await Promise.all(waiting)) t.deepEqual(got, []);
  t.true(Date.now() - started < 2000, `${Date.now() - started} ms`);
});
