/**
 * WarmThroughput on table descriptions as native AWS DynamoDB answered it in September 2026
 * (radkawar/stackd testdata/aws/dynamodb/controls.json, calls of 2026-09-17; on_demand_limits.json
 * and decrease_limits.json, calls of 2026-09-18; us-east-1): the highest units a table or GSI has
 * had, 12000/4000 once on demand, Status ACTIVE; none on CreateTable's or DeleteTable's answer;
 * UpdateTable answers the warm throughput being left.
 */
import test from 'ava';
import { CreateTableCommand, DeleteTableCommand, DescribeTableCommand, UpdateTableCommand, type CreateTableCommandInput, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { startBoltstack } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';
import { ddbClient, rawCall, uniqueTable } from './helpers.js';

const CONTROLS = 'radkawar/stackd testdata/aws/dynamodb/controls.json';
const ON_DEMAND = 'radkawar/stackd testdata/aws/dynamodb/on_demand_limits.json';
const DECREASES = 'radkawar/stackd testdata/aws/dynamodb/decrease_limits.json';
let server: Boltstack;
let ddb: DynamoDBClient;
test.before(async () => { server = await startBoltstack(); ddb = ddbClient(server.endpoint); });
test.after.always(async () => { await server?.stop(); });

const warm = (ReadUnitsPerSecond: number, WriteUnitsPerSecond: number) => ({ ReadUnitsPerSecond, WriteUnitsPerSecond, Status: 'ACTIVE' });
const describe = async (TableName: string) => (await ddb.send(new DescribeTableCommand({ TableName }))).Table!;
type Described = { WarmThroughput?: unknown; GlobalSecondaryIndexes?: Array<{ IndexName?: string; WarmThroughput?: unknown }> };
/** The table's warm throughput, then each GSI's by name. */
const warmOf = (d: Described) => [d.WarmThroughput, Object.fromEntries((d.GlobalSecondaryIndexes ?? []).map((i) => [i.IndexName, i.WarmThroughput]))];

/** controls.json seq 6's table: provisioned 1/1, an LSI and a GSI 1/1. */
const indexed = (TableName: string): CreateTableCommandInput => ({
  TableName,
  AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'sk', AttributeType: 'N' }, { AttributeName: 'lsi', AttributeType: 'S' }, { AttributeName: 'gpk', AttributeType: 'S' }],
  KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
  BillingMode: 'PROVISIONED', ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 },
  LocalSecondaryIndexes: [{ IndexName: 'lsi_one', KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'lsi', KeyType: 'RANGE' }], Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['extra'] } }],
  GlobalSecondaryIndexes: [{ IndexName: 'gsi_one', KeySchema: [{ AttributeName: 'gpk', KeyType: 'HASH' }], Projection: { ProjectionType: 'KEYS_ONLY' }, ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 } }],
});

test(`a provisioned table and its GSI: none on CreateTable, the units once ACTIVE, in the description's last place (${CONTROLS} seq 6, 14, 16)`, async (t) => {
  const TableName = uniqueTable('warm');
  const created = (await ddb.send(new CreateTableCommand(indexed(TableName)))).TableDescription!;
  t.deepEqual(warmOf(created), [undefined, { gsi_one: undefined }], 'seq 6: CreateTable answers no WarmThroughput');
  t.deepEqual(warmOf(await describe(TableName)), [warm(1, 1), { gsi_one: warm(1, 1) }], 'seq 14, 16');
  // Raw JSON: members in name order, as AWS writes them on the wire (the AWS CLI prints them in
  // the model's order, as the capture has them: botocore rebuilds the answer shape by shape; the
  // wire order is that of raw answers, test/protocol/json-wire-format.test.ts).
  const raw = (await rawCall(server.endpoint, 'DescribeTable', { TableName })).body.Table as Record<string, unknown>;
  t.is(Object.keys(raw).at(-1), 'WarmThroughput');
  const gsi = (raw.GlobalSecondaryIndexes as Array<Record<string, unknown>>)[0]!;
  t.is(Object.keys(gsi).at(-1), 'WarmThroughput');
  t.deepEqual(Object.keys(raw.WarmThroughput as object), ['ReadUnitsPerSecond', 'Status', 'WriteUnitsPerSecond']);
});

