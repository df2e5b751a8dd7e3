import test from 'ava';
import { ExpressionInput, parseConditionExpression, parseRequestExpressions } from '../../../../src/services/dynamodb/expressions/index.js';
import { validationMessage } from './helpers.js';

type Values = Record<string, unknown>;
const filter = (expression: string, names?: Record<string, string>, values?: Values): string =>
  validationMessage(() => parseConditionExpression('FilterExpression', expression, new ExpressionInput(names, values)));

test('empty expressions', (t) => {
  t.is(filter(''), 'Invalid FilterExpression: The expression can not be empty;');
  t.is(validationMessage(() => parseRequestExpressions({ ConditionExpression: '' })), 'Invalid ConditionExpression: The expression can not be empty;');
});

test('syntax errors name the token and the text around it, as AWS does', (t) => {
  t.is(filter('a-b'), 'Invalid FilterExpression: Syntax error; token: "-", near: "a-b"');
  t.is(filter('attribute_exists(car_id) AND NOT #has_air_conditioner', { '#has_air_conditioner': 'x' }),
    'Invalid FilterExpression: Syntax error; token: "<EOF>", near: "#has_air_conditioner"');
  t.is(filter('()'), 'Invalid FilterExpression: Syntax error; token: ")", near: "()"');
  t.is(filter('tenantAgent:abc123-x'), 'Invalid FilterExpression: Syntax error; token: ":abc123", near: "tenantAgent:abc123-"');
  t.is(filter('a > 4'), 'Invalid FilterExpression: Syntax error; token: "4", near: "> 4"');
  for (const expression of [
    'things are not gonna be ok', 'a > 4', 'attribute_exists(Pictures-RearView)', 'attribute_exists("Pictures.RearView")',
    'attribute_exists(Pictures..RearView)', 'attribute_exists(Pi#ctures.RearView)', 'attribute_exists(asdf[a])',
    'a.:a < b.:b', 'a in b, c', 'a > between', 'a in b', 'a in (b,c,)', '(a)between(b.(c.d))and(c)',
    '(a)between(b.c.d)and((c)', '#$.b > a', 'a > :things.stuff', 'b[:a] > a', 'b[#_] > a', 'ü > a',
    '(a)between(b.c[4.5].#d)and(:a)', 'size(a).b > a', '(size(a)).b > a', 'size(a)[0] > a', '(size(a))[0] > a', 'a', 'NOT a',
  ]) {
    t.regex(filter(expression), /^Invalid FilterExpression: Syntax error; token: ".*", near: ".*"$/, expression);
  }
});

test('whole-expression checks in AWS order: parentheses, function names, misuse, reserved words', (t) => {
  for (const expression of [
    'a=a and a > ((views))', 'a > whatever((:things), ((a)))', 'a=a AND ((a=a AND a=a)) AND a=a', 'a=a OR ((a=a OR a=a)) OR a=a',
    'a=a AND ((a=a AND (a=a AND a=a)))', 'a=a OR ((a=a OR (a=a OR a=a)))',
  ]) {
    t.is(filter(expression), 'Invalid FilterExpression: The expression has redundant parentheses;', expression);
  }
  t.is(filter('a=a and whatever((:things)) > a'), 'Invalid FilterExpression: Invalid function name; function: whatever');
  t.is(filter('attRIbute_exIsts((views), #a)'), 'Invalid FilterExpression: Invalid function name; function: attRIbute_exIsts');
  for (const [expression, fn] of [
    ['a=a and attribute_exists((views), (#a)) > b', 'attribute_exists'], ['attribute_not_exists(things) > b', 'attribute_not_exists'],
    ['attribute_type(things, :a) > b', 'attribute_type'], ['begins_with(things, a) > b', 'begins_with'], ['contains(:things, c) > b', 'contains'],
    ['size(contains(a, b)) > a', 'contains'], ['size(things)', 'size'], ['a between b and attribute_exists(things)', 'attribute_exists'],
    ['a in (b, attribute_exists(things))', 'attribute_exists'],
  ]) {
    t.is(filter(expression!), `Invalid FilterExpression: The function is not allowed to be used this way in an expression; function: ${fn}`, expression);
  }
  t.is(filter('attribute_exists(views, #a)'), 'Invalid FilterExpression: Attribute name is a reserved keyword; reserved keyword: views');
  t.is(filter(':a < abOrT'), 'Invalid FilterExpression: Attribute name is a reserved keyword; reserved keyword: abOrT');
  // A reserved word is fine behind a placeholder.
  t.notThrows(() => parseConditionExpression('FilterExpression', '#status = :v', new ExpressionInput({ '#status': 'status' }, { ':v': { S: 'x' } })));
});

