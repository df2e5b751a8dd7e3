/**
 * SendMessage: validated (send.ts), stored durably, then answered with the MessageId and the
 * digests AWS computes.
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessage.html
 */
import type { SendMessageInput, SendMessageOutput } from '../../../model/generated/sqs-types.js';
import { queueOf, required, type SqsHandler } from '../context.js';
import { commit, prepare, resultOf, traceFromHeader } from '../send.js';

export const sendMessage: SqsHandler<SendMessageInput, SendMessageOutput> = async (deps, ctx, input) => {
  required(input, 'QueueUrl');
  const queue = queueOf(deps, ctx, input.QueueUrl);
  // Not queueWithState: once the queue's state is loaded, the hot path awaits only the write
  // (the async lookup cost a promise, an object and a turn per send: SendMessage profile).
  const state = queue.loadedState ?? await queue.state(deps.store);
  const prepared = prepare(queue, state, input, ctx.accountId, Date.now());
  traceFromHeader(prepared, ctx.traceHeader);
  await commit(deps.store, queue, state, [prepared]);
  return resultOf(prepared);
};
