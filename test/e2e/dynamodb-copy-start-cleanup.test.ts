/**
 * A copy a kill -9 cuts short (a CreateBackup's copy, a restored table's items, an import's items
 * and its CREATING table)
 * is cleaned up when the server next starts, before any DynamoDB request: CreateBackup, the
 * restores and ImportTable put the service's background-work marker down before their pending
 * mark, and the start check (services/dynamodb/background-work.ts hasBackgroundWork) sees the
 * mark and opens the service. Before, only the first DynamoDB request did, so the copy took disk
 * until then. The server is a child process; what is on disk is read with classic-level once it
 * has exited (test/e2e/dynamodb-backup-kill9.test.ts does the same).
 */
import test from 'ava';
import { join } from 'node:path';
import { ClassicLevel } from 'classic-level';
import { CreateBackupCommand, DescribeTableCommand, type DynamoDBClient, ImportTableCommand, RestoreTableFromBackupCommand } from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { DDB_NS, IMPORT_RANGE, backupRange, PENDING_COPY_RANGE, afterPrefix, itemPrefix, tableKey } from '../../src/services/dynamodb/keys.js';
import type { ImportRecord } from '../../src/services/dynamodb/imports/import-record.js';
import type { TableRecord } from '../../src/services/dynamodb/table-record.js';
import { type ChildServer, s3Client, startChild, tempDir } from '../helpers/server.js';
import { createKeyedTable, ddbClient } from '../services/dynamodb/helpers.js';
import { loadItems } from '../services/dynamodb/gsi-backfill-helpers.js';

const ACCOUNT = '000000000000';
const REGION = 'us-east-1';
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
type Namespace = ReturnType<typeof subOf>;
const subOf = (db: ClassicLevel<string, string>) => db.sublevel<string, string>(DDB_NS, {});

/** Reads the child's store once it has exited (LevelDB's LOCK keeps a second process out while it runs). */
async function onDisk<T>(dir: string, read: (ns: Namespace) => Promise<T>): Promise<T> {
  const db = new ClassicLevel<string, string>(join(dir, 'meta'));
  try {
    return await read(subOf(db));
  } finally {
    await db.close();
  }
}

const countItems = async (ns: Namespace, prefix = 'i\u0000'): Promise<number> =>
  (await ns.keys({ gte: prefix, lt: afterPrefix(prefix) }).all()).filter((k) => k.split('\u0000').length > 2).length;
const countPending = async (ns: Namespace): Promise<number> => (await ns.keys(PENDING_COPY_RANGE).all()).length;

/** The outcome of one kill: in the middle of the copy, after it completed, or before it began. */
type Landing = 'cut' | 'late' | 'early';

/**
 * Sends `request` (the `attempt`-th) and kills the server `delay` ms later, until one kill lands
 * in the middle of the copy (`landed` reads the disk): the delay halves after a kill too late and
 * doubles after one too early, so a loaded machine still cuts a copy short. Returns with the
 * server killed.
 */
async function killMidCopy(dir: string, args: string[], first: ChildServer, request: (ddb: DynamoDBClient, attempt: number) => Promise<unknown>,
  landed: (ns: Namespace, attempt: number) => Promise<Landing>): Promise<boolean> {
  let server = first;
  let delay = 30;
  for (let attempt = 0; attempt < 10; attempt++) {
    if (attempt > 0) server = await startChild(args);
    const answer = request(ddbClient(server.endpoint, { maxAttempts: 1 }), attempt).catch(() => undefined);
    await sleep(delay);
    await server.kill9();
    await answer;
    const landing = await onDisk(dir, (ns) => landed(ns, attempt));
    if (landing === 'cut') return true;
    delay = landing === 'late' ? Math.max(1, Math.floor(delay / 2)) : delay * 2;
  }
  return false;
}

const ITEMS = 20_000;
const TableName = 'orders';

/** A table of ITEMS items of about 60 bytes, on a child server of a new data dir. */
async function loadedServer(dir: string): Promise<{ args: string[]; server: ChildServer }> {
  const args = ['--port', '0', '--data-dir', dir];
  const server = await startChild(args);
  await createKeyedTable(ddbClient(server.endpoint), TableName, [['pk', 'S']]);
  await loadItems(ddbClient(server.endpoint), TableName, ITEMS, (i) => ({ pk: { S: `k${String(i).padStart(6, '0')}` }, v: { S: 'x'.repeat(50) } }));
  return { args, server };
}

/** A start, and no request at all: whatever is cleaned up is cleaned up from the start alone. */
async function startAndStop(args: string[]): Promise<void> {
  const server = await startChild(args);
  await sleep(1500);
  await server.stop();
}

