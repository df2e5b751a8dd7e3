/**
 * SNS as the AWS SDK for Go v2 drives it: Debian's golang-github-aws-aws-sdk-go-v2-dev 1.17.1-3
 * (service/sns 1.18.3, query protocol), captured with the client's
 * `ClientLogMode: aws.LogRequestWithBody|aws.LogResponseWithBody` while a Go program drove
 * boltstack (2026-12-07), replayed here byte for byte: parameters sorted, a space as "+", maps as
 * `Attributes.entry.N.key/value` and `MessageAttributes.entry.N.Name/Value.*`, lists as
 * `.member.N`, `Content-Type: application/x-www-form-urlencoded` without a charset and Go's
 * amz-sdk-* headers signed. What Go reads back: the Result elements, and `<Error><Code>` for its
 * typed errors (deserializers.go: "NotFound" is *types.NotFoundException, "InvalidParameter"
 * *types.InvalidParameterException). Deliveries are read with the SDK v3 SQS client.
 */
import test from 'ava';
import { randomUUID } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import { HttpRequest } from '@smithy/protocol-http';
import { CreateQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { NodeSha256 } from '../../helpers/node-sha256.js';
import { startBoltstack } from '../../helpers/server.js';
import { xmlValue, xmlValues } from '../../helpers/query-client.js';
import { sqsClient, uniqueQueue } from '../../helpers/sqs.js';
import type { Boltstack } from '../../../src/index.js';

const GO = 'aws-sdk-go-v2 service/sns 1.18.3';

let server: Boltstack;
let sqs: SQSClient;
test.before(async () => {
  server = await startBoltstack();
  sqs = sqsClient(server.endpoint);
});
test.after.always(async () => { await server?.stop(); });

interface Answer { status: number; body: string }

/** Go's encoding of one value (net/url QueryEscape): a space is "+", only A-Za-z0-9 -_.~ stay. */
const goEscape = (s: string): string => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).replace(/%20/g, '+');

/** POSTs a body exactly as the Go client sends it (see the header). */
async function goPost(body: string): Promise<Answer> {
  const url = new URL(server.endpoint);
  const signer = new SignatureV4({ credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, region: 'us-east-1', service: 'sns', sha256: NodeSha256 });
  const request = new HttpRequest({
    method: 'POST', protocol: url.protocol, hostname: url.hostname, port: Number(url.port), path: '/', body,
    headers: {
      host: url.host, 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(Buffer.byteLength(body)),
      'amz-sdk-invocation-id': randomUUID(), 'amz-sdk-request': 'attempt=1; max=3',
    },
  });
  const signed = await signer.sign(request);
  const res = await fetch(`${url.origin}/`, { method: 'POST', headers: { ...signed.headers, 'accept-encoding': 'gzip' }, body });
  return { status: res.status, body: await res.text() };
}

let counter = 0;
const uniqueTopic = (): string => `go-topic-${process.pid}-${Date.now().toString(36)}-${counter++}`;

async function createTopic(name = uniqueTopic()): Promise<string> {
  const answer = await goPost(`Action=CreateTopic&Name=${name}&Version=2010-03-31`);
  const arn = xmlValue(answer.body, 'TopicArn');
  if (answer.status !== 200 || arn === undefined) throw new Error(answer.body);
  return arn;
}

async function queue(): Promise<{ url: string; arn: string }> {
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: uniqueQueue('go-sub') }));
  const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }));
  return { url: QueueUrl!, arn: Attributes!.QueueArn! };
}

test(`${GO} CreateTopic with Attributes.entry.N.key/value and Tags.member.N: the ARN, the same ARN again for the same attributes, the tag listed`, async (t) => {
  const name = uniqueTopic();
  const body = `Action=CreateTopic&Attributes.entry.1.key=DisplayName&Attributes.entry.1.value=Go&Name=${name}&Tags.member.1.Key=team&Tags.member.1.Value=go&Version=2010-03-31`;
  const created = await goPost(body);
  t.is(created.status, 200, created.body);
  const arn = xmlValue(created.body, 'TopicArn')!;
  t.is(arn, `arn:aws:sns:us-east-1:000000000000:${name}`);
  const again = await goPost(`Action=CreateTopic&Attributes.entry.1.key=DisplayName&Attributes.entry.1.value=Go&Name=${name}&Version=2010-03-31`);
  t.is(xmlValue(again.body, 'TopicArn'), arn, again.body);
  const attrs = await goPost(`Action=GetTopicAttributes&TopicArn=${goEscape(arn)}&Version=2010-03-31`);
  t.true(attrs.body.includes('<entry><key>DisplayName</key><value>Go</value></entry>'), attrs.body);
  const tags = await goPost(`Action=ListTagsForResource&ResourceArn=${goEscape(arn)}&Version=2010-03-31`);
  t.true(tags.body.includes('<member><Key>team</Key><Value>go</Value></member>'), tags.body);
});

