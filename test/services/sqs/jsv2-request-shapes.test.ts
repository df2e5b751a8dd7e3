/**
 * SQS requests as the AWS SDK for JavaScript v2 sends them, captured with a logging proxy in
 * front of boltstack and replayed here header for header (boltstack does not verify signatures;
 * the captured Authorization is sent as it was). aws-sdk is not a dependency. Two wire forms:
 * - aws-sdk up to the SQS json switch (captured from 2.1400.0): the query protocol, a form POST
 *   to "/" with Version=2012-11-05, answered in XML;
 * - aws-sdk 2.1693.0 (the last v2): AWS json 1.0 with `awsQueryCompatible`, so v2 takes the
 *   error code from x-amzn-query-error's first field (AWS.SimpleQueueService.NonExistentQueue).
 * Either way v2 sends every call after CreateQueue/GetQueueUrl to the QueueUrl's host, and with
 * `computeChecksums` (on by default) checks MD5OfMessageBody of SendMessage and of each
 * SendMessageBatch entry (matched by Id) and MD5OfBody of each received message; a mismatch is
 * an InvalidChecksum error that v2 retries. It does not check MD5OfMessageAttributes (v3 does):
 * the rows check it anyway, against the digest computed here as AWS documents it.
 * No row found a defect: they pin shapes that work.
 */
import test from 'ava';
import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { startBoltstack } from '../../helpers/server.js';
import { xmlValue, xmlValues } from '../../helpers/query-client.js';
import { uniqueQueue } from '../../helpers/sqs.js';
import type { Boltstack } from '../../../src/index.js';

const QUERY_V2 = 'aws-sdk 2.1400.0 (query)';
const JSON_V2 = 'aws-sdk 2.1693.0 (json)';
/** AWS SQS Developer Guide, "Calculating the MD5 message digest for message attributes". */
const MD5_DOC = 'SQS Developer Guide sqs-message-metadata.html#sqs-attributes-md5-message-digest-calculation';
const NUMBERS = 'radkawar/stackd testdata/aws/sns/numeric_attributes.json';

let server: Boltstack;
test.before(async () => { server = await startBoltstack(); });
test.after.always(async () => { await server?.stop(); });

interface Answer { status: number; headers: Record<string, string | string[] | undefined>; body: string }

/** One v2 request: its headers in v2's order and case, Host the server's, Connection: close. */
function v2Post(body: string, target?: string): Promise<Answer> {
  const url = new URL(server.endpoint);
  const headers = [
    'User-Agent', `aws-sdk-nodejs/${target === undefined ? '2.1400.0' : '2.1693.0'} linux/v20.20.2 promise`,
    'Content-Type', target === undefined ? 'application/x-www-form-urlencoded; charset=utf-8' : 'application/x-amz-json-1.0',
    ...(target === undefined ? [] : ['X-Amz-Target', `AmazonSQS.${target}`]),
    'X-Amz-Content-Sha256', createHash('sha256').update(body).digest('hex'), 'Content-Length', String(Buffer.byteLength(body)), 'Host', url.host,
    'X-Amz-Date', '20261207T183344Z',
    'Authorization', `AWS4-HMAC-SHA256 Credential=test/20261207/us-east-1/sqs/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date${target === undefined ? '' : ';x-amz-target'}, Signature=7ae99d70154f159b63ecfda4b7bf248cc1423495a961466675e066b4dff48903`,
    'Connection', 'close',
  ];
  return new Promise((resolve, reject) => {
    const r = request({ host: url.hostname, port: url.port, method: 'POST', path: '/', headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }));
      res.on('error', reject);
    });
    r.on('error', reject);
    r.end(body);
  });
}

/** v2's query serializer: keys sorted, values percent-encoded (RFC 3986), Version last by sort. */
const form = (params: Record<string, string>): string => Object.keys(params).sort()
  .map((k) => `${k}=${encodeURIComponent(params[k]!).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`).join('&');

const md5Hex = (data: string | Buffer): string => createHash('md5').update(data).digest('hex');

type Attr = { DataType: string; StringValue?: string; BinaryValue?: Buffer };
/** The documented digest, written here (not src/services/sqs/message-md5.ts): names sorted, each length-prefixed. */
function md5OfAttributes(attrs: Record<string, Attr>): string {
  const lv = (b: Buffer): Buffer => { const n = Buffer.alloc(4); n.writeUInt32BE(b.length); return Buffer.concat([n, b]); };
  const parts = Object.keys(attrs).sort().flatMap((name) => {
    const a = attrs[name]!;
    const value = a.BinaryValue === undefined ? [Buffer.from([1]), lv(Buffer.from(a.StringValue!))] : [Buffer.from([2]), lv(a.BinaryValue)];
    return [lv(Buffer.from(name)), lv(Buffer.from(a.DataType)), ...value];
  });
  return md5Hex(Buffer.concat(parts));
}

