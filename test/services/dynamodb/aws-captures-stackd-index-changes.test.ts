/**
 * A GSI being created or deleted, and continuous backups around table changes, as native AWS
 * DynamoDB answered them (radkawar/stackd testdata/aws/dynamodb/continuous_backup_readiness.json,
 * us-east-1, calls of 2026-09-18, raw JSON answers with their `__type`).
 */
import test from 'ava';
import {
  DeleteTableCommand, DescribeTableCommand, UpdateContinuousBackupsCommand, UpdateTableCommand,
  type DynamoDBClient, type UpdateTableCommandInput,
} from '@aws-sdk/client-dynamodb';
import { startBoltstack } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';
import { createKeyedTable, ddbClient, ddbErrorOf, rawCall, uniqueTable } from './helpers.js';
import { loadItems } from './gsi-backfill-helpers.js';

const SRC = 'radkawar/stackd testdata/aws/dynamodb/continuous_backup_readiness.json';
let server: Boltstack;
let ddb: DynamoDBClient;
test.before(async () => { server = await startBoltstack(); ddb = ddbClient(server.endpoint); });
test.after.always(async () => { await server?.stop(); });

const addIndex = (TableName: string): UpdateTableCommandInput => ({
  TableName, AttributeDefinitions: [{ AttributeName: 'g', AttributeType: 'S' }],
  GlobalSecondaryIndexUpdates: [{ Create: { IndexName: 'by-g', KeySchema: [{ AttributeName: 'g', KeyType: 'HASH' }], Projection: { ProjectionType: 'KEYS_ONLY' } } }],
});

/**
 * An on-demand table with `count` items, each with an index key, enough that a new GSI's backfill
 * outlasts a few calls. Not a matter of machine speed: the backfill waits for each item's own
 * batch write (gsi-backfill.ts), so N items take at least N turns of the event loop, where a call
 * takes a handful (this server runs in the test's process, on the same loop).
 */
async function tableWithItems(count: number): Promise<string> {
  const TableName = uniqueTable('idx');
  await createKeyedTable(ddb, TableName, [['pk', 'S']]);
  await loadItems(ddb, TableName, count, (i) => ({ pk: { S: `k${i}` }, g: { S: 'x' } }));
  return TableName;
}

test(`UpdateTable answers the index it creates CREATING, not yet backfilling (${SRC} seq 27)`, async (t) => {
  const TableName = uniqueTable('idx');
  await createKeyedTable(ddb, TableName, [['pk', 'S']]);
  const answer = (await ddb.send(new UpdateTableCommand(addIndex(TableName)))).TableDescription!;
  t.is(answer.TableStatus, 'UPDATING');
  const { IndexArn: _arn, ...index } = answer.GlobalSecondaryIndexes![0]!;
  t.deepEqual(index, {
    Backfilling: false, IndexName: 'by-g', IndexSizeBytes: 0, IndexStatus: 'CREATING', ItemCount: 0,
    KeySchema: [{ AttributeName: 'g', KeyType: 'HASH' }], Projection: { ProjectionType: 'KEYS_ONLY' },
    ProvisionedThroughput: { NumberOfDecreasesToday: 0, ReadCapacityUnits: 0, WriteCapacityUnits: 0 },
  });
});

test(`deleting an index answers it DELETING with its name, throughput, figures and ARN only (${SRC} seq 148)`, async (t) => {
  const TableName = uniqueTable('idx');
  await createKeyedTable(ddb, TableName, [['pk', 'S']]);
  await ddb.send(new UpdateTableCommand(addIndex(TableName)));
  // An empty table's index is ACTIVE at once in boltstack; AWS's was still backfilling (seq 147).
  const arn = (await ddb.send(new DescribeTableCommand({ TableName }))).Table!.GlobalSecondaryIndexes![0]!.IndexArn;
  const answer = (await ddb.send(new UpdateTableCommand({ TableName, GlobalSecondaryIndexUpdates: [{ Delete: { IndexName: 'by-g' } }] }))).TableDescription!;
  t.is(answer.TableStatus, 'UPDATING');
  t.deepEqual(answer.AttributeDefinitions, [{ AttributeName: 'pk', AttributeType: 'S' }]);
  t.deepEqual(answer.GlobalSecondaryIndexes, [{
    IndexArn: arn, IndexName: 'by-g', IndexSizeBytes: 0, IndexStatus: 'DELETING', ItemCount: 0,
    ProvisionedThroughput: { NumberOfDecreasesToday: 0, ReadCapacityUnits: 0, WriteCapacityUnits: 0 },
  }]);
  // AWS listed it DELETING for 8 s more (seq 149-151); boltstack drops it at once (seq 152's answer).
  t.is((await ddb.send(new DescribeTableCommand({ TableName }))).Table!.GlobalSecondaryIndexes, undefined);
});