test(`raised with the units, answered as it was by UpdateTable, kept when the units are lowered; none on DeleteTable (${CONTROLS} seq 40-45, 100-117)`, async (t) => {
  const TableName = uniqueTable('warm');
  await ddb.send(new CreateTableCommand(indexed(TableName)));
  const table = (ReadCapacityUnits: number, WriteCapacityUnits: number) => ddb.send(new UpdateTableCommand({ TableName, ProvisionedThroughput: { ReadCapacityUnits, WriteCapacityUnits } }));
  t.deepEqual(warmOf((await table(2, 1)).TableDescription!), [warm(1, 1), { gsi_one: warm(1, 1) }], 'seq 40: the answer, UPDATING');
  t.deepEqual(warmOf(await describe(TableName)), [warm(2, 1), { gsi_one: warm(1, 1) }], 'seq 42: settled');
  const index = await ddb.send(new UpdateTableCommand({ TableName, GlobalSecondaryIndexUpdates: [{ Update: { IndexName: 'gsi_one', ProvisionedThroughput: { ReadCapacityUnits: 2, WriteCapacityUnits: 1 } } }] }));
  t.deepEqual(warmOf(index.TableDescription!), [warm(2, 1), { gsi_one: warm(1, 1) }], 'seq 43: the index UPDATING answers its warm throughput as it was');
  t.deepEqual(warmOf(await describe(TableName)), [warm(2, 1), { gsi_one: warm(2, 1) }], 'seq 45');
  await table(3, 1);
  t.deepEqual(warmOf(await describe(TableName)), [warm(3, 1), { gsi_one: warm(2, 1) }], 'seq 102');
  await table(3, 2);
  t.deepEqual(warmOf(await describe(TableName)), [warm(3, 2), { gsi_one: warm(2, 1) }], 'seq 105');
  t.deepEqual(warmOf((await table(2, 2)).TableDescription!), [warm(3, 2), { gsi_one: warm(2, 1) }], 'seq 110: a decrease, UPDATING');
  const lowered = await describe(TableName);
  t.deepEqual([lowered.ProvisionedThroughput?.ReadCapacityUnits, ...warmOf(lowered)], [2, warm(3, 2), { gsi_one: warm(2, 1) }], 'seq 111, 116: units 2/2, warm 3/2');
  const deleted = (await ddb.send(new DeleteTableCommand({ TableName }))).TableDescription!;
  t.is(deleted.WarmThroughput, undefined, 'seq 117');
});

test(`an on-demand table: 12000/4000 once ACTIVE, through a table-class update and a switch to provisioned 1/1 (${CONTROLS} seq 9, 15, 49-54, 97)`, async (t) => {
  const TableName = uniqueTable('warm');
  const created = await ddb.send(new CreateTableCommand({
    TableName, BillingMode: 'PAY_PER_REQUEST', TableClass: 'STANDARD_INFREQUENT_ACCESS',
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
  }));
  t.is(created.TableDescription!.WarmThroughput, undefined, 'seq 9');
  t.deepEqual((await describe(TableName)).WarmThroughput, warm(12000, 4000), 'seq 15');
  t.deepEqual((await ddb.send(new UpdateTableCommand({ TableName, TableClass: 'STANDARD' }))).TableDescription!.WarmThroughput, warm(12000, 4000), 'seq 49');
  const switched = await ddb.send(new UpdateTableCommand({ TableName, BillingMode: 'PROVISIONED', ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 } }));
  t.deepEqual(switched.TableDescription!.WarmThroughput, warm(12000, 4000), 'seq 54');
  const settled = await describe(TableName);
  t.deepEqual([settled.BillingModeSummary?.BillingMode, settled.ProvisionedThroughput?.ReadCapacityUnits, settled.WarmThroughput], ['PROVISIONED', 1, warm(12000, 4000)], 'seq 97');
});

test(`on-demand maxima leave it at 12000/4000, on the table and each GSI; none while CREATING (${ON_DEMAND} seq 7, 11, 12, 20)`, async (t) => {
  const TableName = uniqueTable('warm');
  const created = await ddb.send(new CreateTableCommand({
    TableName, BillingMode: 'PAY_PER_REQUEST', OnDemandThroughput: { MaxWriteRequestUnits: 29 },
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'x', AttributeType: 'S' }],
    GlobalSecondaryIndexes: [
      { IndexName: 'pressure', KeySchema: [{ AttributeName: 'x', KeyType: 'HASH' }], Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['data', 'mark'] }, OnDemandThroughput: { MaxReadRequestUnits: 11, MaxWriteRequestUnits: 13 } },
      { IndexName: 'unlimited', KeySchema: [{ AttributeName: 'x', KeyType: 'HASH' }], Projection: { ProjectionType: 'KEYS_ONLY' } },
    ],
  }));
  t.deepEqual(warmOf(created.TableDescription!), [undefined, { pressure: undefined, unlimited: undefined }], 'seq 12');
  t.deepEqual(warmOf(await describe(TableName)), [warm(12000, 4000), { pressure: warm(12000, 4000), unlimited: warm(12000, 4000) }], 'seq 20');
  const read = uniqueTable('warm');
  await ddb.send(new CreateTableCommand({
    TableName: read, BillingMode: 'PAY_PER_REQUEST', OnDemandThroughput: { MaxReadRequestUnits: 17 },
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
  }));
  t.deepEqual((await describe(read)).WarmThroughput, warm(12000, 4000), 'seq 11');
});

