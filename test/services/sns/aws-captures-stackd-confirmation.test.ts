/**
 * Confirming a subscription to a queue of another account, against raw captures of native AWS
 * (us-east-1, 2026-09-23) in radkawar/stackd testdata/aws/sns/confirmation_lifetime.json and
 * deleted_rejoin.json; each test cites the labels of its `observations` entries. Over the SNS
 * harness: its fake SQS records what reaches the other account's queue.
 */
import test from 'ava';
import { snsHarness } from './harness.js';
import { isAwsError } from '../../../src/errors/aws-error.js';

const LIFETIME = 'radkawar/stackd testdata/aws/sns/confirmation_lifetime.json';
const REJOIN = 'radkawar/stackd testdata/aws/sns/deleted_rejoin.json';
const OTHER = '917546008205';
const QUEUE = `arn:aws:sqs:us-east-1:${OTHER}:theirs`;

interface Confirmation { Type: string; Token: string; TopicArn: string; Message: string; SubscribeURL: string }

async function refusal(t: { fail: (m: string) => void }, call: Promise<unknown>): Promise<{ code: string; status: number; message: string }> {
  try { await call; } catch (err) {
    if (isAwsError(err)) return { code: err.code, status: err.status, message: err.message };
    throw err;
  }
  t.fail('expected a refusal');
  return { code: '', status: 0, message: '' };
}

test(`the SubscriptionConfirmation names the topic ARN unescaped in its SubscribeURL; the token confirms under another topic; AuthenticateOnUnsubscribe on a confirmed subscription is refused [${LIFETIME} subscribe-owner, original-control-0, confirm-wrong-topic, confirm-active-protected, confirm-unknown-live-topic (2026-09-23)]`, async (t) => {
  const h = await snsHarness();
  try {
    const { TopicArn } = await h.call<{ TopicArn: string }>('CreateTopic', { Name: 'token' });
    const { TopicArn: other } = await h.call<{ TopicArn: string }>('CreateTopic', { Name: 'token-other' });
    await h.call('Subscribe', { TopicArn, Protocol: 'sqs', Endpoint: QUEUE, ReturnSubscriptionArn: true });
    const confirmation = JSON.parse(h.sqs.to(QUEUE)[0]!.body) as Confirmation;
    t.is(confirmation.Type, 'SubscriptionConfirmation');
    t.is(confirmation.SubscribeURL, `http://localhost:4566/?Action=ConfirmSubscription&TopicArn=${TopicArn}&Token=${confirmation.Token}`);
    t.is(confirmation.Message, `You have chosen to subscribe to the topic ${TopicArn}.\nTo confirm the subscription, visit the SubscribeURL included in this message.`);
    const { SubscriptionArn } = await h.call<{ SubscriptionArn: string }>('ConfirmSubscription', { TopicArn: other, Token: confirmation.Token }, OTHER);
    t.true(SubscriptionArn.startsWith(`${TopicArn}:`), SubscriptionArn);
    const again = await h.call<{ SubscriptionArn: string }>('ConfirmSubscription', { TopicArn, Token: confirmation.Token }, OTHER);
    t.is(again.SubscriptionArn, SubscriptionArn);
    t.deepEqual(await refusal(t, h.call('ConfirmSubscription', { TopicArn, Token: confirmation.Token, AuthenticateOnUnsubscribe: 'true' }, OTHER)),
      { code: 'AuthorizationError', status: 403, message: 'Subscription already confirmed' });
    t.deepEqual(await refusal(t, h.call('ConfirmSubscription', { TopicArn, Token: 'invalid' }, OTHER)),
      { code: 'InvalidParameter', status: 400, message: 'Invalid token' });
  } finally {
    await h.close();
  }
});

test(`the topic owner unsubscribing a confirmed queue of another account sends it an UnsubscribeConfirmation whose SubscribeURL names the topic ARN unescaped [${REJOIN} subscribe-owner, unsubscribe-topic-owner, cancellation-receive-0 (2026-09-23)]`, async (t) => {
  const h = await snsHarness();
  try {
    const { TopicArn } = await h.call<{ TopicArn: string }>('CreateTopic', { Name: 'rejoin' });
    // The queue's account subscribes it (subscribe-owner); the topic's owner unsubscribes it,
    // signed: an SQS subscription is never unsubscribed unsigned, and its own owner would remove
    // it without a word (cross_account_confirmation.json direct-unsubscribe-anonymous, owner-true-unsubscribe-owner-A).
    const { SubscriptionArn } = await h.call<{ SubscriptionArn: string }>('Subscribe', { TopicArn, Protocol: 'sqs', Endpoint: QUEUE, ReturnSubscriptionArn: true }, OTHER, true);
    await h.call('Unsubscribe', { SubscriptionArn }, '000000000000', true);
    const deliveries = h.sqs.to(QUEUE);
    const cancellation = JSON.parse(deliveries[deliveries.length - 1]!.body) as Record<string, string>;
    t.deepEqual(Object.keys(cancellation), ['Type', 'MessageId', 'Token', 'TopicArn', 'Message', 'SubscribeURL', 'Timestamp', 'SignatureVersion', 'Signature', 'SigningCertURL']);
    t.is(cancellation.Type, 'UnsubscribeConfirmation');
    t.is(cancellation.Message, `You have chosen to deactivate subscription ${SubscriptionArn}.\nTo cancel this operation and restore the subscription, visit the SubscribeURL included in this message.`);
    t.is(cancellation.SubscribeURL, `http://localhost:4566/?Action=ConfirmSubscription&TopicArn=${TopicArn}&Token=${cancellation.Token}`);
  } finally {
    await h.close();
  }
});

