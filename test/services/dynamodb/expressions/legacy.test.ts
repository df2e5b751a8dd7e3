import test from 'ava';
import {
  applyUpdate, attributesToGetToPaths, attributeUpdatesToUpdate, checkParameterStyle, compileCondition, expectedToCondition,
  filterToCondition, keyConditionsToParts, resolveKeyCondition,
} from '../../../../src/services/dynamodb/expressions/index.js';
import { usesValidationEnvelope, valueLayerFor, withValidationEnvelope, type Item } from '../../../../src/services/dynamodb/values/index.js';
import { validationMessage } from './helpers.js';

const item: Item = { a: { S: 'abc' }, n: { N: '5' }, ss: { SS: ['x'] } };
const holds = (condition: ReturnType<typeof filterToCondition>): boolean => (condition ? compileCondition(condition)(item) : true);

test('QueryFilter/ScanFilter convert with ConditionalOperator', (t) => {
  t.true(holds(filterToCondition({ a: { ComparisonOperator: 'BEGINS_WITH', AttributeValueList: [{ S: 'ab' }] }, n: { ComparisonOperator: 'GT', AttributeValueList: [{ N: '4' }] } })));
  t.false(holds(filterToCondition({ a: { ComparisonOperator: 'EQ', AttributeValueList: [{ S: 'x' }] }, n: { ComparisonOperator: 'GT', AttributeValueList: [{ N: '4' }] } })));
  t.true(holds(filterToCondition({ a: { ComparisonOperator: 'EQ', AttributeValueList: [{ S: 'x' }] }, n: { ComparisonOperator: 'GT', AttributeValueList: [{ N: '4' }] } }, 'OR')));
  t.true(holds(filterToCondition({ missing: { ComparisonOperator: 'NULL' }, a: { ComparisonOperator: 'NOT_NULL' } })));
  t.true(holds(filterToCondition({ n: { ComparisonOperator: 'BETWEEN', AttributeValueList: [{ N: '1' }, { N: '5' }] } })));
  t.true(holds(filterToCondition({ n: { ComparisonOperator: 'IN', AttributeValueList: [{ N: '1' }, { N: '5' }] } })));
  t.true(holds(filterToCondition({ ss: { ComparisonOperator: 'CONTAINS', AttributeValueList: [{ S: 'x' }] }, a: { ComparisonOperator: 'NOT_CONTAINS', AttributeValueList: [{ S: 'z' }] } })));
  t.true(holds(filterToCondition({ missing: { ComparisonOperator: 'NE', AttributeValueList: [{ S: 'z' }] } })));
});

test('legacy filter validation messages', (t) => {
  const m = (filter: Record<string, unknown>): string => validationMessage(() => filterToCondition(filter as never));
  t.is(m({ a: { ComparisonOperator: 'EQ', AttributeValueList: [{ S: 'a' }, { S: 'b' }] } }), 'One or more parameter values were invalid: Invalid number of argument(s) for the EQ ComparisonOperator');
  t.is(m({ a: { ComparisonOperator: 'NULL', AttributeValueList: [{ S: 'a' }] } }), 'One or more parameter values were invalid: Invalid number of argument(s) for the NULL ComparisonOperator');
  t.is(m({ a: { ComparisonOperator: 'IN', AttributeValueList: [{ S: 'a' }, { N: '1' }] } }), 'One or more parameter values were invalid: AttributeValues inside AttributeValueList must be of same type');
  t.is(m({ a: { ComparisonOperator: 'BETWEEN', AttributeValueList: [{ BOOL: true }, { BOOL: true }] } }), 'One or more parameter values were invalid: ComparisonOperator BETWEEN is not valid for BOOL AttributeValue type');
  t.is(m({ a: { ComparisonOperator: 'BEGINS_WITH', AttributeValueList: [{ N: '1' }] } }), 'One or more parameter values were invalid: ComparisonOperator BEGINS_WITH is not valid for N AttributeValue type');
  t.is(m({ a: { ComparisonOperator: 'BETWEEN', AttributeValueList: [{ N: '2' }, { N: '1' }] } }), 'The BETWEEN condition was provided a range where the lower bound is greater than the upper bound');
  t.is(m({ a: { ComparisonOperator: 'EQ', AttributeValueList: [{ N: 'x' }] } }), 'The parameter cannot be converted to a numeric value: x');
});

