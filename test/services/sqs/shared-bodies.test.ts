/**
 * Bodies shared by the copies of one delivery call (shared-bodies.ts): stored once, each copy
 * with only its own part; every copy reads back whole with its own MD5; the body is deleted in
 * the batch that deletes its last copy, whichever way that copy goes (DeleteMessage, PurgeQueue,
 * DeleteQueue, retention expiry, a dead-letter redrive), also when the copies were written
 * before a restart (a second service over the same in-memory store: what kill -9 leaves).
 */
import test from 'ava';
import { createHash } from 'node:crypto';
import { createLogger } from '../../../src/log.js';
import type { WorkerPool } from '../../../src/pool/types.js';
import { createSqsService } from '../../../src/services/sqs/index.js';
import type { InternalDelivery, SharedBody, SqsInternalApi } from '../../../src/services/sqs/internal-api.js';
import type { RequestContext, Service } from '../../../src/services/types.js';
import { createMemoryStorage } from '../../../src/storage/memory/index.js';
import type { MetaOp, MetaStore } from '../../../src/storage/meta-store.js';
import { isSharedBodyKey, storedBodies, storedMessages } from './stored-records.js';

const ctx: RequestContext = { requestId: 'r', accountId: '111122223333', region: 'us-east-1', host: 'localhost:4566', signal: new AbortController().signal, ignored: [] };
const arn = (name: string): string => `arn:aws:sqs:us-east-1:111122223333:${name}`;
const md5 = (text: string): string => createHash('md5').update(text, 'utf8').digest('hex');

const start = (meta: MetaStore): Promise<Service> => createSqsService({
  meta, blobs: undefined as never, pool: undefined as unknown as WorkerPool, features: new Set(), log: createLogger('error'), durability: 'process',
});


interface Message { MessageId: string; ReceiptHandle: string; Body: string; MD5OfBody: string; Attributes?: Record<string, string> }

interface Fixture {
  meta: MetaStore;
  batches: MetaOp[][];
  sqs: Service;
  call<T>(op: string, input: Record<string, unknown>): Promise<T>;
  restart(): Promise<void>;
  close(): Promise<void>;
}

async function fixture(): Promise<Fixture> {
  const storage = createMemoryStorage();
  const batches: MetaOp[][] = [];
  const batch = storage.meta.batch.bind(storage.meta);
  storage.meta.batch = (ops) => { batches.push(ops); return batch(ops); };
  const f: Fixture = {
    meta: storage.meta, batches, sqs: await start(storage.meta),
    call: async <T>(op: string, input: Record<string, unknown>) => await f.sqs.operations[op]!(ctx, input) as T,
    restart: async () => { await f.sqs.close?.(); f.sqs = await start(storage.meta); },
    close: async () => { await f.sqs.close?.(); await storage.close(); },
  };
  return f;
}

const HEAD = '{\n  "Type" : "Notification",\n  "Message" : "h\u00e9llo \u{1F600}",\n';
const TAIL = '\n}';
const part = (i: number): string => `  "UnsubscribeURL" : "http://localhost:4566/?n=${i}"`;

async function publish(f: Fixture, queues: string[], shared: SharedBody = { head: HEAD, tail: TAIL }): Promise<void> {
  const deliveries: InternalDelivery[] = queues.map((q, i) => ({ queueArn: arn(q), body: { shared, part: part(i) }, charactersChecked: true }));
  const results = await (f.sqs.internal as SqsInternalApi).deliver(deliveries);
  if (!results.every((r) => r.ok)) throw new Error(JSON.stringify(results));
}

async function queues(f: Fixture, names: string[], attributes: Record<string, string> = {}): Promise<string[]> {
  const urls: string[] = [];
  for (const QueueName of names) urls.push((await f.call<{ QueueUrl: string }>('CreateQueue', { QueueName, Attributes: attributes })).QueueUrl);
  return urls;
}

const receive = async (f: Fixture, QueueUrl: string): Promise<Message[]> =>
  (await f.call<{ Messages?: Message[] }>('ReceiveMessage', { QueueUrl, MaxNumberOfMessages: 10, MessageSystemAttributeNames: ['All'] })).Messages ?? [];

