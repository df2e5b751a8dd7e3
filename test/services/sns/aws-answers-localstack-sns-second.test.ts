/**
 * SNS answers recorded against AWS in localstack's snapshot file that earlier files did not pin:
 * the subscription dead-letter queue (what a failed SQS delivery carries there: raw attributes,
 * the FIFO group and deduplication ids), a subscription that outlives its queue, a standard
 * topic's attributes and SetSubscriptionAttributes on a subscription that is gone.
 * Source: localstack/localstack tests/aws/services/sns/test_sns.snapshot.json (stored at
 * localstack/localstack@02b6f18), with the requests of test_sns.py beside it; the date in each
 * row is the snapshot's recorded-date. Official SDK v3 clients with default settings.
 */
import test from 'ava';
import {
  CreateTopicCommand, DeleteTopicCommand, GetSubscriptionAttributesCommand, GetTopicAttributesCommand, ListSubscriptionsByTopicCommand, ListTagsForResourceCommand, ListTopicsCommand,
  PublishBatchCommand,
  PublishCommand, SetSubscriptionAttributesCommand, SNSClient, SubscribeCommand, UnsubscribeCommand, type PublishBatchRequestEntry,
} from '@aws-sdk/client-sns';
import {
  CreateQueueCommand, DeleteMessageCommand, DeleteQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SQSClient, type Message,
} from '@aws-sdk/client-sqs';
import { CREDENTIALS, startBoltstack } from '../../helpers/server.js';
import { snsClient } from '../../helpers/sns.js';
import { sqsClient, uniqueQueue } from '../../helpers/sqs.js';
import type { Boltstack } from '../../../src/index.js';

const PY = 'localstack/localstack tests/aws/services/sns/test_sns.py';

let server: Boltstack;
let sns: SNSClient;
let sqs: SQSClient;
test.before(async () => {
  server = await startBoltstack();
  sns = snsClient(server.endpoint);
  sqs = sqsClient(server.endpoint);
});
test.after.always(async () => { sns?.destroy(); sqs?.destroy(); await server?.stop(); });

interface SdkError { name: string; message: string; $metadata: { httpStatusCode?: number } }
const arnOf = (name: string): string => `arn:aws:sqs:us-east-1:000000000000:${name}`;

async function queue(fifo = false): Promise<{ url: string; arn: string }> {
  const name = `${uniqueQueue('ls2')}${fifo ? '.fifo' : ''}`;
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: fifo ? { FifoQueue: 'true' } : {} }));
  return { url: QueueUrl!, arn: arnOf(name) };
}
async function topic(fifo = false): Promise<string> {
  const name = `${uniqueQueue('ls2-t')}${fifo ? '.fifo' : ''}`;
  return (await sns.send(new CreateTopicCommand({ Name: name, Attributes: fifo ? { FifoTopic: 'true' } : {} }))).TopicArn!;
}
/** Everything in a queue, read with every attribute, each message received once. */
async function drain(url: string, expected: number): Promise<Message[]> {
  const out: Message[] = [];
  for (let i = 0; i < 10 && out.length < expected; i++) {
    const { Messages } = await sqs.send(new ReceiveMessageCommand({
      QueueUrl: url, MaxNumberOfMessages: 10, WaitTimeSeconds: 1, VisibilityTimeout: 30, AttributeNames: ['All'], MessageAttributeNames: ['All'],
    }));
    out.push(...(Messages ?? []));
  }
  return out;
}
const RECEIVE_ATTRIBUTES = ['ApproximateFirstReceiveTimestamp', 'ApproximateReceiveCount', 'SenderId', 'SentTimestamp'];
const FIFO_RECEIVE_ATTRIBUTES = ['ApproximateFirstReceiveTimestamp', 'ApproximateReceiveCount', 'MessageDeduplicationId', 'MessageGroupId', 'SenderId', 'SentTimestamp', 'SequenceNumber'];

