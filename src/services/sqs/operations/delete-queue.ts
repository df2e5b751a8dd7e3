/** DeleteQueue: gone at once; its messages are removed in the background (store.ts). */
import type { DeleteQueueInput, DeleteQueueOutput } from '../../../model/generated/sqs-types.js';
import { queueOf, required, type SqsHandler } from '../context.js';

export const deleteQueue: SqsHandler<DeleteQueueInput, DeleteQueueOutput> = async (deps, ctx, input) => {
  required(input, 'QueueUrl');
  await deps.store.delete(queueOf(deps, ctx, input.QueueUrl));
  return {};
};
