/** TagResource, UntagResource, ListTagsForResource (topics). */
import type {
  ListTagsForResourceInput, ListTagsForResourceOutput, TagResourceInput, TagResourceOutput, UntagResourceInput, UntagResourceOutput,
} from '../../../model/generated/sns-types.js';
import { parseTopicArn } from '../arns.js';
import { inTopicTurn, type SnsDeps, type SnsHandler } from '../context.js';
import { snsErrors } from '../errors.js';
import type { TopicRecord } from '../records.js';
import { checkTags, mergeTags } from '../tags.js';

function resource(deps: SnsDeps, arn: string): TopicRecord {
  if (parseTopicArn(arn) === undefined) throw snsErrors.invalid('ResourceArn');
  const topic = deps.store.topic(arn);
  if (topic === undefined) throw snsErrors.resourceNotFound();
  return topic;
}

export const tagResource: SnsHandler<TagResourceInput, TagResourceOutput> = inTopicTurn((input) => input.ResourceArn, async (deps, _ctx, input) => {
  const topic = resource(deps, input.ResourceArn);
  checkTags(input.Tags);
  // A key twice in one call is refused, not merged: localstack tests/aws/services/sns/test_sns.snapshot.json,
  // test_tags "duplicate-key-error", 2023-08-24.
  if (new Set(input.Tags.map((t) => t.Key)).size !== input.Tags.length) throw snsErrors.invalidParameter('Invalid parameter: Duplicated keys are not allowed.');
  await deps.store.putTopic({ ...topic, tags: mergeTags(topic.tags, input.Tags) });
  return {};
});

export const untagResource: SnsHandler<UntagResourceInput, UntagResourceOutput> = inTopicTurn((input) => input.ResourceArn, async (deps, _ctx, input) => {
  const topic = resource(deps, input.ResourceArn);
  const drop = new Set(input.TagKeys);
  await deps.store.putTopic({ ...topic, tags: topic.tags.filter((t) => !drop.has(t.Key)) });
  return {};
});

export const listTagsForResource: SnsHandler<ListTagsForResourceInput, ListTagsForResourceOutput> = async (deps, _ctx, input) => {
  return { Tags: resource(deps, input.ResourceArn).tags };
};
