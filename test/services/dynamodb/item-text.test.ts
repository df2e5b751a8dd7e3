/**
 * item-text.ts reads a stored item's size and a few attributes from its text without decoding
 * it: the size must equal values/item-size.ts on the decoded item for every type, nesting,
 * escape and non-ASCII character, and the picked attributes must equal the decoded ones.
 */
import test from 'ava';
import { parseItem, serializeItem } from '../../../src/services/dynamodb/item-codec.js';
import { readItemText, storedItemSize } from '../../../src/services/dynamodb/item-text.js';
import { itemSize, type AttributeValue, type Item } from '../../../src/services/dynamodb/values/index.js';

const STRINGS = ['', 'plain', 'quote " and \\ backslash', 'line\nbreak\ttab\u0001ctl', 'é ü ß', '日本語', '😀 pair', 'lone \ud800 surrogate', 'x'.repeat(300)];
const NUMBERS = ['0', '7', '-7', '0.5', '-0.001', '123.456', '10', '1000000', '-100.25', '12345678901234567890123456789012345678', '0.001', '-1.5', '1E+100', '9.99E-100', '100', '1000'];

function randomValue(next: () => number, depth: number): AttributeValue {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const kind = Math.floor(next() * (depth > 2 ? 8 : 10));
  switch (kind) {
    case 0: return { S: pick(STRINGS) };
    case 1: return { N: pick(NUMBERS) };
    case 2: return { B: Buffer.from(Array.from({ length: Math.floor(next() * 7) }, () => Math.floor(next() * 256))) };
    case 3: return { BOOL: next() < 0.5 };
    case 4: return { NULL: true };
    case 5: return { SS: [...new Set(Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(STRINGS)))] };
    case 6: return { NS: [...new Set(Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(NUMBERS)))] };
    case 7: return { BS: [Buffer.from([1, 2, 3]), Buffer.from([255])] };
    case 8: return { L: Array.from({ length: Math.floor(next() * 4) }, () => randomValue(next, depth + 1)) };
    default: {
      const m: Item = {};
      for (let i = Math.floor(next() * 4); i > 0; i--) m[pick(['a', 'b"q', 'ü', '😀', `k${i}`])] = randomValue(next, depth + 1);
      return { M: m };
    }
  }
}

test('the size read from the text equals itemSize of the decoded item; picked attributes equal decoded ones', (t) => {
  let state = 7;
  const next = () => { state = (Math.imul(state, 1103515245) + 12345) >>> 0; return state / 4294967296; };
  for (let n = 0; n < 2000; n++) {
    const item: Item = { id: { S: `item-${n}` } };
    for (let i = Math.floor(next() * 6); i > 0; i--) item[['n', 'v', 'name "q"', 'ünï', 'deep', `a${i}`][i % 6]!] = randomValue(next, 0);
    const text = serializeItem(item);
    const decoded = parseItem(text);
    const wanted = new Set(['n', 'deep', 'missing', 'ünï']);
    const { size, picked } = readItemText(text, wanted);
    t.is(size, itemSize(decoded), text);
    t.is(storedItemSize(text), size, text);
    const expected: Item = {};
    for (const name of wanted) if (decoded[name] !== undefined) expected[name] = decoded[name]!;
    t.deepEqual(picked, expected, text);
  }
});

test('an empty item and a corrupt text', (t) => {
  t.deepEqual(readItemText('{}', new Set(['a'])), { size: 0, picked: {} });
  t.throws(() => readItemText('{"a":{"X":1}}', new Set()), { message: /unknown type/ });
  t.throws(() => readItemText('{"a":{"S":"x"}', new Set()));
  // Cut inside a top-level name (its closing quote is searched for character by character).
  t.throws(() => readItemText('{"abc', new Set()), { message: /unexpected text at 1/ });
  t.throws(() => readItemText('{"a":{"S":"x"},"b', new Set(['b'])), { message: /unexpected text at 15/ });
});
