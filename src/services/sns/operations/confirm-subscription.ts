/**
 * ConfirmSubscription: the token sent in the SubscriptionConfirmation confirms the pending
 * subscription. Reachable unsigned, as the SubscribeURL (a GET with Action=ConfirmSubscription)
 * that endpoints follow. https://docs.aws.amazon.com/sns/latest/api/API_ConfirmSubscription.html
 */
import type { ConfirmSubscriptionInput, ConfirmSubscriptionOutput } from '../../../model/generated/sns-types.js';
import { topicOf, type SnsHandler } from '../context.js';
import { snsErrors } from '../errors.js';

export const confirmSubscription: SnsHandler<ConfirmSubscriptionInput, ConfirmSubscriptionOutput> = async (deps, _ctx, input) => {
  const topic = topicOf(deps, input.TopicArn);
  if (input.AuthenticateOnUnsubscribe !== undefined && !['true', 'false'].includes(input.AuthenticateOnUnsubscribe.toLowerCase())) {
    throw snsErrors.invalid('AuthenticateOnUnsubscribe');
  }
  const live = deps.store.subscriptionsOf(topic.arn).find((s) => s.record.token === input.Token);
  if (live === undefined) throw snsErrors.invalid('Token');
  if (!live.record.confirmed) {
    await deps.store.putSubscription({ ...live.record, confirmed: true, authenticated: input.AuthenticateOnUnsubscribe?.toLowerCase() === 'true' });
  }
  return { SubscriptionArn: live.record.arn };
};
