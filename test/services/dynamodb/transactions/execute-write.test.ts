import test from 'ava';
import { MemoryMetaStore } from '../../../../src/storage/memory/index.js';
import { KeyedMutex } from '../../../../src/util/keyed-mutex.js';
import { AwsError, isAwsError } from '../../../../src/errors/aws-error.js';
import { executeWriteTransaction, type WriteParticipant } from '../../../../src/services/dynamodb/transactions/execute-write.js';
import type { MetaOp } from '../../../../src/storage/meta-store.js';
import { IdempotencyTokens } from '../../../../src/services/dynamodb/transactions/idempotency.js';

type Item = { v: number };
const ccf = () => new AwsError({ code: 'ConditionalCheckFailedException', status: 400, message: 'The conditional request failed' });

const mutex = new KeyedMutex();

function participant(meta: MemoryMetaStore, key: string, decide: WriteParticipant<Item>['decide'], extra: Partial<WriteParticipant<Item>> = {}): WriteParticipant<Item> {
  return {
    lock: { key, run: (section) => mutex.run(key, section) },
    read: async () => { const v = await meta.get('t', key); return v === undefined ? undefined : JSON.parse(v) as Item; },
    decide,
    changeOps: (_old, next) => [next === undefined ? { type: 'del', ns: 't', key } : { type: 'put', ns: 't', key, value: JSON.stringify(next) }],
    renderItem: (item) => ({ v: { N: String(item.v) } }),
    ...extra,
  };
}

test('all actions commit in one batch; a failed condition cancels all with reasons in request order', async (t) => {
  const meta = new MemoryMetaStore();
  await meta.put('t', 'b', JSON.stringify({ v: 1 }));
  let batches = 0;
  const commit = async (ops: Parameters<MemoryMetaStore['batch']>[0]) => { batches++; await meta.batch(ops); };
  await executeWriteTransaction([
    participant(meta, 'a', () => ({ next: { v: 10 } })),
    participant(meta, 'b', (old) => ({ next: { v: old!.v + 1 } })),
  ], commit);
  t.is(batches, 1);
  t.is(await meta.get('t', 'a'), '{"v":10}');
  t.is(await meta.get('t', 'b'), '{"v":2}');
  const err = await t.throwsAsync(executeWriteTransaction([
    participant(meta, 'a', () => ({ next: { v: 99 } })),
    participant(meta, 'b', () => { throw ccf(); }, { returnOldOnFailure: true }),
    participant(meta, 'c', () => { throw new AwsError({ code: 'ValidationException', status: 400, message: 'An operand in the update expression has an incorrect data type' }); }),
  ], commit));
  t.true(isAwsError(err));
  const e = err as AwsError;
  t.is(e.code, 'TransactionCanceledException');
  t.is(e.message, 'Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed, ValidationError]');
  t.deepEqual(e.fields.CancellationReasons as unknown, [
    { Code: 'None' },
    { Code: 'ConditionalCheckFailed', Message: 'The conditional request failed', Item: { v: { N: '2' } } },
    { Code: 'ValidationError', Message: 'An operand in the update expression has an incorrect data type' },
  ]);
  t.is(batches, 1);
  t.is(await meta.get('t', 'a'), '{"v":10}');
});

test('concurrent transactions over the same items serialise (no lost update, no deadlock)', async (t) => {
  const meta = new MemoryMetaStore();
  await meta.put('t', 'x', JSON.stringify({ v: 0 }));
  await meta.put('t', 'y', JSON.stringify({ v: 0 }));
  const bump = (keys: string[]) => executeWriteTransaction(keys.map((k) => participant(meta, k, (old) => ({ next: { v: old!.v + 1 } }))), (ops) => meta.batch(ops));
  await Promise.all(Array.from({ length: 50 }, (_, i) => bump(i % 2 ? ['x', 'y'] : ['y', 'x'])));
  t.is(await meta.get('t', 'x'), '{"v":50}');
  t.is(await meta.get('t', 'y'), '{"v":50}');
});

