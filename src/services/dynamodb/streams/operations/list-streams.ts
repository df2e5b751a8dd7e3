/** ListStreams: the streams of the caller's account and region, optionally of one table, by ARN page. */
import type { ListStreamsInput, ListStreamsOutput } from '../../../../model/generated/dynamodbstreams-types.js';
import type { RequestContext } from '../../../types.js';
import { streamValidation } from '../errors.js';
import { parseStreamArn } from '../names.js';
import { Constraints, NAME_PATTERN } from '../../constraints.js';
import type { StreamsDeps } from './context.js';

export async function listStreams(deps: StreamsDeps, ctx: RequestContext, input: ListStreamsInput): Promise<ListStreamsOutput> {
  // Reported together, as Coral does; TableName carries the table-name pattern in the Streams
  // model too (botocore dynamodbstreams 2012-08-10 service-2.json, shape TableName), so 'abc;'
  // is refused rather than answered with no streams.
  new Constraints()
    .range('limit', input.Limit, 1, 100)
    .length('tableName', input.TableName, 3, 255).pattern('tableName', input.TableName, NAME_PATTERN)
    .length('exclusiveStartStreamArn', input.ExclusiveStartStreamArn, 37, 1024)
    .check();
  // A malformed start ARN is refused, as AWS does (scylladb test/alternator/test_streams.py
  // test_list_streams_with_nonexistent_last_stream); the words are DescribeStream's for a bad ARN.
  if (input.ExclusiveStartStreamArn !== undefined && !parseStreamArn(input.ExclusiveStartStreamArn)) throw streamValidation('Invalid StreamArn');
  const limit = input.Limit ?? 100;
  const Streams: NonNullable<ListStreamsOutput['Streams']> = [];
  let started = input.ExclusiveStartStreamArn === undefined;
  let more = false;
  for await (const d of deps.store.list(ctx.accountId, ctx.region, input.TableName)) {
    if (!started) {
      started = d.arn === input.ExclusiveStartStreamArn;
      continue;
    }
    if (Streams.length === limit) { more = true; break; }
    Streams.push({ StreamArn: d.arn, TableName: d.tableName, StreamLabel: d.label });
  }
  return { Streams, ...(more && { LastEvaluatedStreamArn: Streams[Streams.length - 1]!.StreamArn }) };
}
