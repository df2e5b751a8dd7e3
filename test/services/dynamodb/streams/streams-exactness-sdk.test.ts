/**
 * The Streams answers read through the official @aws-sdk/client-dynamodb-streams (STYLE.md, habit
 * 9): what the raw rows in streams-exactness-*.test.ts pin must also parse as AWS's answers do —
 * record timestamps as Dates, binary values as bytes, and each refusal as its modelled exception
 * class with AWS's message.
 */
import anyTest, { type TestFn } from 'ava';
import {
  DescribeStreamCommand, DynamoDBStreamsClient, ExpiredIteratorException, GetRecordsCommand, GetShardIteratorCommand, ListStreamsCommand,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb-streams';
import { CREDENTIALS } from '../../../helpers/server.js';
import { startHarness, type Harness } from './streams-harness.js';

const test = anyTest as TestFn<{ h: Harness; client: DynamoDBStreamsClient }>;

test.before(async (t) => {
  const h = await startHarness();
  t.context = { h, client: new DynamoDBStreamsClient({ endpoint: h.server.endpoint, region: 'us-east-1', credentials: CREDENTIALS }) };
});
test.after.always(async (t) => {
  t.context.client?.destroy();
  await t.context.h?.stop();
});

test.serial('an expired iterator is an ExpiredIteratorException "Shard iterator has expired" (spring-attic/spring-integration-aws PR #59)', async (t) => {
  const { h, client } = t.context;
  const { arn } = await h.table('KEYS_ONLY');
  const iterator = await h.iterator(arn!, 'LATEST');
  h.advance(15 * 60 * 1000 + 1000);
  try {
    const err = await t.throwsAsync(client.send(new GetRecordsCommand({ ShardIterator: iterator })));
    t.true(err instanceof ExpiredIteratorException);
    t.is(err?.message, 'Shard iterator has expired');
  } finally {
    h.advance(-(15 * 60 * 1000 + 1000));
  }
});

test('a record read through the SDK: Date timestamps, bytes for B and BS, the stream found by ListStreams (DOCS StreamRecord)', async (t) => {
  const { h, client } = t.context;
  const { name, arn } = await h.table('NEW_IMAGE');
  const bytes = Buffer.from([0, 1, 2, 255]);
  await h.ddb('PutItem', { TableName: name, Item: { p: { S: 'k' }, b: { B: bytes.toString('base64') }, bs: { BS: [bytes.toString('base64')] } } });
  const listed = await client.send(new ListStreamsCommand({ TableName: name }));
  t.is(listed.Streams?.[0]?.StreamArn, arn);
  const d = await client.send(new DescribeStreamCommand({ StreamArn: arn }));
  t.true(d.StreamDescription?.CreationRequestDateTime instanceof Date);
  const shard = d.StreamDescription!.Shards![0]!;
  const { ShardIterator } = await client.send(new GetShardIteratorCommand({ StreamArn: arn, ShardId: shard.ShardId, ShardIteratorType: 'TRIM_HORIZON' }));
  const page = await client.send(new GetRecordsCommand({ ShardIterator }));
  const r = page.Records![0]!;
  t.true(r.dynamodb?.ApproximateCreationDateTime instanceof Date);
  t.is(r.dynamodb!.ApproximateCreationDateTime!.getUTCMilliseconds(), 0); // whole seconds, as AWS's
  t.deepEqual(Buffer.from(r.dynamodb!.NewImage!.b!.B!), bytes);
  t.deepEqual(Buffer.from(r.dynamodb!.NewImage!.bs!.BS![0]!), bytes);
  t.is(typeof page.NextShardIterator, 'string');
});

test('an unknown stream is a ResourceNotFoundException (DOCS DescribeStream errors)', async (t) => {
  const { h, client } = t.context;
  const arn = (await h.table('KEYS_ONLY')).arn!.replace(/\/stream\/.*/, '/stream/2015-05-11T21:21:33.291');
  const err = await t.throwsAsync(client.send(new DescribeStreamCommand({ StreamArn: arn })));
  t.true(err instanceof ResourceNotFoundException);
});