test(`the queue's own account subscribing it to another account's topic: confirmed at once, and the queue still gets a SubscriptionConfirmation whose token answers "already confirmed" to AuthenticateOnUnsubscribe [${LIFETIME} subscribe-owner, duplicate-topic-owner, original-control-0, confirm-active-protected (2026-09-23)]`, async (t) => {
  const h = await snsHarness();
  try {
    const { TopicArn } = await h.call<{ TopicArn: string }>('CreateTopic', { Name: 'owned' });
    const { SubscriptionArn } = await h.call<{ SubscriptionArn: string }>('Subscribe', { TopicArn, Protocol: 'sqs', Endpoint: QUEUE, ReturnSubscriptionArn: true }, OTHER);
    const duplicate = await h.call<{ SubscriptionArn: string }>('Subscribe', { TopicArn, Protocol: 'sqs', Endpoint: QUEUE, ReturnSubscriptionArn: true });
    t.is(duplicate.SubscriptionArn, SubscriptionArn);
    const attributes = await h.call<{ Attributes: Record<string, string> }>('GetSubscriptionAttributes', { SubscriptionArn });
    t.is(attributes.Attributes.PendingConfirmation, 'false');
    const confirmation = JSON.parse(h.sqs.to(QUEUE)[0]!.body) as Confirmation;
    t.is(confirmation.Type, 'SubscriptionConfirmation');
    t.deepEqual(await refusal(t, h.call('ConfirmSubscription', { TopicArn, Token: confirmation.Token, AuthenticateOnUnsubscribe: 'true' }, OTHER)),
      { code: 'AuthorizationError', status: 403, message: 'Subscription already confirmed' });
  } finally {
    await h.close();
  }
});

const HTTP = 'radkawar/stackd testdata/aws/sns/http_delivery.json';

test(`AuthenticateOnUnsubscribe cannot be asked for unsigned; a subscription confirmed with it is not removed unsigned, only signed [${HTTP} observations unsigned_authenticated_confirm, signed_authenticated_confirm, protected_unsubscribe (2026-09)]`, async (t) => {
  const h = await snsHarness();
  try {
    const { TopicArn } = await h.call<{ TopicArn: string }>('CreateTopic', { Name: 'protected' });
    await h.call('Subscribe', { TopicArn, Protocol: 'sqs', Endpoint: QUEUE });
    const token = (JSON.parse(h.sqs.to(QUEUE)[0]!.body) as Confirmation).Token;
    t.deepEqual(await refusal(t, h.call('ConfirmSubscription', { TopicArn, Token: token, AuthenticateOnUnsubscribe: 'true' }, OTHER)),
      { code: 'AuthorizationError', status: 403, message: 'To disallow anonymous unsubscription, subscriber and confirmer IDs must match' });
    // Signed by the subscriber's own account, as in the capture (one account); another account is
    // refused (cross_account_confirmation.json owner-true-confirm-queue-owner-B-true).
    const { SubscriptionArn } = await h.call<{ SubscriptionArn: string }>('ConfirmSubscription', { TopicArn, Token: token, AuthenticateOnUnsubscribe: 'true' }, '000000000000', true);
    const attributes = await h.call<{ Attributes: Record<string, string> }>('GetSubscriptionAttributes', { SubscriptionArn }, '000000000000', true);
    t.is(attributes.Attributes.ConfirmationWasAuthenticated, 'true');
    t.deepEqual(await refusal(t, h.call('Unsubscribe', { SubscriptionArn })),
      { code: 'AuthorizationError', status: 403, message: 'This subscription may only be deleted by an authorized user.' });
    await h.call('Unsubscribe', { SubscriptionArn }, '000000000000', true);
    await t.throwsAsync(h.call('GetSubscriptionAttributes', { SubscriptionArn }, '000000000000', true), { message: 'Subscription does not exist' });
  } finally {
    await h.close();
  }
});

test(`an https subscription: listed with its endpoint password as ****; with no delivery policy, its EffectiveDeliveryPolicy is the subscription form of the defaults [${HTTP} observations pending_attributes, post_unsubscribe_list (2026-09)]`, async (t) => {
  const h = await snsHarness(['virtual']);
  try {
    const { TopicArn } = await h.call<{ TopicArn: string }>('CreateTopic', { Name: 'listed' });
    const { SubscriptionArn } = await h.call<{ SubscriptionArn: string }>('Subscribe',
      { TopicArn, Protocol: 'https', Endpoint: 'https://probe:secret@127.0.0.1:9/basic', ReturnSubscriptionArn: true });
    const listed = await h.call<{ Subscriptions: Array<{ Endpoint: string }> }>('ListSubscriptionsByTopic', { TopicArn });
    t.is(listed.Subscriptions[0]!.Endpoint, 'https://probe:****@127.0.0.1:9/basic');
    const { Attributes } = await h.call<{ Attributes: Record<string, string> }>('GetSubscriptionAttributes', { SubscriptionArn });
    t.is(Attributes.EffectiveDeliveryPolicy, '{"healthyRetryPolicy":{"minDelayTarget":20,"maxDelayTarget":20,"numRetries":3,"numMaxDelayRetries":0,'
      + '"numNoDelayRetries":0,"numMinDelayRetries":0,"backoffFunction":"linear"},"sicklyRetryPolicy":null,"throttlePolicy":null,'
      + '"requestPolicy":{"headerContentType":"text/plain; charset=UTF-8"},"guaranteed":false}');
  } finally {
    await h.close();
  }
});
