/**
 * ConfirmSubscription: the token sent in the SubscriptionConfirmation confirms the pending
 * subscription. Reachable unsigned, as the SubscribeURL (a GET with Action=ConfirmSubscription)
 * that endpoints follow. https://docs.aws.amazon.com/sns/latest/api/API_ConfirmSubscription.html
 *
 * The refusals are AWS's (localstack tests/aws/services/sns/test_sns.snapshot.json,
 * test_sns_confirm_subscription_wrong_token, 2025-10-06): a token that is not hex is "Invalid
 * token"; an unknown token, or a topic that does not exist, is "Invalid parameter: Token" (400,
 * not NotFound).
 */
import type { ConfirmSubscriptionInput, ConfirmSubscriptionOutput } from '../../../model/generated/sns-types.js';
import { parseTopicArn } from '../arns.js';
import { malformedArn, type SnsHandler } from '../context.js';
import { snsErrors } from '../errors.js';

const TOKEN = /^[0-9a-fA-F]+$/;

export const confirmSubscription: SnsHandler<ConfirmSubscriptionInput, ConfirmSubscriptionOutput> = async (deps, _ctx, input) => {
  if (input.TopicArn === undefined || parseTopicArn(input.TopicArn) === undefined) throw malformedArn(input.TopicArn ?? '', 'TopicArn');
  if (input.AuthenticateOnUnsubscribe !== undefined && !['true', 'false'].includes(input.AuthenticateOnUnsubscribe.toLowerCase())) {
    throw snsErrors.invalid('AuthenticateOnUnsubscribe');
  }
  if (input.Token === undefined || !TOKEN.test(input.Token)) throw snsErrors.invalidParameter('Invalid token');
  const topic = deps.store.topic(input.TopicArn);
  const live = topic === undefined ? undefined : deps.store.subscriptionsOf(topic.arn).find((s) => s.record.token === input.Token);
  if (live === undefined) throw snsErrors.invalid('Token');
  if (!live.record.confirmed) {
    await deps.store.putSubscription({ ...live.record, confirmed: true, authenticated: input.AuthenticateOnUnsubscribe?.toLowerCase() === 'true' });
  }
  return { SubscriptionArn: live.record.arn };
};