test('per-condition checks: placeholders, operand counts, distinct operands, operand types', (t) => {
  for (const [expression, name] of [
    ['attribute_exists(#Pictures.RearView, :a) and a=a', '#Pictures'], ['begins_with(Pictures.#RearView)', '#RearView'],
    ['(#P between :lo and :hi) and (#PC in (:cat1, :cat2))', '#P'], ['#4g > a', '#4g'], ['#_ > a', '#_'], ['(a)between(b.c[45].#d)and(:a)', '#d'],
  ]) {
    t.is(filter(expression!), `Invalid FilterExpression: An expression attribute name used in the document path is not defined; attribute name: ${name}`);
  }
  for (const [expression, value] of [['begins_with(:hello, #a, #b)', ':hello'], [':a < :b', ':a'], [':_ > a', ':_']]) {
    t.is(filter(expression!), `Invalid FilterExpression: An expression attribute value used in expression is not defined; attribute value: ${value}`);
  }
  for (const [expression, fn, count] of [
    ['attribute_exists(things, a) and a=a', 'attribute_exists', 2], ['attribute_not_exists(things, b)', 'attribute_not_exists', 2],
    ['attribute_type(things)', 'attribute_type', 1], ['begins_with(things)', 'begins_with', 1], ['begins_with(things, size(a), b)', 'begins_with', 3],
    ['contains(things)', 'contains', 1], ['size(things, a) > b', 'size', 2],
  ] as const) {
    t.is(filter(expression), `Invalid FilterExpression: Incorrect number of operands for operator or function; operator or function: ${fn}, number of operands: ${count}`);
  }
  const typeCases: [string, string, Values][] = [
    ['attribute_type(a, size(a)) and a=a and a=:a', 'attribute_type', { N: '1' }], ['attribute_type(a, :a)', 'attribute_type', { N: '1' }],
    ['attribute_type(a, :a)', 'attribute_type', { BOOL: true }], ['attribute_type(a, :a)', 'attribute_type', { L: [] }],
    ['begins_with(a, size(a)) and a=:a', 'begins_with', { N: '1' }], ['begins_with(a, :a)', 'begins_with', { N: '1' }],
    ['begins_with(a, :a)', 'begins_with', { SS: ['1'] }], ['begins_with(:a, a)', 'begins_with', { M: {} }],
    ['size(size(a)) > :a', 'size', { N: '1' }], ['attribute_not_exists(size(:a))', 'size', { N: '1' }],
    ['size(:a) > a', 'size', { BOOL: true }], ['size(:a) > a', 'size', { NULL: true }],
  ];
  for (const [expression, fn, value] of typeCases) {
    t.is(filter(expression, undefined, { ':a': value }),
      `Invalid FilterExpression: Incorrect operand type for operator or function; operator or function: ${fn}, operand type: ${Object.keys(value)[0]}`, expression);
  }
  t.is(filter('attribute_type(a, :a)', undefined, { ':a': { S: '1' } }),
    'Invalid FilterExpression: Invalid attribute type name found; type: 1, valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}');
  t.is(filter('attribute_exists(:a) and a=a', undefined, { ':a': { S: '1' } }),
    'Invalid FilterExpression: Operator or function requires a document path; operator or function: attribute_exists');
  t.is(filter('attribute_not_exists(size(:a))', undefined, { ':a': { S: '1' } }),
    'Invalid FilterExpression: Operator or function requires a document path; operator or function: attribute_not_exists');
  for (const [expression, op, path] of [
    ['a = a AND #a = b AND :views > a', '=', '[a]'], ['#a <> a', '<>', '[a]'], ['a > #a', '>', '[a]'], ['((a=a) OR (a=a))', '=', '[a]'],
    ['contains(ab.bc[1].a, ab.bc[1].#a)', 'contains', '[ab, bc, [1], a]'], ['attribute_type(ab.bc[1].#a, ab.bc[1].a)', 'attribute_type', '[ab, bc, [1], a]'],
    ['begins_with(ab.bc[1].a, ab.bc[1].#a)', 'begins_with', '[ab, bc, [1], a]'],
  ]) {
    t.is(filter(expression!, { '#a': 'a' }, expression!.includes(':views') ? { ':views': { N: '1' } } : undefined),
      `Invalid FilterExpression: The first operand must be distinct from the remaining operands for this operator or function; operator: ${op}, first operand: ${path}`, expression);
  }
  t.is(filter('a between :lo and :hi', undefined, { ':lo': { N: '1' }, ':hi': { S: 'a' } }),
    'Invalid FilterExpression: The BETWEEN operator requires same data type for lower and upper bounds; lower bound operand: AttributeValue: {N:1}, upper bound operand: AttributeValue: {S:a}');
  t.is(filter('a between :lo and :hi', undefined, { ':lo': { N: '2' }, ':hi': { N: '1' } }),
    'Invalid FilterExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {N:2}, upper bound operand: AttributeValue: {N:1}');
});

