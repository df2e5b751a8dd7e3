/**
 * SNS requests as the AWS SDK for JavaScript v2 sends them (npm aws-sdk 2.1693.0; SNS is the
 * query protocol in every v2), captured with a logging proxy in front of boltstack and replayed
 * here header for header (boltstack does not verify signatures; the captured Authorization is
 * sent as it was). aws-sdk is not a dependency. v2 serializes maps as `Attributes.entry.N.key` /
 * `.value` and message attributes as `MessageAttributes.entry.N.Name` / `.Value.DataType` /
 * `.Value.StringValue|BinaryValue` (base64), lists as `.member.N`, with the keys sorted; it reads
 * XML `<Action>Result` elements, lists as `<member>`, and errors from ErrorResponse/Error/Code.
 * No row found a defect: they pin shapes that work.
 */
import test from 'ava';
import { ReceiveMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { startBoltstack } from '../../helpers/server.js';
import { queryValue, xmlValue, xmlValues } from '../../helpers/query-client.js';
import { sqsClient, uniqueQueue } from '../../helpers/sqs.js';
import type { Boltstack } from '../../../src/index.js';

const V2 = 'aws-sdk 2.1693.0';
const SNAP = 'localstack tests/aws/services/sns/test_sns.snapshot.json';

let server: Boltstack;
let sqs: SQSClient;
test.before(async () => { server = await startBoltstack(); sqs = sqsClient(server.endpoint); });
test.after.always(async () => { sqs?.destroy(); await server?.stop(); });

interface Answer { status: number; body: string }

/** v2's form body: keys sorted, values percent-encoded (RFC 3986), Version 2010-03-31. */
const form = (params: Record<string, string>): string => Object.keys({ ...params, Version: '' }).sort()
  .map((k) => `${k}=${encodeURIComponent(k === 'Version' ? '2010-03-31' : params[k]!).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`).join('&');

/** One v2 call with v2's headers in v2's order and case, Host the server's, Connection: close. */
function v2Call(params: Record<string, string>): Promise<Answer> {
  const url = new URL(server.endpoint);
  const body = form(params);
  const headers = [
    'User-Agent', 'aws-sdk-nodejs/2.1693.0 linux/v20.20.2 promise', 'Content-Type', 'application/x-www-form-urlencoded; charset=utf-8',
    'X-Amz-Content-Sha256', createHash('sha256').update(body).digest('hex'), 'Content-Length', String(Buffer.byteLength(body)), 'Host', url.host,
    'X-Amz-Date', '20261207T183344Z',
    'Authorization', 'AWS4-HMAC-SHA256 Credential=test/20261207/us-east-1/sns/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=85cf864619cebd4189ed39b97b1bfd43d141a6ec448ea1fe81961e782bc140d3',
    'Connection', 'close',
  ];
  return new Promise((resolve, reject) => {
    const r = request({ host: url.hostname, port: url.port, method: 'POST', path: '/', headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
      res.on('error', reject);
    });
    r.on('error', reject);
    r.end(body);
  });
}

let counter = 0;
const topicName = (): string => `jsv2-${process.pid}-${Date.now().toString(36)}-${counter++}`;

async function newTopic(): Promise<string> {
  const created = await v2Call({ Action: 'CreateTopic', 'Attributes.entry.1.key': 'DisplayName', 'Attributes.entry.1.value': 'd', Name: topicName(), 'Tags.member.1.Key': 'a', 'Tags.member.1.Value': 'b' });
  return xmlValue(created.body, 'TopicArn')!;
}

async function newQueue(): Promise<{ url: string; arn: string }> {
  const url = await queryValue(server.endpoint, 'sqs', { Action: 'CreateQueue', QueueName: uniqueQueue('jsv2sns') }, 'QueueUrl');
  const arn = await queryValue(server.endpoint, 'sqs', { Action: 'GetQueueAttributes', QueueUrl: url, 'AttributeName.1': 'QueueArn' }, 'Value');
  return { url, arn };
}

// v2 reads CreateTopicResult/TopicArn. AWS API Reference CreateTopic (Attributes and Tags maps).
test(`sns.createTopic({ Attributes: { DisplayName }, Tags }) (${V2}: Attributes.entry.1.key/value, Tags.member.1): CreateTopicResult/TopicArn, the attribute and tag set [AWS API Reference CreateTopic]`, async (t) => {
  const name = topicName();
  const created = await v2Call({ Action: 'CreateTopic', 'Attributes.entry.1.key': 'DisplayName', 'Attributes.entry.1.value': 'd', Name: name, 'Tags.member.1.Key': 'a', 'Tags.member.1.Value': 'b' });
  t.is(created.status, 200, created.body);
  const arn = xmlValue(created.body, 'TopicArn');
  t.is(arn, `arn:aws:sns:us-east-1:000000000000:${name}`);
  const attrs = await v2Call({ Action: 'GetTopicAttributes', TopicArn: arn! });
  t.true(attrs.body.includes('<entry><key>DisplayName</key><value>d</value></entry>'), attrs.body);
  const tags = await v2Call({ Action: 'ListTagsForResource', ResourceArn: arn! });
  t.deepEqual([xmlValues(tags.body, 'Key'), xmlValues(tags.body, 'Value')], [['a'], ['b']]);
});

// Subscribe with RawMessageDelivery and ReturnSubscriptionArn, then Publish with String, Number,
// Binary (base64) and String.Array attributes: v2 reads SubscribeResult/SubscriptionArn and
// PublishResult/MessageId; the queue gets the raw body and the attributes as SQS message
// attributes. AWS SNS Developer Guide, "Amazon SNS raw message delivery" and "message attributes".
test(`sns.subscribe({ Protocol: sqs, Attributes: { RawMessageDelivery }, ReturnSubscriptionArn }) then sns.publish({ MessageAttributes }) (${V2}): the ARN, the MessageId, the raw delivery [SNS Developer Guide sns-large-payload-raw-message-delivery]`, async (t) => {
  const topic = await newTopic();
  const queue = await newQueue();
  const subscribed = await v2Call({ Action: 'Subscribe', 'Attributes.entry.1.key': 'RawMessageDelivery', 'Attributes.entry.1.value': 'true', Endpoint: queue.arn, Protocol: 'sqs', ReturnSubscriptionArn: 'true', TopicArn: topic });
  t.is(subscribed.status, 200, subscribed.body);
  t.regex(xmlValue(subscribed.body, 'SubscriptionArn') ?? '', new RegExp(`^${topic}:[0-9a-f-]{36}$`));
  const published = await v2Call({
    Action: 'Publish', Message: 'hello', Subject: 'subj', TopicArn: topic,
    'MessageAttributes.entry.1.Name': 'kind', 'MessageAttributes.entry.1.Value.DataType': 'String', 'MessageAttributes.entry.1.Value.StringValue': 'a',
    'MessageAttributes.entry.2.Name': 'n', 'MessageAttributes.entry.2.Value.DataType': 'Number', 'MessageAttributes.entry.2.Value.StringValue': '3',
    'MessageAttributes.entry.3.Name': 'bin', 'MessageAttributes.entry.3.Value.BinaryValue': Buffer.from([1, 2]).toString('base64'), 'MessageAttributes.entry.3.Value.DataType': 'Binary',
    'MessageAttributes.entry.4.Name': 'arr', 'MessageAttributes.entry.4.Value.DataType': 'String.Array', 'MessageAttributes.entry.4.Value.StringValue': '["x","y"]',
  });
  t.is(published.status, 200, published.body);
  t.regex(xmlValue(published.body, 'MessageId') ?? '', /^[0-9a-f-]{36}$/);
  const got = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queue.url, MessageAttributeNames: ['All'], WaitTimeSeconds: 2 }));
  const message = got.Messages?.[0];
  t.is(message?.Body, 'hello');
  t.deepEqual([message?.MessageAttributes?.kind?.StringValue, message?.MessageAttributes?.n?.StringValue, [...(message?.MessageAttributes?.bin?.BinaryValue ?? [])]], ['a', '3', [1, 2]]);
  t.true(message?.MessageAttributes?.arr !== undefined);
});