const BODY = 'hello ü';
const BINARY = Buffer.from([0, 1, 2, 255]);
/** As sent ("1.50") and as SQS answers on receive (the canonical "1.5"). */
const SENT: Record<string, Attr> = { s: { DataType: 'String', StringValue: 'str' }, n: { DataType: 'Number', StringValue: '1.50' }, b: { DataType: 'Binary', BinaryValue: BINARY } };
const RECEIVED: Record<string, Attr> = { ...SENT, n: { DataType: 'Number', StringValue: '1.5' } };

/** v2 2.1400.0's SendMessage form for BODY and SENT (attributes in the order given, fields sorted). */
const querySend = (queueUrl: string): string => form({
  Action: 'SendMessage', 'MessageAttribute.1.Name': 's', 'MessageAttribute.1.Value.DataType': 'String', 'MessageAttribute.1.Value.StringValue': 'str',
  'MessageAttribute.2.Name': 'n', 'MessageAttribute.2.Value.DataType': 'Number', 'MessageAttribute.2.Value.StringValue': '1.50',
  'MessageAttribute.3.Name': 'b', 'MessageAttribute.3.Value.BinaryValue': BINARY.toString('base64'), 'MessageAttribute.3.Value.DataType': 'Binary',
  MessageBody: BODY, QueueUrl: queueUrl, Version: '2012-11-05',
});
const jsonSend = (queueUrl: string): string => JSON.stringify({
  QueueUrl: queueUrl, MessageBody: BODY,
  MessageAttributes: { s: { DataType: 'String', StringValue: 'str' }, n: { DataType: 'Number', StringValue: '1.50' }, b: { DataType: 'Binary', BinaryValue: BINARY.toString('base64') } },
});

async function queryQueue(): Promise<string> {
  const created = await v2Post(form({ Action: 'CreateQueue', 'Attribute.1.Name': 'VisibilityTimeout', 'Attribute.1.Value': '30', QueueName: uniqueQueue('jsv2q'), 'Tag.1.Key': 'team', 'Tag.1.Value': 'x', Version: '2012-11-05' }));
  return xmlValue(created.body, 'QueueUrl')!;
}

async function jsonQueue(): Promise<string> {
  const created = await v2Post(JSON.stringify({ QueueName: uniqueQueue('jsv2j'), Attributes: { VisibilityTimeout: '30' }, tags: { team: 'x' } }), 'CreateQueue');
  return (JSON.parse(created.body) as { QueueUrl: string }).QueueUrl;
}

// v2 points every later call at the QueueUrl it got, so its host must be the one v2 called.
// AWS API Reference CreateQueue (QueueUrl); AWS answers its own endpoint's host.
test(`sqs.createQueue({ Attributes, tags }) (${QUERY_V2}): CreateQueueResult/QueueUrl on the host v2 called, ResponseMetadata/RequestId [AWS API Reference CreateQueue]`, async (t) => {
  const name = uniqueQueue('jsv2q');
  const created = await v2Post(form({ Action: 'CreateQueue', 'Attribute.1.Name': 'VisibilityTimeout', 'Attribute.1.Value': '30', QueueName: name, 'Tag.1.Key': 'team', 'Tag.1.Value': 'x', Version: '2012-11-05' }));
  t.is(created.status, 200, created.body);
  t.is(xmlValue(created.body, 'QueueUrl'), `${server.endpoint}/000000000000/${name}`);
  t.truthy(xmlValue(created.body, 'RequestId'));
});

// v2 checks MD5OfMessageBody against md5(MessageBody) (UTF-8). The attribute digest is over the
// values as sent ("1.50"): stackd numeric_attributes.json "send-padded" records SendMessage's MD5
// of the text sent.
test(`sqs.sendMessage({ MessageAttributes: String, Number, Binary }) (${QUERY_V2}): SendMessageResult MD5OfMessageBody, MD5OfMessageAttributes, MessageId [${MD5_DOC}; ${NUMBERS}]`, async (t) => {
  const queueUrl = await queryQueue();
  const sent = await v2Post(querySend(queueUrl));
  t.is(sent.status, 200, sent.body);
  t.is(xmlValue(sent.body, 'MD5OfMessageBody'), md5Hex(BODY));
  t.is(xmlValue(sent.body, 'MD5OfMessageAttributes'), md5OfAttributes(SENT));
  t.regex(xmlValue(sent.body, 'MessageId') ?? '', /^[0-9a-f-]{36}$/);
});

