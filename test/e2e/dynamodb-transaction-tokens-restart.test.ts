/**
 * TransactWriteItems' ClientRequestToken outlives a restart (it used to be held in memory only):
 * a retry after a kill -9 within the 10 minutes is still a no-op answered as a repeat is (in read
 * units, as AWS answers one), the same token with other parameters is still IdempotentParameterMismatchException, and
 * once the 10 minutes have passed (an injected clock, across a clean restart) the token names a
 * new request.
 */
import test from 'ava';
import { CreateTableCommand, GetItemCommand, PutItemCommand, TransactWriteItemsCommand } from '@aws-sdk/client-dynamodb';
import { startBoltstack, startChild, tempDir } from '../helpers/server.js';
import { ddbClient, ddbErrorOf, rawCall } from '../services/dynamodb/helpers.js';

const TableName = 'tokens';
const createTable = new CreateTableCommand({
  TableName, BillingMode: 'PAY_PER_REQUEST',
  AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
});
const bump = (by: string) => ({ Update: { TableName, Key: { pk: { S: 'c' } }, UpdateExpression: 'ADD n :by', ExpressionAttributeValues: { ':by': { N: by } } } });

test('a retry after kill -9 within 10 minutes is a no-op answered in read units; other parameters are refused', async (t) => {
  const tmp = await tempDir();
  let server: Awaited<ReturnType<typeof startChild>> | undefined;
  try {
    server = await startChild(['--port', '0', '--data-dir', tmp.dir, '--log-level', 'error']);
    let ddb = ddbClient(server.endpoint, { maxAttempts: 1 });
    await ddb.send(createTable);
    await ddb.send(new PutItemCommand({ TableName, Item: { pk: { S: 'c' }, n: { N: '0' } } }));
    const first = await ddb.send(new TransactWriteItemsCommand({ TransactItems: [bump('1')], ClientRequestToken: 'tok-1', ReturnConsumedCapacity: 'TOTAL' }));
    t.deepEqual(first.ConsumedCapacity, [{ TableName, CapacityUnits: 2, WriteCapacityUnits: 2 }]);
    await server.kill9();

    server = await startChild(['--port', '0', '--data-dir', tmp.dir, '--log-level', 'error']);
    ddb = ddbClient(server.endpoint, { maxAttempts: 1 });
    const retry = await ddb.send(new TransactWriteItemsCommand({ TransactItems: [bump('1')], ClientRequestToken: 'tok-1', ReturnConsumedCapacity: 'TOTAL' }));
    // A repeat costs two read units per 4 KB of the item, in ReadCapacityUnits (radkawar/stackd
    // testdata/aws/dynamodb/transaction_tokens.json seq 17-18, 173-174, native AWS 2026-09-17).
    t.deepEqual(retry.ConsumedCapacity, [{ TableName, CapacityUnits: 2, ReadCapacityUnits: 2 }], 'answered as a repeat');
    t.deepEqual((await ddb.send(new GetItemCommand({ TableName, Key: { pk: { S: 'c' } } }))).Item!.n, { N: '1' }, 'not applied twice');
    const other = await rawCall(server.endpoint, 'TransactWriteItems', { TransactItems: [bump('5')], ClientRequestToken: 'tok-1' });
    t.is(other.status, 400);
    t.deepEqual(other.body, {
      __type: 'com.amazonaws.dynamodb.v20120810#IdempotentParameterMismatchException',
      // Native AWS: radkawar/stackd testdata/aws/dynamodb/data.json seq 64 (2026-09).
      Message: 'Specified idempotent token was used with different request parameters within the idempotency window',
    });
    const sdk = await ddbErrorOf(ddb.send(new TransactWriteItemsCommand({ TransactItems: [bump('5')], ClientRequestToken: 'tok-1' })));
    t.is(sdk.name, 'IdempotentParameterMismatchException');
    await ddb.send(new TransactWriteItemsCommand({ TransactItems: [bump('5')], ClientRequestToken: 'tok-2' }));
    t.deepEqual((await ddb.send(new GetItemCommand({ TableName, Key: { pk: { S: 'c' } } }))).Item!.n, { N: '6' }, 'another token is another request');
    t.is(await server.stop(), 0);
  } finally {
    await server?.kill9().catch(() => undefined);
    await tmp.remove();
  }
});

test('10 minutes after it completed, a token names a new request, also across a restart', async (t) => {
  const tmp = await tempDir();
  let now = Date.UTC(2026, 0, 1);
  const start = () => startBoltstack({ ephemeral: false, dataDir: tmp.dir, clock: () => now });
  let server = await start();
  try {
    let ddb = ddbClient(server.endpoint, { maxAttempts: 1 });
    await ddb.send(createTable);
    await ddb.send(new TransactWriteItemsCommand({ TransactItems: [bump('1')], ClientRequestToken: 'tok' }));
    await server.stop();
    now += 9 * 60 * 1000;
    server = await start();
    ddb = ddbClient(server.endpoint, { maxAttempts: 1 });
    await ddb.send(new TransactWriteItemsCommand({ TransactItems: [bump('1')], ClientRequestToken: 'tok' }));
    t.deepEqual((await ddb.send(new GetItemCommand({ TableName, Key: { pk: { S: 'c' } } }))).Item!.n, { N: '1' }, '9 minutes on: a no-op');
    now += 60 * 1000 + 1;
    await ddb.send(new TransactWriteItemsCommand({ TransactItems: [bump('2')], ClientRequestToken: 'tok' }));
    t.deepEqual((await ddb.send(new GetItemCommand({ TableName, Key: { pk: { S: 'c' } } }))).Item!.n, { N: '3' }, 'past 10 minutes: a new request, even with other parameters');
  } finally {
    await server.stop();
    await tmp.remove();
  }
});
