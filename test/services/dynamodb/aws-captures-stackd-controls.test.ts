/**
 * CreateTable's checks and answer as native AWS DynamoDB gave them in 2026 (radkawar/stackd
 * testdata/aws/dynamodb/controls.json, calls of 2026-09-17).
 */
import test from 'ava';
import { CreateTableCommand, DescribeLimitsCommand, DescribeTableCommand, UpdateTableCommand, type CreateTableCommandInput, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { startBoltstack } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';
import { ddbClient, ddbErrorOf, uniqueTable } from './helpers.js';

const SRC = 'radkawar/stackd testdata/aws/dynamodb/controls.json';
let server: Boltstack;
let ddb: DynamoDBClient;
let now = Date.UTC(2026, 8, 17, 8, 48, 41, 534);
test.before(async () => { server = await startBoltstack({ clock: () => now }); ddb = ddbClient(server.endpoint); });
test.after.always(async () => { await server?.stop(); });

const indexed = (gsiProjection: object): CreateTableCommandInput => ({
  TableName: uniqueTable('ctl'),
  AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'sk', AttributeType: 'N' }, { AttributeName: 'lsi', AttributeType: 'S' }, { AttributeName: 'gpk', AttributeType: 'S' }],
  KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
  BillingMode: 'PROVISIONED', ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 },
  LocalSecondaryIndexes: [{ IndexName: 'lsi_one', KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'lsi', KeyType: 'RANGE' }], Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['extra'] } }],
  GlobalSecondaryIndexes: [{ IndexName: 'gsi_one', KeySchema: [{ AttributeName: 'gpk', KeyType: 'HASH' }], Projection: gsiProjection, ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 } }],
  Tags: [{ Key: 'owner', Value: 'stackd-probe' }, { Key: 'phase', Value: 'create' }],
});

const rows: Array<[string, CreateTableCommandInput, string]> = [
  ['seq 3', {
    TableName: 'ctl-invalid', BillingMode: 'PAY_PER_REQUEST', TableClass: 'STANDARD_INFREQUENT_ACCESS',
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'unused', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
  }, 'One or more parameter values were invalid: Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions'],
  ['seq 4', indexed({ ProjectionType: 'INCLUDE' }), 'One or more parameter values were invalid: ProjectionType is INCLUDE, but NonKeyAttributes is not specified'],
  ['seq 5', {
    TableName: 'ctl-invalid', BillingMode: 'PAY_PER_REQUEST', TableClass: 'STANDARD_INFREQUENT_ACCESS', ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 },
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
  }, 'One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST'],
];
for (const [seq, input, message] of rows) {
  test(`CreateTable refused: ${message} (${SRC} ${seq}, 2026-09-17)`, async (t) => {
    const err = await ddbErrorOf(ddb.send(new CreateTableCommand(input)));
    t.deepEqual([err.name, err.message, err.$metadata.httpStatusCode], ['ValidationException', message, 400]);
  });
}

test(`a provisioned table with an LSI and a GSI: CreateTable's description (${SRC} seq 6, 2026-09-17)`, async (t) => {
  const input = indexed({ ProjectionType: 'KEYS_ONLY' });
  const desc = (await ddb.send(new CreateTableCommand(input))).TableDescription!;
  t.deepEqual(desc.ProvisionedThroughput, { NumberOfDecreasesToday: 0, ReadCapacityUnits: 1, WriteCapacityUnits: 1 });
  // AWS lists AttributeDefinitions sorted by name (gpk, lsi, pk, sk); boltstack keeps the request's
  // order, which test/services/dynamodb/update-table.test.ts pins: only the set is asserted here.
  t.deepEqual(desc.AttributeDefinitions?.map((a) => a.AttributeName).sort(), ['gpk', 'lsi', 'pk', 'sk']);
  t.deepEqual(desc.LocalSecondaryIndexes?.[0]?.Projection, { ProjectionType: 'INCLUDE', NonKeyAttributes: ['extra'] });
  t.deepEqual(desc.GlobalSecondaryIndexes?.[0]?.ProvisionedThroughput, { NumberOfDecreasesToday: 0, ReadCapacityUnits: 1, WriteCapacityUnits: 1 });
});

const BILLING = 'radkawar/stackd testdata/aws/dynamodb/billing_mode_limits.json';

test(`UpdateTable naming PROVISIONED without throughput on a provisioned table is refused (${BILLING} seq 8, 2026-09-18)`, async (t) => {
  const TableName = uniqueTable('bill');
  await ddb.send(new CreateTableCommand({
    TableName, BillingMode: 'PROVISIONED', ProvisionedThroughput: { ReadCapacityUnits: 2, WriteCapacityUnits: 2 },
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
  }));
  const err = await ddbErrorOf(ddb.send(new UpdateTableCommand({ TableName, BillingMode: 'PROVISIONED' })));
  t.deepEqual([err.name, err.message, err.$metadata.httpStatusCode],
    ['ValidationException', 'One or more parameter values were invalid: ProvisionedThroughput must be specified when BillingMode is PROVISIONED', 400]);
});

test('DescribeLimits answers the default quotas (radkawar/stackd testdata/aws/dynamodb/account_controls.json call 1, 2026-09-17)', async (t) => {
  const { $metadata: _m, ...limits } = await ddb.send(new DescribeLimitsCommand({}));
  t.deepEqual(limits, { AccountMaxReadCapacityUnits: 80000, AccountMaxWriteCapacityUnits: 80000, TableMaxReadCapacityUnits: 40000, TableMaxWriteCapacityUnits: 40000 });
});

test(`CreateTable answers no on-demand time; a table-class change answers the class being left, then carries its change time (${SRC} seq 9, 15, 49-52, 2026-09-17)`, async (t) => {
  const TableName = uniqueTable('class');
  const created = await ddb.send(new CreateTableCommand({
    TableName, BillingMode: 'PAY_PER_REQUEST', TableClass: 'STANDARD_INFREQUENT_ACCESS',
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
  }));
  t.deepEqual(created.TableDescription!.TableClassSummary, { TableClass: 'STANDARD_INFREQUENT_ACCESS' }, 'seq 9');
  // The time it went on demand shows once the table is ACTIVE, not on CreateTable's answer.
  t.deepEqual(created.TableDescription!.BillingModeSummary, { BillingMode: 'PAY_PER_REQUEST' }, 'seq 9');
  const active = (await ddb.send(new DescribeTableCommand({ TableName }))).Table!;
  t.deepEqual([active.TableClassSummary, active.BillingModeSummary], [{ TableClass: 'STANDARD_INFREQUENT_ACCESS' }, { BillingMode: 'PAY_PER_REQUEST', LastUpdateToPayPerRequestDateTime: new Date(now) }], 'seq 15');
  // AWS's change settled at 09:49:35.942 (+01:00); boltstack's settles when it is asked for.
  now = Date.UTC(2026, 8, 17, 8, 49, 35, 942);
  const updated = (await ddb.send(new UpdateTableCommand({ TableName, TableClass: 'STANDARD' }))).TableDescription!;
  t.deepEqual([updated.TableStatus, updated.TableClassSummary], ['UPDATING', { TableClass: 'STANDARD_INFREQUENT_ACCESS' }], 'seq 49');
  t.deepEqual((await ddb.send(new DescribeTableCommand({ TableName }))).Table!.TableClassSummary, { TableClass: 'STANDARD', LastUpdateDateTime: new Date(now) }, 'seq 52');
});
