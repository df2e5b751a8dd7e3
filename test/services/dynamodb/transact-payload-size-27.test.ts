/**
 * TransactWriteItems' 4 MB limit, row for row as ScyllaDB's test/alternator/test_transact.py has
 * it (tests written against and passing on AWS): a transaction putting 50 items of ~100 KB
 * (~5 MB) is a ValidationException whose message matches "size cannot exceed"
 * (test_transact_write_items_put_5MB); 30 of them (~3 MB) are written
 * (test_transact_write_items_put_3MB); deleting 50 stored items of ~100 KB in one small request
 * is accepted, the limit being on the "transaction payload", not on the items it touches
 * (test_transact_write_items_delete_5MB).
 */
import test from 'ava';
import {
  BatchWriteItemCommand, GetItemCommand, TransactWriteItemsCommand, type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { startBoltstack } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';
import { createKeyedTable, ddbClient, ddbErrorOf, uniqueTable } from './helpers.js';

const ALT = 'scylladb/scylladb test/alternator/test_transact.py';
const LONG = 'x'.repeat(100_000);

let server: Boltstack;
let ddb: DynamoDBClient;
let TableName: string;
test.before(async () => {
  server = await startBoltstack();
  ddb = ddbClient(server.endpoint);
  TableName = uniqueTable('txsize');
  await createKeyedTable(ddb, TableName, [['p', 'S']]);
});
test.after.always(async () => { await server?.stop(); });

const keys = (prefix: string, n: number): string[] => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
const putAll = (ps: string[]) => ddb.send(new TransactWriteItemsCommand({
  TransactItems: ps.map((p) => ({ Put: { TableName, Item: { p: { S: p }, x: { S: LONG } } } })),
}));
const stored = async (p: string) => (await ddb.send(new GetItemCommand({ TableName, Key: { p: { S: p } }, ConsistentRead: true }))).Item;

test.serial(`50 Puts of ~100 KB (~5 MB): ValidationException "size cannot exceed", nothing written (${ALT} test_transact_write_items_put_5MB)`, async (t) => {
  const ps = keys('five-', 50);
  const error = await ddbErrorOf(putAll(ps));
  t.is(error.name, 'ValidationException');
  t.regex(error.message, /size cannot exceed/);
  t.is(await stored(ps[0]!), undefined);
  t.is(await stored(ps[49]!), undefined);
});

test.serial(`30 Puts of ~100 KB (~3 MB) are written (${ALT} test_transact_write_items_put_3MB)`, async (t) => {
  const ps = keys('three-', 30);
  await putAll(ps);
  t.is((await stored(ps[29]!))?.x?.S, LONG);
});

test.serial(`deleting 50 stored items of ~100 KB in one small request is accepted (${ALT} test_transact_write_items_delete_5MB)`, async (t) => {
  const ps = keys('del-', 50);
  for (let i = 0; i < ps.length; i += 25) {
    await ddb.send(new BatchWriteItemCommand({ RequestItems: { [TableName]: ps.slice(i, i + 25).map((p) => ({ PutRequest: { Item: { p: { S: p }, x: { S: LONG } } } })) } }));
  }
  await ddb.send(new TransactWriteItemsCommand({ TransactItems: ps.map((p) => ({ Delete: { TableName, Key: { p: { S: p } } } })) }));
  t.is(await stored(ps[0]!), undefined);
  t.is(await stored(ps[49]!), undefined);
});
