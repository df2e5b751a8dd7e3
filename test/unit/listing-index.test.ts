import test from 'ava';
import { ListingIndex, type ObjectSummary } from '../../src/services/s3/listing-index.js';
import { isImmutable } from '../../src/util/immutable.js';

const summary = (size: number): ObjectSummary => ({ size, etag: `"${size}"`, lastModified: 0 });
const keysOf = (index: ListingIndex, bucket: string): string[] | undefined => index.of(bucket)?.range().map(([k]) => k);

test('a build installs in order, and later writes keep it current and immutable', (t) => {
  const index = new ListingIndex(10);
  t.true(index.wants('b'));
  index.install('b', index.writeCount('b'), [['a', summary(1)], ['c', summary(3)]]);
  t.false(index.wants('b'));
  index.put('b', 'b', summary(2));
  index.put('b', 'a', summary(10));
  index.delete('b', 'c');
  t.deepEqual(index.of('b')!.range().map(([k, s]) => [k, s.size]), [['a', 10], ['b', 2]]);
  t.true(isImmutable(index.of('b')!.get('a')));
  t.true(Object.isFrozen(index.of('b')!.get('b')));
});

test('a build that raced a write is not installed', (t) => {
  const index = new ListingIndex(10);
  const started = index.writeCount('b');
  index.put('b', 'late', summary(1)); // committed while the build was scanning
  index.install('b', started, [['a', summary(1)]]);
  t.is(index.of('b'), undefined);
  t.true(index.wants('b'), 'the next listing builds again');
});

test('the key budget is shared: a bucket that does not fit is listed from the store', (t) => {
  const index = new ListingIndex(3);
  index.install('b1', 0, [['a', summary(1)], ['b', summary(1)]]);
  t.is(index.buildLimit, 2);
  index.install('b2', 0, [['a', summary(1)], ['b', summary(1)]]);
  t.is(index.of('b2'), undefined);
  t.false(index.wants('b2'));
  index.put('b1', 'c', summary(1));
  t.deepEqual(keysOf(index, 'b1'), ['a', 'b', 'c']);
  index.put('b1', 'd', summary(1)); // past the budget: dropped
  t.is(index.of('b1'), undefined);
  t.false(index.wants('b1'));
  index.forgetBucket('b1');
  t.true(index.wants('b1'), 'a deleted bucket starts afresh');
  t.is(index.buildLimit, 4);
});
