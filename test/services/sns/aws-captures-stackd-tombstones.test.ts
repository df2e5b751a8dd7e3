/**
 * What is left of a subscription after Unsubscribe, against raw captures of native AWS in
 * radkawar/stackd testdata/aws/sns/confirmation_lifetime.json (us-east-1, 2026-09-23),
 * deleted_rejoin.json (2026-09-23) and http_delivery.json (2026-09-22); each test cites the
 * labels of the exchanges it pins. Over the SNS harness (signed calls pass `true`).
 */
import test from 'ava';
import { snsHarness, type Harness } from './harness.js';
import { isAwsError } from '../../../src/errors/aws-error.js';

const LIFETIME = 'radkawar/stackd testdata/aws/sns/confirmation_lifetime.json';
const REJOIN = 'radkawar/stackd testdata/aws/sns/deleted_rejoin.json';
const HTTP = 'radkawar/stackd testdata/aws/sns/http_delivery.json';
const OWNER = '000000000000';
const OTHER = '917546008205';
const QUEUE = `arn:aws:sqs:us-east-1:${OTHER}:theirs`;

async function refusal(call: Promise<unknown>): Promise<{ code: string; status: number; message: string } | undefined> {
  try { await call; } catch (err) {
    if (isAwsError(err)) return { code: err.code, status: err.status, message: err.message };
    throw err;
  }
  return undefined;
}

const lastToken = (h: Harness, type: string): string => {
  const bodies = h.sqs.to(QUEUE).map((d) => JSON.parse(d.body) as { Type: string; Token: string }).filter((b) => b.Type === type);
  return bodies[bodies.length - 1]!.Token;
};

test(`the confirmation token of a subscription its owner removed answers NotFound, from either account, also after the queue subscribed again [${LIFETIME} subscribe-owner, delete-owner, get-deleted-owner, confirm-removed-A, confirm-removed-B, replacement-subscribe-owner, confirm-old-after-replacement, confirm-unknown-live-topic]`, async (t) => {
  const h = await snsHarness();
  try {
    const { TopicArn } = await h.call<{ TopicArn: string }>('CreateTopic', { Name: 'token' }, OWNER, true);
    const { SubscriptionArn } = await h.call<{ SubscriptionArn: string }>('Subscribe', { TopicArn, Protocol: 'sqs', Endpoint: QUEUE, ReturnSubscriptionArn: true }, OTHER, true);
    const token = lastToken(h, 'SubscriptionConfirmation');
    await h.call('Unsubscribe', { SubscriptionArn }, OTHER, true);
    const notFound = { code: 'NotFound', status: 404, message: 'Subscription does not exist' };
    t.deepEqual(await refusal(h.call('GetSubscriptionAttributes', { SubscriptionArn }, OTHER, true)), notFound);
    t.deepEqual(await refusal(h.call('ConfirmSubscription', { TopicArn, Token: token }, OWNER, true)), notFound);
    t.deepEqual(await refusal(h.call('ConfirmSubscription', { TopicArn, Token: token }, OTHER, true)), notFound);
    const replacement = await h.call<{ SubscriptionArn: string }>('Subscribe', { TopicArn, Protocol: 'sqs', Endpoint: QUEUE, ReturnSubscriptionArn: true }, OTHER, true);
    t.not(replacement.SubscriptionArn, SubscriptionArn);
    t.deepEqual(await refusal(h.call('ConfirmSubscription', { TopicArn, Token: token }, OTHER, true)), notFound);
    // The tokens are kept across a restart.
    await h.restart();
    t.deepEqual(await refusal(h.call('ConfirmSubscription', { TopicArn, Token: token }, OTHER, true)), notFound);
    // A token never sent stays "Invalid parameter: Token" (http_delivery.json unknown_token).
    t.deepEqual(await refusal(h.call('ConfirmSubscription', { TopicArn, Token: 'ab'.repeat(64) }, OTHER, true)),
      { code: 'InvalidParameter', status: 400, message: 'Invalid parameter: Token' });
  } finally {
    await h.close();
  }
});

test(`the token of a confirmed subscription whose topic was deleted still answers its ARN, also once the topic is made again [${LIFETIME} replacement-subscribe-owner, delete-topic-before-confirm, confirm-removed-topic, confirm-unknown-missing-topic, recreate-topic, confirm-recreated-topic]`, async (t) => {
  const h = await snsHarness();
  try {
    const { TopicArn } = await h.call<{ TopicArn: string }>('CreateTopic', { Name: 'token' }, OWNER, true);
    const { SubscriptionArn } = await h.call<{ SubscriptionArn: string }>('Subscribe', { TopicArn, Protocol: 'sqs', Endpoint: QUEUE, ReturnSubscriptionArn: true }, OTHER, true);
    const token = lastToken(h, 'SubscriptionConfirmation');
    await h.call('DeleteTopic', { TopicArn }, OWNER, true);
    t.deepEqual(await h.call('ConfirmSubscription', { TopicArn, Token: token }, OTHER, true), { SubscriptionArn });
    t.deepEqual(await refusal(h.call('ConfirmSubscription', { TopicArn, Token: 'invalid' }, OTHER, true)),
      { code: 'InvalidParameter', status: 400, message: 'Invalid token' });
    await h.call('CreateTopic', { Name: 'token' }, OWNER, true);
    t.deepEqual(await h.call('ConfirmSubscription', { TopicArn, Token: token }, OTHER, true), { SubscriptionArn });
  } finally {
    await h.close();
  }
});

