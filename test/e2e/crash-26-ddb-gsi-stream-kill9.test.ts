/**
 * kill -9 while UpdateItem, BatchWriteItem and TransactWriteItems write a table with a GSI and a
 * stream (DESIGN.md §5, §8b: item + index entries + stream record in one batch). After the
 * restart each item holds its last acknowledged version or the one in flight at the kill, the
 * GSI holds exactly the base table's items, every acknowledged version has a stream record, and
 * a table deleted (acknowledged) just before the kill is gone and comes back empty when created
 * again. Found clean by the crash-26 torture pass (each writer owns its keys, so every key's
 * possible states are known); pinned here because it crosses three stores in one batch.
 */
import test from 'ava';
import { BatchWriteItemCommand, CreateTableCommand, DeleteTableCommand, DescribeTableCommand, type DynamoDBClient, ListTablesCommand, QueryCommand, ScanCommand, TransactWriteItemsCommand, UpdateItemCommand, type AttributeValue, type CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import { DescribeStreamCommand, DynamoDBStreamsClient, GetRecordsCommand, GetShardIteratorCommand, type Shard } from '@aws-sdk/client-dynamodb-streams';
import { CREDENTIALS, startChild, tempDir, type ChildServer } from '../helpers/server.js';
import { ddbClient } from '../services/dynamodb/helpers.js';

type Item = Record<string, AttributeValue>;
const streamsClient = (endpoint: string): DynamoDBStreamsClient => new DynamoDBStreamsClient({ endpoint, region: 'us-east-1', credentials: CREDENTIALS, maxAttempts: 1 });
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

const table = (TableName: string): CreateTableCommandInput => ({
  TableName, BillingMode: 'PAY_PER_REQUEST',
  AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'g', AttributeType: 'S' }],
  KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
  GlobalSecondaryIndexes: [{ IndexName: 'byG', KeySchema: [{ AttributeName: 'g', KeyType: 'HASH' }, { AttributeName: 'pk', KeyType: 'RANGE' }], Projection: { ProjectionType: 'ALL' } }],
  StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
});

