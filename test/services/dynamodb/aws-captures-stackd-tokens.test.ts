/**
 * ClientRequestToken as native AWS DynamoDB compared requests in 2026 (radkawar/stackd
 * testdata/aws/dynamodb/transaction_tokens.json, calls of 2026-09-17): ReturnConsumedCapacity and
 * ReturnItemCollectionMetrics are part of the request a token stands for, NONE as if omitted; a
 * repeat is answered in read units; a cancelled request holds its token's parameters.
 */
import test from 'ava';
import {
  DeleteItemCommand, ExecuteTransactionCommand, GetItemCommand, PutItemCommand, TransactWriteItemsCommand,
  type AttributeValue, type DynamoDBClient, type TransactWriteItemsCommandInput,
} from '@aws-sdk/client-dynamodb';
import { startBoltstack } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';
import { createKeyedTable, ddbClient, ddbErrorOf, uniqueTable } from './helpers.js';

const SRC = 'radkawar/stackd testdata/aws/dynamodb/transaction_tokens.json';
let server: Boltstack;
let ddb: DynamoDBClient;
let TableName: string;
test.before(async () => {
  server = await startBoltstack();
  ddb = ddbClient(server.endpoint);
  TableName = uniqueTable('tok');
  await createKeyedTable(ddb, TableName, [['pk', 'S']]);
});
test.after.always(async () => { await server?.stop(); });

const request = (token: string, extra: Partial<TransactWriteItemsCommandInput> = {}) => new TransactWriteItemsCommand({
  ClientRequestToken: token, TransactItems: [{ Put: { TableName, Item: { pk: { S: token } } } }], ...extra,
});

test(`a token's ReturnConsumedCapacity and ReturnItemCollectionMetrics are compared (${SRC} seq 99-115, 2026-09-17)`, async (t) => {
  await ddb.send(request('rcc', { ReturnConsumedCapacity: 'INDEXES' }));
  for (const other of [{ ReturnConsumedCapacity: 'TOTAL' }, { ReturnConsumedCapacity: 'NONE' }, {}] as const) {
    const err = await ddbErrorOf(ddb.send(request('rcc', other)));
    t.is(err.name, 'IdempotentParameterMismatchException', JSON.stringify(other));
  }
  // The original request still replays after the refused variants.
  const again = await ddb.send(request('rcc', { ReturnConsumedCapacity: 'INDEXES' }));
  t.is(again.ConsumedCapacity?.[0]?.TableName, TableName);
  // Omitted and NONE are the same request.
  await ddb.send(request('none'));
  await t.notThrowsAsync(ddb.send(request('none', { ReturnConsumedCapacity: 'NONE', ReturnItemCollectionMetrics: 'NONE' })));
  const added = await ddbErrorOf(ddb.send(request('none', { ReturnConsumedCapacity: 'INDEXES' })));
  t.is(added.name, 'IdempotentParameterMismatchException');
  const metrics = await ddbErrorOf(ddb.send(request('none', { ReturnItemCollectionMetrics: 'SIZE' })));
  t.is(metrics.name, 'IdempotentParameterMismatchException');
});

const sized = (pk: string, bytes: number): Record<string, AttributeValue> => ({ pk: { S: pk }, payload: { S: 'x'.repeat(bytes - 'pk'.length - pk.length - 'payload'.length) } });
const units = (kind: 'WriteCapacityUnits' | 'ReadCapacityUnits', n: number) => [{ TableName, CapacityUnits: n, [kind]: n, Table: { CapacityUnits: n, [kind]: n } }];

test(`a repeat is charged read units of each item's larger image of the first run, whatever the items are now (${SRC} seq 13-36, 2026-09-17)`, async (t) => {
  for (const [pk, bytes] of [['mixed-put', 8193], ['mixed-update', 4097], ['mixed-delete', 8193], ['mixed-check', 4097]] as const) {
    await ddb.send(new PutItemCommand({ TableName, Item: sized(pk, bytes) }));
  }
  const mixed = new TransactWriteItemsCommand({
    ClientRequestToken: 'mixed', ReturnConsumedCapacity: 'INDEXES', TransactItems: [
      { Put: { TableName, Item: sized('mixed-put', 4095) } },
      { Update: { TableName, Key: { pk: { S: 'mixed-update' } }, UpdateExpression: 'SET payload=:p', ExpressionAttributeValues: { ':p': { S: 'x'.repeat(79) } } } },
      { Delete: { TableName, Key: { pk: { S: 'mixed-delete' } } } },
      { ConditionCheck: { TableName, Key: { pk: { S: 'mixed-check' } }, ConditionExpression: 'attribute_exists(pk)' } },
    ],
  });
  t.deepEqual((await ddb.send(mixed)).ConsumedCapacity, units('WriteCapacityUnits', 56), 'seq 17');
  t.deepEqual((await ddb.send(mixed)).ConsumedCapacity, units('ReadCapacityUnits', 20), 'seq 18');
  const pks = ['mixed-put', 'mixed-update', 'mixed-delete', 'mixed-check'];
  for (const pk of pks) await ddb.send(new PutItemCommand({ TableName, Item: sized(pk, 16385) }));
  t.deepEqual((await ddb.send(mixed)).ConsumedCapacity, units('ReadCapacityUnits', 20), 'seq 23, after the items grew');
  for (const pk of pks) await ddb.send(new DeleteItemCommand({ TableName, Key: { pk: { S: pk } } }));
  // The repeat neither writes again nor checks the condition again (seq 32-36).
  t.deepEqual((await ddb.send(mixed)).ConsumedCapacity, units('ReadCapacityUnits', 20), 'seq 32, after the items went');
  for (const pk of pks) t.is((await ddb.send(new GetItemCommand({ TableName, Key: { pk: { S: pk } }, ConsistentRead: true }))).Item, undefined, pk);
});

