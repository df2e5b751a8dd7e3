/** GetSubscriptionAttributes and SetSubscriptionAttributes. */
import type {
  GetSubscriptionAttributesInput, GetSubscriptionAttributesOutput, SetSubscriptionAttributesInput, SetSubscriptionAttributesOutput,
} from '../../../model/generated/sns-types.js';
import { topicOfSubscription } from '../arns.js';
import { malformedArn, type SnsDeps, type SnsHandler } from '../context.js';
import { replayWindow } from '../archive/replay-policy.js';
import { snsErrors } from '../errors.js';
import type { LiveSubscription } from '../store.js';
import type { RequestContext } from '../../types.js';
import { SUBSCRIPTION_ATTRIBUTES, checkFifoDeadLetter, checkSubscriptionAttributes, fifoTopicQueue, subscriptionAttributes } from '../subscription-attributes.js';

/**
 * The subscription, for its owner only: another account, the topic's owner or the queue's
 * included, is refused whether it is pending or confirmed (native AWS, radkawar/stackd
 * testdata/aws/sns/cross_account_confirmation.json direct-confirmed-get-A, direct-confirmed-set-A,
 * owner-true-pending-get-B, owner-true-pending-set-B, 2026-09-23). An unsigned request names no
 * account and is let through, as boltstack lets it through elsewhere.
 */
function subscriptionOf(deps: SnsDeps, ctx: RequestContext, arn: string): LiveSubscription {
  // "An ARN must have at least 6 elements, not 1" for a word, as Unsubscribe words it (AWS's answer
  // in localstack test_sns.snapshot.json test_delete_subscriptions_on_delete_topic, 2025-10-06).
  if (topicOfSubscription(arn) === undefined) throw malformedArn(arn, 'SubscriptionArn');
  const live = deps.store.subscription(arn);
  if (live === undefined) throw snsErrors.subscriptionNotFound();
  if (ctx.accessKeyId !== undefined && ctx.accountId !== live.record.owner) throw snsErrors.authorization('Not authorized to access this subscription');
  return live;
}

export const getSubscriptionAttributes: SnsHandler<GetSubscriptionAttributesInput, GetSubscriptionAttributesOutput> = async (deps, ctx, input) => {
  const { record } = subscriptionOf(deps, ctx, input.SubscriptionArn);
  return { Attributes: subscriptionAttributes(record, deps.store.topic(record.topicArn)) };
};

export const setSubscriptionAttributes: SnsHandler<SetSubscriptionAttributesInput, SetSubscriptionAttributesOutput> = async (deps, ctx, input) => {
  subscriptionOf(deps, ctx, input.SubscriptionArn);
  // The record is read again inside the section: the change applies to the subscription as the
  // changes before it left it.
  return deps.store.subscriptionChanges.run(input.SubscriptionArn, () => setAttribute(deps, ctx, input));
};

async function setAttribute(deps: SnsDeps, ctx: RequestContext, input: SetSubscriptionAttributesInput): Promise<SetSubscriptionAttributesOutput> {
  const { record } = subscriptionOf(deps, ctx, input.SubscriptionArn);
  const name = input.AttributeName;
  if (!(SUBSCRIPTION_ATTRIBUTES as readonly string[]).includes(name)) throw snsErrors.invalid('AttributeName');
  const value = input.AttributeValue ?? '';
  if (name === 'ReplayPolicy') {
    const window = replayWindow(deps.store.topic(record.topicArn), value, (reason) => snsErrors.invalidParameter(`Invalid parameter: ${reason}`));
    const attributes = { ...record.attributes };
    if (window === undefined) delete attributes.ReplayPolicy;
    else attributes.ReplayPolicy = value;
    await deps.replayer.set(record, attributes, window, ctx.host);
    return {};
  }
  const attributes = { ...record.attributes };
  // An empty value removes the attribute (an empty FilterPolicy stops filtering); not
  // RawMessageDelivery, which must be true or false ("Invalid value []": localstack
  // tests/aws/services/sns/test_sns.snapshot.json, test_validate_set_sub_attributes, 2025-10-06).
  if (value === '' && name !== 'RawMessageDelivery') {
    delete attributes[name];
    if (name === 'FilterPolicy') delete attributes.FilterPolicyScope;
  } else {
    attributes[name] = value;
  }
  const checked = checkSubscriptionAttributes(attributes, record.protocol, false);
  if (name === 'RedrivePolicy') {
    checkFifoDeadLetter(value, fifoTopicQueue(deps.store.topic(record.topicArn)?.fifo === true, record.protocol, record.endpoint), false);
  }
  await deps.store.changeSubscription({ ...record, attributes: checked });
  return {};
}