test('Expected converts and validates as AWS does', (t) => {
  t.true(holds(expectedToCondition({ a: { Value: { S: 'abc' } }, gone: { Exists: false } })));
  t.false(holds(expectedToCondition({ a: { Value: { S: 'abc' }, Exists: true }, n: { ComparisonOperator: 'LT', Value: { N: '5' } } })));
  const m = (expected: Record<string, unknown>): string => validationMessage(() => expectedToCondition(expected as never));
  const invalid = 'One or more parameter values were invalid: ';
  t.is(m({ a: {} }), `${invalid}Value must be provided when Exists is null for Attribute: a`);
  t.is(m({ a: { Exists: true } }), `${invalid}Value must be provided when Exists is true for Attribute: a`);
  t.is(m({ a: { Exists: false, Value: { S: 'a' } } }), `${invalid}Value cannot be used when Exists is false for Attribute: a`);
  t.is(m({ a: { Value: { S: 'a' }, AttributeValueList: [] } }), `${invalid}Value and AttributeValueList cannot be used together for Attribute: a`);
  t.is(m({ a: { ComparisonOperator: 'EQ', Exists: true } }), `${invalid}Exists and ComparisonOperator cannot be used together for Attribute: a`);
  t.is(m({ a: { ComparisonOperator: 'EQ' } }), `${invalid}Value or AttributeValueList must be used with ComparisonOperator: EQ for Attribute: a`);
  t.is(m({ a: { AttributeValueList: [{ S: 'a' }] } }), `${invalid}AttributeValueList can only be used with a ComparisonOperator for Attribute: a`);
});

test('KeyConditions and AttributesToGet', (t) => {
  const schema = { hash: 'pk', range: 'sk', types: { pk: 'S', sk: 'N' } } as const;
  const parts = keyConditionsToParts({ pk: { ComparisonOperator: 'EQ', AttributeValueList: [{ S: 'p' }] }, sk: { ComparisonOperator: 'GE', AttributeValueList: [{ N: '3' }] } });
  t.deepEqual(resolveKeyCondition(parts, schema), { hash: { name: 'pk', value: { S: 'p' } }, range: { name: 'sk', op: 'GE', values: [{ N: '3' }] } });
  t.is(validationMessage(() => keyConditionsToParts({ a: { ComparisonOperator: 'NULL' }, b: { ComparisonOperator: 'NULL' }, c: { ComparisonOperator: 'NULL' } })),
    'Conditions can be of length 1 or 2 only');
  t.is(validationMessage(() => keyConditionsToParts({ pk: { ComparisonOperator: 'NE', AttributeValueList: [{ S: 'p' }] } })),
    'Attempted conditional constraint is not an indexable operation');
  t.deepEqual(attributesToGetToPaths(['a', 'b']), [['a'], ['b']]);
  t.is(validationMessage(() => attributesToGetToPaths(['a', 'a'])), 'One or more parameter values were invalid: Duplicate value in attribute name: a');
});

