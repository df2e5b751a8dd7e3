/**
 * The DynamoDB Streams API (ListStreams, DescribeStream, GetShardIterator, GetRecords), row by row
 * against what real AWS answered. Each row cites its source beside it:
 *   ALT  ScyllaDB's test/alternator/test_streams.py (runs against AWS; asserts codes, not wording)
 *   SDK  aws/aws-sdk-js test/browser/integration (v2 integration tests, run against AWS)
 *   DOCS the DynamoDB Streams API reference / botocore's dynamodbstreams model (shapes, limits)
 *   SIA  spring-attic/spring-integration-aws PR #59 (2017): a real AmazonDynamoDBStreams answer
 * Where a source gives only the error code, the row checks only the code: the wording stays ours
 * (docs/dynamodb.md, "Streams", lists those). The `__type` namespace is not pinned (no source).
 */
import anyTest, { type ExecutionContext, type TestFn } from 'ava';
import { startHarness, type Answer, type Harness } from './streams-harness.js';

const test = anyTest as TestFn<{ h: Harness }>;
const ALT = 'scylladb/scylladb test/alternator/test_streams.py';
const coral = (value: string, member: string, constraint: string): string =>
  `1 validation error detected: Value ${value} at '${member}' failed to satisfy constraint: ${constraint}`;

test.before(async (t) => { t.context.h = await startHarness(); });
test.after.always(async (t) => { await t.context.h?.stop(); });

/** An error answer: its code (after the `__type` namespace) and, when given, its exact message. */
function refused(t: ExecutionContext, r: Answer, code: string, message?: string | RegExp): void {
  t.is(r.status, 400, JSON.stringify(r.body));
  t.is(String(r.body.__type).split('#').pop(), code, JSON.stringify(r.body));
  const got = String(r.body.message ?? r.body.Message);
  if (typeof message === 'string') t.is(got, message);
  else if (message) t.regex(got, message);
}

const streamOf = async (h: Harness, viewType = 'KEYS_ONLY'): Promise<string> => (await h.table(viewType, { range: true })).arn!;

// ListStreams
test(`ListStreams Limit 0: ${ALT} test_list_streams_zero_limit; DOCS Limit min 1`, async (t) => {
  refused(t, await t.context.h.streams('ListStreams', { Limit: 0 }), 'ValidationException',
    coral("'0'", 'limit', 'Member must have value greater than or equal to 1'));
});

test(`ListStreams Limit 101: ${ALT} test_list_streams_too_high_limit ("if we try 101, we get a ValidationException")`, async (t) => {
  refused(t, await t.context.h.streams('ListStreams', { Limit: 101 }), 'ValidationException');
});

test(`ListStreams malformed ExclusiveStartStreamArn: ${ALT} test_list_streams_with_nonexistent_last_stream`, async (t) => {
  const { h } = t.context;
  const { name } = await h.table('KEYS_ONLY');
  refused(t, await h.streams('ListStreams', { TableName: name, ExclusiveStartStreamArn: 'kossaapaaasdafsdaasdasdasdasasdasfadfadfasdasdas' }), 'ValidationException');
});

test(`ListStreams of a table without a stream: ${ALT} test_list_streams_empty`, async (t) => {
  const { h } = t.context;
  const { name } = await h.table();
  const r = await h.streams('ListStreams', { TableName: name });
  t.is(r.status, 200);
  t.deepEqual(r.body, { Streams: [] });
});

test(`ListStreams pages by LastEvaluatedStreamArn: ${ALT} test_list_streams_paged; DOCS Stream shape`, async (t) => {
  const { h } = t.context;
  const a = await h.table('OLD_IMAGE');
  await h.table('OLD_IMAGE');
  const first = await h.streams('ListStreams', { Limit: 1 });
  t.is(first.body.Streams.length, 1);
  t.deepEqual(Object.keys(first.body.Streams[0]).sort(), ['StreamArn', 'StreamLabel', 'TableName']);
  t.is(first.body.LastEvaluatedStreamArn, first.body.Streams[0].StreamArn);
  const next = await h.streams('ListStreams', { Limit: 1, ExclusiveStartStreamArn: first.body.LastEvaluatedStreamArn });
  t.is(next.status, 200);
  t.not(next.body.Streams[0].StreamArn, first.body.Streams[0].StreamArn);
  const mine = (await h.streams('ListStreams', { TableName: a.name })).body.Streams;
  t.deepEqual(mine, [{ StreamArn: a.arn, TableName: a.name, StreamLabel: a.create.body.TableDescription.LatestStreamLabel }]);
});