test('ordering operators take only strings, numbers and binary', (t) => {
  t.is(filter('a < :b', undefined, { ':b': { BOOL: true } }), 'Invalid FilterExpression: Incorrect operand type for operator or function; operator or function: <, operand type: BOOL');
  t.is(filter('a between :l and :h', undefined, { ':l': { SS: ['x'] }, ':h': { SS: ['y'] } }),
    'Invalid FilterExpression: Incorrect operand type for operator or function; operator or function: BETWEEN, operand type: SS');
  t.notThrows(() => parseConditionExpression('FilterExpression', 'a = :b AND a <> :b AND size(a) > :n',
    new ExpressionInput(undefined, { ':b': { BOOL: true }, ':n': { N: '1' } })));
});

test('placeholder maps are validated and every placeholder must be used across the request', (t) => {
  t.is(validationMessage(() => parseRequestExpressions({ FilterExpression: 'a = :a', ExpressionAttributeNames: {} })), 'ExpressionAttributeNames must not be empty');
  t.is(validationMessage(() => parseRequestExpressions({ FilterExpression: 'a = :a', ExpressionAttributeNames: { a: 'a' } })),
    'ExpressionAttributeNames contains invalid key: Syntax error; key: "a"');
  t.is(validationMessage(() => parseRequestExpressions({ FilterExpression: 'a = :a', ExpressionAttributeValues: {} })), 'ExpressionAttributeValues must not be empty');
  t.is(validationMessage(() => parseRequestExpressions({ FilterExpression: 'a = :a', ExpressionAttributeValues: { b: { S: 'a' } } })),
    'ExpressionAttributeValues contains invalid key: Syntax error; key: "b"');
  // The older validation layer (Scan, BatchWriteItem, transactions) wraps a bad value; the current one does not.
  t.is(validationMessage(() => parseRequestExpressions({ FilterExpression: 'a = :b', ExpressionAttributeValues: { ':b': { SS: ['a', 'a'] } } }, 'older')),
    'ExpressionAttributeValues contains invalid value: One or more parameter values were invalid: Input collection [a, a] contains duplicates. for key :b');
  t.is(validationMessage(() => parseRequestExpressions({ FilterExpression: 'a = :b', ExpressionAttributeValues: { ':b': { NS: ['1', 'x'] } } }, 'older')),
    'ExpressionAttributeValues contains invalid value: The parameter cannot be converted to a numeric value: x for key :b');
  t.is(validationMessage(() => parseRequestExpressions({ FilterExpression: 'a = :b', ExpressionAttributeValues: { ':b': { SS: ['a', 'a'] } } })),
    'One or more parameter values were invalid: Input collection ["a", "a"] contains duplicates.');
  t.is(validationMessage(() => parseRequestExpressions({
    UpdateExpression: 'remove a set b = list_append(b, if_not_exists(a, :a))', ConditionExpression: 'a = :b',
    ExpressionAttributeValues: { ':a': { S: 'a' }, ':b': { S: 'a' } }, ExpressionAttributeNames: { '#a': 'a', '#b': 'b' },
  })), 'Value provided in ExpressionAttributeNames unused in expressions: keys: {#a, #b}');
  t.is(validationMessage(() => parseRequestExpressions({
    UpdateExpression: 'remove a', ConditionExpression: 'a = :b', ExpressionAttributeValues: { ':a': { S: 'a' }, ':b': { S: 'a' }, ':c': { S: 'a' } },
  })), 'Value provided in ExpressionAttributeValues unused in expressions: keys: {:a, :c}');
  // Names used by any expression of the request count: projection uses #p, the filter :v.
  t.notThrows(() => parseRequestExpressions({
    FilterExpression: 'x = :v', ProjectionExpression: '#p', ExpressionAttributeNames: { '#p': 'p' }, ExpressionAttributeValues: { ':v': { N: '1' } },
  }));
  // An error in an earlier expression wins over an unused placeholder.
  t.is(validationMessage(() => parseRequestExpressions({ ConditionExpression: 'a = :x', ExpressionAttributeValues: { ':v': { N: '1' } } })),
    'Invalid ConditionExpression: An expression attribute value used in expression is not defined; attribute value: :x');
});

