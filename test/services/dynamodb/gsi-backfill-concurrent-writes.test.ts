/**
 * Writes that land while a new GSI is being backfilled: each item ends up in the index exactly
 * once, as its last version says, and the index's ItemCount and IndexSizeBytes count exactly
 * that. They once did not: deleting (or taking out of the index) an item the backfill had not
 * reached yet subtracted an entry that had never been counted, and an item put ahead of the
 * backfill was counted by its write and again by the backfill.
 */
import test from 'ava';
import { DeleteItemCommand, type DynamoDBClient, PutItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { startBoltstack } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';
import { createKeyedTable, ddbClient, uniqueTable } from './helpers.js';
import { addIndex, indexState, indexedAndExpected, loadItems, waitActive } from './gsi-backfill-helpers.js';

let server: Boltstack;
let ddb: DynamoDBClient;
test.before(async () => { server = await startBoltstack(); ddb = ddbClient(server.endpoint); });
test.after.always(async () => { await server?.stop(); });

const ITEMS = 3000;
const key = (i: number): string => `k${String(i).padStart(5, '0')}`;
// Every tenth item has no `g` (the index is sparse); `filler` is projected, so sizes differ by item.
const itemOf = (i: number) => ({ pk: { S: key(i) }, filler: { S: 'p'.repeat(i % 50) }, ...(i % 10 === 0 ? {} : { g: { S: `g${i % 3}` } }) });

test('writes during a backfill leave every item indexed once and the index figures exact', async (t) => {
  const TableName = uniqueTable('fill');
  await createKeyedTable(ddb, TableName, [['pk', 'S']]);
  await loadItems(ddb, TableName, ITEMS, itemOf);
  await addIndex(ddb, TableName, 'by-g');
  // The backfill walks the items in key order: these are the last ones, which it reaches last.
  const late = (i: number): number => ITEMS - 1 - i;
  await Promise.all([
    // Deleted before the backfill reached them (9 of them had an entry to be).
    ...Array.from({ length: 10 }, (_, i) => ddb.send(new DeleteItemCommand({ TableName, Key: { pk: { S: key(late(i)) } } }))),
    // Taken out of the index, moved within it, given a bigger projection.
    ...Array.from({ length: 5 }, (_, i) => ddb.send(new UpdateItemCommand({ TableName, Key: { pk: { S: key(late(10 + i)) } }, UpdateExpression: 'REMOVE g' }))),
    ...Array.from({ length: 7 }, (_, i) => ddb.send(new UpdateItemCommand({
      TableName, Key: { pk: { S: key(late(20 + i)) } }, UpdateExpression: 'SET g = :z, filler = :p', ExpressionAttributeValues: { ':z': { S: 'moved' }, ':p': { S: 'q'.repeat(300) } },
    }))),
    // New items ahead of the backfill, and behind it (keys before every loaded one).
    ...Array.from({ length: 3 }, (_, i) => ddb.send(new PutItemCommand({ TableName, Item: { pk: { S: `${key(late(30))}-new${i}` }, g: { S: 'new' }, filler: { S: 'n' } } }))),
    ...Array.from({ length: 4 }, (_, i) => ddb.send(new PutItemCommand({ TableName, Item: { pk: { S: `a-new${i}` }, g: { S: 'new' } } }))),
  ]);
  // Were the backfill over already, the writes above would prove nothing.
  t.is((await indexState(ddb, TableName, 'by-g')).status, 'CREATING', 'the writes landed while the index was being backfilled');
  const done = await waitActive(ddb, TableName, 'by-g');

  const { indexed, expected } = await indexedAndExpected(ddb, TableName, 'by-g', ['g0', 'g1', 'g2']);
  t.is(indexed.length, expected.length, 'one entry per item that has g');
  t.deepEqual(indexed, expected, 'each entry is its item\'s last version');
  t.is(done.count, expected.length, 'ItemCount counts each item once');
  // The reference: the same index built again over the same items, with no write meanwhile.
  await addIndex(ddb, TableName, 'by-g-again');
  const again = await waitActive(ddb, TableName, 'by-g-again');
  t.deepEqual([done.count, done.bytes], [again.count, again.bytes], 'ItemCount and IndexSizeBytes as a quiet backfill counts them');
});
