/** Which overlaps conflict, deterministically (the SDK-level races are in transaction-conflicts.test.ts). */
import test from 'ava';
import type { AwsError } from '../../../../src/errors/aws-error.js';
import { OngoingWrites } from '../../../../src/services/dynamodb/transactions/ongoing-writes.js';

const reasonsOf = (err: unknown) => ((err as AwsError).fields.CancellationReasons as unknown as Array<{ Code: string }>).map((r) => r.Code);

test('single-item writes are refused while a transaction holds the item, and only then', (t) => {
  const ongoing = new OngoingWrites();
  const plain = ongoing.beginItemWrite('a');
  t.notThrows(() => ongoing.beginItemWrite('a')(), 'plain writers never refuse each other');
  const tx = ongoing.beginTransaction(['a', 'b']);
  const err = t.throws(() => ongoing.beginItemWrite('b')) as AwsError;
  t.is(err.code, 'TransactionConflictException');
  t.is(err.message, 'Transaction is ongoing for the item');
  t.is(err.status, 400);
  t.notThrows(() => ongoing.beginItemWrite('c')());
  tx();
  t.notThrows(() => ongoing.beginItemWrite('b')(), 'free once the transaction is durable');
  plain();
  t.notThrows(() => ongoing.beginWrites(['a', 'b'])(), 'BatchWriteItem is never refused');
});

test('a transaction meeting another is cancelled with TransactionConflict at the shared items and claims nothing', (t) => {
  const ongoing = new OngoingWrites();
  const first = ongoing.beginTransaction(['b', 'd']);
  const err = t.throws(() => ongoing.beginTransaction(['a', 'b', 'c', 'd'])) as AwsError;
  t.is(err.code, 'TransactionCanceledException');
  t.deepEqual(reasonsOf(err), ['None', 'TransactionConflict', 'None', 'TransactionConflict']);
  t.is(err.message, 'Transaction cancelled, please refer cancellation reasons for specific reasons [None, TransactionConflict, None, TransactionConflict]');
  t.notThrows(() => ongoing.beginItemWrite('a')(), 'the cancelled one claimed nothing');
  t.notThrows(() => ongoing.beginTransaction(['a', 'c'])(), 'disjoint transactions go side by side');
  t.notThrows(() => ongoing.beginWrites(['b'])(), 'a plain writer is not refused: it waits for the lock');
  first();
  t.notThrows(() => ongoing.beginTransaction(['a', 'b', 'c', 'd'])());
});

test('a read is cancelled by writes ongoing when it starts and by writes starting during it, of any kind', (t) => {
  const ongoing = new OngoingWrites();
  const put = ongoing.beginItemWrite('b');
  const during = ongoing.beginRead(['a', 'b', 'c']);
  const batch = ongoing.beginWrites(['c']);
  const err = t.throws(() => during.end()) as AwsError;
  t.deepEqual(reasonsOf(err), ['None', 'TransactionConflict', 'TransactionConflict']);
  put();
  batch();
  t.notThrows(() => ongoing.beginRead(['a', 'b', 'c']).end(), 'nothing ongoing, nothing starting: the read stands');
  const read = ongoing.beginRead(['x']);
  ongoing.beginTransaction(['x'])();
  t.throws(() => read.end(), undefined, 'a transaction that started and finished during the read still cancels it');
  const other = ongoing.beginRead(['x']);
  ongoing.beginItemWrite('y')();
  t.notThrows(() => other.end(), 'a write of another item does not');
  t.notThrows(() => ongoing.beginItemWrite('x')(), 'a read never refuses a write');
});
