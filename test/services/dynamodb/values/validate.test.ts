import test from 'ava';
import {
  attributeValueProblem, emptyKeyValueProblem, keySizeProblem, validateAttributeValue, validateItem, withValidationEnvelope,
} from '../../../../src/services/dynamodb/values/index.js';
import { isAwsError } from '../../../../src/errors/aws-error.js';

const b = (s: string): Uint8Array => Buffer.from(s);

test('a value needs exactly one datatype', (t) => {
  for (const empty of [{}, { a: '' }, { M: { a: {} } }, { L: [{}] }, { L: [{ a: {} }] }]) {
    t.is(attributeValueProblem(empty), 'Supplied AttributeValue is empty, must contain exactly one of the supported datatypes');
  }
  t.is(attributeValueProblem({ S: 'a', N: '1' }),
    'Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes');
  // A bad number is reported before the second datatype, as AWS does.
  t.is(attributeValueProblem({ S: 'a', N: 'b' }), 'The parameter cannot be converted to a numeric value: b');
  t.is(attributeValueProblem({ S: 'a', N: '' }), 'The parameter cannot be converted to a numeric value: ');
  t.is(attributeValueProblem({ S: 'a', N: '' }, 'older'), 'The parameter cannot be converted to a numeric value');
});

test('sets, NULL and nesting follow AWS rules and messages', (t) => {
  const invalid = 'One or more parameter values were invalid: ';
  t.is(attributeValueProblem({ NULL: false }), `${invalid}Null attribute value types must have the value of true`);
  t.is(attributeValueProblem({ SS: [] }), `${invalid}An string set  may not be empty`);
  t.is(attributeValueProblem({ NS: [] }), `${invalid}An number set  may not be empty`);
  t.is(attributeValueProblem({ BS: [] }), `${invalid}Binary sets should not be empty`);
  // Duplicates, as both layers word them (captured against AWS, 2026-10: paritysuite/dynamodb-conformance).
  const bs = [Buffer.from('/w==', 'base64'), Buffer.from('AA==', 'base64'), Buffer.from('AA==', 'base64')];
  t.is(attributeValueProblem({ SS: ['b', 'a', 'b'] }), `${invalid}Input collection ["a", "b", "b"] contains duplicates.`);
  t.is(attributeValueProblem({ BS: bs }), `${invalid}Input collection ["AA==","/w==","AA=="]of type BS contains duplicates.`);
  t.is(attributeValueProblem({ NS: ['2', '1', '2'] }), `${invalid}Input collection contains duplicates.`);
  t.is(attributeValueProblem({ SS: ['b', 'a', 'b'] }, 'older'), `${invalid}Input collection [b, a, b] contains duplicates.`);
  t.is(attributeValueProblem({ BS: bs }, 'older'), `${invalid}Input collection [/w==, AA==, AA==]of type BS contains duplicates.`);
  t.is(attributeValueProblem({ NS: ['2', '1', '2'] }, 'older'), 'Input collection contains duplicates');
  t.is(attributeValueProblem({ SS: ['c', 'a', 'c', 'b'] }), `${invalid}Input collection ["a", "c", "c", "b"] contains duplicates.`);
  t.is(attributeValueProblem({ NS: ['1', '1.0'] }, 'older'), 'Input collection contains duplicates');
  t.is(attributeValueProblem({ NS: ['1', 'b'] }), 'The parameter cannot be converted to a numeric value: b');
  // Empty strings and binaries are values since 2020, also inside sets and documents.
  for (const ok of [{ S: '' }, { B: b('') }, { SS: ['', 'a'] }, { BS: [b(''), b('a')] }, { L: [{ S: '' }] }, { M: {} }, { L: [] }, { BOOL: false }, { NULL: true }]) {
    t.is(attributeValueProblem(ok), undefined, JSON.stringify(ok));
  }
  const nest = (depth: number): unknown => {
    let v: unknown = { S: 'leaf' };
    for (let i = 0; i < depth; i++) v = i % 2 ? { M: { n: v } } : { L: [v] };
    return v;
  };
  t.is(attributeValueProblem(nest(31)), undefined, '31 wraps: the leaf is at level 32');
  t.is(attributeValueProblem(nest(32)),
    'Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond supported limit');
});

test('validation normalises numbers and keeps unchanged values by reference', (t) => {
  const plain = { S: 'x' };
  t.is(validateAttributeValue(plain), plain);
  t.deepEqual(validateAttributeValue({ N: '1.50' }), { N: '1.5' });
  t.deepEqual(validateAttributeValue({ NS: ['1.0', '2'] }), { NS: ['1', '2'] });
  t.deepEqual(validateAttributeValue({ M: { a: { N: '01' }, b: { S: 's' } } }), { M: { a: { N: '1' }, b: { S: 's' } } });
  t.deepEqual(validateAttributeValue({ L: [{ S: 's' }, { N: '-0' }] }), { L: [{ S: 's' }, { N: '0' }] });
  const item = { id: { S: 'a' }, n: { N: '2' } };
  t.is(validateItem(item), item);
  t.deepEqual(validateItem({ id: { S: 'a' }, n: { N: '2e0' } }), { id: { S: 'a' }, n: { N: '2' } });
});

test('a frame wraps the message for the parameter it came from', (t) => {
  const error = t.throws(() => validateAttributeValue({ SS: [] }, {
    prefix: 'ExpressionAttributeValues contains invalid value: ', suffix: ' for key :b', layer: 'older',
  }));
  t.true(isAwsError(error));
  t.is(error?.message, 'ExpressionAttributeValues contains invalid value: One or more parameter values were invalid: An string set  may not be empty for key :b');
  t.is((error as { code?: string }).code, 'ValidationException');
  t.is((error as { status?: number }).status, 400);
});

test('key rules: no empty key strings or binaries, size limits', (t) => {
  t.is(emptyKeyValueProblem('id', { S: '' }, 'item'),
    'One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: id');
  t.is(emptyKeyValueProblem('pk', { B: b('') }, 'key'),
    'One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty binary value. Key: pk');
  t.is(emptyKeyValueProblem('id', { S: 'a' }, 'key'), undefined);
  t.is(keySizeProblem({ S: 'a'.repeat(2048) }, true), undefined);
  t.regex(keySizeProblem({ S: 'a'.repeat(2049) }, true) ?? '', /Size of hashkey has exceeded the maximum size limit of2048 bytes$/);
  t.regex(keySizeProblem({ B: new Uint8Array(1025) }, false) ?? '', /Aggregated size of all range keys has exceeded the size limit of 1024 bytes$/);
});

test('PutItem, UpdateItem and DeleteItem wrap request-validation errors in the envelope, once', (t) => {
  const error = t.throws(() => withValidationEnvelope(() => withValidationEnvelope(() => validateItem({ n: { N: 'abc' } }))));
  t.is(error?.message, '1 validation error detected: The parameter cannot be converted to a numeric value: abc');
  t.true(isAwsError(error));
  const other = new Error('not a validation error');
  t.is(t.throws(() => withValidationEnvelope(() => { throw other; })), other);
});
