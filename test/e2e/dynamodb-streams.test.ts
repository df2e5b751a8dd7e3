/**
 * DynamoDB Streams through @aws-sdk/client-dynamodb-streams with default settings: the errors a
 * consumer's code branches on arrive with the names the SDK maps them to.
 */
import test from 'ava';
import { DescribeStreamCommand, DynamoDBStreamsClient, GetRecordsCommand, GetShardIteratorCommand, ListStreamsCommand } from '@aws-sdk/client-dynamodb-streams';
import { CREDENTIALS, startBoltstack } from '../helpers/server.js';
import type { Boltstack } from '../../src/index.js';

let server: Boltstack;
let streams: DynamoDBStreamsClient;
test.before(async () => {
  server = await startBoltstack();
  streams = new DynamoDBStreamsClient({ endpoint: `http://127.0.0.1:${server.port}`, region: 'us-east-1', credentials: CREDENTIALS });
});
test.after.always(async () => { streams?.destroy(); await server?.stop(); });

interface SdkError { name: string; message: string; $metadata: { httpStatusCode?: number } }

test('ListStreams of an account without streams is empty', async (t) => {
  const out = await streams.send(new ListStreamsCommand({ TableName: 'none' }));
  t.deepEqual(out.Streams, []);
  t.is(out.LastEvaluatedStreamArn, undefined);
});

test('an unknown stream is ResourceNotFoundException, a garbage iterator ValidationException', async (t) => {
  const arn = 'arn:aws:dynamodb:us-east-1:000000000000:table/none/stream/2026-01-01T00:00:00.000';
  const missing = await t.throwsAsync(streams.send(new DescribeStreamCommand({ StreamArn: arn }))) as unknown as SdkError;
  t.is(missing.name, 'ResourceNotFoundException');
  t.is(missing.$metadata.httpStatusCode, 400);
  t.is(missing.message, `Requested resource not found: Stream: ${arn} not found`);
  const noShard = await t.throwsAsync(streams.send(new GetShardIteratorCommand({ StreamArn: arn, ShardId: 'shardId-00000000000000000000-00000000', ShardIteratorType: 'LATEST' }))) as unknown as SdkError;
  t.is(noShard.name, 'ResourceNotFoundException');
  const garbage = await t.throwsAsync(streams.send(new GetRecordsCommand({ ShardIterator: 'garbage' }))) as unknown as SdkError;
  t.is(garbage.name, 'ValidationException');
  t.is(garbage.message, 'Invalid ShardIterator');
});
