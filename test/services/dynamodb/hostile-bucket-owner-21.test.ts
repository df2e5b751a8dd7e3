/**
 * S3BucketOwner on ImportTable (S3BucketSource) and ExportTableToPointInTime names the account
 * that owns the bucket (API_S3BucketSource.html, API_ExportTableToPointInTime.html); boltstack
 * ignored it, so a request naming the wrong owner read or wrote the caller's own bucket and
 * COMPLETED. It is now the bucket's expected owner, as S3's x-amz-expected-bucket-owner is
 * (S3 user guide, bucket-owner-condition.html: a mismatch is 403 AccessDenied), and the import or
 * export FAILs with FailureCode S3AccessDenied, as a missing bucket FAILs with S3NoSuchBucket
 * (scylladb test_import.py, PR #31619, 2026). AWS's FailureCode for a wrong owner is not
 * captured: S3's own code, prefixed as the others, is the safest answer.
 */
import test from 'ava';
import {
  CreateTableCommand, DescribeExportCommand, DescribeImportCommand, type DynamoDBClient, ExportTableToPointInTimeCommand, ImportTableCommand, UpdateContinuousBackupsCommand,
} from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { Boltstack } from '../../../src/index.js';
import { s3Client, startBoltstack, uniqueBucket } from '../../helpers/server.js';
import { ddbClient, rawCall, uniqueTable } from './helpers.js';

let server: Boltstack;
let ddb: DynamoDBClient;
let s3: S3Client;
test.before(async () => { server = await startBoltstack(); ddb = ddbClient(server.endpoint); s3 = s3Client(server.endpoint); });
test.after.always(async () => { await server?.stop(); });

const OWN = '000000000000';
const KEYED = { AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' as const }], KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' as const }], BillingMode: 'PAY_PER_REQUEST' as const };

async function until<T extends { status?: string }>(read: () => Promise<T>): Promise<T> {
  for (let i = 0; i < 500; i++) {
    const d = await read();
    if (d.status !== 'IN_PROGRESS') return d;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('never settled');
}

test('ImportTable: an S3BucketOwner that does not own the bucket FAILs the import with S3AccessDenied and makes no table', async (t) => {
  const Bucket = uniqueBucket('owner');
  await s3.send(new CreateBucketCommand({ Bucket }));
  await s3.send(new PutObjectCommand({ Bucket, Key: 'in/a.json', Body: JSON.stringify({ Item: { pk: { S: 'a' } } }) }));
  const outcome = async (S3BucketOwner: string): Promise<{ status?: string; code?: string; count?: number; table: number }> => {
    const TableName = uniqueTable('owner');
    const ImportArn = (await ddb.send(new ImportTableCommand({
      S3BucketSource: { S3Bucket: Bucket, S3KeyPrefix: 'in/', S3BucketOwner }, InputFormat: 'DYNAMODB_JSON', TableCreationParameters: { TableName, ...KEYED },
    }))).ImportTableDescription!.ImportArn!;
    const d = await until(async () => {
      const r = (await ddb.send(new DescribeImportCommand({ ImportArn }))).ImportTableDescription!;
      return { status: r.ImportStatus, code: r.FailureCode, count: r.ImportedItemCount };
    });
    return { ...d, table: (await rawCall(server.endpoint, 'DescribeTable', { TableName })).status };
  };
  // Before: COMPLETED with the caller's own bucket read.
  t.deepEqual(await outcome('111111111111'), { status: 'FAILED', code: 'S3AccessDenied', count: 0, table: 400 });
  t.deepEqual(await outcome(OWN), { status: 'COMPLETED', code: undefined, count: 1, table: 200 });
});

test('ExportTableToPointInTime: an S3BucketOwner that does not own the bucket FAILs the export with S3AccessDenied', async (t) => {
  const TableName = uniqueTable('owner');
  await ddb.send(new CreateTableCommand({ TableName, ...KEYED }));
  await ddb.send(new UpdateContinuousBackupsCommand({ TableName, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }));
  const Bucket = uniqueBucket('owner');
  await s3.send(new CreateBucketCommand({ Bucket }));
  const outcome = async (S3BucketOwner: string): Promise<{ status?: string; code?: string }> => {
    const ExportArn = (await ddb.send(new ExportTableToPointInTimeCommand({ TableArn: `arn:aws:dynamodb:us-east-1:${OWN}:table/${TableName}`, S3Bucket: Bucket, S3BucketOwner }))).ExportDescription!.ExportArn!;
    return until(async () => {
      const d = (await ddb.send(new DescribeExportCommand({ ExportArn }))).ExportDescription!;
      return { status: d.ExportStatus, code: d.FailureCode };
    });
  };
  // Before: COMPLETED, written into the caller's own bucket.
  t.deepEqual(await outcome('111111111111'), { status: 'FAILED', code: 'S3AccessDenied' });
  t.deepEqual(await outcome(OWN), { status: 'COMPLETED', code: undefined });
});
