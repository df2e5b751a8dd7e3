/**
 * SQS as the AWS SDK for Go v2 drives it: Debian's golang-github-aws-aws-sdk-go-v2-dev 1.17.1-3
 * (service/sqs 1.19.12, which speaks the query protocol; SQS clients from late 2023 on speak
 * json, which the SDK v3 tests cover). Bodies captured with the client's
 * `ClientLogMode: aws.LogRequestWithBody|aws.LogResponseWithBody` while a Go program drove
 * boltstack (2026-12-07), replayed here byte for byte: Go sorts the parameters, writes a space
 * as "+", sends `Content-Type: application/x-www-form-urlencoded` without a charset and signs
 * amz-sdk-invocation-id;amz-sdk-request;content-length;content-type;host;x-amz-date.
 *
 * What the Go client checks, and so each row asserts: the MD5s of SendMessage(Batch) and of
 * ReceiveMessage (service/sqs/cust_checksum_validation.go compares them with its own and fails
 * the call on a mismatch — the values below are ones it accepted), and the error codes its
 * query deserializer maps to typed errors (deserializers.go: AWS.SimpleQueueService.NonExistentQueue
 * is *types.QueueDoesNotExist, AWS.SimpleQueueService.BatchEntryIdsNotDistinct is
 * *types.BatchEntryIdsNotDistinct, ReceiptHandleIsInvalid is *types.ReceiptHandleIsInvalid).
 */
import test from 'ava';
import { randomUUID } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import { HttpRequest } from '@smithy/protocol-http';
import { NodeSha256 } from '../../helpers/node-sha256.js';
import { startBoltstack } from '../../helpers/server.js';
import { xmlValue, xmlValues } from '../../helpers/query-client.js';
import { uniqueQueue } from '../../helpers/sqs.js';
import type { Boltstack } from '../../../src/index.js';
import { goEscape, goForm } from './go-form.js';

const GO = 'aws-sdk-go-v2 service/sqs 1.19.12';

let server: Boltstack;
test.before(async () => { server = await startBoltstack(); });
test.after.always(async () => { await server?.stop(); });

interface Answer { status: number; body: string }

/** POSTs a body exactly as the Go client sends it (see the header for its headers and signing). */
async function goPost(body: string): Promise<Answer> {
  const url = new URL(server.endpoint);
  const signer = new SignatureV4({ credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, region: 'us-east-1', service: 'sqs', sha256: NodeSha256 });
  const request = new HttpRequest({
    method: 'POST', protocol: url.protocol, hostname: url.hostname, port: Number(url.port), path: '/', body,
    headers: {
      host: url.host, 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(Buffer.byteLength(body)),
      'amz-sdk-invocation-id': randomUUID(), 'amz-sdk-request': 'attempt=1; max=3',
      'user-agent': 'aws-sdk-go-v2/1.17.1 os/linux lang/go/1.19.8 md/GOOS/linux md/GOARCH/amd64 api/sqs/1.19.12',
    },
  });
  const signed = await signer.sign(request);
  // Go's transport adds Accept-Encoding: gzip after signing (it decompresses transparently).
  const res = await fetch(`${url.origin}/`, { method: 'POST', headers: { ...signed.headers, 'accept-encoding': 'gzip' }, body });
  return { status: res.status, body: await res.text() };
}

/** A captured Go body with the queue URL of this run in place of {QueueUrl}. */
const withQueue = (body: string, queueUrl: string): string => body.replace('{QueueUrl}', goEscape(queueUrl));

async function createQueue(name: string): Promise<string> {
  const answer = await goPost(goForm({ Action: 'CreateQueue', QueueName: name, Version: '2012-11-05' }));
  const url = xmlValue(answer.body, 'QueueUrl');
  if (answer.status !== 200 || url === undefined) throw new Error(answer.body);
  return url;
}

async function receiveAll(queueUrl: string): Promise<Answer> {
  return goPost(withQueue('Action=ReceiveMessage&AttributeName.1=All&MaxNumberOfMessages=10&MessageAttributeName.1=All&QueueUrl={QueueUrl}&Version=2012-11-05&VisibilityTimeout=20&WaitTimeSeconds=2', queueUrl));
}

