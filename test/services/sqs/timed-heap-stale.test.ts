/**
 * The timed heap of a queue (in-flight and delayed messages by when they are visible again) used
 * to keep an entry for every message received in the last visibility timeout, deleted or not,
 * each holding its message: under a receive/delete load the heap grew by ~200 bytes per message
 * for 30 s (sqs-figures' batch cycle: +11 MiB in 12 s). Stale entries are now swept once they
 * outnumber the messages held; a sweep keeps the heap's order (MinHeap.retain).
 */
import test from 'ava';
import { MinHeap } from '../../../src/services/sqs/min-heap.js';
import { createLogger } from '../../../src/log.js';
import type { SqsDeps } from '../../../src/services/sqs/context.js';
import { MoveTasks } from '../../../src/services/sqs/move-tasks.js';
import { createQueue } from '../../../src/services/sqs/operations/create-queue.js';
import { deleteMessageBatch } from '../../../src/services/sqs/operations/delete-message-batch.js';
import { receiveMessage } from '../../../src/services/sqs/operations/receive-message.js';
import { sendMessageBatch } from '../../../src/services/sqs/operations/send-message-batch.js';
import { SqsStore } from '../../../src/services/sqs/store.js';
import type { RequestContext } from '../../../src/services/types.js';
import { createMemoryStorage } from '../../../src/storage/memory/index.js';

test('MinHeap.retain keeps exactly the accepted items, still popped in key order', (t) => {
  let seed = 7;
  const random = (): number => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed / 2 ** 31; };
  for (let round = 0; round < 20; round++) {
    const heap = new MinHeap<number>();
    const all: number[] = [];
    for (let i = 0; i < 500; i++) { const k = Math.floor(random() * 1000); heap.push(k, k); all.push(k); }
    heap.retain((k) => k % 3 !== 0);
    const out: number[] = [];
    for (let k = heap.pop(); k !== undefined; k = heap.pop()) out.push(k);
    t.deepEqual(out, all.filter((k) => k % 3 !== 0).sort((a, b) => a - b));
  }
});

test('received and deleted messages do not pile up in the timed heap', async (t) => {
  const storage = createMemoryStorage();
  const log = createLogger('error');
  const store = await SqsStore.open(storage.meta, log);
  const deps: SqsDeps = { store, features: new Set(), log, moveTasks: new MoveTasks(store, log) };
  const ctx: RequestContext = { requestId: 'r', accountId: '111122223333', region: 'us-east-1', host: 'localhost:4566', signal: new AbortController().signal, ignored: [] };
  const QueueUrl = (await createQueue(deps, ctx, { QueueName: 'cycle' })).QueueUrl!;
  for (let i = 0; i < 500; i++) {
    await sendMessageBatch(deps, ctx, { QueueUrl, Entries: Array.from({ length: 10 }, (_, j) => ({ Id: `m${j}`, MessageBody: `b${i}-${j}` })) });
    const { Messages } = await receiveMessage(deps, ctx, { QueueUrl, MaxNumberOfMessages: 10 });
    await deleteMessageBatch(deps, ctx, { QueueUrl, Entries: Messages!.map((m, j) => ({ Id: `d${j}`, ReceiptHandle: m.ReceiptHandle! })) });
  }
  const state = store.find({ account: '111122223333', region: 'us-east-1', name: 'cycle' })!.loadedState!;
  t.is(state.messages.size, 0);
  t.true(state.timedEntries <= 1024 + 1, `${state.timedEntries} timed entries left after 5,000 messages received and deleted`);
  await store.close();
  await storage.close();
});
