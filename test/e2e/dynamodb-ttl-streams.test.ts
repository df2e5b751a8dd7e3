/**
 * TTL that really expires and Streams that see every change, through the real SDK clients
 * against a server with an injected clock (createBoltstack({ clock })): an expired item vanishes
 * from every read at once, the sweeper deletes it with its index entries, and the stream has
 * INSERT / MODIFY / REMOVE records — the TTL deletion marked with the service identity.
 */
import test from 'ava';
import {
  BatchGetItemCommand, CreateTableCommand, DeleteItemCommand, DescribeTableCommand, GetItemCommand, PutItemCommand, QueryCommand, ScanCommand,
  UpdateItemCommand, UpdateTableCommand, UpdateTimeToLiveCommand, type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { DescribeStreamCommand, DynamoDBStreamsClient, GetRecordsCommand, GetShardIteratorCommand, ListStreamsCommand, type _Record } from '@aws-sdk/client-dynamodb-streams';
import { CREDENTIALS, startBoltstack } from '../helpers/server.js';
import { ddbClient, uniqueTable } from '../services/dynamodb/helpers.js';
import type { Boltstack } from '../../src/index.js';

let server: Boltstack;
let ddb: DynamoDBClient;
let streams: DynamoDBStreamsClient;
let now = Date.UTC(2026, 11, 5, 12, 0, 0);
const nowS = (): number => Math.floor(now / 1000);

test.before(async () => {
  server = await startBoltstack({ clock: () => now });
  const endpoint = `http://127.0.0.1:${server.port}`;
  ddb = ddbClient(endpoint);
  streams = new DynamoDBStreamsClient({ endpoint, region: 'us-east-1', credentials: CREDENTIALS });
});
test.after.always(async () => { ddb?.destroy(); streams?.destroy(); await server?.stop(); });

async function streamedTable(viewType: 'NEW_AND_OLD_IMAGES' | 'KEYS_ONLY' = 'NEW_AND_OLD_IMAGES'): Promise<{ TableName: string; arn: string }> {
  const TableName = uniqueTable('ttl');
  const created = await ddb.send(new CreateTableCommand({
    TableName, BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'g', AttributeType: 'S' }],
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
    GlobalSecondaryIndexes: [{ IndexName: 'byG', KeySchema: [{ AttributeName: 'g', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } }],
    StreamSpecification: { StreamEnabled: true, StreamViewType: viewType },
  }));
  return { TableName, arn: created.TableDescription!.LatestStreamArn! };
}

async function allRecords(arn: string): Promise<_Record[]> {
  const description = (await streams.send(new DescribeStreamCommand({ StreamArn: arn }))).StreamDescription!;
  const ShardId = description.Shards![0]!.ShardId!;
  let iterator = (await streams.send(new GetShardIteratorCommand({ StreamArn: arn, ShardId, ShardIteratorType: 'TRIM_HORIZON' }))).ShardIterator;
  const out: _Record[] = [];
  for (;;) {
    const page = await streams.send(new GetRecordsCommand({ ShardIterator: iterator! }));
    out.push(...page.Records!);
    if (page.Records!.length === 0 || page.NextShardIterator === undefined) return out;
    iterator = page.NextShardIterator;
  }
}

test.serial('every write leaves a stream record in order, with the images of the view type', async (t) => {
  const { TableName, arn } = await streamedTable();
  const listed = await streams.send(new ListStreamsCommand({ TableName }));
  t.deepEqual(listed.Streams!.map((s) => s.StreamArn), [arn]);
  await ddb.send(new PutItemCommand({ TableName, Item: { pk: { S: 'a' }, v: { N: '1' } } }));
  await ddb.send(new UpdateItemCommand({ TableName, Key: { pk: { S: 'a' } }, UpdateExpression: 'SET v = :two', ExpressionAttributeValues: { ':two': { N: '2' } } }));
  await ddb.send(new DeleteItemCommand({ TableName, Key: { pk: { S: 'a' } } }));
  await ddb.send(new DeleteItemCommand({ TableName, Key: { pk: { S: 'never-there' } } }));
  const records = await allRecords(arn);
  t.deepEqual(records.map((r) => r.eventName), ['INSERT', 'MODIFY', 'REMOVE']);
  t.deepEqual(records[1]!.dynamodb!.OldImage, { pk: { S: 'a' }, v: { N: '1' } });
  t.deepEqual(records[1]!.dynamodb!.NewImage, { pk: { S: 'a' }, v: { N: '2' } });
  t.deepEqual(records[2]!.dynamodb!.Keys, { pk: { S: 'a' } });
  t.is(records[0]!.eventSource, 'aws:dynamodb');
  t.is(records[0]!.dynamodb!.ApproximateCreationDateTime!.getTime(), nowS() * 1000);
  t.is(records[0]!.userIdentity, undefined);
});

