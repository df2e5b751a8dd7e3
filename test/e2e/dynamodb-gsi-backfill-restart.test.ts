/**
 * A GSI whose backfill a kill -9 or a graceful stop cuts short is backfilled again when the
 * server starts again: it turns ACTIVE, a Query on it returns every item exactly once, and its
 * ItemCount and IndexSizeBytes are those of an index built in one go. It once stayed CREATING
 * forever (nothing resumed the backfill), with entries missing and its table undeletable.
 */
import test from 'ava';
import { DeleteItemCommand, type DynamoDBClient, PutItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { type ChildServer, startChild, tempDir } from '../helpers/server.js';
import { createKeyedTable, ddbClient } from '../services/dynamodb/helpers.js';
import { addIndex, indexedAndExpected, loadItems, waitActive } from '../services/dynamodb/gsi-backfill-helpers.js';

const ITEMS = 4000;
const key = (i: number): string => `k${String(i).padStart(5, '0')}`;
const itemOf = (i: number) => ({ pk: { S: key(i) }, filler: { S: 'f'.repeat(i % 40) }, ...(i % 7 === 0 ? {} : { g: { S: `g${i % 4}` } }) });
const TableName = 'orders';

/** Collects what the server logs from now on. */
function logOf(server: ChildServer): () => string {
  let out = '';
  server.child.stdout!.on('data', (d: Buffer) => { out += d.toString(); });
  server.child.stderr!.on('data', (d: Buffer) => { out += d.toString(); });
  return () => out;
}

async function interruptedBackfill(t: import('ava').ExecutionContext, interrupt: (server: ChildServer) => Promise<unknown>): Promise<void> {
  t.timeout(120_000);
  const tmp = await tempDir();
  const args = ['--port', '0', '--data-dir', tmp.dir, '--log-level', 'info'];
  let server: ChildServer | undefined;
  try {
    server = await startChild(args);
    let ddb: DynamoDBClient = ddbClient(server.endpoint, { maxAttempts: 1 });
    await createKeyedTable(ddb, TableName, [['pk', 'S']]);
    await loadItems(ddb, TableName, ITEMS, itemOf);
    // Cut short at once: a backfill of 4000 items outlasts the answer by far.
    await addIndex(ddb, TableName, 'by-g');
    await interrupt(server);

    server = await startChild(args);
    const log = logOf(server);
    ddb = ddbClient(server.endpoint);
    // Writes while the backfill runs again: ahead of it (the last keys, a new one) and behind it,
    // some on the first items, whose entries the interrupted pass had written (none may be left).
    await Promise.all([
      ...Array.from({ length: 5 }, (_, i) => ddb.send(new DeleteItemCommand({ TableName, Key: { pk: { S: key(ITEMS - 1 - i) } } }))),
      ...Array.from({ length: 3 }, (_, i) => ddb.send(new UpdateItemCommand({
        TableName, Key: { pk: { S: key(1 + i) } }, UpdateExpression: 'SET g = :m', ExpressionAttributeValues: { ':m': { S: 'moved' } },
      }))),
      ...Array.from({ length: 3 }, (_, i) => ddb.send(new UpdateItemCommand({ TableName, Key: { pk: { S: key(4 + i) } }, UpdateExpression: 'REMOVE g' }))),
      ddb.send(new PutItemCommand({ TableName, Item: { pk: { S: `${key(ITEMS - 10)}-new` }, g: { S: 'new' } } })),
      ddb.send(new PutItemCommand({ TableName, Item: { pk: { S: 'a-new' }, g: { S: 'new' } } })),
    ]);
    const done = await waitActive(ddb, TableName, 'by-g', 30_000);
    t.regex(log(), /resuming the backfill of a GSI being created/, 'the index was still CREATING at the restart');
    const { indexed, expected } = await indexedAndExpected(ddb, TableName, 'by-g', ['g0', 'g1', 'g2', 'g3']);
    t.true(expected.length > ITEMS / 2);
    t.deepEqual(indexed, expected, 'every item with g is in the index exactly once');
    t.is(done.count, expected.length, 'ItemCount');
    await addIndex(ddb, TableName, 'by-g-again');
    const again = await waitActive(ddb, TableName, 'by-g-again', 30_000);
    t.is(done.bytes, again.bytes, 'IndexSizeBytes as an index built in one go');
    t.is(await server.stop(), 0);
    server = undefined;
  } finally {
    await server?.kill9().catch(() => undefined);
    await tmp.remove();
  }
}

test.serial('a GSI backfill cut short by kill -9 is resumed at the next start', (t) => interruptedBackfill(t, (server) => server.kill9()));

test.serial('a GSI backfill cut short by a graceful stop is resumed at the next start', (t) => interruptedBackfill(t, async (server) => {
  t.is(await server.stop(), 0, 'the stop waits for the backfill to pause, and exits cleanly');
}));
