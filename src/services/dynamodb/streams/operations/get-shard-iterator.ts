/**
 * GetShardIterator: every iterator type resolves to a position at once (TRIM_HORIZON: the oldest
 * record kept; LATEST: just after the newest record; AT_/AFTER_SEQUENCE_NUMBER: that record),
 * so later trimming or writes do not move it.
 */
import type { GetShardIteratorInput, GetShardIteratorOutput } from '../../../../model/generated/dynamodbstreams-types.js';
import type { RequestContext } from '../../../types.js';
import { shardNotFound, streamValidation, trimmedDataAccess } from '../errors.js';
import { encodeIterator, type IteratorPosition } from '../iterator.js';
import { isSequenceNumber } from '../sequence-clock.js';
import { fromWireSequence } from '../wire-sequence.js';
import { checkEnum, checkLength, checkRequired } from '../validate.js';
import type { StreamsDeps } from './context.js';
import { findStream } from './find-stream.js';

const TYPES = ['TRIM_HORIZON', 'LATEST', 'AT_SEQUENCE_NUMBER', 'AFTER_SEQUENCE_NUMBER'] as const;

export async function getShardIterator(deps: StreamsDeps, _ctx: RequestContext, input: GetShardIteratorInput): Promise<GetShardIteratorOutput> {
  checkRequired(input.ShardId, 'shardId');
  checkRequired(input.ShardIteratorType, 'shardIteratorType');
  checkLength(input.ShardId, 'shardId', 28, 65);
  checkEnum(input.ShardIteratorType, 'shardIteratorType', TYPES);
  checkLength(input.SequenceNumber, 'sequenceNumber', 21, 40);
  const d = await findStream(deps, input.StreamArn);
  if (input.ShardId !== d.shardId) throw shardNotFound(input.ShardId, d.arn);
  const type = input.ShardIteratorType as (typeof TYPES)[number];
  const bySequence = type === 'AT_SEQUENCE_NUMBER' || type === 'AFTER_SEQUENCE_NUMBER';
  if (bySequence && input.SequenceNumber === undefined) throw streamValidation(`Must specify a sequence number for ${type} shard iterator type`);
  if (!bySequence && input.SequenceNumber !== undefined) throw streamValidation(`Sequence number must not be specified for ${type} shard iterator type`);
  const trimmedBefore = d.trimmedBefore ?? d.startingSequence;
  let position: Pick<IteratorPosition, 'sequence' | 'inclusive'>;
  if (type === 'TRIM_HORIZON') {
    position = { sequence: trimmedBefore, inclusive: true };
  } else if (type === 'LATEST') {
    const last = await deps.store.lastSequence(d);
    position = last !== undefined ? { sequence: last, inclusive: false } : { sequence: trimmedBefore, inclusive: true };
  } else {
    if (!isSequenceNumber(input.SequenceNumber!)) throw streamValidation(`Invalid SequenceNumber: ${input.SequenceNumber}`);
    const sequence = fromWireSequence(input.SequenceNumber!);
    if (sequence < trimmedBefore && d.trimmedBefore !== undefined) throw trimmedDataAccess();
    if (sequence < d.startingSequence || (d.endingSequence !== undefined && sequence > d.endingSequence)) {
      throw streamValidation(`Sequence number ${input.SequenceNumber} is not in the range of shard ${d.shardId}`);
    }
    position = { sequence, inclusive: type === 'AT_SEQUENCE_NUMBER' };
  }
  return { ShardIterator: encodeIterator({ arn: d.arn, shardId: d.shardId, ...position, createdAt: deps.now() }) };
}