// DescribeStream
test(`DescribeStream malformed ARN: ${ALT} test_describe_nonexistent_stream; SDK "AWS.DynamoDBStreams handles errors" (Invalid StreamArn)`, async (t) => {
  refused(t, await t.context.h.streams('DescribeStream', { StreamArn: 'sdfadfsdfnlfkajakfgjalksfgklasjklasdjfklasdfasdfgasf' }), 'ValidationException', 'Invalid StreamArn');
});

test('DescribeStream of a well-formed unknown ARN: DOCS ResourceNotFoundException', async (t) => {
  const { h } = t.context;
  const arn = (await streamOf(h)).replace(/\/stream\/.*/, '/stream/2015-05-11T21:21:33.291');
  refused(t, await h.streams('DescribeStream', { StreamArn: arn }), 'ResourceNotFoundException');
});

test(`DescribeStream shape: ${ALT} test_describe_stream; DOCS StreamDescription / Shard`, async (t) => {
  const { h } = t.context;
  const { name, arn } = await h.table('KEYS_ONLY', { range: true });
  const r = await h.streams('DescribeStream', { StreamArn: arn });
  const d = r.body.StreamDescription;
  t.deepEqual(Object.keys(d).sort(), ['CreationRequestDateTime', 'KeySchema', 'Shards', 'StreamArn', 'StreamLabel', 'StreamStatus', 'StreamViewType', 'TableName']);
  t.like(d, { StreamArn: arn, StreamStatus: 'ENABLED', StreamViewType: 'KEYS_ONLY', TableName: name });
  t.deepEqual(d.KeySchema, [{ AttributeName: 'p', KeyType: 'HASH' }, { AttributeName: 'c', KeyType: 'RANGE' }]);
  t.is(typeof d.CreationRequestDateTime, 'number'); // epoch seconds on the JSON wire
  t.is(d.Shards.length, 1);
  const [shard] = d.Shards;
  t.deepEqual(Object.keys(shard).sort(), ['SequenceNumberRange', 'ShardId']);
  t.regex(shard.ShardId, /^shardId-\d{20}-[0-9a-f]{8}$/); // DOCS example shardId-00000001414562045508-2bac9cd2
  t.true(shard.ShardId.length >= 28 && shard.ShardId.length <= 65); // DOCS ShardId length 28..65
  t.deepEqual(Object.keys(shard.SequenceNumberRange), ['StartingSequenceNumber']); // open shard: no EndingSequenceNumber
  t.regex(shard.SequenceNumberRange.StartingSequenceNumber, /^\d{21,40}$/); // ALT #7158 isdecimal; DOCS length 21..40
});

test(`DescribeStream ExclusiveStartShardId of the last shard: ${ALT} list_shards ("we get nothing more")`, async (t) => {
  const { h } = t.context;
  const arn = await streamOf(h);
  const { ShardId } = await h.shard(arn);
  const r = await h.streams('DescribeStream', { StreamArn: arn, ExclusiveStartShardId: ShardId });
  t.deepEqual(r.body.StreamDescription.Shards, []);
  t.is(r.body.StreamDescription.LastEvaluatedShardId, undefined);
});

test(`DescribeStream unknown ExclusiveStartShardId: ${ALT} test_describe_stream_with_nonexistent_last_shard ("real does not [throw]")`, async (t) => {
  const { h } = t.context;
  const arn = await streamOf(h);
  const r = await h.streams('DescribeStream', { StreamArn: arn, ExclusiveStartShardId: 'zzzzzzzzzzzzzzzzzzzzzzzzsfasdgagadfadfgagkjsdfsfsdjfjks' });
  t.is(r.status, 200);
  t.deepEqual(r.body.StreamDescription.Shards, []);
});

test('DescribeStream Limit 0: DOCS Limit min 1', async (t) => {
  const { h } = t.context;
  refused(t, await h.streams('DescribeStream', { StreamArn: await streamOf(h), Limit: 0 }), 'ValidationException',
    coral("'0'", 'limit', 'Member must have value greater than or equal to 1'));
});

