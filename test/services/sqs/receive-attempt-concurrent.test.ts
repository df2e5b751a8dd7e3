/**
 * FIFO receives with one ReceiveRequestAttemptId at the same time (receive-attempts.ts'
 * oneAtATime), through the SDK: an SDK retries a receive it gave up on while the first may still
 * be running, a long poll above all, and the retry is the case the attempt id exists for.
 *
 * Sources: the ReceiveMessage API reference, ReceiveRequestAttemptId
 * (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_ReceiveMessage.html):
 * "The token used for deduplication of ReceiveMessage calls. If a networking issue occurs after
 * a ReceiveMessage action, and instead of a response you receive a generic error, it is possible
 * to retry the same action with an identical ReceiveRequestAttemptId to retrieve the same set of
 * messages" and "subsequent calls with the same ReceiveRequestAttemptId return the same messages
 * and receipt handles"; the developer guide's "Retry using the same receive request attempt ID if
 * the operation fails"
 * (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/using-receiverequestattemptid-request-parameter.html).
 * Neither says what two calls at once do; deduplication reads as: the later one answers what
 * the earlier one answers, whatever its own MaxNumberOfMessages. No raw capture of overlapping
 * calls was found (radkawar/stackd testdata/aws/sqs holds none, 2026-12-07).
 */
import test from 'ava';
import {
  CreateQueueCommand, DeleteQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SendMessageCommand,
  type Message, type ReceiveMessageCommandInput, type SQSClient,
} from '@aws-sdk/client-sqs';
import { setTimeout as sleep } from 'node:timers/promises';
import { startBoltstack } from '../../helpers/server.js';
import { sqsClient, uniqueQueue } from '../../helpers/sqs.js';
import type { Boltstack } from '../../../src/index.js';
import { createLogger } from '../../../src/log.js';
import type { SqsDeps } from '../../../src/services/sqs/context.js';
import { MoveTasks } from '../../../src/services/sqs/move-tasks.js';
import { createQueue } from '../../../src/services/sqs/operations/create-queue.js';
import { deleteMessage } from '../../../src/services/sqs/operations/delete-message.js';
import { receiveMessage } from '../../../src/services/sqs/operations/receive-message.js';
import { sendMessage } from '../../../src/services/sqs/operations/send-message.js';
import { SqsStore } from '../../../src/services/sqs/store.js';
import type { RequestContext } from '../../../src/services/types.js';
import { createMemoryStorage } from '../../../src/storage/memory/index.js';

let server: Boltstack;
let sqs: SQSClient;
test.before(async () => { server = await startBoltstack(); sqs = sqsClient(server.endpoint); });
test.after.always(async () => { sqs?.destroy(); await server?.stop(); });

/** Long enough for both calls of a pair to reach the server and start waiting. */
const SETTLE_MS = 300;

async function fifoQueue(): Promise<string> {
  return (await sqs.send(new CreateQueueCommand({
    QueueName: `${uniqueQueue('overlap')}.fifo`, Attributes: { FifoQueue: 'true', ContentBasedDeduplication: 'true' },
  }))).QueueUrl!;
}

const send = (QueueUrl: string, body: string, group: string): Promise<unknown> =>
  sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: body, MessageGroupId: group }));

const receive = async (input: ReceiveMessageCommandInput, abortSignal?: AbortSignal): Promise<Message[]> =>
  (await sqs.send(new ReceiveMessageCommand({ MaxNumberOfMessages: 10, ...input }), { abortSignal })).Messages ?? [];

async function counts(QueueUrl: string): Promise<{ visible: string; inFlight: string }> {
  const attrs = (await sqs.send(new GetQueueAttributesCommand({
    QueueUrl, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
  }))).Attributes!;
  return { visible: attrs.ApproximateNumberOfMessages!, inFlight: attrs.ApproximateNumberOfMessagesNotVisible! };
}

const ids = (msgs: Message[]): string[] => msgs.map((m) => m.MessageId!);
const handles = (msgs: Message[]): string[] => msgs.map((m) => m.ReceiptHandle!);

test('two long polls with one attempt id answer the same message and handle, and take nothing else', async (t) => {
  const QueueUrl = await fifoQueue();
  const first = receive({ QueueUrl, WaitTimeSeconds: 5, ReceiveRequestAttemptId: 'overlap' });
  await sleep(SETTLE_MS);
  const second = receive({ QueueUrl, WaitTimeSeconds: 5, ReceiveRequestAttemptId: 'overlap' });
  await sleep(SETTLE_MS);
  // Two groups: a second receive of its own would take the other group's message.
  await send(QueueUrl, 'one', 'g1');
  await send(QueueUrl, 'two', 'g2');
  const [a, b] = await Promise.all([first, second]);
  t.true(a.length >= 1);
  t.deepEqual(ids(b), ids(a), 'docs: "return the same messages and receipt handles"');
  t.deepEqual(handles(b), handles(a));
  t.deepEqual(await counts(QueueUrl), { visible: String(2 - a.length), inFlight: String(a.length) });
});

test('the later call answers the earlier one\'s messages whatever its own MaxNumberOfMessages', async (t) => {
  const QueueUrl = await fifoQueue();
  const first = receive({ QueueUrl, MaxNumberOfMessages: 1, WaitTimeSeconds: 5, ReceiveRequestAttemptId: 'fewer' });
  await sleep(SETTLE_MS);
  const second = receive({ QueueUrl, MaxNumberOfMessages: 10, VisibilityTimeout: 60, WaitTimeSeconds: 5, ReceiveRequestAttemptId: 'fewer' });
  await sleep(SETTLE_MS);
  await send(QueueUrl, 'one', 'g1');
  await send(QueueUrl, 'two', 'g2');
  const [a, b] = await Promise.all([first, second]);
  t.deepEqual(a.map((m) => m.Body), ['one']);
  t.deepEqual(ids(b), ids(a));
  t.deepEqual(handles(b), handles(a));
  t.deepEqual(await counts(QueueUrl), { visible: '1', inFlight: '1' });
});

