/**
 * UpdateTable through the real client: billing mode and throughput switches, a GSI created on a
 * table with items (backfilled, then ACTIVE and queryable by Scan), a GSI deleted, streams, and
 * the refusals with AWS's messages.
 */
import test from 'ava';
import {
  CreateTableCommand, DescribeTableCommand, PutItemCommand, ScanCommand, UpdateTableCommand, type TableDescription,
} from '@aws-sdk/client-dynamodb';
import { startBoltstack } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';
import { ddbClient, ddbErrorOf, uniqueTable } from './helpers.js';

let server: Boltstack;
test.before(async () => { server = await startBoltstack(); });
test.after.always(async () => { await server?.stop(); });

async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i++) { if (await check()) return; await new Promise((r) => setTimeout(r, 25)); }
  throw new Error('condition not reached');
}

test('a GSI added to a table with items is backfilled, then ACTIVE; deleting it removes it', async (t) => {
  const ddb = ddbClient(server.endpoint);
  const TableName = uniqueTable();
  await ddb.send(new CreateTableCommand({
    TableName, BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
  }));
  for (let i = 0; i < 30; i++) await ddb.send(new PutItemCommand({ TableName, Item: { id: { S: `i${i}` }, ...(i % 3 === 0 ? {} : { color: { S: i % 2 ? 'red' : 'blue' } }) } }));
  const updated = await ddb.send(new UpdateTableCommand({
    TableName, AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }, { AttributeName: 'color', AttributeType: 'S' }],
    GlobalSecondaryIndexUpdates: [{ Create: { IndexName: 'byColor', KeySchema: [{ AttributeName: 'color', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } } }],
  }));
  t.is(updated.TableDescription!.TableStatus, 'UPDATING');
  t.is(updated.TableDescription!.GlobalSecondaryIndexes![0]!.IndexStatus, 'CREATING');
  let d: TableDescription = {};
  await until(async () => { d = (await ddb.send(new DescribeTableCommand({ TableName }))).Table!; return d.GlobalSecondaryIndexes?.[0]?.IndexStatus === 'ACTIVE'; });
  t.is(d.TableStatus, 'ACTIVE');
  // Sorted by name (native AWS, radkawar/stackd testdata/aws/dynamodb/controls.json seq 6, 2026-09-17).
  t.deepEqual(d.AttributeDefinitions, [{ AttributeName: 'color', AttributeType: 'S' }, { AttributeName: 'id', AttributeType: 'S' }]);
  t.is((await ddb.send(new ScanCommand({ TableName, IndexName: 'byColor' }))).Count, 20);
  t.is(d.GlobalSecondaryIndexes![0]!.ItemCount, 20);
  // A write after the index exists is indexed too.
  await ddb.send(new PutItemCommand({ TableName, Item: { id: { S: 'late' }, color: { S: 'green' } } }));
  t.is((await ddb.send(new ScanCommand({ TableName, IndexName: 'byColor' }))).Count, 21);

  const again = await ddbErrorOf(ddb.send(new UpdateTableCommand({
    TableName, AttributeDefinitions: [{ AttributeName: 'color', AttributeType: 'S' }],
    GlobalSecondaryIndexUpdates: [{ Create: { IndexName: 'byColor', KeySchema: [{ AttributeName: 'color', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } } }],
  })));
  t.is(again.message, 'Attempting to create an index which already exists');
  await ddb.send(new UpdateTableCommand({ TableName, GlobalSecondaryIndexUpdates: [{ Delete: { IndexName: 'byColor' } }] }));
  d = (await ddb.send(new DescribeTableCommand({ TableName }))).Table!;
  t.is(d.GlobalSecondaryIndexes, undefined);
  t.deepEqual(d.AttributeDefinitions, [{ AttributeName: 'id', AttributeType: 'S' }]);
  const gone = await ddbErrorOf(ddb.send(new ScanCommand({ TableName, IndexName: 'byColor' })));
  t.is(gone.message, 'The table does not have the specified index: byColor');
});

