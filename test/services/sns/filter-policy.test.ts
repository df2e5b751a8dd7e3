/**
 * Filter policies, table-driven: every operator in both scopes (MessageAttributes and
 * MessageBody), `$or`, nesting, and the limits and messages SNS answers for invalid policies.
 * https://docs.aws.amazon.com/sns/latest/dg/sns-subscription-filter-policies.html
 */
import test from 'ava';
import { isAwsError } from '../../../src/errors/aws-error.js';
import { compileSubscriptionFilter } from '../../../src/services/sns/filter/subscription-filter.js';
import type { FilterAttribute } from '../../../src/services/sns/filter/match.js';

const S = (v: string): FilterAttribute => ({ DataType: 'String', StringValue: v });
const N = (v: string): FilterAttribute => ({ DataType: 'Number', StringValue: v });
const A = (v: unknown[]): FilterAttribute => ({ DataType: 'String.Array', StringValue: JSON.stringify(v) });

/** [policy, attributes, body, expected] — the body case uses the same values as JSON. */
const CASES: [string, Record<string, unknown>, Record<string, FilterAttribute>, boolean][] = [
  ['exact string', { color: ['red'] }, { color: S('red') }, true],
  ['exact string, other value', { color: ['red'] }, { color: S('blue') }, false],
  ['exact string, any of a list', { color: ['red', 'blue'] }, { color: S('blue') }, true],
  ['exact number', { price: [100] }, { price: N('100.0') }, true],
  ['exact number vs a string attribute', { price: [100] }, { price: S('100') }, false],
  ['string array: any element', { tags: ['b'] }, { tags: A(['a', 'b']) }, true],
  ['string array: no element', { tags: ['c'] }, { tags: A(['a', 'b']) }, false],
  ['prefix', { id: [{ prefix: 'ord-' }] }, { id: S('ord-1') }, true],
  ['prefix, no', { id: [{ prefix: 'ord-' }] }, { id: S('inv-1') }, false],
  ['suffix', { file: [{ suffix: '.png' }] }, { file: S('a.png') }, true],
  ['suffix, no', { file: [{ suffix: '.png' }] }, { file: S('a.jpg') }, false],
  ['equals-ignore-case', { c: [{ 'equals-ignore-case': 'RED' }] }, { c: S('Red') }, true],
  ['equals-ignore-case, no', { c: [{ 'equals-ignore-case': 'RED' }] }, { c: S('Reds') }, false],
  ['anything-but value', { c: [{ 'anything-but': 'red' }] }, { c: S('blue') }, true],
  ['anything-but value, excluded', { c: [{ 'anything-but': 'red' }] }, { c: S('red') }, false],
  ['anything-but list', { c: [{ 'anything-but': ['red', 'blue'] }] }, { c: S('blue') }, false],
  ['anything-but numbers', { n: [{ 'anything-but': [1, 2] }] }, { n: N('3') }, true],
  ['anything-but numbers, excluded', { n: [{ 'anything-but': [1, 2] }] }, { n: N('2') }, false],
  ['anything-but prefix', { c: [{ 'anything-but': { prefix: 'tmp-' } }] }, { c: S('prod-1') }, true],
  ['anything-but prefix, excluded', { c: [{ 'anything-but': { prefix: 'tmp-' } }] }, { c: S('tmp-1') }, false],
  ['anything-but equals-ignore-case', { c: [{ 'anything-but': { 'equals-ignore-case': 'RED' } }] }, { c: S('red') }, false],
  ['anything-but, attribute absent', { c: [{ 'anything-but': 'red' }] }, {}, false],
  ['numeric =', { n: [{ numeric: ['=', 5] }] }, { n: N('5') }, true],
  ['numeric >', { n: [{ numeric: ['>', 5] }] }, { n: N('5') }, false],
  ['numeric >=', { n: [{ numeric: ['>=', 5] }] }, { n: N('5') }, true],
  ['numeric <', { n: [{ numeric: ['<', 5] }] }, { n: N('4.5') }, true],
  ['numeric <=', { n: [{ numeric: ['<=', 5] }] }, { n: N('6') }, false],
  ['numeric range', { n: [{ numeric: ['>', 0, '<=', 10] }] }, { n: N('10') }, true],
  ['numeric range, below', { n: [{ numeric: ['>', 0, '<=', 10] }] }, { n: N('0') }, false],
  ['numeric on a string', { n: [{ numeric: ['>', 0] }] }, { n: S('5') }, false],
  ['exists true', { c: [{ exists: true }] }, { c: S('x') }, true],
  ['exists true, absent', { c: [{ exists: true }] }, {}, false],
  ['exists false, absent', { c: [{ exists: false }] }, { other: S('x') }, true],
  ['exists false, present', { c: [{ exists: false }] }, { c: S('x') }, false],
  ['cidr v4', { ip: [{ cidr: '10.0.0.0/24' }] }, { ip: S('10.0.0.255') }, true],
  ['cidr v4, outside', { ip: [{ cidr: '10.0.0.0/24' }] }, { ip: S('10.0.1.1') }, false],
  ['cidr v6', { ip: [{ cidr: '2001:db8::/32' }] }, { ip: S('2001:db8:1::1') }, true],
  ['cidr v6, outside', { ip: [{ cidr: '2001:db8::/32' }] }, { ip: S('2001:db9::1') }, false],
  ['AND of keys', { a: ['1'], b: ['2'] }, { a: S('1'), b: S('2') }, true],
  ['AND of keys, one fails', { a: ['1'], b: ['2'] }, { a: S('1'), b: S('3') }, false],
  ['$or, second matches', { $or: [{ a: ['1'] }, { b: ['2'] }] }, { b: S('2') }, true],
  ['$or, none matches', { $or: [{ a: ['1'] }, { b: ['2'] }] }, { a: S('2') }, false],
  ['$or with a sibling key', { c: ['x'], $or: [{ a: ['1'] }, { b: ['2'] }] }, { c: S('x'), a: S('1') }, true],
];

