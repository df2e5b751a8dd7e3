/**
 * Micro benchmark: the per-item work of a filtered Scan page (the figure's workload: 10,000
 * stored items of three attributes, a filter `n < :x` keeping 10%), main thread, no I/O:
 *   decode-all   every item decoded (JSON.parse), sized (itemSize) and filtered: before item-text.ts
 *   text-first   size and the filter's attribute read from the stored text, kept items decoded
 *   pool         the `ddb-filter` pool task on the page (items joined into one buffer, filtered
 *                in a worker, kept items decoded back on the main thread); with --pool only,
 *                since it starts worker threads. Reports the main-thread time and the latency.
 * Prints JSON: ms per page (median of --reps), µs per item.
 *   node dist/bench/micro/dynamodb-scan.js [--items 10000] [--reps 30] [--pool]
 */
import { performance } from 'node:perf_hooks';
import { parseItem, serializeItem } from '../../src/services/dynamodb/item-codec.js';
import { ItemTextReader, readItemText } from '../../src/services/dynamodb/item-text.js';
import { compileCondition, conditionAttributes, parseRequestExpressions, toBatch } from '../../src/services/dynamodb/expressions/index.js';
import { itemSize, type Item } from '../../src/services/dynamodb/values/index.js';
import { createWorkerPool } from '../../src/pool/index.js';
import { median } from '../lib/stats.js';

const arg = (name: string, fallback: number): number => Number(process.argv[process.argv.indexOf(name) + 1]) || fallback;
const count = arg('--items', 10_000);
const reps = arg('--reps', 30);
const round = (x: number, digits = 2): number => Math.round(x * 10 ** digits) / 10 ** digits;

const texts = Array.from({ length: count }, (_, i) => serializeItem({ id: { S: `item-${String(i).padStart(5, '0')}` }, n: { N: String(i) }, v: { S: 'z'.repeat(16) } }));
const request = { FilterExpression: 'n < :x', ExpressionAttributeValues: { ':x': { N: String(Math.round(count / 10)) } } };
const condition = parseRequestExpressions(request).filter!;
const keep = compileCondition(condition);
const reads = conditionAttributes(condition);

function decodeAll(): number {
  const kept: Item[] = [];
  let bytes = 0;
  for (const text of texts) {
    const item = parseItem(text);
    bytes += itemSize(item);
    if (keep(item)) kept.push(item);
  }
  return kept.length + bytes * 0;
}

function textFirst(): number {
  const kept: Item[] = [];
  let bytes = 0;
  const reader = new ItemTextReader(reads);
  for (const text of texts) {
    const picked: Item = {};
    bytes += reader.read(text, picked);
    if (keep(picked)) kept.push(parseItem(text));
  }
  return kept.length + bytes * 0;
}

function time(run: () => unknown): { msPerPage: number; usPerItem: number } {
  for (let i = 0; i < 5; i++) run();
  const samples: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    run();
    samples.push(performance.now() - t0);
  }
  const ms = median(samples);
  return { msPerPage: round(ms), usPerItem: round((ms * 1000) / count, 3) };
}

const results: Record<string, unknown> = {
  'decode-all': time(decodeAll),
  'text-first': time(textFirst),
};
if (decodeAll() !== textFirst()) throw new Error('the two paths keep different items');

if (process.argv.includes('--pool')) {
  const pool = createWorkerPool({ maxThreads: 1, thresholds: { 'ddb-filter': 0 } });
  try {
    const page = async () => {
      const t0 = performance.now();
      const batch = toBatch(texts);
      const sizes = texts.reduce((sum, t) => sum + readItemText(t, new Set()).size, 0);
      const main0 = performance.now() - t0;
      const out = await pool.run({ kind: 'ddb-filter', items: batch, filter: condition });
      const t1 = performance.now();
      const kept = Array.from(out.matches, (i) => parseItem(texts[i]!));
      return { latency: performance.now() - t0, main: main0 + (performance.now() - t1), kept: kept.length + sizes * 0 };
    };
    for (let i = 0; i < 5; i++) await page();
    const runs = [];
    for (let i = 0; i < reps; i++) runs.push(await page());
    results.pool = { latencyMsPerPage: round(median(runs.map((r) => r.latency))), mainThreadMsPerPage: round(median(runs.map((r) => r.main))) };
  } finally {
    await pool.close();
  }
}

process.stdout.write(`${JSON.stringify({ benchmark: 'dynamodb-scan', items: count, itemBytes: texts[0]!.length, results }, null, 2)}\n`);
