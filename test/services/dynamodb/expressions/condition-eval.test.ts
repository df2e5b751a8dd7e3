import test from 'ava';
import { ExpressionInput, compileCondition, parseConditionExpression } from '../../../../src/services/dynamodb/expressions/index.js';
import type { Item } from '../../../../src/services/dynamodb/values/index.js';

const item: Item = {
  id: { S: 'item-1' },
  n: { N: '42' },
  neg: { N: '-3.5' },
  s: { S: 'hello world' },
  b: { B: Uint8Array.from([1, 2, 3]) },
  yes: { BOOL: true },
  nul: { NULL: true },
  ss: { SS: ['red', 'green'] },
  ns: { NS: ['1', '2.5'] },
  bs: { BS: [Uint8Array.from([9])] },
  l: { L: [{ S: 'x' }, { N: '7' }, { M: { deep: { S: 'y' } } }] },
  m: { M: { a: { N: '1' }, nested: { M: { b: { S: 'z' } } } } },
  'odd name': { S: 'spaced' },
  u: { S: 'é\u{1D11E}' },
};

const values = {
  ':n42': { N: '42' }, ':n42b': { N: '42.00' }, ':n10': { N: '10' }, ':n100': { N: '100' }, ':s': { S: 'hello' }, ':world': { S: 'world' },
  ':b12': { B: Uint8Array.from([1, 2]) }, ':b2': { B: Uint8Array.from([2]) }, ':red': { S: 'red' }, ':x': { S: 'x' }, ':seven': { N: '7' },
  ':n25': { N: '2.5' }, ':b9': { B: Uint8Array.from([9]) }, ':tS': { S: 'S' }, ':tN': { S: 'N' }, ':tM': { S: 'M' }, ':three': { N: '3' },
  ':true': { BOOL: true }, ':z': { S: 'z' }, ':a': { S: 'a' }, ':zz': { S: 'zz' }, ':sset': { SS: ['green', 'red'] }, ':two': { N: '2' },
  ':eleven': { N: '11' }, ':lst': { L: [{ S: 'x' }, { N: '7' }, { M: { deep: { S: 'y' } } }] },
};

function check(expression: string, names?: Record<string, string>): boolean {
  const used: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) if (new RegExp(`${k}(?![0-9A-Za-z_])`).test(expression)) used[k] = v;
  const condition = parseConditionExpression('FilterExpression', expression, new ExpressionInput(names, Object.keys(used).length ? used : undefined));
  return compileCondition(condition)(item);
}

test('comparators on numbers, strings and binary', (t) => {
  t.true(check('n = :n42'));
  t.true(check('n = :n42b'));
  t.false(check('n <> :n42'));
  t.true(check('n > :n10'));
  t.true(check('n < :n100'));
  t.true(check('n >= :n42 AND n <= :n42'));
  t.true(check('neg < :n10'));
  t.true(check('s > :s'));
  t.true(check('b > :b12'));
  t.true(check('b < :b2'));
  t.false(check('s > :n10'), 'different types are not ordered');
  t.false(check('n = :s'));
});

test('absent attributes: comparisons are false except <>', (t) => {
  t.false(check('absent = :n42'));
  t.false(check('absent < :n42'));
  t.true(check('absent <> :n42'));
  t.false(check('absent BETWEEN :n10 AND :n100'));
  t.false(check('absent IN (:n42, :s)'));
});

test('BETWEEN and IN', (t) => {
  t.true(check('n BETWEEN :n10 AND :n100'));
  t.true(check('n BETWEEN :n42 AND :n42b'));
  t.false(check('n BETWEEN :n100 AND :n100'));
  t.true(check('n IN (:n10, :n42)'));
  t.false(check('n IN (:n10, :n100)'));
  t.true(check('s BETWEEN :a AND :zz'));
});

test('functions', (t) => {
  t.true(check('attribute_exists(m.nested.b)'));
  t.false(check('attribute_exists(m.nested.c)'));
  t.true(check('attribute_not_exists(l[5])'));
  t.true(check('attribute_exists(l[2].deep)'));
  t.true(check('attribute_type(s, :tS) AND attribute_type(n, :tN) AND attribute_type(m, :tM)'));
  t.false(check('attribute_type(s, :tN)'));
  t.true(check('begins_with(s, :s)'));
  t.false(check('begins_with(s, :world)'));
  t.true(check('begins_with(b, :b12)'));
  t.true(check('contains(s, :world)'));
  t.true(check('contains(ss, :red)'));
  t.true(check('contains(ns, :n25)'));
  t.true(check('contains(bs, :b9)'));
  t.true(check('contains(l, :x) AND contains(l, :seven)'));
  t.false(check('contains(n, :n42)'));
  t.true(check('size(s) = :eleven'));
  t.true(check('size(u) = :three'), 'strings count UTF-16 code units, as DynamoDB does');
  t.true(check('size(ss) = :two AND size(l) = :three AND size(m) = :two AND size(b) = :three'));
  t.false(check('size(n) = :two'), 'size of a number is undefined');
  t.true(check('#o = :x OR attribute_exists(#o)', { '#o': 'odd name' }));
});

test('precedence: NOT binds tighter than AND, AND tighter than OR', (t) => {
  // true OR (false AND false) = true; (true OR false) AND false would be false.
  t.true(check('n = :n42 OR n = :n10 AND n = :n100'));
  t.false(check('(n = :n42 OR n = :n10) AND n = :n100'));
  // NOT a AND b = (NOT a) AND b
  t.false(check('NOT n = :n42 AND n = :n42'));
  t.true(check('NOT (n = :n10 AND n = :n42)'));
  t.true(check('NOT NOT n = :n42'));
  t.true(check('n = :n42 and s = :s or yes = :true'));
});

test('documents and sets compare deeply; keywords are case-insensitive', (t) => {
  t.true(check('ss = :sset'));
  t.true(check('l = :lst'));
  t.true(check('n between :n10 and :n100 and n in (:n42)'));
  t.true(check('m.nested.b = :z'));
});
