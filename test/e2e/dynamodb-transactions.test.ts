/**
 * TransactWriteItems and TransactGetItems through @aws-sdk/client-dynamodb with default
 * settings: all-or-nothing, CancellationReasons in request order, the same item twice refused,
 * ClientRequestToken idempotency.
 */
import test from 'ava';
import {
  CreateTableCommand, GetItemCommand, PutItemCommand, TransactGetItemsCommand, TransactWriteItemsCommand,
  TransactionCanceledException, type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { startBoltstack } from '../helpers/server.js';
import { ddbClient, ddbErrorOf, rawCall, uniqueTable } from '../services/dynamodb/helpers.js';
import type { Boltstack } from '../../src/index.js';

let server: Boltstack;
let ddb: DynamoDBClient;
let endpoint: string;
test.before(async () => {
  server = await startBoltstack();
  endpoint = `http://127.0.0.1:${server.port}`;
  ddb = ddbClient(endpoint);
});
test.after.always(async () => { ddb?.destroy(); await server?.stop(); });

async function table(): Promise<string> {
  const TableName = uniqueTable('tx');
  await ddb.send(new CreateTableCommand({
    TableName, BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'g', AttributeType: 'S' }],
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
    GlobalSecondaryIndexes: [{ IndexName: 'byG', KeySchema: [{ AttributeName: 'g', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } }],
  }));
  return TableName;
}

test('all four actions apply together; TransactGetItems reads them in request order', async (t) => {
  const TableName = await table();
  await ddb.send(new PutItemCommand({ TableName, Item: { pk: { S: 'upd' }, n: { N: '1' } } }));
  await ddb.send(new PutItemCommand({ TableName, Item: { pk: { S: 'del' } } }));
  await ddb.send(new PutItemCommand({ TableName, Item: { pk: { S: 'chk' }, ok: { BOOL: true } } }));
  await ddb.send(new TransactWriteItemsCommand({
    TransactItems: [
      { Put: { TableName, Item: { pk: { S: 'new' }, g: { S: 'x' } }, ConditionExpression: 'attribute_not_exists(pk)' } },
      { Update: { TableName, Key: { pk: { S: 'upd' } }, UpdateExpression: 'SET n = n + :one', ExpressionAttributeValues: { ':one': { N: '1' } } } },
      { Delete: { TableName, Key: { pk: { S: 'del' } } } },
      { ConditionCheck: { TableName, Key: { pk: { S: 'chk' } }, ConditionExpression: 'ok = :t', ExpressionAttributeValues: { ':t': { BOOL: true } } } },
    ],
  }));
  const got = await ddb.send(new TransactGetItemsCommand({
    TransactItems: [
      { Get: { TableName, Key: { pk: { S: 'upd' } } } },
      { Get: { TableName, Key: { pk: { S: 'del' } } } },
      { Get: { TableName, Key: { pk: { S: 'new' } }, ProjectionExpression: 'g' } },
    ],
  }));
  t.deepEqual(got.Responses, [{ Item: { pk: { S: 'upd' }, n: { N: '2' } } }, {}, { Item: { g: { S: 'x' } } }]);
});

