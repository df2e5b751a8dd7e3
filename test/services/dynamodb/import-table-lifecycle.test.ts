/**
 * An import's table exists, CREATING, from ImportTable's answer to the import's end, and is then
 * ACTIVE (or gone, for an import that failed before it wrote an item). Every row failed before
 * this change, when the table appeared only at the end and its name was free meanwhile (a
 * CreateTable of it succeeded and the import then failed).
 * (The missing-bucket row is a guard that passed before as well.)
 * Sources (native AWS): ack-api-quirks dynamodb import.md, DDB-IMPORT-001 (while CREATING under an
 * import: PutItem ResourceNotFoundException, CreateBackup ContinuousBackupsUnavailableException),
 * DDB-IMPORT-006 (DeleteTable ResourceInUseException while CREATING), DDB-IMPORT-007 (source
 * objects deleted mid-import: FAILED ItemValidationError, table ACTIVE), DDB-TABLE-444 (live
 * "creating_dup_create" and "creating_update_dp": "Attempt to change a resource which is still
 * in use: Table is being created: <name>"), DDB-TABLE-219 (restore target that exists:
 * TableAlreadyExistsException), all verified 2026-10-09; developer guide "Requesting a table
 * import" (the table is listed CREATING and "not accessible" until the import completes).
 */
