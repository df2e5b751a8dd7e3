/**
 * Received messages' state lives in one state record per receive (state-records.ts): a cycle of
 * ten messages costs 22 store operations instead of 40, and what a restart finds is unchanged:
 * messages in flight stay invisible until their timeout, deleted ones never come back, a
 * visibility change holds, and no state record outlives the messages it describes. The restart
 * is a second service over the same in-memory store (what a kill -9 leaves: only committed batches).
 */
import test from 'ava';
import { createLogger } from '../../../src/log.js';
import type { WorkerPool } from '../../../src/pool/types.js';
import { createSqsService } from '../../../src/services/sqs/index.js';
import type { RequestContext, Service } from '../../../src/services/types.js';
import { createMemoryStorage } from '../../../src/storage/memory/index.js';
import type { MetaOp, MetaStore } from '../../../src/storage/meta-store.js';
import { keysUnder, storedMessages, storedStateRecords } from './stored-records.js';

const ctx: RequestContext = { requestId: 'r', accountId: '111122223333', region: 'us-east-1', host: 'localhost:4566', signal: new AbortController().signal, ignored: [] };

const start = (meta: MetaStore): Promise<Service> => createSqsService({
  meta, blobs: undefined as never, pool: undefined as unknown as WorkerPool, features: new Set(), log: createLogger('error'), durability: 'process',
});


interface Message { MessageId: string; ReceiptHandle: string; Body: string; Attributes: Record<string, string> }

test('a cycle of ten is 22 store operations; after a restart in-flight, deleted and re-timed messages are as they were', async (t) => {
  const storage = createMemoryStorage();
  const ops: MetaOp[] = [];
  const batch = storage.meta.batch.bind(storage.meta);
  storage.meta.batch = (o) => { ops.push(...o); return batch(o); };
  let sqs = await start(storage.meta);
  const call = async <T>(op: string, input: Record<string, unknown>): Promise<T> => await sqs.operations[op]!(ctx, input) as T;
  const { QueueUrl } = await call<{ QueueUrl: string }>('CreateQueue', { QueueName: 'q', Attributes: { VisibilityTimeout: '600' } });

  ops.length = 0;
  await call('SendMessageBatch', { QueueUrl, Entries: Array.from({ length: 10 }, (_, i) => ({ Id: `m${i}`, MessageBody: `body ${i}` })) });
  const first = (await call<{ Messages: Message[] }>('ReceiveMessage', { QueueUrl, MaxNumberOfMessages: 10, MessageSystemAttributeNames: ['All'] })).Messages;
  t.is(first.length, 10);
  await call('DeleteMessageBatch', { QueueUrl, Entries: first.map((m, i) => ({ Id: `d${i}`, ReceiptHandle: m.ReceiptHandle })) });
  t.is(ops.length, 22);
  t.deepEqual(await storedStateRecords(storage.meta), [], 'the state record went with its last message');

  // Ten more: three deleted, one made visible at once, six left in flight for 600 s.
  await call('SendMessageBatch', { QueueUrl, Entries: Array.from({ length: 10 }, (_, i) => ({ Id: `m${i}`, MessageBody: `second ${i}` })) });
  const second = (await call<{ Messages: Message[] }>('ReceiveMessage', { QueueUrl, MaxNumberOfMessages: 10 })).Messages;
  t.is(second.length, 10);
  await call('DeleteMessageBatch', { QueueUrl, Entries: second.slice(0, 3).map((m, i) => ({ Id: `d${i}`, ReceiptHandle: m.ReceiptHandle })) });
  await call('ChangeMessageVisibility', { QueueUrl, ReceiptHandle: second[3]!.ReceiptHandle, VisibilityTimeout: 0 });

  await sqs.close?.();
  sqs = await start(storage.meta);
  const counts = await call<{ Attributes: Record<string, string> }>('GetQueueAttributes', { QueueUrl, AttributeNames: ['All'] });
  t.is(counts.Attributes.ApproximateNumberOfMessages, '1');
  t.is(counts.Attributes.ApproximateNumberOfMessagesNotVisible, '6');
  const again = (await call<{ Messages: Message[] }>('ReceiveMessage', { QueueUrl, MaxNumberOfMessages: 10, MessageSystemAttributeNames: ['All'] })).Messages;
  t.deepEqual(again.map((m) => m.Body), [second[3]!.Body]);
  t.is(again[0]!.Attributes.ApproximateReceiveCount, '2');
  // The old handles of the six in flight still delete them after the restart.
  await call('DeleteMessageBatch', { QueueUrl, Entries: [...second.slice(4), again[0]!].map((m, i) => ({ Id: `d${i}`, ReceiptHandle: m.ReceiptHandle })) });
  t.deepEqual(await storedMessages(storage.meta), []);
  t.deepEqual(await storedStateRecords(storage.meta), []);

  await sqs.close?.();
  sqs = await start(storage.meta);
  t.deepEqual(await call('ReceiveMessage', { QueueUrl, MaxNumberOfMessages: 10 }), {});
  await sqs.close?.();
  await storage.close();
});