async function all(ddb: DynamoDBClient, input: ConstructorParameters<typeof QueryCommand>[0] | ConstructorParameters<typeof ScanCommand>[0], query: boolean): Promise<Item[]> {
  const out: Item[] = [];
  let ExclusiveStartKey: Item | undefined;
  do {
    const page = query
      ? await ddb.send(new QueryCommand({ ...input as ConstructorParameters<typeof QueryCommand>[0], ExclusiveStartKey }))
      : await ddb.send(new ScanCommand({ ...input, ExclusiveStartKey }));
    out.push(...page.Items!);
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return out;
}

/** pk → the versions that any stream record's NewImage gives it. */
async function streamVersions(streams: DynamoDBStreamsClient, StreamArn: string): Promise<Map<string, Set<string>>> {
  const seen = new Map<string, Set<string>>();
  const shards: Shard[] = [];
  let ExclusiveStartShardId: string | undefined;
  do {
    const d = (await streams.send(new DescribeStreamCommand({ StreamArn, ExclusiveStartShardId }))).StreamDescription!;
    shards.push(...d.Shards!);
    ExclusiveStartShardId = d.LastEvaluatedShardId;
  } while (ExclusiveStartShardId);
  for (const shard of shards) {
    let it = (await streams.send(new GetShardIteratorCommand({ StreamArn, ShardId: shard.ShardId!, ShardIteratorType: 'TRIM_HORIZON' }))).ShardIterator;
    while (it) {
      const page = await streams.send(new GetRecordsCommand({ ShardIterator: it, Limit: 1000 }));
      for (const r of page.Records!) {
        const img = r.dynamodb!.NewImage;
        if (img?.pk?.S === undefined || img.ver?.S === undefined) continue;
        const set = seen.get(img.pk.S) ?? new Set<string>();
        set.add(img.ver.S);
        seen.set(img.pk.S, set);
      }
      if (page.Records!.length === 0) break;
      it = page.NextShardIterator;
    }
  }
  return seen;
}

test('kill -9 during GSI and stream writes: acknowledged versions, GSI and stream agree after restart', async (t) => {
  const tmp = await tempDir();
  let server: ChildServer | undefined;
  try {
    server = await startChild(['--port', '0', '--data-dir', tmp.dir, '--log-level', 'error']);
    let ddb = ddbClient(server.endpoint, { maxAttempts: 1 });
    const TableName = 'crash-gsi-stream';
    await ddb.send(new CreateTableCommand(table(TableName)));
    // A table whose items are written and that is then deleted, acknowledged, before the kill.
    await ddb.send(new CreateTableCommand(table('crash-dropped')));
    await ddb.send(new BatchWriteItemCommand({ RequestItems: { 'crash-dropped': Array.from({ length: 25 }, (_, i) => ({ PutRequest: { Item: { pk: { S: `d${i}` }, g: { S: 'd' }, ver: { S: 'x' } } } })) } }));

    // Each key's last acknowledged version and the versions sent but not answered.
    const acked = new Map<string, string>();
    const pending = new Map<string, string[]>();
    const everAcked = new Map<string, Set<string>>();
    const send = (pk: string, ver: string): void => { pending.set(pk, [...(pending.get(pk) ?? []), ver]); };
    const ack = (pk: string, ver: string): void => {
      acked.set(pk, ver);
      pending.delete(pk);
      everAcked.set(pk, (everAcked.get(pk) ?? new Set()).add(ver));
    };
    let n = 0;
    let running = true;
    const updater = async (w: number): Promise<void> => {
      for (let i = 0; running; i++) {
        const pk = `u${w}-${i % 5}`;
        const ver = `v${n++}`;
        send(pk, ver);
        try {
          await ddb.send(new UpdateItemCommand({ TableName, Key: { pk: { S: pk } }, UpdateExpression: 'SET ver = :v, g = :g', ExpressionAttributeValues: { ':v': { S: ver }, ':g': { S: `g${i % 3}` } } }));
          ack(pk, ver);
        } catch { return; }
      }
    };
    const transactor = async (w: number): Promise<void> => {
      for (let i = 0; running; i++) {
        const ver = `v${n++}`;
        const pks = [`t${w}-${i % 4}`, `t${w}-shared`];
        for (const pk of pks) send(pk, ver);
        try {
          await ddb.send(new TransactWriteItemsCommand({ TransactItems: pks.map((pk) => ({ Put: { TableName, Item: { pk: { S: pk }, g: { S: `g${i % 3}` }, ver: { S: ver } } } })) }));
          for (const pk of pks) ack(pk, ver);
        } catch { return; }
      }
    };
    const batcher = async (): Promise<void> => {
      while (running) {
        const ver = `v${n++}`;
        const pks = Array.from({ length: 25 }, (_, i) => `b-${ver}-${i}`);
        for (const pk of pks) send(pk, ver);
        try {
          await ddb.send(new BatchWriteItemCommand({ RequestItems: { [TableName]: pks.map((pk) => ({ PutRequest: { Item: { pk: { S: pk }, g: { S: 'g1' }, ver: { S: ver } } } })) } }));
          for (const pk of pks) ack(pk, ver);
        } catch { return; }
      }
    };
    await ddb.send(new DeleteTableCommand({ TableName: 'crash-dropped' }));
    const loops = Promise.all([updater(0), updater(1), transactor(0), transactor(1), batcher()]);
    // Killed with writes in flight, once 300 keys were acknowledged (at the latest after 10 s).
    const started = Date.now();
    while (everAcked.size < 300 && Date.now() - started < 10_000) await sleep(20);
    await sleep(Math.random() * 200);
    await server.kill9();
    running = false;
    await loops;
    ddb.destroy();
    t.true(everAcked.size >= 300, `only ${everAcked.size} keys acknowledged`);

    const startedAt = Date.now();
    server = await startChild(['--port', '0', '--data-dir', tmp.dir, '--log-level', 'error']);
    ddb = ddbClient(server.endpoint, { maxAttempts: 1 });
    const items = new Map((await all(ddb, { TableName, ConsistentRead: true }, false)).map((it) => [it.pk!.S!, it]));
    t.true(Date.now() - startedAt < 10_000, 'restart and first scan within 10 s');
    for (const pk of new Set([...acked.keys(), ...pending.keys()])) {
      const got = items.get(pk)?.ver?.S;
      const allowed = [acked.get(pk), ...(pending.get(pk) ?? [])];
      t.true(allowed.includes(got), `${pk}: ${got} is not one of ${JSON.stringify(allowed)}`);
    }
    t.is(items.size, new Set([...items.keys()].filter((pk) => acked.has(pk) || pending.has(pk))).size, 'no item nobody wrote');

    const indexed = new Map<string, Item>();
    for (const g of ['g0', 'g1', 'g2']) {
      for (const it of await all(ddb, { TableName, IndexName: 'byG', KeyConditionExpression: 'g = :g', ExpressionAttributeValues: { ':g': { S: g } } }, true)) indexed.set(it.pk!.S!, it);
    }
    t.deepEqual([...indexed.keys()].sort(), [...items.keys()].sort(), 'the GSI holds exactly the base items');
    for (const [pk, it] of items) t.deepEqual(indexed.get(pk), it, `GSI copy of ${pk}`);

    const { Table } = await ddb.send(new DescribeTableCommand({ TableName }));
    const streams = streamsClient(server.endpoint);
    const recorded = await streamVersions(streams, Table!.LatestStreamArn!);
    streams.destroy();
    let missing = 0;
    for (const [pk, vers] of everAcked) for (const v of vers) if (!recorded.get(pk)?.has(v)) missing++;
    t.is(missing, 0, 'every acknowledged version has a stream record');

    t.false((await ddb.send(new ListTablesCommand({}))).TableNames!.includes('crash-dropped'), 'the deleted table stays deleted');
    await ddb.send(new CreateTableCommand(table('crash-dropped')));
    t.is((await all(ddb, { TableName: 'crash-dropped' }, false)).length, 0, 'a table created again under the deleted name starts empty');
    t.is((await all(ddb, { TableName: 'crash-dropped', IndexName: 'byG', KeyConditionExpression: 'g = :g', ExpressionAttributeValues: { ':g': { S: 'd' } } }, true)).length, 0, 'and so does its GSI');
    ddb.destroy();
  } finally {
    await server?.kill9();
    await tmp.remove();
  }
});
