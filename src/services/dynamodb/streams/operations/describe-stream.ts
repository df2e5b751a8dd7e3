/**
 * DescribeStream. boltstack keeps one shard per stream (AWS splits and rotates shards; a
 * consumer that follows ParentShardId reads the same records either way). A disabled stream's
 * shard is closed: its EndingSequenceNumber is its last record's, or its StartingSequenceNumber
 * when it holds none, as AWS answers (radkawar/stackd testdata/aws/dynamodb/audit.json,
 * 2026-09-17, seq 37/55: "EndingSequenceNumber": the txn1 record's "1600002482544056241863"; an
 * empty shard's equal to its start).
 */
import type { DescribeStreamInput, DescribeStreamOutput, Shard } from '../../../../model/generated/dynamodbstreams-types.js';
import type { RequestContext } from '../../../types.js';
import { checkEnum, checkLength, checkLimit } from '../validate.js';
import type { StreamsDeps } from './context.js';
import { findStream } from './find-stream.js';
import { toWireSequence } from '../wire-sequence.js';

export async function describeStream(deps: StreamsDeps, _ctx: RequestContext, input: DescribeStreamInput): Promise<DescribeStreamOutput> {
  checkLimit(input.Limit, 'limit', 100);
  checkLength(input.ExclusiveStartShardId, 'exclusiveStartShardId', 28, 65);
  checkEnum(input.ShardFilter?.Type, 'shardFilter.type', ['CHILD_SHARDS']);
  const d = await findStream(deps, input.StreamArn);
  const starting = d.trimmedBefore ?? d.startingSequence;
  const ending = d.status === 'DISABLED' ? (await deps.store.lastSequence(d)) ?? starting : undefined;
  const shard: Shard = {
    ShardId: d.shardId,
    SequenceNumberRange: {
      StartingSequenceNumber: toWireSequence(starting),
      ...(ending !== undefined && { EndingSequenceNumber: toWireSequence(ending) }),
    },
  };
  // The one shard has no children; pages after it are empty.
  const listed = input.ShardFilter?.Type === 'CHILD_SHARDS' || input.ExclusiveStartShardId !== undefined ? [] : [shard];
  return {
    StreamDescription: {
      StreamArn: d.arn,
      StreamLabel: d.label,
      StreamStatus: d.status,
      StreamViewType: d.viewType,
      CreationRequestDateTime: new Date(d.createdAt),
      TableName: d.tableName,
      KeySchema: d.keySchema,
      Shards: listed,
    },
  };
}