test(`${GO} CreateQueue (Attributes and Tags maps as sorted Attribute.N and Tag.N), then ListQueueTags and GetQueueAttributes(All)`, async (t) => {
  const name = uniqueQueue('go-create');
  const created = await goPost(`Action=CreateQueue&Attribute.1.Name=MessageRetentionPeriod&Attribute.1.Value=3600&Attribute.2.Name=VisibilityTimeout&Attribute.2.Value=30&QueueName=${name}&Tag.1.Key=team&Tag.1.Value=go&Version=2012-11-05`);
  t.is(created.status, 200, created.body);
  const url = xmlValue(created.body, 'QueueUrl')!;
  t.true(url.endsWith(`/000000000000/${name}`), url);
  const tags = await goPost(withQueue('Action=ListQueueTags&QueueUrl={QueueUrl}&Version=2012-11-05', url));
  t.true(tags.body.includes('<Tag><Key>team</Key><Value>go</Value></Tag>'), tags.body);
  const attrs = await goPost(withQueue('Action=GetQueueAttributes&AttributeName.1=All&QueueUrl={QueueUrl}&Version=2012-11-05', url));
  t.true(attrs.body.includes('<Attribute><Name>VisibilityTimeout</Name><Value>30</Value></Attribute>'), attrs.body);
  t.true(attrs.body.includes('<Attribute><Name>MessageRetentionPeriod</Name><Value>3600</Value></Attribute>'), attrs.body);
});

// The MD5s are the ones the Go client computed itself and accepted (a mismatch fails SendMessage
// with "message checksum mismatch"). The body's spaces arrive as "+".
test(`${GO} SendMessage with String, Number, Binary and String.json attributes and an AWSTraceHeader: the three MD5s Go checks`, async (t) => {
  const url = await createQueue(uniqueQueue('go-send'));
  const sent = await goPost(withQueue('Action=SendMessage&MessageAttribute.1.Name=b&MessageAttribute.1.Value.BinaryValue=AAEC%2Fw%3D%3D&MessageAttribute.1.Value.DataType=Binary'
    + '&MessageAttribute.2.Name=custom&MessageAttribute.2.Value.DataType=String.json&MessageAttribute.2.Value.StringValue=%7B%22a%22%3A1%7D'
    + '&MessageAttribute.3.Name=n&MessageAttribute.3.Value.DataType=Number&MessageAttribute.3.Value.StringValue=42'
    + '&MessageAttribute.4.Name=s&MessageAttribute.4.Value.DataType=String&MessageAttribute.4.Value.StringValue=text+%E2%9C%93'
    + '&MessageBody=hello+%3Cgo%3E+%26+%22friends%22+%E2%9C%93'
    + '&MessageSystemAttribute.1.Name=AWSTraceHeader&MessageSystemAttribute.1.Value.DataType=String&MessageSystemAttribute.1.Value.StringValue=Root%3D1-5759e988-bd862e3fe1be46a994272793'
    + '&QueueUrl={QueueUrl}&Version=2012-11-05', url));
  t.is(sent.status, 200, sent.body);
  t.is(xmlValue(sent.body, 'MD5OfMessageBody'), '6bb54e14ad89741fec6cd292a69c43a7');
  t.is(xmlValue(sent.body, 'MD5OfMessageAttributes'), '1dfc2f15c56fcd5885cfeb0cd8518b8d');
  t.is(xmlValue(sent.body, 'MD5OfMessageSystemAttributes'), '62a56dd927315f2b2e12832b84617ea5');
});

test(`${GO} ReceiveMessage (AttributeName.1=All, MessageAttributeName.1=All, long poll): the body, base64 BinaryValue, custom type and the MD5s Go checks`, async (t) => {
  const url = await createQueue(uniqueQueue('go-recv'));
  await goPost(withQueue('Action=SendMessage&MessageAttribute.1.Name=b&MessageAttribute.1.Value.BinaryValue=AAEC%2Fw%3D%3D&MessageAttribute.1.Value.DataType=Binary'
    + '&MessageAttribute.2.Name=custom&MessageAttribute.2.Value.DataType=String.json&MessageAttribute.2.Value.StringValue=%7B%22a%22%3A1%7D'
    + '&MessageAttribute.3.Name=n&MessageAttribute.3.Value.DataType=Number&MessageAttribute.3.Value.StringValue=42'
    + '&MessageAttribute.4.Name=s&MessageAttribute.4.Value.DataType=String&MessageAttribute.4.Value.StringValue=text+%E2%9C%93'
    + '&MessageBody=hello+%3Cgo%3E+%26+%22friends%22+%E2%9C%93'
    + '&MessageSystemAttribute.1.Name=AWSTraceHeader&MessageSystemAttribute.1.Value.DataType=String&MessageSystemAttribute.1.Value.StringValue=Root%3D1-5759e988-bd862e3fe1be46a994272793'
    + '&QueueUrl={QueueUrl}&Version=2012-11-05', url));
  const got = await receiveAll(url);
  t.is(got.status, 200, got.body);
  t.is(xmlValue(got.body, 'Body'), 'hello <go> & "friends" ✓');
  t.is(xmlValue(got.body, 'MD5OfBody'), '6bb54e14ad89741fec6cd292a69c43a7');
  t.is(xmlValue(got.body, 'MD5OfMessageAttributes'), '1dfc2f15c56fcd5885cfeb0cd8518b8d');
  t.true(got.body.includes('<MessageAttribute><Name>b</Name><Value><DataType>Binary</DataType><BinaryValue>AAEC/w==</BinaryValue></Value></MessageAttribute>'), got.body);
  t.true(got.body.includes('<DataType>String.json</DataType>'), got.body);
  t.true(got.body.includes('<Attribute><Name>AWSTraceHeader</Name><Value>Root=1-5759e988-bd862e3fe1be46a994272793</Value></Attribute>'), got.body);
  t.true(got.body.includes('<Attribute><Name>ApproximateReceiveCount</Name><Value>1</Value></Attribute>'), got.body);
});

