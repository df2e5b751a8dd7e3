/** Listings page by 100 in ARN order with an opaque NextToken, and stay within the caller's account and region. */
import test from 'ava';
import { snsHarness } from './harness.js';

test('ListTopics and ListSubscriptionsByTopic: 100 a page, then the rest; other accounts unseen', async (t) => {
  const h = await snsHarness();
  try {
    for (let i = 0; i < 105; i++) await h.call('CreateTopic', { Name: `t${String(i).padStart(3, '0')}` });
    await h.call('CreateTopic', { Name: 'elsewhere' }, '111122223333');
    const first = await h.call<{ Topics: { TopicArn: string }[]; NextToken?: string }>('ListTopics', {});
    t.is(first.Topics.length, 100);
    t.is(first.Topics[0]!.TopicArn, 'arn:aws:sns:us-east-1:000000000000:t000');
    t.truthy(first.NextToken);
    const second = await h.call<{ Topics: { TopicArn: string }[]; NextToken?: string }>('ListTopics', { NextToken: first.NextToken });
    t.deepEqual(second.Topics.map((x) => x.TopicArn.split(':').pop()), ['t100', 't101', 't102', 't103', 't104']);
    t.is(second.NextToken, undefined);
    const topic = 'arn:aws:sns:us-east-1:000000000000:t000';
    for (let i = 0; i < 101; i++) await h.call('Subscribe', { TopicArn: topic, Protocol: 'sqs', Endpoint: `arn:aws:sqs:us-east-1:000000000000:q${i}` });
    const subs = await h.call<{ Subscriptions: unknown[]; NextToken?: string }>('ListSubscriptionsByTopic', { TopicArn: topic });
    t.is(subs.Subscriptions.length, 100);
    const rest = await h.call<{ Subscriptions: unknown[]; NextToken?: string }>('ListSubscriptionsByTopic', { TopicArn: topic, NextToken: subs.NextToken });
    t.is(rest.Subscriptions.length, 1);
    t.is((await h.call<{ Subscriptions: unknown[] }>('ListSubscriptions', {}, '111122223333')).Subscriptions.length, 0);
  } finally {
    await h.close();
  }
});
