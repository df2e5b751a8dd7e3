/**
 * DeleteQueue's removal of the queue's messages (store.ts): a queue whose state was never loaded
 * is found by the one scan of SQS's log that loading every queue needs anyway, never by a scan of
 * its own (each such scan reads every message of every queue, bodies included); writes under way
 * at the delete leave nothing behind; a removal cut short by a crash is finished at the next start.
 */
import test from 'ava';
import { createLogger } from '../../../src/log.js';
import type { WorkerPool } from '../../../src/pool/types.js';
import { logRange, logQueueOf } from '../../../src/services/sqs/keys.js';
import { createSqsService } from '../../../src/services/sqs/index.js';
import type { InternalDelivery, SqsInternalApi } from '../../../src/services/sqs/internal-api.js';
import type { RequestContext, Service } from '../../../src/services/types.js';
import { createMemoryStorage } from '../../../src/storage/memory/index.js';
import type { MetaStore } from '../../../src/storage/meta-store.js';
import { keysUnder, storedBodies, storedMessages, storedStateRecords } from './stored-records.js';

const ctx: RequestContext = { requestId: 'r', accountId: '111122223333', region: 'us-east-1', host: 'localhost:4566', signal: new AbortController().signal, ignored: [] };
const arn = (name: string): string => `arn:aws:sqs:us-east-1:111122223333:${name}`;

/** `finishBody`: the fake SNS that finishes deferred bodies (deferred-bodies.test.ts). */
const start = (meta: MetaStore, finishBody?: (head: string) => Promise<string>): Promise<Service> => createSqsService({
  meta, blobs: undefined as never, pool: undefined as unknown as WorkerPool, features: new Set(), log: createLogger('error'), durability: 'process',
  ...(finishBody ? { peer: async (name: string) => (name === 'sns' ? { operations: {}, internal: { finishBody } } : undefined) } : {}),
});

interface Fixture {
  meta: MetaStore;
  /** Scans that started at the beginning of SQS's log. */
  logScans: number;
  sqs: Service;
  call<T>(op: string, input: Record<string, unknown>): Promise<T>;
  restart(): Promise<void>;
  close(): Promise<void>;
}

async function fixture(finishBody?: (head: string) => Promise<string>): Promise<Fixture> {
  const storage = createMemoryStorage();
  const iterate = storage.meta.iterate.bind(storage.meta);
  const f: Fixture = {
    meta: storage.meta, logScans: 0, sqs: await start(storage.meta, finishBody),
    call: async <T>(op: string, input: Record<string, unknown>) => await f.sqs.operations[op]!(ctx, input) as T,
    restart: async () => { await f.sqs.close?.(); f.sqs = await start(storage.meta, finishBody); },
    close: async () => { await f.sqs.close?.(); await storage.close(); },
  };
  storage.meta.iterate = (ns, range) => {
    if (ns === 'sqs' && range?.gt === logRange.gt && range.reverse !== true) f.logScans++;
    return iterate(ns, range);
  };
  return f;
}

async function create(f: Fixture, QueueName: string): Promise<string> {
  return (await f.call<{ QueueUrl: string }>('CreateQueue', { QueueName, Attributes: { VisibilityTimeout: '600' } })).QueueUrl;
}

async function send(f: Fixture, QueueUrl: string, n: number): Promise<void> {
  for (let i = 0; i < n; i += 10) {
    await f.call('SendMessageBatch', { QueueUrl, Entries: Array.from({ length: Math.min(10, n - i) }, (_, j) => ({ Id: `e${j}`, MessageBody: `m${i + j}` })) });
  }
}

async function publish(f: Fixture, names: string[]): Promise<void> {
  const shared = { head: 'head ', tail: ' tail' }; // one body for all the copies
  const deliveries: InternalDelivery[] = names.map((q, i) => ({ queueArn: arn(q), body: { shared, part: `${i}` }, charactersChecked: true }));
  const results = await (f.sqs.internal as SqsInternalApi).deliver(deliveries);
  if (!results.every((r) => r.ok)) throw new Error(JSON.stringify(results));
}

const receive = async (f: Fixture, QueueUrl: string): Promise<Array<{ Body: string }>> =>
  (await f.call<{ Messages?: Array<{ Body: string }> }>('ReceiveMessage', { QueueUrl, MaxNumberOfMessages: 10 })).Messages ?? [];

/** The ids of the queues whose messages are stored. */
async function queuesWithMessages(meta: MetaStore): Promise<Set<string>> {
  return new Set((await storedMessages(meta)).map(([key]) => logQueueOf(key) ?? key));
}

async function queueIds(meta: MetaStore): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for await (const [, value] of meta.iterate('sqs', { gt: 'q\u0000', lt: 'q\u0001' })) {
    const record = JSON.parse(value) as { id: string; name: string };
    out.set(record.name, record.id);
  }
  return out;
}

