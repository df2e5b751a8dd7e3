/**
 * ExportTableToPointInTime, DescribeExport and ListExports: a FULL_EXPORT in DYNAMODB_JSON written
 * into boltstack's own S3, read back with the S3 client. Every row failed before the export
 * operations existed (NotImplemented).
 * Sources: the layout and the manifests from the DynamoDB developer guide, "DynamoDB table export
 * output format" (S3DataExport.Output.html); the 24-byte base64 .md5 files from an AWS export's
 * listing in Google Cloud's "Migrate from DynamoDB to Spanner" guide (2022-02-17); the ARN grammar
 * `<table arn>/export/<14 digits>-<8 hex>` from the export keys of that listing
 * (AWSDynamoDB/01645072900758-ee1232a3/...); the errors' codes from the API reference
 * (API_ExportTableToPointInTime.html, API_DescribeExport.html). radkawar/stackd holds no export
 * capture, so no message below is AWS-verified.
 */
import test from 'ava';
import { gunzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { ClassicLevel } from 'classic-level';
import {
  DescribeExportCommand, type DynamoDBClient, ExportTableToPointInTimeCommand, type ExportDescription, ListExportsCommand, PutItemCommand,
  UpdateContinuousBackupsCommand,
} from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { DDB_NS, exportKey } from '../../../src/services/dynamodb/keys.js';
import { type Boltstack } from '../../../src/index.js';
import { s3Client, startBoltstack, tempDir, uniqueBucket } from '../../helpers/server.js';
import { createKeyedTable, ddbClient, ddbErrorOf, uniqueTable } from './helpers.js';

let server: Boltstack;
let ddb: DynamoDBClient;
let s3: S3Client;
test.before(async () => {
  server = await startBoltstack();
  ddb = ddbClient(server.endpoint);
  s3 = s3Client(server.endpoint);
});
test.after.always(async () => { await server.stop(); });

const ACCOUNT = '000000000000';
const arnOf = (table: string): string => `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/${table}`;
const md5 = (body: Buffer | string): string => createHash('md5').update(body).digest('base64');

async function tableWithPitr(client: DynamoDBClient, name = uniqueTable('exp')): Promise<string> {
  await createKeyedTable(client, name, [['pk', 'S']]);
  await client.send(new UpdateContinuousBackupsCommand({ TableName: name, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }));
  return name;
}

async function settled(client: DynamoDBClient, ExportArn: string): Promise<ExportDescription> {
  for (let i = 0; i < 200; i++) {
    const d = (await client.send(new DescribeExportCommand({ ExportArn }))).ExportDescription!;
    if (d.ExportStatus !== 'IN_PROGRESS') return d;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the export never settled');
}

async function body(Bucket: string, Key: string): Promise<Buffer> {
  return Buffer.from(await (await s3.send(new GetObjectCommand({ Bucket, Key }))).Body!.transformToByteArray());
}

/** Every attribute type, as the wire (and an export's data file) writes it: binary as base64. */
const ITEMS = [
  { pk: { S: 'a' }, n: { N: '-12.5' }, b: { B: 'AAEC/w==' }, ss: { SS: ['x', 'y'] }, ns: { NS: ['1', '2.5'] }, bs: { BS: ['AQ==', 'Ag=='] } },
  { pk: { S: 'b' }, m: { M: { inner: { S: 'v' }, deep: { L: [{ N: '1' }, { NULL: true }] } } }, l: { L: [{ BOOL: false }, { S: 'é' }] }, t: { BOOL: true }, z: { NULL: true } },
  { pk: { S: 'c' } },
];

test('an export writes the documented files, and its data files hold every item of the table', async (t) => {
  const table = await tableWithPitr(ddb);
  const Bucket = uniqueBucket('export');
  await s3.send(new CreateBucketCommand({ Bucket }));
  const wire = ITEMS.map((item) => Object.fromEntries(Object.entries(item).map(([k, v]) => {
    const value = v as Record<string, unknown>;
    if ('B' in value) return [k, { B: Buffer.from(value.B as string, 'base64') }];
    if ('BS' in value) return [k, { BS: (value.BS as string[]).map((x) => Buffer.from(x, 'base64')) }];
    return [k, v];
  })));
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the rows above are AttributeValue maps the SDK accepts
  for (const Item of wire) await ddb.send(new PutItemCommand({ TableName: table, Item: Item as any }));
  const started = (await ddb.send(new ExportTableToPointInTimeCommand({ TableArn: arnOf(table), S3Bucket: Bucket, S3Prefix: 'lake/run1', S3SseAlgorithm: 'AES256' }))).ExportDescription!;
  t.is(started.ExportStatus, 'IN_PROGRESS');
  t.regex(started.ExportArn!, new RegExp(`^${arnOf(table)}/export/\\d{14}-[0-9a-f]{8}$`));
  t.is(started.ExportFormat, 'DYNAMODB_JSON');
  t.is(started.ExportType, 'FULL_EXPORT');
  t.is(started.S3SseAlgorithm, 'AES256');
  const id = started.ExportArn!.split('/').at(-1)!;
  const done = await settled(ddb, started.ExportArn!);
  t.is(done.ExportStatus, 'COMPLETED', done.FailureMessage);
  t.is(done.ItemCount, 3);
  t.true(done.BilledSizeBytes! > 0);
  t.truthy(done.EndTime);
  const folder = `lake/run1/AWSDynamoDB/${id}/`;
  t.is(done.ExportManifest, `${folder}manifest-summary.json`);

  const keys = (await s3.send(new ListObjectsV2Command({ Bucket, Prefix: 'lake/run1/' }))).Contents!.map((o) => o.Key!).sort();
  const dataKeys = keys.filter((k) => k.startsWith(`${folder}data/`));
  t.deepEqual(keys.filter((k) => !dataKeys.includes(k)), ['_started', 'manifest-files.json', 'manifest-files.md5', 'manifest-summary.json', 'manifest-summary.md5'].map((f) => folder + f));
  t.true(dataKeys.length >= 1);
  for (const k of dataKeys) t.regex(k, /\/data\/[a-z2-7]{26}\.json\.gz$/);

  const lines: string[] = [];
  const filesText = (await body(Bucket, `${folder}manifest-files.json`)).toString();
  t.is((await body(Bucket, `${folder}manifest-files.md5`)).toString(), md5(filesText));
  const entries = filesText.trim().split('\n').map((l) => JSON.parse(l) as { itemCount: number; md5Checksum: string; etag: string; dataFileS3Key: string });
  t.deepEqual(entries.map((e) => e.dataFileS3Key).sort(), dataKeys);
  for (const entry of entries) {
    const gz = await body(Bucket, entry.dataFileS3Key);
    t.is(entry.md5Checksum, md5(gz));
    const text = gunzipSync(gz).toString('utf8').trim().split('\n');
    t.is(text.length, entry.itemCount);
    lines.push(...text);
  }
  const exported = lines.map((l) => JSON.parse(l) as { Item: { pk: { S: string } } }).sort((a, b) => a.Item.pk.S.localeCompare(b.Item.pk.S));
  t.deepEqual(exported.map((e) => ({ ...e, Item: sortSets(e.Item) })), ITEMS.map((Item) => ({ Item: sortSets(Item) })));

  const summaryText = (await body(Bucket, `${folder}manifest-summary.json`)).toString();
  t.is((await body(Bucket, `${folder}manifest-summary.md5`)).toString(), md5(summaryText));
  const summary = JSON.parse(summaryText) as Record<string, unknown>;
  t.like(summary, {
    version: '2020-06-30', exportArn: started.ExportArn, tableArn: arnOf(table), s3Bucket: Bucket, s3Prefix: 'lake/run1', s3SseAlgorithm: 'AES256',
    manifestFilesS3Key: `${folder}manifest-files.json`, itemCount: 3, billedSizeBytes: done.BilledSizeBytes, outputFormat: 'DYNAMODB_JSON', exportType: 'FULL_EXPORT',
  });
});

/** Sets have no order: compare them sorted. */
function sortSets<T extends Record<string, unknown>>(item: T): T {
  return Object.fromEntries(Object.entries(item).map(([k, v]) => {
    const value = v as Record<string, unknown>;
    for (const set of ['SS', 'NS', 'BS']) if (Array.isArray(value[set])) return [k, { [set]: [...(value[set] as string[])].sort() }];
    return [k, v];
  })) as T;
}

test('the export holds the table as it was when the request was accepted', async (t) => {
  const table = await tableWithPitr(ddb);
  const Bucket = uniqueBucket('export');
  await s3.send(new CreateBucketCommand({ Bucket }));
  for (let i = 0; i < 1200; i++) await ddb.send(new PutItemCommand({ TableName: table, Item: { pk: { S: `k${i}` } } }));
  const { ExportArn } = (await ddb.send(new ExportTableToPointInTimeCommand({ TableArn: arnOf(table), S3Bucket: Bucket }))).ExportDescription!;
  for (let i = 0; i < 50; i++) await ddb.send(new PutItemCommand({ TableName: table, Item: { pk: { S: `later${i}` } } }));
  t.is((await settled(ddb, ExportArn!)).ItemCount, 1200);
});

test('large items split the data files by size: a file is built in memory, so 8 MiB of text at most, not 10,000 items', async (t) => {
  const table = await tableWithPitr(ddb);
  const Bucket = uniqueBucket('export');
  await s3.send(new CreateBucketCommand({ Bucket }));
  const big = 'x'.repeat(350 * 1024);
  for (let i = 0; i < 30; i++) await ddb.send(new PutItemCommand({ TableName: table, Item: { pk: { S: `big${i}` }, blob: { S: big } } }));
  const { ExportArn } = (await ddb.send(new ExportTableToPointInTimeCommand({ TableArn: arnOf(table), S3Bucket: Bucket }))).ExportDescription!;
  t.is((await settled(ddb, ExportArn!)).ItemCount, 30);
  const keys = ((await s3.send(new ListObjectsV2Command({ Bucket }))).Contents ?? []).map((o) => o.Key!).filter((k) => k.includes('/data/'));
  t.true(keys.length >= 2, `30 items of 350 KiB in ${keys.length} data file(s)`);
  let lines = 0;
  for (const key of keys) lines += gunzipSync(await body(Bucket, key)).toString('utf8').split('\n').filter((l) => l !== '').length;
  t.is(lines, 30);
});

test('DescribeExport and ListExports: by table, a page at a time', async (t) => {
  const table = await tableWithPitr(ddb);
  const other = await tableWithPitr(ddb);
  const Bucket = uniqueBucket('export');
  await s3.send(new CreateBucketCommand({ Bucket }));
  const arns: string[] = [];
  for (let i = 0; i < 3; i++) arns.push((await ddb.send(new ExportTableToPointInTimeCommand({ TableArn: arnOf(table), S3Bucket: Bucket, S3Prefix: `p${i}` }))).ExportDescription!.ExportArn!);
  await ddb.send(new ExportTableToPointInTimeCommand({ TableArn: arnOf(other), S3Bucket: Bucket }));
  for (const arn of arns) await settled(ddb, arn);
  const seen: string[] = [];
  let NextToken: string | undefined;
  do {
    const page = await ddb.send(new ListExportsCommand({ TableArn: arnOf(table), MaxResults: 2, ...(NextToken && { NextToken }) }));
    t.true(page.ExportSummaries!.length <= 2);
    for (const s of page.ExportSummaries!) {
      t.is(s.ExportType, 'FULL_EXPORT');
      t.is(s.ExportStatus, 'COMPLETED');
      seen.push(s.ExportArn!);
    }
    NextToken = page.NextToken;
  } while (NextToken);
  t.deepEqual(seen, arns);
  const missing = `${arns[0]!.slice(0, -8)}00000000`;
  const err = await ddbErrorOf(ddb.send(new DescribeExportCommand({ ExportArn: missing })));
  t.is(err.name, 'ExportNotFoundException');
});

test('errors: PITR off, a missing table, ION, INCREMENTAL_EXPORT, a past ExportTime, a bad enum', async (t) => {
  const Bucket = uniqueBucket('export');
  await s3.send(new CreateBucketCommand({ Bucket }));
  const noPitr = uniqueTable('nopitr');
  await createKeyedTable(ddb, noPitr, [['pk', 'S']]);
  t.is((await ddbErrorOf(ddb.send(new ExportTableToPointInTimeCommand({ TableArn: arnOf(noPitr), S3Bucket: Bucket })))).name, 'PointInTimeRecoveryUnavailableException');
  t.is((await ddbErrorOf(ddb.send(new ExportTableToPointInTimeCommand({ TableArn: arnOf('no-such-table'), S3Bucket: Bucket })))).name, 'TableNotFoundException');
  const table = await tableWithPitr(ddb);
  const ion = await ddbErrorOf(ddb.send(new ExportTableToPointInTimeCommand({ TableArn: arnOf(table), S3Bucket: Bucket, ExportFormat: 'ION' })));
  t.is(ion.name, 'NotImplemented');
  t.regex(ion.message, /ExportFormat ION/);
  const inc = await ddbErrorOf(ddb.send(new ExportTableToPointInTimeCommand({ TableArn: arnOf(table), S3Bucket: Bucket, ExportType: 'INCREMENTAL_EXPORT' })));
  t.regex(inc.message, /INCREMENTAL_EXPORT/);
  const past = await ddbErrorOf(ddb.send(new ExportTableToPointInTimeCommand({ TableArn: arnOf(table), S3Bucket: Bucket, ExportTime: new Date(Date.now() - 3_600_000) })));
  t.is(past.name, 'NotImplemented');
  t.regex(past.message, /ExportTime/);
  const now = await ddb.send(new ExportTableToPointInTimeCommand({ TableArn: arnOf(table), S3Bucket: Bucket, ExportTime: new Date() }));
  t.is(now.ExportDescription!.ExportStatus, 'IN_PROGRESS');
  const badEnum = await ddbErrorOf(ddb.send(new ExportTableToPointInTimeCommand({ TableArn: arnOf(table), S3Bucket: Bucket, ExportFormat: 'CSV' as 'ION' })  /* a value outside the SDK's enum */));
  t.is(badEnum.name, 'ValidationException');
  t.regex(badEnum.message, /Value 'CSV' at 'exportFormat' failed to satisfy constraint: Member must satisfy enum value set/);
});

test('a missing bucket fails the export, not the request', async (t) => {
  const table = await tableWithPitr(ddb);
  const { ExportArn } = (await ddb.send(new ExportTableToPointInTimeCommand({ TableArn: arnOf(table), S3Bucket: uniqueBucket('absent') }))).ExportDescription!;
  const d = await settled(ddb, ExportArn!);
  t.is(d.ExportStatus, 'FAILED');
  t.is(d.FailureCode, 'S3NoSuchBucket');
  t.truthy(d.FailureMessage);
});

test('a ClientToken names one export: the same request answers it, another is ExportConflictException', async (t) => {
  const table = await tableWithPitr(ddb);
  const Bucket = uniqueBucket('export');
  await s3.send(new CreateBucketCommand({ Bucket }));
  const ClientToken = `tok-${Date.now()}`;
  const first = (await ddb.send(new ExportTableToPointInTimeCommand({ TableArn: arnOf(table), S3Bucket: Bucket, ClientToken }))).ExportDescription!;
  const again = (await ddb.send(new ExportTableToPointInTimeCommand({ TableArn: arnOf(table), S3Bucket: Bucket, ClientToken }))).ExportDescription!;
  t.is(again.ExportArn, first.ExportArn);
  t.is(again.ClientToken, ClientToken);
  const err = await ddbErrorOf(ddb.send(new ExportTableToPointInTimeCommand({ TableArn: arnOf(table), S3Bucket: Bucket, S3Prefix: 'other', ClientToken })));
  t.is(err.name, 'ExportConflictException');
});

test('exports survive a restart; one cut short by it is FAILED', async (t) => {
  const tmp = await tempDir();
  try {
    const first = await startBoltstack({ ephemeral: false, dataDir: tmp.dir });
    let ExportArn: string;
    try {
      const client = ddbClient(first.endpoint);
      const table = await tableWithPitr(client, 'durable');
      await client.send(new PutItemCommand({ TableName: table, Item: { pk: { S: 'a' } } }));
      const Bucket = uniqueBucket('export');
      await s3Client(first.endpoint).send(new CreateBucketCommand({ Bucket }));
      ExportArn = (await client.send(new ExportTableToPointInTimeCommand({ TableArn: arnOf(table), S3Bucket: Bucket }))).ExportDescription!.ExportArn!;
      await settled(client, ExportArn);
    } finally {
      await first.stop();
    }
    // What a kill -9 in the middle of an export leaves: its record IN_PROGRESS.
    const cutId = '01789380312797-0a1b2c3d';
    const cutArn = `${arnOf('durable')}/export/${cutId}`;
    const db = new ClassicLevel<string, string>(join(tmp.dir, 'meta'));
    await db.sublevel<string, string>(DDB_NS, {}).put(exportKey(ACCOUNT, 'us-east-1', cutId), JSON.stringify({
      id: cutId, arn: cutArn, account: ACCOUNT, region: 'us-east-1', tableArn: arnOf('durable'), tableId: 'x', status: 'IN_PROGRESS',
      startTime: 1789380312797, exportTime: 1789380312797, clientToken: 'c', s3Bucket: 'b', exportFormat: 'DYNAMODB_JSON', exportType: 'FULL_EXPORT',
    }));
    await db.close();
    const second = await startBoltstack({ ephemeral: false, dataDir: tmp.dir });
    try {
      const client = ddbClient(second.endpoint);
      const kept = (await client.send(new DescribeExportCommand({ ExportArn }))).ExportDescription!;
      t.is(kept.ExportStatus, 'COMPLETED');
      t.is(kept.ItemCount, 1);
      const cut = (await client.send(new DescribeExportCommand({ ExportArn: cutArn }))).ExportDescription!;
      t.is(cut.ExportStatus, 'FAILED');
      t.truthy(cut.FailureMessage);
      t.deepEqual((await client.send(new ListExportsCommand({ TableArn: arnOf('durable') }))).ExportSummaries!.map((s) => s.ExportArn).sort(), [cutArn, ExportArn].sort());
    } finally {
      await second.stop();
    }
  } finally {
    await tmp.remove();
  }
});
