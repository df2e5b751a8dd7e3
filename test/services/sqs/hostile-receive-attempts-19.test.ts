/**
 * Hostile use of a FIFO ReceiveRequestAttemptId (receive-attempts.ts, state-records.ts' attempt
 * tag): ids at the 128-character limit and made of the punctuation the state record itself uses
 * (";", ",", "\", a space-free run after the tag's space), ids SQS refuses (a newline, a space,
 * 129 characters, non-ASCII) refused before anything is stored; many concurrent retries of one id;
 * retries racing DeleteMessage and ChangeMessageVisibility; a restart between. Each retry answers
 * either the attempt's messages with their handles or InvalidParameterValue, never a part of them
 * or another error; no message is lost or answered twice under two handles; every stored state
 * record decodes after the restart. The rule: "It is possible to retry ... if none of the
 * messages have been modified (deleted or had their visibility changes)"
 * (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_ReceiveMessage.html);
 * the id's form: "can contain alphanumeric characters (a-z, A-Z, 0-9) and punctuation
 * (!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~)", 1 to 128 characters (same page). In-process services over
 * one memory store, as receive-attempt-restart.test.ts restarts them.
 */
import test from 'ava';
import { createLogger } from '../../../src/log.js';
import type { WorkerPool } from '../../../src/pool/types.js';
import { createSqsService } from '../../../src/services/sqs/index.js';
import { decodeAttemptTag, decodeStates } from '../../../src/services/sqs/state-records.js';
import type { RequestContext, Service } from '../../../src/services/types.js';
import { createMemoryStorage } from '../../../src/storage/memory/index.js';
import type { MetaStore } from '../../../src/storage/meta-store.js';
import { storedStateRecords } from './stored-records.js';

const ctx: RequestContext = { requestId: 'r', accountId: '111122223333', region: 'us-east-1', host: 'localhost:4566', signal: new AbortController().signal, ignored: [] };
const start = (meta: MetaStore): Promise<Service> => createSqsService({
  meta, blobs: undefined as never, pool: undefined as unknown as WorkerPool, features: new Set(), log: createLogger('error'), durability: 'process',
});
interface Message { MessageId: string; ReceiptHandle: string; Body: string }
interface Failure { queryCode?: string; message?: string; name?: string }
const PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';

async function harness() {
  const storage = createMemoryStorage();
  let sqs = await start(storage.meta);
  const call = async <T>(op: string, input: Record<string, unknown>): Promise<T> => await sqs.operations[op]!(ctx, input) as T;
  const restart = async (): Promise<void> => { await sqs.close?.(); sqs = await start(storage.meta); };
  const { QueueUrl } = await call<{ QueueUrl: string }>('CreateQueue', { QueueName: 'q.fifo', Attributes: { FifoQueue: 'true', ContentBasedDeduplication: 'true' } });
  const receive = async (id: string | undefined, extra: Record<string, unknown> = {}): Promise<Message[]> =>
    (await call<{ Messages?: Message[] }>('ReceiveMessage', { QueueUrl, MaxNumberOfMessages: 10, ...(id === undefined ? {} : { ReceiveRequestAttemptId: id }), ...extra })).Messages ?? [];
  const failure = (e: unknown): Failure => e as Failure;
  return { storage, call, restart, QueueUrl, receive, failure, close: () => sqs.close?.() };
}

/** Every stored state record decodes: numbers where numbers are, and an attempt tag that names a valid id. */
async function recordsDecode(meta: MetaStore): Promise<string[]> {
  const bad: string[] = [];
  for (const key of await storedStateRecords(meta)) {
    const value = await meta.get('sqs', key);
    if (value === undefined) continue;
    for (const { seq, state } of decodeStates(value)) {
      if (![seq, state.count, state.first, state.visibleAt, state.received].every(Number.isFinite)) bad.push(`${JSON.stringify(key)}: ${JSON.stringify(value)}`);
    }
    const tag = decodeAttemptTag(value);
    if (tag !== undefined && (!Number.isFinite(tag.expires) || !/^[\x21-\x7e]{1,128}$/.test(tag.id))) bad.push(`${JSON.stringify(key)}: tag ${JSON.stringify(tag)}`);
  }
  return bad;
}

test('ids SQS refuses are refused before a message is received; the punctuation and 128-character ids are retried across a restart', async (t) => {
  const h = await harness();
  for (const body of ['a', 'b', 'c']) await h.call('SendMessage', { QueueUrl: h.QueueUrl, MessageBody: body, MessageGroupId: body });
  const refused = ['', 'a b', 'a\nb', '\n', 'a\tb', 'x'.repeat(129), 'é', '😀', 'a\u0000', ' '];
  for (const id of refused) {
    const err = await h.receive(id).then(() => undefined, h.failure);
    t.is(err?.queryCode, 'InvalidParameterValue', JSON.stringify(id));
  }
  t.deepEqual(await storedStateRecords(h.storage.meta), [], 'a refused id receives nothing');
  const ids = [PUNCTUATION, 'x'.repeat(127) + ';', ';', ',', '\\', '1,2;3,4', '\\n'];
  const first = new Map<string, Message[]>();
  // One id per group is not possible (3 groups): receive one message per id, each its own group.
  for (const id of ids.slice(0, 3)) first.set(id, await h.receive(id, { MaxNumberOfMessages: 1 }));
  t.deepEqual([...first.values()].map((m) => m.length), [1, 1, 1]);
  await h.restart();
  t.is((await storedStateRecords(h.storage.meta)).length, 3, 'each attempt stored its state record');
  t.deepEqual(await recordsDecode(h.storage.meta), []);
  for (const [id, messages] of first) {
    t.deepEqual((await h.receive(id, { MaxNumberOfMessages: 1 })).map((m) => m.ReceiptHandle), messages.map((m) => m.ReceiptHandle), JSON.stringify(id).slice(0, 30));
  }
  // The other ids are new attempts: nothing is left to receive.
  for (const id of ids.slice(3)) t.deepEqual(await h.receive(id), [], JSON.stringify(id));
  await h.close();
});