test(`the topic's owner unsubscribing another account's queue deactivates it: listed as Deleted, attributes kept, Subscribe answers its ARN, nothing delivered, until the UnsubscribeConfirmation's token restores it [${REJOIN} unsubscribe-topic-owner, cancellation-receive, list-deleted, resubscribe-owner, get-after-rejoin, list-after-rejoin-0, after-rejoin-receive-0-0, confirm-deleted-token, list-after-confirm, after-confirm-receive-0]`, async (t) => {
  const h = await snsHarness();
  try {
    const { TopicArn } = await h.call<{ TopicArn: string }>('CreateTopic', { Name: 'rejoin' }, OWNER, true);
    const { SubscriptionArn } = await h.call<{ SubscriptionArn: string }>('Subscribe', { TopicArn, Protocol: 'sqs', Endpoint: QUEUE, ReturnSubscriptionArn: true }, OTHER, true);
    await h.call('Unsubscribe', { SubscriptionArn }, OWNER, true);
    const token = lastToken(h, 'UnsubscribeConfirmation');
    const listed = await h.call<{ Subscriptions: Array<Record<string, string>> }>('ListSubscriptionsByTopic', { TopicArn }, OWNER, true);
    t.deepEqual(listed.Subscriptions, [{ SubscriptionArn: 'Deleted', Owner: OTHER, Protocol: 'sqs', Endpoint: QUEUE, TopicArn }]);
    const again = await h.call<{ SubscriptionArn: string }>('Subscribe', { TopicArn, Protocol: 'sqs', Endpoint: QUEUE, ReturnSubscriptionArn: true }, OTHER, true);
    t.is(again.SubscriptionArn, SubscriptionArn);
    const { Attributes } = await h.call<{ Attributes: Record<string, string> }>('GetSubscriptionAttributes', { SubscriptionArn }, OTHER, true);
    t.like(Attributes, { PendingConfirmation: 'false', ConfirmationWasAuthenticated: 'true', Owner: OTHER });
    const before = h.sqs.to(QUEUE).length;
    await h.call('Publish', { TopicArn, Message: 'after-rejoin-0' }, OWNER, true);
    t.is(h.sqs.to(QUEUE).length, before);
    t.deepEqual(await h.call('ConfirmSubscription', { TopicArn, Token: token }, OTHER, true), { SubscriptionArn });
    const restored = await h.call<{ Subscriptions: Array<Record<string, string>> }>('ListSubscriptionsByTopic', { TopicArn }, OWNER, true);
    t.is(restored.Subscriptions[0]!.SubscriptionArn, SubscriptionArn);
    await h.call('Publish', { TopicArn, Message: 'after-confirm' }, OWNER, true);
    const delivered = h.sqs.to(QUEUE);
    t.is((JSON.parse(delivered[delivered.length - 1]!.body) as { Message: string }).Message, 'after-confirm');
  } finally {
    await h.close();
  }
});

test(`an unsigned Unsubscribe (the UnsubscribeURL) deactivates an https subscription: its attributes stay, it is listed as Deleted, and the UnsubscribeConfirmation's token reactivates it as it was [${HTTP} observations unsigned_unsubscribe, post_unsubscribe_attributes, post_unsubscribe_list, reactivate, reactivated_attributes]`, async (t) => {
  const h = await snsHarness();
  const posted: Array<{ Type: string; Token: string }> = [];
  const { createServer } = await import('node:http');
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => { body += c.toString(); });
    req.on('end', () => { posted.push(JSON.parse(body) as { Type: string; Token: string }); res.end(); });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const port = (server.address() as { port: number }).port;
    const { TopicArn } = await h.call<{ TopicArn: string }>('CreateTopic', { Name: 'wrapped' }, OWNER, true);
    const { SubscriptionArn } = await h.call<{ SubscriptionArn: string }>('Subscribe',
      { TopicArn, Protocol: 'http', Endpoint: `http://127.0.0.1:${port}/wrapped`, ReturnSubscriptionArn: true }, OWNER, true);
    const wait = async (type: string) => {
      for (let i = 0; i < 200 && !posted.some((p) => p.Type === type); i++) await new Promise((r) => setTimeout(r, 10));
      return posted.find((p) => p.Type === type)!;
    };
    await h.call('ConfirmSubscription', { TopicArn, Token: (await wait('SubscriptionConfirmation')).Token });
    await h.call('SetSubscriptionAttributes', { SubscriptionArn, AttributeName: 'RawMessageDelivery', AttributeValue: 'true' }, OWNER, true);
    t.deepEqual(await h.call('Unsubscribe', { SubscriptionArn }), {});
    const kept = await h.call<{ Attributes: Record<string, string> }>('GetSubscriptionAttributes', { SubscriptionArn }, OWNER, true);
    t.like(kept.Attributes, { RawMessageDelivery: 'true', PendingConfirmation: 'false', ConfirmationWasAuthenticated: 'false', SubscriptionArn });
    const listed = await h.call<{ Subscriptions: Array<Record<string, string>> }>('ListSubscriptionsByTopic', { TopicArn }, OWNER, true);
    t.is(listed.Subscriptions[0]!.SubscriptionArn, 'Deleted');
    const token = (await wait('UnsubscribeConfirmation')).Token;
    t.deepEqual(await h.call('ConfirmSubscription', { TopicArn, Token: token }), { SubscriptionArn });
    const reactivated = await h.call<{ Attributes: Record<string, string> }>('GetSubscriptionAttributes', { SubscriptionArn }, OWNER, true);
    t.like(reactivated.Attributes, { RawMessageDelivery: 'true', PendingConfirmation: 'false', ConfirmationWasAuthenticated: 'false' });
  } finally {
    server.close();
    await h.close();
  }
});
