/**
 * SQS over the query protocol (signed form POSTs, XML answers), as boto3 before 2023 and the AWS
 * CLI v1 speak it: the same queues as the json protocol, SQS's namespace and ResponseMetadata,
 * flattened lists and maps named as in the model (Attribute.N.Name/Value, MessageAttribute...),
 * errors with the legacy code and an empty Detail, and calls sent to the queue URL.
 */
import test from 'ava';
import { ReceiveMessageCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { startBoltstack } from '../../helpers/server.js';
import { queryPost, xmlValue, xmlValues } from '../../helpers/query-client.js';
import { sqsClient, uniqueQueue } from '../../helpers/sqs.js';
import type { Boltstack } from '../../../src/index.js';

let server: Boltstack;
test.before(async () => { server = await startBoltstack(); });
test.after.always(async () => { await server?.stop(); });

const NS = 'xmlns="http://queue.amazonaws.com/doc/2012-11-05/"';
const sqsQuery = (params: Record<string, string>, path?: string) => queryPost(server.endpoint, { service: 'sqs', params, ...(path ? { path } : {}) });

test('CreateQueue with attributes and tags, then GetQueueAttributes, in XML', async (t) => {
  const name = uniqueQueue('query');
  const created = await sqsQuery({
    Action: 'CreateQueue', QueueName: name,
    'Attribute.1.Name': 'VisibilityTimeout', 'Attribute.1.Value': '45', 'Tag.1.Key': 'team', 'Tag.1.Value': 'core',
  });
  t.is(created.status, 200, created.body);
  t.true(created.body.startsWith(`<CreateQueueResponse ${NS}><CreateQueueResult><QueueUrl>`), created.body);
  t.regex(created.body, /<ResponseMetadata><RequestId>[0-9a-f-]{36}<\/RequestId><\/ResponseMetadata><\/CreateQueueResponse>$/);
  t.is(created.headers['content-type'], 'text/xml');
  const url = xmlValue(created.body, 'QueueUrl')!;
  t.is(url, `${server.endpoint.replace('http://', 'http://')}/000000000000/${name}`);
  const attrs = await sqsQuery({ Action: 'GetQueueAttributes', QueueUrl: url, 'AttributeName.1': 'VisibilityTimeout', 'AttributeName.2': 'QueueArn' });
  t.is(attrs.status, 200, attrs.body);
  t.regex(attrs.body, /<GetQueueAttributesResult>(<Attribute><Name>[A-Za-z]+<\/Name><Value>[^<]+<\/Value><\/Attribute>){2}<\/GetQueueAttributesResult>/);
  t.regex(attrs.body, /<Attribute><Name>QueueArn<\/Name><Value>arn:aws:sqs:us-east-1:000000000000:[^<]+<\/Value><\/Attribute>/);
  t.regex(attrs.body, /<Attribute><Name>VisibilityTimeout<\/Name><Value>45<\/Value><\/Attribute>/);
  const tags = await sqsQuery({ Action: 'ListQueueTags', QueueUrl: url });
  t.regex(tags.body, /<Tag><Key>team<\/Key><Value>core<\/Value><\/Tag>/);
});

test('messages sent over query are received over json and the other way round, with attributes', async (t) => {
  const name = uniqueQueue('mixed');
  const url = xmlValue((await sqsQuery({ Action: 'CreateQueue', QueueName: name })).body, 'QueueUrl')!;
  const sent = await sqsQuery({
    Action: 'SendMessage', QueueUrl: url, MessageBody: 'via query & <xml>',
    'MessageAttribute.1.Name': 'color', 'MessageAttribute.1.Value.DataType': 'String', 'MessageAttribute.1.Value.StringValue': 'blue',
    'MessageAttribute.2.Name': 'blob', 'MessageAttribute.2.Value.DataType': 'Binary', 'MessageAttribute.2.Value.BinaryValue': Buffer.from([0, 1, 2, 255]).toString('base64'),
  });
  t.is(sent.status, 200, sent.body);
  const md5Attrs = xmlValue(sent.body, 'MD5OfMessageAttributes');
  const sqs = sqsClient(server.endpoint);
  const got = await sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MessageAttributeNames: ['All'] }));
  const m = got.Messages![0]!;
  t.is(m.Body, 'via query & <xml>');
  t.is(m.MD5OfMessageAttributes, md5Attrs);
  t.is(m.MessageAttributes?.color?.StringValue, 'blue');
  t.deepEqual([...m.MessageAttributes!.blob!.BinaryValue!], [0, 1, 2, 255]);

  await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'via json', MessageAttributes: { n: { DataType: 'Number.int', StringValue: '42' } } }));
  const received = await sqsQuery({ Action: 'ReceiveMessage', QueueUrl: url, 'AttributeName.1': 'All', 'MessageAttributeName.1': 'All', MaxNumberOfMessages: '10' });
  t.is(received.status, 200, received.body);
  t.is(xmlValue(received.body, 'Body'), 'via json');
  t.regex(received.body, /<Attribute><Name>ApproximateReceiveCount<\/Name><Value>1<\/Value><\/Attribute>/);
  t.regex(received.body, /<MessageAttribute><Name>n<\/Name><Value>(<DataType>Number.int<\/DataType><StringValue>42<\/StringValue>|<StringValue>42<\/StringValue><DataType>Number.int<\/DataType>)<\/Value><\/MessageAttribute>/);
  const handle = xmlValue(received.body, 'ReceiptHandle')!;
  const deleted = await sqsQuery({ Action: 'DeleteMessage', QueueUrl: url, ReceiptHandle: handle });
  t.is(deleted.status, 200, deleted.body);
  t.regex(deleted.body, new RegExp(`^<DeleteMessageResponse ${NS}><ResponseMetadata><RequestId>`));
  sqs.destroy();
});