test('one body for three copies, each copy only its part; each reads back whole with its own MD5; the last delete frees the body in its batch', async (t) => {
  const f = await fixture();
  try {
    const urls = await queues(f, ['a', 'b', 'c']);
    f.batches.length = 0;
    await publish(f, ['a', 'b', 'c']);
    t.is(f.batches.length, 1, 'body and copies are one batch');
    const bodies = await storedBodies(f.meta);
    t.is(bodies.length, 1);
    t.true(bodies[0]![1].endsWith(HEAD + TAIL));
    for (const [, value] of await storedMessages(f.meta)) {
      t.false(value.includes('Notification'), 'a copy stores only its part');
      t.true(value.includes('UnsubscribeURL'));
    }
    const got = await Promise.all(urls.map((u) => receive(f, u)));
    got.forEach((messages, i) => {
      t.is(messages.length, 1);
      t.is(messages[0]!.Body, HEAD + part(i) + TAIL);
      t.is(messages[0]!.MD5OfBody, md5(HEAD + part(i) + TAIL));
    });
    for (let i = 0; i < 3; i++) {
      f.batches.length = 0;
      await f.call('DeleteMessage', { QueueUrl: urls[i]!, ReceiptHandle: got[i]![0]!.ReceiptHandle });
      const freed = f.batches.flat().some((op) => op.type === 'del' && isSharedBodyKey(op.key));
      t.is(freed, i === 2, `delete ${i + 1} of 3`);
      t.is((await storedBodies(f.meta)).length, i === 2 ? 0 : 1);
    }
  } finally {
    await f.close();
  }
});

test('after a restart: copies read whole, and the body goes with the last copy, received before or after the restart', async (t) => {
  const f = await fixture();
  try {
    const urls = await queues(f, ['a', 'b', 'c'], { VisibilityTimeout: '600' });
    await publish(f, ['a', 'b', 'c']);
    await publish(f, ['a', 'b']);
    const inFlight = await receive(f, urls[0]!); // both messages of queue a, in flight across the restart
    t.is(inFlight.length, 2);
    await f.restart();
    t.is((await storedBodies(f.meta)).length, 2);
    // A handle from before the restart deletes its copy (the body's count is rebuilt at load).
    for (const m of inFlight) await f.call('DeleteMessage', { QueueUrl: urls[0]!, ReceiptHandle: m.ReceiptHandle });
    const b = await receive(f, urls[1]!);
    t.deepEqual(b.map((m) => m.Body).sort(), [HEAD + part(1) + TAIL, HEAD + part(1) + TAIL]);
    for (const m of b) await f.call('DeleteMessage', { QueueUrl: urls[1]!, ReceiptHandle: m.ReceiptHandle });
    t.is((await storedBodies(f.meta)).length, 1, 'the two-copy body is gone, the three-copy one has a copy left');
    await f.restart();
    const c = await receive(f, urls[2]!);
    t.deepEqual(c.map((m) => m.Body), [HEAD + part(2) + TAIL]);
    await f.call('DeleteMessage', { QueueUrl: urls[2]!, ReceiptHandle: c[0]!.ReceiptHandle });
    t.deepEqual(await storedBodies(f.meta), []);
    t.deepEqual(await storedMessages(f.meta), []);
  } finally {
    await f.close();
  }
});

test('PurgeQueue and DeleteQueue release their copies; a body lives while any copy does', async (t) => {
  const f = await fixture();
  try {
    const urls = await queues(f, ['a', 'b', 'c']);
    for (let i = 0; i < 5; i++) await publish(f, ['a', 'b', 'c']);
    await f.call('PurgeQueue', { QueueUrl: urls[0]! });
    t.is((await storedBodies(f.meta)).length, 5);
    await f.restart(); // counts rebuilt from what is stored
    await f.call('DeleteQueue', { QueueUrl: urls[1]! });
    await f.sqs.close?.(); // waits for the background removal of the deleted queue's messages
    f.sqs = await start(f.meta);
    t.is((await storedBodies(f.meta)).length, 5, 'queue c still holds a copy of each');
    const c = await receive(f, urls[2]!);
    t.is(c.length, 5);
    t.true(c.every((m) => m.Body === HEAD + part(2) + TAIL));
    await f.call('PurgeQueue', { QueueUrl: urls[2]! });
    t.deepEqual(await storedBodies(f.meta), []);
    t.deepEqual(await storedMessages(f.meta), []);
  } finally {
    await f.close();
  }
});

