/**
 * SNS → SQS delivery against a fake SQS (SqsInternalApi): the JSON envelope with every field and
 * a signature that verifies with the served certificate, raw delivery with attributes, filter
 * policies, FIFO group and deduplication ids, a queue of another account (pending until
 * confirmed), and the subscription dead-letter queue.
 */
import test from 'ava';
import { X509Certificate, verify } from 'node:crypto';
import { notificationStringToSign } from '../../../src/services/sns/envelope.js';
import type { SnsInternalApi } from '../../../src/services/sns/internal-api.js';
import { snsHarness } from './harness.js';

const QUEUE = 'arn:aws:sqs:us-east-1:000000000000:q1';

test('enveloped delivery: every field, a signature that verifies (v1 and v2) with the certificate served', async (t) => {
  const h = await snsHarness();
  try {
    const { TopicArn } = await h.call<{ TopicArn: string }>('CreateTopic', { Name: 'orders' });
    const { SubscriptionArn } = await h.call<{ SubscriptionArn: string }>('Subscribe', { TopicArn, Protocol: 'sqs', Endpoint: QUEUE });
    t.regex(SubscriptionArn, /^arn:aws:sns:us-east-1:000000000000:orders:[0-9a-f-]{36}$/);
    for (const version of ['1', '2']) {
      await h.call('SetTopicAttributes', { TopicArn, AttributeName: 'SignatureVersion', AttributeValue: version });
      const { MessageId } = await h.call<{ MessageId: string }>('Publish', {
        TopicArn, Message: `hello ${version}`, Subject: 'greeting', MessageAttributes: { kind: { DataType: 'String', StringValue: 'a' }, n: { DataType: 'Number', StringValue: '7' } },
      });
      const delivery = h.sqs.to(QUEUE).at(-1)!;
      t.is(delivery.messageAttributes, undefined, 'attributes are inside the envelope');
      const env = JSON.parse(delivery.body) as Record<string, unknown>;
      t.deepEqual(Object.keys(env), ['Type', 'MessageId', 'TopicArn', 'Subject', 'Message', 'Timestamp', 'SignatureVersion', 'Signature', 'SigningCertURL', 'UnsubscribeURL', 'MessageAttributes']);
      t.is(env.Type, 'Notification');
      t.is(env.MessageId, MessageId);
      t.is(env.Message, `hello ${version}`);
      t.is(env.SignatureVersion, version);
      t.deepEqual(env.MessageAttributes, { kind: { Type: 'String', Value: 'a' }, n: { Type: 'Number', Value: '7' } });
      // The ARN unescaped, as AWS writes it (radkawar/stackd testdata/aws/sns/fifo.json, initial-00, 2026-09-22).
      t.is(env.UnsubscribeURL, `http://localhost:4566/?Action=Unsubscribe&SubscriptionArn=${SubscriptionArn}`);
      const file = /\/_boltstack\/sns\/(SimpleNotificationService-[0-9a-f]+\.pem)$/.exec(env.SigningCertURL as string)![1]!;
      const pem = await (h.sns.internal as SnsInternalApi).certificate(file);
      const cert = new X509Certificate(pem!);
      t.true(cert.verify(cert.publicKey), 'self-signed');
      const text = notificationStringToSign({ message: env.Message as string, messageId: MessageId, subject: 'greeting', timestamp: env.Timestamp as string, topicArn: TopicArn });
      t.true(verify(version === '2' ? 'sha256' : 'sha1', Buffer.from(text), cert.publicKey, Buffer.from(env.Signature as string, 'base64')));
    }
  } finally {
    await h.close();
  }
});

