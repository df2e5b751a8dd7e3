/**
 * Hostile calls against the table an ImportTable is creating (status CREATING): the operations
 * import-table-lifecycle.test.ts does not cover, names given as ARNs, multi-item operations that
 * name it beside a live table, two accounts importing one name, and ListTables paging across it.
 * These were tried by hand and all held (no 500, nothing written), so every row here is a guard:
 * it passed before this file was written, and keeps the answers consistent with DescribeTable
 * saying CREATING.
 * Source (native AWS): ack-api-quirks dynamodb import.md DDB-IMPORT-001, verified 2026-10-09:
 * while CREATING under an import, PutItem and TagResource are ResourceNotFoundException
 * (ListTagsOfResource too at t+0); the developer guide ("Requesting a table import") says the
 * table is "not accessible" until the import completes. Where no source records AWS's answer
 * (the multi-item operations, ExportTableToPointInTime) the row asks only for a 4xx and no write.
 */
import test from 'ava';
import {
  BatchGetItemCommand, BatchWriteItemCommand, CreateTableCommand, DescribeTableCommand, type DynamoDBClient,
  ExecuteStatementCommand, ExecuteTransactionCommand, ExportTableToPointInTimeCommand, GetItemCommand, ImportTableCommand,
  type ImportTableCommandInput, ListTablesCommand, ListTagsOfResourceCommand, TagResourceCommand,
  TransactGetItemsCommand, TransactWriteItemsCommand, UntagResourceCommand,
} from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { Boltstack } from '../../../src/index.js';
import { s3Client, startBoltstack, uniqueBucket } from '../../helpers/server.js';
import { KEYED, settled, importRunning } from './import-helpers.js';
import { ddbClient, ddbErrorOf, uniqueTable } from './helpers.js';

let server: Boltstack;
let ddb: DynamoDBClient;
let s3: S3Client;
let Bucket: string;
let body: string;
test.before(async () => {
  server = await startBoltstack();
  ddb = ddbClient(server.endpoint);
  s3 = s3Client(server.endpoint);
  Bucket = uniqueBucket('hostile-import');
  await s3.send(new CreateBucketCommand({ Bucket }));
  // Enough lines that the import still runs while each row's requests are answered.
  body = Array.from({ length: 60_000 }, (_, i) => JSON.stringify({ Item: { pk: { S: `k${i}` }, v: { S: 'x'.repeat(20) } } })).join('\n');
  await s3.send(new PutObjectCommand({ Bucket, Key: 'big/data.json', Body: body }));
});
test.after.always(async () => { await server?.stop(); });

const request = (TableName: string, S3Bucket = Bucket): ImportTableCommandInput =>
  ({ S3BucketSource: { S3Bucket, S3KeyPrefix: 'big/' }, InputFormat: 'DYNAMODB_JSON', TableCreationParameters: { TableName, ...KEYED } });



test('tags of a CREATING table: TagResource, UntagResource and ListTagsOfResource by its ARN are ResourceNotFoundException (DDB-IMPORT-001)', async (t) => {
  const TableName = uniqueTable('tags');
  const started = (await ddb.send(new ImportTableCommand(request(TableName)))).ImportTableDescription!;
  const ResourceArn = started.TableArn!;
  t.is((await ddb.send(new DescribeTableCommand({ TableName: ResourceArn }))).Table!.TableStatus, 'CREATING');
  t.is((await ddbErrorOf(ddb.send(new TagResourceCommand({ ResourceArn, Tags: [{ Key: 'a', Value: 'b' }] })))).name, 'ResourceNotFoundException');
  t.is((await ddbErrorOf(ddb.send(new UntagResourceCommand({ ResourceArn, TagKeys: ['a'] })))).name, 'ResourceNotFoundException');
  t.is((await ddbErrorOf(ddb.send(new ListTagsOfResourceCommand({ ResourceArn })))).name, 'ResourceNotFoundException');
  t.true(await importRunning(ddb, started.ImportArn!), 'every answer above was given while the import ran');
  await settled(ddb, started.ImportArn!);
  t.deepEqual((await ddb.send(new ListTagsOfResourceCommand({ ResourceArn }))).Tags, []);
});

