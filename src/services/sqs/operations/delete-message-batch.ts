/** DeleteMessageBatch: each entry succeeds or fails on its own; the deletes are one atomic batch. */
import type { DeleteMessageBatchInput, DeleteMessageBatchOutput, FailedItem, SuccessfulItem } from '../../../model/generated/sqs-types.js';
import type { MetaOp } from '../../../storage/meta-store.js';
import { assertBatch, failure } from '../batch.js';
import { queueWithState, required, type SqsHandler } from '../context.js';
import { sqsErrors } from '../errors.js';
import { deleteByHandle } from '../handle-actions.js';

export const deleteMessageBatch: SqsHandler<DeleteMessageBatchInput, DeleteMessageBatchOutput> = async (deps, ctx, input) => {
  required(input, 'QueueUrl');
  const { queue, state } = await queueWithState(deps, ctx, input.QueueUrl);
  assertBatch(input.Entries, 'DeleteMessageBatchRequestEntry');
  const now = Date.now();
  const ops: MetaOp[] = [];
  const Successful: SuccessfulItem[] = [];
  const Failed: FailedItem[] = [];
  for (const entry of input.Entries) {
    try {
      if (entry.ReceiptHandle === undefined) throw sqsErrors.missingParameter('ReceiptHandle');
      ops.push(...deleteByHandle(queue, state, entry.ReceiptHandle, now));
      Successful.push({ Id: entry.Id });
    } catch (err) {
      Failed.push(failure(entry.Id, err));
    }
  }
  if (ops.length > 0) await deps.store.commit(ops);
  return { Successful, Failed };
};
