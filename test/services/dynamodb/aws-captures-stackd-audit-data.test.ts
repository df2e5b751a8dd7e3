/**
 * One of each data-plane call as native AWS answered it, raw on the wire: radkawar/stackd
 * testdata/aws/dynamodb/audit_data.json (AWS us-east-1, 2026-09-17), its first wave, seq 11-26 (a
 * table keyed by pk S, on demand). The capture's CloudTrail events are not modelled here.
 */
import test from 'ava';
import { startBoltstack } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';
import { rawCall, uniqueTable } from './helpers.js';

let server: Boltstack;
const T = uniqueTable('auditdata');
const call = (op: string, body: Record<string, unknown>) => rawCall(server.endpoint, op, body);
const S = (s: string) => ({ S: s });
const N = (n: string) => ({ N: n });

test.before(async () => {
  server = await startBoltstack();
  await call('CreateTable', {
    TableName: T, BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
  });
});
test.after.always(async () => { await server?.stop(); });

test.serial('wave 1: each classic and PartiQL call, its answer and its refusals (audit_data.json seq 11-26)', async (t) => {
  const single = { pk: S('wave1-single'), payload: S('classic-nonkey-wave1'), counter: N('1') };
  t.deepEqual(await call('PutItem', { TableName: T, Item: single, ReturnConsumedCapacity: 'TOTAL' }),
    { status: 200, body: { ConsumedCapacity: { TableName: T, CapacityUnits: 1 } } }, 'seq 11');
  t.deepEqual(await call('GetItem', { TableName: T, Key: { pk: S('wave1-single') }, ConsistentRead: true }), { status: 200, body: { Item: single } }, 'seq 12');
  const update = await call('UpdateItem', {
    TableName: T, Key: { pk: S('wave1-single') }, UpdateExpression: 'SET payload = :v, counter = counter + :one',
    ExpressionAttributeValues: { ':v': S('updated-nonkey-wave1'), ':one': N('1') }, ReturnValues: 'ALL_NEW',
  });
  t.deepEqual([update.status, update.body.message ?? update.body.Message], [400, '1 validation error detected: Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: counter'], 'seq 13');
  const refused = await call('PutItem', {
    TableName: T, Item: { ...single, payload: S('failed-nonkey-wave1') }, ConditionExpression: 'attribute_not_exists(pk)', ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
  });
  t.deepEqual([refused.status, refused.body.message ?? refused.body.Message, refused.body.Item], [400, 'The conditional request failed', single], 'seq 14');
  const batchItem = { pk: S('wave1-batch'), payload: S('batch-nonkey-wave1'), counter: N('1') };
  t.deepEqual((await call('BatchWriteItem', { RequestItems: { [T]: [{ PutRequest: { Item: batchItem } }] } })).body, { UnprocessedItems: {} }, 'seq 15');
  t.deepEqual((await call('BatchGetItem', { RequestItems: { [T]: { Keys: [{ pk: S('wave1-batch') }], ConsistentRead: true } } })).body,
    { Responses: { [T]: [batchItem] }, UnprocessedKeys: {} }, 'seq 16');
  const txItem = { pk: S('wave1-transaction'), payload: S('transaction-nonkey-wave1'), counter: N('1') };
  t.deepEqual((await call('TransactWriteItems', { TransactItems: [{ Put: { TableName: T, Item: txItem } }] })).body, {}, 'seq 17');
  t.deepEqual((await call('TransactGetItems', { TransactItems: [{ Get: { TableName: T, Key: { pk: S('wave1-transaction') } } }] })).body, { Responses: [{ Item: txItem }] }, 'seq 18');
  const cancelled = await call('TransactWriteItems', {
    TransactItems: [{ ConditionCheck: { TableName: T, Key: { pk: S('wave1-transaction') }, ConditionExpression: 'attribute_not_exists(pk)', ReturnValuesOnConditionCheckFailure: 'ALL_OLD' } }],
  });
  t.deepEqual([cancelled.status, cancelled.body.message ?? cancelled.body.Message],
    [400, 'Transaction cancelled, please refer cancellation reasons for specific reasons [ConditionalCheckFailed]'], 'seq 19');
  const statement = (Statement: string, ...Parameters: unknown[]) => call('ExecuteStatement', { Statement, Parameters });
  t.deepEqual((await statement(`INSERT INTO "${T}" VALUE {'pk': ?, 'payload': ?}`, S('wave1-partiql'), S('partiql-nonkey-wave1'))).body, { Items: [] }, 'seq 20');
  t.deepEqual((await call('ExecuteStatement', { Statement: `SELECT * FROM "${T}" WHERE pk = ?`, Parameters: [S('wave1-partiql')], ConsistentRead: true })).body,
    { Items: [{ payload: S('partiql-nonkey-wave1'), pk: S('wave1-partiql') }] }, 'seq 21');
  t.deepEqual((await statement(`UPDATE "${T}" SET payload = ? WHERE pk = ?`, S('partiql-updated-nonkey-wave1'), S('wave1-partiql'))).body, { Items: [] }, 'seq 22');
  const updated = { payload: S('partiql-updated-nonkey-wave1'), pk: S('wave1-partiql') };
  t.deepEqual((await call('BatchExecuteStatement', { Statements: [{ Statement: `SELECT * FROM "${T}" WHERE pk = ?`, Parameters: [S('wave1-partiql')], ConsistentRead: true }] })).body,
    { Responses: [{ TableName: T, Item: updated }] }, 'seq 23');
  t.deepEqual((await call('ExecuteTransaction', { TransactStatements: [{ Statement: `SELECT * FROM "${T}" WHERE pk = ?`, Parameters: [S('wave1-partiql')] }] })).body,
    { Responses: [{ Item: updated }] }, 'seq 24');
  t.deepEqual((await statement(`DELETE FROM "${T}" WHERE pk = ?`, S('wave1-partiql'))).body, { Items: [] }, 'seq 25');
  t.deepEqual((await call('DeleteItem', { TableName: T, Key: { pk: S('wave1-single') }, ReturnValues: 'ALL_OLD' })).body, { Attributes: single }, 'seq 26');
});
