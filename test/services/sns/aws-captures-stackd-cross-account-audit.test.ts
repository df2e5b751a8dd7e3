/**
 * Publishing across accounts, against a raw capture of native AWS (us-east-1, 2026-09-23):
 * radkawar/stackd testdata/aws/sns/cross_account_audit.json; each row cites the labels of its
 * `observations` entries. Its CloudTrail rows are not reproduced (boltstack keeps no trail), nor
 * the refusal of another account's Publish before the topic policy allows it (policies are not
 * enforced), nor a SubscriptionPrincipal naming the caller's role (boltstack names the account's
 * root: it keeps no IAM identities).
 */
import test from 'ava';
import { snsHarness } from './harness.js';
import { isAwsError } from '../../../src/errors/aws-error.js';

const AUDIT = 'radkawar/stackd testdata/aws/sns/cross_account_audit.json';
const A = '000000000000';
const B = '917546008205';
const queueOf = (account: string) => `arn:aws:sqs:us-east-1:${account}:xaudit`;

test(`another account's Publish and PublishBatch to a topic reach every subscription, both accounts' queues, wrapped with the topic's ARN; PublishBatch answers Failed empty [${AUDIT} subscribe-000000000000-to-000000000000, subscribe-917546008205-to-000000000000, cross-publish-917546008205-000000000000-initial, cross-batch-917546008205-000000000000-initial, own-control-*, receive-initial-* (2026-09-23)]`, async (t) => {
  const h = await snsHarness();
  try {
    const { TopicArn } = await h.call<{ TopicArn: string }>('CreateTopic', { Name: 'xaudit-a' }, A, true);
    await h.call('Subscribe', { TopicArn, Protocol: 'sqs', Endpoint: queueOf(A), ReturnSubscriptionArn: true }, A, true);
    await h.call('Subscribe', { TopicArn, Protocol: 'sqs', Endpoint: queueOf(B), ReturnSubscriptionArn: true }, B, true);
    const single = await h.call<{ MessageId: string }>('Publish', { TopicArn, Message: 'xaudit:cross:B:A:initial:single' }, B, true);
    const batch = await h.call<{ Successful: Array<{ Id: string; MessageId: string }>; Failed: unknown[] }>('PublishBatch', { TopicArn, PublishBatchRequestEntries: [
      { Id: 'one', Message: 'xaudit:cross:B:A:initial:batch-one' }, { Id: 'two', Message: 'xaudit:cross:B:A:initial:batch-two' }] }, B, true);
    t.deepEqual(batch.Successful.map((s) => s.Id), ['one', 'two']);
    t.deepEqual(batch.Failed, []);
    const ids = [single.MessageId, ...batch.Successful.map((s) => s.MessageId)];
    for (const account of [A, B]) {
      const notifications = h.sqs.to(queueOf(account)).map((d) => JSON.parse(d.body) as { Type: string; MessageId: string; TopicArn: string })
        .filter((n) => n.Type === 'Notification');
      t.deepEqual(notifications.map((n) => [n.MessageId, n.TopicArn]), ids.map((id) => [id, TopicArn]), account);
    }
  } finally {
    await h.close();
  }
});

test(`the subscribing account reads and sets its subscription to another account's topic; the topic's owner is refused (403 AuthorizationError "Not authorized to access this subscription") [${AUDIT} cross-get-attributes-917546008205, cross-set-attributes-917546008205, cross-get-attributes-000000000000, cross-set-attributes-000000000000 (2026-09-23)]`, async (t) => {
  const h = await snsHarness();
  try {
    const { TopicArn } = await h.call<{ TopicArn: string }>('CreateTopic', { Name: 'xaudit-a' }, A, true);
    const { SubscriptionArn } = await h.call<{ SubscriptionArn: string }>('Subscribe', { TopicArn, Protocol: 'sqs', Endpoint: queueOf(B), ReturnSubscriptionArn: true }, B, true);
    const { Attributes } = await h.call<{ Attributes: Record<string, string> }>('GetSubscriptionAttributes', { SubscriptionArn }, B, true);
    t.like(Attributes, { Owner: B, RawMessageDelivery: 'false', TopicArn, Endpoint: queueOf(B), PendingConfirmation: 'false', ConfirmationWasAuthenticated: 'true' });
    await h.call('SetSubscriptionAttributes', { SubscriptionArn, AttributeName: 'RawMessageDelivery', AttributeValue: 'false' }, B, true);
    for (const [operation, input] of [['GetSubscriptionAttributes', { SubscriptionArn }], ['SetSubscriptionAttributes', { SubscriptionArn, AttributeName: 'RawMessageDelivery', AttributeValue: 'false' }]] as const) {
      const err = await t.throwsAsync(h.call(operation, input, A, true));
      if (isAwsError(err)) t.deepEqual([err.code, err.status, err.message], ['AuthorizationError', 403, 'Not authorized to access this subscription']);
    }
  } finally {
    await h.close();
  }
});