/** A queue subscribed to `topicArn` with a dead-letter queue, then deleted, so every delivery fails. */
async function subscriptionToDeletedQueue(topicArn: string, o: { raw: boolean; fifo?: boolean }): Promise<{ dlqUrl: string; subscriptionArn: string }> {
  const q = await queue(o.fifo);
  const dlq = await queue(o.fifo);
  const { SubscriptionArn } = await sns.send(new SubscribeCommand({ TopicArn: topicArn, Protocol: 'sqs', Endpoint: q.arn }));
  if (o.raw) await sns.send(new SetSubscriptionAttributesCommand({ SubscriptionArn, AttributeName: 'RawMessageDelivery', AttributeValue: 'true' }));
  await sns.send(new SetSubscriptionAttributesCommand({ SubscriptionArn, AttributeName: 'RedrivePolicy', AttributeValue: JSON.stringify({ deadLetterTargetArn: dlq.arn }) }));
  await sqs.send(new DeleteQueueCommand({ QueueUrl: q.url }));
  return { dlqUrl: dlq.url, subscriptionArn: SubscriptionArn! };
}
const BINARY = Uint8Array.from([2, 3, 4]);
const bytes = (v: Uint8Array | undefined): number[] => [...(v ?? [])];

test(`standard queue deleted, raw delivery: the dead-letter queue gets the raw body with the message attributes [${PY}::TestSNSSubscriptionSQS::test_redrive_policy_sqs_queue_subscription[True] (2023-08-24)]`, async (t) => {
  const topicArn = await topic();
  const { dlqUrl } = await subscriptionToDeletedQueue(topicArn, { raw: true });
  await sns.send(new PublishCommand({ TopicArn: topicArn, Message: 'test_dlq_after_sqs_endpoint_deleted',
    MessageAttributes: { attr1: { DataType: 'Number', StringValue: '111' }, attr2: { DataType: 'Binary', BinaryValue: BINARY } } }));
  const [m] = await drain(dlqUrl, 1);
  t.is(m?.Body, 'test_dlq_after_sqs_endpoint_deleted');
  t.deepEqual(Object.keys(m?.Attributes ?? {}).sort(), RECEIVE_ATTRIBUTES);
  t.is(m?.Attributes?.ApproximateReceiveCount, '1');
  t.deepEqual(Object.keys(m?.MessageAttributes ?? {}).sort(), ['attr1', 'attr2']);
  t.like(m?.MessageAttributes?.attr1, { DataType: 'Number', StringValue: '111' });
  t.is(m?.MessageAttributes?.attr2?.DataType, 'Binary');
  t.deepEqual(bytes(m?.MessageAttributes?.attr2?.BinaryValue), [2, 3, 4]);
  t.regex(m?.MD5OfMessageAttributes ?? '', /^[0-9a-f]{32}$/);
});

test(`standard queue deleted, enveloped delivery: the dead-letter queue gets the envelope, attributes inside it only [${PY}::TestSNSSubscriptionSQS::test_redrive_policy_sqs_queue_subscription[False] (2023-08-24)]`, async (t) => {
  const topicArn = await topic();
  const { dlqUrl, subscriptionArn } = await subscriptionToDeletedQueue(topicArn, { raw: false });
  await sns.send(new PublishCommand({ TopicArn: topicArn, Message: 'test_dlq_after_sqs_endpoint_deleted',
    MessageAttributes: { attr1: { DataType: 'Number', StringValue: '111' }, attr2: { DataType: 'Binary', BinaryValue: BINARY } } }));
  const [m] = await drain(dlqUrl, 1);
  t.deepEqual(Object.keys(m?.Attributes ?? {}).sort(), RECEIVE_ATTRIBUTES);
  t.is(m?.MessageAttributes, undefined);
  t.is(m?.MD5OfMessageAttributes, undefined);
  const body = JSON.parse(m?.Body ?? '{}') as Record<string, unknown>;
  t.deepEqual(Object.keys(body), ['Type', 'MessageId', 'TopicArn', 'Message', 'Timestamp', 'SignatureVersion', 'Signature', 'SigningCertURL', 'UnsubscribeURL', 'MessageAttributes']);
  t.like(body, { Type: 'Notification', TopicArn: topicArn, Message: 'test_dlq_after_sqs_endpoint_deleted', SignatureVersion: '1' });
  t.true((body.UnsubscribeURL as string).endsWith(`/?Action=Unsubscribe&SubscriptionArn=${subscriptionArn}`) || (body.UnsubscribeURL as string).endsWith(encodeURIComponent(subscriptionArn)));
  t.deepEqual(body.MessageAttributes, { attr2: { Type: 'Binary', Value: 'AgME' }, attr1: { Type: 'Number', Value: '111' } });
});

