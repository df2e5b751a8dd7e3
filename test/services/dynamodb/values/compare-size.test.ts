import test from 'ava';
import {
  compareUtf8, compareValues, itemSize, valuesEqual, attributeValueSize,
} from '../../../../src/services/dynamodb/values/index.js';
import { jsonErrorType } from '../../../../src/protocols/json/errors.js';

const b = (...bytes: number[]): Uint8Array => Uint8Array.from(bytes);

test('strings order by UTF-8 bytes, not UTF-16 code units', (t) => {
  const emoji = '\u{1F600}'; // surrogate pair in UTF-16, F0 9F 98 80 in UTF-8
  const privateUse = '\uE000'; // EE 80 80 in UTF-8
  t.true(privateUse < emoji === false); // JavaScript's own order says the opposite ...
  t.true(compareUtf8(privateUse, emoji) < 0); // ... of UTF-8's.
  t.true(compareUtf8('a', 'b') < 0);
  t.true(compareUtf8('ab', 'a') > 0);
  t.is(compareUtf8('é', 'é'), 0);
  const words = ['b', 'a', emoji, privateUse, 'Z', ''];
  const byBytes = [...words].sort((x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y)));
  t.deepEqual([...words].sort(compareUtf8), byBytes);
});

test('compareValues orders S, N and B and refuses the rest', (t) => {
  t.true(compareValues({ N: '9' }, { N: '10' })! < 0);
  t.true(compareValues({ S: 'a' }, { S: 'B' })! > 0);
  t.true(compareValues({ B: b(1, 2) }, { B: b(1, 255) })! < 0);
  t.true(compareValues({ B: b(200) }, { B: b(1, 2) })! > 0);
  t.is(compareValues({ N: '1' }, { S: '1' }), undefined);
  t.is(compareValues({ BOOL: true }, { BOOL: true }), undefined);
  t.is(compareValues({ SS: ['a'] }, { SS: ['a'] }), undefined);
});

test('valuesEqual is deep and ignores set order', (t) => {
  t.true(valuesEqual({ SS: ['a', 'b'] }, { SS: ['b', 'a'] }));
  t.false(valuesEqual({ SS: ['a', 'b'] }, { SS: ['a'] }));
  t.true(valuesEqual({ NS: ['1', '2.0'] }, { NS: ['2', '1'] }));
  t.true(valuesEqual({ BS: [b(1), b(2)] }, { BS: [b(2), b(1)] }));
  t.true(valuesEqual({ M: { a: { L: [{ N: '1' }, { NULL: true }] } } }, { M: { a: { L: [{ N: '1.0' }, { NULL: true }] } } }));
  t.false(valuesEqual({ L: [{ N: '1' }, { N: '2' }] }, { L: [{ N: '2' }, { N: '1' }] }));
  t.false(valuesEqual({ M: { a: { S: 'x' } } }, { M: { b: { S: 'x' } } }));
  t.false(valuesEqual({ N: '1' }, { S: '1' }));
  t.false(valuesEqual({ BOOL: false }, { NULL: true }));
});

test('item size counts names and values as DynamoDB does', (t) => {
  t.is(itemSize({ id: { S: 'abc' } }), 5);
  t.is(itemSize({ 'é': { S: 'ü' } }), 4);
  t.is(itemSize({ n: { N: '123' } }), 4);
  t.is(itemSize({ b: { B: b(1, 2, 3) } }), 4);
  t.is(itemSize({ t: { BOOL: true }, z: { NULL: true } }), 4);
  t.is(attributeValueSize({ SS: ['ab', 'c'] }), 3);
  t.is(attributeValueSize({ L: [] }), 3);
  t.is(attributeValueSize({ M: {} }), 3);
  t.is(attributeValueSize({ L: [{ S: 'ab' }, { N: '1' }] }), 3 + (1 + 2) + (1 + 2));
  t.is(attributeValueSize({ M: { ab: { S: 'c' } } }), 3 + 1 + 2 + 1);
});

test('the JSON protocol renders the DynamoDB error types with AWS prefixes', (t) => {
  t.is(jsonErrorType('dynamodb', 'ValidationException'), 'com.amazon.coral.validate#ValidationException');
  t.is(jsonErrorType('dynamodb', 'ConditionalCheckFailedException'), 'com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException');
  t.is(jsonErrorType('dynamodb', 'ResourceNotFoundException'), 'com.amazonaws.dynamodb.v20120810#ResourceNotFoundException');
});
