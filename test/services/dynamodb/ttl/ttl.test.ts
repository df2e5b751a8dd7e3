import test from 'ava';
import { serializeItem } from '../../../../src/services/dynamodb/item-codec.js';
import { ItemTextReader } from '../../../../src/services/dynamodb/item-text.js';
import { storedTestOf } from '../../../../src/services/dynamodb/read-page.js';
import { isExpired } from '../../../../src/services/dynamodb/ttl/expiry.js';
import { livePredicate } from '../../../../src/services/dynamodb/ttl/read-filter.js';
import type { AttributeValue, Item } from '../../../../src/services/dynamodb/values/index.js';
import { TtlSweeper, type TtlPort } from '../../../../src/services/dynamodb/ttl/sweeper.js';

const NOW = Date.UTC(2026, 11, 5, 12, 0, 0);

test('an item expires when its TTL Number of epoch seconds is at or before now, within five years', (t) => {
  const s = NOW / 1000;
  t.true(isExpired({ exp: { N: String(s) } }, 'exp', NOW));
  t.true(isExpired({ exp: { N: String(s - 1) } }, 'exp', NOW));
  t.false(isExpired({ exp: { N: String(s + 1) } }, 'exp', NOW));
  t.false(isExpired({ exp: { S: String(s - 1) } }, 'exp', NOW), 'a string never expires');
  t.false(isExpired({ exp: { N: String(s - 6 * 365 * 86400) } }, 'exp', NOW), 'more than five years old is left alone');
  t.false(isExpired({ other: { N: '1' } }, 'exp', NOW));
  t.false(isExpired({ exp: { N: '1' } }, undefined, NOW), 'TTL off');
});

test('the sweeper works through a table in bounded ticks and resumes where it stopped', async (t) => {
  const items = new Map(Array.from({ length: 250 }, (_, i) => [String(i).padStart(3, '0'), i % 2 === 0]));
  const looked: number[] = [];
  const port: TtlPort<{ id: string }> = {
    tablesWithTtl: () => [{ id: 't' }],
    async sweep(_table, after, limit) {
      const keys = [...items.keys()].sort().filter((k) => after === undefined || k > after).slice(0, limit);
      looked.push(keys.length);
      let deleted = 0;
      for (const k of keys) if (items.get(k)) { items.delete(k); deleted++; }
      return { last: keys.length === limit ? keys[keys.length - 1] : undefined, deleted };
    },
  };
  const sweeper = new TtlSweeper(port, { now: () => NOW, budget: 100 });
  t.is(await sweeper.tick(), 50);
  t.is(await sweeper.tick(), 50);
  t.is(await sweeper.tick(), 25);
  t.deepEqual(looked, [100, 100, 50]);
  t.is([...items.values()].filter(Boolean).length, 0);
  await sweeper.close();
});

test('a page tests TTL on the stored text as isExpired does on the decoded item', (t) => {
  const s = NOW / 1000;
  const live = livePredicate({ ttl: { attributeName: 'exp', enabled: true } }, NOW)!;
  const values: (AttributeValue | undefined)[] = [
    { N: String(s) }, { N: String(s - 1) }, { N: String(s + 1) }, { N: `${s - 1}.5` }, { N: `${s}.000001` }, { N: '1.7E+9' }, { N: '1' },
    { N: String(s - 6 * 365 * 86400) }, { N: '123456789012345678901234567890' }, { S: String(s - 1) }, { NS: [String(s - 1)] }, { M: { exp: { N: '1' } } }, undefined,
  ];
  let expired = 0;
  for (const exp of values) {
    for (const note of [{ S: 'plain' }, { S: 'quote " escaped' }]) {
      const item: Item = { id: { S: 'x' }, note, ...(exp ? { exp } : {}) };
      const reader = new ItemTextReader(live.reads);
      const test = storedTestOf(live, (name) => reader.slotOf(name));
      reader.read(serializeItem(item));
      t.is(test(reader), !isExpired(item, 'exp', NOW), JSON.stringify(item));
      if (!test(reader)) expired++;
    }
  }
  t.is(expired, 2 * 4);
});
