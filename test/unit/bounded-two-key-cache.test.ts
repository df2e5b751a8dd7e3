import test from 'ava';
import { BoundedTwoKeyCache } from '../../src/util/bounded-two-key-cache.js';

test('values are found by both keys, and only by both', (t) => {
  const cache = new BoundedTwoKeyCache<number>(10);
  cache.set('host-a', 'x', 1);
  cache.set('host-b', 'x', 2);
  t.is(cache.get('host-a', 'x'), 1);
  t.is(cache.get('host-b', 'x'), 2);
  t.is(cache.get('host-a', 'y'), undefined);
  t.is(cache.get('host-c', 'x'), undefined);
});

test('once it holds max entries it is emptied whole before the next is kept', (t) => {
  const cache = new BoundedTwoKeyCache<number>(3);
  cache.set('a', '1', 1);
  cache.set('b', '2', 2);
  cache.set('a', '3', 3);
  t.is(cache.get('a', '1'), 1, 'three entries fit');
  cache.set('c', '4', 4);
  t.is(cache.get('a', '1'), undefined);
  t.is(cache.get('b', '2'), undefined);
  t.is(cache.get('a', '3'), undefined);
  t.is(cache.get('c', '4'), 4, 'the new entry is kept');
});
