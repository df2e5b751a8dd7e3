/**
 * PurgeQueue: deletes every message in the queue (delayed ones too) and, on a FIFO queue, its
 * deduplication ids; another purge within 60 s is
 * PurgeQueueInProgress (403), as in AWS.
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_PurgeQueue.html
 */
import type { PurgeQueueInput, PurgeQueueOutput } from '../../../model/generated/sqs-types.js';
import { queueWithState, required, type SqsHandler } from '../context.js';
import { sqsErrors } from '../errors.js';
import { LOG_BASE, SQS_NS, dedupKey, legacyStateRecordPrefix, statePrefix, stateRecordPrefix } from '../keys.js';

const PURGE_INTERVAL_MS = 60_000;

export const purgeQueue: SqsHandler<PurgeQueueInput, PurgeQueueOutput> = async (deps, ctx, input) => {
  required(input, 'QueueUrl');
  const { queue, state } = await queueWithState(deps, ctx, input.QueueUrl);
  const now = Date.now();
  if (state.purgedAt !== 0 && now - state.purgedAt < PURGE_INTERVAL_MS) throw sqsErrors.purgeQueueInProgress(queue.arn);
  state.purgedAt = now;
  // Messages sent after this point are not purged: only the seqs taken so far go.
  const last = state.lastSeq();
  const lastStateRecord = state.nextStateRecord - 1;
  // Exactly the messages the queue holds now: one another operation took out first (a receive
  // redriving it, say) is deleted by that operation.
  await deps.store.deleteMessages(queue.id, state.takeAll());
  if (last > 0) await deps.store.deleteRange(statePrefix(queue.id), last);
  // The earlier layout's state records (numbers below LOG_BASE) all predate this purge.
  await deps.store.deleteRange(legacyStateRecordPrefix(queue.id));
  if (lastStateRecord >= LOG_BASE) await deps.store.deleteRange(stateRecordPrefix(queue.id), lastStateRecord);
  // A FIFO queue forgets its deduplication ids too: the same id is accepted again at once
  // (localstack tests/aws/services/sqs/test_sqs.py test_purge_queue_clears_fifo_deduplication_cache,
  // run against AWS). Only the ids known now: one a send adds meanwhile stays.
  if (queue.fifo && state.dedup.size > 0) {
    const keys = [...state.dedup.keys()];
    state.dedup.clear();
    await deps.store.commit(keys.map((key) => ({ type: 'del' as const, ns: SQS_NS, key: dedupKey(queue.id, key) })));
  }
  return {};
};
