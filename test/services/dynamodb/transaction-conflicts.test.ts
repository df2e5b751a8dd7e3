/**
 * Transaction conflicts as AWS reports them
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/transaction-apis.html#transaction-conflict-handling):
 * while a TransactWriteItems is ongoing, a PutItem / UpdateItem / DeleteItem of one of its items
 * fails with TransactionConflictException, another TransactWriteItems or a TransactGetItems
 * touching one is cancelled with a TransactionConflict reason at that item, and GetItem succeeds.
 *
 * Making a transaction be in flight: a 100-item TransactWriteItems is written to its socket
 * first, and the competing requests are sent once its last byte is on the wire, so the server
 * claims the transaction's items before it reads them; the transaction then stays ongoing until
 * its batch is durable. Whether a competitor arrives inside that window is up to the scheduler,
 * so each test repeats the race until every outcome it checks has been seen (a few rounds at
 * most; every round's outcomes must each be one AWS could give).
 */
import { request } from 'node:http';
import test from 'ava';
import { CreateTableCommand, GetItemCommand, TransactionConflictException, UpdateItemCommand, DeleteItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { startBoltstack } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';
import { ddbClient, rawCall, uniqueTable } from './helpers.js';

const ROUNDS = 40;
let server: Boltstack;
let ddb: DynamoDBClient;
test.before(async () => { server = await startBoltstack(); ddb = ddbClient(server.endpoint, { maxAttempts: 1 }); });
test.after.always(async () => { ddb?.destroy(); await server?.stop(); });

async function table(): Promise<string> {
  const TableName = uniqueTable('conflict');
  await ddb.send(new CreateTableCommand({
    TableName, BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
  }));
  return TableName;
}

interface Answer { status: number; body: Record<string, unknown> }

/** A raw JSON call whose `sent` resolves once the whole request is on the wire. */
function send(endpoint: string, operation: string, body: unknown): { sent: Promise<void>; answer: Promise<Answer> } {
  let sent!: () => void;
  const onWire = new Promise<void>((resolve) => { sent = resolve; });
  const answer = new Promise<Answer>((resolve, reject) => {
    const req = request(`${endpoint}/`, { method: 'POST', headers: { 'x-amz-target': `DynamoDB_20120810.${operation}`, 'content-type': 'application/x-amz-json-1.0' } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => { text += d; });
      res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text) as Record<string, unknown> }));
    });
    req.on('error', reject);
    req.on('finish', sent);
    req.end(JSON.stringify(body));
  });
  return { sent: onWire, answer };
}

/** A 100-item transaction that puts round `round`'s value on `x` and 99 other items. */
function bigTransaction(TableName: string, x: string, round: number): unknown {
  const pad = 'p'.repeat(400);
  return {
    TransactItems: [
      ...Array.from({ length: 99 }, (_, i) => ({ Put: { TableName, Item: { pk: { S: `other${i}` }, round: { N: String(round) }, pad: { S: pad } } } })),
      { Put: { TableName, Item: { pk: { S: x }, round: { N: String(round) } } } },
    ],
  };
}

const CONFLICT_BODY = { __type: 'com.amazonaws.dynamodb.v20120810#TransactionConflictException', message: 'Transaction is ongoing for the item' };

test('a PutItem, UpdateItem or DeleteItem of an item an ongoing transaction holds: TransactionConflictException; GetItem succeeds', async (t) => {
  const TableName = await table();
  const seen = new Set<string>();
  let round = 1;
  for (; round <= ROUNDS && seen.size < 3; round++) {
    const tx = send(server.endpoint, 'TransactWriteItems', bigTransaction(TableName, 'x', round));
    await tx.sent;
    const put = rawCall(server.endpoint, 'PutItem', { TableName, Item: { pk: { S: 'x' }, writer: { S: 'put' } } });
    const update = ddb.send(new UpdateItemCommand({ TableName, Key: { pk: { S: 'x' } }, UpdateExpression: 'SET writer = :u', ExpressionAttributeValues: { ':u': { S: 'update' } } }));
    const del = ddb.send(new DeleteItemCommand({ TableName, Key: { pk: { S: 'x' } } }));
    const get = ddb.send(new GetItemCommand({ TableName, Key: { pk: { S: 'x' } } }));
    t.is((await tx.answer).status, 200, 'the transaction itself goes through');
    let refused = 0;
    const p = await put;
    if (p.status !== 200) {
      t.is(p.status, 400);
      t.deepEqual(p.body, CONFLICT_BODY);
      seen.add('put');
      refused++;
    }
    for (const [name, call] of [['update', update], ['delete', del]] as const) {
      await call.then(() => undefined, (err: unknown) => {
        t.true(err instanceof TransactionConflictException, String(err));
        t.is((err as Error).message, 'Transaction is ongoing for the item');
        t.is((err as TransactionConflictException).$metadata.httpStatusCode, 400);
        seen.add(name);
        refused++;
      });
    }
    await t.notThrowsAsync(get, 'a GetItem is never refused');
    if (refused === 3) {
      const x = await ddb.send(new GetItemCommand({ TableName, Key: { pk: { S: 'x' } } }));
      t.deepEqual(x.Item, { pk: { S: 'x' }, round: { N: String(round) } }, 'refused writes left nothing behind');
    }
  }
  t.log(`all three refused by round ${round - 1}`);
  t.deepEqual([...seen].sort(), ['delete', 'put', 'update']);
});