test('a copy redriven to a dead-letter queue owns its body; retention expiry releases a copy', async (t) => {
  const f = await fixture();
  try {
    const [dlq] = await queues(f, ['dlq']);
    const [src] = await queues(f, ['src'], { VisibilityTimeout: '0', RedrivePolicy: JSON.stringify({ deadLetterTargetArn: arn('dlq'), maxReceiveCount: 1 }) });
    const [other] = await queues(f, ['other']);
    await publish(f, ['src', 'other']);
    t.is((await receive(f, src!)).length, 1);
    t.deepEqual(await receive(f, src!), [], 'the second receive redrives it');
    await f.call('DeleteQueue', { QueueUrl: other! });
    await f.restart();
    t.deepEqual(await storedBodies(f.meta), [], 'no copy left in a queue: the body is gone');
    const moved = await receive(f, dlq!);
    t.deepEqual(moved.map((m) => m.Body), [HEAD + part(0) + TAIL]);
    t.is(moved[0]!.MD5OfBody, md5(HEAD + part(0) + TAIL));
    t.is(moved[0]!.Attributes?.DeadLetterQueueSourceArn, arn('src'));

    // Retention: the clock moves past a 60 s period, and a receive deletes the expired copy.
    const [short] = await queues(f, ['short'], { MessageRetentionPeriod: '60' });
    const [keep] = await queues(f, ['keep']);
    await publish(f, ['short', 'keep']);
    const realNow = Date.now;
    Date.now = () => realNow() + 61_000;
    try {
      t.deepEqual(await receive(f, short!), [], 'expired');
    } finally {
      Date.now = realNow;
    }
    t.is((await storedBodies(f.meta)).length, 1, 'the copy in keep still references it');
    const kept = await receive(f, keep!);
    await f.call('DeleteMessage', { QueueUrl: keep!, ReceiptHandle: kept[0]!.ReceiptHandle });
    t.deepEqual(await storedBodies(f.meta), []);
  } finally {
    await f.close();
  }
});

test('a body in parts with one copy accepted is stored whole; FIFO content deduplication hashes the whole body', async (t) => {
  const f = await fixture();
  try {
    const [a] = await queues(f, ['a']);
    const [fa, fb] = await queues(f, ['fa.fifo', 'fb.fifo'], { FifoQueue: 'true', ContentBasedDeduplication: 'true' });
    const shared = { head: HEAD, tail: TAIL };
    const api = f.sqs.internal as SqsInternalApi;
    const results = await api.deliver([
      { queueArn: arn('a'), body: { shared, part: part(0) }, charactersChecked: true },
      { queueArn: arn('missing'), body: { shared, part: part(1) }, charactersChecked: true },
    ]);
    t.true(results[0]!.ok);
    t.false(results[1]!.ok);
    t.deepEqual(await storedBodies(f.meta), []);
    t.is((await receive(f, a!))[0]!.Body, HEAD + part(0) + TAIL);

    // The same body sent whole to one FIFO queue and in parts to another: the same content hash.
    await api.deliver([{ queueArn: arn('fa.fifo'), body: HEAD + part(0) + TAIL, messageGroupId: 'g' }]);
    const again = await api.deliver([
      { queueArn: arn('fa.fifo'), body: { shared, part: part(0) }, messageGroupId: 'g', charactersChecked: true },
      { queueArn: arn('fb.fifo'), body: { shared, part: part(0) }, messageGroupId: 'g', charactersChecked: true },
    ]);
    t.true(again.every((r) => r.ok));
    t.is((await receive(f, fa!)).length, 1, 'the copy in parts was a duplicate of the whole one');
    t.is((await receive(f, fb!))[0]!.Body, HEAD + part(0) + TAIL);
    t.deepEqual(await storedBodies(f.meta), [], 'one copy stored: no shared body');
  } finally {
    await f.close();
  }
});

test('a part with a character SQS refuses fails that delivery alone', async (t) => {
  const f = await fixture();
  try {
    await queues(f, ['a', 'b']);
    const shared = { head: HEAD, tail: TAIL };
    const results = await (f.sqs.internal as SqsInternalApi).deliver([
      { queueArn: arn('a'), body: { shared, part: 'ok' }, charactersChecked: true },
      { queueArn: arn('b'), body: { shared, part: 'bad \u0001' }, charactersChecked: true },
    ]);
    t.true(results[0]!.ok);
    t.deepEqual(results[1], { ok: false, code: 'InvalidMessageContents', message: "Invalid binary character '#x1' was found in the message body, the set of allowed characters is #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]." });
  } finally {
    await f.close();
  }
});
