/**
 * What a PartiQL INSERT refused because its item exists costs: the write units of the item it
 * met, whatever the size of the item it brought. Source: radkawar/stackd
 * testdata/aws/dynamodb/partiql_failure_metrics.json (AWS us-east-1, 2026-09-17), whose
 * CloudWatch ConsumedWriteCapacityUnits isolate each failed call: seq 10 INSERTs key `small` (a
 * 1-unit item) with a ~9 KB new item and is charged 1; seq 11 INSERTs key `large` (a 9-unit item)
 * with a small new item and is charged 9; seq 14, both in one batch, 10. A lone ExecuteStatement
 * answers no ConsumedCapacity on failure, so the charge shows in a BatchExecuteStatement's total,
 * beside a statement that succeeds (the total but not the `Table` part, partiql/failed-write-units.ts).
 */
import test from 'ava';
import { BatchExecuteStatementCommand, CreateTableCommand, PutItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { startBoltstack } from '../../../helpers/server.js';
import type { Boltstack } from '../../../../src/index.js';
import { ddbClient, uniqueTable } from '../helpers.js';

let server: Boltstack;
let ddb: DynamoDBClient;
const T = uniqueTable('pqlfail');
const SMALL = 'x'.repeat(700); // 'pk' + 'small' + 'payload' + 700: one unit
const LARGE = 'x'.repeat(8900); // 'pk' + 'large' + 'payload' + 8900: nine units

test.before(async () => {
  server = await startBoltstack();
  ddb = ddbClient(server.endpoint);
  await ddb.send(new CreateTableCommand({
    TableName: T, BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
  }));
  await ddb.send(new PutItemCommand({ TableName: T, Item: { pk: { S: 'small' }, payload: { S: SMALL } } })); // seq 8
  await ddb.send(new PutItemCommand({ TableName: T, Item: { pk: { S: 'large' }, payload: { S: LARGE } } }));
});
test.after.always(async () => { await server?.stop(); });

const insert = (pk: string, payload: string) => ({ Statement: `INSERT INTO "${T}" VALUE {'pk':?,'payload':?}`, Parameters: [{ S: pk }, { S: payload }] });

for (const [seq, pk, payload, units] of [['seq 10', 'small', LARGE, 1], ['seq 11', 'large', SMALL, 9]] as const) {
  test(`a refused INSERT costs the item it met, not the one it brought (partiql_failure_metrics.json ${seq}: ${units})`, async (t) => {
    const out = await ddb.send(new BatchExecuteStatementCommand({ Statements: [insert(pk, payload), insert(`fresh-${pk}`, 'y')], ReturnConsumedCapacity: 'INDEXES' }));
    t.deepEqual(out.Responses?.map((r) => r.Error?.Code), ['DuplicateItem', undefined]);
    t.deepEqual(out.ConsumedCapacity, [{ TableName: T, CapacityUnits: units + 1, Table: { CapacityUnits: 1 } }]);
  });
}
