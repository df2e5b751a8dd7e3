/**
 * Which times a billing-mode switch shows, and where, against native AWS (radkawar/stackd
 * testdata/aws/dynamodb/billing_mode_limits.json, us-east-1, calls of 2026-09-18). AWS dates a
 * switch to on-demand when it settles: switch 4 was asked at 09:01:40.8 and answered with the
 * table's LastDecreaseDateTime at 09:01:41.122 (seq 188), but its LastUpdateToPayPerRequestDateTime
 * is 09:01:50.528, the moment the table was ACTIVE again (seq 194); the answer names the previous
 * switch's date. Once settled, the table's own change times are those from before the switch
 * (seq 186, 194). boltstack applies a switch within the request (the next DescribeTable is
 * ACTIVE), so its settle instant is the request's: the clock below reads the request's time, and
 * the settled date is that time, not AWS's later one (docs/dynamodb.md, UpdateTable).
 */
import test from 'ava';
import { CreateTableCommand, DescribeTableCommand, UpdateTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { startBoltstack } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';
import { ddbClient, uniqueTable } from './helpers.js';

const SRC = 'radkawar/stackd testdata/aws/dynamodb/billing_mode_limits.json';
let server: Boltstack;
let ddb: DynamoDBClient;
let now = 1789721702674; // seq 2, the table's CreationDateTime
test.before(async () => { server = await startBoltstack({ clock: () => now }); ddb = ddbClient(server.endpoint); });
test.after.always(async () => { await server?.stop(); });

test(`a later switch to on-demand answers the previous switch's date and the switch's own decrease time; settled, only its date stays (${SRC} seq 181-199)`, async (t) => {
  const TableName = uniqueTable('dates');
  await ddb.send(new CreateTableCommand({
    TableName, BillingMode: 'PROVISIONED', ProvisionedThroughput: { ReadCapacityUnits: 2, WriteCapacityUnits: 2 },
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
  }));
  const toOnDemand = () => ddb.send(new UpdateTableCommand({ TableName, BillingMode: 'PAY_PER_REQUEST' }));
  const toProvisioned = () => ddb.send(new UpdateTableCommand({ TableName, BillingMode: 'PROVISIONED', ProvisionedThroughput: { ReadCapacityUnits: 2, WriteCapacityUnits: 2 } }));
  const described = async () => (await ddb.send(new DescribeTableCommand({ TableName }))).Table!;

  // Switch 3, as it stood settled on AWS (date 1789722081.702), and its restore (seq 181, 1789722088.431).
  now = 1789722081702;
  await toOnDemand();
  now = 1789722088431;
  const restored = (await toProvisioned()).TableDescription!;
  t.deepEqual([restored.BillingModeSummary, restored.ProvisionedThroughput], [
    { BillingMode: 'PROVISIONED', LastUpdateToPayPerRequestDateTime: new Date(1789722081702) },
    { LastIncreaseDateTime: new Date(1789722088431), NumberOfDecreasesToday: 0, ReadCapacityUnits: 2, WriteCapacityUnits: 2 },
  ], 'seq 181: the answer names the increase');
  const restoreSettled = await described();
  t.deepEqual([restoreSettled.TableStatus, restoreSettled.ProvisionedThroughput], ['ACTIVE', { NumberOfDecreasesToday: 0, ReadCapacityUnits: 2, WriteCapacityUnits: 2 }],
    'seq 186: settled, no change time left');

  // Switch 4 (seq 188): the previous switch's date, the decrease at the request.
  now = 1789722101122;
  const switched = (await toOnDemand()).TableDescription!;
  t.deepEqual([switched.TableStatus, switched.BillingModeSummary, switched.ProvisionedThroughput], ['UPDATING',
    { BillingMode: 'PAY_PER_REQUEST', LastUpdateToPayPerRequestDateTime: new Date(1789722081702) },
    { LastDecreaseDateTime: new Date(1789722101122), NumberOfDecreasesToday: 0, ReadCapacityUnits: 0, WriteCapacityUnits: 0 }], 'seq 188: the answer');
  // Settled (seq 194): the new date (AWS's 1789722110.528, 9.4 s later; here the request's), no decrease time.
  now = 1789722111094;
  const settled = await described();
  t.deepEqual([settled.TableStatus, settled.BillingModeSummary, settled.ProvisionedThroughput], ['ACTIVE',
    { BillingMode: 'PAY_PER_REQUEST', LastUpdateToPayPerRequestDateTime: new Date(1789722101122) },
    { NumberOfDecreasesToday: 0, ReadCapacityUnits: 0, WriteCapacityUnits: 0 }], 'seq 194: settled');
  // seq 195: asking for the mode it is in changes no date.
  now = 1789722113437;
  t.deepEqual((await toOnDemand()).TableDescription!.BillingModeSummary, settled.BillingModeSummary, 'seq 195: the no-op');
  // seq 198: back to PROVISIONED, the switch's date kept.
  now = 1789722117055;
  const back = (await toProvisioned()).TableDescription!;
  t.deepEqual([back.BillingModeSummary, back.ProvisionedThroughput], [
    { BillingMode: 'PROVISIONED', LastUpdateToPayPerRequestDateTime: new Date(1789722101122) },
    { LastIncreaseDateTime: new Date(1789722117055), NumberOfDecreasesToday: 0, ReadCapacityUnits: 2, WriteCapacityUnits: 2 },
  ], 'seq 198: the answer');
});
