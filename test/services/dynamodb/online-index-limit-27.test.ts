/**
 * One GSI created or deleted per table at a time, across UpdateTable calls: while an index is
 * being built, a Create or Delete of another index is LimitExceededException, in the same words
 * as two in one call; an Update of another index, and a Delete of the index being built (once it
 * backfills), are accepted. Source: ack-api-quirks dynamodb DDB-TABLE-159 ("The identical code and
 * message are returned for a Create or Delete of another index while one index is CREATING (both
 * phases) or DELETING ... a GSI Update of another index is accepted while an index is CREATING")
 * and DDB-TABLE-149 (a Delete of the CREATING index is accepted once Backfilling=true), native
 * AWS, verified 2026-10-08.
 */
import test from 'ava';
import { DescribeTableCommand, UpdateTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { startBoltstack } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';
import { createKeyedTable, ddbClient, rawCall, uniqueTable } from './helpers.js';
import { loadItems, waitActive } from './gsi-backfill-helpers.js';

const SRC = 'ack-api-quirks dynamodb DDB-TABLE-159, 2026-10-08';
const LIMIT = ['com.amazonaws.dynamodb.v20120810#LimitExceededException', 'Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table'];

let server: Boltstack;
let ddb: DynamoDBClient;
test.before(async () => { server = await startBoltstack(); ddb = ddbClient(server.endpoint); });
test.after.always(async () => { await server?.stop(); });

const create = (IndexName: string, attribute: string) => ({
  AttributeDefinitions: [{ AttributeName: attribute, AttributeType: 'S' as const }],
  GlobalSecondaryIndexUpdates: [{ Create: { IndexName, KeySchema: [{ AttributeName: attribute, KeyType: 'HASH' as const }], Projection: { ProjectionType: 'KEYS_ONLY' as const } } }],
});

/**
 * An on-demand table with an ACTIVE index `by-h` and `count` items, then a second index `by-g`
 * being created: its backfill waits for each item's own batch write (gsi-backfill.ts), so N items
 * take at least N turns of the event loop while a call takes a handful.
 */
async function tableBuildingAnIndex(count: number): Promise<string> {
  const TableName = uniqueTable('one');
  await createKeyedTable(ddb, TableName, [['pk', 'S']]);
  await ddb.send(new UpdateTableCommand({ TableName, ...create('by-h', 'h') }));
  await waitActive(ddb, TableName, 'by-h');
  await loadItems(ddb, TableName, count, (i) => ({ pk: { S: `k${i}` }, g: { S: 'x' }, h: { S: 'y' } }));
  await ddb.send(new UpdateTableCommand({ TableName, ...create('by-g', 'g') }));
  return TableName;
}

const statusOf = async (TableName: string, IndexName: string) =>
  (await ddb.send(new DescribeTableCommand({ TableName }))).Table!.GlobalSecondaryIndexes?.find((i) => i.IndexName === IndexName)?.IndexStatus;

test.serial(`a Create or a Delete of another index while one is CREATING: LimitExceededException (${SRC})`, async (t) => {
  const TableName = await tableBuildingAnIndex(4000);
  t.is(await statusOf(TableName, 'by-g'), 'CREATING');
  const second = await rawCall(server.endpoint, 'UpdateTable', { TableName, ...create('by-f', 'f') });
  t.deepEqual([second.status, second.body.__type, second.body.message], [400, ...LIMIT], 'Create of another index');
  const drop = await rawCall(server.endpoint, 'UpdateTable', { TableName, GlobalSecondaryIndexUpdates: [{ Delete: { IndexName: 'by-h' } }] });
  t.deepEqual([drop.status, drop.body.__type, drop.body.message], [400, ...LIMIT], 'Delete of another index');
  // Still being built (were it over, the refusals above would prove nothing), and nothing changed.
  const indexes = (await ddb.send(new DescribeTableCommand({ TableName }))).Table!.GlobalSecondaryIndexes!;
  t.deepEqual(indexes.map((i) => [i.IndexName, i.IndexStatus]).sort(), [['by-g', 'CREATING'], ['by-h', 'ACTIVE']]);
  // Once the index is built, another can be created.
  await waitActive(ddb, TableName, 'by-g', 60_000);
  t.is((await ddb.send(new UpdateTableCommand({ TableName, ...create('by-f', 'f') }))).TableDescription!.TableStatus, 'UPDATING');
});

test.serial(`an Update of another index, and a Delete of the index being built, are accepted (${SRC}; DDB-TABLE-149)`, async (t) => {
  const TableName = await tableBuildingAnIndex(4000);
  const update = await ddb.send(new UpdateTableCommand({
    TableName, GlobalSecondaryIndexUpdates: [{ Update: { IndexName: 'by-h', OnDemandThroughput: { MaxReadRequestUnits: 50, MaxWriteRequestUnits: 50 } } }],
  }));
  t.is(update.TableDescription!.TableStatus, 'UPDATING');
  t.is(await statusOf(TableName, 'by-g'), 'CREATING');
  await ddb.send(new UpdateTableCommand({ TableName, GlobalSecondaryIndexUpdates: [{ Delete: { IndexName: 'by-g' } }] }));
  t.is(await statusOf(TableName, 'by-g'), undefined);
});