test('50 concurrent retries of one id answer the same handles; retries racing deletes and visibility changes answer all or InvalidParameterValue', async (t) => {
  const h = await harness();
  for (let i = 0; i < 10; i++) await h.call('SendMessage', { QueueUrl: h.QueueUrl, MessageBody: `m${i}`, MessageGroupId: 'g' });
  const ID = `${PUNCTUATION}${'z'.repeat(128 - PUNCTUATION.length)}`;
  const first = await h.receive(ID, { VisibilityTimeout: 600 });
  t.is(first.length, 10);
  const handles = first.map((m) => m.ReceiptHandle);
  const retries = await Promise.all(Array.from({ length: 50 }, () => h.receive(ID, { VisibilityTimeout: 600 })));
  for (const got of retries) t.deepEqual(got.map((m) => m.ReceiptHandle), handles);
  t.deepEqual(await recordsDecode(h.storage.meta), []);

  // Retries racing a delete of one message and a visibility change of another.
  const racing = await Promise.all([
    ...Array.from({ length: 20 }, () => h.receive(ID, { VisibilityTimeout: 600 }).then((m) => m.map((x) => x.ReceiptHandle), h.failure)),
    h.call('DeleteMessage', { QueueUrl: h.QueueUrl, ReceiptHandle: handles[0] }).then(() => 'deleted', h.failure),
    h.call('ChangeMessageVisibility', { QueueUrl: h.QueueUrl, ReceiptHandle: handles[1], VisibilityTimeout: 0 }).then(() => 'changed', h.failure),
    ...Array.from({ length: 20 }, () => h.receive(ID, { VisibilityTimeout: 600 }).then((m) => m.map((x) => x.ReceiptHandle), h.failure)),
  ]);
  t.is(racing[20], 'deleted');
  t.is(racing[21], 'changed');
  for (const answer of [...racing.slice(0, 20), ...racing.slice(22)]) {
    if (Array.isArray(answer)) t.deepEqual(answer, handles, 'a retry answers all of the attempt or nothing');
    else t.is((answer as Failure).queryCode, 'InvalidParameterValue', JSON.stringify(answer));
  }
  const after = await h.receive(ID).then(() => 'answered', h.failure);
  t.is((after as Failure).queryCode, 'InvalidParameterValue', 'once modified, the attempt is never retried again');

  await h.restart();
  t.deepEqual(await recordsDecode(h.storage.meta), []);
  t.is((await h.receive(ID).then(() => undefined, h.failure))?.queryCode, 'InvalidParameterValue', 'refused after the restart too');
  // Nothing lost, nothing twice: m1 (visible again) then the rest once their 600 s pass; here
  // m1..m9 are received by making them visible with their handles, m0 stays deleted.
  for (const handle of handles.slice(2)) await h.call('ChangeMessageVisibility', { QueueUrl: h.QueueUrl, ReceiptHandle: handle, VisibilityTimeout: 0 });
  const bodies: string[] = [];
  for (let round = 0; round < 5; round++) {
    const got = await h.receive(undefined, { VisibilityTimeout: 600 });
    bodies.push(...got.map((m) => m.Body));
    for (const m of got) await h.call('DeleteMessage', { QueueUrl: h.QueueUrl, ReceiptHandle: m.ReceiptHandle });
  }
  t.deepEqual(bodies, Array.from({ length: 9 }, (_, i) => `m${i + 1}`));
  t.deepEqual(await recordsDecode(h.storage.meta), []);
  await h.close();
});

test('retries racing a restart and a purge leave no undecodable record and no message twice', async (t) => {
  const h = await harness();
  for (let i = 0; i < 5; i++) await h.call('SendMessage', { QueueUrl: h.QueueUrl, MessageBody: `m${i}`, MessageGroupId: `g${i}` });
  const ids = ['a;b', 'c,d', 'e\\f', 'g\\nh', '"\'`'];
  const first = await Promise.all(ids.map((id) => h.receive(id, { MaxNumberOfMessages: 1, VisibilityTimeout: 600 })));
  t.deepEqual(first.map((m) => m.length), [1, 1, 1, 1, 1]);
  t.is(new Set(first.map((m) => m[0]!.Body)).size, 5, 'five attempts, five messages');
  const retried = Promise.all(ids.map((id) => h.receive(id, { MaxNumberOfMessages: 1, VisibilityTimeout: 600 }).then((m) => m.map((x) => x.ReceiptHandle), h.failure)));
  const answers = await retried;
  await h.restart();
  for (const [i, answer] of answers.entries()) t.deepEqual(answer, first[i]!.map((m) => m.ReceiptHandle));
  t.deepEqual(await recordsDecode(h.storage.meta), []);
  await h.call('PurgeQueue', { QueueUrl: h.QueueUrl });
  for (const id of ids) {
    const got = await h.receive(id, { MaxNumberOfMessages: 1 }).then((m) => m.length, h.failure);
    t.true(got === 0 || (got as Failure).queryCode === 'InvalidParameterValue', `${id}: ${JSON.stringify(got)}`);
  }
  t.deepEqual(await recordsDecode(h.storage.meta), []);
  await h.close();
});
