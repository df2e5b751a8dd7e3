/**
 * ListQueues: the caller's queues in the request's region, by name, filtered by prefix. Without
 * MaxResults up to 1,000 and no NextToken; with MaxResults (1-1,000) pages and a NextToken.
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_ListQueues.html
 */
import type { ListQueuesInput, ListQueuesOutput } from '../../../model/generated/sqs-types.js';
import type { SqsHandler } from '../context.js';
import { sqsErrors } from '../errors.js';
import { queueUrl } from '../names.js';
import { page } from '../paging.js';

export const listQueues: SqsHandler<ListQueuesInput, ListQueuesOutput> = async (deps, ctx, input) => {
  const prefix = input.QueueNamePrefix ?? '';
  const names = deps.store.list(ctx.accountId, ctx.region).map((q) => q.name).filter((n) => n.startsWith(prefix));
  const { items, next } = page(names, input.MaxResults, input.NextToken);
  if (input.MaxResults === undefined && input.NextToken !== undefined) throw sqsErrors.invalidParameterValue('MaxResults is a mandatory parameter when you provide a value for NextToken.');
  const out: ListQueuesOutput = {};
  if (items.length > 0) out.QueueUrls = items.map((n) => queueUrl(ctx.host, ctx.accountId, n));
  if (next !== undefined) out.NextToken = next;
  return out;
};
