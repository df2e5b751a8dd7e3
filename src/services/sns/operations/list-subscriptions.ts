/** ListSubscriptions (the caller's, 100 a page) and ListSubscriptionsByTopic. */
import type {
  ListSubscriptionsByTopicInput, ListSubscriptionsByTopicOutput, ListSubscriptionsInput, ListSubscriptionsOutput, Subscription,
} from '../../../model/generated/sns-types.js';
import { pageAfter, topicOf, type SnsHandler } from '../context.js';
import type { SubscriptionRecord } from '../records.js';

/**
 * A password in an http/https endpoint is listed as "****" (native AWS, radkawar/stackd
 * testdata/aws/sns/http_delivery.json post_unsubscribe_list, http_confirmation_authority.json
 * PendingSubscriptionFollowup, 2026-09: "https://probe:****@…/basic").
 */
const listed = (endpoint: string): string => endpoint.replace(/^(https?:\/\/[^:/@]*):[^@/]*@/i, '$1:****@');

/** A deactivated subscription is listed as "Deleted" (http_delivery.json post_unsubscribe_list, deleted_rejoin.json list-deleted). */
const entry = (s: SubscriptionRecord): Subscription => ({
  SubscriptionArn: s.confirmed ? s.arn : s.deleted === true ? 'Deleted' : 'PendingConfirmation', Owner: s.owner, Protocol: s.protocol,
  Endpoint: s.protocol === 'http' || s.protocol === 'https' ? listed(s.endpoint) : s.endpoint, TopicArn: s.topicArn,
});

export const listSubscriptions: SnsHandler<ListSubscriptionsInput, ListSubscriptionsOutput> = async (deps, ctx, input) => {
  const mine = deps.store.allSubscriptions().filter((s) => s.owner === ctx.accountId && s.topicArn.split(':')[3] === ctx.region);
  const { page, next } = pageAfter(mine, (s) => s.arn, input.NextToken, 100);
  return { Subscriptions: page.map(entry), ...(next === undefined ? {} : { NextToken: next }) };
};

export const listSubscriptionsByTopic: SnsHandler<ListSubscriptionsByTopicInput, ListSubscriptionsByTopicOutput> = async (deps, ctx, input) => {
  const topic = topicOf(deps, ctx, input.TopicArn);
  const subs = deps.store.subscriptionsOf(topic.arn).map((s) => s.record).sort((a, b) => (a.arn < b.arn ? -1 : 1));
  const { page, next } = pageAfter(subs, (s) => s.arn, input.NextToken, 100);
  return { Subscriptions: page.map(entry), ...(next === undefined ? {} : { NextToken: next }) };
};
