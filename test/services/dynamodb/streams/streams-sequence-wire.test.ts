/**
 * Sequence numbers on the wire are 22 digits wide, as AWS's records are (radkawar/stackd
 * testdata/aws/dynamodb/audit.json, AWS us-east-1 2026-09-17: seq 29-30 records
 * "1200003261316805598902", "1400000094811547933239", "1600003789211097896248", seq 50
 * "3800001051453075306751"). A closed shard ends at its last record (seq 55: EndingSequenceNumber
 * "1600002482544056241863" is the txn1 record's), or at its start when it holds none.
 * Stored keys keep their 21-digit form (streams/wire-sequence.ts), so data written by an older
 * build reads the same, and the 21-digit numbers that build answered still position an iterator.
 */
import anyTest, { type TestFn } from 'ava';
import {
  DescribeStreamCommand, DynamoDBStreamsClient, GetRecordsCommand, GetShardIteratorCommand, type _Record, type ShardIteratorType,
} from '@aws-sdk/client-dynamodb-streams';
import { BatchWriteItemCommand, CreateTableCommand, PutItemCommand, UpdateTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CREDENTIALS, startBoltstack, tempDir } from '../../../helpers/server.js';
import { ddbClient, uniqueTable } from '../helpers.js';
import { fromWireSequence, toWireSequence } from '../../../../src/services/dynamodb/streams/wire-sequence.js';

const test = anyTest as TestFn<{ stop(): Promise<void>; ddb: DynamoDBClient; streams: DynamoDBStreamsClient }>;

const streamsClient = (endpoint: string) => new DynamoDBStreamsClient({ endpoint, region: 'us-east-1', credentials: CREDENTIALS });

test.before(async (t) => {
  const server = await startBoltstack();
  const ddb = ddbClient(server.endpoint);
  const streams = streamsClient(server.endpoint);
  t.context = { ddb, streams, stop: async () => { ddb.destroy(); streams.destroy(); await server.stop(); } };
});
test.after.always(async (t) => { await t.context.stop?.(); });

/** 22 digits, a leading 1 (AWS: "1200003261316805598902"). */
const WIRE = /^1\d{21}$/;

async function streamTable(ddb: DynamoDBClient): Promise<{ name: string; arn: string }> {
  const name = uniqueTable('seq');
  const out = await ddb.send(new CreateTableCommand({
    TableName: name, BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'p', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'p', KeyType: 'HASH' }],
    StreamSpecification: { StreamEnabled: true, StreamViewType: 'KEYS_ONLY' },
  }));
  return { name, arn: out.TableDescription!.LatestStreamArn! };
}

async function shardOf(streams: DynamoDBStreamsClient, arn: string) {
  return (await streams.send(new DescribeStreamCommand({ StreamArn: arn }))).StreamDescription!.Shards![0]!;
}

async function read(streams: DynamoDBStreamsClient, arn: string, type: ShardIteratorType, SequenceNumber?: string): Promise<_Record[]> {
  const shard = await shardOf(streams, arn);
  const { ShardIterator } = await streams.send(new GetShardIteratorCommand({ StreamArn: arn, ShardId: shard.ShardId, ShardIteratorType: type, SequenceNumber }));
  const out: _Record[] = [];
  let iterator = ShardIterator;
  for (;;) {
    const page = await streams.send(new GetRecordsCommand({ ShardIterator: iterator }));
    out.push(...page.Records!);
    if (page.Records!.length === 0 || page.NextShardIterator === undefined) return out;
    iterator = page.NextShardIterator;
  }
}

const seqs = (records: _Record[]): string[] => records.map((r) => r.dynamodb!.SequenceNumber!);
const keys = (records: _Record[]): string[] => records.map((r) => r.dynamodb!.Keys!.p!.S!);

test('records, the shard\'s StartingSequenceNumber and a closed shard\'s EndingSequenceNumber are 22 digits (audit.json seq 29-30, 37, 55)', async (t) => {
  const { ddb, streams } = t.context;
  const { name, arn } = await streamTable(ddb);
  await ddb.send(new PutItemCommand({ TableName: name, Item: { p: { S: 'a' } } }));
  await ddb.send(new PutItemCommand({ TableName: name, Item: { p: { S: 'b' } } }));
  const records = await read(streams, arn, 'TRIM_HORIZON');
  t.is(records.length, 2);
  for (const s of seqs(records)) t.regex(s, WIRE);
  const start = (await shardOf(streams, arn)).SequenceNumberRange!.StartingSequenceNumber!;
  t.regex(start, WIRE);
  t.true(BigInt(start) <= BigInt(seqs(records)[0]!), 'the shard starts at or before its first record');
  await ddb.send(new UpdateTableCommand({ TableName: name, StreamSpecification: { StreamEnabled: false } }));
  const closed = (await shardOf(streams, arn)).SequenceNumberRange!;
  t.regex(closed.EndingSequenceNumber!, WIRE);
  t.is(closed.EndingSequenceNumber, seqs(records)[1], 'seq 55: a closed shard ends at its last record');
  t.deepEqual(keys(await read(streams, arn, 'AT_SEQUENCE_NUMBER', closed.EndingSequenceNumber)), ['b']);
});

test('a closed shard with no records ends where it starts (audit.json seq 55, shardId-...2859-0264d284)', async (t) => {
  const { ddb, streams } = t.context;
  const { name, arn } = await streamTable(ddb);
  await ddb.send(new UpdateTableCommand({ TableName: name, StreamSpecification: { StreamEnabled: false } }));
  const range = (await shardOf(streams, arn)).SequenceNumberRange!;
  t.regex(range.StartingSequenceNumber!, WIRE);
  t.is(range.EndingSequenceNumber, range.StartingSequenceNumber);
});