test('AttributeUpdates: PUT, DELETE, ADD (lists too), with the legacy messages', (t) => {
  const update = attributeUpdatesToUpdate({
    a: { Value: { S: 'new' } }, n: { Action: 'ADD', Value: { N: '2' } }, ss: { Action: 'DELETE', Value: { SS: ['x'] } },
    l: { Action: 'ADD', Value: { L: [{ S: 'more' }] } }, gone: { Action: 'DELETE' },
  });
  t.deepEqual(applyUpdate(update, { ...item, l: { L: [{ S: 'one' }] }, gone: { S: 'bye' } }).item,
    { a: { S: 'new' }, n: { N: '7' }, l: { L: [{ S: 'one' }, { S: 'more' }] } });
  const invalid = 'One or more parameter values were invalid: ';
  t.is(validationMessage(() => attributeUpdatesToUpdate({ a: { Action: 'PUT' } })), `${invalid}Only DELETE action is allowed when no attribute value is specified`);
  t.is(validationMessage(() => attributeUpdatesToUpdate({ a: { Action: 'DELETE', Value: { S: 'x' } } })), `${invalid}DELETE action with value is not supported for the type S`);
  t.is(validationMessage(() => attributeUpdatesToUpdate({ a: { Action: 'ADD', Value: { B: Buffer.from('b') } } })), `${invalid}ADD action is not supported for the type B`);
  t.is(validationMessage(() => applyUpdate(attributeUpdatesToUpdate({ ss: { Action: 'ADD', Value: { NS: ['1'] } } }), item)), 'Type mismatch for attribute to update');
});

test('expression and legacy parameters do not mix', (t) => {
  t.is(validationMessage(() => checkParameterStyle('GetItem', { AttributesToGet: ['a'], ProjectionExpression: 'a' })),
    'Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}');
  t.is(validationMessage(() => checkParameterStyle('Query', { QueryFilter: {}, ConditionalOperator: 'OR', KeyConditionExpression: 'a = :a', FilterExpression: 'b = :b' })),
    'Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {QueryFilter, ConditionalOperator} Expression parameters: {FilterExpression, KeyConditionExpression}');
  t.notThrows(() => checkParameterStyle('Query', { KeyConditions: {}, FilterExpression: 'b = :b' }));
  t.is(validationMessage(() => checkParameterStyle('UpdateItem', { AttributeUpdates: {}, ConditionExpression: 'a = :a' })),
    'Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {AttributeUpdates} Expression parameters: {ConditionExpression}');
  t.is(validationMessage(() => checkParameterStyle('Scan', { ExpressionAttributeNames: { '#a': 'a' } })), 'ExpressionAttributeNames can only be specified when using expressions');
  // The older layer (Scan) names the missing expressions; the current one (captured for PutItem, 2026-10) does not.
  t.is(validationMessage(() => checkParameterStyle('Scan', { ExpressionAttributeValues: { ':a': { S: 'a' } } })),
    'ExpressionAttributeValues can only be specified when using expressions: FilterExpression is null');
  t.is(validationMessage(() => checkParameterStyle('UpdateItem', { ExpressionAttributeValues: { ':a': { S: 'a' } } }, 'older')),
    'ExpressionAttributeValues can only be specified when using expressions: UpdateExpression and ConditionExpression are null');
  t.is(validationMessage(() => checkParameterStyle('PutItem', { ExpressionAttributeValues: { ':a': { S: 'a' } } })),
    'ExpressionAttributeValues can only be specified when using expressions');
  t.is(validationMessage(() => withValidationEnvelope(() => checkParameterStyle('PutItem', { ExpressionAttributeNames: { '#a': 'a' } }))),
    '1 validation error detected: ExpressionAttributeNames can only be specified when using expressions');
  t.is(validationMessage(() => withValidationEnvelope(() => expectedToCondition({ a: { Exists: true } }))),
    '1 validation error detected: One or more parameter values were invalid: Value must be provided when Exists is true for Attribute: a');
  t.is(valueLayerFor('Scan'), 'older');
  t.is(valueLayerFor('Query'), 'current');
  t.true(usesValidationEnvelope('DeleteItem'));
  t.false(usesValidationEnvelope('GetItem'));
  t.notThrows(() => checkParameterStyle('GetItem', { ProjectionExpression: '#a', ExpressionAttributeNames: { '#a': 'a' } }));
});
