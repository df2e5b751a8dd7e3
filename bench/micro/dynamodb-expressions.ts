/**
 * Micro benchmark: DynamoDB FilterExpression parse and per-item evaluation, boltstack vs dynalite.
 *
 * A typical Scan filter (a string equality through a placeholder name, a numeric BETWEEN, a
 * set `contains` and an attribute_exists on a nested path) over 1,000 varied items, and a
 * projection of three attributes. Reports, side by side in one run:
 *   parseUs      parse + validate + resolve placeholders once per request;
 *   nsPerEval    evaluation per item (boltstack: compiled closures; dynalite: its AST walk);
 *   nsPerProject projection per item (boltstack only);
 * and the ratio dynalite/boltstack (higher is better for boltstack). dynalite's numbers are
 * compared with big.js, ours as doubles when exact, which is most of the difference.
 * With --pool it instead measures the inline/pool threshold of the `ddb-filter` pool task (a
 * batch of stored items, DynamoDB JSON one per line, filtered and projected): per batch size the
 * latency inline, through a warm pool, and the main-thread time a pooled batch still costs; the
 * suggested threshold follows the rule of src/pool/thresholds.ts (pool from the size where it
 * saves the event loop at least a third of the inline time and at least 1 ms).
 * Prints JSON.   node dist/bench/micro/dynamodb-expressions.js [--time 1000] [--items 1000] [--pool]
 */
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { Bench } from 'tinybench';
import {
  compileCondition, compileProjection, filterBatch, parseRequestExpressions, toBatch,
} from '../../src/services/dynamodb/expressions/index.js';
import { stringifyItemJson, type Item } from '../../src/services/dynamodb/values/index.js';
import { createWorkerPool } from '../../src/pool/index.js';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) || fallback : fallback;
};
const time = arg('--time', 1000);
const round = (x: number, digits = 1): number => Math.round(x * 10 ** digits) / 10 ** digits;
const count = arg('--items', 1000);

const request = {
  FilterExpression: '#st = :active AND price BETWEEN :lo AND :hi AND contains(tags, :tag) AND attribute_exists(meta.holder)',
  ProjectionExpression: 'id, price, meta.holder',
  ExpressionAttributeNames: { '#st': 'status' },
  ExpressionAttributeValues: {
    ':active': { S: 'active' }, ':lo': { N: '10' }, ':hi': { N: '500.5' }, ':tag': { S: 'blue' },
  },
};

const items: Item[] = Array.from({ length: count }, (_, i) => ({
  id: { S: `item-${i}` },
  status: { S: i % 3 === 0 ? 'inactive' : 'active' },
  price: { N: String((i * 7.25) % 1000) },
  tags: { SS: i % 2 === 0 ? ['blue', 'red'] : ['green'] },
  meta: { M: { created: { N: String(1700000000 + i) }, ...(i % 5 === 0 ? {} : { holder: { S: `user-${i % 17}` } }) } as Item },
  description: { S: 'x'.repeat(40) },
}));

if (process.argv.includes('--pool')) {
  await poolThreshold();
  process.exit(0);
}

