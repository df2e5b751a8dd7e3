/**
 * On-demand backups and restores (CreateBackup, DescribeBackup, ListBackups, DeleteBackup,
 * RestoreTableFromBackup) as native AWS answered them: radkawar/stackd testdata/aws/dynamodb/
 * backups.json (us-east-1), backup_arn_grammar.json, backup_arn_case.json (us-west-2) and
 * backup_list_time_precision.json (us-east-1), all of 2026-09-18. Every row failed before the
 * backup operations existed (NotImplemented).
 */
import test from 'ava';
import {
  CreateBackupCommand, CreateTableCommand, DeleteBackupCommand, DeleteItemCommand, DeleteTableCommand, DescribeBackupCommand,
  DescribeTableCommand, ListBackupsCommand, PutItemCommand, QueryCommand, RestoreTableFromBackupCommand, ScanCommand,
  UpdateItemCommand, UpdateTimeToLiveCommand, type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { startBoltstack } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';
import { createKeyedTable, ddbClient, ddbErrorOf, rawCall, uniqueTable } from './helpers.js';

const STACKD = 'radkawar/stackd testdata/aws/dynamodb';
let server: Boltstack;
let ddb: DynamoDBClient;
test.before(async () => { server = await startBoltstack(); ddb = ddbClient(server.endpoint); });
test.after.always(async () => { await server?.stop(); });

const ARN_RE = /^arn:aws:dynamodb:us-east-1:000000000000:table\/([^/]+)\/backup\/(\d{14})-[0-9a-f]{8}$/;

/** seq 15's `expires` was 30 days ahead; here one far ahead, so the TTL sweep never takes an item. */
const FAR_FUTURE = 4_102_444_800;

/** backups.json seq 4's table: GSI by-group, LSI by-rank, a NEW_AND_OLD_IMAGES stream, 2/2 units; TTL on `expires` (seq 14). */
async function createSource(TableName: string): Promise<void> {
  await ddb.send(new CreateTableCommand({
    TableName, BillingMode: 'PROVISIONED', ProvisionedThroughput: { ReadCapacityUnits: 2, WriteCapacityUnits: 2 },
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'sk', AttributeType: 'N' }, { AttributeName: 'gpk', AttributeType: 'S' }, { AttributeName: 'rank', AttributeType: 'N' }],
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
    GlobalSecondaryIndexes: [{ IndexName: 'by-group', KeySchema: [{ AttributeName: 'gpk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }], Projection: { ProjectionType: 'ALL' }, ProvisionedThroughput: { ReadCapacityUnits: 2, WriteCapacityUnits: 2 } }],
    LocalSecondaryIndexes: [{ IndexName: 'by-rank', KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'rank', KeyType: 'RANGE' }], Projection: { ProjectionType: 'ALL' } }],
    StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
    Tags: [{ Key: 'stackd-probe', Value: 'backup' }],
  }));
  await ddb.send(new UpdateTimeToLiveCommand({ TableName, TimeToLiveSpecification: { Enabled: true, AttributeName: 'expires' } }));
  for (const [sk, rank] of [[1, 10], [2, 20], [3, 30]] as const) {
    await ddb.send(new PutItemCommand({ TableName, Item: { pk: { S: 'partition' }, sk: { N: String(sk) }, gpk: { S: 'group' }, rank: { N: String(rank) }, version: { S: 'before' }, expires: { N: String(FAR_FUTURE) } } }));
  }
}

const sourceFeatures = {
  GlobalSecondaryIndexes: [{ IndexName: 'by-group', KeySchema: [{ AttributeName: 'gpk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }], Projection: { ProjectionType: 'ALL' }, ProvisionedThroughput: { ReadCapacityUnits: 2, WriteCapacityUnits: 2 } }],
  LocalSecondaryIndexes: [{ IndexName: 'by-rank', KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'rank', KeyType: 'RANGE' }], Projection: { ProjectionType: 'ALL' } }],
  StreamDescription: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
  TimeToLiveDescription: { AttributeName: 'expires', TimeToLiveStatus: 'ENABLED' },
};

test(`CreateBackup answers CREATING, DescribeBackup AVAILABLE with the source's details and features (${STACKD}/backups.json seq 24-25)`, async (t) => {
  const TableName = uniqueTable('bk-src');
  await createSource(TableName);
  const before = Date.now();
  const { BackupDetails: details } = await ddb.send(new CreateBackupCommand({ TableName, BackupName: 'snap.shot_1-x' }));
  const match = ARN_RE.exec(details!.BackupArn!);
  t.truthy(match, details!.BackupArn);
  t.is(match![1], TableName);
  // The 14 digits are the creation time in ms (seq 24: .../backup/01789723711221-... created 1789723711.221).
  t.is(Number(match![2]), details!.BackupCreationDateTime!.getTime());
  t.true(details!.BackupCreationDateTime!.getTime() >= before);
  t.like(details, { BackupName: 'snap.shot_1-x', BackupStatus: 'CREATING', BackupType: 'USER' });
  t.is(typeof details!.BackupSizeBytes, 'number');

  const table = (await ddb.send(new DescribeTableCommand({ TableName }))).Table!;
  const { BackupDescription: d } = await ddb.send(new DescribeBackupCommand({ BackupArn: details!.BackupArn }));
  t.deepEqual(d!.BackupDetails, { ...details, BackupStatus: 'AVAILABLE' });
  t.deepEqual(d!.SourceTableDetails, {
    TableName, TableId: table.TableId, TableArn: table.TableArn, TableSizeBytes: table.TableSizeBytes, ItemCount: 3,
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
    TableCreationDateTime: table.CreationDateTime, ProvisionedThroughput: { ReadCapacityUnits: 2, WriteCapacityUnits: 2 }, BillingMode: 'PROVISIONED',
  });
  t.deepEqual(d!.SourceTableFeatureDetails, sourceFeatures);
  t.is(details!.BackupSizeBytes, table.TableSizeBytes);
});

test(`an on-demand table without features: throughput 0/0 and SourceTableFeatureDetails {} (${STACKD}/backup_arn_case.json seq 9)`, async (t) => {
  const TableName = uniqueTable('bk-ppr');
  await createKeyedTable(ddb, TableName, [['pk', 'S']]);
  const created = await ddb.send(new CreateBackupCommand({ TableName, BackupName: 'ppr' }));
  const raw = await rawCall(server.endpoint, 'DescribeBackup', { BackupArn: created.BackupDetails!.BackupArn });
  const description = raw.body.BackupDescription as Record<string, Record<string, unknown>>;
  t.deepEqual(description.SourceTableFeatureDetails, {});
  t.like(description.SourceTableDetails, { ProvisionedThroughput: { ReadCapacityUnits: 0, WriteCapacityUnits: 0 }, BillingMode: 'PAY_PER_REQUEST', ItemCount: 0, TableSizeBytes: 0 });
  t.like(description.BackupDetails, { BackupSizeBytes: 0, BackupStatus: 'AVAILABLE', BackupType: 'USER' });
});

test(`a restore has the items as they were at CreateBackup, with their index entries (${STACKD}/backups.json seq 36-43)`, async (t) => {
  const TableName = uniqueTable('bk-pit');
  const target = uniqueTable('bk-pit-default');
  await createSource(TableName);
  const backupArn = (await ddb.send(new CreateBackupCommand({ TableName, BackupName: 'snapshot' }))).BackupDetails!.BackupArn;
  const backupTime = (await ddb.send(new DescribeBackupCommand({ BackupArn: backupArn }))).BackupDescription!.BackupDetails!.BackupCreationDateTime;
  // seq 36-38: the source changes after the backup.
  await ddb.send(new UpdateItemCommand({ TableName, Key: { pk: { S: 'partition' }, sk: { N: '1' } }, UpdateExpression: 'SET #v = :v', ExpressionAttributeNames: { '#v': 'version' }, ExpressionAttributeValues: { ':v': { S: 'after' } } }));
  await ddb.send(new DeleteItemCommand({ TableName, Key: { pk: { S: 'partition' }, sk: { N: '2' } } }));
  await ddb.send(new PutItemCommand({ TableName, Item: { pk: { S: 'partition' }, sk: { N: '4' }, gpk: { S: 'group' }, rank: { N: '40' }, version: { S: 'late' } } }));

  const raw = await rawCall(server.endpoint, 'RestoreTableFromBackup', { TargetTableName: target, BackupArn: backupArn });
  t.is(raw.status, 200);
  const answer = raw.body.TableDescription as Record<string, unknown>;
  // seq 42: CREATING, figures 0, RestoreSummary, GSIs without IndexStatus, BillingModeSummary even though provisioned, no stream.
  t.like(answer, {
    TableName: target, TableStatus: 'CREATING', ItemCount: 0, TableSizeBytes: 0, BillingModeSummary: { BillingMode: 'PROVISIONED' },
    ProvisionedThroughput: { NumberOfDecreasesToday: 0, ReadCapacityUnits: 2, WriteCapacityUnits: 2 },
    RestoreSummary: { RestoreDateTime: backupTime!.getTime() / 1000, RestoreInProgress: true, SourceBackupArn: backupArn, SourceTableArn: `arn:aws:dynamodb:us-east-1:000000000000:table/${TableName}` },
  });
  t.deepEqual(Object.keys(answer).sort(), ['AttributeDefinitions', 'BillingModeSummary', 'CreationDateTime', 'GlobalSecondaryIndexes', 'ItemCount', 'KeySchema',
    'LocalSecondaryIndexes', 'ProvisionedThroughput', 'RestoreSummary', 'TableArn', 'TableId', 'TableName', 'TableSizeBytes', 'TableStatus']);
  t.deepEqual(Object.keys((answer.GlobalSecondaryIndexes as object[])[0]!).sort(), ['IndexArn', 'IndexName', 'IndexSizeBytes', 'ItemCount', 'KeySchema', 'Projection', 'ProvisionedThroughput']);

  const restored = (await ddb.send(new DescribeTableCommand({ TableName: target }))).Table!;
  t.is(restored.TableStatus, 'ACTIVE');
  t.is(restored.ItemCount, 3);
  t.is(restored.StreamSpecification, undefined);
  t.deepEqual(restored.GlobalSecondaryIndexes!.map((i) => [i.IndexName, i.IndexStatus, i.ItemCount]), [['by-group', 'ACTIVE', 3]]);
  t.deepEqual(restored.LocalSecondaryIndexes!.map((i) => [i.IndexName, i.ItemCount]), [['by-rank', 3]]);
  const versions = (items: Array<Record<string, { S?: string; N?: string }>> | undefined) => (items ?? []).map((i) => `${i.sk!.N}:${i.version!.S}`);
  t.deepEqual(versions((await ddb.send(new ScanCommand({ TableName: target, ConsistentRead: true }))).Items as never), ['1:before', '2:before', '3:before']);
  const byGroup = await ddb.send(new QueryCommand({ TableName: target, IndexName: 'by-group', KeyConditionExpression: 'gpk = :g', ExpressionAttributeValues: { ':g': { S: 'group' } } }));
  t.deepEqual(versions(byGroup.Items as never), ['1:before', '2:before', '3:before']);
  const byRank = await ddb.send(new QueryCommand({ TableName: target, IndexName: 'by-rank', KeyConditionExpression: 'pk = :p AND #r > :r', ExpressionAttributeNames: { '#r': 'rank' }, ExpressionAttributeValues: { ':p': { S: 'partition' }, ':r': { N: '15' } } }));
  t.deepEqual(versions(byRank.Items as never), ['2:before', '3:before']);
  // The restored table takes writes as any other.
  await ddb.send(new PutItemCommand({ TableName: target, Item: { pk: { S: 'partition' }, sk: { N: '9' }, gpk: { S: 'group' }, rank: { N: '90' }, version: { S: 'new' } } }));
  t.is((await ddb.send(new DescribeTableCommand({ TableName: target }))).Table!.ItemCount, 4);
  // The source is untouched by the restore.
  t.deepEqual(versions((await ddb.send(new ScanCommand({ TableName, ConsistentRead: true }))).Items as never), ['1:after', '3:before', '4:late']);
});

test(`ListBackups: oldest first, Limit pages with LastEvaluatedBackupArn only while more remain, types, inclusive time bounds (${STACKD}/backups.json seq 28-35, backup_list_time_precision.json seq 4-8)`, async (t) => {
  const TableName = uniqueTable('bk-list');
  await createKeyedTable(ddb, TableName, [['pk', 'S']]);
  const first = (await ddb.send(new CreateBackupCommand({ TableName, BackupName: 'snapshot' }))).BackupDetails!;
  await new Promise((resolve) => setTimeout(resolve, 5));
  const second = (await ddb.send(new CreateBackupCommand({ TableName, BackupName: 'snapshot' }))).BackupDetails!;
  const arns = (out: { BackupSummaries?: Array<{ BackupArn?: string }> }) => (out.BackupSummaries ?? []).map((b) => b.BackupArn);
  const list = (extra: Record<string, unknown> = {}) => ddb.send(new ListBackupsCommand({ TableName, ...extra }));

  const all = await list({ BackupType: 'USER' });
  t.deepEqual(arns(all), [first.BackupArn, second.BackupArn], 'seq 28');
  const table = (await ddb.send(new DescribeTableCommand({ TableName }))).Table!;
  t.deepEqual(all.BackupSummaries![0], {
    BackupArn: first.BackupArn, BackupCreationDateTime: first.BackupCreationDateTime, BackupName: 'snapshot', BackupSizeBytes: 0,
    BackupStatus: 'AVAILABLE', BackupType: 'USER', TableArn: table.TableArn, TableId: table.TableId, TableName,
  });
  t.deepEqual(arns(await list({ BackupType: 'SYSTEM' })), [], 'seq 29');
  t.deepEqual(arns(await list({ BackupType: 'ALL' })), [first.BackupArn, second.BackupArn], 'seq 30');
  const page0 = await list({ BackupType: 'USER', Limit: 1 });
  t.deepEqual([arns(page0), page0.LastEvaluatedBackupArn], [[first.BackupArn], first.BackupArn], 'seq 31');
  const page1 = await list({ BackupType: 'USER', Limit: 1, ExclusiveStartBackupArn: page0.LastEvaluatedBackupArn });
  t.deepEqual([arns(page1), page1.LastEvaluatedBackupArn], [[second.BackupArn], undefined], 'seq 32');
  const at = first.BackupCreationDateTime!;
  t.deepEqual(arns(await list({ TimeRangeLowerBound: at })), [first.BackupArn, second.BackupArn], 'seq 33: lower bound inclusive');
  t.deepEqual(arns(await list({ TimeRangeUpperBound: at })), [first.BackupArn], 'seq 34 and time precision seq 5: upper bound inclusive');
  t.deepEqual(arns(await list({ TimeRangeUpperBound: new Date(at.getTime() - 1) })), [], 'time precision seq 4');
  t.deepEqual(arns(await list({ TimeRangeLowerBound: new Date(at.getTime() - 1000), TimeRangeUpperBound: new Date(at.getTime() + 60_000) })), [first.BackupArn, second.BackupArn], 'seq 35');
  t.deepEqual(arns(await ddb.send(new ListBackupsCommand({ TableName: uniqueTable('bk-absent') }))), [], 'seq 3: a table that never existed lists none');
  t.true(arns(await ddb.send(new ListBackupsCommand({}))).includes(second.BackupArn), 'without TableName: every table\'s');
});

test(`errors: missing table, bad restore members, existing target, deleted backup (${STACKD}/backups.json seq 2, 40, 41, 216, 228-229)`, async (t) => {
  const missing = uniqueTable('bk-missing');
  const noTable = await rawCall(server.endpoint, 'CreateBackup', { TableName: missing, BackupName: missing });
  t.deepEqual([noTable.status, noTable.body], [400, { __type: 'com.amazonaws.dynamodb.v20120810#TableNotFoundException', message: `Table not found: ${missing}` }], 'seq 2');

  const TableName = uniqueTable('bk-err');
  await createKeyedTable(ddb, TableName, [['pk', 'S']]);
  const BackupArn = (await ddb.send(new CreateBackupCommand({ TableName, BackupName: 'snapshot' }))).BackupDetails!.BackupArn;
  const target = uniqueTable('bk-err-target');
  const billing = await rawCall(server.endpoint, 'RestoreTableFromBackup', { TargetTableName: target, BackupArn, BillingModeOverride: 'INVALID' });
  t.deepEqual(billing.body, { __type: 'com.amazon.coral.validate#ValidationException', message: "1 validation error detected: Value 'INVALID' at 'billingModeOverride' failed to satisfy constraint: Member must satisfy enum value set: [PROVISIONED, PAY_PER_REQUEST]" }, 'seq 40');
  const units = await rawCall(server.endpoint, 'RestoreTableFromBackup', { TargetTableName: target, BackupArn, ProvisionedThroughputOverride: { ReadCapacityUnits: 0, WriteCapacityUnits: 2 } });
  t.deepEqual(units.body, { __type: 'com.amazon.coral.validate#ValidationException', message: "1 validation error detected: Value '0' at 'provisionedThroughputOverride.readCapacityUnits' failed to satisfy constraint: Member must have value greater than or equal to 1" }, 'seq 41');
  const name = await rawCall(server.endpoint, 'CreateBackup', { TableName, BackupName: 'x' });
  t.deepEqual(name.body, { __type: 'com.amazon.coral.validate#ValidationException', message: "1 validation error detected: Value 'x' at 'backupName' failed to satisfy constraint: Member must have length greater than or equal to 3" });

  const exists = await ddbErrorOf(ddb.send(new RestoreTableFromBackupCommand({ TargetTableName: TableName, BackupArn })));
  t.deepEqual([exists.name, exists.message], ['TableAlreadyExistsException', `Table already exists: ${TableName}`]);
  // Not implemented, so strict mode answers NotImplemented naming it (docs/feature-gates.md).
  const sseOverride = await rawCall(server.endpoint, 'RestoreTableFromBackup', { TargetTableName: target, BackupArn, SSESpecificationOverride: { Enabled: true } });
  t.is(sseOverride.status, 501);
  t.regex(String(sseOverride.body.message), /SSESpecificationOverride/);
  t.is((await rawCall(server.endpoint, 'DescribeTable', { TableName: target })).status, 400, 'no table was created');

  const deleted = await ddb.send(new DeleteBackupCommand({ BackupArn }));
  t.is(deleted.BackupDescription!.BackupDetails!.BackupStatus, 'DELETED', 'backup_arn_case.json seq 19');
  t.is(deleted.BackupDescription!.SourceTableDetails!.TableName, TableName);
  const notFound = { __type: 'com.amazonaws.dynamodb.v20120810#BackupNotFoundException', message: `Backup not found: ${BackupArn}` };
  t.deepEqual((await rawCall(server.endpoint, 'DescribeBackup', { BackupArn })).body, notFound, 'seq 229');
  t.deepEqual((await rawCall(server.endpoint, 'DeleteBackup', { BackupArn })).body, notFound, 'seq 228');
  t.deepEqual((await rawCall(server.endpoint, 'RestoreTableFromBackup', { TargetTableName: target, BackupArn })).body, notFound, 'seq 216');
  t.deepEqual((await ddb.send(new ListBackupsCommand({ TableName }))).BackupSummaries, [], 'seq 217');
});

test(`a deleted table's backup is still listed, described and restorable (${STACKD}/backups.json seq 219 lists after delete)`, async (t) => {
  const TableName = uniqueTable('bk-gone');
  await createKeyedTable(ddb, TableName, [['pk', 'S']]);
  await ddb.send(new PutItemCommand({ TableName, Item: { pk: { S: 'kept' }, v: { N: '1' } } }));
  const BackupArn = (await ddb.send(new CreateBackupCommand({ TableName, BackupName: 'last' }))).BackupDetails!.BackupArn;
  await ddb.send(new DeleteTableCommand({ TableName }));
  t.deepEqual((await ddb.send(new ListBackupsCommand({ TableName }))).BackupSummaries!.map((b) => b.BackupArn), [BackupArn]);
  t.is((await ddb.send(new DescribeBackupCommand({ BackupArn }))).BackupDescription!.SourceTableDetails!.ItemCount, 1);
  // Restored under the deleted table's own name.
  await ddb.send(new RestoreTableFromBackupCommand({ TargetTableName: TableName, BackupArn }));
  t.deepEqual((await ddb.send(new ScanCommand({ TableName }))).Items, [{ pk: { S: 'kept' }, v: { N: '1' } }]);
});

test(`a PAY_PER_REQUEST override and a provisioned override change the restored table's billing (${STACKD}/backups.json seq 42 for the default)`, async (t) => {
  const TableName = uniqueTable('bk-bill');
  await createKeyedTable(ddb, TableName, [['pk', 'S']]);
  const BackupArn = (await ddb.send(new CreateBackupCommand({ TableName, BackupName: 'bill' }))).BackupDetails!.BackupArn;
  const onDemand = await ddb.send(new RestoreTableFromBackupCommand({ TargetTableName: uniqueTable('bk-bill-ppr'), BackupArn }));
  t.like(onDemand.TableDescription, { BillingModeSummary: { BillingMode: 'PAY_PER_REQUEST' }, ProvisionedThroughput: { ReadCapacityUnits: 0, WriteCapacityUnits: 0 } });
  const provisioned = await ddb.send(new RestoreTableFromBackupCommand({
    TargetTableName: uniqueTable('bk-bill-prov'), BackupArn, BillingModeOverride: 'PROVISIONED', ProvisionedThroughputOverride: { ReadCapacityUnits: 3, WriteCapacityUnits: 4 },
  }));
  t.like(provisioned.TableDescription, { BillingModeSummary: { BillingMode: 'PROVISIONED' }, ProvisionedThroughput: { ReadCapacityUnits: 3, WriteCapacityUnits: 4 } });
});

test(`an on-demand restore keeps the table's and GSIs' OnDemandThroughput; its answer's units have no NumberOfDecreasesToday (${STACKD}/backup_on_demand_restore.json seq 3, 24)`, async (t) => {
  const TableName = uniqueTable('bk-od');
  await ddb.send(new CreateTableCommand({
    TableName, BillingMode: 'PAY_PER_REQUEST', OnDemandThroughput: { MaxReadRequestUnits: 17, MaxWriteRequestUnits: 23 },
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'gpk', AttributeType: 'S' }],
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
    GlobalSecondaryIndexes: [{ IndexName: 'ByGroup', KeySchema: [{ AttributeName: 'gpk', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' }, OnDemandThroughput: { MaxReadRequestUnits: 11, MaxWriteRequestUnits: 13 } }],
  }));
  const BackupArn = (await ddb.send(new CreateBackupCommand({ TableName, BackupName: 'on-demand' }))).BackupDetails!.BackupArn!;
  const target = uniqueTable('bk-od-default');
  const { body } = await rawCall(server.endpoint, 'RestoreTableFromBackup', { TargetTableName: target, BackupArn });
  const answer = body.TableDescription as Record<string, unknown>;
  t.like(answer, {
    BillingModeSummary: { BillingMode: 'PAY_PER_REQUEST' }, OnDemandThroughput: { MaxReadRequestUnits: 17, MaxWriteRequestUnits: 23 },
    ProvisionedThroughput: { ReadCapacityUnits: 0, WriteCapacityUnits: 0 }, TableStatus: 'CREATING',
  });
  t.deepEqual(answer.ProvisionedThroughput, { ReadCapacityUnits: 0, WriteCapacityUnits: 0 });
  const [gsi] = answer.GlobalSecondaryIndexes as Array<Record<string, unknown>>;
  t.deepEqual(gsi!.ProvisionedThroughput, { ReadCapacityUnits: 0, WriteCapacityUnits: 0 });
  t.deepEqual(gsi!.OnDemandThroughput, { MaxReadRequestUnits: 11, MaxWriteRequestUnits: 13 });
  const restored = (await ddb.send(new DescribeTableCommand({ TableName: target }))).Table!;
  t.deepEqual(restored.OnDemandThroughput, { MaxReadRequestUnits: 17, MaxWriteRequestUnits: 23 });
});

test(`index overrides keep some of the backup's indexes and create none (${STACKD}/backup_index_overrides.json seq 13-14, backups.json seq 132, 201-205)`, async (t) => {
  const TableName = uniqueTable('bk-idx');
  await createSource(TableName);
  const BackupArn = (await ddb.send(new CreateBackupCommand({ TableName, BackupName: 'indexes' }))).BackupDetails!.BackupArn!;
  const refused = { __type: 'com.amazon.coral.validate#ValidationException', message: 'Invalid Request: Index by-group does not match a secondary index that existed in the source table and cannot be created during the restore operation' };
  const otherKey = [{ IndexName: 'by-group', KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' }, ProvisionedThroughput: { ReadCapacityUnits: 2, WriteCapacityUnits: 2 } }];
  t.deepEqual((await rawCall(server.endpoint, 'RestoreTableFromBackup', { TargetTableName: uniqueTable('bk-idx-schema'), BackupArn, GlobalSecondaryIndexOverride: otherKey })).body, refused, 'seq 13: another key schema');
  const otherProjection = [{ IndexName: 'by-group', KeySchema: [{ AttributeName: 'gpk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }], Projection: { ProjectionType: 'KEYS_ONLY' }, ProvisionedThroughput: { ReadCapacityUnits: 2, WriteCapacityUnits: 2 } }];
  t.deepEqual((await rawCall(server.endpoint, 'RestoreTableFromBackup', { TargetTableName: uniqueTable('bk-idx-projection'), BackupArn, GlobalSecondaryIndexOverride: otherProjection })).body, refused, 'seq 14: another projection');

  // seq 132: on demand, no index of either kind, a table maximum.
  const excluded = uniqueTable('bk-idx-excluded');
  const { body } = await rawCall(server.endpoint, 'RestoreTableFromBackup', {
    TargetTableName: excluded, BackupArn, BillingModeOverride: 'PAY_PER_REQUEST', GlobalSecondaryIndexOverride: [], LocalSecondaryIndexOverride: [],
    OnDemandThroughputOverride: { MaxReadRequestUnits: 10, MaxWriteRequestUnits: 10 },
  });
  const answer = body.TableDescription as Record<string, unknown>;
  t.deepEqual(answer.AttributeDefinitions, [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'sk', AttributeType: 'N' }]);
  t.deepEqual(Object.keys(answer).sort(), ['AttributeDefinitions', 'BillingModeSummary', 'CreationDateTime', 'ItemCount', 'KeySchema', 'OnDemandThroughput',
    'ProvisionedThroughput', 'RestoreSummary', 'TableArn', 'TableId', 'TableName', 'TableSizeBytes', 'TableStatus']);
  t.like(answer, { BillingModeSummary: { BillingMode: 'PAY_PER_REQUEST' }, OnDemandThroughput: { MaxReadRequestUnits: 10, MaxWriteRequestUnits: 10 }, ProvisionedThroughput: { ReadCapacityUnits: 0, WriteCapacityUnits: 0 } });
  const restored = (await ddb.send(new DescribeTableCommand({ TableName: excluded }))).Table!;
  t.like(restored, { TableStatus: 'ACTIVE', ItemCount: 3, GlobalSecondaryIndexes: undefined, LocalSecondaryIndexes: undefined, RestoreSummary: undefined }, 'seq 201: no RestoreSummary once ACTIVE');
  const ttl = await rawCall(server.endpoint, 'DescribeTimeToLive', { TableName: excluded });
  t.deepEqual(ttl.body, { TimeToLiveDescription: { TimeToLiveStatus: 'DISABLED' } }, 'seq 203: TTL is not restored');
  const tags = await rawCall(server.endpoint, 'ListTagsOfResource', { ResourceArn: restored.TableArn });
  t.deepEqual(tags.body, { Tags: [] }, 'seq 202: tags are not restored');
  t.is((await ddb.send(new ScanCommand({ TableName: excluded, ConsistentRead: true }))).Count, 3, 'seq 204');
  const query = await ddbErrorOf(ddb.send(new QueryCommand({ TableName: excluded, IndexName: 'by-group', KeyConditionExpression: 'gpk = :g', ExpressionAttributeValues: { ':g': { S: 'group' } } })));
  t.is(query.name, 'ValidationException', 'seq 205: the index is gone');

  // Keeping the GSI as it was (with its units) and leaving the LSI out.
  const kept = uniqueTable('bk-idx-kept');
  await ddb.send(new RestoreTableFromBackupCommand({
    TargetTableName: kept, BackupArn, LocalSecondaryIndexOverride: [],
    GlobalSecondaryIndexOverride: [{ IndexName: 'by-group', KeySchema: [{ AttributeName: 'gpk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }], Projection: { ProjectionType: 'ALL' }, ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 6 } }],
  }));
  const keptTable = (await ddb.send(new DescribeTableCommand({ TableName: kept }))).Table!;
  t.deepEqual(keptTable.GlobalSecondaryIndexes!.map((i) => [i.IndexName, i.ItemCount, i.ProvisionedThroughput!.ReadCapacityUnits, i.ProvisionedThroughput!.WriteCapacityUnits]), [['by-group', 3, 5, 6]]);
  t.is(keptTable.LocalSecondaryIndexes, undefined);
  t.deepEqual(keptTable.AttributeDefinitions!.map((a) => a.AttributeName), ['gpk', 'pk', 'sk']);
});

// The constraints are the API reference's (CreateBackup: TableName and BackupName 3-255 of
// [a-zA-Z0-9_.-]+; ListBackups: Limit 1-100, BackupType's enum) in the wording Coral uses for
// them elsewhere (backups.json seq 40-41); no capture shows two at once, so the order is the model's.
test('CreateBackup and ListBackups report their members\' constraints together, in Coral\'s words', async (t) => {
  const both = await rawCall(server.endpoint, 'CreateBackup', { TableName: 'x', BackupName: 'bad name!' });
  t.deepEqual(both.body, {
    __type: 'com.amazon.coral.validate#ValidationException',
    message: "2 validation errors detected: Value 'x' at 'tableName' failed to satisfy constraint: Member must have length greater than or equal to 3; "
      + "Value 'bad name!' at 'backupName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+",
  });
  const missing = await rawCall(server.endpoint, 'CreateBackup', {});
  t.deepEqual(missing.body, {
    __type: 'com.amazon.coral.validate#ValidationException',
    message: "2 validation errors detected: Value null at 'tableName' failed to satisfy constraint: Member must not be null; Value null at 'backupName' failed to satisfy constraint: Member must not be null",
  });
  const list = await rawCall(server.endpoint, 'ListBackups', { Limit: 0, BackupType: 'NONE' });
  t.deepEqual(list.body, {
    __type: 'com.amazon.coral.validate#ValidationException',
    message: "2 validation errors detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1; "
      + "Value 'NONE' at 'backupType' failed to satisfy constraint: Member must satisfy enum value set: [USER, SYSTEM, AWS_BACKUP, ALL]",
  });
});

test(`a restore takes neither the table class nor deletion protection (${STACKD}/backup_provisioned_restore.json seq 2, 54)`, async (t) => {
  const TableName = uniqueTable('bk-class');
  await ddb.send(new CreateTableCommand({
    TableName, BillingMode: 'PROVISIONED', ProvisionedThroughput: { ReadCapacityUnits: 100, WriteCapacityUnits: 100 }, TableClass: 'STANDARD_INFREQUENT_ACCESS',
    DeletionProtectionEnabled: true, AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
  }));
  const BackupArn = (await ddb.send(new CreateBackupCommand({ TableName, BackupName: 'class' }))).BackupDetails!.BackupArn!;
  const target = uniqueTable('bk-class-target');
  await ddb.send(new RestoreTableFromBackupCommand({ TargetTableName: target, BackupArn }));
  const restored = (await ddb.send(new DescribeTableCommand({ TableName: target }))).Table!;
  t.like(restored, { TableStatus: 'ACTIVE', TableClassSummary: undefined, BillingModeSummary: undefined, DeletionProtectionEnabled: false, ProvisionedThroughput: { ReadCapacityUnits: 100, WriteCapacityUnits: 100 } });
});
