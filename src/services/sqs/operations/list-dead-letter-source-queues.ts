/** ListDeadLetterSourceQueues: the caller's queues whose RedrivePolicy targets this queue, paged. */
import type { ListDeadLetterSourceQueuesInput, ListDeadLetterSourceQueuesOutput } from '../../../model/generated/sqs-types.js';
import { queueOf, required, type SqsHandler } from '../context.js';
import { queueUrl } from '../names.js';
import { page } from '../paging.js';

export const listDeadLetterSourceQueues: SqsHandler<ListDeadLetterSourceQueuesInput, ListDeadLetterSourceQueuesOutput> = async (deps, ctx, input) => {
  required(input, 'QueueUrl');
  const dlq = queueOf(deps, ctx, input.QueueUrl);
  const names = deps.store.list(ctx.accountId, ctx.region).filter((q) => {
    const policy = q.record.attributes.RedrivePolicy;
    return policy !== undefined && policy !== '' && (JSON.parse(policy) as { deadLetterTargetArn: string }).deadLetterTargetArn === dlq.arn;
  }).map((q) => q.name);
  const { items, next } = page(names, input.MaxResults, input.NextToken);
  return { queueUrls: items.map((n) => queueUrl(ctx.host, ctx.accountId, n)), ...(next !== undefined ? { NextToken: next } : {}) };
};