test('raw delivery: the message itself, attributes as SQS message attributes; filter policies select', async (t) => {
  const h = await snsHarness();
  try {
    const { TopicArn } = await h.call<{ TopicArn: string }>('CreateTopic', { Name: 't' });
    const raw = 'arn:aws:sqs:us-east-1:000000000000:raw';
    const red = 'arn:aws:sqs:us-east-1:000000000000:red';
    const body = 'arn:aws:sqs:us-east-1:000000000000:body';
    await h.call('Subscribe', { TopicArn, Protocol: 'sqs', Endpoint: raw, Attributes: { RawMessageDelivery: 'true' } });
    await h.call('Subscribe', { TopicArn, Protocol: 'sqs', Endpoint: red, Attributes: { FilterPolicy: '{"color":["red"]}' } });
    await h.call('Subscribe', { TopicArn, Protocol: 'sqs', Endpoint: body, Attributes: { FilterPolicy: '{"size":[{"numeric":[">",10]}]}', FilterPolicyScope: 'MessageBody' } });
    await h.call('Publish', { TopicArn, Message: '{"size":20}', MessageAttributes: { color: { DataType: 'String', StringValue: 'blue' }, b: { DataType: 'Binary', BinaryValue: Buffer.from([1, 2]) } } });
    await h.call('Publish', { TopicArn, Message: '{"size":5}', MessageAttributes: { color: { DataType: 'String', StringValue: 'red' } } });
    t.deepEqual(h.sqs.to(raw).map((d) => d.body), ['{"size":20}', '{"size":5}']);
    t.deepEqual(h.sqs.to(raw)[0]!.messageAttributes, { color: { DataType: 'String', StringValue: 'blue' }, b: { DataType: 'Binary', BinaryValue: Buffer.from([1, 2]) } });
    t.deepEqual(h.sqs.to(red).map((d) => (JSON.parse(d.body) as { Message: string }).Message), ['{"size":5}']);
    t.deepEqual(h.sqs.to(body).map((d) => (JSON.parse(d.body) as { Message: string }).Message), ['{"size":20}']);
  } finally {
    await h.close();
  }
});

test('MessageStructure json: each protocol its entry, default otherwise', async (t) => {
  const h = await snsHarness();
  try {
    const { TopicArn } = await h.call<{ TopicArn: string }>('CreateTopic', { Name: 'j' });
    await h.call('Subscribe', { TopicArn, Protocol: 'sqs', Endpoint: QUEUE, Attributes: { RawMessageDelivery: 'true' } });
    await h.call('Publish', { TopicArn, MessageStructure: 'json', Message: JSON.stringify({ default: 'd', sqs: 'for sqs', http: 'for http' }) });
    t.is(h.sqs.to(QUEUE)[0]!.body, 'for sqs');
    const err = await t.throwsAsync(h.call('Publish', { TopicArn, MessageStructure: 'json', Message: '{"sqs":"x"}' }));
    t.is(err?.message, 'Invalid parameter: Message Structure - No default entry in JSON message body');
  } finally {
    await h.close();
  }
});

test('FIFO topic → FIFO queue with group and deduplication ids; duplicates within 5 minutes are not delivered again', async (t) => {
  const h = await snsHarness();
  try {
    const { TopicArn } = await h.call<{ TopicArn: string }>('CreateTopic', { Name: 'f.fifo', Attributes: { FifoTopic: 'true', ContentBasedDeduplication: 'true' } });
    const fifoQueue = 'arn:aws:sqs:us-east-1:000000000000:q.fifo';
    await h.call('Subscribe', { TopicArn, Protocol: 'sqs', Endpoint: fifoQueue });
    const a = await h.call<{ MessageId: string; SequenceNumber: string }>('Publish', { TopicArn, Message: 'm1', MessageGroupId: 'g1' });
    const again = await h.call<{ MessageId: string; SequenceNumber: string }>('Publish', { TopicArn, Message: 'm1', MessageGroupId: 'g1' });
    const b = await h.call<{ MessageId: string; SequenceNumber: string }>('Publish', { TopicArn, Message: 'm2', MessageGroupId: 'g1', MessageDeduplicationId: 'd2' });
    t.is(again.MessageId, a.MessageId);
    t.is(again.SequenceNumber, a.SequenceNumber);
    t.regex(a.SequenceNumber, /^\d{20}$/);
    t.true(BigInt(b.SequenceNumber) > BigInt(a.SequenceNumber));
    const sent = h.sqs.to(fifoQueue);
    t.is(sent.length, 2);
    t.is(sent[0]!.messageGroupId, 'g1');
    t.regex(sent[0]!.messageDeduplicationId!, /^[0-9a-f]{64}$/, 'content-based: SHA-256 of the message');
    t.is(sent[1]!.messageDeduplicationId, 'd2');
    t.is((JSON.parse(sent[0]!.body) as { SequenceNumber: string }).SequenceNumber, a.SequenceNumber);
    const noGroup = await t.throwsAsync(h.call('Publish', { TopicArn, Message: 'x' }));
    t.is(noGroup?.message, 'Invalid parameter: The MessageGroupId parameter is required for FIFO topics');
  } finally {
    await h.close();
  }
});

