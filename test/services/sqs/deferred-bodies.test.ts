/**
 * Shared bodies whose head the sender finishes when they are read (internal-api.ts DeferredPart;
 * SNS signs its envelopes so): stored unfinished, once, with the service that finishes them;
 * every copy read comes back finished with the MD5 of the finished body, also after a restart;
 * a copy stored alone is finished before it is written; the size limit counts the bytes the
 * finishing adds; and an SQS with no service to ask takes no deferred body.
 */
import test from 'ava';
import { createHash } from 'node:crypto';
import { createLogger } from '../../../src/log.js';
import type { WorkerPool } from '../../../src/pool/types.js';
import { createSqsService } from '../../../src/services/sqs/index.js';
import type { BodyFinisher, InternalDelivery, SharedBody, SqsInternalApi } from '../../../src/services/sqs/internal-api.js';
import type { RequestContext, Service } from '../../../src/services/types.js';
import { createMemoryStorage } from '../../../src/storage/memory/index.js';
import type { MetaStore } from '../../../src/storage/meta-store.js';
import { storedBodies, storedMessages } from './stored-records.js';

const ctx: RequestContext = { requestId: 'r', accountId: '111122223333', region: 'us-east-1', host: 'localhost:4566', signal: new AbortController().signal, ignored: [] };
const arn = (name: string): string => `arn:aws:sqs:us-east-1:111122223333:${name}`;
const md5 = (text: string): string => createHash('md5').update(text, 'utf8').digest('hex');

const UNFINISHED = '{\n  "Message" : "hi",\n  "Signature" : "",\n';
const FINISHED = '{\n  "Message" : "hi",\n  "Signature" : "c2lnbmVk",\n';
const TAIL = '\n}';
const part = (i: number): string => `  "UnsubscribeURL" : "http://localhost:4566/?n=${i}"`;
const deferred: SharedBody = { head: UNFINISHED, tail: TAIL, deferred: { by: 'sns', bytes: FINISHED.length - UNFINISHED.length } };

interface Fixture {
  meta: MetaStore;
  sqs: Service;
  /** Heads the fake SNS was asked to finish. */
  asked: string[];
  api(): SqsInternalApi;
  call<T>(op: string, input: Record<string, unknown>): Promise<T>;
  restart(): Promise<void>;
  close(): Promise<void>;
}

async function fixture(withPeer = true): Promise<Fixture> {
  const storage = createMemoryStorage();
  const asked: string[] = [];
  const finisher: BodyFinisher = {
    finishBody: async (head) => { asked.push(head); return head.replace('"Signature" : ""', '"Signature" : "c2lnbmVk"'); },
  };
  const start = (): Promise<Service> => createSqsService({
    meta: storage.meta, blobs: undefined as never, pool: undefined as unknown as WorkerPool, features: new Set(), log: createLogger('error'), durability: 'process',
    ...(withPeer ? { peer: async (name: string) => (name === 'sns' ? { operations: {}, internal: finisher } : undefined) } : {}),
  });
  const f: Fixture = {
    meta: storage.meta, sqs: await start(), asked,
    api: () => f.sqs.internal as SqsInternalApi,
    call: async <T>(op: string, input: Record<string, unknown>) => await f.sqs.operations[op]!(ctx, input) as T,
    restart: async () => { await f.sqs.close?.(); f.sqs = await start(); },
    close: async () => { await f.sqs.close?.(); await storage.close(); },
  };
  return f;
}

const deliveries = (queues: string[], shared: SharedBody = deferred): InternalDelivery[] =>
  queues.map((q, i) => ({ queueArn: arn(q), body: { shared, part: part(i) }, charactersChecked: true }));

const storedBodyValues = async (meta: MetaStore): Promise<string[]> => (await storedBodies(meta)).map(([, value]) => value);

const receive = async (f: Fixture, QueueUrl: string): Promise<Array<{ Body: string; MD5OfBody: string }>> =>
  (await f.call<{ Messages?: Array<{ Body: string; MD5OfBody: string }> }>('ReceiveMessage', { QueueUrl, MaxNumberOfMessages: 10 })).Messages ?? [];

test('a deferred body is stored once unfinished, and every copy reads back finished with its MD5, also after a restart', async (t) => {
  const f = await fixture();
  try {
    const urls: string[] = [];
    for (const QueueName of ['a', 'b', 'c']) urls.push((await f.call<{ QueueUrl: string }>('CreateQueue', { QueueName })).QueueUrl);
    t.true(f.api().finishesDeferredBodies);
    t.true((await f.api().deliver(deliveries(['a', 'b', 'c']))).every((r) => r.ok));
    const [stored] = await storedBodyValues(f.meta);
    t.true(stored!.includes(UNFINISHED), 'stored as given');
    t.false(stored!.includes(FINISHED));
    t.is(f.asked.length, 0, 'nothing finished before a copy is read');
    const [first] = await receive(f, urls[0]!);
    t.is(first!.Body, FINISHED + part(0) + TAIL);
    t.is(first!.MD5OfBody, md5(first!.Body));
    await f.restart();
    for (const [i, url] of urls.slice(1).entries()) {
      const [copy] = await receive(f, url);
      t.is(copy!.Body, FINISHED + part(i + 1) + TAIL, 'finished after the restart');
      t.is(copy!.MD5OfBody, md5(copy!.Body));
    }
    t.is(f.asked.length, 3, 'asked once per copy read');
  } finally {
    await f.close();
  }
});

test('a copy left alone (its other queue does not exist) is finished before it is written', async (t) => {
  const f = await fixture();
  try {
    const { QueueUrl } = await f.call<{ QueueUrl: string }>('CreateQueue', { QueueName: 'a' });
    const results = await f.api().deliver(deliveries(['a', 'missing']));
    t.true(results[0]!.ok);
    t.false(results[1]!.ok);
    t.deepEqual(await storedBodyValues(f.meta), [], 'no shared body for one copy');
    t.is(f.asked.length, 1);
    const [[, record]] = await storedMessages(f.meta) as [[string, string]];
    t.true(record.includes(FINISHED + part(0) + TAIL), 'stored whole and finished');
    const [copy] = await receive(f, QueueUrl);
    t.is(copy!.Body, FINISHED + part(0) + TAIL);
    t.is(f.asked.length, 1, 'read back as stored');
  } finally {
    await f.close();
  }
});

test('the size limit counts the bytes finishing adds', async (t) => {
  const f = await fixture();
  try {
    for (const QueueName of ['a', 'b']) {
      await f.call('CreateQueue', { QueueName, Attributes: { MaximumMessageSize: '1024' } });
    }
    const room = 1024 - UNFINISHED.length - TAIL.length - part(0).length;
    const fits: SharedBody = { head: UNFINISHED + 'x'.repeat(room - deferred.deferred!.bytes), tail: TAIL, deferred: deferred.deferred! };
    const over: SharedBody = { head: UNFINISHED + 'x'.repeat(room - deferred.deferred!.bytes + 1), tail: TAIL, deferred: deferred.deferred! };
    t.true((await f.api().deliver(deliveries(['a', 'b'], fits))).every((r) => r.ok));
    const refused = await f.api().deliver(deliveries(['a', 'b'], over));
    t.false(refused[0]!.ok);
  } finally {
    await f.close();
  }
});

test('without a service to finish them, SQS says it takes no deferred body', async (t) => {
  const f = await fixture(false);
  try {
    t.false(f.api().finishesDeferredBodies);
  } finally {
    await f.close();
  }
});
