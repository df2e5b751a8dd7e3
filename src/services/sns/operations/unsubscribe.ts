/**
 * Unsubscribe: reachable unsigned as the UnsubscribeURL of every notification. An http/https
 * endpoint or a queue of another account gets an UnsubscribeConfirmation, as from AWS. A pending subscription cannot be
 * unsubscribed (Terraform's provider tolerates exactly that error).
 * https://docs.aws.amazon.com/sns/latest/api/API_Unsubscribe.html
 */
import { randomBytes } from 'node:crypto';
import type { UnsubscribeInput, UnsubscribeOutput } from '../../../model/generated/sns-types.js';
import { topicOfSubscription } from '../arns.js';
import { malformedArn, type SnsHandler } from '../context.js';
import { snsErrors } from '../errors.js';

/**
 * The refusals are AWS's (localstack tests/aws/services/sns/test_sns.snapshot.json, recorded
 * 2025-10-06): test_unsubscribe_wrong_arn_format for malformed ARNs, and
 * test_unsubscribe_from_non_existing_subscription / test_unsubscribe_idempotency for a
 * subscription already gone, which is not an error.
 */
export const unsubscribe: SnsHandler<UnsubscribeInput, UnsubscribeOutput> = async (deps, ctx, input) => {
  const arn = input.SubscriptionArn;
  if (arn === '') throw snsErrors.invalid('SubscriptionArn', 'no value for required parameter');
  if (topicOfSubscription(arn) === undefined) {
    throw arn.split(':').length < 6 ? malformedArn(arn, 'SubscriptionArn') : snsErrors.invalid('SubscriptionId');
  }
  const live = deps.store.subscription(arn);
  if (live === undefined) return {};
  if (!live.record.confirmed) throw snsErrors.invalidParameter('Invalid parameter: Cannot unsubscribe a subscription that is pending confirmation');
  // A subscription confirmed with AuthenticateOnUnsubscribe=true is not removed by an unsigned
  // request (its UnsubscribeURL): native AWS, radkawar/stackd testdata/aws/sns/http_delivery.json
  // protected_unsubscribe (2026-09).
  if (live.record.authenticated === true && ctx.accessKeyId === undefined) {
    throw snsErrors.authorization('This subscription may only be deleted by an authorized user.');
  }
  await deps.store.deleteSubscription(input.SubscriptionArn);
  const { record } = live;
  const topic = deps.store.topic(record.topicArn);
  if (topic !== undefined && record.confirmed && confirmsUnsubscribe(record.protocol, record.endpoint, topic.account) && !deps.features.has('virtual')) {
    await deps.deliverer.requestConfirmation(record, topic, randomBytes(64).toString('hex'), ctx.host, 'UnsubscribeConfirmation');
  }
  return {};
};

/**
 * http/https endpoints, and queues of another account than the topic's (native AWS,
 * radkawar/stackd testdata/aws/sns/deleted_rejoin.json unsubscribe-topic-owner,
 * cancellation-receive-0, 2026-09-23); a queue of the topic's own account gets none
 * (deletion.json, unsubscribe-retained-old and the receives after it).
 */
function confirmsUnsubscribe(protocol: string, endpoint: string, topicAccount: string): boolean {
  if (protocol === 'http' || protocol === 'https') return true;
  return protocol === 'sqs' && endpoint.split(':')[4] !== topicAccount;
}