// v2 reads PublishBatchResult/Successful/member (Id, MessageId) and Failed/member. AWS API
// Reference PublishBatch; an Id twice is 400 BatchEntryIdsNotDistinct: localstack
// test_sns.snapshot.json test_publish_batch_exceptions "same-msg-id" (2023-08-24).
test(`sns.publishBatch({ PublishBatchRequestEntries }) (${V2}: .member.N with MessageAttributes.entry.N): Successful members; an Id twice is BatchEntryIdsNotDistinct [${SNAP} test_publish_batch_exceptions (2023-08-24)]`, async (t) => {
  const topic = await newTopic();
  const batch = await v2Call({
    Action: 'PublishBatch', TopicArn: topic,
    'PublishBatchRequestEntries.member.1.Id': '1', 'PublishBatchRequestEntries.member.1.Message': 'b1',
    'PublishBatchRequestEntries.member.1.MessageAttributes.entry.1.Name': 'kind', 'PublishBatchRequestEntries.member.1.MessageAttributes.entry.1.Value.DataType': 'String',
    'PublishBatchRequestEntries.member.1.MessageAttributes.entry.1.Value.StringValue': 'a',
    'PublishBatchRequestEntries.member.2.Id': '2', 'PublishBatchRequestEntries.member.2.Message': 'b2',
  });
  t.is(batch.status, 200, batch.body);
  const successful = /<Successful>(.*?)<\/Successful>/.exec(batch.body)?.[1] ?? '';
  t.deepEqual(xmlValues(successful, 'Id'), ['1', '2']);
  t.is(xmlValues(successful, 'MessageId').length, 2);
  t.false(/<Failed>.*<member>/.test(batch.body), batch.body);
  const dup = await v2Call({ Action: 'PublishBatch', TopicArn: topic, 'PublishBatchRequestEntries.member.1.Id': '1', 'PublishBatchRequestEntries.member.1.Message': 'b1', 'PublishBatchRequestEntries.member.2.Id': '1', 'PublishBatchRequestEntries.member.2.Message': 'b2' });
  t.is(dup.status, 400);
  t.deepEqual([xmlValue(dup.body, 'Code'), xmlValue(dup.body, 'Message')], ['BatchEntryIdsNotDistinct', 'Two or more batch entries in the request have the same Id.']);
});

