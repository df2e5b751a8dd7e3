import test from 'ava';
import { MemoryMetaStore } from '../../../../src/storage/memory/index.js';
import { createDynamoDbStreamsService, type StreamsInternalApi } from '../../../../src/services/dynamodb/streams-service.js';
import { streamTableOps, streamTargetOf, type StreamedTable } from '../../../../src/services/dynamodb/streams/descriptor-ops.js';
import { STREAMS_NS } from '../../../../src/services/dynamodb/streams/keys.js';
import type { Item, StreamDescriptor } from '../../../../src/services/dynamodb/streams/types.js';
import { streamRecordOps } from '../../../../src/services/dynamodb/streams/record.js';
import { SequenceClock } from '../../../../src/services/dynamodb/streams/sequence-clock.js';
import type { StreamViewType } from '../../../../src/services/dynamodb/streams/types.js';
import { isAwsError } from '../../../../src/errors/aws-error.js';
import type { RequestContext, ServiceDeps } from '../../../../src/services/types.js';

const ctx: RequestContext = { requestId: 'r', accountId: '000000000000', region: 'us-east-1', host: 'localhost', signal: new AbortController().signal, ignored: [] };

async function setup(viewType: StreamViewType = 'NEW_AND_OLD_IMAGES') {
  const meta = new MemoryMetaStore();
  let now = Date.UTC(2026, 11, 5, 10, 0, 0);
  const clock = { now: () => now, advance: (ms: number) => { now += ms; } };
  const log = { debug() {}, info() {}, warn() {}, error() {} };
  const service = createDynamoDbStreamsService({ meta, clock: clock.now, log } as unknown as ServiceDeps);
  const table: StreamedTable = { account: '000000000000', region: 'us-east-1', name: 'Things', id: 't1', hash: { name: 'pk' }, stream: { enabled: true, viewType, label: '2026-12-05T10:00:00.000' } };
  await meta.batch(streamTableOps(undefined, table, clock.now()));
  let descriptor!: StreamDescriptor;
  for await (const [, v] of meta.iterate(STREAMS_NS)) if (v.includes('"arn"')) descriptor = JSON.parse(v) as StreamDescriptor;
  const sequence = new SequenceClock();
  const target = streamTargetOf(table)!;
  const disable = () => meta.batch(streamTableOps(table, { ...table, stream: { enabled: false, label: table.stream!.label! } }, clock.now()));
  const write = (oldItem?: Item, newItem?: Item, byTtl = false) =>
    meta.batch(streamRecordOps(target, { oldItem, newItem }, { sequence, now: clock.now(), byTtl }));
  const call = (op: string, input: unknown) => service.operations[op]!(ctx, input);
  return { meta, clock, service, descriptor, sequence, write, call, disable };
}

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (isAwsError(e)) return `${e.code}: ${e.message}`;
    throw e;
  }
  return 'no error';
}

