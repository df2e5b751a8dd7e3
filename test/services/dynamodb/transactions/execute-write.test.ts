import test from 'ava';
import { MemoryMetaStore } from '../../../../src/storage/memory/index.js';
import { KeyedMutex } from '../../../../src/util/keyed-mutex.js';
import { AwsError, isAwsError } from '../../../../src/errors/aws-error.js';
import { executeWriteTransaction, type WriteParticipant } from '../../../../src/services/dynamodb/transactions/execute-write.js';
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
  const tokens = new IdempotencyTokens(() => now);
  let writes = 0;
  const write = async () => ++writes;
  t.is(await tokens.run('tok', { a: 1 }, write), 1);
  t.is(await tokens.run('tok', { a: 1 }, write), 1);
  const mismatch = await t.throwsAsync(tokens.run('tok', { a: 2 }, write));
  t.is((mismatch as AwsError).code, 'IdempotentParameterMismatchException');
  now += 10 * 60 * 1000 + 1;
  t.is(await tokens.run('tok', { a: 2 }, write), 2);
  const failing = tokens.run('bad', {}, async () => { throw ccf(); });
  await t.throwsAsync(failing);
  t.is(await tokens.run('bad', {}, write), 3); // a failed transaction leaves the token free
});
