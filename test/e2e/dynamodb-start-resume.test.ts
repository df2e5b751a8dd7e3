/**
 * DynamoDB's background work resumes when the server starts, not at DynamoDB's first request
 * (services/dynamodb/background-work.ts, storage/background-markers.ts): a GSI backfill and a
 * DeleteTable's data removal that a kill -9 (or a stop) cut short finish after a restart on
 * which no DynamoDB request is made, and the DynamoDB marker then goes, so the start after that
 * does not open the store. They once resumed only when the service was created by a request: the
 * first DescribeTable after the restart answered CREATING and the deleted table's items stayed on
 * disk until then.
 *
 * What is on disk is read with classic-level once the server has exited (LevelDB's own LOCK keeps
 * a second process out while it runs); whether the server holds its store open is read from
 * /proc/PID/fd (meta/LOCK), as test/e2e/background-work-start.test.ts does.
 */
import test, { type ExecutionContext } from 'ava';
import { existsSync } from 'node:fs';
import { readdir, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import { ClassicLevel } from 'classic-level';
import {
  CreateTableCommand, DeleteTableCommand, DescribeTableCommand, type DynamoDBClient, PutItemCommand, UpdateTableCommand, UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { DescribeStreamCommand, DynamoDBStreamsClient, GetRecordsCommand, GetShardIteratorCommand } from '@aws-sdk/client-dynamodb-streams';
import { DDB_NS, REMOVAL_RANGE, afterPrefix } from '../../src/services/dynamodb/keys.js';
import { CREDENTIALS, type ChildServer, startBoltstack, startChild, tempDir } from '../helpers/server.js';
import { createKeyedTable, ddbClient } from '../services/dynamodb/helpers.js';
import { addIndex, loadItems } from '../services/dynamodb/gsi-backfill-helpers.js';

const ITEMS = 4000;
const key = (i: number): string => `k${String(i).padStart(5, '0')}`;
const itemOf = (i: number) => ({ pk: { S: key(i) }, filler: { S: 'f'.repeat(i % 40) }, ...(i % 7 === 0 ? {} : { g: { S: `g${i % 4}` } }) });
/** Items with `g`, which the index holds: every seventh has none. */
const INDEXED = Array.from({ length: ITEMS }, (_, i) => i).filter((i) => i % 7 !== 0).length;
const TableName = 'orders';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const linux = existsSync('/proc/self/fd');
const markerOf = (dir: string): string => join(dir, 'background-work', 'dynamodb');

async function until(probe: () => Promise<boolean> | boolean, what: string, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await probe())) {
    if (Date.now() > end) throw new Error(`timed out waiting: ${what}`);
    await sleep(20);
  }
}

/** Whether the child holds its LevelDB open (LevelDB keeps `meta/LOCK` open while the store is). */
async function storeOpen(server: ChildServer, dataDir: string): Promise<boolean> {
  const fds = `/proc/${server.child.pid}/fd`;
  const lock = join(dataDir, 'meta', 'LOCK');
  for (const fd of await readdir(fds)) if (await readlink(join(fds, fd)).catch(() => '') === lock) return true;
  return false;
}

/** The store stays closed for `ms` after the start (a start that opens it does so within a few ms). */
async function staysClosed(server: ChildServer, dataDir: string, ms = 2000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await storeOpen(server, dataDir)) return false;
    await sleep(20);
  }
  return true;
}

/** Collects what the server logs from now on. */
function logOf(server: ChildServer): () => string {
  let out = '';
  server.child.stdout!.on('data', (d: Buffer) => { out += d.toString(); });
  server.child.stderr!.on('data', (d: Buffer) => { out += d.toString(); });
  return () => out;
}

/** What DynamoDB keeps on disk: item keys, index entry keys, removal marks (the server must have exited). */
async function onDisk(dir: string): Promise<{ items: number; entries: number; removals: number }> {
  const db = new ClassicLevel<string, string>(join(dir, 'meta'));
  try {
    const ns = db.sublevel<string, string>(DDB_NS, {});
    // Table statistics (`i\0<tableId>\x01`) sit in the `i` range too; items are `i\0<tableId>\0…`.
    const items = (await ns.keys({ gte: 'i\u0000', lt: afterPrefix('i\u0000') }).all()).filter((k) => k.split('\u0000').length > 2).length;
    const entries = (await ns.keys({ gte: 'x\u0000', lt: afterPrefix('x\u0000') }).all()).length;
    const removals = (await ns.keys(REMOVAL_RANGE).all()).length;
    return { items, entries, removals };
  } finally {
    await db.close();
  }
}

