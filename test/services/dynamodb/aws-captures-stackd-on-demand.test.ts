/**
 * OnDemandThroughput as native AWS DynamoDB checked and described it in 2026 (radkawar/stackd
 * testdata/aws/dynamodb/on_demand_limits.json, calls of 2026-09-18): a maximum is 1 or more, or
 * -1 ("no maximum") in an update only; a description names only the members given, and an update
 * replaces them all.
 */
import test from 'ava';
import {
  CreateTableCommand, DescribeTableCommand, UpdateTableCommand,
  type CreateTableCommandInput, type DynamoDBClient, type OnDemandThroughput,
} from '@aws-sdk/client-dynamodb';
import { startBoltstack } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';
import { ddbClient, ddbErrorOf, uniqueTable } from './helpers.js';

const SRC = 'radkawar/stackd testdata/aws/dynamodb/on_demand_limits.json';
let server: Boltstack;
let ddb: DynamoDBClient;
test.before(async () => { server = await startBoltstack(); ddb = ddbClient(server.endpoint); });
test.after.always(async () => { await server?.stop(); });

const table = (extra: Partial<CreateTableCommandInput> = {}): CreateTableCommandInput => ({
  TableName: uniqueTable('ondemand'), BillingMode: 'PAY_PER_REQUEST',
  KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], ...extra,
});
const invalid = (detail: string): [string, string, number] => ['ValidationException', `One or more parameter values were invalid: ${detail}`, 400];
const refusal = async (p: Promise<unknown>) => { const e = await ddbErrorOf(p); return [e.name, e.message, e.$metadata.httpStatusCode]; };
const range = (member: string, owner = 'table') => invalid(`Requested ${member} for OnDemandThroughput for ${owner} is outside of valid range`);

test(`CreateTable: a maximum given alone is described alone (${SRC} seq 7-10)`, async (t) => {
  const input = table({ OnDemandThroughput: { MaxReadRequestUnits: 17 } });
  t.deepEqual((await ddb.send(new CreateTableCommand(input))).TableDescription?.OnDemandThroughput, { MaxReadRequestUnits: 17 });
  t.deepEqual((await ddb.send(new DescribeTableCommand({ TableName: input.TableName }))).Table?.OnDemandThroughput, { MaxReadRequestUnits: 17 });
});

const createRows: Array<[string, OnDemandThroughput, [string, string, number]]> = [
  ['seq 31', { MaxReadRequestUnits: 0 }, range('MaxReadRequestUnits')],
  ['seq 32', { MaxWriteRequestUnits: -2 }, range('MaxWriteRequestUnits')],
  ['seq 33', { MaxWriteRequestUnits: -1 }, range('MaxWriteRequestUnits')],
];
for (const [seq, OnDemandThroughput, expected] of createRows) {
  test(`CreateTable refuses OnDemandThroughput ${JSON.stringify(OnDemandThroughput)} (${SRC} ${seq})`, async (t) => {
    t.deepEqual(await refusal(ddb.send(new CreateTableCommand(table({ OnDemandThroughput })))), expected);
  });
}

test(`CreateTable: OnDemandThroughput on a PROVISIONED table (${SRC} seq 34)`, async (t) => {
  const input = table({ BillingMode: 'PROVISIONED', OnDemandThroughput: { MaxReadRequestUnits: 1 }, ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 } });
  t.deepEqual(await refusal(ddb.send(new CreateTableCommand(input))),
    invalid('MaxReadRequestUnits for OnDemandThroughput cannot be specified when table BillingMode is PROVISIONED.'));
});

test(`UpdateTable replaces the maxima; -1 removes one; 0 and -2 are refused (${SRC} seq 35-46)`, async (t) => {
  const { TableName } = table();
  await ddb.send(new CreateTableCommand(table({ TableName })));
  const update = (OnDemandThroughput: OnDemandThroughput) => ddb.send(new UpdateTableCommand({ TableName, OnDemandThroughput }));
  const described = async () => (await ddb.send(new DescribeTableCommand({ TableName }))).Table?.OnDemandThroughput;
  t.deepEqual((await update({ MaxReadRequestUnits: 19 })).TableDescription?.OnDemandThroughput, { MaxReadRequestUnits: 19 }, 'seq 35');
  t.deepEqual(await described(), { MaxReadRequestUnits: 19 }, 'seq 36');
  t.deepEqual((await update({ MaxReadRequestUnits: -1 })).TableDescription?.OnDemandThroughput, { MaxReadRequestUnits: -1 }, 'seq 39');
  t.deepEqual(await described(), { MaxReadRequestUnits: -1 }, 'seq 40');
  t.deepEqual(await refusal(update({ MaxReadRequestUnits: 0 })), range('MaxReadRequestUnits'), 'seq 42');
  t.deepEqual(await refusal(update({ MaxWriteRequestUnits: 0 })), range('MaxWriteRequestUnits'), 'seq 43');
  t.deepEqual(await refusal(update({ MaxWriteRequestUnits: -2 })), range('MaxWriteRequestUnits'), 'seq 44');
  t.deepEqual((await update({ MaxWriteRequestUnits: -1 })).TableDescription?.OnDemandThroughput, { MaxWriteRequestUnits: -1 }, 'seq 45');
  t.deepEqual(await described(), { MaxWriteRequestUnits: -1 }, 'seq 46');
});

test(`an index created with MaxReadRequestUnits -1 is refused, in CreateTable and UpdateTable (${SRC} "indexCreationAddendum" seq 1, 8)`, async (t) => {
  const gsi = {
    IndexName: 'sentinel-index', KeySchema: [{ AttributeName: 'gpk', KeyType: 'HASH' as const }], Projection: { ProjectionType: 'ALL' as const },
    OnDemandThroughput: { MaxReadRequestUnits: -1, MaxWriteRequestUnits: 3 },
  };
  const expected = range('MaxReadRequestUnits', 'index: sentinel-index');
  const withIndex = table({ AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'gpk', AttributeType: 'S' }], GlobalSecondaryIndexes: [gsi] });
  t.deepEqual(await refusal(ddb.send(new CreateTableCommand(withIndex))), expected, 'seq 1');
  const { TableName } = table();
  await ddb.send(new CreateTableCommand(table({ TableName })));
  t.deepEqual(await refusal(ddb.send(new UpdateTableCommand({
    TableName, AttributeDefinitions: [{ AttributeName: 'gpk', AttributeType: 'S' }], GlobalSecondaryIndexUpdates: [{ Create: gsi }],
  }))), expected, 'seq 8');
});
