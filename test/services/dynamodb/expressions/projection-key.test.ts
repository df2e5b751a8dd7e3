import test from 'ava';
import {
  ExpressionInput, parseKeyCondition, parseProjection, parseRequestExpressions, project, rangeMatches, resolveKeyCondition,
} from '../../../../src/services/dynamodb/expressions/index.js';
import type { Item } from '../../../../src/services/dynamodb/values/index.js';
import { validationMessage } from './helpers.js';

const item: Item = {
  a: { S: 'A' },
  m: { M: { x: { N: '1' }, y: { N: '2' }, z: { M: { deep: { S: 'd' }, other: { S: 'o' } } } } },
  l: { L: [{ S: 'l0' }, { S: 'l1' }, { M: { q: { S: 'q' }, r: { S: 'r' } } }, { S: 'l3' }] },
};

test('projection keeps nested structure and list order', (t) => {
  const input = new ExpressionInput({ '#z': 'z' });
  t.deepEqual(project(item, parseProjection('a, m.#z.deep, l[3], l[0], l[2].q, absent, m.nope', input)), {
    a: { S: 'A' },
    m: { M: { z: { M: { deep: { S: 'd' } } } } },
    l: { L: [{ S: 'l0' }, { M: { q: { S: 'q' } } }, { S: 'l3' }] },
  });
  t.deepEqual(project(item, parseProjection('m.x, l[9]', new ExpressionInput())), { m: { M: { x: { N: '1' } } } });
  t.deepEqual(project(item, parseProjection('a', new ExpressionInput())), { a: { S: 'A' } });
});

test('projection errors in AWS order', (t) => {
  const p = (expression: string, names?: Record<string, string>): string => validationMessage(() => parseProjection(expression, new ExpressionInput(names)));
  t.is(p(''), 'Invalid ProjectionExpression: The expression can not be empty;');
  t.is(p('a,'), 'Invalid ProjectionExpression: Syntax error; token: "<EOF>", near: ","');
  t.regex(p('a b'), /^Invalid ProjectionExpression: Syntax error; token: "b"/);
  t.is(p('a, #x, status'), 'Invalid ProjectionExpression: Attribute name is a reserved keyword; reserved keyword: status');
  t.is(p('a, #x'), 'Invalid ProjectionExpression: An expression attribute name used in the document path is not defined; attribute name: #x');
  t.is(p('a, a.b'), 'Invalid ProjectionExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a, b]');
  t.is(p('a, a'), 'Invalid ProjectionExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a]');
  t.is(p('a.b, a[0]'), 'Invalid ProjectionExpression: Two document paths conflict with each other; must remove or rewrite one of these paths; path one: [a, b], path two: [a, [0]]');
});

const schema = { hash: 'pk', range: 'sk', types: { pk: 'S', sk: 'N' } } as const;
const values = { ':p': { S: 'p' }, ':one': { N: '1' }, ':two': { N: '2' }, ':s': { S: 's' }, ':t': { BOOL: true }, ':f': { BOOL: false } };
const kce = (expression: string, names?: Record<string, string>) => {
  const used = Object.fromEntries(Object.entries(values).filter(([k]) => new RegExp(`${k}(?![0-9A-Za-z_])`).test(expression)));
  return parseKeyCondition(expression, new ExpressionInput(names, Object.keys(used).length ? used : undefined));
};

test('key conditions: hash equality plus one sort-key condition, either side', (t) => {
  t.deepEqual(resolveKeyCondition(kce('pk = :p'), schema), { hash: { name: 'pk', value: { S: 'p' } } });
  t.deepEqual(resolveKeyCondition(kce('pk = :p AND sk > :one'), schema).range, { name: 'sk', op: 'GT', values: [{ N: '1' }] });
  t.deepEqual(resolveKeyCondition(kce(':one < sk AND :p = pk'), schema).range, { name: 'sk', op: 'GT', values: [{ N: '1' }] });
  t.deepEqual(resolveKeyCondition(kce('#k = :p and sk between :one and :two', { '#k': 'pk' }), schema).range,
    { name: 'sk', op: 'BETWEEN', values: [{ N: '1' }, { N: '2' }] });
  const sschema = { hash: 'pk', range: 'sk', types: { pk: 'S', sk: 'S' } } as const;
  const range = resolveKeyCondition(kce('pk = :p AND begins_with(sk, :s)'), sschema).range!;
  t.true(rangeMatches(range, { S: 'sss' }));
  t.false(rangeMatches(range, { S: 'as' }));
  const between = resolveKeyCondition(kce('pk = :p and sk between :one and :two'), schema).range!;
  t.true(rangeMatches(between, { N: '1.5' }));
  t.false(rangeMatches(between, { N: '2.5' }));
});

