/**
 * SQS through the real @aws-sdk/client-sqs (json protocol, default settings): queues, sending,
 * receiving, deleting, the digests AWS computes, and the errors SDKs map to their exceptions.
 */
import { createHash } from 'node:crypto';
import test from 'ava';
import {
  CreateQueueCommand, DeleteMessageCommand, DeleteQueueCommand, GetQueueAttributesCommand, GetQueueUrlCommand,
  ListQueuesCommand, ReceiveMessageCommand, SendMessageCommand,
} from '@aws-sdk/client-sqs';
import { startBoltstack } from '../../helpers/server.js';
import { sqsClient, sqsErrorOf, uniqueQueue } from '../../helpers/sqs.js';
import type { Boltstack } from '../../../src/index.js';

let server: Boltstack;
test.before(async () => { server = await startBoltstack(); });
test.after.always(async () => { await server?.stop(); });

test('CreateQueue, GetQueueUrl and ListQueues name the queue by the request host', async (t) => {
  const sqs = sqsClient(server.endpoint);
  const name = uniqueQueue('basic');
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: name }));
  const host = new URL(server.endpoint).host;
  t.is(QueueUrl, `http://${host}/000000000000/${name}`);
  t.is((await sqs.send(new GetQueueUrlCommand({ QueueName: name }))).QueueUrl, QueueUrl);
  const listed = await sqs.send(new ListQueuesCommand({ QueueNamePrefix: name }));
  t.deepEqual(listed.QueueUrls, [QueueUrl]);
  t.is(listed.NextToken, undefined);
  // A URL from another host name (say, AWS's or a container's) still names the same queue.
  const foreign = `https://sqs.us-east-1.amazonaws.com/000000000000/${name}`;
  const attrs = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: foreign, AttributeNames: ['QueueArn'] }));
  t.is(attrs.Attributes?.QueueArn, `arn:aws:sqs:us-east-1:000000000000:${name}`);
  sqs.destroy();
});

test('send, receive and delete a message; the SDK checks the body MD5', async (t) => {
  const sqs = sqsClient(server.endpoint);
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: uniqueQueue('srd') }));
  const sent = await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'hello ünïcode ✓' }));
  t.is(sent.MD5OfMessageBody, createHash('md5').update('hello ünïcode ✓', 'utf8').digest('hex'));
  t.regex(sent.MessageId!, /^[0-9a-f-]{36}$/);
  const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MessageSystemAttributeNames: ['All'] }));
  t.is(Messages?.length, 1);
  const m = Messages![0]!;
  t.is(m.Body, 'hello ünïcode ✓');
  t.is(m.MessageId, sent.MessageId);
  t.is(m.Attributes?.ApproximateReceiveCount, '1');
  t.is(m.Attributes?.SenderId, '000000000000');
  t.truthy(m.Attributes?.SentTimestamp);
  t.truthy(m.Attributes?.ApproximateFirstReceiveTimestamp);
  // In flight: not received again.
  t.is((await sqs.send(new ReceiveMessageCommand({ QueueUrl }))).Messages, undefined);
  await sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: m.ReceiptHandle! }));
  const counters = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['All'] }));
  t.is(counters.Attributes?.ApproximateNumberOfMessages, '0');
  t.is(counters.Attributes?.ApproximateNumberOfMessagesNotVisible, '0');
  sqs.destroy();
});

test('a queue that does not exist is QueueDoesNotExist with the legacy code', async (t) => {
  const sqs = sqsClient(server.endpoint);
  const err = await sqsErrorOf(sqs.send(new GetQueueUrlCommand({ QueueName: uniqueQueue('missing') })));
  t.is(err.name, 'QueueDoesNotExist');
  t.is(err.Code, 'AWS.SimpleQueueService.NonExistentQueue');
  t.is(err.message, 'The specified queue does not exist.');
  t.is(err.$metadata.httpStatusCode, 400);
  const send = await sqsErrorOf(sqs.send(new SendMessageCommand({ QueueUrl: `${server.endpoint}/000000000000/nope`, MessageBody: 'x' })));
  t.is(send.name, 'QueueDoesNotExist');
  sqs.destroy();
});

test('a deleted queue is gone, and its name cannot be reused for 60 s', async (t) => {
  const sqs = sqsClient(server.endpoint);
  const name = uniqueQueue('deleted');
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: name }));
  await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'x' }));
  await sqs.send(new DeleteQueueCommand({ QueueUrl }));
  t.is((await sqsErrorOf(sqs.send(new GetQueueUrlCommand({ QueueName: name })))).name, 'QueueDoesNotExist');
  const again = await sqsErrorOf(sqs.send(new CreateQueueCommand({ QueueName: name })));
  t.is(again.name, 'QueueDeletedRecently');
  t.is(again.Code, 'AWS.SimpleQueueService.QueueDeletedRecently');
  sqs.destroy();
});

test('long polling answers the moment a message arrives', async (t) => {
  const sqs = sqsClient(server.endpoint);
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: uniqueQueue('poll') }));
  const started = Date.now();
  const polling = sqs.send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 10 }));
  await new Promise((r) => setTimeout(r, 300));
  const sentAt = Date.now();
  await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'wake up' }));
  const got = await polling;
  t.is(got.Messages?.[0]?.Body, 'wake up');
  t.true(Date.now() - sentAt < 1000, `answered ${Date.now() - sentAt} ms after the send`);
  t.true(Date.now() - started >= 300);
  // An empty long poll waits its time, then answers with no messages.
  const empty = Date.now();
  t.is((await sqs.send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 1 }))).Messages, undefined);
  t.true(Date.now() - empty >= 950);
  sqs.destroy();
});