test('a ClientRequestToken replays the first answer for 10 minutes and refuses other parameters', async (t) => {
  let now = 0;
  const meta = new MemoryMetaStore();
  const tokens = new IdempotencyTokens(meta, () => now);
  let writes = 0;
  // As TransactWriteItems does: the token's record is written in the transaction's batch.
  const write = async (record: (answer: number) => MetaOp) => { const answer = ++writes; await meta.batch([record(answer)]); return answer; };
  const tok = { account: '1', region: 'r', token: 'tok' };
  t.is(await tokens.run(tok, { a: 1 }, write), 1);
  t.is(await tokens.run(tok, { a: 1 }, write), 1);
  const mismatch = await t.throwsAsync(tokens.run(tok, { a: 2 }, write));
  t.is((mismatch as AwsError).code, 'IdempotentParameterMismatchException');
  t.is(await tokens.run({ ...tok, region: 'other' }, { a: 2 }, write), 2, 'a token is per account and region');
  now += 10 * 60 * 1000 + 1;
  t.is(await tokens.run(tok, { a: 2 }, write), 3);
  const bad = { ...tok, token: 'bad' };
  await t.throwsAsync(tokens.run(bad, {}, async () => { throw ccf(); }));
  t.is(await tokens.run(bad, {}, write), 4); // a failed transaction leaves the token free
});

test('a token is remembered by the store: a new instance (a restart) replays it and refuses other parameters', async (t) => {
  let now = 5_000_000;
  const meta = new MemoryMetaStore();
  const write = (answer: unknown) => async (record: (a: unknown) => MetaOp) => { await meta.batch([record(answer)]); return answer; };
  const tok = { account: '1', region: 'r', token: 'tok' };
  const binary = { ItemCollectionMetrics: { t: [{ ItemCollectionKey: { pk: { B: new Uint8Array([0, 255]) } } }] } };
  await new IdempotencyTokens(meta, () => now).run(tok, { b: 1, a: [1, 2] }, write(binary));
  const restarted = new IdempotencyTokens(meta, () => now);
  t.deepEqual(await restarted.run(tok, { a: [1, 2], b: 1 }, write('again')), binary, 'same parameters in another member order: the first answer, binary intact');
  const mismatch = await t.throwsAsync(restarted.run(tok, { a: [2, 1], b: 1 }, write('x')));
  t.is((mismatch as AwsError).code, 'IdempotentParameterMismatchException');
  now += 10 * 60 * 1000;
  t.is(await restarted.run(tok, { a: 9 }, write('new')), 'new', 'expired: a new request');
});

test('a token whose first request is still running: TransactionInProgressException; other parameters: mismatch', async (t) => {
  const meta = new MemoryMetaStore();
  const tokens = new IdempotencyTokens(meta, () => 0);
  const tok = { account: '1', region: 'r', token: 'tok' };
  let finish!: () => void;
  const first = tokens.run(tok, { a: 1 }, async (record) => { await new Promise<void>((r) => { finish = r; }); await meta.batch([record(1)]); return 1; });
  const again = await t.throwsAsync(tokens.run(tok, { a: 1 }, async () => 2));
  t.is((again as AwsError).code, 'TransactionInProgressException');
  t.is((again as AwsError).message, 'Transaction from previous request is still in progress');
  const other = await t.throwsAsync(tokens.run(tok, { a: 2 }, async () => 2));
  t.is((other as AwsError).code, 'IdempotentParameterMismatchException');
  await new Promise((r) => setImmediate(r));
  finish();
  t.is(await first, 1);
});

test('records of expired 10-minute buckets are swept when a later bucket is written', async (t) => {
  let now = 0;
  const meta = new MemoryMetaStore();
  const tokens = new IdempotencyTokens(meta, () => now);
  const write = async (record: (a: number) => MetaOp) => { await meta.batch([record(1)]); return 1; };
  for (let i = 0; i < 3; i++) await tokens.run({ account: '1', region: 'r', token: `old${i}` }, {}, write);
  const count = async () => { let n = 0; for await (const _ of meta.iterate('dynamodb')) n++; return n; };
  t.is(await count(), 3);
  now += 10 * 60 * 1000; // next bucket: the old records may still be live
  await tokens.run({ account: '1', region: 'r', token: 'mid' }, {}, write);
  await tokens.settled();
  t.is(await count(), 4);
  now += 10 * 60 * 1000; // two buckets on: the first bucket's records have all expired
  await tokens.run({ account: '1', region: 'r', token: 'new' }, {}, write);
  await tokens.settled();
  t.is(await count(), 2);
});
