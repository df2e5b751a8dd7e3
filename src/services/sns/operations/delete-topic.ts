/**
 * DeleteTopic: the topic and its subscriptions. Idempotent, as AWS documents: deleting a topic
 * that does not exist is not an error. https://docs.aws.amazon.com/sns/latest/api/API_DeleteTopic.html
 */
import type { DeleteTopicInput, DeleteTopicOutput } from '../../../model/generated/sns-types.js';
import { parseTopicArn } from '../arns.js';
import type { SnsDeps, SnsHandler } from '../context.js';
import { snsErrors } from '../errors.js';

export const deleteTopic: SnsHandler<DeleteTopicInput, DeleteTopicOutput> = async (deps, ctx, input) => {
  const parsed = parseTopicArn(input.TopicArn);
  // Another region's topic is refused (test_cross_region_access "delete-topic", context.ts).
  if (parsed === undefined || parsed.region !== ctx.region) throw snsErrors.invalid('TopicArn');
  // After any Subscribe or Unsubscribe of the topic under way (store.ts topicChanges): their
  // writes must not land after the topic's subscriptions are removed.
  return deps.store.topicChanges.run(input.TopicArn, () => removeTopic(deps, input.TopicArn));
};

async function removeTopic(deps: SnsDeps, arn: string): Promise<DeleteTopicOutput> {
  const topic = deps.store.topic(arn);
  if (topic === undefined) return {};
  // Its archive must be turned off first (native AWS, radkawar/stackd testdata/aws/sns/
  // archive_replay.json delete-enabled-archive-refusal, 2026-09-22).
  if (topic.attributes.ArchivePolicy !== undefined) throw snsErrors.invalidState('Invalid state: Cannot delete a topic with an ArchivePolicy');
  await deps.store.deleteTopic(arn);
  if (topic.fifo) await deps.fifo.forget(topic.arn);
  return {};
}