test('one failed condition cancels every action; reasons come in request order', async (t) => {
  const TableName = await table();
  await ddb.send(new PutItemCommand({ TableName, Item: { pk: { S: 'a' }, v: { N: '1' } } }));
  const err = await ddbErrorOf(ddb.send(new TransactWriteItemsCommand({
    TransactItems: [
      { Put: { TableName, Item: { pk: { S: 'b' } } } },
      { Update: { TableName, Key: { pk: { S: 'a' } }, UpdateExpression: 'SET v = :two', ConditionExpression: 'v = :zero', ExpressionAttributeValues: { ':two': { N: '2' }, ':zero': { N: '0' } }, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' } },
    ],
  })));
  t.true(err instanceof TransactionCanceledException);
  t.is(err.message, 'Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed]');
  t.deepEqual((err as TransactionCanceledException).CancellationReasons, [
    { Code: 'None' },
    { Code: 'ConditionalCheckFailed', Message: 'The conditional request failed', Item: { pk: { S: 'a' }, v: { N: '1' } } },
  ]);
  t.is((await ddb.send(new GetItemCommand({ TableName, Key: { pk: { S: 'b' } } }))).Item, undefined);
  t.deepEqual((await ddb.send(new GetItemCommand({ TableName, Key: { pk: { S: 'a' } } }))).Item, { pk: { S: 'a' }, v: { N: '1' } });
});

test('the wire body of a cancellation is DynamoDB\'s', async (t) => {
  const TableName = await table();
  const res = await rawCall(endpoint, 'TransactWriteItems', {
    TransactItems: [{ ConditionCheck: { TableName, Key: { pk: { S: 'missing' } }, ConditionExpression: 'attribute_exists(pk)' } }],
  });
  t.is(res.status, 400);
  t.deepEqual(res.body, {
    __type: 'com.amazonaws.dynamodb.v20120810#TransactionCanceledException',
    CancellationReasons: [{ Code: 'ConditionalCheckFailed', Message: 'The conditional request failed' }],
    Message: 'Transaction cancelled, please refer cancellation reasons for specific reasons [ConditionalCheckFailed]',
  });
});

test('two actions on one item, an empty list and an action with two operations are refused', async (t) => {
  const TableName = await table();
  const twice = await ddbErrorOf(ddb.send(new TransactWriteItemsCommand({
    TransactItems: [{ Put: { TableName, Item: { pk: { S: 'x' } } } }, { Delete: { TableName, Key: { pk: { S: 'x' } } } }],
  })));
  t.is(twice.name, 'ValidationException');
  t.is(twice.message, 'Transaction request cannot include multiple operations on one item');
  const empty = await ddbErrorOf(ddb.send(new TransactWriteItemsCommand({ TransactItems: [] })));
  t.is(empty.message, "1 validation error detected: Value '[]' at 'transactItems' failed to satisfy constraint: Member must have length greater than or equal to 1");
  const both = await ddbErrorOf(ddb.send(new TransactWriteItemsCommand({
    TransactItems: [{ Put: { TableName, Item: { pk: { S: 'x' } } }, Delete: { TableName, Key: { pk: { S: 'y' } } } }],
  })));
  t.is(both.message, 'TransactItems can only contain one of Check, Put, Update or Delete');
  const tooMany = await ddbErrorOf(ddb.send(new TransactWriteItemsCommand({
    TransactItems: Array.from({ length: 101 }, (_, i) => ({ Put: { TableName, Item: { pk: { S: `k${i}` } } } })),
  })));
  t.is(tooMany.name, 'ValidationException');
  t.regex(tooMany.message, /Member must have length less than or equal to 100/);
});

test('a ClientRequestToken makes a retry a no-op; other parameters with it are refused', async (t) => {
  const TableName = await table();
  await ddb.send(new PutItemCommand({ TableName, Item: { pk: { S: 'c' }, n: { N: '0' } } }));
  const bump = { Update: { TableName, Key: { pk: { S: 'c' } }, UpdateExpression: 'ADD n :one', ExpressionAttributeValues: { ':one': { N: '1' } } } };
  const token = `tok-${Date.now()}`;
  await ddb.send(new TransactWriteItemsCommand({ TransactItems: [bump], ClientRequestToken: token }));
  await ddb.send(new TransactWriteItemsCommand({ TransactItems: [bump], ClientRequestToken: token }));
  t.deepEqual((await ddb.send(new GetItemCommand({ TableName, Key: { pk: { S: 'c' } } }))).Item!.n, { N: '1' });
  const other = await ddbErrorOf(ddb.send(new TransactWriteItemsCommand({ TransactItems: [{ ...bump, Update: { ...bump.Update, ExpressionAttributeValues: { ':one': { N: '5' } } } }], ClientRequestToken: token })));
  t.is(other.name, 'IdempotentParameterMismatchException');
});

test('concurrent transactions moving units between items never lose or create one', async (t) => {
  const TableName = await table();
  for (let i = 0; i < 4; i++) await ddb.send(new PutItemCommand({ TableName, Item: { pk: { S: `acct${i}` }, bal: { N: '100' } } }));
  const move = (from: number, to: number) => ddb.send(new TransactWriteItemsCommand({
    TransactItems: [
      { Update: { TableName, Key: { pk: { S: `acct${from}` } }, UpdateExpression: 'SET bal = bal - :one', ConditionExpression: 'bal >= :one', ExpressionAttributeValues: { ':one': { N: '1' } } } },
      { Update: { TableName, Key: { pk: { S: `acct${to}` } }, UpdateExpression: 'SET bal = bal + :one', ExpressionAttributeValues: { ':one': { N: '1' } } } },
    ],
  }));
  const moves = Array.from({ length: 60 }, (_, i): [number, number] => [i % 4, (i * 3 + 1) % 4 === i % 4 ? (i + 1) % 4 : (i * 3 + 1) % 4]);
  // As in AWS, a transaction meeting another ongoing one on an item is cancelled
  // (TransactionConflict there, None elsewhere) rather than queued; the rest all apply.
  const settled = await Promise.allSettled(moves.map(([from, to]) => move(from, to)));
  const expected = [100, 100, 100, 100];
  settled.forEach((r, i) => {
    if (r.status === 'fulfilled') {
      expected[moves[i]![0]]!--;
      expected[moves[i]![1]]!++;
      return;
    }
    t.true(r.reason instanceof TransactionCanceledException, String(r.reason));
    const codes = (r.reason as TransactionCanceledException).CancellationReasons!.map((c) => c.Code);
    t.true(codes.includes('TransactionConflict') && codes.every((c) => c === 'None' || c === 'TransactionConflict'), codes.join());
  });
  t.true(settled.some((r) => r.status === 'fulfilled'));
  const got = await ddb.send(new TransactGetItemsCommand({ TransactItems: [0, 1, 2, 3].map((i) => ({ Get: { TableName, Key: { pk: { S: `acct${i}` } } } })) }));
  t.deepEqual(got.Responses!.map((r) => Number(r.Item!.bal!.N)), expected, 'exactly the transactions that succeeded moved a unit');
});