const FIFO_BATCH: PublishBatchRequestEntry[] = [
  { Id: '1', MessageGroupId: 'complexMessageGroupId', Message: 'Test Message with two attributes', Subject: 'Subject',
    MessageAttributes: { attr1: { DataType: 'Number', StringValue: '99.12' }, attr2: { DataType: 'Number', StringValue: '109.12' } }, MessageDeduplicationId: 'MessageDeduplicationId-1' },
  { Id: '2', MessageGroupId: 'complexMessageGroupId', Message: 'Test Message with one attribute', Subject: 'Subject',
    MessageAttributes: { attr1: { DataType: 'Number', StringValue: '19.12' } }, MessageDeduplicationId: 'MessageDeduplicationId-2' },
  { Id: '3', MessageGroupId: 'complexMessageGroupId', Message: 'Test Message without attribute', Subject: 'Subject', MessageDeduplicationId: 'MessageDeduplicationId-3' },
];

for (const raw of [true, false]) {
  test(`FIFO queue deleted, ${raw ? 'raw' : 'enveloped'} delivery: the FIFO dead-letter queue keeps each message's group and deduplication id${raw ? ' and attributes' : ''} [${PY}::TestSNSSubscriptionSQSFifo::test_publish_fifo_messages_to_dlq[${raw ? 'True' : 'False'}] (2023-08-24)]`, async (t) => {
    const topicArn = await topic(true);
    const { dlqUrl } = await subscriptionToDeletedQueue(topicArn, { raw, fifo: true });
    const batch = await sns.send(new PublishBatchCommand({ TopicArn: topicArn, PublishBatchRequestEntries: FIFO_BATCH }));
    t.deepEqual(batch.Failed, []);
    t.deepEqual(batch.Successful?.map((s) => s.Id), ['1', '2', '3']);
    const messages = await drain(dlqUrl, 3);
    t.deepEqual(messages.map((m) => m.Attributes?.MessageDeduplicationId), ['MessageDeduplicationId-1', 'MessageDeduplicationId-2', 'MessageDeduplicationId-3']);
    for (const m of messages) {
      t.deepEqual(Object.keys(m.Attributes ?? {}).sort(), FIFO_RECEIVE_ATTRIBUTES);
      t.is(m.Attributes?.MessageGroupId, 'complexMessageGroupId');
    }
    if (raw) {
      t.deepEqual(messages.map((m) => m.Body), FIFO_BATCH.map((e) => e.Message));
      t.deepEqual(messages[0]?.MessageAttributes, { attr1: { DataType: 'Number', StringValue: '99.12' }, attr2: { DataType: 'Number', StringValue: '109.12' } });
      t.deepEqual(messages[1]?.MessageAttributes, { attr1: { DataType: 'Number', StringValue: '19.12' } });
      t.is(messages[2]?.MessageAttributes, undefined);
    } else {
      const bodies = messages.map((m) => JSON.parse(m.Body ?? '{}') as Record<string, unknown>);
      t.deepEqual(Object.keys(bodies[2]!), ['Type', 'MessageId', 'SequenceNumber', 'TopicArn', 'Subject', 'Message', 'Timestamp', 'UnsubscribeURL']);
      t.deepEqual(bodies.map((b) => b.MessageId), batch.Successful?.map((s) => s.MessageId));
      t.deepEqual(bodies[1]?.MessageAttributes, { attr1: { Type: 'Number', Value: '19.12' } });
      for (const m of messages) t.is(m.MessageAttributes, undefined);
    }
    const single = await sns.send(new PublishCommand({ TopicArn: topicArn, Message: 'test-message', MessageGroupId: 'message-group-id-1', MessageDeduplicationId: 'message-deduplication-id-1' }));
    t.regex(single.SequenceNumber ?? '', /^\d+$/);
    const [m] = await drain(dlqUrl, 1);
    t.like(m?.Attributes, { MessageDeduplicationId: 'message-deduplication-id-1', MessageGroupId: 'message-group-id-1', ApproximateReceiveCount: '1' });
    t.is(raw ? m?.Body : (JSON.parse(m?.Body ?? '{}') as { Message: string }).Message, 'test-message');
  });
}

