/**
 * Subscriptions with a FilterPolicyScope, and what they are delivered, against a raw capture of
 * native AWS (us-east-1, 2026-09-14): radkawar/stackd testdata/aws/sns/metrics.json; each row cites
 * the labels of its `observations` entries. (The file's CloudWatch metrics are not reproduced:
 * boltstack keeps none.)
 */
import test from 'ava';
import { snsHarness, type Harness } from './harness.js';

const METRICS = 'radkawar/stackd testdata/aws/sns/metrics.json';
const queue = (name: string) => `arn:aws:sqs:us-east-1:000000000000:metrics-${name}`;

/** The capture's topic with its three subscriptions: no filter, one on attributes, one on the body. */
async function metricsTopic(h: Harness): Promise<{ TopicArn: string; subscriptions: Record<'all' | 'attributes' | 'body', string> }> {
  const { TopicArn } = await h.call<{ TopicArn: string }>('CreateTopic', { Name: 'metrics' });
  const subscribe = async (name: string, Attributes?: Record<string, string>) =>
    (await h.call<{ SubscriptionArn: string }>('Subscribe', { TopicArn, Protocol: 'sqs', Endpoint: queue(name), ReturnSubscriptionArn: true, ...(Attributes ? { Attributes } : {}) })).SubscriptionArn;
  return {
    TopicArn,
    subscriptions: {
      all: await subscribe('all'),
      // As the capture sent them: with a space after the colon.
      attributes: await subscribe('attributes', { FilterPolicyScope: 'MessageAttributes', FilterPolicy: '{"kind": ["keep"]}' }),
      body: await subscribe('body', { FilterPolicyScope: 'MessageBody', FilterPolicy: '{"route": ["keep"]}' }),
    },
  };
}

const FILTERED = ['SubscriptionPrincipal', 'Owner', 'RawMessageDelivery', 'FilterPolicy', 'TopicArn', 'Endpoint', 'FilterPolicyScope', 'Protocol',
  'PendingConfirmation', 'ConfirmationWasAuthenticated', 'SubscriptionArn'];

test(`GetSubscriptionAttributes of a subscription with a FilterPolicy: FilterPolicy between RawMessageDelivery and TopicArn, FilterPolicyScope after Endpoint, and the policy written compact [${METRICS} subscribe-attributes, read-subscription-attributes, subscribe-body, read-subscription-body, read-subscription-all (2026-09-14)]`, async (t) => {
  const h = await snsHarness();
  try {
    const { subscriptions } = await metricsTopic(h);
    const read = async (arn: string) => (await h.call<{ Attributes: Record<string, string> }>('GetSubscriptionAttributes', { SubscriptionArn: arn })).Attributes;
    const attributes = await read(subscriptions.attributes);
    t.deepEqual(Object.keys(attributes), FILTERED);
    t.like(attributes, { FilterPolicy: '{"kind":["keep"]}', FilterPolicyScope: 'MessageAttributes', RawMessageDelivery: 'false' });
    const body = await read(subscriptions.body);
    t.deepEqual(Object.keys(body), FILTERED);
    t.like(body, { FilterPolicy: '{"route":["keep"]}', FilterPolicyScope: 'MessageBody' });
    t.deepEqual(Object.keys(await read(subscriptions.all)), ['SubscriptionPrincipal', 'Owner', 'RawMessageDelivery', 'TopicArn', 'Endpoint', 'Protocol',
      'PendingConfirmation', 'ConfirmationWasAuthenticated', 'SubscriptionArn']);
  } finally {
    await h.close();
  }
});

test(`Subscribe again with the same FilterPolicy written compact is the same subscription [${METRICS} subscribe-attributes, read-subscription-attributes (2026-09-14): AWS keeps the policy compact]`, async (t) => {
  const h = await snsHarness();
  try {
    const { TopicArn, subscriptions } = await metricsTopic(h);
    const again = await h.call<{ SubscriptionArn: string }>('Subscribe', { TopicArn, Protocol: 'sqs', Endpoint: queue('attributes'), ReturnSubscriptionArn: true,
      Attributes: { FilterPolicyScope: 'MessageAttributes', FilterPolicy: '{"kind":["keep"]}' } });
    t.is(again.SubscriptionArn, subscriptions.attributes);
  } finally {
    await h.close();
  }
});

type Envelope = { Subject?: string; Message: string; MessageAttributes?: Record<string, { Type: string; Value: string }> };

test(`each scope gets what AWS delivered it: the body filter reads the message, the attributes filter the attributes; Subject and attributes with non-ASCII text are wrapped as sent; PublishBatch with no failure answers Failed empty [${METRICS} single-body-only, single-body-subject, single-body-subject-attributes, single-size-receive-*, batch-two-messages, batch-size-receive-* (2026-09-14)]`, async (t) => {
  const h = await snsHarness();
  try {
    const { TopicArn } = await metricsTopic(h);
    const message = '{"route":"keep","text":"é界"}';
    await h.call('Publish', { TopicArn, Message: message });
    await h.call('Publish', { TopicArn, Message: message, Subject: 'Mé界' });
    await h.call('Publish', { TopicArn, Message: message, Subject: 'Mé界', MessageAttributes: {
      kind: { DataType: 'String', StringValue: 'keep' }, detail: { DataType: 'String', StringValue: 'é界' } } });
    const batch = await h.call<{ Successful: unknown[]; Failed: unknown[] }>('PublishBatch', { TopicArn, PublishBatchRequestEntries: [
      { Id: 'keep', Message: '{"route":"keep","text":"batché"}', Subject: 'B界', MessageAttributes: { kind: { DataType: 'String', StringValue: 'keep' } } },
      { Id: 'drop', Message: '{"route":"drop","text":"batch界"}', MessageAttributes: { kind: { DataType: 'String', StringValue: 'drop' } } },
    ] });
    t.is(batch.Successful.length, 2);
    t.deepEqual(batch.Failed, []);
    const got = (name: string) => h.sqs.to(queue(name)).map((d) => {
      const e = JSON.parse(d.body) as Envelope;
      return [e.Message, e.Subject ?? null, e.MessageAttributes === undefined ? null : Object.keys(e.MessageAttributes).join(',')];
    });
    t.deepEqual(got('all'), [[message, null, null], [message, 'Mé界', null], [message, 'Mé界', 'kind,detail'],
      ['{"route":"keep","text":"batché"}', 'B界', 'kind'], ['{"route":"drop","text":"batch界"}', null, 'kind']]);
    t.deepEqual(got('attributes'), [[message, 'Mé界', 'kind,detail'], ['{"route":"keep","text":"batché"}', 'B界', 'kind']]);
    t.deepEqual(got('body'), [[message, null, null], [message, 'Mé界', null], [message, 'Mé界', 'kind,detail'], ['{"route":"keep","text":"batché"}', 'B界', 'kind']]);
    const withAttributes = JSON.parse(h.sqs.to(queue('attributes'))[0]!.body) as Envelope;
    t.deepEqual(withAttributes.MessageAttributes, { kind: { Type: 'String', Value: 'keep' }, detail: { Type: 'String', Value: 'é界' } });
  } finally {
    await h.close();
  }
});
