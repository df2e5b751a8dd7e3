/**
 * The store's group commit (store.ts commit): sends that arrive together share one durable batch.
 * Regression: the first send after an idle moment used to be written alone, and the others waited
 * for the next batch (under a 16-connection replay batches alternated 1 and 15 operations); the
 * first batch now waits for the rest of the event-loop turn.
 */
import test from 'ava';
import type { RequestContext } from '../../../src/services/types.js';
import { sqsOnMemoryStore } from '../../helpers/sqs-in-memory.js';

const ctx: RequestContext = { requestId: 'r', accountId: '000000000000', region: 'us-east-1', host: 'localhost:4566', signal: new AbortController().signal, ignored: [] };

test('sends that arrive in one event-loop turn share one batch, the first one included, and each is answered once written', async (t) => {
  const { sqs, batches, close } = await sqsOnMemoryStore();
  try {
    const op = sqs.operations;
    const { QueueUrl } = await op.CreateQueue!(ctx, { QueueName: 'together' }) as { QueueUrl: string };
    batches.length = 0;
    const sent = await Promise.all(Array.from({ length: 16 }, (_, i) => op.SendMessage!(ctx, { QueueUrl, MessageBody: `m${i}` }) as Promise<{ MessageId: string }>));
    t.is(new Set(sent.map((s) => s.MessageId)).size, 16);
    t.is(batches.length, 1, `batch sizes: ${batches.map((b) => b.length).join(', ')}`);
    t.is(batches[0]!.length, 16);
    // A send alone later is written at once, in a batch of its own.
    await op.SendMessage!(ctx, { QueueUrl, MessageBody: 'alone' });
    t.is(batches.length, 2);
    t.is(batches[1]!.length, 1);
    const got = await op.ReceiveMessage!(ctx, { QueueUrl, MaxNumberOfMessages: 10 }) as { Messages?: Array<{ Body: string }> };
    t.deepEqual(got.Messages?.map((m) => m.Body), Array.from({ length: 10 }, (_, i) => `m${i}`));
  } finally {
    await close();
  }
});