test.serial(`a backfilling index says its warm throughput UPDATING; its table cannot be deleted; the index can (${SRC} seq 139, 145, 148, 184)`, async (t) => {
  const TableName = await tableWithItems(4000);
  await ddb.send(new UpdateTableCommand(addIndex(TableName)));
  const during = (await ddb.send(new DescribeTableCommand({ TableName }))).Table!.GlobalSecondaryIndexes![0]!;
  // The backfill of 4000 items takes at least 4000 turns of the event loop, the three calls below
  // a few dozen; were it over, the refused DeleteTable (seq 145) would fail this test.
  t.deepEqual([during.IndexStatus, during.Backfilling], ['CREATING', true], 'seq 139');
  t.deepEqual(during.WarmThroughput, { ReadUnitsPerSecond: 12000, WriteUnitsPerSecond: 4000, Status: 'UPDATING' }, 'seq 139: warm throughput UPDATING while backfilled');
  const refused = await rawCall(server.endpoint, 'DeleteTable', { TableName });
  t.deepEqual([refused.status, refused.body.__type, refused.body.message], [400, 'com.amazonaws.dynamodb.v20120810#ResourceInUseException',
    'Attempt to change a resource which is still in use: Cannot delete table while indexes are being created, updated, or deleted.'], 'seq 145');
  const dropped = (await ddb.send(new UpdateTableCommand({ TableName, GlobalSecondaryIndexUpdates: [{ Delete: { IndexName: 'by-g' } }] }))).TableDescription!;
  t.deepEqual(dropped.GlobalSecondaryIndexes?.map((i) => [i.IndexName, i.IndexStatus, i.KeySchema]), [['by-g', 'DELETING', undefined]], 'seq 148');
  t.is((await ddb.send(new DeleteTableCommand({ TableName }))).TableDescription!.TableStatus, 'DELETING', 'seq 184');
});

test.serial(`continuous backups can be changed while an index is created (${SRC} seq 27-32)`, async (t) => {
  const TableName = await tableWithItems(500);
  await ddb.send(new UpdateTableCommand(addIndex(TableName)));
  const off = { ContinuousBackupsStatus: 'ENABLED', PointInTimeRecoveryDescription: { PointInTimeRecoveryStatus: 'DISABLED' } };
  t.deepEqual((await ddb.send(new UpdateContinuousBackupsCommand({ TableName, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: false } }))).ContinuousBackupsDescription, off, 'seq 30');
});

// RecoveryPeriodInDays out of range is refused before the table is looked up: AWS refused it for a
// table its backup APIs did not see yet (seq 12, whose other calls answered TableNotFoundException).
const TOO_LONG = "1 validation error detected: Value '36' at 'pointInTimeRecoverySpecification.recoveryPeriodInDays' failed to satisfy constraint: Member must have value less than or equal to 35";
const rows: Array<[string, Record<string, unknown>, string]> = [
  [`${SRC} seq 6`, { PointInTimeRecoveryEnabled: true, RecoveryPeriodInDays: 36 }, TOO_LONG],
  [`${SRC} seq 12`, { PointInTimeRecoveryEnabled: false, RecoveryPeriodInDays: 36 }, TOO_LONG],
  // CloudTrail's record of AWS's answer (errorCode ValidationException, errorMessage as here).
  ['radkawar/stackd testdata/aws/dynamodb/recovery_audit.json "invalid-retention", 2026-09-18T15:07:03Z', { PointInTimeRecoveryEnabled: true, RecoveryPeriodInDays: 0 },
    "1 validation error detected: Value '0' at 'pointInTimeRecoverySpecification.recoveryPeriodInDays' failed to satisfy constraint: Member must have value greater than or equal to 1"],
];
for (const [source, spec, message] of rows) {
  test(`UpdateContinuousBackups with RecoveryPeriodInDays ${String(spec.RecoveryPeriodInDays)} on a table not found: ValidationException (${source})`, async (t) => {
    const r = await rawCall(server.endpoint, 'UpdateContinuousBackups', { TableName: uniqueTable('nopitr'), PointInTimeRecoverySpecification: spec });
    t.deepEqual([r.status, r.body.__type, r.body.message], [400, 'com.amazon.coral.validate#ValidationException', message]);
  });
}

test(`a deleted table's continuous backups are not found (${SRC} seq 36, 38, 40)`, async (t) => {
  const TableName = uniqueTable('idx');
  await createKeyedTable(ddb, TableName, [['pk', 'S']]);
  await ddb.send(new DeleteTableCommand({ TableName }));
  // AWS answered so 1-2 s after its DeleteTable, the table still DELETING (seq 37, 39); other
  // tables still accepted a disable at that stage (seq 74-75): timing boltstack does not model.
  for (const [seq, op, body] of [
    ['seq 38', 'UpdateContinuousBackups', { TableName, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: false } }],
    ['seq 40', 'DescribeContinuousBackups', { TableName }],
  ] as const) {
    const r = await rawCall(server.endpoint, op, body);
    t.deepEqual([r.status, r.body.__type, r.body.message], [400, 'com.amazonaws.dynamodb.v20120810#TableNotFoundException', `Table not found: ${TableName}`], seq);
  }
  const gone = await ddbErrorOf(ddb.send(new DescribeTableCommand({ TableName })));
  t.deepEqual([gone.name, gone.message], ['ResourceNotFoundException', `Requested resource not found: Table: ${TableName} not found`], 'seq 42');
});