test('a queue in another account: pending, a SubscriptionConfirmation in the queue, confirmed with its token', async (t) => {
  const h = await snsHarness();
  try {
    const { TopicArn } = await h.call<{ TopicArn: string }>('CreateTopic', { Name: 'x' });
    const other = 'arn:aws:sqs:us-east-1:111122223333:theirs';
    const { SubscriptionArn } = await h.call<{ SubscriptionArn: string }>('Subscribe', { TopicArn, Protocol: 'sqs', Endpoint: other });
    t.is(SubscriptionArn, 'pending confirmation');
    const confirmation = JSON.parse(h.sqs.to(other)[0]!.body) as { Type: string; Token: string; SubscribeURL: string };
    t.is(confirmation.Type, 'SubscriptionConfirmation');
    t.true(confirmation.SubscribeURL.startsWith('http://localhost:4566/?Action=ConfirmSubscription&TopicArn='));
    await h.call('Publish', { TopicArn, Message: 'before' });
    t.is(h.sqs.to(other).length, 1, 'nothing delivered while pending');
    const { SubscriptionArn: pendingArn } = await h.call<{ SubscriptionArn: string }>('Subscribe', { TopicArn, Protocol: 'sqs', Endpoint: other, ReturnSubscriptionArn: true });
    const refused = await t.throwsAsync(h.call('Unsubscribe', { SubscriptionArn: pendingArn }));
    t.is(refused?.message, 'Invalid parameter: Cannot unsubscribe a subscription that is pending confirmation');
    const confirmed = await h.call<{ SubscriptionArn: string }>('ConfirmSubscription', { TopicArn, Token: confirmation.Token }, '111122223333');
    t.regex(confirmed.SubscriptionArn, /:x:[0-9a-f-]{36}$/);
    await h.call('Publish', { TopicArn, Message: 'after' });
    // The repeated Subscribe sent a second SubscriptionConfirmation (radkawar/stackd
    // cross_account_confirmation.json owner-true-subscribe-A-return-true); the notification is last.
    const deliveries = h.sqs.to(other);
    t.deepEqual(deliveries.map((d) => (JSON.parse(d.body) as { Type: string }).Type), ['SubscriptionConfirmation', 'SubscriptionConfirmation', 'Notification']);
    t.is((JSON.parse(deliveries[2]!.body) as { Message: string }).Message, 'after');
  } finally {
    await h.close();
  }
});

test('a failed delivery goes to the subscription dead-letter queue', async (t) => {
  const h = await snsHarness();
  try {
    const { TopicArn } = await h.call<{ TopicArn: string }>('CreateTopic', { Name: 'dlq' });
    const gone = 'arn:aws:sqs:us-east-1:000000000000:gone';
    const dlq = 'arn:aws:sqs:us-east-1:000000000000:dlq';
    h.sqs.missing.add(gone);
    await h.call('Subscribe', { TopicArn, Protocol: 'sqs', Endpoint: gone, Attributes: { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq }) } });
    await h.call('Publish', { TopicArn, Message: 'lost?' });
    t.is((JSON.parse(h.sqs.to(dlq)[0]!.body) as { Message: string }).Message, 'lost?');
  } finally {
    await h.close();
  }
});

