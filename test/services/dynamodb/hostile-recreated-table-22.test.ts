/**
 * Stale handles and races across a table's deletion and re-creation (hostile input,
 * twenty-second pass; read-only probing: this file changes no DynamoDB code). A stream ARN and a
 * shard iterator, an ExclusiveStartKey and a TransactWriteItems ClientRequestToken that outlive
 * their table; DeleteTable racing writes and a Scan's pages. SDK v3 clients against the real
 * server. Every row passed as first run: no defect found here.
 *
 * Source for the stream rows: the DeleteTable API reference (API_DeleteTable.html: "If you have
 * DynamoDB Streams enabled on the table, then the corresponding stream on that table goes into
 * the DISABLED state, and the stream is automatically deleted after 24 hours"), and the
 * ack-api-quirks captures of 2026-10 cited in docs/dynamodb.md (a deleted table's streams still
 * listed as DISABLED). No capture shows AWS's answer to the other rows: they pin the invariant
 * only (no 5xx, a 4xx of DynamoDB's shape, nothing of the old table read from or written to the
 * new one), as each row's comment says.
 */
import test from 'ava';
import {
  BatchGetItemCommand, BatchWriteItemCommand, CreateTableCommand, DeleteTableCommand, type DynamoDBClient, GetItemCommand, PutItemCommand,
  QueryCommand, ScanCommand, TransactWriteItemsCommand,
} from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand, DynamoDBStreamsClient, GetRecordsCommand, GetShardIteratorCommand, ListStreamsCommand,
} from '@aws-sdk/client-dynamodb-streams';
import type { Boltstack } from '../../../src/index.js';
import { CREDENTIALS, startBoltstack } from '../../helpers/server.js';
import { ddbClient, uniqueTable } from './helpers.js';

let server: Boltstack;
let ddb: DynamoDBClient;
let streams: DynamoDBStreamsClient;
test.before(async () => {
  server = await startBoltstack();
  ddb = ddbClient(server.endpoint);
  streams = new DynamoDBStreamsClient({ endpoint: server.endpoint, region: 'us-east-1', credentials: CREDENTIALS });
});
test.after.always(async () => { await server?.stop(); });

const healthy = async (): Promise<number> => (await fetch(`${server.endpoint}/_boltstack/health`)).status;

/** 'ok', or the error's status and name: what a racing call answered. */
const outcome = (p: Promise<unknown>): Promise<string> => p.then(() => 'ok', (e: { name: string; $metadata?: { httpStatusCode?: number } }) => `${e.$metadata?.httpStatusCode} ${e.name}`);

/** An on-demand table keyed pk (hash) + sk (range), with a NEW_IMAGE stream; its stream ARN. */
async function createTable(TableName: string): Promise<string | undefined> {
  const { TableDescription } = await ddb.send(new CreateTableCommand({
    TableName, BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'sk', AttributeType: 'S' }],
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
    StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' },
  }));
  return TableDescription?.LatestStreamArn;
}

const put = (TableName: string, pk: string, sk: string): Promise<unknown> => ddb.send(new PutItemCommand({ TableName, Item: { pk: { S: pk }, sk: { S: sk } } }));

