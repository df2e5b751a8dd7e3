/**
 * stored-condition.ts tests filters on a stored item's text in place: for every condition and
 * item it must decide as the compiled condition does on the decoded item (condition-eval.ts),
 * whatever the item holds where the condition looks: nothing, another type, a nested value,
 * strings with escapes, non-ASCII and surrogate pairs (UTF-8 order), numbers long or short,
 * negative, fractional, or in a form other than the stored one.
 */
import test from 'ava';
import type { Condition, Operand } from '../../../src/services/dynamodb/expressions/ast.js';
import { compileCondition } from '../../../src/services/dynamodb/expressions/condition-eval.js';
import { conditionAttributes } from '../../../src/services/dynamodb/expressions/condition-attributes.js';
import { parseItem, serializeItem } from '../../../src/services/dynamodb/item-codec.js';
import { ItemTextReader } from '../../../src/services/dynamodb/item-text.js';
import { compileStoredCondition, storedDecimal } from '../../../src/services/dynamodb/stored-condition.js';
import type { AttributeValue, Item } from '../../../src/services/dynamodb/values/index.js';

const STRINGS = ['', 'a', 'a"b', 'ab', 'abc', 'b', 'item-1', 'item-10', 'quote " in', 'back \\ slash', 'ctl \u0001', 'é', 'ü z', '日本', '\uffff', '\ue000', '😀', '😀a', 'lone \ud800', 'x'.repeat(20)];
const NUMBERS = ['0', '1', '-1', '7', '10', '100', '999', '1000', '-0.5', '0.5', '0.25', '12.5', '-12.5', '0.001', '123456789012345', '1234567890123456',
  '-123456789012.5', '12345678901234567890123456789012345678', '0.00000000000000001', '1E+3', '1e2', '9.99E-100', '-1E+100'];

function rng(seed: number): () => number {
  let state = seed;
  return () => { state = (Math.imul(state, 1103515245) + 12345) >>> 0; return state / 4294967296; };
}

function scalar(next: () => number): AttributeValue {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  switch (Math.floor(next() * 9)) {
    case 0: case 1: case 2: return { S: pick(STRINGS) };
    case 3: case 4: case 5: return { N: pick(NUMBERS) };
    case 6: return { B: Buffer.from([Math.floor(next() * 256), 1]) };
    case 7: return { BOOL: next() < 0.5 };
    default: return { NULL: true };
  }
}

function value(next: () => number, depth: number): AttributeValue {
  const k = Math.floor(next() * (depth > 1 ? 6 : 10));
  if (k < 6) return scalar(next);
  if (k === 6) return { SS: ['a', 'é', 'b "q"'].slice(0, 1 + Math.floor(next() * 3)) };
  if (k === 7) return { NS: ['1', '-2.5', '1000'].slice(0, 1 + Math.floor(next() * 3)) };
  if (k === 8) return { L: Array.from({ length: Math.floor(next() * 3) }, () => value(next, depth + 1)) };
  const m: Item = {};
  for (let i = Math.floor(next() * 3); i > 0; i--) m[['a', 'n', 'é'][i % 3]!] = value(next, depth + 1);
  return { M: m };
}

const NAMES = ['n', 's', 'm', 'é', '__proto__', 'toString'];

function operand(next: () => number): Operand {
  const r = next();
  if (r < 0.45) return { kind: 'path', path: [NAMES[Math.floor(next() * NAMES.length)]!] };
  if (r < 0.55) return { kind: 'path', path: next() < 0.5 ? ['m', 'n'] : ['m', 0] };
  if (r < 0.6) return { kind: 'size', operand: { kind: 'path', path: ['s'] } };
  return { kind: 'value', value: scalar(next) };
}

const path = (next: () => number): Operand => ({ kind: 'path', path: [NAMES[Math.floor(next() * NAMES.length)]!] });