test(`sqs.sendMessage({ MessageAttributes: String, Number, Binary }) (${JSON_V2}): MD5OfMessageBody, MD5OfMessageAttributes, MessageId [${MD5_DOC}; ${NUMBERS}]`, async (t) => {
  const queueUrl = await jsonQueue();
  const sent = await v2Post(jsonSend(queueUrl), 'SendMessage');
  t.is(sent.status, 200, sent.body);
  const body = JSON.parse(sent.body) as Record<string, string>;
  t.deepEqual([body.MD5OfMessageBody, body.MD5OfMessageAttributes], [md5Hex(BODY), md5OfAttributes(SENT)]);
});

// v2 reads Message/Attribute (Name, Value) and MessageAttribute (Name, Value/DataType,
// StringValue or base64 BinaryValue) as flattened lists, and checks MD5OfBody. A Number comes
// back canonical ("1.5") with the digest of that text: stackd numeric_attributes.json
// "receive-3" (send-padded). AWS API Reference ReceiveMessage (response elements).
test(`sqs.receiveMessage({ AttributeNames: [All], MessageAttributeNames: [All], WaitTimeSeconds: 1 }) (${QUERY_V2}): the XML elements v2 reads, MD5OfBody [AWS API Reference ReceiveMessage; ${NUMBERS}]`, async (t) => {
  const queueUrl = await queryQueue();
  await v2Post(querySend(queueUrl));
  const got = await v2Post(form({ Action: 'ReceiveMessage', 'AttributeName.1': 'All', MaxNumberOfMessages: '10', 'MessageAttributeName.1': 'All', QueueUrl: queueUrl, Version: '2012-11-05', VisibilityTimeout: '20', WaitTimeSeconds: '1' }));
  t.is(got.status, 200, got.body);
  t.is(xmlValues(got.body, 'Body').length, 1);
  t.is(xmlValue(got.body, 'Body'), BODY);
  t.is(xmlValue(got.body, 'MD5OfBody'), md5Hex(BODY));
  const attributes = [...got.body.matchAll(/<Attribute><Name>([^<]*)<\/Name><Value>([^<]*)<\/Value><\/Attribute>/g)].map((m) => m[1]);
  t.deepEqual(attributes.sort(), ['ApproximateFirstReceiveTimestamp', 'ApproximateReceiveCount', 'SenderId', 'SentTimestamp']);
  const messageAttributes = [...got.body.matchAll(/<MessageAttribute><Name>([^<]*)<\/Name><Value>(.*?)<\/Value><\/MessageAttribute>/g)].map((m) => [m[1], m[2]]);
  t.deepEqual(messageAttributes, [
    ['s', '<DataType>String</DataType><StringValue>str</StringValue>'],
    ['n', '<DataType>Number</DataType><StringValue>1.5</StringValue>'],
    ['b', `<DataType>Binary</DataType><BinaryValue>${BINARY.toString('base64')}</BinaryValue>`],
  ]);
  t.is(xmlValue(got.body, 'MD5OfMessageAttributes'), md5OfAttributes(RECEIVED));
});

test(`sqs.receiveMessage({ AttributeNames: [All], MessageAttributeNames: [All], WaitTimeSeconds: 1 }) (${JSON_V2}): Messages as v2 reads them, MD5OfBody [AWS API Reference ReceiveMessage; ${NUMBERS}]`, async (t) => {
  const queueUrl = await jsonQueue();
  await v2Post(jsonSend(queueUrl), 'SendMessage');
  const got = await v2Post(JSON.stringify({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, AttributeNames: ['All'], MessageAttributeNames: ['All'], WaitTimeSeconds: 1, VisibilityTimeout: 20 }), 'ReceiveMessage');
  t.is(got.status, 200, got.body);
  const [message, ...rest] = (JSON.parse(got.body) as { Messages: Array<Record<string, unknown>> }).Messages;
  t.is(rest.length, 0);
  t.deepEqual([message!.Body, message!.MD5OfBody, message!.MD5OfMessageAttributes], [BODY, md5Hex(BODY), md5OfAttributes(RECEIVED)]);
  t.deepEqual(message!.MessageAttributes, {
    s: { DataType: 'String', StringValue: 'str' }, n: { DataType: 'Number', StringValue: '1.5' }, b: { DataType: 'Binary', BinaryValue: BINARY.toString('base64') },
  });
  t.deepEqual(Object.keys(message!.Attributes as object).sort(), ['ApproximateFirstReceiveTimestamp', 'ApproximateReceiveCount', 'SenderId', 'SentTimestamp']);
});