test(`a subscription outlives its deleted queue; a RedrivePolicy set afterwards catches later messages [${PY}::TestSNSSubscriptionSQS::test_subscription_after_failure_to_deliver (2023-08-24)]`, async (t) => {
  const topicArn = await topic();
  const q = await queue();
  const dlq = await queue();
  const { SubscriptionArn } = await sns.send(new SubscribeCommand({ TopicArn: topicArn, Protocol: 'sqs', Endpoint: q.arn }));
  await sqs.send(new DeleteQueueCommand({ QueueUrl: q.url }));
  await sns.send(new PublishCommand({ TopicArn: topicArn, Message: 'test_dlq_after_sqs_endpoint_deleted' }));
  const { Subscriptions } = await sns.send(new ListSubscriptionsByTopicCommand({ TopicArn: topicArn }));
  t.deepEqual(Subscriptions, [{ Endpoint: q.arn, Owner: '000000000000', Protocol: 'sqs', SubscriptionArn, TopicArn: topicArn }]);
  await sns.send(new SetSubscriptionAttributesCommand({ SubscriptionArn, AttributeName: 'RedrivePolicy', AttributeValue: JSON.stringify({ deadLetterTargetArn: dlq.arn }) }));
  const { Attributes } = await sns.send(new GetSubscriptionAttributesCommand({ SubscriptionArn }));
  t.deepEqual(JSON.parse(Attributes?.RedrivePolicy ?? '{}'), { deadLetterTargetArn: dlq.arn });
  t.like(Attributes, { ConfirmationWasAuthenticated: 'true', PendingConfirmation: 'false', Protocol: 'sqs', RawMessageDelivery: 'false', Endpoint: q.arn });
  for (const i of [0, 1]) {
    await sns.send(new PublishCommand({ TopicArn: topicArn, Message: `test_dlq_after_sqs_endpoint_deleted_${i}` }));
    const [m] = await drain(dlq.url, 1);
    t.is((JSON.parse(m?.Body ?? '{}') as { Message: string }).Message, `test_dlq_after_sqs_endpoint_deleted_${i}`);
    await sqs.send(new DeleteMessageCommand({ QueueUrl: dlq.url, ReceiptHandle: m!.ReceiptHandle! }));
  }
  t.is((await sqs.send(new GetQueueAttributesCommand({ QueueUrl: dlq.url, AttributeNames: ['ApproximateNumberOfMessages'] }))).Attributes?.ApproximateNumberOfMessages, '0');
});

test(`a standard topic's attributes: no FifoTopic, SignatureVersion or ContentBasedDeduplication; DisplayName ""; after DeleteTopic, NotFound [${PY}::TestSNSTopicCrud::test_create_topic_test_arn (2025-09-29)]`, async (t) => {
  const topicArn = await topic();
  const { Attributes } = await sns.send(new GetTopicAttributesCommand({ TopicArn: topicArn }));
  t.deepEqual(Object.keys(Attributes ?? {}).sort(), ['DisplayName', 'EffectiveDeliveryPolicy', 'Owner', 'Policy', 'SubscriptionsConfirmed', 'SubscriptionsDeleted', 'SubscriptionsPending', 'TopicArn']);
  t.like(Attributes, { DisplayName: '', Owner: '000000000000', SubscriptionsConfirmed: '0', SubscriptionsDeleted: '0', SubscriptionsPending: '0', TopicArn: topicArn });
  t.deepEqual(JSON.parse(Attributes?.EffectiveDeliveryPolicy ?? '{}'), { http: {
    defaultHealthyRetryPolicy: { minDelayTarget: 20, maxDelayTarget: 20, numRetries: 3, numMaxDelayRetries: 0, numNoDelayRetries: 0, numMinDelayRetries: 0, backoffFunction: 'linear' },
    disableSubscriptionOverrides: false, defaultRequestPolicy: { headerContentType: 'text/plain; charset=UTF-8' } } });
  await sns.send(new DeleteTopicCommand({ TopicArn: topicArn }));
  const err = await t.throwsAsync(sns.send(new GetTopicAttributesCommand({ TopicArn: topicArn }))) as unknown as SdkError;
  t.is(err.name, 'NotFoundException');
  t.is(err.message, 'Topic does not exist');
  t.is(err.$metadata.httpStatusCode, 404);
});

