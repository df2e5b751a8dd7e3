/**
 * A FIFO ReceiveRequestAttemptId outlives a restart (receive-attempts.ts, state-records.ts): the
 * attempt is stored with the state its receive wrote, so a client whose answer was lost when the
 * server died retries and gets the same messages and handles, as AWS (which does not restart)
 * would answer; a retry refused before the restart is refused after it. The restart is a second
 * service over the same in-memory store (what a kill -9 leaves: only committed batches). Serial:
 * one test moves the process's clock.
 */
import test from 'ava';
import { createLogger } from '../../../src/log.js';
import type { WorkerPool } from '../../../src/pool/types.js';
import { createSqsService } from '../../../src/services/sqs/index.js';
import type { RequestContext, Service } from '../../../src/services/types.js';
import { createMemoryStorage } from '../../../src/storage/memory/index.js';
import type { MetaStore } from '../../../src/storage/meta-store.js';
import { storedStateRecords } from './stored-records.js';

const ctx: RequestContext = { requestId: 'r', accountId: '111122223333', region: 'us-east-1', host: 'localhost:4566', signal: new AbortController().signal, ignored: [] };

const start = (meta: MetaStore): Promise<Service> => createSqsService({
  meta, blobs: undefined as never, pool: undefined as unknown as WorkerPool, features: new Set(), log: createLogger('error'), durability: 'process',
});

interface Message { MessageId: string; ReceiptHandle: string; Body: string; Attributes: Record<string, string> }

/** Punctuation the state record uses between entries and fields is allowed in an id (1-128 of \x21-\x7e). */
const ID = 'lost;1,2\\n';

test.serial('a retry after a restart answers the same messages and handles; one refused before is refused after', async (t) => {
  const storage = createMemoryStorage();
  let sqs = await start(storage.meta);
  const call = async <T>(op: string, input: Record<string, unknown>): Promise<T> => await sqs.operations[op]!(ctx, input) as T;
  const restart = async (): Promise<void> => { await sqs.close?.(); sqs = await start(storage.meta); };
  const { QueueUrl } = await call<{ QueueUrl: string }>('CreateQueue', { QueueName: 'q.fifo', Attributes: { FifoQueue: 'true', ContentBasedDeduplication: 'true' } });
  for (const body of ['a', 'b']) await call('SendMessage', { QueueUrl, MessageBody: body, MessageGroupId: 'g' });
  const receive = async (): Promise<Message[]> =>
    (await call<{ Messages?: Message[] }>('ReceiveMessage', { QueueUrl, MaxNumberOfMessages: 10, MessageSystemAttributeNames: ['All'], ReceiveRequestAttemptId: ID })).Messages ?? [];

  const first = await receive();
  t.deepEqual(first.map((m) => m.Body), ['a', 'b']);
  await restart();
  const afterRestart = await receive();
  t.deepEqual(afterRestart.map((m) => m.ReceiptHandle), first.map((m) => m.ReceiptHandle));
  t.deepEqual(afterRestart.map((m) => m.Attributes.ApproximateReceiveCount), ['1', '1']);
  // The retry stored its state (the timeout it started) with the attempt: still retryable.
  await restart();
  t.deepEqual((await receive()).map((m) => m.ReceiptHandle), first.map((m) => m.ReceiptHandle));
  t.is((await storedStateRecords(storage.meta)).length, 1, 'each retry replaces the attempt\'s state record');

  await call('DeleteMessage', { QueueUrl, ReceiptHandle: first[0]!.ReceiptHandle });
  await restart();
  const err = await receive().then(() => undefined, (e: unknown) => e as { code: string; queryCode: string; message: string });
  t.is(err?.queryCode, 'InvalidParameterValue');
  t.is(err?.message, `Value ${ID} for parameter ReceiveRequestAttemptId is invalid. Reason: The receiveRequestAttemptId is not valid anymore since the receive call is not retryable.`);
  await call('DeleteMessage', { QueueUrl, ReceiptHandle: first[1]!.ReceiptHandle });
  await sqs.close?.();
});

test.serial('an attempt older than 5 minutes is not restored', async (t) => {
  const storage = createMemoryStorage();
  let sqs = await start(storage.meta);
  const call = async <T>(op: string, input: Record<string, unknown>): Promise<T> => await sqs.operations[op]!(ctx, input) as T;
  const { QueueUrl } = await call<{ QueueUrl: string }>('CreateQueue', { QueueName: 'q.fifo', Attributes: { FifoQueue: 'true', ContentBasedDeduplication: 'true' } });
  await call('SendMessage', { QueueUrl, MessageBody: 'held', MessageGroupId: 'g' });
  await call('SendMessage', { QueueUrl, MessageBody: 'other', MessageGroupId: 'h' });
  const receive = async (): Promise<Message[]> =>
    (await call<{ Messages?: Message[] }>('ReceiveMessage', { QueueUrl, VisibilityTimeout: 3600, ReceiveRequestAttemptId: 'old' })).Messages ?? [];
  t.deepEqual((await receive()).map((m) => m.Body), ['held']);
  await sqs.close?.();
  const realNow = Date.now;
  Date.now = () => realNow() + 5 * 60 * 1000 + 1000;
  try {
    sqs = await start(storage.meta);
    t.deepEqual((await receive()).map((m) => m.Body), ['other'], 'a new attempt: the held group stays held');
  } finally {
    Date.now = realNow;
    await sqs.close?.();
  }
});
