/**
 * SNS → SQS deliveries against AWS's recordings in localstack's snapshot file, the rows earlier
 * files did not pin: the envelope's fields and their order (standard and FIFO topics), raw
 * delivery's message attributes and their MD5, PublishBatch to queues, the deduplication id a FIFO
 * topic hands a FIFO queue. SNS over the query protocol, SQS read back over json.
 * Source: localstack/localstack tests/aws/services/sns/test_sns.snapshot.json (stored at
 * localstack/localstack@02b6f18) with the inputs of test_sns.py beside it.
 */
import test from 'ava';
import { createHash } from 'node:crypto';
import { startBoltstack } from '../../helpers/server.js';
import { queryPost, queryValue, xmlValue, xmlValues } from '../../helpers/query-client.js';
import { sqsJsonOk, uniqueQueue } from '../../helpers/sqs.js';
import type { Boltstack } from '../../../src/index.js';

const PY = 'localstack/localstack tests/aws/services/sns/test_sns.py';

let server: Boltstack;
test.before(async () => { server = await startBoltstack(); });
test.after.always(async () => { await server?.stop(); });

type Json = Record<string, unknown>;
interface Message { Body: string; Attributes?: Record<string, string>; MessageAttributes?: Json; MD5OfMessageAttributes?: string; ReceiptHandle: string }
const sns = (params: Record<string, string>) => queryPost(server.endpoint, { service: 'sns', params });
const snsValue = (params: Record<string, string>, element: string): Promise<string> => queryValue(server.endpoint, 'sns', params, element);
const sqs = (operation: string, input: unknown): Promise<Json> => sqsJsonOk(server.endpoint, operation, input);
const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

/** A topic and a queue subscribed to it; `.fifo` on both when `fifo`. */
async function wire(o: { fifoTopic?: boolean; fifoQueue?: boolean; topicAttributes?: Record<string, string>; raw?: boolean }): Promise<{ topic: string; url: string }> {
  const topicName = `${uniqueQueue('ls-t')}${o.fifoTopic ? '.fifo' : ''}`;
  const attrs = { ...(o.fifoTopic ? { FifoTopic: 'true' } : {}), ...o.topicAttributes };
  const topic = await snsValue({ Action: 'CreateTopic', Name: topicName, ...Object.fromEntries(Object.entries(attrs).flatMap(([k, v], i) =>
    [[`Attributes.entry.${i + 1}.key`, k], [`Attributes.entry.${i + 1}.value`, v]])) }, 'TopicArn');
  const queueName = `${uniqueQueue('ls-q')}${o.fifoQueue ? '.fifo' : ''}`;
  const url = (await sqs('CreateQueue', { QueueName: queueName, Attributes: o.fifoQueue ? { FifoQueue: 'true' } : {} })).QueueUrl as string;
  await snsValue({ Action: 'Subscribe', TopicArn: topic, Protocol: 'sqs', Endpoint: `arn:aws:sqs:us-east-1:000000000000:${queueName}`,
    ...(o.raw ? { 'Attributes.entry.1.key': 'RawMessageDelivery', 'Attributes.entry.1.value': 'true' } : {}) }, 'SubscriptionArn');
  return { topic, url };
}
const attribute = (i: number, name: string, type: string, value: string): Record<string, string> => ({
  [`MessageAttributes.entry.${i}.Name`]: name, [`MessageAttributes.entry.${i}.Value.DataType`]: type,
  [`MessageAttributes.entry.${i}.Value.${type === 'Binary' ? 'BinaryValue' : 'StringValue'}`]: value,
});
const receiveAll = async (url: string, expected: number): Promise<Message[]> => {
  const out: Message[] = [];
  for (let i = 0; i < 10 && out.length < expected; i++) {
    out.push(...(((await sqs('ReceiveMessage', { QueueUrl: url, MaxNumberOfMessages: 10, AttributeNames: ['All'], MessageAttributeNames: ['All'] })).Messages as Message[] | undefined) ?? []));
  }
  return out;
};
const STANDARD_ENVELOPE = ['Type', 'MessageId', 'TopicArn', 'Message', 'Timestamp', 'SignatureVersion', 'Signature', 'SigningCertURL', 'UnsubscribeURL'];
const FIFO_ENVELOPE = ['Type', 'MessageId', 'SequenceNumber', 'TopicArn', 'Message', 'Timestamp', 'UnsubscribeURL'];

