/**
 * The data rows of radkawar/stackd testdata/aws/dynamodb/partiql.json (AWS us-east-1, 2026-09-17;
 * its IAM and CloudTrail rows are not modelled): a table keyed pk S + sk N, read and written by
 * classic calls and PartiQL, literal and parameterised, with a number written as 1.250 and read
 * back as 1.25. Rows are named by their capture label.
 */
import test from 'ava';
import { startBoltstack } from '../../../helpers/server.js';
import type { Boltstack } from '../../../../src/index.js';
import { rawCall, uniqueTable } from '../helpers.js';

let server: Boltstack;
const T = uniqueTable('pql');
const call = (op: string, body: Record<string, unknown>) => rawCall(server.endpoint, op, body);

test.before(async () => {
  server = await startBoltstack();
  await call('CreateTable', {
    TableName: T, BillingMode: 'PAY_PER_REQUEST',
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'sk', AttributeType: 'N' }],
  });
});
test.after.always(async () => { await server?.stop(); });

test.serial('classic and PartiQL reads and writes of one item, numbers normalised (partiql.json first-seed .. first-transaction)', async (t) => {
  await call('PutItem', { TableName: T, Item: { pk: { S: 'public' }, sk: { N: '1.250' }, secret: { S: 'private-first' }, other: { N: '42' } } });
  const names = { '#p': 'pk', '#s': 'sk', '#v': 'secret' };
  const projected = { Items: [{ pk: { S: 'public' }, secret: { S: 'private-first' }, sk: { N: '1.25' } }], Count: 1, ScannedCount: 1 };
  t.deepEqual((await call('Query', {
    TableName: T, KeyConditionExpression: '#p = :p AND #s BETWEEN :lo AND :hi', FilterExpression: '#v = :v', ProjectionExpression: '#p,#s,#v', ExpressionAttributeNames: names,
    ExpressionAttributeValues: { ':p': { S: 'public' }, ':lo': { N: '1.0' }, ':hi': { N: '2' }, ':v': { S: 'private-first' } },
  })).body, projected, 'first-query');
  t.deepEqual((await call('Scan', {
    TableName: T, FilterExpression: '#v = :v', ProjectionExpression: '#p,#s,#v', ExpressionAttributeNames: names, ExpressionAttributeValues: { ':v': { S: 'private-first' } },
  })).body, projected, 'first-scan');
  const whole = { secret: { S: 'private-first' }, other: { N: '42' }, sk: { N: '1.25' }, pk: { S: 'public' } };
  t.deepEqual((await call('ExecuteStatement', { Statement: `SELECT * FROM "${T}" WHERE pk='public' AND sk=1.250 AND secret='private-first' ` })).body, { Items: [whole] }, 'first-select-literal');
  t.deepEqual((await call('ExecuteStatement', {
    Statement: `SELECT * FROM "${T}" WHERE pk=? AND sk=? AND secret=?`, Parameters: [{ S: 'public' }, { N: '1.250' }, { S: 'private-first' }],
  })).body, { Items: [whole] }, 'first-select-parameters');
  t.deepEqual((await call('ExecuteStatement', { Statement: `UPDATE "${T}" SET secret='updated-first', other=-42 WHERE pk='public' AND sk=1.250` })).body, { Items: [] }, 'first-update-literal');
  t.deepEqual((await call('ExecuteStatement', { Statement: `INSERT INTO "${T}" VALUE {'pk':'insert-first', 'sk':2.500, 'secret':'insert-private-first'}` })).body, { Items: [] }, 'first-insert-literal');
  t.deepEqual((await call('ExecuteStatement', { Statement: `DELETE FROM "${T}" WHERE pk='insert-first' AND sk=2.500` })).body, { Items: [] }, 'first-delete-literal');
  const updated = { other: { N: '-42' }, secret: { S: 'updated-first' }, sk: { N: '1.25' }, pk: { S: 'public' } };
  const one = `SELECT * FROM "${T}" WHERE pk='public' AND sk=1.250`;
  t.deepEqual((await call('BatchExecuteStatement', { Statements: [{ Statement: one }] })).body, { Responses: [{ TableName: T, Item: updated }] }, 'first-batch');
  t.deepEqual((await call('ExecuteTransaction', { TransactStatements: [{ Statement: one }] })).body, { Responses: [{ Item: updated }] }, 'first-transaction');
  t.deepEqual((await call('Scan', { TableName: T })).body.Count, 1, 'the INSERTed item was DELETEd');
});
