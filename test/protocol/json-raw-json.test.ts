/**
 * Values already in JSON form (src/util/raw-json.ts) in a JSON 1.0 answer: the compiled encoder
 * passes them through wherever a structure, list or map is expected, and the writer splices
 * their text; the rest of the answer is written exactly as JSON.stringify writes it.
 */
import test from 'ava';
import { loadModel } from '../../src/model/generated/index.js';
import { getProtocol } from '../../src/protocols/index.js';
import { stringifyWithRawJson } from '../../src/protocols/json/raw-json-stringify.js';
import { holdingRawJson, RawJson, rawJsonAs } from '../../src/util/raw-json.js';
import { mulberry32, type Random } from '../../src/bench/workload/prng.js';

const json = getProtocol('json');

function randomString(rnd: Random): string {
  const alphabet = ['a', 'Z', '"', '\\', '\n', '\u0000', 'é', '😀', '\ud800', '__proto__', ' '];
  let s = '';
  for (let i = Math.floor(rnd() * 6); i > 0; i--) s += alphabet[Math.floor(rnd() * alphabet.length)];
  return s;
}

/** A tree as the compiled encoder returns one: no undefined or null members, plain values. */
function randomTree(rnd: Random, depth: number): unknown {
  const pick = rnd();
  if (depth > 3 || pick < 0.3) {
    const leaf = rnd();
    return leaf < 0.3 ? randomString(rnd) : leaf < 0.6 ? Math.round((rnd() - 0.5) * 1e6) / 100 : leaf < 0.8 ? rnd() < 0.5 : '';
  }
  if (pick < 0.6) return Array.from({ length: Math.floor(rnd() * 4) }, () => randomTree(rnd, depth + 1));
  const out: Record<string, unknown> = {};
  for (let i = Math.floor(rnd() * 4); i > 0; i--) {
    const key = randomString(rnd);
    const value = randomTree(rnd, depth + 1);
    if (Object.prototype.hasOwnProperty.call(out, key)) continue;
    if (key === '__proto__') Object.defineProperty(out, key, { value, enumerable: true });
    else out[key] = value;
  }
  return out;
}

/** The tree with some subtrees replaced by RawJson of their JSON text. */
function withRawParts(rnd: Random, tree: unknown): unknown {
  if (tree !== null && typeof tree === 'object' && rnd() < 0.3) return new RawJson(JSON.stringify(tree));
  if (Array.isArray(tree)) return tree.map((v) => withRawParts(rnd, v));
  if (tree !== null && typeof tree === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(tree)) Object.defineProperty(out, k, { value: withRawParts(rnd, v), enumerable: true, writable: true });
    return out;
  }
  return tree;
}

test('without RawJson values the writer writes what JSON.stringify writes', (t) => {
  const rnd = mulberry32(20261205);
  for (let i = 0; i < 2000; i++) {
    const tree = randomTree(rnd, 0);
    t.is(stringifyWithRawJson(tree), JSON.stringify(tree));
  }
});

test('RawJson values are spliced in as their text', (t) => {
  const rnd = mulberry32(7);
  for (let i = 0; i < 2000; i++) {
    const tree = randomTree(rnd, 0);
    t.is(stringifyWithRawJson(withRawParts(rnd, tree)), JSON.stringify(tree));
  }
});

test('a DynamoDB answer holding stored items as RawJson encodes as the same answer with the items decoded', async (t) => {
  const model = await loadModel('dynamodb');
  const stored = [
    { pk: { S: 'p' }, sk: { N: '1' }, bin: { B: 'AAEC' }, set: { BS: ['AQ==', 'Ag=='] }, m: { M: { l: { L: [{ NULL: true }, { BOOL: false }, { SS: ['a', 'b"'] }] } } } },
    { pk: { S: 'p' }, sk: { N: '2' }, s: { S: 'é😀\u0000' } },
  ];
  const texts = stored.map((item) => JSON.stringify(item));
  const ctx = (name: string) => ({ model, operation: model.operations[name]!, requestId: 'R' });
  const cases: [string, Record<string, unknown>, Record<string, unknown>][] = [
    ['Query', { Items: texts.map((x) => rawJsonAs(x)), Count: 2, ScannedCount: 2, LastEvaluatedKey: { pk: { S: 'p' }, sk: { N: '2' } } }, { Items: stored, Count: 2, ScannedCount: 2, LastEvaluatedKey: { pk: { S: 'p' }, sk: { N: '2' } } }],
    ['GetItem', { Item: rawJsonAs(texts[0]!), ConsumedCapacity: { TableName: 't', CapacityUnits: 0.5 } }, { Item: stored[0], ConsumedCapacity: { TableName: 't', CapacityUnits: 0.5 } }],
    ['BatchGetItem', { Responses: { t: texts.map((x) => rawJsonAs(x)) }, UnprocessedKeys: {} }, { Responses: { t: stored }, UnprocessedKeys: {} }],
  ];
  for (const [operation, raw, decoded] of cases) {
    const spliced = json.encode(ctx(operation), holdingRawJson(raw)).body as string;
    // The stored form has binary as base64 already; the decoded form is written the same way.
    t.deepEqual(JSON.parse(spliced), JSON.parse(json.encode(ctx(operation), decoded).body as string), operation);
    t.true(spliced.includes(texts[0]!), `${operation}: the stored text is in the answer as it is`);
  }
});