test(`standard topic → SQS: the envelope's fields in AWS's order, SignatureVersion 1, attributes as Type/Value; raw delivery keeps them as SQS attributes with AWS's MD5 [${PY}::TestSNSSubscriptionSQS::test_publish_sqs_from_sns (validated 2023-08-24)]`, async (t) => {
  const { topic, url } = await wire({});
  await sns({ Action: 'Publish', TopicArn: topic, Message: 'Test msg', ...attribute(1, 'attr1', 'Number', '100.12') });
  const [message] = await receiveAll(url, 1);
  const body = JSON.parse(message!.Body) as Json;
  t.deepEqual(Object.keys(body), [...STANDARD_ENVELOPE, 'MessageAttributes']);
  t.like(body, { Type: 'Notification', TopicArn: topic, Message: 'Test msg', SignatureVersion: '1', MessageAttributes: { attr1: { Type: 'Number', Value: '100.12' } } });
  const raw = await wire({ raw: true });
  await sns({ Action: 'Publish', TopicArn: raw.topic, Message: 'Test msg', ...attribute(1, 'attr1', 'Number', '99.12') });
  const [rawMessage] = await receiveAll(raw.url, 1);
  t.is(rawMessage!.Body, 'Test msg');
  t.is(rawMessage!.MD5OfMessageAttributes, 'd302007e9aa062660afc85fd0a482472');
  t.deepEqual(rawMessage!.MessageAttributes, { attr1: { DataType: 'Number', StringValue: '99.12' } });
});

test(`the envelope of a message with a Subject puts it between TopicArn and Message [${PY}::TestSNSPublishCrud::test_publish_message_before_subscribe_topic (validated 2023-08-24)]`, async (t) => {
  const { topic, url } = await wire({});
  await sns({ Action: 'Publish', TopicArn: topic, Message: 'test_message_after', Subject: 'test-subject-after-sub' });
  const body = JSON.parse((await receiveAll(url, 1))[0]!.Body) as Json;
  t.deepEqual(Object.keys(body), ['Type', 'MessageId', 'TopicArn', 'Subject', ...STANDARD_ENVELOPE.slice(3)]);
  t.is(body.Subject, 'test-subject-after-sub');
});

test(`a Binary attribute: base64 "AgME" in the envelope, the bytes themselves with raw delivery; unicode messages unchanged [${PY}::TestSNSSubscriptionSQS::test_message_attributes_not_missing, test_publish_unicode_chars (validated 2023-08-24)]`, async (t) => {
  const attrs = { ...attribute(1, 'an-attribute-key', 'String', 'an-attribute-value'), ...attribute(2, 'binary-attribute', 'Binary', 'AgME') };
  const raw = await wire({ raw: true });
  await sns({ Action: 'Publish', TopicArn: raw.topic, Message: 'text', ...attrs });
  t.deepEqual((await receiveAll(raw.url, 1))[0]!.MessageAttributes, {
    'an-attribute-key': { DataType: 'String', StringValue: 'an-attribute-value' }, 'binary-attribute': { DataType: 'Binary', BinaryValue: 'AgME' } });
  const enveloped = await wire({});
  const unicode = 'ö§a1"_!?,. £$-';
  await sns({ Action: 'Publish', TopicArn: enveloped.topic, Message: 'text', ...attrs });
  await sns({ Action: 'Publish', TopicArn: enveloped.topic, Message: unicode });
  const bodies = (await receiveAll(enveloped.url, 2)).map((m) => JSON.parse(m.Body) as Json);
  const withAttributes = bodies.find((b) => b.Message === 'text')!;
  t.deepEqual(withAttributes.MessageAttributes, {
    'an-attribute-key': { Type: 'String', Value: 'an-attribute-value' }, 'binary-attribute': { Type: 'Binary', Value: 'AgME' } });
  t.truthy(bodies.find((b) => b.Message === unicode));
});

test(`MessageStructure json: the queue gets the "sqs" entry, else "default" [${PY}::TestSNSSubscriptionSQS::test_message_structure_json_to_sqs (validated 2023-08-24)]`, async (t) => {
  const { topic, url } = await wire({});
  await sns({ Action: 'Publish', TopicArn: topic, MessageStructure: 'json', Message: JSON.stringify({ default: 'default field', sqs: JSON.stringify({ field: 'value' }) }) });
  t.is((JSON.parse((await receiveAll(url, 1))[0]!.Body) as Json).Message, '{"field":"value"}');
  await sns({ Action: 'Publish', TopicArn: topic, MessageStructure: 'json', Message: JSON.stringify({ default: 'default field' }) });
  t.is((JSON.parse((await receiveAll(url, 1))[0]!.Body) as Json).Message, 'default field');
});

