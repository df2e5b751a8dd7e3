/**
 * ExportTableToPointInTime fed hostile prefixes and races (session 21). Probes that held up,
 * pinned so they keep holding. Sources: API_ExportTableToPointInTime.html (S3Prefix at most 1024
 * characters; the files under `<prefix>/AWSDynamoDB/<export id>/`, developer guide
 * S3DataExport.Output.html); S3's key limit of 1,024 bytes of UTF-8 (S3 user guide,
 * object-keys.html) is why a long prefix cannot be written: AWS's FailureCode for that is not
 * captured, so `S3KeyTooLongError` (S3's own code) with status FAILED is the safest answer.
 */
import test from 'ava';
import {
  CreateTableCommand, DeleteItemCommand, DescribeExportCommand, type DynamoDBClient, type ExportDescription, ExportTableToPointInTimeCommand, PutItemCommand,
  UpdateContinuousBackupsCommand,
} from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { gunzipSync } from 'node:zlib';
import type { Boltstack } from '../../../src/index.js';
import { s3Client, startBoltstack, uniqueBucket } from '../../helpers/server.js';
import { ddbClient, uniqueTable } from './helpers.js';

let server: Boltstack;
let ddb: DynamoDBClient;
let s3: S3Client;
test.before(async () => { server = await startBoltstack(); ddb = ddbClient(server.endpoint); s3 = s3Client(server.endpoint); });
test.after.always(async () => { await server?.stop(); });

const arnOf = (table: string): string => `arn:aws:dynamodb:us-east-1:000000000000:table/${table}`;

async function tableOf(count: number): Promise<string> {
  const TableName = uniqueTable('exp');
  await ddb.send(new CreateTableCommand({ TableName, BillingMode: 'PAY_PER_REQUEST', AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }] }));
  await ddb.send(new UpdateContinuousBackupsCommand({ TableName, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }));
  for (let i = 0; i < count; i++) await ddb.send(new PutItemCommand({ TableName, Item: { pk: { S: `k${i}` } } }));
  return TableName;
}

async function bucket(): Promise<string> {
  const Bucket = uniqueBucket('exp');
  await s3.send(new CreateBucketCommand({ Bucket }));
  return Bucket;
}

async function settled(ExportArn: string): Promise<ExportDescription> {
  for (let i = 0; i < 500; i++) {
    const d = (await ddb.send(new DescribeExportCommand({ ExportArn }))).ExportDescription!;
    if (d.ExportStatus !== 'IN_PROGRESS') return d;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the export never settled');
}

/** The pk of every item in the export's data files. */
async function exportedKeys(Bucket: string, d: ExportDescription): Promise<string[]> {
  const folder = d.ExportManifest!.replace(/manifest-summary\.json$/, 'data/');
  const listed = (await s3.send(new ListObjectsV2Command({ Bucket, Prefix: folder }))).Contents ?? [];
  const keys: string[] = [];
  for (const { Key } of listed) {
    const body = Buffer.from(await (await s3.send(new GetObjectCommand({ Bucket, Key }))).Body!.transformToByteArray());
    for (const line of gunzipSync(body).toString('utf8').split('\n').filter(Boolean)) keys.push((JSON.parse(line) as { Item: { pk: { S: string } } }).Item.pk.S);
  }
  return keys.sort();
}

test('pinned: prefixes with ../, unicode, a leading slash, or none are used as given, each export under its own id', async (t) => {
  const table = await tableOf(3);
  const Bucket = await bucket();
  for (const S3Prefix of ['../../etc', 'é/日本/🙂', '/', undefined]) {
    const d = await settled((await ddb.send(new ExportTableToPointInTimeCommand({ TableArn: arnOf(table), S3Bucket: Bucket, ...(S3Prefix !== undefined && { S3Prefix }) }))).ExportDescription!.ExportArn!);
    t.is(d.ExportStatus, 'COMPLETED', String(S3Prefix));
    // One slash between the prefix and AWSDynamoDB/ (export-record.ts drops a trailing one).
    t.true(d.ExportManifest!.startsWith(S3Prefix === undefined ? 'AWSDynamoDB/' : `${S3Prefix.replace(/\/$/, '')}/AWSDynamoDB/`), d.ExportManifest);
    t.deepEqual(await exportedKeys(Bucket, d), ['k0', 'k1', 'k2']);
  }
});

test('pinned: a prefix whose keys pass S3\'s 1,024 bytes FAILs the export with S3KeyTooLongError, not a 500 or a hang', async (t) => {
  const table = await tableOf(1);
  const Bucket = await bucket();
  for (const S3Prefix of ['p'.repeat(1024), 'é'.repeat(1000)]) {
    const d = await settled((await ddb.send(new ExportTableToPointInTimeCommand({ TableArn: arnOf(table), S3Bucket: Bucket, S3Prefix }))).ExportDescription!.ExportArn!);
    t.is(d.ExportStatus, 'FAILED');
    t.is(d.FailureCode, 'S3KeyTooLongError');
  }
});

test('pinned: two exports of one table at once both complete, apart; an empty table exports no item; items deleted meanwhile are exported as they were', async (t) => {
  const table = await tableOf(20);
  const Bucket = await bucket();
  const started = await Promise.all([1, 2].map(() => ddb.send(new ExportTableToPointInTimeCommand({ TableArn: arnOf(table), S3Bucket: Bucket, S3Prefix: 'same' }))));
  // Deleted after both requests were accepted: the exports hold the table as it was then.
  for (let i = 0; i < 20; i++) await ddb.send(new DeleteItemCommand({ TableName: table, Key: { pk: { S: `k${i}` } } }));
  const done = await Promise.all(started.map((s) => settled(s.ExportDescription!.ExportArn!)));
  t.not(done[0]!.ExportArn, done[1]!.ExportArn);
  const all = Array.from({ length: 20 }, (_, i) => `k${i}`).sort();
  for (const d of done) {
    t.is(d.ExportStatus, 'COMPLETED');
    t.is(d.ItemCount, 20);
    t.deepEqual(await exportedKeys(Bucket, d), all);
  }
  const empty = await settled((await ddb.send(new ExportTableToPointInTimeCommand({ TableArn: arnOf(table), S3Bucket: Bucket, S3Prefix: 'empty' }))).ExportDescription!.ExportArn!);
  t.is(empty.ExportStatus, 'COMPLETED');
  t.is(empty.ItemCount, 0);
  t.deepEqual(await exportedKeys(Bucket, empty), []);
});