test('records come back in order with INSERT/MODIFY/REMOVE and the images of the view type', async (t) => {
  const s = await setup('NEW_AND_OLD_IMAGES');
  await s.write(undefined, { pk: { S: 'a' }, v: { N: '1' } });
  await s.write({ pk: { S: 'a' }, v: { N: '1' } }, { pk: { S: 'a' }, v: { N: '2' } });
  await s.write({ pk: { S: 'a' }, v: { N: '2' } }, undefined, true);
  const { Streams } = await s.call('ListStreams', { TableName: 'Things' }) as { Streams: Array<{ StreamArn: string; StreamLabel: string }> };
  t.is(Streams.length, 1);
  t.regex(Streams[0]!.StreamArn, /^arn:aws:dynamodb:us-east-1:000000000000:table\/Things\/stream\/2026-12-05T10:00:00\.000$/);
  const { StreamDescription } = await s.call('DescribeStream', { StreamArn: s.descriptor.arn }) as { StreamDescription: { Shards: Array<{ ShardId: string }>; StreamStatus: string } };
  t.is(StreamDescription.StreamStatus, 'ENABLED');
  t.regex(StreamDescription.Shards[0]!.ShardId, /^shardId-\d{20}-[0-9a-f]{8}$/);
  const { ShardIterator } = await s.call('GetShardIterator', { StreamArn: s.descriptor.arn, ShardId: s.descriptor.shardId, ShardIteratorType: 'TRIM_HORIZON' }) as { ShardIterator: string };
  const page = await s.call('GetRecords', { ShardIterator }) as { Records: Array<Record<string, any>>; NextShardIterator: string };
  t.deepEqual(page.Records.map((r) => r.eventName), ['INSERT', 'MODIFY', 'REMOVE']);
  const [insert, modify, remove] = page.Records;
  t.like(insert, { eventVersion: '1.1', eventSource: 'aws:dynamodb', awsRegion: 'us-east-1' });
  t.regex(insert!.eventID, /^[0-9a-f]{32}$/);
  t.deepEqual(insert!.dynamodb.Keys, { pk: { S: 'a' } });
  t.is(insert!.dynamodb.OldImage, undefined);
  t.deepEqual(modify!.dynamodb.OldImage, { pk: { S: 'a' }, v: { N: '1' } });
  t.deepEqual(modify!.dynamodb.NewImage, { pk: { S: 'a' }, v: { N: '2' } });
  t.deepEqual(remove!.userIdentity, { PrincipalId: 'dynamodb.amazonaws.com', Type: 'Service' });
  t.is(insert!.userIdentity, undefined);
  t.true(insert!.dynamodb.SequenceNumber < modify!.dynamodb.SequenceNumber);
  t.is(insert!.dynamodb.ApproximateCreationDateTime, Date.UTC(2026, 11, 5, 10, 0, 0) / 1000);
  // The next iterator of an open shard is always there; it reads nothing until a new write.
  const empty = await s.call('GetRecords', { ShardIterator: page.NextShardIterator }) as { Records: unknown[]; NextShardIterator?: string };
  t.is(empty.Records.length, 0);
  t.truthy(empty.NextShardIterator);
  await s.write(undefined, { pk: { S: 'b' } });
  const after = await s.call('GetRecords', { ShardIterator: empty.NextShardIterator }) as { Records: Array<Record<string, any>> };
  t.deepEqual(after.Records.map((r) => r.dynamodb.Keys.pk.S), ['b']);
});

test('KEYS_ONLY records carry only the keys; every iterator type lands where AWS says', async (t) => {
  const s = await setup('KEYS_ONLY');
  await s.write(undefined, { pk: { S: 'a' }, v: { N: '1' } });
  await s.write(undefined, { pk: { S: 'b' } });
  const iterator = async (ShardIteratorType: string, SequenceNumber?: string) =>
    (await s.call('GetShardIterator', { StreamArn: s.descriptor.arn, ShardId: s.descriptor.shardId, ShardIteratorType, SequenceNumber }) as { ShardIterator: string }).ShardIterator;
  const read = async (it: string) => ((await s.call('GetRecords', { ShardIterator: it })) as { Records: Array<Record<string, any>> }).Records;
  const all = await read(await iterator('TRIM_HORIZON'));
  t.is(all[0]!.dynamodb.NewImage, undefined);
  t.is(all[0]!.dynamodb.StreamViewType, 'KEYS_ONLY');
  const seqA = all[0]!.dynamodb.SequenceNumber as string;
  t.deepEqual((await read(await iterator('AT_SEQUENCE_NUMBER', seqA))).map((r) => r.dynamodb.Keys.pk.S), ['a', 'b']);
  t.deepEqual((await read(await iterator('AFTER_SEQUENCE_NUMBER', seqA))).map((r) => r.dynamodb.Keys.pk.S), ['b']);
  const latest = await iterator('LATEST');
  t.deepEqual(await read(latest), []);
  await s.write(undefined, { pk: { S: 'c' } });
  t.deepEqual((await read(latest)).map((r) => r.dynamodb.Keys.pk.S), ['c']);
  t.is(await code(iterator('AT_SEQUENCE_NUMBER')), 'ValidationException: Must specify a sequence number for AT_SEQUENCE_NUMBER shard iterator type');
  t.is(await code(iterator('FIRST')), "ValidationException: 1 validation error detected: Value 'FIRST' at 'shardIteratorType' failed to satisfy constraint: Member must satisfy enum value set: [TRIM_HORIZON, LATEST, AT_SEQUENCE_NUMBER, AFTER_SEQUENCE_NUMBER]");
});