const bodyValue = (a: FilterAttribute): unknown => a.DataType === 'Number' ? Number(a.StringValue) : a.DataType === 'String.Array' ? JSON.parse(a.StringValue!) : a.StringValue;

for (const [name, policy, attributes, expected] of CASES) {
  test(`MessageAttributes: ${name}`, (t) => {
    const filter = compileSubscriptionFilter({ FilterPolicy: JSON.stringify(policy) }, true)!;
    t.is(filter.matches('ignored', attributes), expected);
  });
  test(`MessageBody: ${name}`, (t) => {
    const filter = compileSubscriptionFilter({ FilterPolicy: JSON.stringify(policy), FilterPolicyScope: 'MessageBody' }, true)!;
    const body = JSON.stringify(Object.fromEntries(Object.entries(attributes).map(([k, a]) => [k, bodyValue(a)])));
    t.is(filter.matches(body, undefined), expected);
  });
}

test('MessageBody: nested keys, arrays of objects along the path, null and booleans', (t) => {
  const match = (policy: unknown, body: unknown): boolean =>
    compileSubscriptionFilter({ FilterPolicy: JSON.stringify(policy), FilterPolicyScope: 'MessageBody' }, true)!.matches(JSON.stringify(body), undefined);
  t.true(match({ order: { customer: { tier: ['gold'] } } }, { order: { customer: { tier: 'gold' } } }));
  t.false(match({ order: { customer: { tier: ['gold'] } } }, { order: { customer: { tier: 'silver' } } }));
  t.true(match({ items: { sku: [{ prefix: 'A' }] } }, { items: [{ sku: 'B1' }, { sku: 'A7' }] }));
  t.true(match({ flag: [true] }, { flag: true }));
  t.false(match({ flag: [true] }, { flag: 'true' }));
  t.true(match({ gone: [null] }, { gone: null }));
  t.true(match({ a: { b: [{ exists: false }] } }, { a: { c: 1 } }));
  t.false(match({ a: ['x'] }, 'not json'), 'a body that is not JSON matches no keyed policy');
});