function condition(next: () => number, depth: number): Condition {
  const r = next();
  if (depth < 2 && r < 0.2) return { kind: next() < 0.5 ? 'and' : 'or', left: condition(next, depth + 1), right: condition(next, depth + 1) };
  if (depth < 2 && r < 0.25) return { kind: 'not', condition: condition(next, depth + 1) };
  if (r < 0.6) {
    const ops = ['=', '<>', '<', '<=', '>', '>='] as const;
    const op = ops[Math.floor(next() * ops.length)]!;
    return next() < 0.7 ? { kind: 'compare', op, left: path(next), right: operand(next) } : { kind: 'compare', op, left: operand(next), right: path(next) };
  }
  if (r < 0.72) {
    // Bounds of one type most of the time (the stored form), sometimes of two.
    const low = scalar(next);
    const high = next() < 0.8 && (low.S !== undefined || low.N !== undefined) ? (low.S !== undefined ? { S: STRINGS[Math.floor(next() * STRINGS.length)]! } : { N: NUMBERS[Math.floor(next() * NUMBERS.length)]! }) : scalar(next);
    return { kind: 'between', operand: next() < 0.9 ? path(next) : operand(next), low: { kind: 'value', value: low }, high: { kind: 'value', value: high } };
  }
  if (r < 0.78) return { kind: 'in', operand: path(next), list: [operand(next), { kind: 'value', value: scalar(next) }] };
  const names = ['attribute_exists', 'attribute_not_exists', 'attribute_type', 'begins_with', 'contains'] as const;
  const name = names[Math.floor(next() * names.length)]!;
  const subject = next() < 0.85 ? path(next) : operand(next);
  if (name === 'attribute_exists' || name === 'attribute_not_exists') return { kind: 'function', name, args: [subject] };
  if (name === 'attribute_type') {
    const types = ['S', 'N', 'B', 'SS', 'NS', 'BS', 'M', 'L', 'BOOL', 'NULL', ''];
    return { kind: 'function', name, args: [subject, { kind: 'value', value: { S: types[Math.floor(next() * types.length)]! } }] };
  }
  const prefix: AttributeValue = next() < 0.8 ? { S: STRINGS[Math.floor(next() * STRINGS.length)]!.slice(0, Math.floor(next() * 4)) } : scalar(next);
  return { kind: 'function', name, args: [subject, { kind: 'value', value: prefix }] };
}

test('a condition tested on stored text decides as the compiled condition does on the decoded item', (t) => {
  const next = rng(11);
  let kept = 0;
  for (let n = 0; n < 3000; n++) {
    const item: Item = { id: { S: `item-${n}` } };
    for (const name of NAMES) if (next() < 0.6) Object.defineProperty(item, name, { value: value(next, 0), enumerable: true, writable: true });
    const text = serializeItem(item);
    // Without a prototype, as the page's decoded attributes: `toString` is the item's or absent.
    const decoded = Object.assign(Object.create(null) as Item, parseItem(text));
    for (let c = 0; c < 5; c++) {
      const cond = condition(next, 0);
      const reader = new ItemTextReader(conditionAttributes(cond));
      const stored = compileStoredCondition(cond, (name) => reader.slotOf(name));
      reader.read(text);
      const expected = compileCondition(cond)(decoded);
      if (expected) kept++;
      if (stored(reader) !== expected) t.fail(`${JSON.stringify(cond)} on ${text}: expected ${expected}`);
    }
  }
  // Both outcomes were exercised.
  t.true(kept > 1000 && kept < 14000, String(kept));
});

test('the page reader locates each wanted attribute and decodes it as the item decodes', (t) => {
  const next = rng(5);
  for (let n = 0; n < 1000; n++) {
    const item: Item = { id: { S: `item-${n}` } };
    for (const name of NAMES) if (next() < 0.6) Object.defineProperty(item, name, { value: value(next, 0), enumerable: true, writable: true });
    const text = serializeItem(item);
    const decoded = parseItem(text);
    const reader = new ItemTextReader([...NAMES, 'missing']);
    reader.read(text);
    for (const name of [...NAMES, 'missing']) {
      const own = Object.prototype.hasOwnProperty.call(decoded, name) ? decoded[name] : undefined;
      t.deepEqual(reader.valueOf(reader.slotOf(name)), own, `${name} of ${text}`);
    }
  }
});

test('storedDecimal gives the double the string conversion gives, NaN for other forms', (t) => {
  for (const text of ['0', '-0', '7', '-7', '0.5', '-0.001', '12.5', '123456789012345', '-12345678901.25', '0.1', '0.3', '0.1234567890123', '-1234567.890123', '999999999999999', '1.', '.5', '00012']) {
    t.is(Object.is(storedDecimal(text, 0, text.length), +text), true, text);
  }
  for (const text of ['1E+3', '1e2', '+5', '-', '', '1.2.3', '1234567890123456', '9007199254.740993', 'abc']) t.true(Number.isNaN(storedDecimal(text, 0, text.length)), text);
  // In place, between other characters.
  t.is(storedDecimal('{"N":"-12.5"}', 6, 11), -12.5);
});