test(`a GSI created by UpdateTable has none while CREATING, then its units (${CONTROLS} seq 6-13: indexes CREATING answer none)`, async (t) => {
  const TableName = uniqueTable('warm');
  await ddb.send(new CreateTableCommand({
    TableName, BillingMode: 'PROVISIONED', ProvisionedThroughput: { ReadCapacityUnits: 4, WriteCapacityUnits: 3 },
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
  }));
  const added = await ddb.send(new UpdateTableCommand({
    TableName, AttributeDefinitions: [{ AttributeName: 'g', AttributeType: 'S' }],
    GlobalSecondaryIndexUpdates: [{ Create: { IndexName: 'later', KeySchema: [{ AttributeName: 'g', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' }, ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 2 } } }],
  }));
  t.deepEqual(warmOf(added.TableDescription!), [warm(4, 3), { later: undefined }]);
  for (let i = 0; i < 100 && (await describe(TableName)).GlobalSecondaryIndexes?.[0]?.IndexStatus !== 'ACTIVE'; i++) await new Promise((r) => setTimeout(r, 10));
  t.deepEqual(warmOf(await describe(TableName)), [warm(4, 3), { later: warm(5, 2) }]);
});

test(`a provisioned table 16/16 lowered and switched to on-demand: 16/16 kept while it switches, 12000/4000 after, on the table and its GSIs (${DECREASES} seq 3-22, 96-113, 248)`, async (t) => {
  const TableName = uniqueTable('warm');
  const gsi = (IndexName: string) => ({ IndexName, KeySchema: [{ AttributeName: 'x', KeyType: 'HASH' as const }], Projection: { ProjectionType: 'KEYS_ONLY' as const }, ProvisionedThroughput: { ReadCapacityUnits: 16, WriteCapacityUnits: 16 } });
  await ddb.send(new CreateTableCommand({
    TableName, BillingMode: 'PROVISIONED', ProvisionedThroughput: { ReadCapacityUnits: 16, WriteCapacityUnits: 16 },
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'x', AttributeType: 'S' }],
    GlobalSecondaryIndexes: [gsi('quota'), gsi('sibling')],
  }));
  await ddb.send(new UpdateTableCommand({ TableName, ProvisionedThroughput: { ReadCapacityUnits: 15, WriteCapacityUnits: 16 } }));
  t.deepEqual(warmOf(await describe(TableName)), [warm(16, 16), { quota: warm(16, 16), sibling: warm(16, 16) }], 'seq 22: units 15/16');
  const switched = await ddb.send(new UpdateTableCommand({ TableName, BillingMode: 'PAY_PER_REQUEST' }));
  t.deepEqual(warmOf(switched.TableDescription!), [warm(16, 16), { quota: warm(16, 16), sibling: warm(16, 16) }], 'seq 96-113: switching');
  t.deepEqual(warmOf(await describe(TableName)), [warm(12000, 4000), { quota: warm(12000, 4000), sibling: warm(12000, 4000) }], 'settled on demand');
  const back = await ddb.send(new UpdateTableCommand({
    TableName, BillingMode: 'PROVISIONED', ProvisionedThroughput: { ReadCapacityUnits: 16, WriteCapacityUnits: 18 },
    GlobalSecondaryIndexUpdates: ['quota', 'sibling'].map((IndexName) => ({ Update: { IndexName, ProvisionedThroughput: { ReadCapacityUnits: 16, WriteCapacityUnits: 18 } } })),
  }));
  t.deepEqual(warmOf(back.TableDescription!), [warm(12000, 4000), { quota: warm(12000, 4000), sibling: warm(12000, 4000) }], 'seq 248: back to provisioned 16/18');
  t.deepEqual(warmOf(await describe(TableName)), [warm(12000, 4000), { quota: warm(12000, 4000), sibling: warm(12000, 4000) }]);
});
