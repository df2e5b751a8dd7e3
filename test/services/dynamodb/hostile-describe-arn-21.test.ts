/**
 * DescribeImport and DescribeExport looked an ARN up under the account and region written in it,
 * so any caller holding another account's ARN read that account's import or export (its bucket,
 * prefix, table, counters). Now, as DescribeBackup does, the lookup is in the caller's own
 * account and region: anything else is ImportNotFoundException / ExportNotFoundException.
 * Sources: radkawar/stackd testdata/aws/dynamodb/backup_delete_regions.json seq 26 (native AWS,
 * 2026-09-18: a backup ARN sent to another region is not found: the lookup is the request's
 * region). AWS's answer to another account's import or export ARN is not captured (it may be
 * AccessDeniedException); not found, which tells nothing of the other account, is the safest.
 */
import test from 'ava';
import {
  CreateTableCommand, DescribeExportCommand, DescribeImportCommand, type DynamoDBClient, ExportTableToPointInTimeCommand, ImportTableCommand, UpdateContinuousBackupsCommand,
} from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import type { Boltstack } from '../../../src/index.js';
import { s3Client, startBoltstack, uniqueBucket } from '../../helpers/server.js';
import { ddbClient, ddbErrorOf, uniqueTable } from './helpers.js';

let server: Boltstack;
let owner: DynamoDBClient;
let stranger: DynamoDBClient;
let elsewhere: DynamoDBClient;
test.before(async () => {
  server = await startBoltstack();
  owner = ddbClient(server.endpoint);
  // A 12-digit access key id names that account (gateway/account.ts).
  stranger = ddbClient(server.endpoint, { credentials: { accessKeyId: '111111111111', secretAccessKey: 'test' } });
  elsewhere = ddbClient(server.endpoint, { region: 'us-west-2' });
});
test.after.always(async () => { await server?.stop(); });

const KEYED = { AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' as const }], KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' as const }], BillingMode: 'PAY_PER_REQUEST' as const };

test('DescribeImport: another account, or another region, does not find an import by its ARN', async (t) => {
  const Bucket = uniqueBucket('arn');
  await s3Client(server.endpoint).send(new CreateBucketCommand({ Bucket }));
  const ImportArn = (await owner.send(new ImportTableCommand({
    S3BucketSource: { S3Bucket: Bucket, S3KeyPrefix: 'none/' }, InputFormat: 'DYNAMODB_JSON', TableCreationParameters: { TableName: uniqueTable('arn'), ...KEYED },
  }))).ImportTableDescription!.ImportArn!;
  t.is((await owner.send(new DescribeImportCommand({ ImportArn }))).ImportTableDescription!.ImportArn, ImportArn);
  for (const client of [stranger, elsewhere]) t.is((await ddbErrorOf(client.send(new DescribeImportCommand({ ImportArn })))).name, 'ImportNotFoundException');
});

test('DescribeExport: another account, or another region, does not find an export by its ARN', async (t) => {
  const TableName = uniqueTable('arn');
  await owner.send(new CreateTableCommand({ TableName, ...KEYED }));
  await owner.send(new UpdateContinuousBackupsCommand({ TableName, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }));
  const ExportArn = (await owner.send(new ExportTableToPointInTimeCommand({
    TableArn: `arn:aws:dynamodb:us-east-1:000000000000:table/${TableName}`, S3Bucket: uniqueBucket('arn'),
  }))).ExportDescription!.ExportArn!;
  t.is((await owner.send(new DescribeExportCommand({ ExportArn }))).ExportDescription!.ExportArn, ExportArn);
  for (const client of [stranger, elsewhere]) t.is((await ddbErrorOf(client.send(new DescribeExportCommand({ ExportArn })))).name, 'ExportNotFoundException');
});
