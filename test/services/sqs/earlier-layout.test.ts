/**
 * A data directory written by the layout before SQS's log (keys.ts: messages under
 * `m\0<queueId>\0<seq>` with per-queue sequence numbers, shared bodies under `b\0<id>`, state
 * records, per-message state keys) loads with every message, in-flight state and body intact,
 * and new messages go to the log after the old ones in each queue's order. The records are
 * written here with the earlier key builders, straight into the MetaStore, then a second service
 * opens the store (what an upgrade finds). And a queue deleted before its state was ever loaded
 * loses exactly its own records, in both layouts.
 */
import test from 'ava';
import { createHash } from 'node:crypto';
import { createLogger } from '../../../src/log.js';
import type { WorkerPool } from '../../../src/pool/types.js';
import { createSqsService } from '../../../src/services/sqs/index.js';
import { encodeMessage, encodeSharedCopy } from '../../../src/services/sqs/message-codec.js';
import type { MessageRecord } from '../../../src/services/sqs/records.js';
import type { RequestContext, Service } from '../../../src/services/types.js';
import { createMemoryStorage } from '../../../src/storage/memory/index.js';
import type { MetaOp, MetaStore } from '../../../src/storage/meta-store.js';
import { keysUnder, storedBodies, storedDedupRecords, storedMessages, storedStateRecords } from './stored-records.js';

const ctx: RequestContext = { requestId: 'r', accountId: '111122223333', region: 'us-east-1', host: 'localhost:4566', signal: new AbortController().signal, ignored: [] };
const md5 = (text: string): string => createHash('md5').update(text, 'utf8').digest('hex');

const start = (meta: MetaStore): Promise<Service> => createSqsService({
  meta, blobs: undefined as never, pool: undefined as unknown as WorkerPool, features: new Set(), log: createLogger('error'), durability: 'process',
});

// The earlier layout's key builders, as that version wrote them.
const hex = (n: number): string => n.toString(16).padStart(14, '0');
const oldMessageKey = (queueId: string, seq: number): string => `m\u0000${queueId}\u0000${hex(seq)}`;
const oldBodyKey = (id: number): string => `b\u0000${hex(id)}`;
const oldStateRecordKey = (queueId: string, n: number): string => `r\u0000${queueId}\u0000${hex(n)}`;
const oldStateKey = (queueId: string, seq: number): string => `s\u0000${queueId}\u0000${hex(seq)}`;
const put = (key: string, value: string): MetaOp => ({ type: 'put', ns: 'sqs', key, value });

const handle = (queueId: string, seq: number, count: number, received: number): string =>
  'AQEB' + Buffer.from(`${queueId}:${seq.toString(36)}:${count.toString(36)}:${received.toString(36)}`).toString('base64url');

interface Message { MessageId: string; ReceiptHandle: string; Body: string; MD5OfBody: string; Attributes?: Record<string, string> }

async function harness(): Promise<{ meta: MetaStore; call<T>(op: string, input: Record<string, unknown>): Promise<T>; restart(): Promise<void>; close(): Promise<void>; ids(): Promise<Map<string, string>> }> {
  const storage = createMemoryStorage();
  let sqs = await start(storage.meta);
  return {
    meta: storage.meta,
    call: async <T>(op: string, input: Record<string, unknown>) => await sqs.operations[op]!(ctx, input) as T,
    restart: async () => { await sqs.close?.(); sqs = await start(storage.meta); },
    close: async () => { await sqs.close?.(); await storage.close(); },
    ids: async () => {
      const out = new Map<string, string>();
      for await (const [, value] of storage.meta.iterate('sqs', { gt: 'q\u0000', lt: 'q\u0001' })) {
        const r = JSON.parse(value) as { id: string; name: string };
        out.set(r.name, r.id);
      }
      return out;
    },
  };
}

const HEAD = '{\n  "Type" : "Notification",\n  "Message" : "h\u00e9llo",\n';
const TAIL = '\n}';