test(`${GO} SendMessageBatch of 10 (Entry.10 sorted before Entry.2): every entry answered with the MD5s Go checks per entry`, async (t) => {
  const url = await createQueue(uniqueQueue('go-batch'));
  const params: Record<string, string> = { Action: 'SendMessageBatch', QueueUrl: url, Version: '2012-11-05' };
  for (let i = 0; i < 10; i++) {
    const p = `SendMessageBatchRequestEntry.${i + 1}`;
    Object.assign(params, { [`${p}.Id`]: `m${i}`, [`${p}.MessageBody`]: `batch ${i}`, [`${p}.MessageAttribute.1.Name`]: 'i', [`${p}.MessageAttribute.1.Value.DataType`]: 'Number', [`${p}.MessageAttribute.1.Value.StringValue`]: String(i) });
  }
  const body = goForm(params);
  t.true(body.includes('SendMessageBatchRequestEntry.10.Id=m9&SendMessageBatchRequestEntry.10.MessageAttribute.1.Name=i') && body.indexOf('Entry.10.') < body.indexOf('Entry.2.'));
  const sent = await goPost(body);
  t.is(sent.status, 200, sent.body);
  t.deepEqual(xmlValues(sent.body, 'Id'), ['m0', 'm1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8', 'm9']);
  t.deepEqual(xmlValues(sent.body, 'MD5OfMessageBody').slice(0, 2), ['9ae4c61cdb329378665a5694bbe84172', '5b4385dc646c90de42c86b7d65e329e9']);
  t.deepEqual(xmlValues(sent.body, 'MD5OfMessageAttributes').slice(0, 2), ['d3976fc5c7933c97a4b4c87e1686dc4e', '667e030051d9e0747a8157bc4d10b995']);
  t.false(sent.body.includes('BatchResultErrorEntry'), sent.body);
});

// Go 1.19.12 writes an entry's VisibilityTimeout only when it is not 0 (serializers.go,
// `if v.VisibilityTimeout != 0`), so a batch reset to 0 reaches SQS without it. AWS answers each
// such entry MissingParameter naming it with its place (aws/aws-sdk-go-v2#2250, 2023-08-21: "The
// request must contain the parameter ChangeMessageVisibilityBatchRequestEntry.1.VisibilityTimeout.";
// fixed on the client in aws/aws-sdk-go-v2#2767, 2024-08-30). Failed before the fix: the message
// said only "VisibilityTimeout".
test(`${GO} ChangeMessageVisibilityBatch with VisibilityTimeout 0 (dropped by Go): each entry Failed MissingParameter naming ChangeMessageVisibilityBatchRequestEntry.N.VisibilityTimeout, as AWS [aws/aws-sdk-go-v2#2250]`, async (t) => {
  const url = await createQueue(uniqueQueue('go-cmvb'));
  for (const body of ['one', 'two']) await goPost(goForm({ Action: 'SendMessage', MessageBody: body, QueueUrl: url, Version: '2012-11-05' }));
  const handles = xmlValues((await receiveAll(url)).body, 'ReceiptHandle');
  t.is(handles.length, 2);
  const changed = await goPost(goForm({
    Action: 'ChangeMessageVisibilityBatch', QueueUrl: url, Version: '2012-11-05',
    'ChangeMessageVisibilityBatchRequestEntry.1.Id': 'c1', 'ChangeMessageVisibilityBatchRequestEntry.1.ReceiptHandle': handles[0]!,
    'ChangeMessageVisibilityBatchRequestEntry.2.Id': 'c3', 'ChangeMessageVisibilityBatchRequestEntry.2.ReceiptHandle': handles[1]!,
  }));
  t.is(changed.status, 200, changed.body);
  t.deepEqual(xmlValues(changed.body, 'Code'), ['MissingParameter', 'MissingParameter'], changed.body);
  t.deepEqual(xmlValues(changed.body, 'SenderFault'), ['true', 'true']);
  t.deepEqual(xmlValues(changed.body, 'Message'), [
    'The request must contain the parameter ChangeMessageVisibilityBatchRequestEntry.1.VisibilityTimeout.',
    'The request must contain the parameter ChangeMessageVisibilityBatchRequestEntry.2.VisibilityTimeout.',
  ]);
  t.false(changed.body.includes('ChangeMessageVisibilityBatchResultEntry'), changed.body);
});

