import test from 'ava';
import { ExpressionInput, parseUpdate } from '../../../../src/services/dynamodb/expressions/index.js';
import { validationMessage } from './helpers.js';

const u = (expression: string, names?: Record<string, string>, values?: Record<string, unknown>): string =>
  validationMessage(() => parseUpdate(expression, new ExpressionInput(names, values)));

const SOME_VALUES = { ':a': { S: 'a' }, ':b': { S: 'a' } };
const SOME_NAMES = { '#a': 'a', '#b': 'b' };

test('syntax errors', (t) => {
  t.is(u(''), 'Invalid UpdateExpression: The expression can not be empty;');
  for (const expression of [
    'whatever', 'set a', 'add a', 'delete a', 'set a=set', 'remove a = b', 'add a = b', 'delete a = b', 'delete a b',
    'delete a if_not_exist(b)', 'add abort b', 'add a if_not_exist(b)', 'remove a b', 'set a b', 'set :a = b', 'add :a b',
    'delete :a b', 'remove :a', 'set a = b / c', 'set a = b * c', 'set a[1] = "eight"', 'set a[1] = 1', 'SET if_not_exist(a, b) = a',
    'set (a = (b + c))', 'set a = (b.c).d + e', 'set a = (b.c)[0] + e', 'set a = b + c + d', 'set a = b,', 'set a = b remove',
  ]) {
    t.regex(u(expression), /^Invalid UpdateExpression: Syntax error; token: ".*", near: ".*"$/, expression);
  }
  t.is(u('set a = b c'), 'Invalid UpdateExpression: Syntax error; token: "c", near: "b c"');
});

test('errors in AWS priority order', (t) => {
  t.is(u(' set #c = :c set abOrt = true ', SOME_NAMES, SOME_VALUES), 'Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: abOrt');
  t.is(u(' remove Absolute ', SOME_NAMES, SOME_VALUES), 'Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: Absolute');
  t.is(u('set #c = if_not_exist(:c) set c = d', SOME_NAMES, SOME_VALUES), 'Invalid UpdateExpression: Invalid function name; function: if_not_exist');
  for (const [expression, section] of [
    ['set a = #c set c = :d', 'SET'], ['remove #d set a = b remove e', 'REMOVE'], ['add #d :e set a = b add e :f', 'ADD'], ['delete #d :e set a = b delete #e :f', 'DELETE'],
  ]) {
    t.is(u(expression!, SOME_NAMES, SOME_VALUES), `Invalid UpdateExpression: The "${section}" section can only be used once in an update expression;`);
  }
  t.is(u('SET #c = if_not_exists(:c)', SOME_NAMES, SOME_VALUES), 'Invalid UpdateExpression: An expression attribute name used in the document path is not defined; attribute name: #c');
  t.is(u('SET #a = if_not_exists(:c)', SOME_NAMES, SOME_VALUES), 'Invalid UpdateExpression: An expression attribute value used in expression is not defined; attribute value: :c');
});

test('overlapping and conflicting paths', (t) => {
  const names = { '#c': 'c', '#d': '[3]' };
  for (const [expression, one, two] of [
    ['set d[1] = a, d.b = a, c[1].a = a, #c = if_not_exists(a)', '[c, [1], a]', '[c]'], ['set c.b.#c = a, c = a, #d = a', '[c, b, c]', '[c]'],
    ['set a = b remove a, #c, #d', '[a]', '[a]'], ['set #c[3].#d = a, #c[3] = a', '[c, [3], [3]]', '[c, [3]]'],
    ['remove c, #c.a, #d', '[c]', '[c, a]'], ['remove a, #c, a, #d', '[a]', '[a]'],
  ]) {
    t.is(u(expression!, names), `Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: ${one}, path two: ${two}`, expression);
  }
  for (const [expression, one, two] of [
    ['set #c[3].#d = a, #c.#d[3] = if_not_exists(a)', '[c, [3], [3]]', '[c, [3], [3]]'], ['remove a.#c set a[1] = #d', '[a, c]', '[a, [1]]'],
  ]) {
    t.is(u(expression!, { '#b': 'b', ...names }).replace(/^(.*)$/, '$1'),
      `Invalid UpdateExpression: Two document paths conflict with each other; must remove or rewrite one of these paths; path one: ${one}, path two: ${two}`, expression);
  }
});

test('operand types of ADD and DELETE, then function problems', (t) => {
  const cases: [string, unknown, string, string][] = [
    ['set b = list_append(:a, a), c = if_not_exists(a) add a.b :a', { S: 'a' }, 'ADD', 'STRING'], ['delete a.b :a', { S: 'a' }, 'DELETE', 'STRING'],
    ['add a.b :a', { NULL: true }, 'ADD', 'NULL'], ['add a.b :a', { BOOL: false }, 'ADD', 'BOOLEAN'], ['delete a.b :a', { B: Buffer.from('a') }, 'DELETE', 'BINARY'],
    ['add a.b :a', { M: { a: { L: [{ N: '1' }] } } }, 'ADD', 'MAP'], ['delete a.b :a', { L: [{ N: '1' }] }, 'DELETE', 'LIST'], ['delete a.b :a', { N: '1' }, 'DELETE', 'NUMBER'],
  ];
  for (const [expression, value, op, type] of cases) {
    t.is(u(expression, undefined, { ':a': value, ...(expression.includes(':b') ? { ':b': { S: 'a' } } : {}) }),
      `Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ${op}, operand type: ${type}`, expression);
  }
  t.is(u('set a = if_not_exists(c)'), 'Invalid UpdateExpression: Incorrect number of operands for operator or function; operator or function: if_not_exists, number of operands: 1');
  t.is(u('set a = list_append(c)'), 'Invalid UpdateExpression: Incorrect number of operands for operator or function; operator or function: list_append, number of operands: 1');
  t.is(u('set a = if_not_exists(:a, c)', undefined, { ':a': { S: 'a' } }), 'Invalid UpdateExpression: Operator or function requires a document path; operator or function: if_not_exists');
  t.is(u('set a = if_not_exists(if_not_exists(a, b), c)'), 'Invalid UpdateExpression: Operator or function requires a document path; operator or function: if_not_exists');
  const values = {
    ':a': { S: 'a' }, ':b': { N: '1' }, ':c': { B: Buffer.from('a') }, ':d': { BOOL: false }, ':e': { NULL: true }, ':f': { SS: ['a'] },
    ':g': { NS: ['1'] }, ':h': { BS: [Buffer.from('a')] }, ':i': { M: {} }, ':j': { L: [] },
  };
  for (const [expression, fn, type] of [
    ['set a = list_append(:a, a)', 'list_append', 'S'], ['set a = list_append(a, :b)', 'list_append', 'N'], ['set a = list_append(:i, a)', 'list_append', 'M'],
    ['set a = a + :a', '+', 'S'], ['set a = :a + :c', '+', 'S'], ['set a = :c + a', '+', 'B'], ['set a = a + :j', '+', 'L'], ['set a = a - :f', '-', 'SS'],
    ['set a = a - :e', '-', 'NULL'], ['set a = a - :d', '-', 'BOOL'],
  ]) {
    const used = Object.fromEntries(Object.entries(values).filter(([k]) => expression!.includes(k)));
    t.is(u(expression!, undefined, used), `Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: ${fn}, operand type: ${type}`, expression);
  }
});
