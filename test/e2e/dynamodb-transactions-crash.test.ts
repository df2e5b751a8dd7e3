/**
 * A transaction is all-or-nothing across kill -9: transactions that each add a marker item,
 * move a unit between two accounts and count themselves run until the server is SIGKILLed; after
 * the restart every acknowledged transaction is there, the accounts still add up, and the counter
 * equals the markers present (so no transaction was applied in part).
 */
import test from 'ava';
import { type AttributeValue, CreateTableCommand, GetItemCommand, PutItemCommand, ScanCommand, TransactWriteItemsCommand } from '@aws-sdk/client-dynamodb';
import { startChild, tempDir } from '../helpers/server.js';
import { ddbClient } from '../services/dynamodb/helpers.js';

const ACCOUNTS = 5;

async function scanAll(ddb: ReturnType<typeof ddbClient>, input: ConstructorParameters<typeof ScanCommand>[0]): Promise<Array<Record<string, AttributeValue>>> {
  const out: Array<Record<string, AttributeValue>> = [];
  let ExclusiveStartKey: Record<string, never> | undefined;
  do {
    const page = await ddb.send(new ScanCommand({ ...input, ...(ExclusiveStartKey && { ExclusiveStartKey }) }));
    out.push(...page.Items!);
    ExclusiveStartKey = page.LastEvaluatedKey as Record<string, never> | undefined;
  } while (ExclusiveStartKey);
  return out;
}

test('transactions survive kill -9 whole or not at all', async (t) => {
  const tmp = await tempDir();
  let server: Awaited<ReturnType<typeof startChild>> | undefined;
  try {
    server = await startChild(['--port', '0', '--data-dir', tmp.dir, '--log-level', 'error']);
    let ddb = ddbClient(server.endpoint, { maxAttempts: 1 });
    const TableName = 'ledger';
    await ddb.send(new CreateTableCommand({
      TableName, BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'kind', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      GlobalSecondaryIndexes: [{ IndexName: 'byKind', KeySchema: [{ AttributeName: 'kind', KeyType: 'HASH' }], Projection: { ProjectionType: 'KEYS_ONLY' } }],
    }));
    for (let i = 0; i < ACCOUNTS; i++) await ddb.send(new PutItemCommand({ TableName, Item: { pk: { S: `acct${i}` }, bal: { N: '1000' } } }));
    await ddb.send(new PutItemCommand({ TableName, Item: { pk: { S: 'counter' }, n: { N: '0' } } }));
    const acked = new Set<number>();
    let next = 0;
    let killed = false;
    const one = (i: number) => ddb.send(new TransactWriteItemsCommand({
      TransactItems: [
        { Put: { TableName, Item: { pk: { S: `tx${i}` }, kind: { S: 'marker' }, pad: { S: 'x'.repeat(2000) } } } },
        { Update: { TableName, Key: { pk: { S: `acct${i % ACCOUNTS}` } }, UpdateExpression: 'SET bal = bal - :one', ExpressionAttributeValues: { ':one': { N: '1' } } } },
        { Update: { TableName, Key: { pk: { S: `acct${(i + 1) % ACCOUNTS}` } }, UpdateExpression: 'SET bal = bal + :one', ExpressionAttributeValues: { ':one': { N: '1' } } } },
        { Update: { TableName, Key: { pk: { S: 'counter' } }, UpdateExpression: 'ADD n :one', ExpressionAttributeValues: { ':one': { N: '1' } } } },
      ],
    })).then(() => { acked.add(i); });
    // Four writers over a shared counter item: one transaction at a time holds it and the others
    // are cancelled with TransactionConflict (as in AWS) and go on with the next, so there is
    // nearly always one in flight, its batch on its way to disk, when the kill lands.
    const writer = async () => { while (!killed) await one(next++).catch(() => undefined); };
    const writers = Array.from({ length: 4 }, writer);
    await new Promise((r) => setTimeout(r, 400 + Math.random() * 800));
    killed = true;
    await server.kill9();
    await Promise.all(writers);
    t.true(acked.size > 0, 'some transactions were acknowledged before the kill');

    server = await startChild(['--port', '0', '--data-dir', tmp.dir, '--log-level', 'error']);
    ddb = ddbClient(server.endpoint);
    const items = await scanAll(ddb, { TableName });
    const markers = new Set(items.filter((i) => i.pk!.S!.startsWith('tx')).map((i) => Number(i.pk!.S!.slice(2))));
    t.log(`${acked.size} transactions acknowledged before the kill, ${markers.size} present after the restart`);
    for (const i of acked) t.true(markers.has(i), `acknowledged transaction ${i} is there`);
    const balances = items.filter((i) => i.pk!.S!.startsWith('acct')).reduce((sum, i) => sum + Number(i.bal!.N), 0);
    t.is(balances, ACCOUNTS * 1000, 'the accounts still add up');
    const counter = (await ddb.send(new GetItemCommand({ TableName, Key: { pk: { S: 'counter' } } }))).Item!;
    t.is(Number(counter.n!.N), markers.size, 'the counter counts exactly the markers present');
    const indexed = (await scanAll(ddb, { TableName, IndexName: 'byKind' })).length;
    t.is(indexed, markers.size, 'index entries went with their items');
    t.is(await server.stop(), 0);
  } finally {
    await server?.kill9().catch(() => undefined); // a failed assertion must not leave it running
    await tmp.remove();
  }
});
