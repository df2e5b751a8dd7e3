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
  // Its archive must be turned off first (native AWS, radkawar/stackd testdata/aws/sns/
  // archive_replay.json delete-enabled-archive-refusal, 2026-09-22).
  if (topic.attributes.ArchivePolicy !== undefined) throw snsErrors.invalidState('Invalid state: Cannot delete a topic with an ArchivePolicy');
  await deps.store.deleteTopic(input.TopicArn);
  if (topic.fifo) await deps.fifo.forget(topic.arn);
  return {};
};
