/** DeleteMessageBatch: each entry succeeds or fails on its own; the deletes are one atomic batch. */
import type { DeleteMessageBatchInput, DeleteMessageBatchOutput } from '../../../model/generated/sqs-types.js';
import { applyByReceiptHandle, assertBatch } from '../batch.js';
import { queueWithState, required, type SqsHandler } from '../context.js';
import { deleteByHandle } from '../handle-actions.js';

export const deleteMessageBatch: SqsHandler<DeleteMessageBatchInput, DeleteMessageBatchOutput> = async (deps, ctx, input) => {
  required(input, 'QueueUrl');
  const { queue, state } = await queueWithState(deps, ctx, input.QueueUrl);
  assertBatch(input.Entries, 'DeleteMessageBatchRequestEntry');
  const now = Date.now();
  return applyByReceiptHandle(input.Entries, (entry) => deleteByHandle(deps.store.bodies, queue, state, entry.ReceiptHandle, now), (ops) => deps.store.commit(ops));
};