test('a queue stored by the earlier layout (JSON message records, per-message state keys) loads, and its state keys go with their messages', async (t) => {
  const storage = createMemoryStorage();
  let sqs = await start(storage.meta);
  const call = async <T>(op: string, input: Record<string, unknown>): Promise<T> => await sqs.operations[op]!(ctx, input) as T;
  const { QueueUrl } = await call<{ QueueUrl: string }>('CreateQueue', { QueueName: 'old' });
  const [queueKey] = await keysUnder(storage.meta, 'q');
  const queueId = (JSON.parse((await storage.meta.get('sqs', queueKey!))!) as { id: string }).id;
  await sqs.close?.();
  // Two messages as the earlier version wrote them: one never received, one in flight for an hour.
  const now = Date.now();
  const message = (id: string, body: string): string => JSON.stringify({ id, body, md5: 'x', sent: now - 1000, sender: 's', visibleAt: now - 1000 });
  await storage.meta.batch([
    { type: 'put', ns: 'sqs', key: `m\u0000${queueId}\u0000${(1).toString(16).padStart(14, '0')}`, value: message('one', 'first') },
    { type: 'put', ns: 'sqs', key: `m\u0000${queueId}\u0000${(2).toString(16).padStart(14, '0')}`, value: message('two', 'second') },
    { type: 'put', ns: 'sqs', key: `s\u0000${queueId}\u0000${(2).toString(16).padStart(14, '0')}`, value: `1,${now - 500},${now + 3_600_000},${now - 500}` },
  ]);
  sqs = await start(storage.meta);
  const got = (await call<{ Messages: Message[] }>('ReceiveMessage', { QueueUrl, MaxNumberOfMessages: 10 })).Messages;
  t.deepEqual(got.map((m) => m.Body), ['first']);
  const counts = await call<{ Attributes: Record<string, string> }>('GetQueueAttributes', { QueueUrl, AttributeNames: ['ApproximateNumberOfMessagesNotVisible'] });
  t.is(counts.Attributes.ApproximateNumberOfMessagesNotVisible, '2');
  // The in-flight one's handle (count 1, received then) deletes it, and its state key with it.
  const handle = 'AQEB' + Buffer.from(`${queueId}:2:1:${(now - 500).toString(36)}`).toString('base64url');
  await call('DeleteMessage', { QueueUrl, ReceiptHandle: handle });
  await call('DeleteMessage', { QueueUrl, ReceiptHandle: got[0]!.ReceiptHandle });
  t.deepEqual(await storedMessages(storage.meta), []);
  t.deepEqual(await keysUnder(storage.meta, 's'), []);
  t.deepEqual(await storedStateRecords(storage.meta), []);
  await sqs.close?.();
  await storage.close();
});
