/**
 * Micro benchmark: answering a read page with N stored items (the dynamodb-figures Query: 25
 * items of three attributes, ~140 bytes each; --items 1000: a Scan page's kept items), main
 * thread, no I/O, through the real JSON 1.0 encoder:
 *   decode    each stored text parsed (parseItem) and sized (itemSize), the answer encoded by its
 *             shape and JSON.stringify'd: before util/raw-json.ts
 *   splice    each text sized from its text (item-text.ts) and spliced into the answer as RawJson
 * Both answers are checked to parse to the same JSON. Prints JSON: µs per page (median of --reps).
 *   node dist/bench/micro/dynamodb-read-answer.js [--items 25] [--reps 2000]
 */
import { performance } from 'node:perf_hooks';
import { loadModel } from '../../src/model/generated/index.js';
import { getProtocol } from '../../src/protocols/index.js';
import { parseItem, serializeItem } from '../../src/services/dynamodb/item-codec.js';
import { ItemTextReader } from '../../src/services/dynamodb/item-text.js';
import { itemSize, type Item } from '../../src/services/dynamodb/values/index.js';
import { holdingRawJson, rawJsonAs } from '../../src/util/raw-json.js';
import { median } from '../lib/stats.js';

const arg = (name: string, fallback: number): number => Number(process.argv[process.argv.indexOf(name) + 1]) || fallback;
const count = arg('--items', 25);
const reps = arg('--reps', 2000);
const round = (x: number, digits = 2): number => Math.round(x * 10 ** digits) / 10 ** digits;

const model = await loadModel('dynamodb');
const json = getProtocol('json');
const ctx = { model, operation: model.operations.Query!, requestId: 'R' };
const texts = Array.from({ length: count }, (_, i) => serializeItem({ pk: { S: 'p' }, sk: { N: String(i) }, v: { S: 'y'.repeat(100) } }));

function decode(): string {
  let bytes = 0;
  const items: Item[] = texts.map((text) => { const item = parseItem(text); bytes += itemSize(item); return item; });
  return json.encode(ctx, { Items: items, Count: items.length, ScannedCount: items.length + bytes * 0 }).body as string;
}

function splice(): string {
  let bytes = 0;
  const reader = new ItemTextReader([]);
  const none: Item = {};
  const items = texts.map((text) => { bytes += reader.read(text, none); return rawJsonAs<Item>(text); });
  return json.encode(ctx, holdingRawJson({ Items: items, Count: items.length, ScannedCount: items.length + bytes * 0 })).body as string;
}

function time(run: () => string): number {
  for (let i = 0; i < 200; i++) run();
  const samples: number[] = [];
  for (let r = 0; r < 20; r++) {
    const t0 = performance.now();
    for (let i = 0; i < reps / 20; i++) run();
    samples.push(((performance.now() - t0) * 1000) / (reps / 20));
  }
  return round(median(samples));
}

if (JSON.stringify(JSON.parse(decode())) !== JSON.stringify(JSON.parse(splice()))) throw new Error('the two answers differ');
const results = { decodeUsPerPage: time(decode), spliceUsPerPage: time(splice) };
process.stdout.write(`${JSON.stringify({ benchmark: 'dynamodb-read-answer', items: count, itemBytes: texts[0]!.length, results, speedup: round(results.decodeUsPerPage / results.spliceUsPerPage, 1) }, null, 2)}\n`);
