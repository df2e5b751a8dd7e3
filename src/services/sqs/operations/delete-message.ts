/** DeleteMessage (handle-actions.ts says what an older handle does). */
import type { DeleteMessageInput, DeleteMessageOutput } from '../../../model/generated/sqs-types.js';
import { queueWithState, required, type SqsHandler } from '../context.js';
import { deleteByHandle } from '../handle-actions.js';

export const deleteMessage: SqsHandler<DeleteMessageInput, DeleteMessageOutput> = async (deps, ctx, input) => {
  required(input, 'QueueUrl', 'ReceiptHandle');
  const { queue, state } = await queueWithState(deps, ctx, input.QueueUrl);
  const ops = deleteByHandle(deps.store.bodies, queue, state, input.ReceiptHandle, Date.now());
  if (ops.length > 0) await deps.store.commit(ops);
  return {};
};
