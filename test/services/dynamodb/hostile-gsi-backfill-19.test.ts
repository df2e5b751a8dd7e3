/**
 * Hostile input to the GSI backfill (gsi-backfill.ts, gsi-backfills.ts, backfill-progress.ts,
 * index-change-answer.ts): items whose index key is of another type, missing, empty, a set or a
 * document, or longer than a key may be; the same index created and deleted again and again
 * while its backfill runs, with DeleteTable tried in between; two indexes created one after the
 * other; writes of wrong-typed keys while they fill. No answer is a 5xx, no call hangs, and
 * each index ends ACTIVE holding exactly the items eligible for it, its ItemCount saying so.
 *
 * Found by the fuzz19 helper: the backfill indexed an item whose key attribute was an empty
 * string or binary (written before the index existed), which no write can give an index and
 * DynamoDB leaves out: "If a String or Binary attribute value is set for an attribute that is
 * used as an index key, then the attribute value must have a length greater than zero; otherwise,
 * the item from the table would violate the index key", and a violating item "remain[s] in the
 * table, but the index doesn't have a corresponding entry"; so too a partition key over 2048
 * bytes or a sort key over 1024 (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.OnlineOps.ViolationDetection.html).
 * And an UpdateTable whose AttributeDefinitions gave an attribute the table already keys another
 * type changed it (DescribeTable said the table key was N, a new index on an S-keyed attribute
 * was keyed N); AWS keeps the existing type and ignores the conflicting one
 * (paritysuite/dynamodb-conformance#78, characterised on AWS eu-west-2, 2026-07-02).
 */
import test from 'ava';
import {
  type AttributeValue, BatchWriteItemCommand, DeleteTableCommand, DescribeTableCommand, type DynamoDBClient, PutItemCommand, UpdateTableCommand,
} from '@aws-sdk/client-dynamodb';
import type { Boltstack } from '../../../src/index.js';
import { startBoltstack } from '../../helpers/server.js';
import { scanAll, waitActive } from './gsi-backfill-helpers.js';
import { createKeyedTable, ddbClient, uniqueTable } from './helpers.js';

let server: Boltstack;
let ddb: DynamoDBClient;
test.before(async () => { server = await startBoltstack(); ddb = ddbClient(server.endpoint); });
test.after.always(async () => { await server?.stop(); });

type Item = Record<string, AttributeValue>;
const outcome = (p: Promise<unknown>): Promise<string> => p.then(() => 'ok', (e: Error & { $metadata?: { httpStatusCode?: number } }) => {
  if ((e.$metadata?.httpStatusCode ?? 500) >= 500) throw e;
  return e.name;
});
const createIndex = (TableName: string, IndexName: string, keys: Array<[string, 'S' | 'N' | 'B', 'HASH' | 'RANGE']>): Promise<unknown> =>
  ddb.send(new UpdateTableCommand({
    TableName, AttributeDefinitions: keys.map(([AttributeName, AttributeType]) => ({ AttributeName, AttributeType })),
    GlobalSecondaryIndexUpdates: [{ Create: { IndexName, KeySchema: keys.map(([AttributeName, , KeyType]) => ({ AttributeName, KeyType })), Projection: { ProjectionType: 'KEYS_ONLY' } } }],
  }));
const deleteIndex = (TableName: string, IndexName: string): Promise<unknown> =>
  ddb.send(new UpdateTableCommand({ TableName, GlobalSecondaryIndexUpdates: [{ Delete: { IndexName } }] }));
const indexed = async (TableName: string, IndexName: string): Promise<string[]> =>
  (await scanAll(ddb, { TableName, IndexName })).map((i) => i.pk!.S!).sort();

/** The values an index key attribute may hold in a table, written before the index exists: [label, value]. */
const VALUES: Array<[string, AttributeValue | undefined]> = [
  ['missing', undefined], ['S', { S: 'v' }], ['S empty', { S: '' }], ['S 2048 bytes', { S: 'é'.repeat(1024) }], ['S 2049 bytes', { S: `${'é'.repeat(1024)}x` }],
  ['S 1025 bytes', { S: 'x'.repeat(1025) }], ['N', { N: '1' }], ['N negative', { N: '-1e-130' }], ['B', { B: Buffer.from('x') }], ['B empty', { B: new Uint8Array(0) }],
  ['B 2049 bytes', { B: Buffer.alloc(2049, 1) }], ['SS', { SS: ['a'] }], ['L', { L: [] }], ['M', { M: {} }], ['BOOL', { BOOL: true }], ['NULL', { NULL: true }],
];