// GetShardIterator
test(`GetShardIterator refusals: ${ALT} test_get_shard_iterator`, async (t) => {
  const { h } = t.context;
  const arn = await streamOf(h);
  const { ShardId, SequenceNumberRange: { StartingSequenceNumber: seq } } = await h.shard(arn);
  const gsi = (body: Record<string, unknown>): Promise<Answer> => h.streams('GetShardIterator', { StreamArn: arn, ShardId, ...body });
  for (const type of ['AT_SEQUENCE_NUMBER', 'AFTER_SEQUENCE_NUMBER']) {
    t.is((await gsi({ ShardIteratorType: type, SequenceNumber: seq })).status, 200);
    refused(t, await gsi({ ShardIteratorType: type }), 'ValidationException'); // "must have seq in these modes"
  }
  for (const type of ['TRIM_HORIZON', 'LATEST']) {
    t.is((await gsi({ ShardIteratorType: type })).status, 200);
    refused(t, await gsi({ ShardIteratorType: type, SequenceNumber: seq }), 'ValidationException'); // "should not set seq"
  }
  refused(t, await h.streams('GetShardIterator', { StreamArn: 'sdfadsfsdfsdgdfsgsfdabadfbabdadsfsdfsdfsdfsdfsdfsdfdfdssdffbdfdf', ShardId, ShardIteratorType: 'LATEST' }), 'ValidationException');
  refused(t, await gsi({ ShardId: 'semprinidfaasdasfsdvacsdcfsdsvsdvsdvsdvsdvsdv', ShardIteratorType: 'LATEST' }), 'ResourceNotFoundException');
  refused(t, await gsi({ ShardIteratorType: 'bulle', SequenceNumber: seq }), 'ValidationException');
  refused(t, await gsi({ ShardIteratorType: 'LATEST', SequenceNumber: 'sdfsafglldfngjdafnasdflgnaldklkafdsgklnasdlv' }), 'ValidationException');
});

test(`GetShardIterator unknown stream / shard: ${ALT} test_get_shard_iterator_for_nonexistent_stream / _shard`, async (t) => {
  const { h } = t.context;
  const arn = await streamOf(h);
  const { ShardId } = await h.shard(arn);
  refused(t, await h.streams('GetShardIterator', { StreamArn: 'sdfadfsddafgdafsgjnadflkgnalngalsdfnlkasnlkasdfasdfasf', ShardId, ShardIteratorType: 'LATEST' }), 'ValidationException');
  refused(t, await h.streams('GetShardIterator', { StreamArn: arn, ShardId: 'adfasdasdasdasdasdasdasdasdasasdasd', ShardIteratorType: 'LATEST' }), 'ResourceNotFoundException');
});

// GetRecords
test(`GetRecords garbage iterator: ${ALT} test_get_records_nonexistent_iterator`, async (t) => {
  refused(t, await t.context.h.streams('GetRecords', { ShardIterator: 'sdfsdfsgagaddafgagasgasgasdfasdfasdfasdfasdgasdasdgasdg', Limit: 1000 }), 'ValidationException');
});

test(`GetRecords Limit bounds: ${ALT} test_get_records_too_high_limit; DOCS "The upper limit is 1000"`, async (t) => {
  const { h } = t.context;
  const it = await h.iterator(await streamOf(h), 'LATEST');
  t.is((await h.streams('GetRecords', { ShardIterator: it, Limit: 1000 })).status, 200);
  for (const Limit of [1001, 0, -1]) refused(t, await h.streams('GetRecords', { ShardIterator: it, Limit }), 'ValidationException', /[Ll]imit/);
});

test(`GetRecords at LATEST with nothing new: ${ALT} test_streams_no_records (Records [] present, NextShardIterator present)`, async (t) => {
  const { h } = t.context;
  const r = await h.streams('GetRecords', { ShardIterator: await h.iterator(await streamOf(h), 'LATEST') });
  t.deepEqual(r.body.Records, []);
  t.is(typeof r.body.NextShardIterator, 'string');
});

