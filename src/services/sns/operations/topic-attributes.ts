/** GetTopicAttributes and SetTopicAttributes (topic-attributes.ts of the service has the rules). */
import type { GetTopicAttributesInput, GetTopicAttributesOutput, SetTopicAttributesInput, SetTopicAttributesOutput } from '../../../model/generated/sns-types.js';
import { inTopicTurn, topicOf, type SnsHandler } from '../context.js';
import { snsErrors } from '../errors.js';
import { checkTopicAttribute, checkTopicChange, normalTopicAttribute, policyRefusal, topicAttributes, withArchivePolicy } from '../topic-attributes.js';

export const getTopicAttributes: SnsHandler<GetTopicAttributesInput, GetTopicAttributesOutput> = async (deps, ctx, input) => {
  const topic = topicOf(deps, ctx, input.TopicArn);
  return { Attributes: topicAttributes(topic, deps.store.subscriptionsOf(topic.arn).map((s) => s.record)) };
};

export const setTopicAttributes: SnsHandler<SetTopicAttributesInput, SetTopicAttributesOutput> = inTopicTurn((input) => input.TopicArn, async (deps, ctx, input) => {
  const topic = topicOf(deps, ctx, input.TopicArn);
  const value = input.AttributeValue ?? '';
  if (checkTopicChange(topic, input.AttributeName, value)) return {};
  if (input.AttributeName === 'Policy' && value !== '') {
    const refusal = policyRefusal(value);
    if (refusal !== undefined) throw snsErrors.invalidParameter(refusal);
  }
  checkTopicAttribute(input.AttributeName, value, topic.fifo,
    (reason, bare) => (bare === true ? snsErrors.invalidParameter(`Invalid parameter: ${reason}`) : snsErrors.invalid(input.AttributeName, reason)));
  if (input.AttributeName === 'ArchivePolicy') {
    const changed = withArchivePolicy(topic, value, Date.now());
    await deps.store.putTopic(changed);
    // Archiving turned off: the archive goes (in the background) and replays of it stop; turned
    // on again, it begins anew (a new BeginningArchiveTime; native AWS, radkawar/stackd
    // testdata/aws/sns/archive_replay.json lifecycle-disable-clears-archive, lifecycle-second-archive-start, 2026-09-22).
    if (topic.beginningArchiveTime !== undefined && changed.beginningArchiveTime === undefined) {
      await deps.replayer.stopAll(topic.arn);
      deps.archive.forget(topic.arn);
    }
    return {};
  }
  const attributes = { ...topic.attributes };
  // An empty value resets an attribute to its default (DisplayName, DeliveryPolicy, Policy...).
  if (value === '') delete attributes[input.AttributeName];
  else attributes[input.AttributeName] = normalTopicAttribute(input.AttributeName, value);
  await deps.store.putTopic({ ...topic, attributes });
  return {};
});
