/**
 * Which TopicArn a ConfirmSubscription may name, against a raw capture of native AWS (us-east-1,
 * 2026-09-23): radkawar/stackd testdata/aws/sns/confirmation_lifetime_scope.json; each test cites
 * the labels of its `observations` entries. The token alone names the subscription: the TopicArn
 * may be another account's topic of the same name, or a topic that does not exist.
 */
import test from 'ava';
import { snsHarness } from './harness.js';

const SCOPE = 'radkawar/stackd testdata/aws/sns/confirmation_lifetime_scope.json';
const OWNER = '000000000000';
const OTHER = '917546008205';
const QUEUE = `arn:aws:sqs:us-east-1:${OTHER}:scope`;

interface Confirmation { Type: string; Token: string }

test(`a token confirms its subscription whatever account's topic the TopicArn names, from either account, pending or confirmed [${SCOPE} create-other-account-topic, subscribe-owner, original-control-0, active-other-account-parameter-A, active-other-account-parameter-B, pending-subscribe-other-account, pending-confirm-other-account, pending-result-other-account, pending-subscribe-missing-topic, pending-confirm-missing-topic, pending-result-missing-topic (2026-09-23)]`, async (t) => {
  const h = await snsHarness();
  try {
    const { TopicArn } = await h.call<{ TopicArn: string }>('CreateTopic', { Name: 'scope' });
    const { TopicArn: theirs } = await h.call<{ TopicArn: string }>('CreateTopic', { Name: 'scope' }, OTHER);
    const latestToken = () => {
      const deliveries = h.sqs.to(QUEUE);
      return (JSON.parse(deliveries[deliveries.length - 1]!.body) as Confirmation).Token;
    };
    // The queue's own account subscribes it: confirmed at once, and a confirmation is still sent.
    const { SubscriptionArn: active } = await h.call<{ SubscriptionArn: string }>('Subscribe', { TopicArn, Protocol: 'sqs', Endpoint: QUEUE, ReturnSubscriptionArn: true }, OTHER, true);
    const activeToken = latestToken();
    for (const account of [OWNER, OTHER]) {
      t.deepEqual(await h.call('ConfirmSubscription', { TopicArn: theirs, Token: activeToken }, account, true), { SubscriptionArn: active });
    }
    await h.call('Unsubscribe', { SubscriptionArn: active }, OTHER, true);
    // The topic's owner subscribes the other account's queue: pending until its token comes back.
    for (const named of [theirs, `${TopicArn}-missing`]) {
      const { SubscriptionArn: pending } = await h.call<{ SubscriptionArn: string }>('Subscribe', { TopicArn, Protocol: 'sqs', Endpoint: QUEUE, ReturnSubscriptionArn: true }, OWNER, true);
      const account = named === theirs ? OTHER : OWNER;
      t.deepEqual(await h.call('ConfirmSubscription', { TopicArn: named, Token: latestToken() }, account, true), { SubscriptionArn: pending });
      const { Attributes } = await h.call<{ Attributes: Record<string, string> }>('GetSubscriptionAttributes', { SubscriptionArn: pending }, OWNER, true);
      t.like(Attributes, { PendingConfirmation: 'false', ConfirmationWasAuthenticated: 'false' });
      await h.call('Unsubscribe', { SubscriptionArn: pending }, OWNER, true);
    }
  } finally {
    await h.close();
  }
});

test(`the UnsubscribeConfirmation token of a subscription deactivated before its topic was deleted still answers its ARN; the topic made again has no subscription and delivers nothing [${SCOPE} subscribe-cancellation-owner, cancel-topic-owner, cancellation-control-0, delete-topic-before-reactivation, reactivate-without-topic, recreate-topic, list-recreated-topic, publish-recreated-topic, recreated-receive-0..2 (2026-09-23)]`, async (t) => {
  const h = await snsHarness();
  try {
    const { TopicArn } = await h.call<{ TopicArn: string }>('CreateTopic', { Name: 'scope' });
    const { SubscriptionArn } = await h.call<{ SubscriptionArn: string }>('Subscribe', { TopicArn, Protocol: 'sqs', Endpoint: QUEUE, ReturnSubscriptionArn: true }, OTHER, true);
    await h.call('Unsubscribe', { SubscriptionArn }, OWNER, true);
    const deliveries = h.sqs.to(QUEUE);
    const cancellation = JSON.parse(deliveries[deliveries.length - 1]!.body) as Confirmation;
    t.is(cancellation.Type, 'UnsubscribeConfirmation');
    await h.call('DeleteTopic', { TopicArn }, OWNER, true);
    t.deepEqual(await h.call('ConfirmSubscription', { TopicArn, Token: cancellation.Token }, OTHER, true), { SubscriptionArn });
    await h.call('CreateTopic', { Name: 'scope' });
    t.deepEqual(await h.call('ListSubscriptionsByTopic', { TopicArn }), { Subscriptions: [] });
    const before = h.sqs.to(QUEUE).length;
    await h.call('Publish', { TopicArn, Message: 'recreated-topic-after-old-token' });
    t.is(h.sqs.to(QUEUE).length, before);
  } finally {
    await h.close();
  }
});