test('key condition errors: expression-level, then schema-level', (t) => {
  const m = (expression: string): string => validationMessage(() => resolveKeyCondition(kce(expression), schema));
  t.is(m('pk = :p OR sk = :one'), 'Invalid operator used in KeyConditionExpression: OR');
  t.is(m('NOT pk = :p'), 'Invalid operator used in KeyConditionExpression: NOT');
  t.is(m('pk IN (:p)'), 'Invalid operator used in KeyConditionExpression: IN');
  t.is(m('pk <> :p'), 'Invalid operator used in KeyConditionExpression: <>');
  t.is(m('pk = :p and attribute_exists(sk)'), 'Invalid operator used in KeyConditionExpression: attribute_exists');
  t.is(m('pk = :p and contains(sk, :one)'), 'Invalid operator used in KeyConditionExpression: contains');
  t.is(m('pk = :p and size(sk) = :one'), 'KeyConditionExpressions cannot contain nested operations');
  t.is(m('pk = :p and :one between sk and :two'), 'Invalid condition in KeyConditionExpression: BETWEEN operator must have the key attribute as its first operand');
  t.is(m('pk = :p and begins_with(:s, sk)'), 'Invalid condition in KeyConditionExpression: begins_with operator must have the key attribute as its first operand');
  t.is(m('pk = sk'), 'Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition');
  t.is(m('pk.x = :p'), 'KeyConditionExpressions cannot have conditions on nested attributes');
  t.is(m(':p = :s'), 'Invalid condition in KeyConditionExpression: No key attribute specified');
  t.is(m('pk = :p and pk = :s'), 'Invalid KeyConditionExpression: KeyConditionExpressions must only contain one condition per key');
  t.is(m('pk = :p AND sk > :one AND sk < :two'), 'Invalid KeyConditionExpression: KeyConditionExpressions must only contain one condition per key');
  // Captured against AWS (paritysuite/dynamodb-conformance, 2026-10).
  t.is(m('pk = :p AND sk > :one AND extra = :two'), 'The number of query conditions (3) exceeds the number of key attributes defined in the schema (2)');
  t.is(m('pk = :p AND sk < :t'), 'Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or function: <, operand type: BOOL');
  t.is(m('pk = :p AND :t >= sk'), 'Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or function: >=, operand type: BOOL');
  t.is(m('pk = :p AND sk BETWEEN :f AND :t'), 'Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or function: BETWEEN, operand type: BOOL');
  t.is(m('pk = :p AND sk = :t'), 'One or more parameter values were invalid: Condition parameter type does not match schema type');
  t.is(m('pk = :p AND begins_with(sk, :one)'), 'Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N');
  t.is(m('pk = :absent AND begins_with(sk, :one)'), 'Invalid KeyConditionExpression: An expression attribute value used in expression is not defined; attribute value: :absent');
  t.is(m('begins_with(sk, :one) AND pk = :absent'), 'Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N');
  t.is(m('sk = :one'), 'Query condition missed key schema element: pk');
  t.is(m('pk = :p and extra = :one'), 'Query condition missed key schema element: sk');
  t.is(m('pk > :p'), 'Query key condition not supported');
  t.is(m('pk = :p and sk = :s'), 'One or more parameter values were invalid: Condition parameter type does not match schema type');
  t.is(validationMessage(() => resolveKeyCondition(kce('pk = :p and sk = :one'), { hash: 'pk', types: { pk: 'S' } })),
    'The number of query conditions (2) exceeds the number of key attributes defined in the schema (1)');
  t.is(validationMessage(() => parseRequestExpressions({ KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': { S: 'p' }, ':q': { S: 'q' } } })),
    'Value provided in ExpressionAttributeValues unused in expressions: keys: {:q}');
});