const BATCH = [
  { Id: '1', Message: 'Test Message with two attributes', Subject: 'Subject', attrs: { ...attribute(1, 'attr1', 'Number', '99.12'), ...attribute(2, 'attr2', 'Number', '109.12') } },
  { Id: '2', Message: 'Test Message with one attribute', Subject: 'Subject', attrs: attribute(1, 'attr1', 'Number', '19.12') },
  { Id: '3', Message: 'Test Message without attribute', Subject: 'Subject', attrs: {} },
];
const batchParams = (topic: string, fifo: boolean, dedup: boolean): Record<string, string> => Object.assign({ Action: 'PublishBatch', TopicArn: topic },
  ...BATCH.map((e, i) => {
    const p = `PublishBatchRequestEntries.member.${i + 1}.`;
    return { [`${p}Id`]: e.Id, [`${p}Message`]: e.Message, [`${p}Subject`]: e.Subject,
      ...(fifo ? { [`${p}MessageGroupId`]: 'complexMessageGroupId' } : {}), ...(dedup ? { [`${p}MessageDeduplicationId`]: `MessageDeduplicationId-${i}` } : {}),
      ...Object.fromEntries(Object.entries(e.attrs).map(([k, v]) => [`${p}${k}`, v])) };
  }));

test(`PublishBatch to a raw SQS subscription: each entry's attributes and their MD5 [${PY}::TestSNSSubscriptionSQS::test_publish_batch_messages_from_sns_to_sqs (validated 2023-08-24)]`, async (t) => {
  const { topic, url } = await wire({ raw: true });
  const answer = await sns(batchParams(topic, false, false));
  t.is(answer.status, 200, answer.body);
  t.deepEqual(xmlValues(answer.body, 'Id'), ['1', '2', '3']);
  t.regex(answer.body, /<Failed\s*\/>|<Failed><\/Failed>/);
  const md5s = Object.fromEntries((await receiveAll(url, 3)).map((m) => [m.Body, m.MD5OfMessageAttributes]));
  t.deepEqual(md5s, { 'Test Message with two attributes': '9b720b3af309c1c4b0d395c53b08c502', 'Test Message with one attribute': '1f07082409022a373fa2a2601f82b3cb',
    'Test Message without attribute': undefined });
});

test(`FIFO topic → FIFO queue: no signature fields in the envelope, SequenceNumber after MessageId; content-based deduplication hands the queue the SHA-256 of the message; a second publish is dropped [${PY}::TestSNSSubscriptionSQSFifo::test_message_to_fifo_sqs[True] (validated 2025-08-18)]`, async (t) => {
  const { topic, url } = await wire({ fifoTopic: true, fifoQueue: true, topicAttributes: { ContentBasedDeduplication: 'true' } });
  const first = await sns({ Action: 'Publish', TopicArn: topic, Message: 'Test', MessageGroupId: 'message-group-id-1' });
  await sns({ Action: 'Publish', TopicArn: topic, Message: 'Test', MessageGroupId: 'message-group-id-1' });
  const messages = await receiveAll(url, 1);
  t.is(messages.length, 1);
  const [message] = messages;
  t.like(message!.Attributes, { MessageGroupId: 'message-group-id-1', MessageDeduplicationId: sha256('Test') });
  t.is(sha256('Test'), '532eaabd9574880dbf76b9b8cc00832c20a6ec113d682299550d7a6e0f345e25');
  const body = JSON.parse(message!.Body) as Json;
  t.deepEqual(Object.keys(body), FIFO_ENVELOPE);
  t.like(body, { Type: 'Notification', MessageId: xmlValue(first.body, 'MessageId'), SequenceNumber: xmlValue(first.body, 'SequenceNumber'), Message: 'Test' });
});

test(`FIFO topic → FIFO queue with explicit ids: the queue gets the message's MessageDeduplicationId; Subject and attributes in the unsigned envelope [${PY}::TestSNSSubscriptionSQSFifo::test_message_to_fifo_sqs[False] (2025-08-18), test_publish_fifo_messages_to_dlq[False] (2023-08-24)]`, async (t) => {
  const { topic, url } = await wire({ fifoTopic: true, fifoQueue: true });
  const answer = await sns(batchParams(topic, true, true));
  t.is(answer.status, 200, answer.body);
  t.is(xmlValues(answer.body, 'SequenceNumber').length, 3);
  const messages = await receiveAll(url, 3);
  t.deepEqual(messages.map((m) => m.Attributes?.MessageDeduplicationId), ['MessageDeduplicationId-0', 'MessageDeduplicationId-1', 'MessageDeduplicationId-2']);
  const body = JSON.parse(messages[0]!.Body) as Json;
  t.deepEqual(Object.keys(body), ['Type', 'MessageId', 'SequenceNumber', 'TopicArn', 'Subject', 'Message', 'Timestamp', 'UnsubscribeURL', 'MessageAttributes']);
  t.deepEqual(body.MessageAttributes, { attr1: { Type: 'Number', Value: '99.12' }, attr2: { Type: 'Number', Value: '109.12' } });
});

