/**
 * RestoreTableToPointInTime as native AWS answered it: radkawar/stackd testdata/aws/dynamodb/
 * point_in_time_recovery.json (us-east-1, 2026-09-18) and recovery_audit.json (its CloudTrail
 * record). boltstack keeps no item history: `UseLatestRestorableTime: true` restores the source's
 * items as they are; a RestoreDateTime inside the window answers NotImplemented. The clock is the
 * test's, so the window (five minutes behind it) is exact. Every row failed before the operation
 * existed (NotImplemented).
 */
import test from 'ava';
import {
  CreateTableCommand, DeleteItemCommand, DescribeContinuousBackupsCommand, DescribeTableCommand, ListTagsOfResourceCommand, PutItemCommand,
  QueryCommand, RestoreTableToPointInTimeCommand, ScanCommand, UpdateContinuousBackupsCommand, UpdateItemCommand, UpdateTableCommand,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { startBoltstack, tempDir } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';
import { createKeyedTable, ddbClient, ddbErrorOf, rawCall, uniqueTable } from './helpers.js';

const STACKD = 'radkawar/stackd testdata/aws/dynamodb/point_in_time_recovery.json';
const PREFIX = 'com.amazonaws.dynamodb.v20120810#';
const VALIDATION = 'com.amazon.coral.validate#ValidationException';
const MINUTE = 60_000;

let server: Boltstack;
let ddb: DynamoDBClient;
/** seq 13 enabled PITR at 15:07:28.147 (so both bounds were 15:07:28). */
const ENABLED_AT = Date.UTC(2026, 8, 18, 15, 7, 28, 147);
let now = ENABLED_AT;
test.before(async () => { server = await startBoltstack({ clock: () => now }); ddb = ddbClient(server.endpoint); });
test.after.always(async () => { await server?.stop(); });

/** seq 2's table: provisioned 2/2, a GSI by-group on gpk with 2/2, tagged. */
async function createSource(TableName: string): Promise<void> {
  await ddb.send(new CreateTableCommand({
    TableName, BillingMode: 'PROVISIONED', ProvisionedThroughput: { ReadCapacityUnits: 2, WriteCapacityUnits: 2 },
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'gpk', AttributeType: 'S' }],
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
    GlobalSecondaryIndexes: [{ IndexName: 'by-group', KeySchema: [{ AttributeName: 'gpk', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' }, ProvisionedThroughput: { ReadCapacityUnits: 2, WriteCapacityUnits: 2 } }],
    Tags: [{ Key: 'stackd-probe', Value: 'pitr-historical-restore' }],
  }));
  // seq 6-8.
  for (const [pk, gpk, payload] of [['alpha', 'old', 'historical alpha'], ['beta', 'old', 'deleted after point'], ['stable', 'stable', 'unchanged']]) {
    await ddb.send(new PutItemCommand({ TableName, Item: { pk: { S: pk! }, gpk: { S: gpk! }, version: { N: '1' }, payload: { S: payload! } } }));
  }
}

const enablePitr = (TableName: string) =>
  ddb.send(new UpdateContinuousBackupsCommand({ TableName, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true, RecoveryPeriodInDays: 1 } }));

/** A source with PITR enabled at ENABLED_AT, and the clock `after` ms later. */
async function pitrSource(prefix: string, after: number): Promise<string> {
  const TableName = uniqueTable(prefix);
  now = ENABLED_AT;
  await createSource(TableName);
  await enablePitr(TableName);
  now = ENABLED_AT + after;
  return TableName;
}

const pks = (items: Array<Record<string, { S?: string }>> | undefined) => (items ?? []).map((i) => i.pk!.S).sort();

test.serial(`UseLatestRestorableTime restores the source's items, indexes and current units; the answer is AWS's (${STACKD} seq 15-24, 51, 79-85)`, async (t) => {
  const TableName = await pitrSource('pitr-src', 12_000);
  // seq 15-18: after the point, alpha changes group, beta goes, gamma comes; the units change.
  await ddb.send(new UpdateItemCommand({
    TableName, Key: { pk: { S: 'alpha' } }, UpdateExpression: 'SET gpk = :g, version = :v, payload = :p',
    ExpressionAttributeValues: { ':g': { S: 'new' }, ':v': { N: '2' }, ':p': { S: 'latest alpha' } },
  }));
  await ddb.send(new DeleteItemCommand({ TableName, Key: { pk: { S: 'beta' } } }));
  await ddb.send(new PutItemCommand({ TableName, Item: { pk: { S: 'gamma' }, gpk: { S: 'new' }, version: { N: '2' }, payload: { S: 'created after point' } } }));
  await ddb.send(new UpdateTableCommand({
    TableName, ProvisionedThroughput: { ReadCapacityUnits: 3, WriteCapacityUnits: 4 },
    GlobalSecondaryIndexUpdates: [{ Update: { IndexName: 'by-group', ProvisionedThroughput: { ReadCapacityUnits: 4, WriteCapacityUnits: 3 } } }],
  }));
  // seq 51 came 5:29 after enabling; its RestoreDateTime was about five minutes before the request.
  now = ENABLED_AT + 5 * MINUTE + 29_738;
  const target = uniqueTable('pitr-latest');
  const source = (await ddb.send(new DescribeTableCommand({ TableName }))).Table!;
  const { TableDescription: d } = await ddb.send(new RestoreTableToPointInTimeCommand({ SourceTableName: TableName, TargetTableName: target, UseLatestRestorableTime: true }));
  t.like(d, {
    TableName: target, TableStatus: 'CREATING', ItemCount: 0, TableSizeBytes: 0,
    TableArn: `arn:aws:dynamodb:us-east-1:000000000000:table/${target}`,
    BillingModeSummary: { BillingMode: 'PROVISIONED' },
    ProvisionedThroughput: { NumberOfDecreasesToday: 0, ReadCapacityUnits: 3, WriteCapacityUnits: 4 },
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
  });
  t.deepEqual(d!.RestoreSummary, { SourceTableArn: source.TableArn, RestoreDateTime: new Date(now - 5 * MINUTE), RestoreInProgress: true }, 'no SourceBackupArn');
  t.deepEqual(d!.GlobalSecondaryIndexes, [{
    IndexArn: `arn:aws:dynamodb:us-east-1:000000000000:table/${target}/index/by-group`, IndexName: 'by-group', IndexSizeBytes: 0, ItemCount: 0,
    KeySchema: [{ AttributeName: 'gpk', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' },
    ProvisionedThroughput: { NumberOfDecreasesToday: 0, ReadCapacityUnits: 4, WriteCapacityUnits: 3 },
  }], 'no IndexStatus, no WarmThroughput');
  t.is(d!.DeletionProtectionEnabled, undefined);
  t.is(d!.WarmThroughput, undefined);
  t.not(d!.TableId, source.TableId);

  // seq 80-83: the items as the source holds them, with their index entries.
  t.deepEqual(pks((await ddb.send(new ScanCommand({ TableName: target, ConsistentRead: true }))).Items), ['alpha', 'gamma', 'stable']);
  const group = async (g: string) => pks((await ddb.send(new QueryCommand({ TableName: target, IndexName: 'by-group', KeyConditionExpression: 'gpk = :g', ExpressionAttributeValues: { ':g': { S: g } } }))).Items);
  t.deepEqual([await group('old'), await group('new'), await group('stable')], [[], ['alpha', 'gamma'], ['stable']]);
  const restored = (await ddb.send(new DescribeTableCommand({ TableName: target }))).Table!;
  t.like(restored, { TableStatus: 'ACTIVE', ItemCount: 3 });
  t.is(restored.RestoreSummary, undefined, 'seq 79: the active table describes no RestoreSummary');
  // seq 84-85: the restored table has no PITR and no tags of the source.
  t.is((await ddb.send(new DescribeContinuousBackupsCommand({ TableName: target }))).ContinuousBackupsDescription!.PointInTimeRecoveryDescription!.PointInTimeRecoveryStatus, 'DISABLED');
  t.deepEqual((await ddb.send(new ListTagsOfResourceCommand({ ResourceArn: restored.TableArn }))).Tags, []);
});

test.serial(`a RestoreDateTime outside the window is InvalidRestoreTimeException; the time choice is checked (${STACKD} seq 45-49)`, async (t) => {
  // seq 45 ran at 15:12:54.6: the latest bound is five minutes behind (AWS prints nanoseconds, boltstack keeps milliseconds).
  const TableName = await pitrSource('pitr-err', 5 * MINUTE + 27_095);
  const TargetTableName = uniqueTable('pitr-err-target');
  const call = async (extra: object) => {
    const r = await rawCall(server.endpoint, 'RestoreTableToPointInTime', { SourceTableName: TableName, TargetTableName, ...extra });
    return [r.status, r.body.__type, r.body.message];
  };
  const window = `EarliestRestorableDateTime '2026-09-18T15:07:28Z' and LatestRestorableDateTime '2026-09-18T15:07:55.242Z' for table '${TableName}'`;
  t.deepEqual(await call({ RestoreDateTime: 1789743988 }), [400, `${PREFIX}InvalidRestoreTimeException`, `RestoreDateTime '2026-09-18T15:06:28Z' must be within ${window}`], 'seq 45');
  t.deepEqual(await call({ RestoreDateTime: 1789747975 }), [400, `${PREFIX}InvalidRestoreTimeException`, `RestoreDateTime '2026-09-18T16:12:55Z' must be within ${window}`], 'seq 46');
  const missing = 'Invalid Request: Either one of RestoreDateTime or UseLatestRestorableTime must be specified, but not both';
  t.deepEqual(await call({}), [400, VALIDATION, missing], 'seq 47');
  t.deepEqual(await call({ UseLatestRestorableTime: false }), [400, VALIDATION, missing], 'seq 48');
  t.deepEqual(await call({ UseLatestRestorableTime: true, RestoreDateTime: 1789744054 }), [400, VALIDATION,
    'Invalid Request: Both RestoreDateTime and UseLatestRestorableTime cannot be set for point-in-time restore request. Please specify either RestoreDateTime time or UseLatestRestorableTime'], 'seq 49');
  // seq 50 restored 1789744054 (inside the window) to the items as they were then: boltstack keeps
  // no history, so it refuses rather than restore another state (docs/feature-gates.md).
  const inside = await call({ RestoreDateTime: 1789744054 });
  t.deepEqual(inside.slice(0, 2), [501, `${PREFIX}NotImplemented`]);
  t.regex(String(inside[2]), /the parameter RestoreDateTime of DynamoDB RestoreTableToPointInTime/);
  t.is((await rawCall(server.endpoint, 'DescribeTable', { TableName: TargetTableName })).status, 400, 'no table was created');
});

test.serial('the source must exist and have PITR enabled; the target must not exist (API reference; backups.json seq 216 for the target)', async (t) => {
  now = ENABLED_AT;
  const TableName = uniqueTable('pitr-off');
  await createKeyedTable(ddb, TableName, [['pk', 'S']]);
  const TargetTableName = uniqueTable('pitr-off-target');
  // Message not captured: the API reference's description of PointInTimeRecoveryUnavailableException.
  const off = await rawCall(server.endpoint, 'RestoreTableToPointInTime', { SourceTableName: TableName, TargetTableName, UseLatestRestorableTime: true });
  t.deepEqual([off.status, off.body.__type, off.body.message], [400, `${PREFIX}PointInTimeRecoveryUnavailableException`, 'Point in time recovery has not yet been enabled for this source table.']);
  // Message not captured for this operation: DescribeContinuousBackups' (continuous_backup_controls.json seq 2).
  const missing = uniqueTable('pitr-missing');
  const gone = await ddbErrorOf(ddb.send(new RestoreTableToPointInTimeCommand({ SourceTableName: missing, TargetTableName, UseLatestRestorableTime: true })));
  t.deepEqual([gone.name, gone.message], ['TableNotFoundException', `Table not found: ${missing}`]);

  await ddb.send(new UpdateContinuousBackupsCommand({ TableName, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }));
  const exists = await ddbErrorOf(ddb.send(new RestoreTableToPointInTimeCommand({ SourceTableName: TableName, TargetTableName: TableName, UseLatestRestorableTime: true })));
  t.deepEqual([exists.name, exists.message], ['TableAlreadyExistsException', `Table already exists: ${TableName}`]);
  t.is((await rawCall(server.endpoint, 'DescribeTable', { TableName: TargetTableName })).status, 400, 'no table was created');
});

test.serial('SourceTableArn names the source as SourceTableName does; neither or both answer NotImplemented (recovery_audit.json lists the source ARN)', async (t) => {
  const TableName = await pitrSource('pitr-arn', MINUTE);
  const SourceTableArn = `arn:aws:dynamodb:us-east-1:000000000000:table/${TableName}`;
  const target = uniqueTable('pitr-arn-target');
  const { TableDescription: d } = await ddb.send(new RestoreTableToPointInTimeCommand({ SourceTableArn, TargetTableName: target, UseLatestRestorableTime: true }));
  // Less than five minutes after enabling: the latest restorable time is the earliest (seq 14, 25-42).
  t.deepEqual(d!.RestoreSummary, { SourceTableArn, RestoreDateTime: new Date(Date.UTC(2026, 8, 18, 15, 7, 28)), RestoreInProgress: true });
  t.deepEqual(pks((await ddb.send(new ScanCommand({ TableName: target }))).Items), ['alpha', 'beta', 'stable']);
  for (const body of [{}, { SourceTableName: TableName, SourceTableArn }]) {
    const r = await rawCall(server.endpoint, 'RestoreTableToPointInTime', { ...body, TargetTableName: uniqueTable('pitr-arn-none'), UseLatestRestorableTime: true });
    t.deepEqual([r.status, r.body.__type], [501, `${PREFIX}NotImplemented`]);
    t.regex(String(r.body.message), /SourceTableName and SourceTableArn/);
  }
});

test.serial('the overrides apply as in RestoreTableFromBackup; SSESpecificationOverride answers NotImplemented (backup_index_overrides.json, backups.json seq 132)', async (t) => {
  const TableName = await pitrSource('pitr-ovr', 6 * MINUTE);
  const target = uniqueTable('pitr-ovr-target');
  const { TableDescription: d } = await ddb.send(new RestoreTableToPointInTimeCommand({
    SourceTableName: TableName, TargetTableName: target, UseLatestRestorableTime: true, BillingModeOverride: 'PAY_PER_REQUEST', GlobalSecondaryIndexOverride: [],
  }));
  t.like(d, { BillingModeSummary: { BillingMode: 'PAY_PER_REQUEST' }, ProvisionedThroughput: { ReadCapacityUnits: 0, WriteCapacityUnits: 0 } });
  t.is(d!.GlobalSecondaryIndexes, undefined);
  t.deepEqual(d!.AttributeDefinitions, [{ AttributeName: 'pk', AttributeType: 'S' }]);
  const notInSource = await rawCall(server.endpoint, 'RestoreTableToPointInTime', {
    SourceTableName: TableName, TargetTableName: uniqueTable('pitr-ovr-bad'), UseLatestRestorableTime: true,
    GlobalSecondaryIndexOverride: [{ IndexName: 'other', KeySchema: [{ AttributeName: 'gpk', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } }],
  });
  t.deepEqual([notInSource.body.__type, notInSource.body.message], [VALIDATION,
    'Invalid Request: Index other does not match a secondary index that existed in the source table and cannot be created during the restore operation']);
  const sse = await rawCall(server.endpoint, 'RestoreTableToPointInTime', { SourceTableName: TableName, TargetTableName: uniqueTable('pitr-ovr-sse'), UseLatestRestorableTime: true, SSESpecificationOverride: { Enabled: true } });
  t.is(sse.status, 501);
  t.regex(String(sse.body.message), /SSESpecificationOverride/);
});

test('a point-in-time restore survives a restart, and the source still restores after it', async (t) => {
  const tmp = await tempDir();
  let clock = ENABLED_AT;
  const withServer = async <T>(body: (c: DynamoDBClient) => Promise<T>): Promise<T> => {
    const s = await startBoltstack({ ephemeral: false, dataDir: tmp.dir, clock: () => clock });
    try { return await body(ddbClient(s.endpoint)); } finally { await s.stop(); }
  };
  try {
    await withServer(async (c) => {
      await createKeyedTable(c, 'source', [['pk', 'S']]);
      for (const pk of ['a', 'b']) await c.send(new PutItemCommand({ TableName: 'source', Item: { pk: { S: pk } } }));
      await c.send(new UpdateContinuousBackupsCommand({ TableName: 'source', PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }));
      clock += 10 * MINUTE;
      await c.send(new RestoreTableToPointInTimeCommand({ SourceTableName: 'source', TargetTableName: 'before', UseLatestRestorableTime: true }));
    });
    clock += MINUTE;
    await withServer(async (c) => {
      t.deepEqual(pks((await c.send(new ScanCommand({ TableName: 'before' }))).Items), ['a', 'b']);
      t.is((await c.send(new DescribeTableCommand({ TableName: 'before' }))).Table!.ItemCount, 2);
      await c.send(new PutItemCommand({ TableName: 'source', Item: { pk: { S: 'c' } } }));
      await c.send(new RestoreTableToPointInTimeCommand({ SourceTableName: 'source', TargetTableName: 'after', UseLatestRestorableTime: true }));
      t.deepEqual(pks((await c.send(new ScanCommand({ TableName: 'after' }))).Items), ['a', 'b', 'c']);
    });
  } finally {
    await tmp.remove();
  }
});