test('iterators expire after 15 minutes; records older than 24 h are trimmed', async (t) => {
  const s = await setup();
  await s.write(undefined, { pk: { S: 'old' } });
  const { ShardIterator } = await s.call('GetShardIterator', { StreamArn: s.descriptor.arn, ShardId: s.descriptor.shardId, ShardIteratorType: 'TRIM_HORIZON' }) as { ShardIterator: string };
  s.clock.advance(15 * 60 * 1000 + 1);
  // A real DynamoDB Streams answer's words (spring-attic/spring-integration-aws PR #59, 2017).
  t.is(await code(s.call('GetRecords', { ShardIterator })), 'ExpiredIteratorException: Shard iterator has expired');
  const fresh = (await s.call('GetShardIterator', { StreamArn: s.descriptor.arn, ShardId: s.descriptor.shardId, ShardIteratorType: 'TRIM_HORIZON' }) as { ShardIterator: string }).ShardIterator;
  s.clock.advance(24 * 60 * 60 * 1000);
  await s.write(undefined, { pk: { S: 'new' } });
  t.is(await (s.service.internal as StreamsInternalApi).trimNow(), 1);
  t.is(await code(s.call('GetRecords', { ShardIterator: fresh })), 'ExpiredIteratorException: Shard iterator has expired');
  const horizon = (await s.call('GetShardIterator', { StreamArn: s.descriptor.arn, ShardId: s.descriptor.shardId, ShardIteratorType: 'TRIM_HORIZON' }) as { ShardIterator: string }).ShardIterator;
  const page = await s.call('GetRecords', { ShardIterator: horizon }) as { Records: Array<Record<string, any>> };
  t.deepEqual(page.Records.map((r) => r.dynamodb.Keys.pk.S), ['new']);
});

test('an iterator below the trim point gets TrimmedDataAccessException', async (t) => {
  const s = await setup();
  await s.write(undefined, { pk: { S: 'old' } });
  const horizon = (await s.call('GetShardIterator', { StreamArn: s.descriptor.arn, ShardId: s.descriptor.shardId, ShardIteratorType: 'TRIM_HORIZON' }) as { ShardIterator: string }).ShardIterator;
  s.clock.advance(24 * 60 * 60 * 1000 + 1000);
  await (s.service.internal as StreamsInternalApi).trimNow();
  s.clock.advance(-(24 * 60 * 60 * 1000)); // back within the iterator's 15 minutes
  t.is(await code(s.call('GetRecords', { ShardIterator: horizon })), 'TrimmedDataAccessException: The data you are trying to access has been trimmed');
});

