/**
 * ConfirmSubscription: the token sent in the SubscriptionConfirmation confirms the pending
 * subscription. Reachable unsigned, as the SubscribeURL (a GET with Action=ConfirmSubscription)
 * that endpoints follow. https://docs.aws.amazon.com/sns/latest/api/API_ConfirmSubscription.html
 *
 * The refusals are AWS's (localstack tests/aws/services/sns/test_sns.snapshot.json,
 * test_sns_confirm_subscription_wrong_token, 2025-10-06): a token that is not hex is "Invalid
 * token"; an unknown token, or a topic that does not exist, is "Invalid parameter: Token" (400,
 * not NotFound). A TopicArn that is no topic ARN, or names another region than a signed request's,
 * is "Invalid parameter: Topic"; a topic of the right region that does not exist still confirms
 * the subscription the token was sent for (test_subscribe_external_http_endpoint, 2023-10-11).
 * An unsigned GET (an endpoint following the SubscribeURL) carries no region to compare.
 */
import type { ConfirmSubscriptionInput, ConfirmSubscriptionOutput } from '../../../model/generated/sns-types.js';
import { parseTopicArn } from '../arns.js';
import { malformedArn, type SnsHandler } from '../context.js';
import { snsErrors } from '../errors.js';
import { holdsToken } from '../records.js';

const TOKEN = /^[0-9a-fA-F]+$/;

export const confirmSubscription: SnsHandler<ConfirmSubscriptionInput, ConfirmSubscriptionOutput> = async (deps, ctx, input) => {
  if (input.TopicArn === undefined) throw malformedArn('', 'TopicArn');
  const named = parseTopicArn(input.TopicArn);
  if (named === undefined || (ctx.accessKeyId !== undefined && named.region !== ctx.region)) throw snsErrors.invalid('Topic');
  if (input.AuthenticateOnUnsubscribe !== undefined && !['true', 'false'].includes(input.AuthenticateOnUnsubscribe.toLowerCase())) {
    throw snsErrors.invalid('AuthenticateOnUnsubscribe');
  }
  if (input.Token === undefined || !TOKEN.test(input.Token)) throw snsErrors.invalidParameter('Invalid token');
  const topic = deps.store.topic(input.TopicArn);
  // The token alone names the subscription: under another existing topic of the account, another
  // account's topic of the same name, or a topic that does not exist, it still confirms (native
  // AWS, radkawar/stackd testdata/aws/sns/confirmation_lifetime.json confirm-wrong-topic;
  // confirmation_lifetime_scope.json active-other-account-parameter-A/B,
  // pending-confirm-other-account, pending-confirm-missing-topic; 2026-09-23).
  const live = (topic === undefined ? undefined : deps.store.subscriptionsOf(topic.arn).find((s) => holdsToken(s.record, input.Token!)))
    ?? byToken(deps.store, input.Token, `arn:aws:sns:${named.region}:`);
  if (live === undefined) return removed(deps.store, input.Token);
  const authenticate = input.AuthenticateOnUnsubscribe?.toLowerCase() === 'true';
  if (!live.record.confirmed) {
    // Authentication cannot be asked for by an unsigned request (the SubscribeURL): native AWS,
    // radkawar/stackd testdata/aws/sns/http_delivery.json unsigned_authenticated_confirm (2026-09).
    // Signed, only the subscription's owner may: the queue's owner asking it for the topic
    // owner's pending subscription is refused alike, and the topic's owner asking it to restore
    // another account's deactivated one is told it is confirmed (native AWS, radkawar/stackd
    // testdata/aws/sns/cross_account_confirmation.json owner-true-confirm-queue-owner-B-true,
    // owner-true-confirm-owner-A-true, direct-after-topic-owner-unsubscribe-recover, 2026-09-23).
    if (authenticate && (ctx.accessKeyId === undefined || ctx.accountId !== live.record.owner)) {
      if (ctx.accessKeyId !== undefined && live.record.deleted === true) throw snsErrors.authorization('Subscription already confirmed');
      throw snsErrors.authorization('To disallow anonymous unsubscription, subscriber and confirmer IDs must match');
    }
    // A deactivated subscription (operations/unsubscribe.ts) is restored as it was confirmed
    // (http_delivery.json reactivate, reactivated_attributes: ConfirmationWasAuthenticated kept).
    const { deleted, ...record } = live.record;
    const how = deleted === true && !authenticate ? {} : { authenticated: authenticate };
    await deps.store.changeSubscription({ ...record, confirmed: true, ...how });
  } else if (authenticate) {
    // Asking for authentication on a confirmed subscription is refused (confirmation_lifetime.json
    // confirm-active-protected, confirm-replacement-active); without it the ARN is answered.
    throw snsErrors.authorization('Subscription already confirmed');
  }
  return { SubscriptionArn: live.record.arn };
};

/** A removed subscription's token: NotFound, or the ARN of one its topic's deletion took (tombstones.ts); else unknown. */
function removed(store: Parameters<SnsHandler<unknown, unknown>>[0]['store'], token: string): ConfirmSubscriptionOutput {
  const stone = store.tombstone(token);
  if (stone === undefined) throw snsErrors.invalid('Token');
  if (!stone.answersArn) throw snsErrors.subscriptionNotFound();
  return { SubscriptionArn: stone.arn };
}

/** The subscription `token` was sent for, among the topics under `prefix` (a region, every account): a rare path, so a scan. */
function byToken(store: Parameters<SnsHandler<unknown, unknown>>[0]['store'], token: string, prefix: string) {
  const record = store.allSubscriptions().find((s) => holdsToken(s, token) && s.topicArn.startsWith(prefix));
  return record === undefined ? undefined : store.subscription(record.arn);
}
