/**
 * Shared bodies' copy counts (body-counts.ts): the same answers as a Map through random creates,
 * releases and counts of older bodies after a restart, ids further apart than 32 bits hold, and 8
 * bytes a body for an SNS fan-out backlog rather than a Map's 65.
 */
import test from 'ava';
import { BodyCounts } from '../../../src/services/sqs/body-counts.js';

for (const [title, jumps] of [['', false], [', and ids drawn 2^32 numbers apart', true]] as const) test(`BodyCounts answers as a Map would, through appends, deletes in any order, holes, compaction and older ids${title}`, (t) => {
  const counts = new BodyCounts();
  const model = new Map<number, number>();
  let seed = 11;
  const rand = (n: number): number => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
  let next = 2 ** 40;
  for (let step = 0; step < 40_000; step++) {
    const r = rand(10);
    if (r < 4) {
      next += 1 + rand(20) + (jumps && rand(50) === 0 ? 2 ** 32 - rand(30) : 0);
      const n = 1 + rand(10);
      counts.set(next, n);
      model.set(next, n);
    } else if (r < 9 && model.size > 0) {
      // Release one copy of a live body, picked near the front or at random.
      const ids = [...model.keys()];
      const id = ids[rand(3) === 0 ? 0 : rand(ids.length)]!;
      const left = model.get(id)!;
      if (counts.get(id) !== left) { t.fail(`count of ${id}: ${counts.get(id)} against ${left}`); return; }
      if (left > 1) { counts.set(id, left - 1); model.set(id, left - 1); } else { counts.delete(id); model.delete(id); }
    } else {
      // A body from before a restart, counted now: an id below every one written since.
      const id = 1 + rand(1000);
      if (model.has(id)) continue;
      counts.set(id, 3);
      model.set(id, 3);
    }
    if (counts.size !== model.size) { t.fail(`size ${counts.size} against ${model.size}`); return; }
  }
  for (const [id, n] of model) t.is(counts.get(id), n);
  t.false(counts.has(next + 1));
  t.is(counts.get(next + 1), undefined);
  t.true(model.size > 100, `bodies left to compare (${model.size})`);
});

test('BodyCounts: 150,000 bodies of an SNS fan-out backlog hold about 8 bytes each, and give it back once drained', (t) => {
  const counts = new BodyCounts();
  const first = 2 ** 40 + 10;
  for (let i = 0; i < 150_000; i++) counts.set(first + 11 * i, 10);
  t.is(counts.size, 150_000);
  // Chunks, never a doubled copy: 8 bytes a body and at most one chunk (16 KiB) unfilled.
  t.true(counts.bytes <= 150_000 * 8 + 16 * 1024, `${counts.bytes} bytes`);
  for (let i = 0; i < 150_000; i++) counts.delete(first + 11 * i);
  t.is(counts.size, 0);
  t.true(counts.bytes < 64 * 1024, `${counts.bytes} bytes once drained`);
});

test('BodyCounts: bodies released out of order leave holes that are packed away once they outnumber the live ones', (t) => {
  const counts = new BodyCounts();
  const first = 2 ** 40;
  const n = 100_000;
  for (let i = 0; i < n; i++) counts.set(first + 11 * i, 2);
  const full = counts.bytes;
  // Every body but each tenth released (a consumer of most copies): no chunk empties, holes pile up.
  for (let i = 0; i < n; i++) if (i % 10 !== 0) counts.delete(first + 11 * i);
  t.is(counts.size, n / 10);
  t.true(counts.bytes <= full / 2, `${counts.bytes} bytes for ${counts.size} bodies, ${full} when full`);
  for (let i = 0; i < n; i += 10) if (counts.get(first + 11 * i) !== 2) { t.fail(`body ${i}`); return; }
  t.false(counts.has(first + 11));
  // New bodies append after the packed ones.
  counts.set(first + 11 * n, 3);
  t.is(counts.get(first + 11 * n), 3);
  t.is(counts.size, n / 10 + 1);
});