test(`a cancelled request keeps its token's parameters: another is refused, the same one runs again (${SRC} seq 170-174, 2026-09-17)`, async (t) => {
  const put = (condition: boolean) => new TransactWriteItemsCommand({
    ClientRequestToken: 'cancelled', ReturnConsumedCapacity: 'INDEXES',
    TransactItems: [{ Put: { TableName, Item: sized('cancelled', 100), ...(condition && { ConditionExpression: 'attribute_exists(pk)' }) } }],
  });
  const cancelled = await ddbErrorOf(ddb.send(put(true)));
  t.is(cancelled.name, 'TransactionCanceledException', 'seq 170');
  t.is((cancelled as { ConsumedCapacity?: unknown }).ConsumedCapacity, undefined, 'a cancellation carries no ConsumedCapacity');
  const changed = await ddbErrorOf(ddb.send(put(false)));
  t.deepEqual([changed.name, changed.message], ['IdempotentParameterMismatchException', 'Specified idempotent token was used with different request parameters within the idempotency window'], 'seq 171');
  await ddb.send(new PutItemCommand({ TableName, Item: sized('cancelled', 100) }));
  t.deepEqual((await ddb.send(put(true))).ConsumedCapacity, units('WriteCapacityUnits', 2), 'seq 173: run again');
  t.deepEqual((await ddb.send(put(true))).ConsumedCapacity, units('ReadCapacityUnits', 2), 'seq 174: a repeat');
});

test(`a request refused by validation leaves its token free (${SRC} seq 175-177, 2026-09-17)`, async (t) => {
  const invalid = await ddbErrorOf(ddb.send(new TransactWriteItemsCommand({
    ClientRequestToken: 'invalid', ReturnConsumedCapacity: 'INDEXES', TransactItems: [{ Update: { TableName, Key: { pk: { S: 'invalid' } }, UpdateExpression: 'SET' } }],
  })));
  t.deepEqual([invalid.name, invalid.message], ['ValidationException', 'Invalid UpdateExpression: Syntax error; token: "<EOF>", near: "SET"']);
  const other = new TransactWriteItemsCommand({ ClientRequestToken: 'invalid', ReturnConsumedCapacity: 'INDEXES', TransactItems: [{ Put: { TableName, Item: sized('invalid', 100) } }] });
  t.deepEqual((await ddb.send(other)).ConsumedCapacity, units('WriteCapacityUnits', 2), 'seq 176');
  t.deepEqual((await ddb.send(other)).ConsumedCapacity, units('ReadCapacityUnits', 2), 'seq 177');
});

test(`ExecuteTransaction: a cancelled INSERT keeps its token's parameters; a repeat is read units (${SRC} seq 179-188, 2026-09-17)`, async (t) => {
  const insert = (pk: string) => new ExecuteTransactionCommand({
    ClientRequestToken: 'pql-cancelled', ReturnConsumedCapacity: 'INDEXES',
    TransactStatements: [{ Statement: `INSERT INTO "${TableName}" VALUE {'pk': ?, 'n': ?}`, Parameters: [{ S: pk }, { N: '1' }] }],
  });
  await ddb.send(new PutItemCommand({ TableName, Item: sized('pql-cancelled', 61) }));
  const cancelled = await ddbErrorOf(ddb.send(insert('pql-cancelled')));
  t.deepEqual((cancelled as { CancellationReasons?: unknown }).CancellationReasons, [{ Code: 'DuplicateItem', Message: 'Duplicate primary key exists in table' }], 'seq 184');
  for (const seq of ['seq 185', 'seq 186']) t.is((await ddbErrorOf(ddb.send(insert('pql-cancelled-new')))).name, 'IdempotentParameterMismatchException', seq);
  await ddb.send(new DeleteItemCommand({ TableName, Key: { pk: { S: 'pql-cancelled' } } }));
  const again = await ddb.send(insert('pql-cancelled'));
  t.deepEqual([again.Responses, again.ConsumedCapacity], [[], units('WriteCapacityUnits', 2)], 'seq 188');
  const repeat = await ddb.send(insert('pql-cancelled'));
  t.deepEqual([repeat.Responses, repeat.ConsumedCapacity], [[], units('ReadCapacityUnits', 2)], 'seq 182');
});