test('edge cases of the in-place tests decide as the compiled condition does', (t) => {
  const at = (name: string): Operand => ({ kind: 'path', path: [name] });
  const v = (value: AttributeValue): Operand => ({ kind: 'value', value });
  const cases: [Item, Condition][] = [
    // A prefix running past the value: the closing quote after it must not count.
    [{ s: { S: 'a' } }, { kind: 'function', name: 'begins_with', args: [at('s'), v({ S: 'a"' })] }],
    [{ s: { S: 'a' } }, { kind: 'function', name: 'begins_with', args: [at('s'), v({ S: 'a' })] }],
    [{ s: { S: 'ab' }, e: { S: 'x\\y' } }, { kind: 'function', name: 'begins_with', args: [at('s'), v({ S: 'ab' })] }],
    // UTF-8 order: a surrogate pair (U+1F600) sorts after U+FFFF, not before it as UTF-16 does.
    [{ s: { S: '😀' } }, { kind: 'compare', op: '>', left: at('s'), right: v({ S: '\uffff' }) }],
    [{ s: { S: '\uffff' } }, { kind: 'compare', op: '<', left: at('s'), right: v({ S: '😀' }) }],
    [{ s: { S: 'ab' } }, { kind: 'compare', op: '<', left: at('s'), right: v({ S: 'abc' }) }],
    [{ s: { S: 'a"b' } }, { kind: 'compare', op: '=', left: at('s'), right: v({ S: 'a"b' }) }],
    // Numbers by value, whatever their text.
    [{ n: { N: '1000' } }, { kind: 'compare', op: '=', left: at('n'), right: v({ N: '1E+3' }) }],
    [{ n: { N: '12345678901234567890' } }, { kind: 'compare', op: '>', left: at('n'), right: v({ N: '12345678901234567889' }) }],
    [{ n: { N: '0.1' } }, { kind: 'compare', op: '<', left: v({ N: '0.09' }), right: at('n') }],
    [{ n: { N: '-0.5' } }, { kind: 'between', operand: at('n'), low: v({ N: '-1' }), high: v({ N: '-0.5' }) }],
    // Missing, or of another type: unequal and unordered.
    [{}, { kind: 'compare', op: '<>', left: at('n'), right: v({ N: '1' }) }],
    [{ n: { S: '1' } }, { kind: 'compare', op: '<>', left: at('n'), right: v({ N: '1' }) }],
    [{ n: { S: '1' } }, { kind: 'compare', op: '<=', left: at('n'), right: v({ N: '1' }) }],
    [{ n: { NS: ['1'] } }, { kind: 'compare', op: '=', left: at('n'), right: v({ N: '1' }) }],
    [{ n: { M: { n: { N: '1' } } } }, { kind: 'compare', op: '=', left: { kind: 'path', path: ['n', 'n'] }, right: v({ N: '1' }) }],
    [{ n: { N: '5' } }, { kind: 'between', operand: at('n'), low: v({ N: '1' }), high: v({ S: '9' }) }],
    [{ n: { BOOL: true } }, { kind: 'function', name: 'attribute_type', args: [at('n'), v({ S: 'BOOL' })] }],
    [{}, { kind: 'function', name: 'attribute_type', args: [at('n'), v({ S: '' })] }],
    [{ toString: { S: 'x' } }, { kind: 'function', name: 'attribute_exists', args: [at('toString')] }],
    [{}, { kind: 'function', name: 'attribute_exists', args: [at('toString')] }],
  ];
  for (const [item, cond] of cases) {
    const text = serializeItem(item);
    const reader = new ItemTextReader(conditionAttributes(cond));
    const stored = compileStoredCondition(cond, (name) => reader.slotOf(name));
    reader.read(text);
    t.is(stored(reader), compileCondition(cond)(Object.assign(Object.create(null) as Item, parseItem(text))), `${JSON.stringify(cond)} on ${text}`);
  }
  // And what they decide, spelled out for a few.
  const decide = (item: Item, cond: Condition): boolean => {
    const reader = new ItemTextReader(conditionAttributes(cond));
    const stored = compileStoredCondition(cond, (name) => reader.slotOf(name));
    reader.read(serializeItem(item));
    return stored(reader);
  };
  t.false(decide(cases[0]![0], cases[0]![1]));
  t.true(decide(cases[3]![0], cases[3]![1]));
  t.true(decide(cases[7]![0], cases[7]![1]));
  t.false(decide(cases[20]![0], cases[20]![1]));
});