test(`SetSubscriptionAttributes on an unsubscribed subscription: 404 NotFound "Subscription does not exist"; the topic lists no subscription [${PY}::TestSNSSubscriptionCrud::test_not_found_error_on_set_subscription_attributes (2025-10-06)]`, async (t) => {
  const topicArn = await topic();
  const q = await queue();
  const { SubscriptionArn } = await sns.send(new SubscribeCommand({ TopicArn: topicArn, Protocol: 'sqs', Endpoint: q.arn }));
  await sns.send(new UnsubscribeCommand({ SubscriptionArn }));
  const err = await t.throwsAsync(sns.send(new SetSubscriptionAttributesCommand({ SubscriptionArn, AttributeName: 'RawMessageDelivery', AttributeValue: 'true' }))) as unknown as SdkError;
  t.is(err.name, 'NotFoundException');
  t.is(err.message, 'Subscription does not exist');
  t.is(err.$metadata.httpStatusCode, 404);
  t.deepEqual((await sns.send(new ListSubscriptionsByTopicCommand({ TopicArn: topicArn }))).Subscriptions, []);
});

for (const raw of [true, false]) {
  test(`FIFO topic with content-based deduplication → FIFO queue without it: each message's deduplication id is the SHA-256 of its Message${raw ? '' : ' (not of the envelope)'}; the repeats are dropped [${PY}::TestSNSSubscriptionSQSFifo::test_publish_to_fifo_topic_to_sqs_queue_no_content_dedup[${raw ? 'True' : 'False'}] (2023-08-24)]`, async (t) => {
    const name = `${uniqueQueue('ls2-t')}.fifo`;
    const topicArn = (await sns.send(new CreateTopicCommand({ Name: name, Attributes: { FifoTopic: 'true', ContentBasedDeduplication: 'true' } }))).TopicArn!;
    const q = await queue(true);
    const { SubscriptionArn } = await sns.send(new SubscribeCommand({ TopicArn: topicArn, Protocol: 'sqs', Endpoint: q.arn }));
    if (raw) await sns.send(new SetSubscriptionAttributesCommand({ SubscriptionArn, AttributeName: 'RawMessageDelivery', AttributeValue: 'true' }));
    for (let i = 0; i < 2; i++) {
      await sns.send(new PublishCommand({ TopicArn: topicArn, Message: 'Test single', MessageGroupId: 'message-group-id-1' }));
      await sns.send(new PublishBatchCommand({ TopicArn: topicArn, PublishBatchRequestEntries: [{ Id: '1', MessageGroupId: 'message-group-id-1', Message: 'Test batched' }] }));
    }
    const messages = (await drain(q.url, 2)).sort((a, b) => (a.Attributes?.MessageDeduplicationId ?? '').localeCompare(b.Attributes?.MessageDeduplicationId ?? ''));
    t.deepEqual(messages.map((m) => m.Attributes?.MessageDeduplicationId), [
      '2591186cff6c740cb9e0cfce1653a7e6998d57da12e1da13d85344b1c08be4cb', '32a45f72fe3d20fb5d4f1647421d1c5f9d20ef207c8ab713443cc9f9b76c468c']);
    t.deepEqual(messages.map((m) => m.Attributes?.MessageGroupId), ['message-group-id-1', 'message-group-id-1']);
    const texts = messages.map((m) => raw ? m.Body : (JSON.parse(m.Body ?? '{}') as { Message: string }).Message);
    t.deepEqual(texts, ['Test single', 'Test batched']);
    if (!raw) t.deepEqual(Object.keys(JSON.parse(messages[0]!.Body!) as object), ['Type', 'MessageId', 'SequenceNumber', 'TopicArn', 'Message', 'Timestamp', 'UnsubscribeURL']);
    const counts = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: q.url, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] }))).Attributes;
    t.deepEqual(counts, { ApproximateNumberOfMessages: '0', ApproximateNumberOfMessagesNotVisible: '2' }, 'the repeated Publish and PublishBatch were dropped');
  });
}