test('the stream of a deleted table outlives it as another stream than the re-created table\'s: DISABLED, and its iterator reads only the old table\'s records [API_DeleteTable.html; ack-api-quirks 2026-10]', async (t) => {
  const TableName = uniqueTable('h22-stream');
  const oldArn = (await createTable(TableName))!;
  for (const sk of ['a', 'b', 'c']) await put(TableName, 'old', sk);
  const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: oldArn }));
  const ShardId = StreamDescription!.Shards![0]!.ShardId!;
  const { ShardIterator } = await streams.send(new GetShardIteratorCommand({ StreamArn: oldArn, ShardId, ShardIteratorType: 'TRIM_HORIZON' }));
  await ddb.send(new DeleteTableCommand({ TableName }));
  const newArn = (await createTable(TableName))!;
  await put(TableName, 'new', 'a');
  t.not(newArn, oldArn);

  const old = (await streams.send(new DescribeStreamCommand({ StreamArn: oldArn }))).StreamDescription!;
  t.is(old.StreamStatus, 'DISABLED');
  t.is((await streams.send(new DescribeStreamCommand({ StreamArn: newArn }))).StreamDescription!.StreamStatus, 'ENABLED');
  const listed = (await streams.send(new ListStreamsCommand({ TableName }))).Streams!.map((s) => s.StreamArn);
  t.deepEqual([...listed].sort(), [oldArn, newArn].sort());

  // The iterator taken before the delete reads the old stream to its end, and nothing of the new table.
  const seen: string[] = [];
  let iterator: string | undefined = ShardIterator;
  for (let page = 0; iterator !== undefined && page < 10; page++) {
    const got = await streams.send(new GetRecordsCommand({ ShardIterator: iterator }));
    for (const record of got.Records ?? []) seen.push(`${record.dynamodb!.Keys!.pk!.S}/${record.dynamodb!.Keys!.sk!.S}`);
    iterator = got.NextShardIterator;
    if ((got.Records ?? []).length === 0 && iterator !== undefined) break;
  }
  t.deepEqual(seen, ['old/a', 'old/b', 'old/c']);
  // A new iterator on the old ARN reads the same old records.
  const again = await streams.send(new GetShardIteratorCommand({ StreamArn: oldArn, ShardId, ShardIteratorType: 'TRIM_HORIZON' }));
  const records = (await streams.send(new GetRecordsCommand({ ShardIterator: again.ShardIterator }))).Records ?? [];
  t.deepEqual(records.map((r) => r.dynamodb!.Keys!.pk!.S), ['old', 'old', 'old']);
});