test('kill -9 during CreateBackup: the partial copy and its mark are gone once the server has started again, with no DynamoDB request', async (t) => {
  const tmp = await tempDir();
  try {
    const { args, server } = await loadedServer(tmp.dir);
    let backups = 0;
    const cut = await killMidCopy(tmp.dir, args, server, (ddb) => ddb.send(new CreateBackupCommand({ TableName, BackupName: 'cut-short' })), async (ns) => {
      const [items, pending, listed] = [await countItems(ns), await countPending(ns), (await ns.keys(backupRange(ACCOUNT, REGION)).all()).length];
      if (pending > 0 && (items - ITEMS) % ITEMS !== 0) return 'cut';
      const late = listed > backups;
      backups = listed;
      return late ? 'late' : 'early';
    });
    t.true(cut, 'one kill landed in the middle of a copy');
    await startAndStop(args);
    const after = await onDisk(tmp.dir, async (ns) => ({ items: await countItems(ns), pending: await countPending(ns) }));
    t.is(after.pending, 0, 'no pending mark is left');
    t.is((after.items - ITEMS) % ITEMS, 0, 'no partial copy is left (what remains: the table and whole backups)');
  } finally {
    await tmp.remove();
  }
});

test('kill -9 during RestoreTableFromBackup: the restored table\'s partial items and their mark are gone once the server has started again, with no DynamoDB request', async (t) => {
  const tmp = await tempDir();
  try {
    const { args, server } = await loadedServer(tmp.dir);
    const BackupArn = (await ddbClient(server.endpoint).send(new CreateBackupCommand({ TableName, BackupName: 'whole' }))).BackupDetails!.BackupArn!;
    // Each try restores to a name of its own: one that completed keeps its table.
    const cut = await killMidCopy(tmp.dir, args, server, (ddb, attempt) => ddb.send(new RestoreTableFromBackupCommand({ BackupArn, TargetTableName: `restored-${attempt}` })), async (ns, attempt) => {
      const [items, pending] = [await countItems(ns), await countPending(ns)];
      if (pending > 0 && items % ITEMS !== 0) return 'cut';
      return await ns.get(tableKey(ACCOUNT, REGION, `restored-${attempt}`)) !== undefined ? 'late' : 'early';
    });
    t.true(cut, 'one kill landed in the middle of a restore');
    await startAndStop(args);
    const after = await onDisk(tmp.dir, async (ns) => ({ items: await countItems(ns), pending: await countPending(ns) }));
    t.is(after.pending, 0, 'no pending mark is left');
    t.is(after.items % ITEMS, 0, 'no partial restore is left (what remains: the table, the backup\'s copy, whole restores)');
  } finally {
    await tmp.remove();
  }
});

test('kill -9 during an import: its CREATING table, items and mark are gone and the import FAILED once the server has started again, with no DynamoDB request', async (t) => {
  const tmp = await tempDir();
  const args = ['--port', '0', '--data-dir', tmp.dir];
  let server = await startChild(args);
  const TableName = 'imported';
  try {
    const s3 = s3Client(server.endpoint);
    await s3.send(new CreateBucketCommand({ Bucket: 'source' }));
    const body = Array.from({ length: 100_000 }, (_, i) => JSON.stringify({ Item: { pk: { S: `k${i}` }, v: { S: 'x'.repeat(20) } } })).join('\n');
    await s3.send(new PutObjectCommand({ Bucket: 'source', Key: 'big/data.json', Body: body }));
    const ddb = ddbClient(server.endpoint, { maxAttempts: 1 });
    await ddb.send(new ImportTableCommand({
      S3BucketSource: { S3Bucket: 'source', S3KeyPrefix: 'big/' }, InputFormat: 'DYNAMODB_JSON',
      TableCreationParameters: { TableName, AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }], BillingMode: 'PAY_PER_REQUEST' },
    }));
    t.is((await ddb.send(new DescribeTableCommand({ TableName }))).Table!.TableStatus, 'CREATING');
    // Some items written, far from all (100,000 take about a second here).
    await sleep(100);
    await server.kill9();
    const cut = await onDisk(tmp.dir, async (ns) => {
      const text = await ns.get(tableKey(ACCOUNT, REGION, TableName));
      if (text === undefined) throw new Error('no table record on disk: the import made none while it ran');
      const record = JSON.parse(text) as TableRecord;
      return { record, items: await countItems(ns, itemPrefix(record.id)), pending: await countPending(ns) };
    });
    t.is(cut.record.status, 'CREATING', 'the kill came while the table was CREATING');
    t.is(cut.pending, 1);
    t.log(`killed with ${cut.items} items imported`);
    await startAndStop(args);
    const after = await onDisk(tmp.dir, async (ns) => ({
      table: await ns.get(tableKey(ACCOUNT, REGION, TableName)).catch(() => undefined),
      items: await countItems(ns, itemPrefix(cut.record.id)),
      pending: await countPending(ns),
      imports: (await ns.values(IMPORT_RANGE).all()).map((v) => JSON.parse(v) as ImportRecord),
    }));
    t.is(after.table, undefined, 'no table is left CREATING');
    t.is(after.items, 0, 'no item of the cut import is left');
    t.is(after.pending, 0);
    t.deepEqual(after.imports.map((r) => [r.tableName, r.status, r.failureCode]), [[TableName, 'FAILED', 'UNKNOWN']]);
  } finally {
    await server.stop().catch(() => undefined);
    await tmp.remove();
  }
});