import test from 'ava';
import {
  CreateBackupCommand, CreateTableCommand, DeleteTableCommand, DescribeImportCommand, DescribeTableCommand, type DynamoDBClient, GetItemCommand,
  ImportTableCommand, type ImportTableCommandInput, ListTablesCommand, PutItemCommand, QueryCommand,
  RestoreTableFromBackupCommand, RestoreTableToPointInTimeCommand, ScanCommand, UpdateContinuousBackupsCommand,
  DescribeContinuousBackupsCommand, UpdateTableCommand, UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, DeleteBucketCommand, DeleteObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { type Boltstack } from '../../../src/index.js';
import { s3Client, startBoltstack, tempDir, uniqueBucket } from '../../helpers/server.js';
import { KEYED, settled, importRunning } from './import-helpers.js';
import { ddbClient, ddbErrorOf, uniqueTable } from './helpers.js';

let server: Boltstack;
let ddb: DynamoDBClient;
let s3: S3Client;
test.before(async () => {
  server = await startBoltstack();
  ddb = ddbClient(server.endpoint);
  s3 = s3Client(server.endpoint);
});
test.after.always(async () => { await server.stop(); });

/** Enough lines that the import is still running while a dozen requests are answered (about a second here). */
const LINES = 60_000;
const bigObject = (prefix = 'k'): string => Array.from({ length: LINES }, (_, i) => JSON.stringify({ Item: { pk: { S: `${prefix}${i}` }, v: { S: 'x'.repeat(20) } } })).join('\n');

async function bucketWith(client: S3Client, objects: Record<string, string>): Promise<string> {
  const Bucket = uniqueBucket('life');
  await client.send(new CreateBucketCommand({ Bucket }));
  for (const [Key, Body] of Object.entries(objects)) await client.send(new PutObjectCommand({ Bucket, Key, Body }));
  return Bucket;
}

const request = (Bucket: string, S3KeyPrefix: string, TableName: string): ImportTableCommandInput =>
  ({ S3BucketSource: { S3Bucket: Bucket, S3KeyPrefix }, InputFormat: 'DYNAMODB_JSON', TableCreationParameters: { TableName, ...KEYED } });



test('while an import runs its table is CREATING: DescribeTable and ListTables show it, item operations are ResourceNotFoundException; then ACTIVE with every item', async (t) => {
  const Bucket = await bucketWith(s3, { 'big/data.json': bigObject() });
  const TableName = uniqueTable('creating');
  const started = (await ddb.send(new ImportTableCommand(request(Bucket, 'big/', TableName)))).ImportTableDescription!;
  const table = (await ddb.send(new DescribeTableCommand({ TableName }))).Table!;
  t.is(table.TableStatus, 'CREATING');
  t.is(table.TableId, started.TableId);
  t.is(table.TableArn, started.TableArn);
  t.deepEqual(table.KeySchema, KEYED.KeySchema);
  t.deepEqual(table.AttributeDefinitions, KEYED.AttributeDefinitions);
  t.is(table.BillingModeSummary?.BillingMode, 'PAY_PER_REQUEST');
  t.is(table.ItemCount, 0);
  t.is(table.TableSizeBytes, 0);
  t.true((await ddb.send(new ListTablesCommand({}))).TableNames!.includes(TableName));
  // "At this time the table is not accessible" (developer guide); PutItem: DDB-IMPORT-001.
  const put = await ddbErrorOf(ddb.send(new PutItemCommand({ TableName, Item: { pk: { S: 'mine' } } })));
  t.is(put.name, 'ResourceNotFoundException');
  t.is((await ddbErrorOf(ddb.send(new GetItemCommand({ TableName, Key: { pk: { S: 'k1' } } })))).name, 'ResourceNotFoundException');
  t.is((await ddbErrorOf(ddb.send(new QueryCommand({ TableName, KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': { S: 'k1' } } })))).name, 'ResourceNotFoundException');
  t.true(await importRunning(ddb, started.ImportArn!), 'every answer above was given while the import ran');
  const done = await settled(ddb, started.ImportArn!);
  t.is(done.ImportStatus, 'COMPLETED');
  const active = (await ddb.send(new DescribeTableCommand({ TableName }))).Table!;
  t.is(active.TableStatus, 'ACTIVE');
  t.is(active.ItemCount, LINES);
  t.is(active.TableId, started.TableId);
  t.is((await ddb.send(new GetItemCommand({ TableName, Key: { pk: { S: 'k7' } } }))).Item?.pk?.S, 'k7');
});

test('while an import runs its name is taken: CreateTable and DeleteTable are ResourceInUseException, restores TableAlreadyExistsException, a second ImportTable "Table already exists", CreateBackup ContinuousBackupsUnavailableException; the import completes alone', async (t) => {
  const Bucket = await bucketWith(s3, { 'big/data.json': bigObject() });
  const TableName = uniqueTable('taken');
  // Sources for the restores: a table with point-in-time recovery and a backup of it.
  const source = uniqueTable('src');
  await ddb.send(new CreateTableCommand({ TableName: source, ...KEYED }));
  await ddb.send(new UpdateContinuousBackupsCommand({ TableName: source, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }));
  const BackupArn = (await ddb.send(new CreateBackupCommand({ TableName: source, BackupName: 'source-backup' }))).BackupDetails!.BackupArn!;
  const started = (await ddb.send(new ImportTableCommand(request(Bucket, 'big/', TableName)))).ImportTableDescription!;

  const beingCreated = `Attempt to change a resource which is still in use: Table is being created: ${TableName}`;
  const create = await ddbErrorOf(ddb.send(new CreateTableCommand({ TableName, ...KEYED })));
  t.is(create.name, 'ResourceInUseException');
  t.is(create.message, beingCreated);
  const del = await ddbErrorOf(ddb.send(new DeleteTableCommand({ TableName })));
  t.is(del.name, 'ResourceInUseException');
  t.is(del.message, beingCreated);
  const restored = await ddbErrorOf(ddb.send(new RestoreTableFromBackupCommand({ BackupArn, TargetTableName: TableName })));
  t.is(restored.name, 'TableAlreadyExistsException');
  t.is(restored.message, `Table already exists: ${TableName}`);
  const pitr = await ddbErrorOf(ddb.send(new RestoreTableToPointInTimeCommand({ SourceTableName: source, TargetTableName: TableName, UseLatestRestorableTime: true })));
  t.is(pitr.name, 'TableAlreadyExistsException');
  const second = await ddbErrorOf(ddb.send(new ImportTableCommand(request(Bucket, 'big/', TableName))));
  t.is(second.name, 'ResourceInUseException');
  t.is(second.message, `Table already exists: ${TableName}`);
  const backup = await ddbErrorOf(ddb.send(new CreateBackupCommand({ TableName, BackupName: 'early' })));
  t.is(backup.name, 'ContinuousBackupsUnavailableException');
  t.is(backup.message, `Backups are being enabled for the table: ${TableName}. Please retry later`);
  t.true(await importRunning(ddb, started.ImportArn!), 'every refusal above was given while the import ran');

  const done = await settled(ddb, started.ImportArn!);
  t.is(done.ImportStatus, 'COMPLETED');
  t.is(done.ImportedItemCount, LINES);
  const table = (await ddb.send(new DescribeTableCommand({ TableName }))).Table!;
  t.is(table.TableId, started.TableId, 'the table is the import\'s, not one made meanwhile');
  t.is(table.ItemCount, LINES);
  t.is((await ddb.send(new ListTablesCommand({}))).TableNames!.filter((n) => n === TableName).length, 1);
  // Once ACTIVE, the table is an ordinary one: DeleteTable is admitted (DDB-IMPORT-006).
  t.is((await ddb.send(new DeleteTableCommand({ TableName }))).TableDescription!.TableStatus, 'DELETING');
});

test('an object deleted after it was listed is an item error: FAILED ItemValidationError, the table ACTIVE with what was imported', async (t) => {
  // DDB-IMPORT-007: source objects deleted mid-import end FAILED/ItemValidationError with the table ACTIVE.
  const Bucket = await bucketWith(s3, { 'two/a.json': bigObject('a'), 'two/b.json': JSON.stringify({ Item: { pk: { S: 'b0' } } }) });
  const TableName = uniqueTable('vanished');
  const started = (await ddb.send(new ImportTableCommand(request(Bucket, 'two/', TableName)))).ImportTableDescription!;
  await s3.send(new DeleteObjectCommand({ Bucket, Key: 'two/b.json' }));
  t.true(await importRunning(ddb, started.ImportArn!), 'the object went while the import ran');
  const done = await settled(ddb, started.ImportArn!);
  t.is(done.ImportStatus, 'FAILED');
  t.is(done.FailureCode, 'ItemValidationError');
  t.deepEqual([done.ImportedItemCount, done.ErrorCount, done.ProcessedItemCount], [LINES, 1, LINES + 1]);
  const table = (await ddb.send(new DescribeTableCommand({ TableName }))).Table!;
  t.is(table.TableStatus, 'ACTIVE');
  t.is(table.ItemCount, LINES);
});

test('an S3 failure after items were imported: FAILED with S3\'s code, the table ACTIVE with the items imported before it', async (t) => {
  // Developer guide "Import format quotas and validation", troubleshooting "The specified bucket
  // does not exist": "when these errors are encountered after the data import has started, the
  // table with partially imported data is retained". The bucket goes while the first object is read.
  const Bucket = await bucketWith(s3, { 'two/a.json': bigObject('a'), 'two/b.json': JSON.stringify({ Item: { pk: { S: 'b0' } } }) });
  const TableName = uniqueTable('bucketgone');
  const started = (await ddb.send(new ImportTableCommand(request(Bucket, 'two/', TableName)))).ImportTableDescription!;
  await s3.send(new DeleteObjectCommand({ Bucket, Key: 'two/a.json' }));
  await s3.send(new DeleteObjectCommand({ Bucket, Key: 'two/b.json' }));
  await s3.send(new DeleteBucketCommand({ Bucket }));
  t.true(await importRunning(ddb, started.ImportArn!), 'the bucket went while the import ran');
  const done = await settled(ddb, started.ImportArn!);
  t.is(done.ImportStatus, 'FAILED');
  t.is(done.FailureCode, 'S3NoSuchBucket');
  t.is(done.ImportedItemCount, LINES);
  const table = (await ddb.send(new DescribeTableCommand({ TableName }))).Table!;
  t.is(table.TableStatus, 'ACTIVE');
  t.is(table.ItemCount, LINES);
});

test('a missing bucket: the import FAILs and no table is left; the name is free again (a guard: this held before too)', async (t) => {
  // Developer guide, troubleshooting "The specified bucket does not exist": "a new DynamoDB table
  // is not created"; DDB-IMPORT-012: DescribeTable ResourceNotFoundException after the failure.
  const TableName = uniqueTable('nobucket');
  const started = (await ddb.send(new ImportTableCommand(request(uniqueBucket('absent'), 'x/', TableName)))).ImportTableDescription!;
  const done = await settled(ddb, started.ImportArn!);
  t.is(done.FailureCode, 'S3NoSuchBucket');
  t.is((await ddbErrorOf(ddb.send(new DescribeTableCommand({ TableName })))).name, 'ResourceNotFoundException');
  t.false((await ddb.send(new ListTablesCommand({}))).TableNames!.includes(TableName));
  // The name is free again.
  t.is((await ddb.send(new CreateTableCommand({ TableName, ...KEYED }))).TableDescription!.TableName, TableName);
});

test('a stop in the middle of an import: after the restart the import is FAILED, its table gone and its name free, never two tables', async (t) => {
  const tmp = await tempDir();
  try {
    const first = await startBoltstack({ ephemeral: false, dataDir: tmp.dir });
    let ImportArn: string;
    const TableName = 'cutshort';
    try {
      const client = ddbClient(first.endpoint);
      const Bucket = await bucketWith(s3Client(first.endpoint), { 'big/data.json': bigObject() });
      ImportArn = (await client.send(new ImportTableCommand(request(Bucket, 'big/', TableName)))).ImportTableDescription!.ImportArn!;
      t.is((await client.send(new DescribeTableCommand({ TableName }))).Table!.TableStatus, 'CREATING');
      t.true(await importRunning(client, ImportArn), 'the stop comes while the import runs');
    } finally {
      await first.stop();
    }
    const second = await startBoltstack({ ephemeral: false, dataDir: tmp.dir });
    try {
      const client = ddbClient(second.endpoint);
      const cut = (await client.send(new DescribeImportCommand({ ImportArn }))).ImportTableDescription!;
      t.is(cut.ImportStatus, 'FAILED');
      t.is(cut.FailureCode, 'UNKNOWN');
      t.is((await ddbErrorOf(client.send(new DescribeTableCommand({ TableName })))).name, 'ResourceNotFoundException');
      t.false((await client.send(new ListTablesCommand({}))).TableNames!.includes(TableName));
      await client.send(new CreateTableCommand({ TableName, ...KEYED }));
      const scanned = await client.send(new ScanCommand({ TableName }));
      t.is(scanned.Count, 0, 'the new table of that name holds none of the cut import\'s items');
      t.deepEqual((await client.send(new ListTablesCommand({}))).TableNames, [TableName]);
    } finally {
      await second.stop();
    }
  } finally {
    await tmp.remove();
  }
});

test('while an import runs: UpdateTable and UpdateTimeToLive are ResourceInUseException, UpdateContinuousBackups ContinuousBackupsUnavailableException, DescribeContinuousBackups answers (DDB-IMPORT-001)', async (t) => {
  const Bucket = await bucketWith(s3, { 'big/data.json': bigObject() });
  const TableName = uniqueTable('subres');
  const started = (await ddb.send(new ImportTableCommand(request(Bucket, 'big/', TableName)))).ImportTableDescription!;
  const beingCreated = `Attempt to change a resource which is still in use: Table is being created: ${TableName}`;
  const update = await ddbErrorOf(ddb.send(new UpdateTableCommand({ TableName, DeletionProtectionEnabled: true })));
  t.is(update.name, 'ResourceInUseException');
  t.is(update.message, beingCreated);
  const ttl = await ddbErrorOf(ddb.send(new UpdateTimeToLiveCommand({ TableName, TimeToLiveSpecification: { AttributeName: 'ttl', Enabled: true } })));
  t.is(ttl.name, 'ResourceInUseException');
  t.is(ttl.message, beingCreated);
  const pitr = await ddbErrorOf(ddb.send(new UpdateContinuousBackupsCommand({ TableName, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } })));
  t.is(pitr.name, 'ContinuousBackupsUnavailableException');
  t.is(pitr.message, `Backups are being enabled for the table: ${TableName}. Please retry later`);
  const described = (await ddb.send(new DescribeContinuousBackupsCommand({ TableName }))).ContinuousBackupsDescription!;
  t.is(described.ContinuousBackupsStatus, 'ENABLED');
  t.is(described.PointInTimeRecoveryDescription?.PointInTimeRecoveryStatus, 'DISABLED');
  t.true(await importRunning(ddb, started.ImportArn!), 'every answer above was given while the import ran');
  t.is((await settled(ddb, started.ImportArn!)).ImportStatus, 'COMPLETED');
  // Once ACTIVE the same calls succeed.
  await ddb.send(new UpdateTimeToLiveCommand({ TableName, TimeToLiveSpecification: { AttributeName: 'ttl', Enabled: true } }));
  const missing = await ddbErrorOf(ddb.send(new UpdateTableCommand({ TableName: uniqueTable('nope'), DeletionProtectionEnabled: true })));
  t.is(missing.name, 'ResourceNotFoundException');
});