test('an ExclusiveStartKey of the deleted table is only a position in the re-created one: Query and Scan answer its own items after it [invariant; no AWS capture]', async (t) => {
  const TableName = uniqueTable('h22-esk');
  await createTable(TableName);
  for (const sk of ['1', '2', '3', '4']) await put(TableName, 'p', sk);
  const first = await ddb.send(new QueryCommand({ TableName, KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': { S: 'p' } }, Limit: 2 }));
  const ExclusiveStartKey = first.LastEvaluatedKey!;
  t.deepEqual(ExclusiveStartKey, { pk: { S: 'p' }, sk: { S: '2' } });
  await ddb.send(new DeleteTableCommand({ TableName }));
  t.is((await outcome(ddb.send(new QueryCommand({ TableName, KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': { S: 'p' } }, ExclusiveStartKey })))), '400 ResourceNotFoundException');
  await createTable(TableName);
  for (const sk of ['0', '5']) await put(TableName, 'p', sk);
  const query = await ddb.send(new QueryCommand({ TableName, KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': { S: 'p' } }, ExclusiveStartKey }));
  t.deepEqual(query.Items!.map((i) => i.sk!.S), ['5']);
  const scan = await ddb.send(new ScanCommand({ TableName, ExclusiveStartKey }));
  t.deepEqual(scan.Items!.map((i) => i.sk!.S), ['5']);
});

test('a TransactWriteItems ClientRequestToken used before the table was re-created: no 5xx, and nothing of the old table appears in the new [invariant; no AWS capture]', async (t) => {
  const TableName = uniqueTable('h22-token');
  await createTable(TableName);
  const ClientRequestToken = `h22-${TableName}`;
  const items = (sk: string) => [{ Put: { TableName, Item: { pk: { S: 'tx' }, sk: { S: sk } } } }];
  await ddb.send(new TransactWriteItemsCommand({ ClientRequestToken, TransactItems: items('1') }));
  await put(TableName, 'old', 'kept?');
  await ddb.send(new DeleteTableCommand({ TableName }));
  await createTable(TableName);
  // The same request again, and the same token with another request.
  t.true(['ok', '400 IdempotentParameterMismatchException'].includes(await outcome(ddb.send(new TransactWriteItemsCommand({ ClientRequestToken, TransactItems: items('1') })))));
  t.true(['ok', '400 IdempotentParameterMismatchException'].includes(await outcome(ddb.send(new TransactWriteItemsCommand({ ClientRequestToken, TransactItems: items('2') })))));
  const left = (await ddb.send(new ScanCommand({ TableName }))).Items!.map((i) => `${i.pk!.S}/${i.sk!.S}`);
  t.false(left.includes('old/kept?'));
  t.true(left.every((k) => k === 'tx/1' || k === 'tx/2'), left.join());
  t.is(await healthy(), 200);
});

test('DeleteTable racing PutItem, BatchWriteItem and TransactWriteItems: no 5xx, and a table re-created with the name is empty [invariant; no AWS capture]', async (t) => {
  const allowed = ['ok', '400 ResourceNotFoundException', '400 ResourceInUseException', '400 TransactionCanceledException'];
  for (let round = 0; round < 12; round++) {
    const TableName = uniqueTable('h22-race');
    await createTable(TableName);
    const writes = [
      ...[0, 1].map((b) => outcome(ddb.send(new BatchWriteItemCommand({ RequestItems: { [TableName]: Array.from({ length: 25 }, (_, i) => ({ PutRequest: { Item: { pk: { S: `b${b}` }, sk: { S: String(i) } } } })) } })))),
      ...[0, 1].map((x) => outcome(ddb.send(new TransactWriteItemsCommand({ TransactItems: Array.from({ length: 10 }, (_, i) => ({ Put: { TableName, Item: { pk: { S: `t${x}` }, sk: { S: String(i) } } } })) })))),
      outcome(put(TableName, 'p', '0')),
    ];
    const deleted = await outcome(ddb.send(new DeleteTableCommand({ TableName })));
    t.is(deleted, 'ok');
    for (const answer of await Promise.all(writes)) t.true(allowed.includes(answer), answer);
    await createTable(TableName);
    t.is((await ddb.send(new ScanCommand({ TableName }))).Count, 0, `round ${round}: an item of the deleted table in the new one`);
  }
  t.is(await healthy(), 200);
});

test('a Scan\'s pages across DeleteTable and CreateTable: ResourceNotFoundException while it is gone, then only the new table\'s items [invariant; no AWS capture]', async (t) => {
  const TableName = uniqueTable('h22-scan');
  await createTable(TableName);
  await ddb.send(new BatchWriteItemCommand({ RequestItems: { [TableName]: Array.from({ length: 20 }, (_, i) => ({ PutRequest: { Item: { pk: { S: `old${i}` }, sk: { S: 's' } } } })) } }));
  const first = await ddb.send(new ScanCommand({ TableName, Limit: 5 }));
  // Scans in flight while the delete lands: each answers whole or not at all.
  const racing = [0, 1, 2].map(() => ddb.send(new ScanCommand({ TableName })).then((r) => `ok ${r.Count}`, (e: { name: string }) => e.name));
  await ddb.send(new DeleteTableCommand({ TableName }));
  for (const answer of await Promise.all(racing)) t.true(answer === 'ok 20' || answer === 'ResourceNotFoundException', answer);
  t.is(await outcome(ddb.send(new ScanCommand({ TableName, Limit: 5, ExclusiveStartKey: first.LastEvaluatedKey }))), '400 ResourceNotFoundException');
  await createTable(TableName);
  await put(TableName, 'new', 's');
  const next = await ddb.send(new ScanCommand({ TableName, ExclusiveStartKey: first.LastEvaluatedKey }));
  t.true((next.Items ?? []).every((i) => i.pk!.S === 'new'));
  // GetItem of an old key in the new table: nothing.
  t.is((await ddb.send(new GetItemCommand({ TableName, Key: { pk: { S: 'old0' }, sk: { S: 's' } } }))).Item, undefined);
});

test('keys of the deleted table used on one re-created with another key schema: ValidationException (table and index ExclusiveStartKey, BatchGetItem), never a 5xx [invariant; no AWS capture]', async (t) => {
  const TableName = uniqueTable('h22-schema');
  const index = (type: 'S' | 'N') => ({ AttributeDefinitions: [{ AttributeName: 'g', AttributeType: type }], GlobalSecondaryIndexes: [{ IndexName: 'by-g', KeySchema: [{ AttributeName: 'g', KeyType: 'HASH' as const }], Projection: { ProjectionType: 'ALL' as const } }] });
  await ddb.send(new CreateTableCommand({
    TableName, BillingMode: 'PAY_PER_REQUEST', ...index('S'),
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'sk', AttributeType: 'S' }, ...index('S').AttributeDefinitions],
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
  }));
  for (const sk of ['1', '2', '3']) await ddb.send(new PutItemCommand({ TableName, Item: { pk: { S: 'p' }, sk: { S: sk }, g: { S: 'g' } } }));
  const tableKey = (await ddb.send(new ScanCommand({ TableName, Limit: 1 }))).LastEvaluatedKey!;
  const indexKey = (await ddb.send(new QueryCommand({ TableName, IndexName: 'by-g', KeyConditionExpression: 'g = :g', ExpressionAttributeValues: { ':g': { S: 'g' } }, Limit: 1 }))).LastEvaluatedKey!;
  await ddb.send(new DeleteTableCommand({ TableName }));
  await ddb.send(new CreateTableCommand({
    TableName, BillingMode: 'PAY_PER_REQUEST', ...index('N'),
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'N' }, ...index('N').AttributeDefinitions],
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
  }));
  await ddb.send(new PutItemCommand({ TableName, Item: { pk: { N: '1' }, g: { N: '1' } } }));
  for (const call of [
    ddb.send(new ScanCommand({ TableName, ExclusiveStartKey: tableKey })),
    ddb.send(new QueryCommand({ TableName, KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': { N: '1' } }, ExclusiveStartKey: tableKey })),
    ddb.send(new QueryCommand({ TableName, IndexName: 'by-g', KeyConditionExpression: 'g = :g', ExpressionAttributeValues: { ':g': { N: '1' } }, ExclusiveStartKey: indexKey })),
    ddb.send(new ScanCommand({ TableName, IndexName: 'by-g', ExclusiveStartKey: indexKey })),
    ddb.send(new BatchGetItemCommand({ RequestItems: { [TableName]: { Keys: [tableKey] } } })),
  ]) t.is(await outcome(call), '400 ValidationException');
});

test('the old stream\'s shard, sequence numbers and iterators on the re-created table\'s stream: a 4xx, never its records; a LATEST iterator of the old stream ends [invariant; no AWS capture]', async (t) => {
  const TableName = uniqueTable('h22-shard');
  const oldArn = (await createTable(TableName))!;
  await put(TableName, 'old', 'a');
  const oldShard = (await streams.send(new DescribeStreamCommand({ StreamArn: oldArn }))).StreamDescription!.Shards![0]!;
  const { ShardIterator: latest } = await streams.send(new GetShardIteratorCommand({ StreamArn: oldArn, ShardId: oldShard.ShardId, ShardIteratorType: 'LATEST' }));
  await ddb.send(new DeleteTableCommand({ TableName }));
  const newArn = (await createTable(TableName))!;
  await put(TableName, 'new', 'a');
  const newShard = (await streams.send(new DescribeStreamCommand({ StreamArn: newArn }))).StreamDescription!.Shards![0]!.ShardId!;

  const ended = await streams.send(new GetRecordsCommand({ ShardIterator: latest }));
  t.deepEqual(ended.Records, []);
  t.is(ended.NextShardIterator, undefined);
  t.is(await outcome(streams.send(new GetShardIteratorCommand({ StreamArn: newArn, ShardId: oldShard.ShardId, ShardIteratorType: 'TRIM_HORIZON' }))), '400 ResourceNotFoundException');
  t.is(await outcome(streams.send(new GetShardIteratorCommand({
    StreamArn: newArn, ShardId: newShard, ShardIteratorType: 'AT_SEQUENCE_NUMBER', SequenceNumber: oldShard.SequenceNumberRange!.StartingSequenceNumber,
  }))), '400 ValidationException');
  // An old iterator made to name the new stream (iterators are opaque; a client may keep one by the table's name).
  t.is(await outcome(streams.send(new GetRecordsCommand({ ShardIterator: latest!.replace(oldArn, newArn) }))), '400 ResourceNotFoundException');
});