test(`${GO} ChangeMessageVisibility with VisibilityTimeout=0 (a required member, always sent): the message is received again, ApproximateReceiveCount 2`, async (t) => {
  const url = await createQueue(uniqueQueue('go-cmv'));
  await goPost(goForm({ Action: 'SendMessage', MessageBody: 'again', QueueUrl: url, Version: '2012-11-05' }));
  const handle = xmlValue((await receiveAll(url)).body, 'ReceiptHandle')!;
  const changed = await goPost(withQueue(`Action=ChangeMessageVisibility&QueueUrl={QueueUrl}&ReceiptHandle=${goEscape(handle)}&Version=2012-11-05&VisibilityTimeout=0`, url));
  t.is(changed.status, 200, changed.body);
  const again = await goPost(withQueue('Action=ReceiveMessage&AttributeName.1=ApproximateReceiveCount&MaxNumberOfMessages=10&QueueUrl={QueueUrl}&Version=2012-11-05&WaitTimeSeconds=1', url));
  t.is(xmlValue(again.body, 'Body'), 'again');
  t.true(again.body.includes('<Attribute><Name>ApproximateReceiveCount</Name><Value>2</Value></Attribute>'), again.body);
});

test(`${GO} DeleteMessageBatch with one bad handle: Successful entries and a BatchResultErrorEntry ReceiptHandleIsInvalid, SenderFault true`, async (t) => {
  const url = await createQueue(uniqueQueue('go-dmb'));
  await goPost(goForm({ Action: 'SendMessage', MessageBody: 'x', QueueUrl: url, Version: '2012-11-05' }));
  const handle = xmlValue((await receiveAll(url)).body, 'ReceiptHandle')!;
  const deleted = await goPost(goForm({
    Action: 'DeleteMessageBatch', QueueUrl: url, Version: '2012-11-05',
    'DeleteMessageBatchRequestEntry.1.Id': 'd0', 'DeleteMessageBatchRequestEntry.1.ReceiptHandle': handle,
    'DeleteMessageBatchRequestEntry.2.Id': 'bad', 'DeleteMessageBatchRequestEntry.2.ReceiptHandle': 'garbage',
  }));
  t.is(deleted.status, 200, deleted.body);
  t.true(deleted.body.includes('<DeleteMessageBatchResultEntry><Id>d0</Id></DeleteMessageBatchResultEntry>'), deleted.body);
  t.true(deleted.body.includes('<BatchResultErrorEntry><Id>bad</Id><SenderFault>true</SenderFault><Code>ReceiptHandleIsInvalid</Code>'), deleted.body);
});