test('three calls with one id while the first waits all answer its message', async (t) => {
  const QueueUrl = await fifoQueue();
  const calls: Array<Promise<Message[]>> = [];
  for (let i = 0; i < 3; i++) {
    calls.push(receive({ QueueUrl, WaitTimeSeconds: 5, ReceiveRequestAttemptId: 'three' }));
    await sleep(SETTLE_MS / 3);
  }
  await sleep(SETTLE_MS);
  for (const group of ['g1', 'g2', 'g3']) await send(QueueUrl, group, group);
  const answers = await Promise.all(calls);
  t.true(answers[0]!.length >= 1);
  for (const answer of answers.slice(1)) t.deepEqual(handles(answer), handles(answers[0]!));
  t.is((await counts(QueueUrl)).inFlight, String(answers[0]!.length));
});

// The retry after a client-side timeout: the first call's client went away, so the first took
// nothing, and the retry waiting behind it receives for itself (and is retryable in turn).
test('when the first call\'s client gives up, the call waiting behind it receives for itself', async (t) => {
  const QueueUrl = await fifoQueue();
  const giveUp = new AbortController();
  const first = receive({ QueueUrl, WaitTimeSeconds: 5, ReceiveRequestAttemptId: 'gave-up' }, giveUp.signal);
  await sleep(SETTLE_MS);
  const second = receive({ QueueUrl, WaitTimeSeconds: 5, ReceiveRequestAttemptId: 'gave-up' });
  await sleep(SETTLE_MS);
  giveUp.abort();
  await t.throwsAsync(first);
  await sleep(SETTLE_MS);
  await send(QueueUrl, 'late', 'g1');
  const b = await second;
  t.deepEqual(b.map((m) => m.Body), ['late']);
  const retry = await receive({ QueueUrl, ReceiveRequestAttemptId: 'gave-up' });
  t.deepEqual(handles(retry), handles(b));
  t.deepEqual(await counts(QueueUrl), { visible: '0', inFlight: '1' });
});

test('when the first call\'s wait ends empty, the one behind it waits out the rest of its own', async (t) => {
  const QueueUrl = await fifoQueue();
  const first = receive({ QueueUrl, WaitTimeSeconds: 1, ReceiveRequestAttemptId: 'empty-first' });
  await sleep(SETTLE_MS);
  const second = receive({ QueueUrl, WaitTimeSeconds: 5, ReceiveRequestAttemptId: 'empty-first' });
  t.deepEqual(await first, []);
  await send(QueueUrl, 'after', 'g1');
  t.deepEqual((await second).map((m) => m.Body), ['after']);
});

test('a call waiting behind another whose queue is deleted answers no messages', async (t) => {
  const QueueUrl = await fifoQueue();
  const first = receive({ QueueUrl, WaitTimeSeconds: 5, ReceiveRequestAttemptId: 'gone' });
  await sleep(SETTLE_MS);
  const second = receive({ QueueUrl, WaitTimeSeconds: 5, ReceiveRequestAttemptId: 'gone' });
  await sleep(SETTLE_MS);
  await sqs.send(new DeleteQueueCommand({ QueueUrl }));
  t.deepEqual(await first, []);
  t.deepEqual(await second, []);
});

// In process, to see the queue's map of running attempts: it must be empty once every call has
// answered, whether the calls answered messages or were refused.
test('no running attempt is left behind, after answers or refusals', async (t) => {
  const storage = createMemoryStorage();
  const log = createLogger('error');
  const store = await SqsStore.open(storage.meta, log);
  const deps: SqsDeps = { store, features: new Set(), log, moveTasks: new MoveTasks(store, log) };
  const ctx: RequestContext = { requestId: 'r', accountId: '111122223333', region: 'us-east-1', host: 'localhost:4566', signal: new AbortController().signal, ignored: [] };
  const QueueUrl = (await createQueue(deps, ctx, { QueueName: 'running.fifo', Attributes: { FifoQueue: 'true', ContentBasedDeduplication: 'true' } })).QueueUrl!;
  const state = store.find({ account: '111122223333', region: 'us-east-1', name: 'running.fifo' })!.loadedState!;
  const calls = [0, 1, 2].map(() => receiveMessage(deps, ctx, { QueueUrl, WaitTimeSeconds: 2, ReceiveRequestAttemptId: 'left' }));
  await sleep(50);
  t.is(state.attemptsRunning.size, 1);
  await sendMessage(deps, ctx, { QueueUrl, MessageBody: 'one', MessageGroupId: 'g' });
  const answers = await Promise.all(calls);
  t.deepEqual(answers.map((a) => a.Messages?.map((m) => m.ReceiptHandle)), Array(3).fill(answers[0]!.Messages!.map((m) => m.ReceiptHandle)));
  t.is(state.attemptsRunning.size, 0);
  await deleteMessage(deps, ctx, { QueueUrl, ReceiptHandle: answers[0]!.Messages![0]!.ReceiptHandle! });
  const refused = await Promise.allSettled([0, 1].map(() => receiveMessage(deps, ctx, { QueueUrl, ReceiveRequestAttemptId: 'left' })));
  t.deepEqual(refused.map((r) => r.status), ['rejected', 'rejected'], 'a message of the attempt was deleted');
  t.is(state.attemptsRunning.size, 0);
  await store.close();
  await storage.close();
});