test('a call sent to the queue URL without QueueUrl reaches that queue', async (t) => {
  const name = uniqueQueue('bypath');
  await sqsQuery({ Action: 'CreateQueue', QueueName: name });
  const sent = await sqsQuery({ Action: 'SendMessage', MessageBody: 'to the path' }, `/000000000000/${name}`);
  t.is(sent.status, 200, sent.body);
  const got = await sqsQuery({ Action: 'ReceiveMessage' }, `/000000000000/${name}`);
  t.is(xmlValue(got.body, 'Body'), 'to the path');
});

test('errors: legacy code, Sender, empty Detail, and the batch result lists', async (t) => {
  const missing = await sqsQuery({ Action: 'GetQueueUrl', QueueName: uniqueQueue('none') });
  t.is(missing.status, 400);
  // Over query AWS keeps the older wording (softwaremill/elasticmq#825, AWS CLI against AWS, 2023;
  // JoseLuisSR/awsmeter#23, 2025); over json it is "The specified queue does not exist." (basics.test.ts).
  t.regex(missing.body, new RegExp(`^<ErrorResponse ${NS}><Error><Type>Sender</Type><Code>AWS.SimpleQueueService.NonExistentQueue</Code><Message>The specified queue does not exist for this wsdl version.</Message><Detail/></Error><RequestId>`));
  const name = uniqueQueue('qbatch');
  const url = xmlValue((await sqsQuery({ Action: 'CreateQueue', QueueName: name })).body, 'QueueUrl')!;
  const batch = await sqsQuery({
    Action: 'SendMessageBatch', QueueUrl: url,
    'SendMessageBatchRequestEntry.1.Id': 'ok', 'SendMessageBatchRequestEntry.1.MessageBody': 'fine',
    'SendMessageBatchRequestEntry.2.Id': 'bad', 'SendMessageBatchRequestEntry.2.MessageBody': 'x', 'SendMessageBatchRequestEntry.2.DelaySeconds': '901',
  });
  t.is(batch.status, 200, batch.body);
  t.regex(batch.body, /<SendMessageBatchResultEntry><Id>ok<\/Id><MessageId>[^<]+<\/MessageId><MD5OfMessageBody>[0-9a-f]{32}<\/MD5OfMessageBody><\/SendMessageBatchResultEntry>/);
  t.regex(batch.body, /<BatchResultErrorEntry><Id>bad<\/Id><SenderFault>true<\/SenderFault><Code>InvalidParameterValue<\/Code><Message>[^<]+<\/Message><\/BatchResultErrorEntry>/);
  const dup = await sqsQuery({
    Action: 'DeleteMessageBatch', QueueUrl: url,
    'DeleteMessageBatchRequestEntry.1.Id': 'a', 'DeleteMessageBatchRequestEntry.1.ReceiptHandle': 'x',
    'DeleteMessageBatchRequestEntry.2.Id': 'a', 'DeleteMessageBatchRequestEntry.2.ReceiptHandle': 'y',
  });
  t.is(dup.status, 400);
  t.is(xmlValue(dup.body, 'Code'), 'AWS.SimpleQueueService.BatchEntryIdsNotDistinct');
  const listed = await sqsQuery({ Action: 'ListQueues', QueueNamePrefix: name });
  t.deepEqual(xmlValues(listed.body, 'QueueUrl'), [url]);
});