test('a store of the earlier layout loads whole: messages, a shared body, in-flight state (state record and per-message key), FIFO order and deduplication', async (t) => {
  const h = await harness();
  try {
    const std = (await h.call<{ QueueUrl: string }>('CreateQueue', { QueueName: 'std', Attributes: { VisibilityTimeout: '600' } })).QueueUrl;
    const other = (await h.call<{ QueueUrl: string }>('CreateQueue', { QueueName: 'other' })).QueueUrl;
    const fifo = (await h.call<{ QueueUrl: string }>('CreateQueue', { QueueName: 'f.fifo', Attributes: { FifoQueue: 'true' } })).QueueUrl;
    const ids = await h.ids();
    const [s, o, f] = [ids.get('std')!, ids.get('other')!, ids.get('f.fifo')!];
    const now = Date.now();
    const rec = (id: string, body: string, extra: Partial<MessageRecord> = {}): MessageRecord =>
      ({ id, body, md5: md5(body), sent: now - 5000, sender: 'AIDA', visibleAt: now - 5000, ...extra });
    const copy = (id: string): MessageRecord => ({ ...rec(id, ''), md5: '' });
    const seqNo = (n: number): string => (18_000_000_000_000_000_000n + BigInt(n)).toString();
    await h.meta.batch([
      put(oldMessageKey(s, 1), encodeMessage(rec('s1', 'first'))),
      put(oldMessageKey(s, 2), encodeSharedCopy(copy('s2'), 7, 'A')),
      put(oldMessageKey(s, 3), encodeMessage(rec('s3', 'in flight (state record)'))),
      put(oldStateRecordKey(s, 4), `3,1,${now - 4000},${now + 3_600_000},${now - 4000}`),
      put(oldMessageKey(s, 4), encodeMessage(rec('s4', 'in flight (per-message state)'))),
      put(oldStateKey(s, 4), `2,${now - 4500},${now + 3_600_000},${now - 3000}`),
      put(oldMessageKey(o, 1), encodeSharedCopy(copy('o1'), 7, 'B')),
      put(oldBodyKey(7), JSON.stringify({ copies: [[s, 2], [o, 1]], head: HEAD.length }) + '\u0000' + HEAD + TAIL),
      put(oldMessageKey(f, 1), encodeMessage(rec('f1', 'fifo one', { group: 'g', dedup: 'd1', seqNo: seqNo(1) }))),
      put(oldMessageKey(f, 2), encodeMessage(rec('f2', 'fifo two', { group: 'g', dedup: 'd2', seqNo: seqNo(2) }))),
      put(`d\u0000${f}\u0000d2`, JSON.stringify({ expires: now + 240_000, messageId: 'f2', seqNo: seqNo(2) })),
    ]);
    await h.restart();

    const counts = await h.call<{ Attributes: Record<string, string> }>('GetQueueAttributes', { QueueUrl: std, AttributeNames: ['All'] });
    t.is(counts.Attributes.ApproximateNumberOfMessages, '2');
    t.is(counts.Attributes.ApproximateNumberOfMessagesNotVisible, '2');
    // A message sent now comes after the old ones.
    await h.call('SendMessage', { QueueUrl: std, MessageBody: 'new' });
    t.is((await storedMessages(h.meta)).filter(([key]) => key.startsWith('~\u0000')).length, 1, 'the new message is in the log');
    const got = (await h.call<{ Messages: Message[] }>('ReceiveMessage', { QueueUrl: std, MaxNumberOfMessages: 10 })).Messages;
    t.deepEqual(got.map((m) => m.Body), ['first', HEAD + 'A' + TAIL, 'new']);
    t.deepEqual(got.map((m) => m.MD5OfBody), got.map((m) => md5(m.Body)));
    const [fromOther] = (await h.call<{ Messages: Message[] }>('ReceiveMessage', { QueueUrl: other })).Messages;
    t.is(fromOther!.Body, HEAD + 'B' + TAIL);
    // State written now goes after the log; the earlier records stay where they are until their messages go.
    const records = await storedStateRecords(h.meta);
    t.deepEqual(records.map((key) => key.slice(0, 2)).sort(), ['r\u0000', '\u007fr', '\u007fr']);

    // The handles of the two messages in flight before the upgrade still delete them.
    await h.call('DeleteMessage', { QueueUrl: std, ReceiptHandle: handle(s, 3, 1, now - 4000) });
    await h.call('DeleteMessage', { QueueUrl: std, ReceiptHandle: handle(s, 4, 2, now - 3000) });
    for (const m of got) await h.call('DeleteMessage', { QueueUrl: std, ReceiptHandle: m.ReceiptHandle });
    t.is((await storedBodies(h.meta)).length, 1, 'the body lives while a copy does');
    await h.call('DeleteMessage', { QueueUrl: other, ReceiptHandle: fromOther!.ReceiptHandle });
    t.deepEqual(await storedBodies(h.meta), [], 'and goes with its last copy');

    // FIFO: the old messages first, in order; a new one after them with a greater SequenceNumber;
    // a deduplication id stored by the earlier version is still a duplicate.
    // The queue's deduplication id moved after the log when the queue loaded.
    t.deepEqual(await storedDedupRecords(h.meta), [`\u007fd\u0000${f}\u0000d2`]);
    const dup = await h.call<{ MessageId: string; SequenceNumber: string }>('SendMessage', { QueueUrl: fifo, MessageBody: 'again', MessageGroupId: 'g', MessageDeduplicationId: 'd2' });
    t.deepEqual([dup.MessageId, dup.SequenceNumber], ['f2', seqNo(2)]);
    const sent = await h.call<{ SequenceNumber: string }>('SendMessage', { QueueUrl: fifo, MessageBody: 'fifo three', MessageGroupId: 'g', MessageDeduplicationId: 'd3' });
    t.true(BigInt(sent.SequenceNumber) > BigInt(seqNo(2)));
    const order: string[] = [];
    for (let i = 0; i < 3; i++) {
      const [m] = (await h.call<{ Messages: Message[] }>('ReceiveMessage', { QueueUrl: fifo, MessageSystemAttributeNames: ['SequenceNumber'] })).Messages;
      order.push(`${m!.Body} ${m!.Attributes!.SequenceNumber}`);
      await h.call('DeleteMessage', { QueueUrl: fifo, ReceiptHandle: m!.ReceiptHandle });
    }
    t.deepEqual(order, [`fifo one ${seqNo(1)}`, `fifo two ${seqNo(2)}`, `fifo three ${sent.SequenceNumber}`]);

    t.deepEqual(await storedMessages(h.meta), []);
    t.deepEqual(await keysUnder(h.meta, 's'), []);
    t.deepEqual(await storedStateRecords(h.meta), []);
  } finally {
    await h.close();
  }
});