/** A data dir for the servers a test starts on it one after another; the last is stopped and the dir removed however the test ends. */
async function onDataDir(body: (dir: string, start: () => Promise<ChildServer>) => Promise<void>): Promise<void> {
  const tmp = await tempDir();
  const started: ChildServer[] = [];
  try {
    await body(tmp.dir, async () => {
      const server = await startChild(['--port', '0', '--data-dir', tmp.dir, '--log-level', 'info']);
      started.push(server);
      return server;
    });
  } finally {
    await started[started.length - 1]?.kill9().catch(() => undefined);
    await tmp.remove();
  }
}

/** A table of ITEMS items with a GSI on `g`, built in one go (its backfill has ended). */
async function indexedTable(ddb: DynamoDBClient): Promise<void> {
  await createKeyedTable(ddb, TableName, [['pk', 'S']]);
  await loadItems(ddb, TableName, ITEMS, itemOf);
  await addIndex(ddb, TableName, 'by-g');
  await until(async () => (await ddb.send(new DescribeTableCommand({ TableName }))).Table!.GlobalSecondaryIndexes![0]!.IndexStatus === 'ACTIVE', 'the index ACTIVE');
}

(linux ? test.serial : test.skip)('a GSI backfill cut short by kill -9 finishes after a restart with no DynamoDB request; the marker goes, and the next start does not open the store', async (t) => {
  t.timeout(180_000);
  await onDataDir(async (dir, start) => {
    let server = await start();
    let ddb = ddbClient(server.endpoint, { maxAttempts: 1 });
    await createKeyedTable(ddb, TableName, [['pk', 'S']]);
    await loadItems(ddb, TableName, ITEMS, itemOf);
    await ddb.send(new PutItemCommand({ TableName, Item: itemOf(ITEMS - 1) }));
    t.false(existsSync(markerOf(dir)), 'item writes and CreateTable set no marker');
    // Cut short at once: a backfill of 4000 items outlasts the answer by far.
    await addIndex(ddb, TableName, 'by-g');
    t.true(existsSync(markerOf(dir)), 'marked before UpdateTable answers');
    ddb.destroy();
    await server.kill9();

    server = await start();
    const log = logOf(server);
    t.true(existsSync(markerOf(dir)), 'the kill left the marker');
    // No request: the start alone resumes the backfill, and the marker goes once it has ended.
    await until(() => !existsSync(markerOf(dir)), 'the marker removed');
    t.regex(log(), /resuming the backfill of a GSI being created/, 'the index was still CREATING at the restart');
    ddb = ddbClient(server.endpoint);
    const gsi = (await ddb.send(new DescribeTableCommand({ TableName }))).Table!.GlobalSecondaryIndexes![0]!;
    t.is(gsi.IndexStatus, 'ACTIVE', 'the first DescribeTable after the restart already answers ACTIVE');
    t.is(gsi.ItemCount, INDEXED, 'ItemCount: every item with g, once');
    ddb.destroy();
    t.is(await server.stop(), 0);

    server = await start();
    t.true(await staysClosed(server, dir), 'no work left: the store is not opened at start');
    t.is(await server.stop(), 0);
  });
});

(linux ? test.serial : test.skip)('an index built while the server runs drops the marker (a second later, or at a stop); an UpdateTable that creates or deletes no index sets none', async (t) => {
  t.timeout(120_000);
  await onDataDir(async (dir, start) => {
    const server = await start();
    const ddb = ddbClient(server.endpoint, { maxAttempts: 1 });
    await createKeyedTable(ddb, TableName, [['pk', 'S']]);
    await ddb.send(new UpdateTableCommand({ TableName, DeletionProtectionEnabled: false }));
    t.false(existsSync(markerOf(dir)), 'no index change: no marker');
    await loadItems(ddb, TableName, 200, itemOf);
    const active = async (name: string): Promise<boolean> =>
      (await ddb.send(new DescribeTableCommand({ TableName }))).Table!.GlobalSecondaryIndexes!.find((i) => i.IndexName === name)!.IndexStatus === 'ACTIVE';
    await addIndex(ddb, TableName, 'by-g');
    t.true(existsSync(markerOf(dir)), 'marked before UpdateTable answers');
    await until(() => active('by-g'), 'by-g ACTIVE');
    await until(() => !existsSync(markerOf(dir)), 'the marker removed once the backfill ended');
    // The marker outlives the last work by a second; a stop within it removes it too.
    await addIndex(ddb, TableName, 'by-g-again');
    t.true(existsSync(markerOf(dir)), 'marked again');
    await until(() => active('by-g-again'), 'by-g-again ACTIVE');
    ddb.destroy();
    t.is(await server.stop(), 0);
    t.false(existsSync(markerOf(dir)), 'the stop removed the marker: no work was left');
  });
});

/**
 * DeleteTable on a table of ITEMS items and their index entries, cut short by `interrupt`; then a
 * restart with no DynamoDB request removes every entry and drops the marker.
 */