test('multi-item operations naming a CREATING table (by name or ARN) are 4xx and write nothing, whatever else they name', async (t) => {
  const TableName = uniqueTable('multi');
  const live = uniqueTable('live');
  await ddb.send(new CreateTableCommand({ TableName: live, ...KEYED }));
  const started = (await ddb.send(new ImportTableCommand(request(TableName)))).ImportTableDescription!;
  const arn = started.TableArn!;
  const mine = { pk: { S: 'written-while-creating' } };
  const calls = {
    TransactWriteItems: ddb.send(new TransactWriteItemsCommand({ TransactItems: [{ Put: { TableName: live, Item: mine } }, { Put: { TableName, Item: mine } }] })),
    TransactGetItems: ddb.send(new TransactGetItemsCommand({ TransactItems: [{ Get: { TableName: arn, Key: { pk: { S: 'k1' } } } }] })),
    BatchWriteItem: ddb.send(new BatchWriteItemCommand({ RequestItems: { [live]: [{ PutRequest: { Item: mine } }], [TableName]: [{ PutRequest: { Item: mine } }] } })),
    BatchGetItem: ddb.send(new BatchGetItemCommand({ RequestItems: { [TableName]: { Keys: [{ pk: { S: 'k1' } }] } } })),
    ExecuteStatement: ddb.send(new ExecuteStatementCommand({ Statement: `INSERT INTO "${TableName}" VALUE {'pk': 'written-while-creating'}` })),
    ExecuteTransaction: ddb.send(new ExecuteTransactionCommand({ TransactStatements: [{ Statement: `INSERT INTO "${TableName}" VALUE {'pk': 'written-while-creating'}` }] })),
    ExportTableToPointInTime: ddb.send(new ExportTableToPointInTimeCommand({ TableArn: arn, S3Bucket: Bucket })),
  };
  for (const [name, call] of Object.entries(calls)) {
    const err = await ddbErrorOf(call);
    t.is(err.$metadata.httpStatusCode, 400, `${name}: ${err.name}`);
  }
  t.true(await importRunning(ddb, started.ImportArn!));
  await settled(ddb, started.ImportArn!);
  t.is((await ddb.send(new GetItemCommand({ TableName, Key: mine }))).Item, undefined);
  t.is((await ddb.send(new GetItemCommand({ TableName: live, Key: mine }))).Item, undefined, 'the transaction and batch wrote nothing to the live table either');
});

test('two accounts importing one name each get their own CREATING table; ListTables pages across a CREATING name', async (t) => {
  const TableName = uniqueTable('shared');
  // A 12-digit access key id names its account (sts/access-key-id.ts); the source bucket is that
  // account's own (another account's bucket is S3AccessDenied without a bucket policy).
  const otherCredentials = { accessKeyId: '111111111111', secretAccessKey: 'test' };
  const other = ddbClient(server.endpoint, { credentials: otherCredentials });
  const otherS3 = s3Client(server.endpoint, { credentials: otherCredentials });
  const theirBucket = uniqueBucket('hostile-import-other');
  await otherS3.send(new CreateBucketCommand({ Bucket: theirBucket }));
  await otherS3.send(new PutObjectCommand({ Bucket: theirBucket, Key: 'big/data.json', Body: body }));
  const mine = (await ddb.send(new ImportTableCommand(request(TableName)))).ImportTableDescription!;
  const theirs = (await other.send(new ImportTableCommand(request(TableName, theirBucket)))).ImportTableDescription!;
  t.not(mine.TableArn, theirs.TableArn);
  t.true(theirs.TableArn!.includes(':111111111111:'));
  t.is((await other.send(new DescribeTableCommand({ TableName }))).Table!.TableArn, theirs.TableArn);

  // Paging one name at a time visits the CREATING name once, in byte order, and resumes after it.
  const names: string[] = [];
  let start: string | undefined;
  for (let page = 0; page < 200; page++) {
    const out = await ddb.send(new ListTablesCommand({ Limit: 1, ...(start === undefined ? {} : { ExclusiveStartTableName: start }) }));
    names.push(...out.TableNames!);
    start = out.LastEvaluatedTableName;
    if (start === undefined) break;
  }
  t.is(names.filter((n) => n === TableName).length, 1);
  t.deepEqual(names, [...names].sort());
  const after = (await ddb.send(new ListTablesCommand({ ExclusiveStartTableName: TableName }))).TableNames!;
  t.false(after.includes(TableName));
  t.deepEqual(after, names.slice(names.indexOf(TableName) + 1));
  t.true(await importRunning(ddb, mine.ImportArn!));
  t.is((await settled(other, theirs.ImportArn!)).ImportStatus, 'COMPLETED');
  t.is((await settled(ddb, mine.ImportArn!)).ImportStatus, 'COMPLETED');
  other.destroy();
  otherS3.destroy();
});