test(`${GO} Subscribe sqs with Attributes.entry (FilterPolicy, RawMessageDelivery) and ReturnSubscriptionArn=true, then Publish with MessageAttributes.entry.N (Number, String.Array, Binary, String) and Subject: delivered raw with every attribute, the filtered publish not`, async (t) => {
  const topic = await createTopic();
  const q = await queue();
  const subscribed = await goPost(`Action=Subscribe&Attributes.entry.1.key=FilterPolicy&Attributes.entry.1.value=%7B%22kind%22%3A%5B%22order%22%5D%7D&Attributes.entry.2.key=RawMessageDelivery&Attributes.entry.2.value=true`
    + `&Endpoint=${goEscape(q.arn)}&Protocol=sqs&ReturnSubscriptionArn=true&TopicArn=${goEscape(topic)}&Version=2010-03-31`);
  t.is(subscribed.status, 200, subscribed.body);
  const subArn = xmlValue(subscribed.body, 'SubscriptionArn')!;
  t.true(subArn.startsWith(`${topic}:`), subArn);
  const subAttrs = await goPost(`Action=GetSubscriptionAttributes&SubscriptionArn=${goEscape(subArn)}&Version=2010-03-31`);
  t.true(subAttrs.body.includes('<entry><key>RawMessageDelivery</key><value>true</value></entry>'), subAttrs.body);
  // The filtered-out publish goes first, so a delivery of it would be received before the other.
  await goPost(`Action=Publish&Message=filtered+out&MessageAttributes.entry.1.Name=kind&MessageAttributes.entry.1.Value.DataType=String&MessageAttributes.entry.1.Value.StringValue=other&TopicArn=${goEscape(topic)}&Version=2010-03-31`);
  const published = await goPost('Action=Publish&Message=hello+from+go+%E2%9C%93&MessageAttributes.entry.1.Name=amount&MessageAttributes.entry.1.Value.DataType=Number&MessageAttributes.entry.1.Value.StringValue=12.5'
    + '&MessageAttributes.entry.2.Name=arr&MessageAttributes.entry.2.Value.DataType=String.Array&MessageAttributes.entry.2.Value.StringValue=%5B%22a%22%2C%22b%22%5D'
    + '&MessageAttributes.entry.3.Name=bin&MessageAttributes.entry.3.Value.BinaryValue=AAEC&MessageAttributes.entry.3.Value.DataType=Binary'
    + `&MessageAttributes.entry.4.Name=kind&MessageAttributes.entry.4.Value.DataType=String&MessageAttributes.entry.4.Value.StringValue=order&Subject=subj&TopicArn=${goEscape(topic)}&Version=2010-03-31`);
  t.is(published.status, 200, published.body);
  t.regex(xmlValue(published.body, 'MessageId') ?? '', /^[0-9a-f-]{36}$/);
  const got = await sqs.send(new ReceiveMessageCommand({ QueueUrl: q.url, MaxNumberOfMessages: 10, WaitTimeSeconds: 2, MessageAttributeNames: ['All'] }));
  t.deepEqual(got.Messages?.map((m) => m.Body), ['hello from go ✓']);
  const attrs = got.Messages![0]!.MessageAttributes!;
  t.deepEqual(attrs.amount, { DataType: 'Number', StringValue: '12.5' });
  t.deepEqual(attrs.arr, { DataType: 'String.Array', StringValue: '["a","b"]' });
  t.deepEqual(Buffer.from(attrs.bin!.BinaryValue!), Buffer.from([0, 1, 2]));
  t.is(attrs.kind!.StringValue, 'order');
});

test(`${GO} Publish to an envelope (non-raw) sqs subscription, and Publish MessageStructure=json: the Notification envelope with Subject and typed MessageAttributes; the "sqs" text picked`, async (t) => {
  const topic = await createTopic();
  const q = await queue();
  await goPost(`Action=Subscribe&Endpoint=${goEscape(q.arn)}&Protocol=sqs&TopicArn=${goEscape(topic)}&Version=2010-03-31`);
  await goPost(`Action=Publish&Message=hello+from+go&MessageAttributes.entry.1.Name=bin&MessageAttributes.entry.1.Value.BinaryValue=AAEC&MessageAttributes.entry.1.Value.DataType=Binary&Subject=subj&TopicArn=${goEscape(topic)}&Version=2010-03-31`);
  await goPost(`Action=Publish&Message=%7B%22default%22%3A%22dflt%22%2C%22sqs%22%3A%22for+sqs%22%7D&MessageStructure=json&TopicArn=${goEscape(topic)}&Version=2010-03-31`);
  const bodies: Array<Record<string, unknown>> = [];
  for (let i = 0; i < 3 && bodies.length < 2; i++) {
    const got = await sqs.send(new ReceiveMessageCommand({ QueueUrl: q.url, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }));
    bodies.push(...(got.Messages ?? []).map((m) => JSON.parse(m.Body!) as Record<string, unknown>));
  }
  const first = bodies.find((b) => b.Message === 'hello from go')!;
  t.is(first.Type, 'Notification');
  t.is(first.Subject, 'subj');
  t.is(first.TopicArn, topic);
  t.deepEqual(first.MessageAttributes, { bin: { Type: 'Binary', Value: 'AAEC' } });
  t.truthy(bodies.find((b) => b.Message === 'for sqs'), JSON.stringify(bodies));
});