// v2 matches each SendMessageBatchResultEntry to its entry by Id and checks its MD5OfMessageBody;
// a refused entry is a BatchResultErrorEntry (Id, SenderFault, Code, Message). AWS API Reference
// SendMessageBatch; DelaySeconds 0-900 (AWS API Reference SendMessageBatchRequestEntry).
test(`sqs.sendMessageBatch([ok, DelaySeconds 1000]) (${QUERY_V2}): SendMessageBatchResultEntry with the body's MD5, BatchResultErrorEntry for the other [AWS API Reference SendMessageBatch]`, async (t) => {
  const queueUrl = await queryQueue();
  const sent = await v2Post(form({
    Action: 'SendMessageBatch', QueueUrl: queueUrl,
    'SendMessageBatchRequestEntry.1.Id': 'one', 'SendMessageBatchRequestEntry.1.MessageAttribute.1.Name': 'k', 'SendMessageBatchRequestEntry.1.MessageAttribute.1.Value.DataType': 'String',
    'SendMessageBatchRequestEntry.1.MessageAttribute.1.Value.StringValue': 'v', 'SendMessageBatchRequestEntry.1.MessageBody': 'b1',
    'SendMessageBatchRequestEntry.2.DelaySeconds': '1000', 'SendMessageBatchRequestEntry.2.Id': 'bad', 'SendMessageBatchRequestEntry.2.MessageBody': 'b2', Version: '2012-11-05',
  }));
  t.is(sent.status, 200, sent.body);
  const ok = /<SendMessageBatchResultEntry>(.*?)<\/SendMessageBatchResultEntry>/.exec(sent.body)?.[1] ?? '';
  t.deepEqual([xmlValue(ok, 'Id'), xmlValue(ok, 'MD5OfMessageBody'), xmlValue(ok, 'MD5OfMessageAttributes')], ['one', md5Hex('b1'), md5OfAttributes({ k: { DataType: 'String', StringValue: 'v' } })]);
  const failed = /<BatchResultErrorEntry>(.*?)<\/BatchResultErrorEntry>/.exec(sent.body)?.[1] ?? '';
  t.deepEqual([xmlValue(failed, 'Id'), xmlValue(failed, 'SenderFault'), xmlValue(failed, 'Code')], ['bad', 'true', 'InvalidParameterValue']);
});

// v2 (query) takes err.code from ErrorResponse/Error/Code; v2 2.1693.0 (json, awsQueryCompatible)
// from x-amzn-query-error's first field, so both see AWS.SimpleQueueService.NonExistentQueue.
// localstack tests/aws/services/sqs/test_sqs.snapshot.json test_non_existent_queue (2024-04-30):
// "queue-does-not-exist-query" and the json answer QueueDoesNotExist with that query error.
test(`sqs.getQueueUrl({ QueueName }) of no queue (${QUERY_V2} and ${JSON_V2}): AWS.SimpleQueueService.NonExistentQueue as each reads it [localstack test_sqs.snapshot.json test_non_existent_queue (2024-04-30)]`, async (t) => {
  const QueueName = uniqueQueue('jsv2-none');
  const query = await v2Post(form({ Action: 'GetQueueUrl', QueueName, Version: '2012-11-05' }));
  t.is(query.status, 400);
  t.deepEqual([xmlValue(query.body, 'Code'), xmlValue(query.body, 'Message')], ['AWS.SimpleQueueService.NonExistentQueue', 'The specified queue does not exist for this wsdl version.']);
  const json = await v2Post(JSON.stringify({ QueueName }), 'GetQueueUrl');
  t.is(json.status, 400);
  t.is(String(json.headers['x-amzn-query-error']).split(';')[0], 'AWS.SimpleQueueService.NonExistentQueue');
  t.is((JSON.parse(json.body) as { __type: string }).__type.split('#').pop(), 'QueueDoesNotExist');
});

// v2 reads Successful[].Id and Failed[] (Id, SenderFault, Code, Message). AWS API Reference
// DeleteMessageBatch; a receipt handle that is not one is ReceiptHandleIsInvalid.
test(`sqs.deleteMessageBatch([a received handle, "garbage"]) (${JSON_V2}): Successful [d0], Failed ReceiptHandleIsInvalid [AWS API Reference DeleteMessageBatch]`, async (t) => {
  const queueUrl = await jsonQueue();
  await v2Post(jsonSend(queueUrl), 'SendMessage');
  const got = JSON.parse((await v2Post(JSON.stringify({ QueueUrl: queueUrl, MaxNumberOfMessages: 10 }), 'ReceiveMessage')).body) as { Messages: Array<{ ReceiptHandle: string }> };
  const deleted = await v2Post(JSON.stringify({ QueueUrl: queueUrl, Entries: [{ Id: 'd0', ReceiptHandle: got.Messages[0]!.ReceiptHandle }, { Id: 'bad', ReceiptHandle: 'garbage' }] }), 'DeleteMessageBatch');
  t.is(deleted.status, 200, deleted.body);
  const body = JSON.parse(deleted.body) as { Successful: unknown[]; Failed: Array<Record<string, unknown>> };
  t.deepEqual(body.Successful, [{ Id: 'd0' }]);
  t.deepEqual(body.Failed.map((f) => [f.Id, f.SenderFault, f.Code]), [['bad', true, 'ReceiptHandleIsInvalid']]);
});
