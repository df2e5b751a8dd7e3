/**
 * GroupCommit (services/dynamodb/group-commit.ts): concurrent commits share batches written one
 * at a time in call order, a call resolves only once its batch is written, queued values are
 * visible to writers through pending() until then, and a failed batch fails the calls behind it.
 */
import test from 'ava';
import type { MetaOp } from '../../../src/storage/meta-store.js';
import { GroupCommit, NOT_PENDING } from '../../../src/services/dynamodb/group-commit.js';

const put = (key: string, value: string): MetaOp => ({ type: 'put', ns: 'n', key, value });

/** A store whose batches finish only when the test says so. */
function gatedStore() {
  const written: MetaOp[][] = [];
  const gates: Array<{ open: () => void; fail: (err: Error) => void }> = [];
  const write = (ops: MetaOp[]) => new Promise<void>((resolve, reject) => {
    gates.push({ open: () => { written.push(ops); resolve(); }, fail: reject });
  });
  return { written, gates, write };
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

test('writes of one event-loop turn share the first batch; writes that arrive while it is in flight share the next, in call order, with closing ops once', async (t) => {
  const store = gatedStore();
  let closings = 0;
  const group = new GroupCommit(store.write, 'n', () => [put('stats', String(++closings))]);
  const settled: string[] = [];
  // The same turn: the first batch waits for all three (a first write used to go alone).
  const first = group.commit([put('a', '1')]).then(() => settled.push('a'));
  const second = group.commit([put('b', '1')]).then(() => settled.push('b'));
  const third = group.commit([put('a', '2'), put('c', '1')]).then(() => settled.push('c'));
  await tick();
  t.is(store.gates.length, 1, 'one batch in flight at a time');
  t.deepEqual(settled, [], 'nothing is acknowledged before its batch is written');
  t.is(group.pending('a'), '2', 'a writer sees the latest queued value');
  t.is(group.pending('zz'), NOT_PENDING);
  // Later turns, while the first batch is in flight.
  const fourth = group.commit([put('d', '1')]).then(() => settled.push('d'));
  await tick();
  const fifth = group.commit([put('a', '3')]).then(() => settled.push('e'));
  await tick();
  t.is(store.gates.length, 1, 'still one batch in flight');
  store.gates[0]!.open();
  await Promise.all([first, second, third]);
  await tick();
  t.deepEqual(settled, ['a', 'b', 'c']);
  t.is(group.pending('a'), '3', 'the value of the batch still queued');
  t.is(store.gates.length, 2);
  store.gates[1]!.open();
  await Promise.all([fourth, fifth]);
  t.deepEqual(settled, ['a', 'b', 'c', 'd', 'e']);
  t.deepEqual(store.written, [
    [put('a', '1'), put('b', '1'), put('a', '2'), put('c', '1'), put('stats', '1')],
    [put('d', '1'), put('a', '3'), put('stats', '2')],
  ]);
  for (const key of ['a', 'b', 'c', 'd']) t.is(group.pending(key), NOT_PENDING, `pending values go once durable (${key})`);
});

test('a delete is pending as undefined; commit([]) waits for everything queued before it', async (t) => {
  const store = gatedStore();
  const group = new GroupCommit(store.write, 'n');
  const del = group.commit([{ type: 'del', ns: 'n', key: 'a' }]);
  t.is(group.pending('a'), undefined);
  let flushed = false;
  const flush = group.commit([]).then(() => { flushed = true; });
  await tick();
  store.gates[0]!.open();
  await del;
  await flush;
  t.true(flushed);
  t.is(store.gates.length, 1, 'an empty flush writes nothing');
});

test('a failed batch fails the calls queued behind it and drops pending values', async (t) => {
  const store = gatedStore();
  const group = new GroupCommit(store.write, 'n');
  const first = group.commit([put('a', '1')]);
  const behind = group.commit([put('a', '2')]);
  await tick();
  store.gates[0]!.fail(new Error('disk full'));
  await t.throwsAsync(first, { message: 'disk full' });
  await t.throwsAsync(behind, { message: 'disk full' });
  t.is(group.pending('a'), NOT_PENDING);
  const later = group.commit([put('a', '3')]);
  await tick();
  store.gates[1]!.open();
  await later;
  t.deepEqual(store.written, [[put('a', '3')]]);
});
