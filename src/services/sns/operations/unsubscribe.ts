/**
 * Unsubscribe: reachable unsigned as the UnsubscribeURL of every notification. An http/https
 * endpoint gets an UnsubscribeConfirmation, as from AWS. A pending subscription cannot be
 * unsubscribed (Terraform's provider tolerates exactly that error).
 * https://docs.aws.amazon.com/sns/latest/api/API_Unsubscribe.html
 */
import { randomBytes } from 'node:crypto';
import type { UnsubscribeInput, UnsubscribeOutput } from '../../../model/generated/sns-types.js';
import { topicOfSubscription } from '../arns.js';
import type { SnsHandler } from '../context.js';
import { snsErrors } from '../errors.js';

export const unsubscribe: SnsHandler<UnsubscribeInput, UnsubscribeOutput> = async (deps, ctx, input) => {
  if (topicOfSubscription(input.SubscriptionArn) === undefined) throw snsErrors.invalid('SubscriptionArn');
  const live = deps.store.subscription(input.SubscriptionArn);
  if (live === undefined) throw snsErrors.subscriptionNotFound();
  if (!live.record.confirmed) throw snsErrors.invalidParameter('Invalid parameter: Cannot unsubscribe a subscription that is pending confirmation');
  await deps.store.deleteSubscription(input.SubscriptionArn);
  const { record } = live;
  const topic = deps.store.topic(record.topicArn);
  if (topic !== undefined && record.confirmed && (record.protocol === 'http' || record.protocol === 'https') && !deps.features.has('virtual')) {
    await deps.deliverer.requestConfirmation(record, topic, randomBytes(64).toString('hex'), ctx.host, 'UnsubscribeConfirmation');
  }
  return {};
};
