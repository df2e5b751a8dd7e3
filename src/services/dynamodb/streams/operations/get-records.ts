/**
 * GetRecords: up to Limit records (at most 1000, and about 1 MB) from the iterator's position,
 * and the iterator for the next call. An open shard always has a next iterator (a consumer polls
 * it); a closed shard's reader gets none once it has read the last record.
 */
import type { GetRecordsInput, GetRecordsOutput } from '../../../../model/generated/dynamodbstreams-types.js';
import type { RequestContext } from '../../../types.js';
import { shardNotFound, streamNotFound, trimmedDataAccess } from '../errors.js';
import { decodeIterator, encodeIterator } from '../iterator.js';
import { checkLength, checkLimit, checkRequired } from '../validate.js';
import { toWireSequence } from '../wire-sequence.js';
import type { StreamsDeps } from './context.js';

const PAGE_BYTES = 1024 * 1024;

export async function getRecords(deps: StreamsDeps, _ctx: RequestContext, input: GetRecordsInput): Promise<GetRecordsOutput> {
  checkRequired(input.ShardIterator, 'shardIterator');
  checkLength(input.ShardIterator, 'shardIterator', 1, 2048);
  checkLimit(input.Limit, 'limit', 1000);
  const now = deps.now();
  const position = decodeIterator(input.ShardIterator, now);
  const d = await deps.store.byArn(position.arn);
  if (!d) throw streamNotFound(position.arn);
  if (position.shardId !== d.shardId) throw shardNotFound(position.shardId, d.arn);
  if (d.trimmedBefore !== undefined && position.sequence < d.trimmedBefore && !(position.inclusive === false && (BigInt(position.sequence) + 1n).toString() === d.trimmedBefore)) {
    throw trimmedDataAccess();
  }
  const records = await deps.store.records(d, { from: position, limit: input.Limit ?? 1000, maxBytes: PAGE_BYTES });
  const last = records.length > 0 ? records[records.length - 1]!.dynamodb.SequenceNumber : undefined;
  const next = last !== undefined ? { sequence: last, inclusive: false } : { sequence: position.sequence, inclusive: position.inclusive };
  const closedAndDone = d.status === 'DISABLED' && (await deps.store.records(d, { from: next, limit: 1 })).length === 0;
  // Freshly parsed records: their stored sequence numbers are rewritten in place to the wire form.
  for (const r of records) r.dynamodb.SequenceNumber = toWireSequence(r.dynamodb.SequenceNumber);
  return {
    // ApproximateCreationDateTime is kept as epoch seconds, which is its wire form.
    Records: records as unknown as GetRecordsOutput['Records'],
    ...(!closedAndDone && { NextShardIterator: encodeIterator({ arn: d.arn, shardId: d.shardId, ...next, createdAt: now }) }),
  };
}