// v2's listSubscriptionsByTopic paginator follows NextToken until it is absent (v2's
// apis/sns-2010-03-31.paginators.json). AWS API Reference ListSubscriptionsByTopic: "Returns a
// list of the subscriptions to a specific topic. Each call returns a limited list of
// subscriptions, up to 100. If there are more subscriptions, a NextToken is also returned."
test(`sns.listSubscriptionsByTopic({ TopicArn, NextToken }).eachPage (${V2}): 100 members and a NextToken, then the rest and none [AWS API Reference ListSubscriptionsByTopic]`, async (t) => {
  const topic = await newTopic();
  const queue = await newQueue();
  for (let i = 0; i < 101; i++) await v2Call({ Action: 'Subscribe', Endpoint: `${queue.arn.replace(/[^:]*$/, '')}jsv2-extra-${i}`, Protocol: 'sqs', TopicArn: topic });
  const first = await v2Call({ Action: 'ListSubscriptionsByTopic', TopicArn: topic });
  t.is(first.status, 200, first.body);
  t.is(xmlValues(first.body, 'SubscriptionArn').length, 100);
  const token = xmlValue(first.body, 'NextToken');
  t.truthy(token);
  const second = await v2Call({ Action: 'ListSubscriptionsByTopic', NextToken: token!, TopicArn: topic });
  t.is(second.status, 200, second.body);
  t.is(xmlValues(second.body, 'SubscriptionArn').length, 1);
  t.is(xmlValue(second.body, 'NextToken'), undefined);
});

// v2 sets err.code from Error/Code and err.statusCode from the status: NotFound, 404.
// localstack test_sns.snapshot.json test_publish_batch_messages_without_topic (2023-08-24)
// records "Topic does not exist", 404 NotFound, for a topic that is not there.
test(`sns.publish({ TopicArn }) of no topic (${V2}): 404 ErrorResponse/Error/Code NotFound [${SNAP} test_publish_batch_messages_without_topic (2023-08-24)]`, async (t) => {
  const topic = await newTopic();
  const res = await v2Call({ Action: 'Publish', Message: 'x', TopicArn: `${topic}x` });
  t.is(res.status, 404);
  t.deepEqual([xmlValue(res.body, 'Type'), xmlValue(res.body, 'Code'), xmlValue(res.body, 'Message')], ['Sender', 'NotFound', 'Topic does not exist']);
});