test(`${GO} PublishBatch with PublishBatchRequestEntries.member.N (a nested MessageAttributes.entry): Successful members with the Ids sent`, async (t) => {
  const topic = await createTopic();
  const answer = await goPost('Action=PublishBatch&PublishBatchRequestEntries.member.1.Id=1&PublishBatchRequestEntries.member.1.Message=b1'
    + '&PublishBatchRequestEntries.member.1.MessageAttributes.entry.1.Name=kind&PublishBatchRequestEntries.member.1.MessageAttributes.entry.1.Value.DataType=String'
    + '&PublishBatchRequestEntries.member.1.MessageAttributes.entry.1.Value.StringValue=order&PublishBatchRequestEntries.member.2.Id=2&PublishBatchRequestEntries.member.2.Message=b2'
    + `&TopicArn=${goEscape(topic)}&Version=2010-03-31`);
  t.is(answer.status, 200, answer.body);
  t.deepEqual(xmlValues(answer.body, 'Id'), ['1', '2']);
  t.is(xmlValues(answer.body, 'MessageId').length, 2);
  t.false(answer.body.includes('<Code>'), answer.body);
});

// SNS pages ListSubscriptionsByTopic 100 at a time with a NextToken (AWS API Reference,
// ListSubscriptionsByTopic: "returns a limited list of subscriptions, up to 100"); Go's
// paginator sends the token back until none comes.
test(`${GO} NewListSubscriptionsByTopicPaginator over 101 subscriptions: 100, a NextToken, then 1 and no token`, async (t) => {
  const topic = await createTopic();
  for (let i = 0; i < 101; i++) {
    const sub = await goPost(`Action=Subscribe&Endpoint=${goEscape(`arn:aws:sqs:us-east-1:000000000000:go-page-${i}`)}&Protocol=sqs&TopicArn=${goEscape(topic)}&Version=2010-03-31`);
    if (sub.status !== 200) throw new Error(sub.body);
  }
  const first = await goPost(`Action=ListSubscriptionsByTopic&TopicArn=${goEscape(topic)}&Version=2010-03-31`);
  t.is(xmlValues(first.body, 'SubscriptionArn').length, 100);
  const token = xmlValue(first.body, 'NextToken');
  t.truthy(token, first.body.slice(-400));
  const second = await goPost(`Action=ListSubscriptionsByTopic&NextToken=${goEscape(token!)}&TopicArn=${goEscape(topic)}&Version=2010-03-31`);
  t.is(xmlValues(second.body, 'SubscriptionArn').length, 1, second.body);
  t.is(xmlValue(second.body, 'NextToken'), undefined);
  const all = new Set([...xmlValues(first.body, 'Endpoint'), ...xmlValues(second.body, 'Endpoint')]);
  t.is(all.size, 101);
});

test(`${GO} FIFO topic (Attributes.entry FifoTopic, ContentBasedDeduplication) and Publish with MessageGroupId: a SequenceNumber`, async (t) => {
  const name = `${uniqueTopic()}.fifo`;
  const created = await goPost(`Action=CreateTopic&Attributes.entry.1.key=ContentBasedDeduplication&Attributes.entry.1.value=true&Attributes.entry.2.key=FifoTopic&Attributes.entry.2.value=true&Name=${name}&Version=2010-03-31`);
  const arn = xmlValue(created.body, 'TopicArn')!;
  const published = await goPost(`Action=Publish&Message=fifo&MessageGroupId=g&TopicArn=${goEscape(arn)}&Version=2010-03-31`);
  t.is(published.status, 200, published.body);
  t.regex(xmlValue(published.body, 'SequenceNumber') ?? '', /^\d{20}$/, published.body);
});

test(`${GO} GetTopicAttributes and Publish on a missing topic: 404 Sender NotFound, Go's *types.NotFoundException`, async (t) => {
  const missing = goEscape(`arn:aws:sns:us-east-1:000000000000:${uniqueTopic()}-missing`);
  for (const body of [`Action=GetTopicAttributes&TopicArn=${missing}&Version=2010-03-31`, `Action=Publish&Message=x&TopicArn=${missing}&Version=2010-03-31`]) {
    const answer = await goPost(body);
    t.is(answer.status, 404, answer.body);
    t.is(xmlValue(answer.body, 'Type'), 'Sender');
    t.is(xmlValue(answer.body, 'Code'), 'NotFound');
  }
});

test(`${GO} Subscribe with an unknown protocol: 400 InvalidParameter, Go's *types.InvalidParameterException`, async (t) => {
  const topic = await createTopic();
  const answer = await goPost(`Action=Subscribe&Endpoint=x&Protocol=carrier-pigeon&TopicArn=${goEscape(topic)}&Version=2010-03-31`);
  t.is(answer.status, 400, answer.body);
  t.is(xmlValue(answer.body, 'Code'), 'InvalidParameter');
  t.is(xmlValue(answer.body, 'Message'), 'Invalid parameter: Amazon SNS does not support this protocol string: carrier-pigeon');
});