test('order on the wire is stored order, numerically and as strings, across many records', async (t) => {
  const { ddb, streams } = t.context;
  const { name, arn } = await streamTable(ddb);
  const n = 300;
  for (let i = 0; i < n; i += 25) {
    const batch = Array.from({ length: 25 }, (_, j) => ({ PutRequest: { Item: { p: { S: `k${String(i + j).padStart(4, '0')}` } } } }));
    await ddb.send(new BatchWriteItemCommand({ RequestItems: { [name]: batch } }));
  }
  const records = await read(streams, arn, 'TRIM_HORIZON');
  t.is(records.length, n);
  const s = seqs(records);
  for (let i = 1; i < s.length; i++) {
    t.true(BigInt(s[i - 1]!) < BigInt(s[i]!), `numeric order at ${i}`);
    t.true(s[i - 1]! < s[i]!, `string order at ${i}`);
    t.is(s[i]!.length, 22);
  }
  t.deepEqual(keys(records), Array.from({ length: n }, (_, i) => `k${String(i).padStart(4, '0')}`), 'records come back in write order');
});

test('AT_ and AFTER_SEQUENCE_NUMBER take the 22-digit numbers, the shard\'s start, and the 21-digit form older builds answered', async (t) => {
  const { ddb, streams } = t.context;
  const { name, arn } = await streamTable(ddb);
  for (const p of ['a', 'b', 'c']) await ddb.send(new PutItemCommand({ TableName: name, Item: { p: { S: p } } }));
  const [, second] = seqs(await read(streams, arn, 'TRIM_HORIZON'));
  t.deepEqual(keys(await read(streams, arn, 'AT_SEQUENCE_NUMBER', second)), ['b', 'c']);
  t.deepEqual(keys(await read(streams, arn, 'AFTER_SEQUENCE_NUMBER', second)), ['c']);
  const start = (await shardOf(streams, arn)).SequenceNumberRange!.StartingSequenceNumber!;
  t.deepEqual(keys(await read(streams, arn, 'AT_SEQUENCE_NUMBER', start)), ['a', 'b', 'c']);
  // What a build before the wire mapping answered for the same record: its stored 21 digits.
  const older = fromWireSequence(second!);
  t.is(older.length, 21);
  t.deepEqual(keys(await read(streams, arn, 'AT_SEQUENCE_NUMBER', older)), ['b', 'c']);
  t.deepEqual(keys(await read(streams, arn, 'AFTER_SEQUENCE_NUMBER', older)), ['c']);
  // The records read after each iterator answer the 22-digit form either way.
  t.deepEqual(seqs(await read(streams, arn, 'AFTER_SEQUENCE_NUMBER', older)).map((s) => s.length), [22]);
});

test('the mapping: order-preserving, inverse of itself, and a number above any given out sorts last', (t) => {
  const stored = ['100000000000000000000', '101789634951488000000', '101789634951488000001', '199999999999999999999'];
  const wire = stored.map(toWireSequence);
  t.deepEqual(wire, ['1000000000000000000000', '1001789634951488000000', '1001789634951488000001', '1099999999999999999999']);
  t.deepEqual(wire.map(fromWireSequence), stored);
  t.deepEqual([...wire].sort(), wire);
  t.is(fromWireSequence('9'.repeat(40)), '9'.repeat(21));
  t.is(fromWireSequence('0101789634951488000001'), '101789634951488000001', 'a zero-padded older number is read by its value');
});

test.serial('sequence numbers and iterators survive a restart; records written after it sort after the old ones', async (t) => {
  const tmp = await tempDir();
  const start = async () => {
    const server = await startBoltstack({ ephemeral: false, dataDir: tmp.dir });
    return { server, ddb: ddbClient(server.endpoint), streams: streamsClient(server.endpoint) };
  };
  try {
    const first = await start();
    const { name, arn } = await streamTable(first.ddb);
    await first.ddb.send(new PutItemCommand({ TableName: name, Item: { p: { S: 'before1' } } }));
    await first.ddb.send(new PutItemCommand({ TableName: name, Item: { p: { S: 'before2' } } }));
    const before = seqs(await read(first.streams, arn, 'TRIM_HORIZON'));
    const shard = await shardOf(first.streams, arn);
    const { ShardIterator: handedOut } = await first.streams.send(new GetShardIteratorCommand({ StreamArn: arn, ShardId: shard.ShardId, ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: before[0] }));
    first.ddb.destroy(); first.streams.destroy();
    await first.server.stop();

    const second = await start();
    try {
      t.deepEqual(seqs(await read(second.streams, arn, 'TRIM_HORIZON')), before, 'the same numbers after the restart');
      t.deepEqual((await shardOf(second.streams, arn)).SequenceNumberRange, shard.SequenceNumberRange);
      await second.ddb.send(new PutItemCommand({ TableName: name, Item: { p: { S: 'after' } } }));
      const all = await read(second.streams, arn, 'TRIM_HORIZON');
      t.deepEqual(keys(all), ['before1', 'before2', 'after']);
      t.true(seqs(all)[2]! > before[1]! && BigInt(seqs(all)[2]!) > BigInt(before[1]!));
      t.deepEqual(keys(await read(second.streams, arn, 'AT_SEQUENCE_NUMBER', before[1])), ['before2', 'after']);
      const page = await second.streams.send(new GetRecordsCommand({ ShardIterator: handedOut }));
      t.deepEqual(keys(page.Records!), ['before2', 'after'], 'an iterator handed out before the restart reads on');
    } finally {
      second.ddb.destroy(); second.streams.destroy();
      await second.server.stop();
    }
  } finally {
    await tmp.remove();
  }
});