test(`FIFO topic → raw FIFO queue with content-based deduplication: per-entry SHA-256 ids and AWS's attribute MD5s [${PY}::TestSNSSubscriptionSQSFifo::test_publish_batch_messages_from_fifo_topic_to_fifo_queue[True] (validated 2023-11-09)]`, async (t) => {
  const { topic, url } = await wire({ fifoTopic: true, fifoQueue: true, raw: true, topicAttributes: { ContentBasedDeduplication: 'true' } });
  t.is((await sns(batchParams(topic, true, false))).status, 200);
  const messages = await receiveAll(url, 3);
  t.deepEqual(messages.map((m) => [m.Body, m.Attributes?.MessageDeduplicationId, m.MD5OfMessageAttributes]), [
    ['Test Message with two attributes', '47f6d7e2c477469ad670ae3bfee60ed3e79080bb0105fc01a2805a50f8b21358', '9b720b3af309c1c4b0d395c53b08c502'],
    ['Test Message with one attribute', '2186166772ec2fb49b7ba9efbda53c6eabf8e785cb00420db531c8eb9287d8e1', '1f07082409022a373fa2a2601f82b3cb'],
    ['Test Message without attribute', 'a579d4ebff398c5ad4d5037534a1c1bfab36410100c80d8c7c1029b57c7898fe', undefined],
  ]);
});

test(`FIFO topic → standard queue: the unsigned FIFO envelope, no MessageGroupId among the queue's attributes [${PY}::TestSNSSubscriptionSQSFifo::test_fifo_topic_to_regular_sqs[True] (validated 2025-08-18)]`, async (t) => {
  const { topic, url } = await wire({ fifoTopic: true, topicAttributes: { ContentBasedDeduplication: 'true' } });
  await sns({ Action: 'Publish', TopicArn: topic, Message: 'Test', MessageGroupId: 'message-group-id-1' });
  await sns({ Action: 'Publish', TopicArn: topic, Message: 'Test', MessageGroupId: 'message-group-id-1' });
  const messages = await receiveAll(url, 1);
  t.is(messages.length, 1);
  t.deepEqual(Object.keys(messages[0]!.Attributes!).sort(), ['ApproximateFirstReceiveTimestamp', 'ApproximateReceiveCount', 'SenderId', 'SentTimestamp']);
  t.deepEqual(Object.keys(JSON.parse(messages[0]!.Body) as Json), FIFO_ENVELOPE);
});

/** The attributes, JSON ones re-serialised compactly: what is compared is their members and order. */
const topicAttributes = async (topic: string): Promise<Record<string, string>> => {
  const answer = await sns({ Action: 'GetTopicAttributes', TopicArn: topic });
  const names = xmlValues(answer.body, 'key');
  const values = xmlValues(answer.body, 'value');
  return Object.fromEntries(names.map((n, i) => [n, n.endsWith('DeliveryPolicy') ? JSON.stringify(JSON.parse(values[i]!)) : values[i]!]));
};
const RETRY_DEFAULT = { minDelayTarget: 20, maxDelayTarget: 20, numRetries: 3, numMaxDelayRetries: 0, numNoDelayRetries: 0, numMinDelayRetries: 0, backoffFunction: 'linear' };
const setDeliveryPolicy = async (topic: string, value: string): Promise<void> => {
  const answer = await sns({ Action: 'SetTopicAttributes', TopicArn: topic, AttributeName: 'DeliveryPolicy', AttributeValue: value });
  if (answer.status !== 200) throw new Error(answer.body);
};