test('virtual gate: email subscriptions are confirmed and their deliveries captured; strict refuses them', async (t) => {
  const strict = await snsHarness();
  try {
    const { TopicArn } = await strict.call<{ TopicArn: string }>('CreateTopic', { Name: 'e' });
    const err = await t.throwsAsync(strict.call('Subscribe', { TopicArn, Protocol: 'email', Endpoint: 'a@example.com' }));
    t.regex(err?.message ?? '', /does not implement the email protocol/);
  } finally {
    await strict.close();
  }
  const h = await snsHarness(['virtual']);
  try {
    const { TopicArn } = await h.call<{ TopicArn: string }>('CreateTopic', { Name: 'e' });
    const { SubscriptionArn } = await h.call<{ SubscriptionArn: string }>('Subscribe', { TopicArn, Protocol: 'email', Endpoint: 'a@example.com' });
    t.not(SubscriptionArn, 'pending confirmation');
    await h.call('Publish', { TopicArn, Message: 'mail me', Subject: 'Hi' });
    const captured = await (h.sns.internal as SnsInternalApi).captured() as { protocol: string; endpoint: string; message: string; subject: string }[];
    t.like(captured[0], { protocol: 'email', endpoint: 'a@example.com', message: 'mail me', subject: 'Hi' });
  } finally {
    await h.close();
  }
});

test('FIFO deduplication ids survive a restart: the same id within 5 minutes answers the first MessageId and is not delivered again', async (t) => {
  const h = await snsHarness();
  try {
    const { TopicArn } = await h.call<{ TopicArn: string }>('CreateTopic', { Name: 'r.fifo', Attributes: { FifoTopic: 'true' } });
    const queue = 'arn:aws:sqs:us-east-1:000000000000:r.fifo';
    await h.call('Subscribe', { TopicArn, Protocol: 'sqs', Endpoint: queue });
    const first = await h.call<{ MessageId: string; SequenceNumber: string }>('Publish', { TopicArn, Message: 'once', MessageGroupId: 'g', MessageDeduplicationId: 'd-1' });
    const batch = await h.call<{ Successful: Array<{ MessageId: string }> }>('PublishBatch', {
      TopicArn, PublishBatchRequestEntries: [{ Id: 'a', Message: 'batched', MessageGroupId: 'g', MessageDeduplicationId: 'd-2' }],
    });
    await h.restart();
    const again = await h.call<{ MessageId: string; SequenceNumber: string }>('Publish', { TopicArn, Message: 'once', MessageGroupId: 'g', MessageDeduplicationId: 'd-1' });
    t.deepEqual(again, first);
    const batchAgain = await h.call<{ Successful: Array<{ MessageId: string }> }>('PublishBatch', {
      TopicArn, PublishBatchRequestEntries: [{ Id: 'a', Message: 'batched', MessageGroupId: 'g', MessageDeduplicationId: 'd-2' }],
    });
    t.is(batchAgain.Successful[0]!.MessageId, batch.Successful[0]!.MessageId);
    t.deepEqual(h.sqs.to(queue).map((d) => d.messageDeduplicationId), ['d-1', 'd-2']);
    const fresh = await h.call<{ MessageId: string; SequenceNumber: string }>('Publish', { TopicArn, Message: 'new', MessageGroupId: 'g', MessageDeduplicationId: 'd-3' });
    t.true(BigInt(fresh.SequenceNumber) > BigInt(first.SequenceNumber));
    t.is(h.sqs.to(queue).length, 3);
  } finally {
    await h.close();
  }
});
