/**
 * Switches to on-demand as native AWS DynamoDB limited them in 2026 (radkawar/stackd
 * testdata/aws/dynamodb/billing_mode_limits.json, us-east-1, calls of 2026-09-18): four a rolling
 * 24 hours, an on-demand creation counting as one, no-op requests not counting, and the fifth
 * LimitExceededException in AWS's words; the table is unchanged and takes other updates.
 */
import test from 'ava';
import { CreateTableCommand, DescribeTableCommand, UpdateTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { startBoltstack } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';
import { ddbClient, ddbErrorOf, uniqueTable } from './helpers.js';

const SRC = 'radkawar/stackd testdata/aws/dynamodb/billing_mode_limits.json';
let server: Boltstack;
let ddb: DynamoDBClient;
let now = 0;
test.before(async () => { server = await startBoltstack({ clock: () => now }); ddb = ddbClient(server.endpoint); });
test.after.always(async () => { await server?.stop(); });

const at = (h: number, m: number, s: number, ms = 0) => Date.UTC(2026, 8, 18, h, m, s, ms);
const key = { AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' as const }], KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' as const }] };
const toOnDemand = (TableName: string) => ddb.send(new UpdateTableCommand({ TableName, BillingMode: 'PAY_PER_REQUEST' }));
const toProvisioned = (TableName: string, units = 2) => ddb.send(new UpdateTableCommand({ TableName, BillingMode: 'PROVISIONED', ProvisionedThroughput: { ReadCapacityUnits: units, WriteCapacityUnits: units } }));

test.serial(`a provisioned table: four switches, the no-ops between them free, the fifth refused (${SRC} seq 11-213)`, async (t) => {
  const TableName = uniqueTable('switch');
  now = at(8, 55, 2, 674);
  await ddb.send(new CreateTableCommand({ TableName, BillingMode: 'PROVISIONED', ProvisionedThroughput: { ReadCapacityUnits: 2, WriteCapacityUnits: 2 }, ...key }));
  // The first switch took AWS three minutes to settle; its time is the one "Next update" counts
  // from (08:58:15). The fourth, settled at 09:01:50.528, is the "Last update".
  for (const [i, when] of [at(8, 58, 15, 300), at(8, 59, 40), at(9, 0, 45), at(9, 1, 50, 528)].entries()) {
    now = when;
    await toOnDemand(TableName);
    now += 1000;
    await toOnDemand(TableName); // seq 90, 164, 178, 195: the mode it is in already, no switch
    now += 1000;
    await toProvisioned(TableName);
    t.pass(`switch ${i + 1}`);
  }
  now = at(9, 2, 9, 445);
  const refused = await ddbErrorOf(toOnDemand(TableName));
  t.deepEqual([refused.name, refused.message, refused.$metadata.httpStatusCode], ['LimitExceededException',
    'Subscriber limit exceeded: Update to PayPerRequest mode are limited to 4 in 1 day(s). Last update at Fri Sep 18 09:01:50 UTC 2026. Next update can be made at Sat Sep 19 08:58:15 UTC 2026', 400], 'seq 205');
  const after = (await ddb.send(new DescribeTableCommand({ TableName }))).Table!;
  t.deepEqual([after.BillingModeSummary, after.ProvisionedThroughput?.ReadCapacityUnits],
    [{ BillingMode: 'PROVISIONED', LastUpdateToPayPerRequestDateTime: new Date(at(9, 1, 50, 528)) }, 2], 'seq 206: unchanged');
  now = at(9, 2, 15, 587);
  t.is((await toProvisioned(TableName, 3)).TableDescription!.TableStatus, 'UPDATING', 'seq 211: an increase still goes');
  // A day after the first switch, one more is allowed.
  now = at(8, 58, 15, 300) + 86_400_000;
  t.is((await toOnDemand(TableName)).TableDescription!.BillingModeSummary?.BillingMode, 'PAY_PER_REQUEST');
});

test.serial(`a table created on demand: its creation counts, so the fourth switch is refused, "Next update" a day after the creation (${SRC} seq 214-393)`, async (t) => {
  const TableName = uniqueTable('switch');
  now = at(9, 2, 18, 994);
  await ddb.send(new CreateTableCommand({ TableName, BillingMode: 'PAY_PER_REQUEST', ...key }));
  now = at(9, 2, 30);
  await toProvisioned(TableName); // seq 223
  for (const when of [at(9, 5, 0), at(9, 6, 30), at(9, 8, 14, 693)]) {
    now = when;
    await toOnDemand(TableName);
    now += 7000;
    await toProvisioned(TableName);
  }
  now = at(9, 8, 34, 565);
  const refused = await ddbErrorOf(toOnDemand(TableName));
  t.deepEqual([refused.name, refused.message], ['LimitExceededException',
    'Subscriber limit exceeded: Update to PayPerRequest mode are limited to 4 in 1 day(s). Last update at Fri Sep 18 09:08:14 UTC 2026. Next update can be made at Sat Sep 19 09:02:18 UTC 2026'], 'seq 393');
});
