import test from 'ava';
import { filterBatch, batchLines, parseRequestExpressions, toBatch } from '../../../../src/services/dynamodb/expressions/index.js';
import { parseItemJson, stringifyItemJson, type Item } from '../../../../src/services/dynamodb/values/index.js';
import { createWorkerPool } from '../../../../src/pool/index.js';

const items: Item[] = Array.from({ length: 50 }, (_, i) => ({
  id: { S: `i${i}` }, n: { N: String(i) }, b: { B: Uint8Array.from([i, 255 - i]) }, tags: { SS: i % 2 ? ['odd'] : ['even', 'x\ny'] },
}));
const parsed = parseRequestExpressions({
  FilterExpression: 'n >= :ten AND contains(tags, :even)', ProjectionExpression: 'id, b',
  ExpressionAttributeValues: { ':ten': { N: '10' }, ':even': { S: 'even' } },
});
const expected = items.filter((item) => Number(item['n']!.N) >= 10 && item['tags']!.SS!.includes('even'));

test('DynamoDB JSON keeps binary and survives newlines inside strings', (t) => {
  const text = stringifyItemJson(items[3]!);
  t.false(text.includes('\n'));
  t.deepEqual(parseItemJson(text), { ...items[3]!, b: { B: Buffer.from([3, 252]) } });
  t.deepEqual(batchLines(toBatch(items.map(stringifyItemJson))).length, items.length);
  t.deepEqual(batchLines(new Uint8Array(0)), []);
});

test('filterBatch keeps the matching lines and projects them', (t) => {
  const out = filterBatch({ items: toBatch(items.map(stringifyItemJson)), filter: parsed.filter!, projection: parsed.projection! });
  t.deepEqual([...out.matches], expected.map((item) => Number(item['n']!.N)));
  t.deepEqual(batchLines(out.projected!).map(parseItemJson), expected.map((item) => ({ id: item['id']!, b: { B: Buffer.from(item['b']!.B!) } })));
  t.is(filterBatch({ items: toBatch(items.map(stringifyItemJson)) }).matches.length, items.length);
});

test('the ddb-filter pool task gives the same answer in a worker thread', async (t) => {
  const pool = createWorkerPool({ thresholds: { 'ddb-filter': 0 }, maxThreads: 1 });
  try {
    const out = await pool.run({ kind: 'ddb-filter', items: toBatch(items.map(stringifyItemJson)), filter: parsed.filter!, projection: parsed.projection! });
    t.deepEqual([...out.matches], expected.map((item) => Number(item['n']!.N)));
    t.is(batchLines(out.projected!).length, expected.length);
    t.is(pool.threads, 1, 'it really ran in a worker');
  } finally {
    await pool.close();
  }
});