test('billing mode and throughput switches, streams, deletion protection; refusals', async (t) => {
  const ddb = ddbClient(server.endpoint);
  const TableName = uniqueTable();
  await ddb.send(new CreateTableCommand({
    TableName, BillingMode: 'PROVISIONED', ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 },
    AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
  }));
  const nothing = await ddbErrorOf(ddb.send(new UpdateTableCommand({ TableName })));
  t.regex(nothing.message, /^At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, GlobalSecondaryIndexUpdates/);
  const same = await ddbErrorOf(ddb.send(new UpdateTableCommand({ TableName, ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 } })));
  t.regex(same.message, /^The provisioned throughput for the table will not change\. The requested value equals the current value\. Current ReadCapacityUnits provisioned for the table: 1\./);
  await ddb.send(new UpdateTableCommand({ TableName, ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 1 } }));
  let d = (await ddb.send(new DescribeTableCommand({ TableName }))).Table!;
  t.like(d.ProvisionedThroughput, { ReadCapacityUnits: 5, WriteCapacityUnits: 1 });
  t.true(d.ProvisionedThroughput!.LastIncreaseDateTime instanceof Date);
  await ddb.send(new UpdateTableCommand({ TableName, BillingMode: 'PAY_PER_REQUEST' }));
  d = (await ddb.send(new DescribeTableCommand({ TableName }))).Table!;
  t.is(d.BillingModeSummary!.BillingMode, 'PAY_PER_REQUEST');
  t.like(d.ProvisionedThroughput, { ReadCapacityUnits: 0, WriteCapacityUnits: 0 });
  const back = await ddbErrorOf(ddb.send(new UpdateTableCommand({ TableName, BillingMode: 'PROVISIONED' })));
  t.is(back.message, 'One or more parameter values were invalid: ProvisionedThroughput must be specified when BillingMode is PROVISIONED');
  await ddb.send(new UpdateTableCommand({ TableName, StreamSpecification: { StreamEnabled: true, StreamViewType: 'KEYS_ONLY' } }));
  d = (await ddb.send(new DescribeTableCommand({ TableName }))).Table!;
  t.deepEqual(d.StreamSpecification, { StreamEnabled: true, StreamViewType: 'KEYS_ONLY' });
  t.truthy(d.LatestStreamArn);
  const twice = await ddbErrorOf(ddb.send(new UpdateTableCommand({ TableName, StreamSpecification: { StreamEnabled: true, StreamViewType: 'KEYS_ONLY' } })));
  t.is(twice.message, `Table already has an enabled stream: TableName: ${TableName}`);
  const alone = await ddbErrorOf(ddb.send(new UpdateTableCommand({ TableName, DeletionProtectionEnabled: true, BillingMode: 'PAY_PER_REQUEST' })));
  t.is(alone.message, 'One or more parameter values were invalid: DeletionProtection modification must be the only operation in the request');
  await ddb.send(new UpdateTableCommand({ TableName, DeletionProtectionEnabled: true }));
  t.true((await ddb.send(new DescribeTableCommand({ TableName }))).Table!.DeletionProtectionEnabled);
});

test('strict mode: a GSI warm throughput in UpdateTable answers NotImplemented naming it, as the table\'s does', async (t) => {
  const ddb = ddbClient(server.endpoint);
  const TableName = uniqueTable();
  const definitions = [{ AttributeName: 'id', AttributeType: 'S' as const }, { AttributeName: 'color', AttributeType: 'S' as const }];
  await ddb.send(new CreateTableCommand({
    TableName, BillingMode: 'PAY_PER_REQUEST', AttributeDefinitions: definitions, KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
    GlobalSecondaryIndexes: [{ IndexName: 'byColor', KeySchema: [{ AttributeName: 'color', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } }],
  }));
  const warm = { ReadUnitsPerSecond: 13000, WriteUnitsPerSecond: 5000 };
  const update = await ddbErrorOf(ddb.send(new UpdateTableCommand({ TableName, GlobalSecondaryIndexUpdates: [{ Update: { IndexName: 'byColor', WarmThroughput: warm } }] })));
  const create = await ddbErrorOf(ddb.send(new UpdateTableCommand({
    TableName, AttributeDefinitions: definitions,
    GlobalSecondaryIndexUpdates: [{ Create: { IndexName: 'byId', KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' }, WarmThroughput: warm } }],
  })));
  for (const err of [update, create]) {
    t.is(err.name, 'NotImplemented');
    t.is(err.$metadata.httpStatusCode, 501);
    t.regex(err.message, /WarmThroughput of DynamoDB UpdateTable/);
  }
  const d = (await ddb.send(new DescribeTableCommand({ TableName }))).Table!;
  t.deepEqual(d.GlobalSecondaryIndexes?.map((g) => g.IndexName), ['byColor']);
});