test(`Subscribe to an SQS queue that does not exist: AWS subscribes it (confirmed) [${PY}::TestSNSSubscriptionCrudV2::test_subscribe_unknown_sqs_queue "subscribe-unknown-sqs" (2025-10-06)]`, async (t) => {
  const topicArn = await topic();
  const endpoint = arnOf(uniqueQueue('never-created'));
  const { SubscriptionArn } = await sns.send(new SubscribeCommand({ TopicArn: topicArn, Protocol: 'sqs', Endpoint: endpoint }));
  t.true(SubscriptionArn?.startsWith(`${topicArn}:`));
  const { Attributes } = await sns.send(new GetSubscriptionAttributesCommand({ SubscriptionArn }));
  t.like(Attributes, { Endpoint: endpoint, PendingConfirmation: 'false', ConfirmationWasAuthenticated: 'true' });
});

test(`one topic name in two regions: two topics, each region lists only its own; the west topic's policy names its own ARN [${PY}::TestSNSTopicCrudV2::test_create_topic_in_multiple_regions (2025-09-29)]`, async (t) => {
  const west = new SNSClient({ endpoint: server.endpoint, region: 'us-west-1', credentials: CREDENTIALS });
  try {
    const name = uniqueQueue('ls2-regions');
    const east = (await sns.send(new CreateTopicCommand({ Name: name }))).TopicArn!;
    const westArn = (await west.send(new CreateTopicCommand({ Name: name }))).TopicArn!;
    t.is(east, `arn:aws:sns:us-east-1:000000000000:${name}`);
    t.is(westArn, `arn:aws:sns:us-west-1:000000000000:${name}`);
    const listed = async (client: SNSClient) => ((await client.send(new ListTopicsCommand({}))).Topics ?? []).map((x) => x.TopicArn).filter((a) => a?.endsWith(`:${name}`));
    t.deepEqual(await listed(sns), [east]);
    t.deepEqual(await listed(west), [westArn]);
    const { Attributes } = await west.send(new GetTopicAttributesCommand({ TopicArn: westArn }));
    t.is(Attributes?.TopicArn, westArn);
    t.is((JSON.parse(Attributes?.Policy ?? '{}') as { Statement: { Resource: string }[] }).Statement[0]?.Resource, westArn);
  } finally {
    west.destroy();
  }
});

test(`CreateTopic again with the same tags, a subset of them, or none answers the same ARN [${PY}::TestSNSTopicCrud::test_create_duplicate_topic_check_idempotency (2023-08-24)]`, async (t) => {
  const name = uniqueQueue('ls2-idem');
  const tags = [{ Key: 'a', Value: '1' }, { Key: 'b', Value: '2' }];
  const arn = (await sns.send(new CreateTopicCommand({ Name: name, Tags: tags }))).TopicArn;
  for (const again of [tags, [tags[0]!], []]) t.is((await sns.send(new CreateTopicCommand({ Name: name, Tags: again }))).TopicArn, arn);
  const other = await t.throwsAsync(sns.send(new CreateTopicCommand({ Name: name, Tags: [{ Key: 'a', Value: '2' }] }))) as unknown as SdkError;
  t.is(other.message, 'Invalid parameter: Tags Reason: Topic already exists with different tags', 'a tag with another value still differs');
});

