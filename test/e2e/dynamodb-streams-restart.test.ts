/**
 * Stream records are written in the item's own batch: after a kill -9 in the middle of a burst
 * of writes, every item present has its INSERT record and every INSERT record its item; the
 * records, and a shard iterator taken before the kill, survive the restart.
 */
import test from 'ava';
import { CreateTableCommand, PutItemCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { DescribeStreamCommand, DynamoDBStreamsClient, GetRecordsCommand, GetShardIteratorCommand, type _Record } from '@aws-sdk/client-dynamodb-streams';
import { CREDENTIALS, startChild, tempDir } from '../helpers/server.js';
import { ddbClient } from '../services/dynamodb/helpers.js';

const streamsClient = (endpoint: string) => new DynamoDBStreamsClient({ endpoint, region: 'us-east-1', credentials: CREDENTIALS, maxAttempts: 1 });

test('stream records and the items they describe survive kill -9 together', async (t) => {
  const tmp = await tempDir();
  let server: Awaited<ReturnType<typeof startChild>> | undefined;
  try {
    server = await startChild(['--port', '0', '--data-dir', tmp.dir, '--log-level', 'error']);
    let ddb = ddbClient(server.endpoint, { maxAttempts: 1 });
    const created = await ddb.send(new CreateTableCommand({
      TableName: 'streamed', BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' },
    }));
    const StreamArn = created.TableDescription!.LatestStreamArn!;
    let streams = streamsClient(server.endpoint);
    const ShardId = (await streams.send(new DescribeStreamCommand({ StreamArn }))).StreamDescription!.Shards![0]!.ShardId!;
    const before = (await streams.send(new GetShardIteratorCommand({ StreamArn, ShardId, ShardIteratorType: 'TRIM_HORIZON' }))).ShardIterator!;
    const acked = new Set<string>();
    let stop = false;
    let n = 0;
    const writer = async () => {
      while (!stop) {
        const pk = `k${n++}`;
        await ddb.send(new PutItemCommand({ TableName: 'streamed', Item: { pk: { S: pk }, v: { S: 'x'.repeat(500) } } })).then(() => acked.add(pk), () => undefined);
      }
    };
    const writers = Array.from({ length: 4 }, writer);
    await new Promise((r) => setTimeout(r, 300 + Math.random() * 500));
    stop = true;
    await server.kill9();
    await Promise.all(writers);
    streams.destroy();

    server = await startChild(['--port', '0', '--data-dir', tmp.dir, '--log-level', 'error']);
    ddb = ddbClient(server.endpoint);
    streams = streamsClient(server.endpoint);
    const items = new Set<string>();
    let ExclusiveStartKey: Record<string, never> | undefined;
    do {
      const page = await ddb.send(new ScanCommand({ TableName: 'streamed', ...(ExclusiveStartKey && { ExclusiveStartKey }) }));
      for (const i of page.Items!) items.add(i.pk!.S!);
      ExclusiveStartKey = page.LastEvaluatedKey as Record<string, never> | undefined;
    } while (ExclusiveStartKey);
    const records: _Record[] = [];
    let iterator: string | undefined = before; // taken before the kill: still valid
    for (;;) {
      const page: { Records?: _Record[]; NextShardIterator?: string } = await streams.send(new GetRecordsCommand({ ShardIterator: iterator! }));
      records.push(...page.Records!);
      if (page.Records!.length === 0) break;
      iterator = page.NextShardIterator;
    }
    const recorded = records.map((r) => r.dynamodb!.Keys!.pk!.S!);
    t.log(`${acked.size} puts acknowledged before the kill, ${items.size} items and ${recorded.length} records after the restart`);
    t.true(acked.size > 0);
    for (const pk of acked) t.true(items.has(pk), `acknowledged ${pk} is stored`);
    t.deepEqual([...new Set(recorded)].sort(), [...items].sort(), 'one INSERT record per item present, none for an item that is not');
    t.is(recorded.length, items.size);
    t.true(records.every((r) => r.eventName === 'INSERT' && r.dynamodb!.NewImage!.v!.S!.length === 500));
    const sequences = records.map((r) => BigInt(r.dynamodb!.SequenceNumber!));
    t.true(sequences.every((s, i) => i === 0 || s > sequences[i - 1]!), 'sequence numbers increase');
    streams.destroy();
    t.is(await server.stop(), 0);
  } finally {
    await server?.kill9().catch(() => undefined); // a failed assertion must not leave it running
    await tmp.remove();
  }
});