test(`${GO} FIFO SendMessage (MessageGroupId, content-based dedup) and SendMessageBatch: SequenceNumber per send; ReceiveMessage(All) answers MessageGroupId, SequenceNumber, MessageDeduplicationId`, async (t) => {
  const name = `${uniqueQueue('go-fifo')}.fifo`;
  const created = await goPost(`Action=CreateQueue&Attribute.1.Name=ContentBasedDeduplication&Attribute.1.Value=true&Attribute.2.Name=FifoQueue&Attribute.2.Value=true&QueueName=${name}&Version=2012-11-05`);
  const url = xmlValue(created.body, 'QueueUrl')!;
  const first = await goPost(withQueue('Action=SendMessage&MessageBody=f0&MessageGroupId=g1&QueueUrl={QueueUrl}&Version=2012-11-05', url));
  t.regex(xmlValue(first.body, 'SequenceNumber') ?? '', /^\d{20}$/, first.body);
  const batch = await goPost(withQueue('Action=SendMessageBatch&QueueUrl={QueueUrl}&SendMessageBatchRequestEntry.1.Id=a&SendMessageBatchRequestEntry.1.MessageBody=fa'
    + '&SendMessageBatchRequestEntry.1.MessageDeduplicationId=da&SendMessageBatchRequestEntry.1.MessageGroupId=g2&SendMessageBatchRequestEntry.2.Id=b'
    + '&SendMessageBatchRequestEntry.2.MessageBody=fb&SendMessageBatchRequestEntry.2.MessageDeduplicationId=db&SendMessageBatchRequestEntry.2.MessageGroupId=g2&Version=2012-11-05', url));
  t.is(xmlValues(batch.body, 'SequenceNumber').length, 2, batch.body);
  const got = await goPost(withQueue('Action=ReceiveMessage&AttributeName.1=All&MaxNumberOfMessages=10&QueueUrl={QueueUrl}&Version=2012-11-05', url));
  t.deepEqual(xmlValues(got.body, 'Body'), ['f0', 'fa', 'fb']);
  t.true(got.body.includes('<Attribute><Name>MessageGroupId</Name><Value>g1</Value></Attribute>'), got.body);
  t.true(got.body.includes(`<Attribute><Name>SequenceNumber</Name><Value>${xmlValue(first.body, 'SequenceNumber')!}</Value></Attribute>`), got.body);
  t.true(got.body.includes('<Name>MessageDeduplicationId</Name>'), got.body);
});

test(`${GO} NewListQueuesPaginator (MaxResults=1, QueueNamePrefix): a NextToken per page, passed back as sent`, async (t) => {
  const prefix = uniqueQueue('go-list');
  for (const n of ['a', 'b']) await createQueue(`${prefix}-${n}`);
  const first = await goPost(`Action=ListQueues&MaxResults=1&QueueNamePrefix=${prefix}&Version=2012-11-05`);
  t.deepEqual(xmlValues(first.body, 'QueueUrl').map((u) => u.slice(u.lastIndexOf('/') + 1)), [`${prefix}-a`], first.body);
  const token = xmlValue(first.body, 'NextToken');
  t.truthy(token, first.body);
  const second = await goPost(`Action=ListQueues&MaxResults=1&NextToken=${goEscape(token!)}&QueueNamePrefix=${prefix}&Version=2012-11-05`);
  t.deepEqual(xmlValues(second.body, 'QueueUrl').map((u) => u.slice(u.lastIndexOf('/') + 1)), [`${prefix}-b`], second.body);
  t.is(xmlValue(second.body, 'NextToken'), undefined, second.body);
});

test(`${GO} GetQueueUrl of a missing queue: 400 Sender AWS.SimpleQueueService.NonExistentQueue, which Go maps to *types.QueueDoesNotExist`, async (t) => {
  const answer = await goPost('Action=GetQueueUrl&QueueName=does-not-exist-go&Version=2012-11-05');
  t.is(answer.status, 400, answer.body);
  t.is(xmlValue(answer.body, 'Type'), 'Sender');
  t.is(xmlValue(answer.body, 'Code'), 'AWS.SimpleQueueService.NonExistentQueue');
});

test(`${GO} SendMessageBatch with a repeated Id: AWS.SimpleQueueService.BatchEntryIdsNotDistinct, Go's *types.BatchEntryIdsNotDistinct`, async (t) => {
  const url = await createQueue(uniqueQueue('go-dup'));
  const answer = await goPost(withQueue('Action=SendMessageBatch&QueueUrl={QueueUrl}&SendMessageBatchRequestEntry.1.Id=dup&SendMessageBatchRequestEntry.1.MessageBody=x&SendMessageBatchRequestEntry.2.Id=dup&SendMessageBatchRequestEntry.2.MessageBody=y&Version=2012-11-05', url));
  t.is(answer.status, 400, answer.body);
  t.is(xmlValue(answer.body, 'Code'), 'AWS.SimpleQueueService.BatchEntryIdsNotDistinct');
});

// 404 is the status the SQS model gives ReceiptHandleIsInvalid (src/model/generated/sqs.ts, awsQueryError httpStatusCode).
test(`${GO} DeleteMessage with a malformed handle: 404 ReceiptHandleIsInvalid, Go's *types.ReceiptHandleIsInvalid`, async (t) => {
  const url = await createQueue(uniqueQueue('go-del'));
  const answer = await goPost(withQueue('Action=DeleteMessage&QueueUrl={QueueUrl}&ReceiptHandle=garbage&Version=2012-11-05', url));
  t.is(answer.status, 404, answer.body);
  t.is(xmlValue(answer.body, 'Code'), 'ReceiptHandleIsInvalid');
});