test(`a topic deleted and created again takes the new tags [${PY}::TestSNSTopicCrud::test_create_topic_after_delete_with_new_tags (2023-08-24)]`, async (t) => {
  const name = uniqueQueue('ls2-retag');
  const arn = (await sns.send(new CreateTopicCommand({ Name: name, Tags: [{ Key: 'Name', Value: 'pqr' }] }))).TopicArn!;
  await sns.send(new DeleteTopicCommand({ TopicArn: arn }));
  t.is((await sns.send(new CreateTopicCommand({ Name: name, Tags: [{ Key: 'Name', Value: 'abc' }] }))).TopicArn, arn);
  t.deepEqual((await sns.send(new ListTagsForResourceCommand({ ResourceArn: arn }))).Tags, [{ Key: 'Name', Value: 'abc' }]);
});

test(`Publish with TargetArn set to a topic ARN delivers as TopicArn does [${PY}::TestSNSPublishCrud::test_publish_message_by_target_arn (2023-08-24)]`, async (t) => {
  const topicArn = await topic();
  const q = await queue();
  await sns.send(new SubscribeCommand({ TopicArn: topicArn, Protocol: 'sqs', Endpoint: q.arn }));
  await sns.send(new PublishCommand({ TargetArn: topicArn, Message: 'test-msg-2' }));
  const [m] = await drain(q.url, 1);
  t.like(JSON.parse(m?.Body ?? '{}'), { Type: 'Notification', TopicArn: topicArn, Message: 'test-msg-2' });
});

test(`MessageStructure json: duplicate keys are accepted; a default that is an object is "No default entry" [${PY}::TestSNSPublishCrud::test_message_structure_json_exc "duplicate-json-keys", "key-is-not-string" (2023-08-24)]`, async (t) => {
  const topicArn = await topic();
  const ok = await sns.send(new PublishCommand({ TopicArn: topicArn, Message: '{"default": "This is a default message", "default": "Duplicate"}', MessageStructure: 'json' }));
  t.regex(ok.MessageId ?? '', /^[0-9a-f-]{36}$/);
  const err = await t.throwsAsync(sns.send(new PublishCommand({ TopicArn: topicArn, Message: JSON.stringify({ default: { object: 'test' } }), MessageStructure: 'json' }))) as unknown as SdkError;
  t.is(err.name, 'InvalidParameterException');
  t.is(err.message, 'Invalid parameter: Message Structure - No default entry in JSON message body');
  t.is(err.$metadata.httpStatusCode, 400);
});

test(`Subscribe with an empty FilterPolicy: no policy, so neither FilterPolicy nor FilterPolicyScope is shown; RawMessageDelivery "TrUe" reads "true" [${PY}::TestSNSSubscriptionCrud::test_create_subscriptions_with_attributes "subscribe-wrong-attr", "get-attrs" (2025-10-06)]`, async (t) => {
  const topicArn = await topic();
  const q = await queue();
  const attempt = (raw: string) => sns.send(new SubscribeCommand({ TopicArn: topicArn, Protocol: 'sqs', Endpoint: q.arn, ReturnSubscriptionArn: true,
    Attributes: { RawMessageDelivery: raw, FilterPolicyScope: 'MessageBody', FilterPolicy: '' } }));
  const wrong = await t.throwsAsync(attempt('wrongvalue')) as unknown as SdkError;
  t.is(wrong.message, 'Invalid parameter: Attributes Reason: RawMessageDelivery: Invalid value [wrongvalue]. Must be true or false.');
  const { SubscriptionArn } = await attempt('TrUe');
  const { Attributes } = await sns.send(new GetSubscriptionAttributesCommand({ SubscriptionArn }));
  t.deepEqual(Object.keys(Attributes ?? {}).sort(), ['ConfirmationWasAuthenticated', 'Endpoint', 'Owner', 'PendingConfirmation', 'Protocol', 'RawMessageDelivery',
    'SubscriptionArn', 'SubscriptionPrincipal', 'TopicArn']);
  t.like(Attributes, { RawMessageDelivery: 'true', ConfirmationWasAuthenticated: 'true', PendingConfirmation: 'false', Protocol: 'sqs', Endpoint: q.arn });
  await sns.send(new PublishCommand({ TopicArn: topicArn, Message: 'not filtered' }));
  t.is((await drain(q.url, 1))[0]?.Body, 'not filtered');
});
