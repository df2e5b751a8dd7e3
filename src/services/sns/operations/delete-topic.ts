/**
 * DeleteTopic: the topic and its subscriptions. Idempotent, as AWS documents: deleting a topic
 * that does not exist is not an error. https://docs.aws.amazon.com/sns/latest/api/API_DeleteTopic.html
 */
import type { DeleteTopicInput, DeleteTopicOutput } from '../../../model/generated/sns-types.js';
import { parseTopicArn } from '../arns.js';
import type { SnsHandler } from '../context.js';
import { snsErrors } from '../errors.js';

export const deleteTopic: SnsHandler<DeleteTopicInput, DeleteTopicOutput> = async (deps, ctx, input) => {
  const parsed = parseTopicArn(input.TopicArn);
  // Another region's topic is refused (test_cross_region_access "delete-topic", context.ts).
  if (parsed === undefined || parsed.region !== ctx.region) throw snsErrors.invalid('TopicArn');
  const topic = deps.store.topic(input.TopicArn);
  if (topic === undefined) return {};
  await deps.store.deleteTopic(input.TopicArn);
  if (topic.fifo) await deps.fifo.forget(topic.arn);
  return {};
};