test(`a topic's DeliveryPolicy as AWS shows it back (disableSubscriptionOverrides added, members in AWS's order) and its EffectiveDeliveryPolicy, through set, a null member and "" [${PY}::TestSNSTopicCrud::test_topic_delivery_policy_crud (validated 2024-10-03)]`, async (t) => {
  const topic = await snsValue({ Action: 'CreateTopic', Name: `${uniqueQueue('ls-dp')}.fifo`, 'Attributes.entry.1.key': 'DisplayName', 'Attributes.entry.1.value': 'TestTopic',
    'Attributes.entry.2.key': 'SignatureVersion', 'Attributes.entry.2.value': '2', 'Attributes.entry.3.key': 'FifoTopic', 'Attributes.entry.3.value': 'true',
    'Attributes.entry.4.key': 'DeliveryPolicy', 'Attributes.entry.4.value': JSON.stringify({ http: { defaultRequestPolicy: { headerContentType: 'application/json' } } }) }, 'TopicArn');
  let attrs = await topicAttributes(topic);
  t.is(attrs.DeliveryPolicy, JSON.stringify({ http: { disableSubscriptionOverrides: false, defaultRequestPolicy: { headerContentType: 'application/json' } } }));
  t.is(attrs.EffectiveDeliveryPolicy, JSON.stringify({ http: { defaultHealthyRetryPolicy: RETRY_DEFAULT, disableSubscriptionOverrides: false,
    defaultRequestPolicy: { headerContentType: 'application/json' } } }));
  t.like(attrs, { DisplayName: 'TestTopic', SignatureVersion: '2', FifoTopic: 'true', ContentBasedDeduplication: 'false' });

  await setDeliveryPolicy(topic, JSON.stringify({ http: { defaultHealthyRetryPolicy: { minDelayTarget: 5, maxDelayTarget: 6, numRetries: 1 } } }));
  attrs = await topicAttributes(topic);
  t.is(attrs.DeliveryPolicy, JSON.stringify({ http: { defaultHealthyRetryPolicy: { minDelayTarget: 5, maxDelayTarget: 6, numRetries: 1 }, disableSubscriptionOverrides: false } }));
  t.is(attrs.EffectiveDeliveryPolicy, JSON.stringify({ http: { defaultHealthyRetryPolicy: { ...RETRY_DEFAULT, minDelayTarget: 5, maxDelayTarget: 6, numRetries: 1 },
    disableSubscriptionOverrides: false, defaultRequestPolicy: { headerContentType: 'text/plain; charset=UTF-8' } } }));

  const effectiveDefault = JSON.stringify({ http: { defaultHealthyRetryPolicy: RETRY_DEFAULT, disableSubscriptionOverrides: false,
    defaultRequestPolicy: { headerContentType: 'text/plain; charset=UTF-8' } } });
  await setDeliveryPolicy(topic, JSON.stringify({ http: { defaultHealthyRetryPolicy: null } }));
  attrs = await topicAttributes(topic);
  t.is(attrs.DeliveryPolicy, JSON.stringify({ http: { disableSubscriptionOverrides: false } }));
  t.is(attrs.EffectiveDeliveryPolicy, effectiveDefault);

  await setDeliveryPolicy(topic, '');
  attrs = await topicAttributes(topic);
  t.false('DeliveryPolicy' in attrs);
  t.is(attrs.EffectiveDeliveryPolicy, effectiveDefault);
});

test(`CreateTopic again with the name alone leaves the attributes set since [${PY}::TestSNSTopicCrudV2::test_create_topic_should_be_idempotent (validated 2025-09-29)]`, async (t) => {
  const name = uniqueQueue('ls-idem');
  const topic = await snsValue({ Action: 'CreateTopic', Name: name }, 'TopicArn');
  await sns({ Action: 'SetTopicAttributes', TopicArn: topic, AttributeName: 'DisplayName', AttributeValue: 'AlreadySet' });
  t.is(await snsValue({ Action: 'CreateTopic', Name: name }, 'TopicArn'), topic);
  t.is((await topicAttributes(topic)).DisplayName, 'AlreadySet');
});

test(`Publish with an X-Amzn-Trace-Id header: the SQS copy carries it as AWSTraceHeader [${PY}::TestSNSSubscriptionSQS::test_publish_sqs_from_sns_with_xray_propagation (validated 2023-08-24)]`, async (t) => {
  const { topic, url } = await wire({});
  const trace = 'Root=1-3152b799-8954dae64eda91bc9a23a7e8;Parent=7fa8c0f79203be72;Sampled=1';
  const body = new URLSearchParams({ Action: 'Publish', Version: '2010-03-31', TargetArn: topic, Message: 'X-Ray propagation test msg' });
  const res = await fetch(server.endpoint, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-amzn-trace-id': trace,
    authorization: 'AWS4-HMAC-SHA256 Credential=test/20240101/us-east-1/sns/aws4_request, SignedHeaders=host, Signature=0' } });
  t.is(res.status, 200, await res.text());
  const received = (await sqs('ReceiveMessage', { QueueUrl: url, AttributeNames: ['SentTimestamp', 'AWSTraceHeader'] })).Messages as Message[];
  t.deepEqual(Object.keys(received[0]!.Attributes!).sort(), ['AWSTraceHeader', 'SentTimestamp']);
  t.is(received[0]!.Attributes!.AWSTraceHeader, trace);
});