/** The ddb-filter task inline vs pooled, per batch size. */
async function poolThreshold(): Promise<void> {
  const parsedRequest = parseRequestExpressions(request);
  const inline = createWorkerPool({ thresholds: { 'ddb-filter': Infinity } });
  const pooled = createWorkerPool({ thresholds: { 'ddb-filter': 0 }, maxThreads: 1 });
  const rows: { items: number; bytes: number; inlineMs: number; poolMs: number; poolMainThreadMs: number }[] = [];
  for (const n of [25, 100, 400, 1600, 6400]) {
    const batch = toBatch(Array.from({ length: n }, (_, i) => stringifyItemJson(items[i % items.length]!)));
    const make = () => ({ kind: 'ddb-filter' as const, items: new Uint8Array(batch), filter: parsedRequest.filter!, projection: parsedRequest.projection! });
    const keep = compileCondition(parsedRequest.filter!);
    const expected = Array.from({ length: n }, (_, i) => items[i % items.length]!).filter(keep).length;
    if (filterBatch(make()).matches.length !== expected || (await pooled.run(make())).matches.length !== expected) throw new Error('the batch task disagrees with the filter');
    const bench = new Bench({ time: Math.min(time, 500), warmupTime: 50, iterations: n >= 1600 ? 6 : 30, warmupIterations: 3 });
    bench.add('inline', async () => void (await inline.run(make()))).add('pool', async () => void (await pooled.run(make())));
    await bench.run();
    // Medians: on a shared machine the means carry other processes' scheduling.
    const mean = (name: string): number => (bench.getTask(name)!.result as { latency: { p50: number } }).latency.p50;
    const reps = n >= 1600 ? 10 : 50;
    const before = performance.eventLoopUtilization();
    for (let i = 0; i < reps; i++) await pooled.run(make());
    const busy = performance.eventLoopUtilization(before).active / reps;
    rows.push({ items: n, bytes: batch.byteLength, inlineMs: round(mean('inline'), 3), poolMs: round(mean('pool'), 3), poolMainThreadMs: round(busy, 3) });
  }
  await inline.close();
  await pooled.close();
  const worth = (r: (typeof rows)[number]): boolean => r.inlineMs - r.poolMainThreadMs >= Math.max(r.inlineMs / 3, 1);
  const from = rows.findIndex((r, i) => rows.slice(i).every(worth));
  process.stdout.write(JSON.stringify({ bench: 'dynamodb-expressions --pool', rows, suggestedThresholdBytes: from < 0 ? null : rows[from]!.bytes }, null, 2) + '\n');
}

// dynalite (a devDependency) has no types: its validation and evaluation entry points, as it calls them.
const require = createRequire(import.meta.url);
interface DynaliteRequest { FilterExpression: string; _filter?: { expression: unknown } }
const dynaliteValidations = require('dynalite/validations/index.js') as { validateExpressions: (data: DynaliteRequest) => string | undefined };
const dynaliteDb = require('dynalite/db/index.js') as { matchesExprFilter: (item: unknown, expression: unknown) => boolean };
const dynaliteParse = (): unknown => {
  const data: DynaliteRequest = JSON.parse(JSON.stringify({ ...request, ProjectionExpression: undefined })) as DynaliteRequest;
  const problem = dynaliteValidations.validateExpressions(data);
  if (problem) throw new Error(problem);
  return data._filter!.expression;
};

const parsed = parseRequestExpressions(request);
const filter = compileCondition(parsed.filter!);
const projector = compileProjection(parsed.projection!);
const dynaliteExpression = dynaliteParse();

// Both engines must agree before their speed means anything.
const ours = items.filter(filter).length;
const theirs = items.filter((item) => dynaliteDb.matchesExprFilter(item, dynaliteExpression)).length;
if (ours !== theirs) throw new Error(`engines disagree: boltstack ${ours} matches, dynalite ${theirs}`);

let sink = 0;
const bench = new Bench({ time, warmupTime: 200 });
bench.add('boltstack parse', () => { sink += parseRequestExpressions(request).filter ? 1 : 0; });
bench.add('dynalite parse', () => { sink += dynaliteParse() ? 1 : 0; });
bench.add('boltstack eval', () => { for (const item of items) if (filter(item)) sink++; });
bench.add('dynalite eval', () => { for (const item of items) if (dynaliteDb.matchesExprFilter(item, dynaliteExpression)) sink++; });
bench.add('boltstack project', () => { for (const item of items) sink += Object.keys(projector(item)).length; });
await bench.run();

const p50Us = (name: string): number => {
  const task = bench.tasks.find((t) => t.name === name)!;
  return ((task.result as { latency?: { p50: number } }).latency?.p50 ?? NaN) * 1000;
};
const ours_ = { parseUs: round(p50Us('boltstack parse'), 2), nsPerEval: round((p50Us('boltstack eval') * 1000) / count), nsPerProject: round((p50Us('boltstack project') * 1000) / count) };
const theirs_ = { parseUs: round(p50Us('dynalite parse'), 2), nsPerEval: round((p50Us('dynalite eval') * 1000) / count) };
process.stdout.write(JSON.stringify({
  bench: 'dynamodb-expressions', items: count, matches: ours, filter: request.FilterExpression,
  boltstack: ours_, dynalite: theirs_,
  ratio: { eval: round(theirs_.nsPerEval / ours_.nsPerEval, 2), parse: round(theirs_.parseUs / ours_.parseUs, 2) },
  sink: sink > 0,
}, null, 2) + '\n');