test('limits: 4 KB per expression as sent, 100 IN operands, 300 operators', (t) => {
  const values = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`:v${i}`, { N: String(i) }]));
  const list = (n: number): string => Array.from({ length: n }, (_, i) => `:v${i}`).join(', ');
  t.is(filter(`a IN (${list(101)})`, undefined, values), 'Invalid FilterExpression: The IN operator is provided with too many operands; number of operands: 101');
  t.notThrows(() => parseConditionExpression('FilterExpression', `a IN (${list(100)})`, new ExpressionInput(undefined, values)));
  const many = Array.from({ length: 151 }, (_, i) => `a${i} = :v1`).join(' OR ');
  t.is(filter(many, undefined, { ':v1': { N: '1' } }), 'Invalid FilterExpression: The expression contains too many operators; operator count: 301');
  const long = `${'a'.repeat(4090)} = :v1`;
  t.is(Buffer.byteLength(long), 4096);
  t.notThrows(() => parseConditionExpression('FilterExpression', long, new ExpressionInput(undefined, { ':v1': { N: '1' } })));
  t.is(filter(`${long} `, undefined, { ':v1': { N: '1' } }), 'Invalid FilterExpression: Expression size has exceeded the maximum allowed size; expression size: 4097');
  t.is(validationMessage(() => parseRequestExpressions({ ProjectionExpression: `${'p'.repeat(4097)}` })),
    'Invalid ProjectionExpression: Expression size has exceeded the maximum allowed size; expression size: 4097');
  // No size in an UpdateExpression's answer (paritysuite/dynamodb-conformance
  // tests/tier3/validation-ordering/deepRequests.test.ts, us-east-1 and eu-west-2, 2026-10-09).
  t.is(validationMessage(() => parseRequestExpressions({ UpdateExpression: `REMOVE ${'p'.repeat(4090)}` })),
    'Invalid UpdateExpression: Expression size has exceeded the maximum allowed size;');
});
