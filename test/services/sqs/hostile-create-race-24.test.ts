/**
 * Hostile pass 24 over CreateQueue and the QueueDeletedRecently store (create-queue.ts, store.ts,
 * recently-deleted.ts). Found: CreateQueue calls for one new name that overlapped each made a
 * queue of their own (each saw no queue yet, then each wrote one under the name), the last one
 * replacing the others. A message sent to the queue as soon as the first call answered went to a
 * queue that was then replaced: lost, and left in the store for good; calls with different
 * attributes all succeeded, the last one's attributes winning. The first row depends on when
 * each write lands, so it repeats the race (it failed in most runs before the fix); the second
 * failed in every run.
 *
 * AWS: "If you provide the name of an existing queue along with the exact names and values of all
 * the queue's attributes, CreateQueue returns the queue URL for the existing queue. If the queue
 * name, attribute names, or attribute values don't match an existing queue, CreateQueue returns an
 * error" (API_CreateQueue.html); the error is QueueAlreadyExists in the query protocol and
 * QueueNameExists as the JSON protocol's __type (the SDK's name), as pinned in
 * aws-error-answers.test.ts. A sent message is
 * stored ("Amazon SQS stores all message queues ... on multiple servers", SQS developer guide,
 * "Basic Amazon SQS architecture").
 */
import test from 'ava';
import { CreateQueueCommand, DeleteQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import type { Boltstack } from '../../../src/index.js';
import { startBoltstack, tempDir } from '../../helpers/server.js';
import { sqsClient, uniqueQueue } from '../../helpers/sqs.js';

test('CreateQueue calls of one name that overlap make one queue: a message sent after the first answer is not lost, here or after a restart', async (t) => {
  const tmp = await tempDir();
  let server: Boltstack = await startBoltstack({ dataDir: tmp.dir });
  try {
    let sqs = sqsClient(server.endpoint);
    // Several names, as the overlap depends on when each write lands.
    const urls: string[] = [];
    for (let i = 0; i < 30; i++) {
      const name = uniqueQueue('race');
      const creates = [1, 2].map(() => sqs.send(new CreateQueueCommand({ QueueName: name })));
      const { QueueUrl } = await creates[0]!;
      await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'sent after the first answer' }));
      await Promise.all(creates);
      await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'sent after every answer' }));
      urls.push(QueueUrl!);
    }
    const bodies = async (QueueUrl: string): Promise<string[]> => {
      const got = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, VisibilityTimeout: 0 }));
      return (got.Messages ?? []).map((m) => m.Body!).sort();
    };
    const both = ['sent after every answer', 'sent after the first answer'];
    for (const url of urls) t.deepEqual(await bodies(url), both, url);
    sqs.destroy();
    await server.stop();
    server = await startBoltstack({ dataDir: tmp.dir });
    sqs = sqsClient(server.endpoint);
    for (const url of urls) t.deepEqual(await bodies(new URL(new URL(url).pathname, server.endpoint).href), both, url);
    sqs.destroy();
  } finally {
    await server.stop();
    await tmp.remove();
  }
});

test('overlapping CreateQueue calls of one name with different attributes: one queue, the others QueueAlreadyExists (QueueNameExists in the JSON protocol)', async (t) => {
  const server = await startBoltstack();
  try {
    const sqs = sqsClient(server.endpoint);
    const name = uniqueQueue('race-attrs');
    const outcomes = await Promise.allSettled(['10', '20', '30'].map((seconds) =>
      sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: { VisibilityTimeout: seconds } }))));
    const made = outcomes.filter((o) => o.status === 'fulfilled');
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    t.is(made.length, 1, JSON.stringify(outcomes));
    t.deepEqual(refused.map((o) => (o.reason as Error).name), ['QueueNameExists', 'QueueNameExists']);
    // The queue holds the attributes of the call that made it.
    const winner = ['10', '20', '30'][outcomes.findIndex((o) => o.status === 'fulfilled')];
    const { QueueUrl } = (made[0] as PromiseFulfilledResult<{ QueueUrl?: string }>).value;
    const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['VisibilityTimeout'] }));
    t.is(Attributes?.VisibilityTimeout, winner);
    sqs.destroy();
  } finally {
    await server.stop();
  }
});

/** Runs `body` with this process's clock moved by `ms` (the in-process server reads it). */
async function withClock<T>(ms: number, body: () => Promise<T>): Promise<T> {
  const realNow = Date.now;
  Date.now = () => realNow() + ms;
  try {
    return await body();
  } finally {
    Date.now = realNow;
  }
}

// The 60 s wait (API_DeleteQueue.html) is a wait of elapsed time; AWS's clock is not set back, so
// no source gives this row: it pins the invariant that a clock set back does not stretch the wait
// to the size of the step (before, an hour back blocked the name for an hour and a minute).
test.serial('a clock set back an hour after DeleteQueue: the name is free again once the wait is over, not an hour later', async (t) => {
  const tmp = await tempDir();
  let server: Boltstack = await startBoltstack({ dataDir: tmp.dir });
  try {
    let sqs = sqsClient(server.endpoint);
    const name = uniqueQueue('clock-back');
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: name }));
    await sqs.send(new DeleteQueueCommand({ QueueUrl }));
    const HOUR = 3_600_000;
    // Still waiting right after the deletion, as before.
    await t.throwsAsync(sqs.send(new CreateQueueCommand({ QueueName: name })), { name: 'QueueDeletedRecently' });
    // An hour back, then past the wait: free, in this process and after a restart.
    sqs.destroy();
    await server.stop();
    const again = await withClock(-HOUR + 61_000, async () => {
      server = await startBoltstack({ dataDir: tmp.dir });
      sqs = sqsClient(server.endpoint);
      return sqs.send(new CreateQueueCommand({ QueueName: name }));
    });
    t.is(new URL(again.QueueUrl!).pathname, new URL(QueueUrl!).pathname);
    sqs.destroy();
  } finally {
    await server.stop();
    await tmp.remove();
  }
});