async function interruptedRemoval(t: ExecutionContext, interrupt: (server: ChildServer) => Promise<unknown>): Promise<void> {
  t.timeout(180_000);
  await onDataDir(async (dir, start) => {
    let server = await start();
    const ddb = ddbClient(server.endpoint, { maxAttempts: 1 });
    await indexedTable(ddb);
    await until(() => !existsSync(markerOf(dir)), 'the backfill\'s marker removed');
    await ddb.send(new DeleteTableCommand({ TableName }));
    t.true(existsSync(markerOf(dir)), 'marked before DeleteTable answers');
    ddb.destroy();
    await interrupt(server);
    const left = await onDisk(dir);
    // Never entries without their removal mark: a mark dropped with entries left orphans them for good.
    t.true(left.removals > 0 || (left.items === 0 && left.entries === 0), `entries left (${JSON.stringify(left)}) are still marked for removal`);
    t.true(left.items + left.entries > 0, 'the removal was cut short (else this test proves nothing)');
    t.true(existsSync(markerOf(dir)), 'the interruption left the marker');

    server = await start();
    // No request: the start alone resumes the removal; the marker goes once it has ended.
    await until(() => !existsSync(markerOf(dir)), 'the marker removed');
    t.true(await storeOpen(server, dir), 'the start opened the store to resume the removal');
    t.is(await server.stop(), 0);
    t.deepEqual(await onDisk(dir), { items: 0, entries: 0, removals: 0 }, 'every item and index entry removed, and its mark');

    server = await start();
    t.true(await staysClosed(server, dir), 'no work left: the store is not opened at start');
    t.is(await server.stop(), 0);
  });
}

(linux ? test.serial : test.skip)('a DeleteTable removal cut short by kill -9 finishes after a restart with no DynamoDB request', (t) =>
  interruptedRemoval(t, (server) => server.kill9()));

(linux ? test.serial : test.skip)('a DeleteTable removal cut short by a graceful stop keeps its mark and finishes after a restart with no DynamoDB request', (t) =>
  interruptedRemoval(t, async (server) => { t.is(await server.stop(), 0); }));

/**
 * Known gap, recorded here so it flips when fixed: TTL's sweeper runs inside the DynamoDB service,
 * and a DynamoDB Streams request does not create that service (streams-service.ts reads the
 * store only). So after a restart followed by Streams reads only, an item that has expired gets
 * no REMOVE record until some DynamoDB request arrives. A TTL-enabled table is deliberately not
 * start-time background work (it never ends: every start would open the store). The fix proposed
 * is for the Streams service to create the DynamoDB service when it starts; then turn this into
 * a plain test.
 */
test.serial('a restart followed by Streams reads only sees the REMOVE record of an item TTL expired', async (t) => {
  t.timeout(60_000);
  const tmp = await tempDir();
  let now = Date.UTC(2026, 11, 7, 12, 0, 0);
  const clock = (): number => now;
  try {
    let server = await startBoltstack({ ephemeral: false, dataDir: tmp.dir, clock });
    const ddb = ddbClient(`http://127.0.0.1:${server.port}`);
    const created = await ddb.send(new CreateTableCommand({
      TableName, BillingMode: 'PAY_PER_REQUEST', AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }], StreamSpecification: { StreamEnabled: true, StreamViewType: 'KEYS_ONLY' },
    }));
    const StreamArn = created.TableDescription!.LatestStreamArn!;
    await ddb.send(new UpdateTimeToLiveCommand({ TableName, TimeToLiveSpecification: { Enabled: true, AttributeName: 'exp' } }));
    await ddb.send(new PutItemCommand({ TableName, Item: { pk: { S: 'a' }, exp: { N: String(Math.floor(now / 1000) + 60) } } }));
    ddb.destroy();
    await server.stop();

    now += 120_000;
    server = await startBoltstack({ ephemeral: false, dataDir: tmp.dir, clock });
    const streams = new DynamoDBStreamsClient({ endpoint: `http://127.0.0.1:${server.port}`, region: 'us-east-1', credentials: CREDENTIALS });
    try {
      const ShardId = (await streams.send(new DescribeStreamCommand({ StreamArn }))).StreamDescription!.Shards![0]!.ShardId!;
      const events = async (): Promise<string[]> => {
        const ShardIterator = (await streams.send(new GetShardIteratorCommand({ StreamArn, ShardId, ShardIteratorType: 'TRIM_HORIZON' }))).ShardIterator!;
        return (await streams.send(new GetRecordsCommand({ ShardIterator }))).Records!.map((r) => r.eventName!);
      };
      // The sweeper runs about every second: five seconds is plenty.
      const end = Date.now() + 5000;
      while (!(await events()).includes('REMOVE') && Date.now() < end) await sleep(100);
      t.deepEqual(await events(), ['INSERT', 'REMOVE']);
    } finally {
      streams.destroy();
      await server.stop();
    }
  } finally {
    await tmp.remove();
  }
});