test('a queue deleted before its state was loaded loses its records in both layouts, and no other queue\'s', async (t) => {
  const h = await harness();
  try {
    const gone = (await h.call<{ QueueUrl: string }>('CreateQueue', { QueueName: 'gone' })).QueueUrl;
    const kept = (await h.call<{ QueueUrl: string }>('CreateQueue', { QueueName: 'kept' })).QueueUrl;
    for (let i = 0; i < 5; i++) {
      await h.call('SendMessage', { QueueUrl: gone, MessageBody: `gone ${i}` });
      await h.call('SendMessage', { QueueUrl: kept, MessageBody: `kept ${i}` });
    }
    const ids = await h.ids();
    const now = Date.now();
    await h.meta.batch([put(oldMessageKey(ids.get('gone')!, 1), encodeMessage({ id: 'x', body: 'old', md5: md5('old'), sent: now, sender: 's', visibleAt: now }))]);
    await h.restart();
    await h.call('DeleteQueue', { QueueUrl: gone });
    await h.restart(); // close waits for the removal
    const left = (await storedMessages(h.meta)).map(([, value]) => value.slice(value.indexOf('\u0000') + 1));
    t.deepEqual(left.sort(), ['kept 0', 'kept 1', 'kept 2', 'kept 3', 'kept 4']);
    t.deepEqual(await keysUnder(h.meta, 'z'), []);
    const got = (await h.call<{ Messages: Message[] }>('ReceiveMessage', { QueueUrl: kept, MaxNumberOfMessages: 10 })).Messages;
    t.is(got.length, 5);
  } finally {
    await h.close();
  }
});