test(`GetRecords positions: ${ALT} test_streams_last_result / _at_sequence_number / _after_sequence_number / _trim_horizon / _starting_sequence_number`, async (t) => {
  const { h } = t.context;
  const { name, arn } = await h.table('KEYS_ONLY', { range: true });
  const latest = await h.iterator(arn!, 'LATEST');
  const start = (await h.shard(arn!)).SequenceNumberRange.StartingSequenceNumber;
  const key = { p: { S: 'k' }, c: { S: 'c' } };
  await h.ddb('UpdateItem', { TableName: name, Key: key, UpdateExpression: 'SET x = :v', ExpressionAttributeValues: { ':v': { N: '3' } } });
  await h.ddb('UpdateItem', { TableName: name, Key: key, UpdateExpression: 'SET x = :v', ExpressionAttributeValues: { ':v': { N: '5' } } });
  const page = await h.streams('GetRecords', { ShardIterator: latest });
  t.is(page.body.Records.length, 2);
  const [s1, s2] = page.body.Records.map((r: any) => r.dynamodb.SequenceNumber as string);
  t.true(BigInt(s1) < BigInt(s2)); // ALT #7424: SDKs compare them as big integers
  const after = await h.streams('GetRecords', { ShardIterator: page.body.NextShardIterator });
  t.deepEqual(after.body.Records, []);
  t.is(typeof after.body.NextShardIterator, 'string');
  const at = await h.streams('GetRecords', { ShardIterator: await h.iterator(arn!, 'AT_SEQUENCE_NUMBER', s1) });
  t.deepEqual(at.body.Records.map((r: any) => r.dynamodb.SequenceNumber), [s1, s2]);
  const past = await h.streams('GetRecords', { ShardIterator: await h.iterator(arn!, 'AFTER_SEQUENCE_NUMBER', s1) });
  t.deepEqual(past.body.Records.map((r: any) => r.dynamodb.SequenceNumber), [s2]);
  t.deepEqual((await h.records(arn!)).map((r) => r.dynamodb.SequenceNumber), [s1, s2]);
  const fromStart = await h.streams('GetRecords', { ShardIterator: await h.iterator(arn!, 'AT_SEQUENCE_NUMBER', start) });
  t.is(fromStart.body.Records.length, 2);
});

test(`GetRecords on a closed shard: ${ALT} test_streams_closed_read / test_streams_disabled_stream; DOCS NextShardIterator "null" when closed`, async (t) => {
  const { h } = t.context;
  const { name, arn } = await h.table('KEYS_ONLY', { range: true });
  const latest = await h.iterator(arn!, 'LATEST');
  await h.ddb('UpdateItem', { TableName: name, Key: { p: { S: 'a' }, c: { S: 'b' } }, UpdateExpression: 'SET x = :v', ExpressionAttributeValues: { ':v': { N: '5' } } });
  t.is((await h.ddb('UpdateTable', { TableName: name, StreamSpecification: { StreamEnabled: false } })).status, 200);
  const d = (await h.streams('DescribeStream', { StreamArn: arn })).body.StreamDescription;
  t.like(d, { StreamStatus: 'DISABLED', StreamViewType: 'KEYS_ONLY', TableName: name });
  t.regex(d.Shards[0].SequenceNumberRange.EndingSequenceNumber, /^\d+$/);
  const read = await h.streams('GetRecords', { ShardIterator: latest });
  t.is(read.body.Records.length, 1);
  t.false('NextShardIterator' in read.body);
  t.is((await h.records(arn!)).length, 1);
  t.deepEqual((await h.streams('ListStreams', { TableName: name })).body.Streams.map((s: any) => s.StreamArn), [arn]);
});

test.serial('GetRecords with an iterator older than 15 minutes: SIA "ExpiredIteratorException: Shard iterator has expired (Service: AmazonDynamoDBStreams; Status Code: 400 ...)"', async (t) => {
  const { h } = t.context;
  const it = await h.iterator(await streamOf(h), 'TRIM_HORIZON');
  t.is((await h.streams('GetRecords', { ShardIterator: it })).status, 200);
  h.advance(15 * 60 * 1000 + 1000);
  try {
    refused(t, await h.streams('GetRecords', { ShardIterator: it }), 'ExpiredIteratorException', 'Shard iterator has expired');
  } finally {
    h.advance(-(15 * 60 * 1000 + 1000));
  }
});
