/**
 * SendMessage: validated (send.ts), stored durably, then answered with the MessageId and the
 * digests AWS computes.
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessage.html
 */
import type { SendMessageInput, SendMessageOutput } from '../../../model/generated/sqs-types.js';
import { queueWithState, required, type SqsHandler } from '../context.js';
import { commit, prepare, resultOf } from '../send.js';

export const sendMessage: SqsHandler<SendMessageInput, SendMessageOutput> = async (deps, ctx, input) => {
  required(input, 'QueueUrl');
  const { queue, state } = await queueWithState(deps, ctx, input.QueueUrl);
  const prepared = prepare(queue, state, input, ctx.accountId, Date.now());
  await commit(deps.store, queue, state, [prepared]);
  return resultOf(prepared);
};