test('a disabled stream closes its shard: the reader gets no next iterator after the last record', async (t) => {
  const s = await setup();
  await s.write(undefined, { pk: { S: 'a' } });
  await s.disable();
  const { StreamDescription } = await s.call('DescribeStream', { StreamArn: s.descriptor.arn }) as { StreamDescription: { StreamStatus: string; Shards: Array<{ SequenceNumberRange: { EndingSequenceNumber?: string } }> } };
  t.is(StreamDescription.StreamStatus, 'DISABLED');
  t.truthy(StreamDescription.Shards[0]!.SequenceNumberRange.EndingSequenceNumber);
  const horizon = (await s.call('GetShardIterator', { StreamArn: s.descriptor.arn, ShardId: s.descriptor.shardId, ShardIteratorType: 'TRIM_HORIZON' }) as { ShardIterator: string }).ShardIterator;
  const page = await s.call('GetRecords', { ShardIterator: horizon }) as { Records: unknown[]; NextShardIterator?: string };
  t.is(page.Records.length, 1);
  t.is(page.NextShardIterator, undefined);
  // Readable for a day after it closed, then gone with its records.
  s.clock.advance(24 * 60 * 60 * 1000 + 1000);
  await (s.service.internal as StreamsInternalApi).trimNow();
  t.deepEqual((await s.call('ListStreams', {}) as { Streams: unknown[] }).Streams, []);
  t.deepEqual([...(await s.meta.getMany('dynamodb-streams', ['x']))], [undefined]);
});

test('deleting the table closes its stream; a re-enabled stream is a new one', async (t) => {
  const table: StreamedTable = { account: '000000000000', region: 'us-east-1', name: 'Tab', id: 'id1', hash: { name: 'h' }, range: { name: 'r' }, stream: { enabled: true, viewType: 'NEW_IMAGE', label: '2026-12-05T10:00:00.000' } };
  const s = await setup();
  await s.meta.batch(streamTableOps(undefined, table, s.clock.now()));
  const again = { ...table, stream: { enabled: true, viewType: 'OLD_IMAGE', label: '2026-12-05T11:00:00.000' } };
  await s.meta.batch(streamTableOps({ ...table, stream: { enabled: false, label: table.stream!.label! } }, again, s.clock.now()));
  await s.meta.batch(streamTableOps(again, undefined, s.clock.now()));
  const { Streams } = await s.call('ListStreams', { TableName: 'Tab' }) as { Streams: Array<{ StreamArn: string; StreamLabel: string }> };
  t.deepEqual(Streams.map((x) => x.StreamLabel), ['2026-12-05T10:00:00.000', '2026-12-05T11:00:00.000']);
  const described = await s.call('DescribeStream', { StreamArn: Streams[1]!.StreamArn }) as { StreamDescription: { StreamStatus: string; StreamViewType: string; KeySchema: unknown } };
  t.like(described.StreamDescription, { StreamStatus: 'DISABLED', StreamViewType: 'OLD_IMAGE' });
  t.deepEqual(described.StreamDescription.KeySchema, [{ AttributeName: 'h', KeyType: 'HASH' }, { AttributeName: 'r', KeyType: 'RANGE' }]);
});

test('unknown streams and shards, malformed ARNs and iterators get AWS errors', async (t) => {
  const s = await setup();
  const missing = s.descriptor.arn.replace('Things', 'Nope');
  t.is(await code(s.call('DescribeStream', { StreamArn: missing })), `ResourceNotFoundException: Requested resource not found: Stream: ${missing} not found`);
  t.is(await code(s.call('DescribeStream', { StreamArn: 'arn:aws:dynamodb:table/x' })), "ValidationException: 1 validation error detected: Value 'arn:aws:dynamodb:table/x' at 'streamArn' failed to satisfy constraint: Member must have length greater than or equal to 37");
  t.is(await code(s.call('DescribeStream', { StreamArn: 'arn:aws:dynamodb:us-east-1:000000000000:table/x' })), 'ValidationException: Invalid StreamArn');
  t.regex(await code(s.call('GetShardIterator', { StreamArn: s.descriptor.arn, ShardId: 'shardId-00000000000000000000-00000000', ShardIteratorType: 'LATEST' })), /^ResourceNotFoundException: Requested resource not found: Shard/);
  t.is(await code(s.call('GetRecords', { ShardIterator: 'garbage' })), 'ValidationException: Invalid ShardIterator');
  t.is(await code(s.call('GetRecords', { ShardIterator: 'x', Limit: 0 })), "ValidationException: 1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1");
});
