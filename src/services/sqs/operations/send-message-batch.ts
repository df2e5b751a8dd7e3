/**
 * SendMessageBatch: up to 10 messages whose sizes together stay within the queue's limit
 * (BatchRequestTooLong otherwise, before any is sent); each entry succeeds or fails on its own,
 * and the successful ones are stored in one atomic batch.
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessageBatch.html
 */
import type { FailedItem, SendMessageBatchInput, SendMessageBatchOutput, SendMessageBatchOutputSuccessfulItem } from '../../../model/generated/sqs-types.js';
import { assertBatch, failure } from '../batch.js';
import { queueWithState, required, type SqsHandler } from '../context.js';
import { sqsErrors } from '../errors.js';
import { messageSize } from '../message-validation.js';
import { intAttribute } from '../queue-attributes.js';
import { commit, prepare, resultOf, type Prepared } from '../send.js';

/** The batch limit is 1 MiB whatever the queue's MaximumMessageSize (which limits each message). */
const BATCH_LIMIT = 1_048_576;

export const sendMessageBatch: SqsHandler<SendMessageBatchInput, SendMessageBatchOutput> = async (deps, ctx, input) => {
  required(input, 'QueueUrl');
  const { queue, state } = await queueWithState(deps, ctx, input.QueueUrl);
  assertBatch(input.Entries, 'SendMessageBatchRequestEntry');
  let total = 0;
  for (const e of input.Entries) {
    const attrs = e.MessageAttributes === undefined ? undefined : Object.fromEntries(Object.entries(e.MessageAttributes).map(([k, v]) => [k, {
      DataType: v.DataType ?? '', ...(v.BinaryValue !== undefined ? { BinaryValue: Buffer.from(v.BinaryValue).toString('base64') } : { StringValue: v.StringValue ?? '' }),
    }]));
    total += messageSize(e.MessageBody ?? '', attrs);
  }
  const limit = Math.max(BATCH_LIMIT, intAttribute(queue.record.attributes, 'MaximumMessageSize'));
  if (total > limit) throw sqsErrors.batchRequestTooLong(limit, total);

  const now = Date.now();
  const prepared: Array<{ id: string; p: Prepared }> = [];
  const Failed: FailedItem[] = [];
  for (const entry of input.Entries) {
    try {
      prepared.push({ id: entry.Id, p: prepare(queue, state, entry, ctx.accountId, now) });
    } catch (err) {
      Failed.push(failure(entry.Id, err));
    }
  }
  await commit(deps.store, queue, state, prepared.map((x) => x.p));
  const Successful: SendMessageBatchOutputSuccessfulItem[] = prepared.map(({ id, p }) => ({ Id: id, ...resultOf(p) }));
  return { Successful, Failed };
};