test.serial('disabling the stream closes it and a new one starts with the next enable', async (t) => {
  const { TableName, arn } = await streamedTable('KEYS_ONLY');
  await ddb.send(new PutItemCommand({ TableName, Item: { pk: { S: 'a' }, v: { N: '1' } } }));
  await ddb.send(new UpdateTableCommand({ TableName, StreamSpecification: { StreamEnabled: false } }));
  await ddb.send(new PutItemCommand({ TableName, Item: { pk: { S: 'b' } } }));
  t.is((await streams.send(new DescribeStreamCommand({ StreamArn: arn }))).StreamDescription!.StreamStatus, 'DISABLED');
  const records = await allRecords(arn);
  t.deepEqual(records.map((r) => r.dynamodb!.Keys!.pk!.S), ['a']);
  t.is(records[0]!.dynamodb!.NewImage, undefined);
  now += 1000;
  const updated = await ddb.send(new UpdateTableCommand({ TableName, StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' } }));
  const second = updated.TableDescription!.LatestStreamArn!;
  t.not(second, arn);
  t.is((await streams.send(new ListStreamsCommand({ TableName }))).Streams!.length, 2);
});

test.serial('an expired item vanishes from every read at once and is then deleted with a service REMOVE record', async (t) => {
  const { TableName, arn } = await streamedTable();
  await ddb.send(new UpdateTimeToLiveCommand({ TableName, TimeToLiveSpecification: { AttributeName: 'exp', Enabled: true } }));
  await ddb.send(new PutItemCommand({ TableName, Item: { pk: { S: 'soon' }, g: { S: 'G' }, exp: { N: String(nowS() + 60) } } }));
  await ddb.send(new PutItemCommand({ TableName, Item: { pk: { S: 'later' }, g: { S: 'G' }, exp: { N: String(nowS() + 3600) } } }));
  await ddb.send(new PutItemCommand({ TableName, Item: { pk: { S: 'never' }, g: { S: 'G' }, exp: { S: 'not a number' } } }));
  const visible = async () => ({
    get: (await ddb.send(new GetItemCommand({ TableName, Key: { pk: { S: 'soon' } } }))).Item !== undefined,
    scan: (await ddb.send(new ScanCommand({ TableName }))).Items!.map((i) => i.pk!.S).sort(),
    query: (await ddb.send(new QueryCommand({ TableName, IndexName: 'byG', KeyConditionExpression: 'g = :g', ExpressionAttributeValues: { ':g': { S: 'G' } } }))).Count,
    batch: (await ddb.send(new BatchGetItemCommand({ RequestItems: { [TableName]: { Keys: [{ pk: { S: 'soon' } }, { pk: { S: 'later' } }] } } }))).Responses![TableName]!.length,
  });
  t.deepEqual(await visible(), { get: true, scan: ['later', 'never', 'soon'], query: 3, batch: 2 });
  now += 61_000;
  t.deepEqual(await visible(), { get: false, scan: ['later', 'never'], query: 2, batch: 1 });
  // The sweeper runs about every second; it deletes the item physically (ItemCount drops).
  for (let i = 0; i < 50 && (await ddb.send(new DescribeTableCommand({ TableName }))).Table!.ItemCount !== 2; i++) await new Promise((r) => setTimeout(r, 100));
  t.is((await ddb.send(new DescribeTableCommand({ TableName }))).Table!.ItemCount, 2);
  const removal = (await allRecords(arn)).find((r) => r.eventName === 'REMOVE');
  t.truthy(removal);
  t.deepEqual(removal!.userIdentity, { PrincipalId: 'dynamodb.amazonaws.com', Type: 'Service' });
  t.deepEqual(removal!.dynamodb!.Keys, { pk: { S: 'soon' } });
});