test('a TransactWriteItems touching an item another ongoing one holds is cancelled: [None, TransactionConflict]', async (t) => {
  const TableName = await table();
  let conflicted = false;
  for (let round = 1; round <= ROUNDS && !conflicted; round++) {
    const tx = send(server.endpoint, 'TransactWriteItems', bigTransaction(TableName, 'x', round));
    await tx.sent;
    const second = rawCall(server.endpoint, 'TransactWriteItems', {
      TransactItems: [
        { Put: { TableName, Item: { pk: { S: `fresh${round}` } } } },
        { Update: { TableName, Key: { pk: { S: 'x' } }, UpdateExpression: 'SET writer = :b', ExpressionAttributeValues: { ':b': { S: 'second' } } } },
      ],
    });
    t.is((await tx.answer).status, 200);
    const s = await second;
    if (s.status === 200) continue;
    conflicted = true;
    t.log(`conflict in round ${round}`);
    t.is(s.status, 400);
    t.deepEqual(s.body, {
      __type: 'com.amazonaws.dynamodb.v20120810#TransactionCanceledException',
      CancellationReasons: [{ Code: 'None' }, { Code: 'TransactionConflict', Message: 'Transaction is ongoing for the item' }],
      Message: 'Transaction cancelled, please refer cancellation reasons for specific reasons [None, TransactionConflict]',
    });
    const fresh = await ddb.send(new GetItemCommand({ TableName, Key: { pk: { S: `fresh${round}` } } }));
    t.is(fresh.Item, undefined, 'nothing of the cancelled transaction was written');
    const x = await ddb.send(new GetItemCommand({ TableName, Key: { pk: { S: 'x' } } }));
    t.deepEqual(x.Item, { pk: { S: 'x' }, round: { N: String(round) } });
  }
  t.true(conflicted, `a transaction met another within ${ROUNDS} rounds`);
});

test('a TransactGetItems touching an item an ongoing transaction writes is cancelled: [None, TransactionConflict]', async (t) => {
  const TableName = await table();
  let conflicted = false;
  for (let round = 1; round <= ROUNDS && !conflicted; round++) {
    const tx = send(server.endpoint, 'TransactWriteItems', bigTransaction(TableName, 'x', round));
    await tx.sent;
    const read = rawCall(server.endpoint, 'TransactGetItems', { TransactItems: [{ Get: { TableName, Key: { pk: { S: 'elsewhere' } } } }, { Get: { TableName, Key: { pk: { S: 'x' } } } }] });
    t.is((await tx.answer).status, 200);
    const r = await read;
    if (r.status === 200) continue;
    conflicted = true;
    t.log(`conflict in round ${round}`);
    t.deepEqual(r, {
      status: 400,
      body: {
        __type: 'com.amazonaws.dynamodb.v20120810#TransactionCanceledException',
        CancellationReasons: [{ Code: 'None' }, { Code: 'TransactionConflict', Message: 'Transaction is ongoing for the item' }],
        Message: 'Transaction cancelled, please refer cancellation reasons for specific reasons [None, TransactionConflict]',
      },
    });
  }
  t.true(conflicted, `a read met the transaction within ${ROUNDS} rounds`);
});

test('writes that are not transactions never refuse each other, and a transaction waits for them', async (t) => {
  const TableName = await table();
  const updates = Array.from({ length: 30 }, () => ddb.send(new UpdateItemCommand({ TableName, Key: { pk: { S: 'n' } }, UpdateExpression: 'ADD n :one', ExpressionAttributeValues: { ':one': { N: '1' } } })));
  // A transaction arriving among them waits for the ones already under way (it is not refused
  // by them, and they are not refused by it unless they arrive after it has claimed the item).
  const tx = rawCall(server.endpoint, 'TransactWriteItems', { TransactItems: [{ Update: { TableName, Key: { pk: { S: 'n' } }, UpdateExpression: 'ADD n :hundred', ExpressionAttributeValues: { ':hundred': { N: '100' } } } }] });
  const settled = await Promise.allSettled(updates);
  t.is((await tx).status, 200);
  const refused = settled.filter((s) => s.status === 'rejected');
  for (const r of refused) t.true((r as PromiseRejectedResult).reason instanceof TransactionConflictException);
  const n = (await ddb.send(new GetItemCommand({ TableName, Key: { pk: { S: 'n' } } }))).Item!.n!.N;
  t.is(Number(n), 100 + settled.length - refused.length, 'every write that was answered OK applied once');
});