test('the backfill leaves out items of another type, empty values and over-long keys, as a write would', async (t) => {
  const TableName = uniqueTable('hostile-fill');
  await createKeyedTable(ddb, TableName, [['pk', 'S']]);
  const items: Item[] = VALUES.map(([label, g]) => ({ pk: { S: label }, ...(g && { g, r: g }), s: { S: 'sort' } }));
  for (let i = 0; i < items.length; i += 25) await ddb.send(new BatchWriteItemCommand({ RequestItems: { [TableName]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) } }));
  // [index, key schema, the items it must hold]
  const rows: Array<[string, Array<[string, 'S' | 'N' | 'B', 'HASH' | 'RANGE']>, string[]]> = [
    ['by-s', [['g', 'S', 'HASH']], ['S', 'S 1025 bytes', 'S 2048 bytes']],
    ['by-n', [['g', 'N', 'HASH']], ['N', 'N negative']],
    ['by-b', [['g', 'B', 'HASH']], ['B']],
    // g is the sort key here: at most 1024 bytes.
    ['by-s-sorted', [['s', 'S', 'HASH'], ['r', 'S', 'RANGE']], ['S']],
  ];
  for (const [IndexName, keys, expected] of rows) {
    await createIndex(TableName, IndexName, keys);
    const state = await waitActive(ddb, TableName, IndexName);
    t.deepEqual(await indexed(TableName, IndexName), [...expected].sort(), IndexName);
    t.is(state.count, expected.length, `${IndexName} ItemCount`);
    await deleteIndex(TableName, IndexName);
  }
  t.is((await fetch(`${server.endpoint}/_boltstack/health`)).status, 200);
});

test('an index created and deleted eight times during its backfill, DeleteTable between, then two indexes one after the other', async (t) => {
  t.timeout(30_000);
  const TableName = uniqueTable('hostile-churn');
  await createKeyedTable(ddb, TableName, [['pk', 'S']]);
  const itemOf = (i: number): Item => ({ pk: { S: `p${String(i).padStart(5, '0')}` }, ...(i % 4 === 0 ? {} : i % 4 === 1 ? { g: { N: String(i) } } : i % 4 === 2 ? { g: { S: '' } } : { g: { S: `g${i % 7}` } }) });
  for (let b = 0; b < 80; b++) {
    await ddb.send(new BatchWriteItemCommand({ RequestItems: { [TableName]: Array.from({ length: 25 }, (_, i) => ({ PutRequest: { Item: itemOf(b * 25 + i) } })) } }));
  }
  const answers: string[] = [];
  for (let round = 0; round < 8; round++) {
    answers.push(await outcome(createIndex(TableName, 'churn', [['g', 'S', 'HASH']])));
    answers.push(await outcome(ddb.send(new DeleteTableCommand({ TableName }))));
    if (round % 2 === 1) await new Promise((r) => setTimeout(r, 5));
    answers.push(await outcome(deleteIndex(TableName, 'churn')));
  }
  t.deepEqual(answers, Array.from({ length: 8 }, () => ['ok', 'ResourceInUseException', 'ok']).flat());
  await createIndex(TableName, 'first', [['g', 'S', 'HASH']]);
  const second = await outcome(createIndex(TableName, 'second', [['g', 'S', 'HASH']]));
  // Writes during the fill: a wrong type or an empty value is refused, a string is indexed.
  const writes = await Promise.all(Array.from({ length: 30 }, (_, i) => outcome(ddb.send(new PutItemCommand({ TableName, Item: itemOf(5000 + i) })))));
  t.deepEqual([...new Set(writes)].sort(), ['ValidationException', 'ok']);
  const names = second === 'ok' ? ['first', 'second'] : ['first'];
  const expected = [...Array.from({ length: 2000 }, (_, i) => i), ...Array.from({ length: 30 }, (_, i) => 5000 + i)]
    .filter((i) => i % 4 === 3).map((i) => itemOf(i).pk!.S!).sort();
  for (const IndexName of names) {
    const state = await waitActive(ddb, TableName, IndexName, 20_000);
    t.deepEqual(await indexed(TableName, IndexName), expected, IndexName);
    t.is(state.count, expected.length, `${IndexName} ItemCount`);
  }
  t.is(await outcome(ddb.send(new DeleteTableCommand({ TableName }))), 'ok');
  t.is((await fetch(`${server.endpoint}/_boltstack/health`)).status, 200);
});

test('AttributeDefinitions that give a keyed attribute another type are ignored for it: the existing type stays [paritysuite/dynamodb-conformance#78, AWS eu-west-2 2026-07-02]', async (t) => {
  const TableName = uniqueTable('hostile-types');
  await createKeyedTable(ddb, TableName, [['pk', 'S']]);
  await ddb.send(new PutItemCommand({ TableName, Item: { pk: { S: 'a' }, g: { S: 'x' } } }));
  // The table key redeclared N beside a new index's key.
  await ddb.send(new UpdateTableCommand({
    TableName, AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'N' }, { AttributeName: 'g', AttributeType: 'S' }],
    GlobalSecondaryIndexUpdates: [{ Create: { IndexName: 'by-g', KeySchema: [{ AttributeName: 'g', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } } }],
  }));
  await waitActive(ddb, TableName, 'by-g');
  // A second index on g, g redeclared N: keyed S as the first.
  await createIndex(TableName, 'by-g-again', [['g', 'N', 'HASH']]);
  await waitActive(ddb, TableName, 'by-g-again');
  const described = (await ddb.send(new DescribeTableCommand({ TableName }))).Table!;
  t.deepEqual(described.AttributeDefinitions?.map((d) => `${d.AttributeName}:${d.AttributeType}`).sort(), ['g:S', 'pk:S']);
  t.is(await outcome(ddb.send(new PutItemCommand({ TableName, Item: { pk: { S: 'b' }, g: { S: 'y' } } }))), 'ok', 'a string key and index key still written');
  t.deepEqual(await indexed(TableName, 'by-g-again'), ['a', 'b']);
});
