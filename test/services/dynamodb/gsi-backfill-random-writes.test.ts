/**
 * Seeded random writes (puts, deletes, updates in and out of the index, BatchWriteItem,
 * TransactWriteItems) over old keys and new ones between them, from six clients for as long as a
 * new GSI is being backfilled: once ACTIVE, a Query of the index returns each item that has the
 * index key exactly once, as its last version says, and ItemCount and IndexSizeBytes equal those
 * of the same index built afterwards with no write meanwhile. The seed is printed with a failure:
 *   GSI_FILL_SEED=1234 npx ava dist/test/services/dynamodb/gsi-backfill-random-writes.test.js
 */
import test from 'ava';
import {
  type AttributeValue, BatchWriteItemCommand, DeleteItemCommand, type DynamoDBClient, PutItemCommand, TransactWriteItemsCommand, UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { startBoltstack } from '../../helpers/server.js';
import { seededRandom } from '../../helpers/model-inputs.js';
import type { Boltstack } from '../../../src/index.js';
import { createKeyedTable, ddbClient, uniqueTable } from './helpers.js';
import { addIndex, indexState, indexedAndExpected, loadItems, waitActive } from './gsi-backfill-helpers.js';

const seed = Number(process.env.GSI_FILL_SEED ?? Math.floor(Math.random() * 2 ** 31));
let server: Boltstack;
let ddb: DynamoDBClient;
test.before(async () => { server = await startBoltstack(); ddb = ddbClient(server.endpoint); });
test.after.always(async () => { await server?.stop(); });

const KEYS = 3000;
const key = (i: number): string => `k${String(i).padStart(5, '0')}`;

test(`random writes during a backfill (seed ${seed})`, async (t) => {
  const random = seededRandom(seed);
  const pick = (n: number): number => Math.floor(random() * n);
  const itemOf = (k: number): Record<string, AttributeValue> => ({ pk: { S: key(k) }, ...(random() < 0.8 ? { g: { S: `g${pick(4)}` } } : {}), filler: { S: 'y'.repeat(pick(60)) } });
  const TableName = uniqueTable('fill');
  await createKeyedTable(ddb, TableName, [['pk', 'S']]);
  // Every other key: writes below put new items between the ones the backfill walks.
  await loadItems(ddb, TableName, KEYS / 2, (i) => ({ pk: { S: key(i * 2) }, g: { S: `g${i % 3}` }, filler: { S: 'x'.repeat(i % 30) } }));
  await addIndex(ddb, TableName, 'by-g');
  let active = false;
  let writes = 0;
  const one = (): Promise<unknown> => {
    const k = pick(KEYS);
    const r = random();
    const Key = { pk: { S: key(k) } };
    if (r < 0.3) return ddb.send(new PutItemCommand({ TableName, Item: itemOf(k) }));
    if (r < 0.45) return ddb.send(new DeleteItemCommand({ TableName, Key }));
    if (r < 0.55) return ddb.send(new UpdateItemCommand({ TableName, Key, UpdateExpression: 'REMOVE g' }));
    if (r < 0.7) return ddb.send(new UpdateItemCommand({ TableName, Key, UpdateExpression: 'SET g = :g', ExpressionAttributeValues: { ':g': { S: `g${pick(4)}` } } }));
    const keys = [...new Set(Array.from({ length: 3 + pick(8) }, () => pick(KEYS)))];
    if (r < 0.85) {
      return ddb.send(new BatchWriteItemCommand({
        RequestItems: { [TableName]: keys.map((j) => (random() < 0.7 ? { PutRequest: { Item: itemOf(j) } } : { DeleteRequest: { Key: { pk: { S: key(j) } } } })) },
      }));
    }
    return ddb.send(new TransactWriteItemsCommand({ TransactItems: keys.map((j) => ({ Put: { TableName, Item: itemOf(j) } })) }));
  };
  const client = async (): Promise<void> => {
    while (!active) {
      writes++;
      // A write meeting a transaction's item is refused, and so is a transaction meeting another
      // (TransactionConflict), as in AWS; the next one goes on.
      await one().catch((err: Error) => { if (err.name !== 'TransactionConflictException' && err.name !== 'TransactionCanceledException') throw err; });
    }
  };
  const clients = Array.from({ length: 6 }, client);
  const first = await indexState(ddb, TableName, 'by-g');
  const done = await waitActive(ddb, TableName, 'by-g', 60_000).finally(() => { active = true; });
  await Promise.all(clients);
  t.is(first.status, 'CREATING');
  t.log(`seed ${seed}: ${writes} writes while the index was backfilled`);
  t.true(writes > 100, 'the writes overlapped the backfill');

  const after = await indexState(ddb, TableName, 'by-g');
  const { indexed, expected } = await indexedAndExpected(ddb, TableName, 'by-g', ['g0', 'g1', 'g2', 'g3']);
  t.deepEqual(indexed, expected, `each item with g once, as its last version says (seed ${seed})`);
  t.is(after.count, expected.length, `ItemCount (seed ${seed})`);
  await addIndex(ddb, TableName, 'by-g-again');
  const again = await waitActive(ddb, TableName, 'by-g-again');
  t.deepEqual([after.count, after.bytes], [again.count, again.bytes], `ItemCount and IndexSizeBytes as a quiet backfill counts them (seed ${seed})`);
  t.is(done.status, 'ACTIVE');
});