test('a queue never loaded since the start is deleted with one scan of the log, the one that loads every other queue', async (t) => {
  const f = await fixture();
  try {
    const [a, b] = [await create(f, 'a'), await create(f, 'b')];
    await send(f, a, 30);
    await send(f, b, 30);
    for (let i = 0; i < 3; i++) await publish(f, ['a', 'b']);
    t.is((await receive(f, b)).length, 10, 'some of b in flight across the restart: a state record');
    const ids = await queueIds(f.meta);
    await f.restart();
    f.logScans = 0;
    await f.call('DeleteQueue', { QueueUrl: b });
    t.is((await receive(f, a)).length, 10);
    await f.restart(); // waits for the background removal
    t.is(f.logScans, 1, 'one scan for the delete and the load of queue a together');
    t.deepEqual(await queuesWithMessages(f.meta), new Set([ids.get('a')]));
    t.is((await storedMessages(f.meta)).length, 33);
    t.is((await storedBodies(f.meta)).length, 3, 'the bodies a still holds copies of');
    t.deepEqual((await storedStateRecords(f.meta)).filter((k) => k.includes(ids.get('b')!)), []);
    t.deepEqual(await keysUnder(f.meta, 'z'), [], 'no tombstone left');
    const rest: string[] = [];
    for (let got = await receive(f, a); got.length > 0; got = await receive(f, a)) rest.push(...got.map((m) => m.Body));
    t.is(rest.length, 23, 'queue a keeps every message it had (10 are in flight)');
  } finally {
    await f.close();
  }
});

test('sends and deliveries under way when their queue is deleted leave nothing behind', async (t) => {
  const f = await fixture();
  try {
    const a = await create(f, 'a');
    for (let round = 0; round < 5; round++) {
      // A name per round: a deleted name stays taken for 60 s, across restarts (recently-deleted.ts).
      const name = `b${round}`;
      const url = await create(f, name);
      // Not awaited: their batches are being gathered when the delete comes.
      const sends = [send(f, url, 20), publish(f, ['a', name]), f.call('SendMessage', { QueueUrl: url, MessageBody: 'x' })].map((p) => p.catch(() => undefined));
      await f.call('DeleteQueue', { QueueUrl: url });
      await Promise.all(sends);
      await f.restart();
      const ids = await queueIds(f.meta);
      t.deepEqual(await queuesWithMessages(f.meta), new Set([ids.get('a')]), `round ${round}`);
      await new Promise((resolve) => { setTimeout(resolve, 0); });
    }
    t.deepEqual(await keysUnder(f.meta, 'z'), []);
    // Every body left is a's to free: once a's copies are deleted, nothing is stored.
    for (let got = await f.call<{ Messages?: Array<{ ReceiptHandle: string }> }>('ReceiveMessage', { QueueUrl: a, MaxNumberOfMessages: 10 }); (got.Messages ?? []).length > 0;
      got = await f.call('ReceiveMessage', { QueueUrl: a, MaxNumberOfMessages: 10 })) {
      for (const m of got.Messages!) await f.call('DeleteMessage', { QueueUrl: a, ReceiptHandle: m.ReceiptHandle });
    }
    t.deepEqual(await storedBodies(f.meta), []);
    t.deepEqual(await storedMessages(f.meta), []);
  } finally {
    await f.close();
  }
});

test('a delivery whose body is being finished when its queue is deleted leaves nothing behind', async (t) => {
  // A body for one copy is finished (signed, by SNS) before it is stored, after the copy drew its
  // sequence number: the delete's removal waits for such a delivery to settle.
  let release!: () => void;
  const gate = new Promise<void>((resolve) => { release = resolve; });
  const f = await fixture(async (head) => { await gate; return head.replace('""', '"signed"'); });
  try {
    const b = await create(f, 'b');
    const delivering = (f.sqs.internal as SqsInternalApi).deliver([{
      queueArn: arn('b'), charactersChecked: true,
      body: { shared: { head: '{"Signature":""', tail: '}', deferred: { by: 'sns', bytes: 6 } }, part: ',"n":1' },
    }]);
    await new Promise((resolve) => { setImmediate(resolve); });
    await f.call('DeleteQueue', { QueueUrl: b });
    await new Promise((resolve) => { setTimeout(resolve, 50); }); // the removal's own work is done by now
    release();
    t.true((await delivering)[0]!.ok, 'stored: it was accepted before the delete');
    await f.restart();
    t.deepEqual(await storedMessages(f.meta), []);
    t.deepEqual(await keysUnder(f.meta, 'z'), []);
  } finally {
    await f.close();
  }
});

test('a delete cut short by a crash (its tombstone left) is finished at the next start', async (t) => {
  const f = await fixture();
  try {
    const [a, b] = [await create(f, 'a'), await create(f, 'b')];
    await send(f, a, 5);
    await send(f, b, 25);
    await publish(f, ['a', 'b']);
    const ids = await queueIds(f.meta);
    await f.sqs.close?.();
    // What kill -9 right after DeleteQueue's own batch leaves: the record gone, a tombstone, every message.
    const queueKey = `q\u0000111122223333\u0000us-east-1\u0000b`;
    await f.meta.batch([{ type: 'del', ns: 'sqs', key: queueKey }, { type: 'put', ns: 'sqs', key: `z\u0000${ids.get('b')!}`, value: '1' }]);
    f.sqs = await start(f.meta);
    await f.restart();
    t.deepEqual(await queuesWithMessages(f.meta), new Set([ids.get('a')]));
    t.is((await storedBodies(f.meta)).length, 1);
    t.deepEqual(await keysUnder(f.meta, 'z'), []);
    t.is((await receive(f, a)).length, 6);
  } finally {
    await f.close();
  }
});
