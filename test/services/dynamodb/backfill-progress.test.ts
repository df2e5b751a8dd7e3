/**
 * BackfillProgress: which items a GSI backfill has counted. Keys compare in store order (UTF-8
 * bytes), not JS string order, and dropping passed keys from memory never changes an answer.
 */
import test from 'ava';
import { BackfillProgress } from '../../../src/services/dynamodb/backfill-progress.js';

test('keys up to the cursor and keys counted ahead of it are counted; others are not', (t) => {
  const p = new BackfillProgress();
  t.false(p.counted('a'));
  p.markCounted('m');
  t.true(p.counted('m'));
  t.false(p.counted('c'));
  p.advance('c');
  t.deepEqual(['a', 'c', 'ca', 'm', 'z'].map((k) => p.counted(k)), [true, true, false, true, false]);
});

test('the cursor compares in store order: a key with a character beyond U+FFFF sorts after U+FFFD', (t) => {
  const p = new BackfillProgress();
  // In JS '\u{1F600}' < '\uFFFD' (UTF-16 units); in UTF-8, as LevelDB stores keys, it is after.
  p.advance('k\uFFFD');
  t.false(p.counted('k\u{1F600}'), 'not reached yet by a backfill walking the store in order');
  t.true(p.counted('k\uE000'));
});

test('dropping the keys the cursor passed changes no answer', (t) => {
  const p = new BackfillProgress();
  const keys = Array.from({ length: 5000 }, (_, i) => `k${String(i).padStart(5, '0')}`);
  for (let i = 0; i < keys.length; i += 2) p.markCounted(keys[i]!);
  for (let c = 0; c < keys.length; c += 700) p.advance(keys[c]!);
  const last = keys[Math.floor((keys.length - 1) / 700) * 700]!;
  for (const [i, k] of keys.entries()) t.is(p.counted(k), k <= last || i % 2 === 0, k);
});
