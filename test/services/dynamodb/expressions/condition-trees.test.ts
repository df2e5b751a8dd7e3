import test from 'ava';
import { ConditionTrees } from '../../../../src/services/dynamodb/expressions/condition-trees.js';
import { ExpressionInput, parseConditionExpression, parseRequestExpressions } from '../../../../src/services/dynamodb/expressions/index.js';
import { validationMessage } from './helpers.js';

const filterWith = (trees: ConditionTrees | undefined, expression: string, names?: Record<string, string>, values?: Record<string, unknown>): unknown =>
  parseConditionExpression('FilterExpression', expression, new ExpressionInput(names, values), trees);

test('a kept tree resolves each request\'s own names and values, as a fresh parse does', (t) => {
  const trees = new ConditionTrees();
  const expression = '#a = :v AND size(b) > :n';
  for (const [name, v, n] of [['x', 'one', '1'], ['y', 'two', '2'], ['x', 'three', '3']] as const) {
    const names = { '#a': name };
    const values = { ':v': { S: v }, ':n': { N: n } };
    t.deepEqual(filterWith(trees, expression, names, values), filterWith(undefined, expression, names, values));
  }
  const request = { KeyConditionExpression: 'pk = :p AND sk BETWEEN :a AND :b', ExpressionAttributeValues: { ':p': { S: 'p' }, ':a': { N: '1' }, ':b': { N: '9' } } };
  t.deepEqual(parseRequestExpressions(request, 'current', trees), parseRequestExpressions(request));
  t.deepEqual(parseRequestExpressions(request, 'current', trees), parseRequestExpressions(request));
});

test('a kept tree gives the same placeholder errors, and a text that fails to parse fails every time', (t) => {
  const trees = new ConditionTrees();
  const expression = '#a = :v';
  filterWith(trees, expression, { '#a': 'x' }, { ':v': { S: 'v' } });
  t.is(validationMessage(() => filterWith(trees, expression, undefined, { ':v': { S: 'v' } })),
    validationMessage(() => filterWith(undefined, expression, undefined, { ':v': { S: 'v' } })));
  t.is(validationMessage(() => filterWith(trees, expression, { '#a': 'x' })), validationMessage(() => filterWith(undefined, expression, { '#a': 'x' })));
  for (let i = 0; i < 2; i++) t.is(validationMessage(() => filterWith(trees, 'a > 4')), 'Invalid FilterExpression: Syntax error; token: "4", near: "> 4"');
});

test('kept trees are bounded: past the bound they are dropped and parsed again', (t) => {
  const trees = new ConditionTrees(2);
  const values = { ':v': { S: 'v' } };
  for (const name of ['a', 'b', 'c', 'a', 'd']) t.deepEqual(filterWith(trees, `${name} = :v`, undefined, values), filterWith(undefined, `${name} = :v`, undefined, values));
});
