/**
 * Topic answers against a raw capture of native AWS (us-east-1, 2026-09-14): radkawar/stackd
 * testdata/aws/sns/policy_context.json; each row cites the labels of its `observations` entries.
 * The capture's Publish refusal by a Deny statement (403 AuthorizationError) is IAM evaluation,
 * which boltstack does not do (policies are stored, not enforced), and its CloudWatch alarm is not
 * reproduced either.
 */
import test from 'ava';
import { snsHarness } from './harness.js';

const CONTEXT = 'radkawar/stackd testdata/aws/sns/policy_context.json';
const QUEUE = 'arn:aws:sqs:us-east-1:000000000000:context';

const read = async (h: Awaited<ReturnType<typeof snsHarness>>, TopicArn: string) =>
  (await h.call<{ Attributes: Record<string, string> }>('GetTopicAttributes', { TopicArn })).Attributes;

test(`a topic made with SignatureVersion 2 lists it second, after Policy and before Owner [${CONTEXT} create-signature-two-topic, signature-two-topic-attributes (2026-09-14)]`, async (t) => {
  const h = await snsHarness();
  try {
    const { TopicArn } = await h.call<{ TopicArn: string }>('CreateTopic', { Name: 'signature', Attributes: { SignatureVersion: '2' } });
    const attributes = await read(h, TopicArn);
    t.deepEqual(Object.keys(attributes), ['Policy', 'SignatureVersion', 'Owner', 'SubscriptionsPending', 'TopicArn', 'EffectiveDeliveryPolicy',
      'SubscriptionsConfirmed', 'DisplayName', 'SubscriptionsDeleted']);
    t.is(attributes.SignatureVersion, '2');
  } finally {
    await h.close();
  }
});

test(`SetTopicAttributes Policy written with spaces is answered compact, its statements and members in the order given [${CONTEXT} set-owner-absent, read-owner-absent, set-owner-actual, read-owner-actual, set-owner-wrong, read-owner-wrong (2026-09-14)]`, async (t) => {
  const h = await snsHarness();
  try {
    const { TopicArn } = await h.call<{ TopicArn: string }>('CreateTopic', { Name: 'policy' });
    const deny = (condition: string) => `{"Version": "2008-10-17", "Id": "__default_policy_ID", "Statement": [{"Sid": "OwnedSourceOwnerCondition", "Effect": "Deny", "Principal": "*", "Action": "sns:Publish", "Resource": "${TopicArn}", "Condition": ${condition}}]}`;
    for (const condition of ['{"Null": {"AWS:SourceOwner": "true"}}', '{"StringEquals": {"AWS:SourceOwner": "123456789012"}}']) {
      await h.call('SetTopicAttributes', { TopicArn, AttributeName: 'Policy', AttributeValue: deny(condition) });
      t.is((await read(h, TopicArn)).Policy, JSON.stringify(JSON.parse(deny(condition))));
    }
  } finally {
    await h.close();
  }
});

test(`a notification of a SignatureVersion 2 topic with a Subject is wrapped with Subject after TopicArn and SignatureVersion "2", the message's newline and non-ASCII kept [${CONTEXT} publish-signature-two, receive-0 (2026-09-14)]`, async (t) => {
  const h = await snsHarness();
  try {
    const { TopicArn } = await h.call<{ TopicArn: string }>('CreateTopic', { Name: 'signature', Attributes: { SignatureVersion: '2' } });
    await h.call('Subscribe', { TopicArn, Protocol: 'sqs', Endpoint: QUEUE });
    await h.call('Publish', { TopicArn, Subject: 'Native signature two', Message: 'native message\nUnicode: Δ' });
    const [delivery] = h.sqs.to(QUEUE);
    const envelope = JSON.parse(delivery!.body) as Record<string, string>;
    t.deepEqual(Object.keys(envelope), ['Type', 'MessageId', 'TopicArn', 'Subject', 'Message', 'Timestamp', 'SignatureVersion', 'Signature', 'SigningCertURL', 'UnsubscribeURL']);
    t.like(envelope, { Type: 'Notification', Subject: 'Native signature two', Message: 'native message\nUnicode: Δ', SignatureVersion: '2' });
  } finally {
    await h.close();
  }
});
