/**
 * UpdateItem on document paths whose parent is absent, as DynamoDB answers (scylladb/scylladb
 * test/alternator/test_update_expression.py, run against AWS:
 * test_nested_attribute_update_bad_path_dot and test_nested_attribute_remove_from_missing_item;
 * architect/dynalite test/updateItem.js "non-existent nested attribute in non-existent item"):
 *   - on an existing item, `SET a.b` and `REMOVE a.b` with `a` absent (or not a map) are refused:
 *     "The document path provided in the update expression is invalid for update";
 *   - on a missing item, `SET a.b` is refused the same way, while `REMOVE a.b` and `REMOVE a[0]`
 *     succeed and, as any update that only removes, create nothing (test_item.py
 *     test_update_item_non_existent).
 */
import test from 'ava';
import { GetItemCommand, PutItemCommand, TransactWriteItemsCommand, UpdateItemCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { startBoltstack } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';
import { createKeyedTable, ddbClient, ddbErrorOf, uniqueTable } from './helpers.js';

const ALT = 'scylladb/scylladb test/alternator/test_update_expression.py';
const INVALID_PATH = 'The document path provided in the update expression is invalid for update';
let server: Boltstack;
let ddb: DynamoDBClient;
let TableName: string;
test.before(async () => {
  server = await startBoltstack();
  ddb = ddbClient(server.endpoint);
  TableName = uniqueTable('absent');
  await createKeyedTable(ddb, TableName, [['p', 'S']]);
});
test.after.always(async () => { await server?.stop(); });

const S = (s: string): AttributeValue => ({ S: s });
let n = 0;
const freshKey = () => ({ p: S(`k${n++}`) });
const update = (Key: Record<string, AttributeValue>, UpdateExpression: string, values?: Record<string, AttributeValue>) =>
  ddb.send(new UpdateItemCommand({ TableName, Key, UpdateExpression, ...(values && { ExpressionAttributeValues: values }), ReturnValues: 'ALL_NEW' }));
const stored = async (Key: Record<string, AttributeValue>) => (await ddb.send(new GetItemCommand({ TableName, Key, ConsistentRead: true }))).Item;

test(`an existing item: SET and REMOVE under an absent or scalar parent are refused (${ALT} test_nested_attribute_update_bad_path_dot)`, async (t) => {
  const Key = freshKey();
  await ddb.send(new PutItemCommand({ TableName, Item: { ...Key, a: S('hello'), b: { L: [S('hi')] } } }));
  for (const [expression, values] of [
    ['SET c.c = :v', { ':v': { N: '7' } }], ['SET a.c = :v', { ':v': { N: '7' } }], ['SET b.c = :v', { ':v': { N: '7' } }],
    ['REMOVE c.c', undefined], ['REMOVE a.c', undefined], ['REMOVE b.c', undefined], ['REMOVE c[0]', undefined],
  ] as const) {
    const error = await ddbErrorOf(update(Key, expression, values));
    t.is(error.name, 'ValidationException', expression);
    t.is(error.message, INVALID_PATH, expression);
  }
  t.deepEqual(await stored(Key), { ...Key, a: S('hello'), b: { L: [S('hi')] } }, 'nothing written');
});

test(`a missing item: SET under an absent parent is refused, REMOVE under one succeeds and creates nothing (${ALT} test_nested_attribute_remove_from_missing_item)`, async (t) => {
  const Key = freshKey();
  const refused = await ddbErrorOf(update(Key, 'SET c.c = :v', { ':v': { N: '7' } }));
  t.is(refused.message, INVALID_PATH);
  for (const expression of ['REMOVE x.y', 'REMOVE x[0]', 'REMOVE x.y[2].z, w']) {
    const out = await update(Key, expression);
    t.is(out.Attributes, undefined, expression);
  }
  t.is(await stored(Key), undefined);
});

test('a transaction\'s Update follows UpdateItem: REMOVE under an absent parent of a missing item writes nothing (same engine as the rows above)', async (t) => {
  const Key = freshKey();
  await ddb.send(new TransactWriteItemsCommand({ TransactItems: [{ Update: { TableName, Key, UpdateExpression: 'REMOVE x.y' } }] }));
  t.is(await stored(Key), undefined);
  // On an existing item the transaction is refused, the item untouched.
  const existing = freshKey();
  await ddb.send(new PutItemCommand({ TableName, Item: { ...existing, a: S('hello') } }));
  const refused = await ddbErrorOf(ddb.send(new TransactWriteItemsCommand({ TransactItems: [{ Update: { TableName, Key: existing, UpdateExpression: 'REMOVE x.y' } }] })));
  t.not(refused.name, undefined);
  t.deepEqual(await stored(existing), { ...existing, a: S('hello') });
});
