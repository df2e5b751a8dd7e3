/**
 * read-page.ts reads one page of a Query or Scan. Here on a store that hands over prepared
 * batches: the 1 MB and Limit cuts, the counts and the last item are DynamoDB's, whatever the
 * batches; and a long page lets other work run while it reads, inside a batch too, so a Scan
 * never holds the event loop.
 */
import test from 'ava';
import { serializeItem } from '../../../src/services/dynamodb/item-codec.js';
import type { ItemStore } from '../../../src/services/dynamodb/item-store.js';
import { PAGE_BYTES, readPage, type ItemPredicate } from '../../../src/services/dynamodb/read-page.js';
import { itemSize, type Item } from '../../../src/services/dynamodb/values/index.js';

const itemAt = (i: number): Item => ({ id: { S: `item-${String(i).padStart(5, '0')}` }, n: { N: String(i) }, v: { S: 'é'.repeat(i % 7) } });

/** A store whose range holds `count` items, handed over in batches of `batchSize`. */
function storeOf(count: number, batchSize: number): ItemStore {
  const texts = Array.from({ length: count }, (_, i) => serializeItem(itemAt(i)));
  return {
    async *texts() {
      for (let i = 0; i < texts.length; i += batchSize) yield texts.slice(i, i + batchSize);
    },
  } as unknown as ItemStore;
}

const below = (x: number): ItemPredicate => ({ test: (item) => Number(item.n!.N) < x, reads: new Set(['n']) });

/** Runs `work` while a setImmediate chain counts the turns of the event loop it let through. */
async function turnsDuring<T>(work: () => Promise<T>): Promise<{ result: T; turns: number }> {
  let turns = 0;
  let running = true;
  const tick = (): void => { if (running) { turns++; setImmediate(tick); } };
  setImmediate(tick);
  try {
    return { result: await work(), turns };
  } finally {
    running = false;
  }
}

test('the counts and sizes of a page do not depend on how the store batches it', async (t) => {
  const expectedBytes = Array.from({ length: 3000 }, (_, i) => itemSize(itemAt(i))).reduce((a, b) => a + b, 0);
  for (const batchSize of [1, 32, 1000, 3000]) {
    const page = await readPage(storeOf(3000, batchSize), {}, undefined, below(100));
    t.is(page.texts.length, 100);
    t.is(page.scanned, 3000);
    t.is(page.bytes, expectedBytes);
    t.is(page.last, undefined);
  }
});

test('Limit and 1 MB end a page at the item that reaches them, with that item as the last one', async (t) => {
  const limited = await readPage(storeOf(3000, 1000), {}, 1500, below(10));
  t.is(limited.scanned, 1500);
  t.is(limited.texts.length, 10);
  t.deepEqual(limited.last, itemAt(1499));
  // Items of about 30 bytes: the one whose size takes the sum to 1 MB or more ends the page.
  const sizes = Array.from({ length: 60000 }, (_, i) => itemSize(itemAt(i)));
  let sum = 0;
  let at = 0;
  while (sum < PAGE_BYTES) sum += sizes[at++]!;
  const full = await readPage(storeOf(60000, 1000), {}, undefined, undefined);
  t.is(full.scanned, at);
  t.is(full.bytes, sum);
  t.deepEqual(full.last, itemAt(at - 1));
});

test('a long page lets the event loop turn while it reads a batch', async (t) => {
  // The store's batches arrive without a turn of the loop here: every turn is the page's.
  const { result, turns } = await turnsDuring(() => readPage(storeOf(5000, 1000), {}, undefined, below(10)));
  t.is(result.scanned, 5000);
  t.true(turns >= 15, `${turns} turns`);
});