const invalid: [string, Record<string, string>, string][] = [
  ['more than 5 keys', { FilterPolicy: JSON.stringify({ a: ['1'], b: ['1'], c: ['1'], d: ['1'], e: ['1'], f: ['1'] }) }, 'FilterPolicy: Filter policy can not have more than 5 keys'],
  ['too complex', { FilterPolicy: JSON.stringify({ a: Array.from({ length: 13 }, (_, i) => `${i}`), b: Array.from({ length: 12 }, (_, i) => `${i}`) }) }, 'FilterPolicy: Filter policy is too complex'],
  ['nested in MessageAttributes scope', { FilterPolicy: JSON.stringify({ a: { b: ['1'] } }) }, 'Filter policy scope MessageAttributes does not support nested filter policy'],
  ['empty array', { FilterPolicy: JSON.stringify({ a: [] }) }, 'FilterPolicy: Empty arrays are not allowed'],
  ['unknown operator', { FilterPolicy: JSON.stringify({ a: [{ wildcard2: 'x' }] }) }, 'FilterPolicy: Unrecognized match type wildcard2'],
  ['prefix not a string', { FilterPolicy: JSON.stringify({ a: [{ prefix: 1 }] }) }, 'FilterPolicy: prefix match pattern must be a string'],
  ['exists not a boolean', { FilterPolicy: JSON.stringify({ a: [{ exists: 'yes' }] }) }, 'FilterPolicy: exists match pattern must be either true or false.'],
  ['numeric bad operator', { FilterPolicy: JSON.stringify({ a: [{ numeric: ['!', 1] }] }) }, 'FilterPolicy: Unrecognized numeric range operator: !'],
  ['numeric value not a number', { FilterPolicy: JSON.stringify({ a: [{ numeric: ['=', 'x'] }] }) }, 'FilterPolicy: Value of equals must be numeric'],
  ['numeric bottom above top', { FilterPolicy: JSON.stringify({ a: [{ numeric: ['>', 5, '<', 1] }] }) }, 'FilterPolicy: Bottom must be less than top'],
  ['numeric range starting with <', { FilterPolicy: JSON.stringify({ a: [{ numeric: ['<', 5, '<', 1] }] }) }, 'FilterPolicy: Too many elements in numeric expression'],
  ['cidr without a mask', { FilterPolicy: JSON.stringify({ a: [{ cidr: '10.0.0.1' }] }) }, "FilterPolicy: Malformed CIDR, one '/' required"],
  ['cidr bad address', { FilterPolicy: JSON.stringify({ a: [{ cidr: '10.0.0.300/8' }] }) }, 'FilterPolicy: Nonstandard IP address: 10.0.0.300'],
  ['two keys in a match', { FilterPolicy: JSON.stringify({ a: [{ prefix: 'a', suffix: 'b' }] }) }, 'FilterPolicy: Only one key allowed in match expression'],
  ['a value that is an object', { FilterPolicy: JSON.stringify({ a: 'x' }) }, 'FilterPolicy: "a" must be an object or an array'],
  ['anything-but with an unknown pattern', { FilterPolicy: JSON.stringify({ a: [{ 'anything-but': { wildcard: 'x' } }] }) }, 'FilterPolicy: Unsupported anything-but pattern: wildcard'],
];

for (const [name, attributes, message] of invalid) {
  test(`invalid policy: ${name}`, (t) => {
    for (const [inSubscribe, prefix] of [[true, 'Invalid parameter: Attributes Reason: '], [false, 'Invalid parameter: ']] as const) {
      const err = t.throws(() => compileSubscriptionFilter({ ...attributes }, inSubscribe));
      t.true(isAwsError(err));
      if (isAwsError(err)) {
        t.is(err.code, 'InvalidParameter');
        // Rule errors end with the parser's location, compared exactly in filter-policy-answers.test.ts.
        t.is(err.message.split('\n at [Source: ')[0], prefix + message);
      }
    }
  });
}

test('a body-scope policy may nest; its combinations multiply by depth', (t) => {
  t.truthy(compileSubscriptionFilter({ FilterPolicy: JSON.stringify({ a: { b: { c: ['1', '2', '3', '4'] } }, d: { e: ['1', '2', '3'] } }), FilterPolicyScope: 'MessageBody' }, true));
});
