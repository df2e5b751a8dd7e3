import test from 'ava';
import { ListingIndex, type ObjectSummary } from '../../src/services/s3/listing-index.js';
import { isImmutable } from '../../src/util/immutable.js';

const summary = (size: number): ObjectSummary => ({ size, etag: `"${size}"`, lastModified: 0 });
const keysOf = (index: ListingIndex, bucket: string): string[] | undefined => index.of(bucket)?.range().map(([k]) => k);
/** A build with no write during its scan: begin, then install what it read. */
function build(index: ListingIndex, bucket: string, entries: [string, ObjectSummary][], complete = true): void {
  index.install(bucket, index.beginBuild(bucket)!, entries, complete);
}

test('a build installs in order, and later writes keep it current and immutable', (t) => {
  const index = new ListingIndex(10);
  t.true(index.wants('b'));
  build(index, 'b', [['a', summary(1)], ['c', summary(3)]]);
  t.false(index.wants('b'));
  index.put('b', 'b', summary(2));
  index.put('b', 'a', summary(10));
  index.delete('b', 'c');
  t.deepEqual(index.of('b')!.range().map(([k, s]) => [k, s.size]), [['a', 10], ['b', 2]]);
  t.true(isImmutable(index.of('b')!.get('a')));
  t.true(Object.isFrozen(index.of('b')!.get('b')));
});

// Regression: a build that raced a write was thrown away, so under a steady write load every
// listing scanned the whole bucket twice and the index was never built (s3-mixed's allocation).
test('a build that raced writes is installed with them applied, the last write per key winning', (t) => {
  const index = new ListingIndex(10);
  const journal = index.beginBuild('b')!;
  t.is(index.beginBuild('b'), undefined, 'one build at a time');
  // Committed while the build was scanning: some seen by its scan, some not.
  index.put('b', 'late', summary(1));
  index.put('b', 'a', summary(5)); // seen by the scan with this value
  index.delete('b', 'c'); // the scan still saw it
  index.put('b', 'd', summary(1));
  index.delete('b', 'd'); // put and deleted again: gone
  index.put('b', 'e', summary(1));
  index.delete('b', 'e');
  index.put('b', 'e', summary(7)); // deleted and put again: there
  index.install('b', journal, [['a', summary(5)], ['c', summary(3)]], true);
  t.deepEqual(index.of('b')!.range().map(([k, s]) => [k, s.size]), [['a', 5], ['e', 7], ['late', 1]]);
  t.true(isImmutable(index.of('b')!.get('late')));
  index.put('b', 'z', summary(1));
  t.deepEqual(keysOf(index, 'b'), ['a', 'e', 'late', 'z'], 'kept current after install');
});

test('a build of a bucket deleted (and made again) meanwhile is never installed; a failed build can start again', (t) => {
  const index = new ListingIndex(10);
  const old = index.beginBuild('b')!;
  index.forgetBucket('b');
  const fresh = index.beginBuild('b')!;
  index.install('b', old, [['from-the-old-bucket', summary(1)]], true);
  t.is(index.of('b'), undefined);
  index.put('b', 'new', summary(1));
  index.install('b', fresh, [], true);
  t.deepEqual(keysOf(index, 'b'), ['new']);
  const failed = index.beginBuild('c')!;
  index.abandonBuild('c', failed);
  t.truthy(index.beginBuild('c'));
});

test('the key budget is shared: a bucket that does not fit is listed from the store', (t) => {
  const index = new ListingIndex(3);
  build(index, 'b1', [['a', summary(1)], ['b', summary(1)]]);
  t.is(index.buildLimit, 2);
  build(index, 'b2', [['a', summary(1)], ['b', summary(1)]]);
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

test('a scan cut short at the build limit marks the bucket too large, even if deletes since would make it fit', (t) => {
  const index = new ListingIndex(2);
  const journal = index.beginBuild('b')!;
  index.delete('b', 'a');
  index.install('b', journal, [['a', summary(1)], ['b', summary(1)], ['c', summary(1)]], false);
  t.is(index.of('b'), undefined);
  t.false(index.wants('b'));
  // Writes during a build that push a bucket past the budget do the same.
  const other = new ListingIndex(2);
  const j2 = other.beginBuild('b')!;
  other.put('b', 'x', summary(1));
  other.put('b', 'y', summary(1));
  other.install('b', j2, [['a', summary(1)]], true);
  t.is(other.of('b'), undefined);
  t.false(other.wants('b'));
});
