/**
 * Unsubscribe: reachable unsigned as the UnsubscribeURL of every notification. An http/https
 * endpoint or a queue of another account gets an UnsubscribeConfirmation, as from AWS. A pending subscription cannot be
 * unsubscribed (Terraform's provider tolerates exactly that error).
 * https://docs.aws.amazon.com/sns/latest/api/API_Unsubscribe.html
 */
import { randomBytes } from 'node:crypto';
import type { UnsubscribeInput, UnsubscribeOutput } from '../../../model/generated/sns-types.js';
import { topicOfSubscription } from '../arns.js';
import { malformedArn, type SnsDeps, type SnsHandler } from '../context.js';
import { snsErrors } from '../errors.js';
import type { SubscriptionRecord } from '../records.js';
import type { RequestContext } from '../../types.js';

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
  // After the changes already under way (store.ts subscriptionChanges): one of them must not store
  // the subscription again after it is removed.
  return deps.store.subscriptionChanges.run(arn, () => remove(deps, ctx, arn));
};

async function remove(deps: SnsDeps, ctx: RequestContext, arn: string): Promise<UnsubscribeOutput> {
  const live = deps.store.subscription(arn);
  if (live === undefined) return {};
  const { record } = live;
  if (!record.confirmed && record.deleted !== true) throw snsErrors.invalidParameter('Invalid parameter: Cannot unsubscribe a subscription that is pending confirmation');
  const topic = deps.store.topic(record.topicArn);
  const byOwner = ctx.accessKeyId !== undefined && ctx.accountId === record.owner;
  if (!mayUnsubscribe(record, ctx.accessKeyId === undefined ? undefined : ctx.accountId, byOwner, topic?.account)) {
    throw snsErrors.authorization('This subscription may only be deleted by an authorized user.');
  }
  const confirms = topic !== undefined && confirmsUnsubscribe(record.protocol, record.endpoint, topic.account) && !deps.features.has('virtual');
  if (confirms && !byOwner) {
    // Another than the owner (the UnsubscribeURL, unsigned, or the topic's owner) only
    // deactivates it: it stays, listed as "Deleted" and still answering GetSubscriptionAttributes,
    // Subscribe answers its ARN, nothing reaches it, and the UnsubscribeConfirmation's token
    // restores it (native AWS: http_delivery.json unsigned_unsubscribe, post_unsubscribe_attributes,
    // post_unsubscribe_list, reactivate, reactivated_attributes, 2026-09-22; deleted_rejoin.json
    // unsubscribe-topic-owner, list-deleted, resubscribe-owner, get-after-rejoin, after-rejoin-*,
    // confirm-deleted-token, after-confirm-receive-0, 2026-09-23). Deactivating it again is not captured: a no-op.
    if (record.deleted === true) return {};
    const token = randomBytes(64).toString('hex');
    if (!await deps.store.changeSubscription({ ...record, confirmed: false, deleted: true, token })) return {};
    await deps.deliverer.requestConfirmation(record, topic, token, ctx.host, 'UnsubscribeConfirmation');
    return {};
  }
  // Its owner removes it; its tokens then answer NotFound (tombstones.ts). An http/https endpoint
  // hears of it; a queue does not (native AWS, radkawar/stackd testdata/aws/sns/
  // cross_account_confirmation.json owner-true-unsubscribe-owner-A, owner-true-after-owner-unsubscribe-receive-0/1, 2026-09-23).
  const token = confirms && record.protocol !== 'sqs' ? randomBytes(64).toString('hex') : undefined;
  // In the topic's section (store.ts topicChanges): the removal stores the topic's deleted count,
  // which must not bring back a topic a DeleteTopic has just removed.
  await deps.store.topicChanges.run(record.topicArn, () => deps.store.deleteSubscription(arn, token === undefined ? [] : [token]));
  if (token !== undefined && record.deleted !== true) await deps.deliverer.requestConfirmation(record, topic!, token, ctx.host, 'UnsubscribeConfirmation');
  return {};
}

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

/**
 * Who may unsubscribe: an SQS subscription never unsigned, whatever its confirmation (native AWS,
 * radkawar/stackd testdata/aws/sns/cross_account_confirmation.json direct-unsubscribe-anonymous,
 * owner-true-unsubscribe-anonymous, 2026-09-23); one confirmed with AuthenticateOnUnsubscribe=true
 * (or an SQS one its queue's account made) only by its owner or its topic's owner
 * (owner-true-unsubscribe-queue-owner-B refused, direct-unsubscribe-topic-owner-A allowed; unsigned:
 * http_delivery.json protected_unsubscribe, 2026-09). `caller` is the signed caller's account.
 */
function mayUnsubscribe(record: SubscriptionRecord, caller: string | undefined, byOwner: boolean, topicAccount: string | undefined): boolean {
  if (caller === undefined) return record.protocol !== 'sqs' && record.authenticated !== true;
  const authenticated = record.authenticated ?? record.protocol === 'sqs';
  return !authenticated || byOwner || caller === topicAccount;
}
