/** GetQueueUrl: the caller's queue, or another account's with QueueOwnerAWSAccountId. */
import type { GetQueueUrlInput, GetQueueUrlOutput } from '../../../model/generated/sqs-types.js';
import { required, type SqsHandler } from '../context.js';
import { sqsErrors } from '../errors.js';
import { queueUrl } from '../names.js';

export const getQueueUrl: SqsHandler<GetQueueUrlInput, GetQueueUrlOutput> = async (deps, ctx, input) => {
  required(input, 'QueueName');
  const account = input.QueueOwnerAWSAccountId ?? ctx.accountId;
  const queue = deps.store.find({ account, region: ctx.region, name: input.QueueName });
  if (queue === undefined) throw sqsErrors.queueDoesNotExist();
  return { QueueUrl: queueUrl(ctx.host, account, queue.name) };
};
