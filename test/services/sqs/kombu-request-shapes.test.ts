/**
 * SQS as Celery drives it through kombu's SQS transport (Debian python3-kombu 5.2.4-1,
 * python3-celery 5.2.6-5, python3-botocore 1.29.27), replayed request by request. Shapes
 * captured with a logging proxy in front of boltstack while a Celery worker ran delay(),
 * countdown, retry, acks_late failure and FIFO tasks, and kombu's SimpleQueue put/get/requeue.
 *
 * kombu talks to SQS on two paths:
 * - boto3 (query protocol in botocore 1.29): queue management, send, ack, restore, purge —
 *   `kombu/transport/SQS.py` Channel. These rows use the project's signed form POST.
 * - its own pycurl client, `kombu/asynchronous/aws/sqs/connection.py` AsyncSQSConnection:
 *   ReceiveMessage in the worker, DeleteMessage for no_ack queues, and a public API Celery
 *   users call directly. It sends to the queue URL's path, signs with botocore's signer
 *   (SignedHeaders=host;x-amz-date), puts Action last and sends no Version; POST for
 *   get_list and the send/batch calls, GET with the parameters in the query string for
 *   get_status/get_object (DeleteMessage, ChangeMessageVisibility, GetQueueAttributes...).
 *   `kombuAsync` below sends exactly that.
 * Four rows (unindexed list parameters, a queue path with a trailing slash) needed changes in
 * src/protocols/query/decode.ts and src/gateway/sqs-queue-url.ts; they failed before them.
 */
import test from 'ava';
import { SignatureV4 } from '@smithy/signature-v4';
import { HttpRequest } from '@smithy/protocol-http';
import { NodeSha256 } from '../../helpers/node-sha256.js';
import { startBoltstack } from '../../helpers/server.js';
import { queryPost, xmlValue, xmlValues } from '../../helpers/query-client.js';
import { uniqueQueue } from '../../helpers/sqs.js';
import type { Boltstack } from '../../../src/index.js';

const KOMBU = 'kombu 5.2.4';
const ASYNC = `${KOMBU} asynchronous/aws/sqs/connection.py AsyncSQSConnection`;
const TRANSPORT = `${KOMBU} transport/SQS.py Channel`;

let server: Boltstack;
test.before(async () => { server = await startBoltstack(); });
test.after.always(async () => { await server?.stop(); });

interface Answer { status: number; body: string }

/** A request as kombu's AsyncAWSQueryConnection.make_request sends it (see the header). */
async function kombuAsync(method: 'GET' | 'POST', queueUrl: string, params: Record<string, string>): Promise<Answer> {
  const u = new URL(queueUrl);
  const form = new URLSearchParams(params).toString();
  const signer = new SignatureV4({ credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, region: 'us-east-1', service: 'sqs', sha256: NodeSha256 });
  const request = new HttpRequest({
    method, protocol: u.protocol, hostname: u.hostname, port: Number(u.port), path: u.pathname,
    headers: { host: u.host }, ...(method === 'GET' ? { query: params } : { body: form }),
  });
  const signed = await signer.sign(request);
  const res = method === 'GET'
    ? await fetch(`${u.origin}${u.pathname}?${form}`, { headers: signed.headers })
    // pycurl's Content-Type is added after signing, unsigned, without a charset.
    : await fetch(`${u.origin}${u.pathname}`, { method, headers: { ...signed.headers, 'content-type': 'application/x-www-form-urlencoded' }, body: form });
  return { status: res.status, body: await res.text() };
}

/** A boto3 (botocore 1.29, query protocol) call, as kombu's transport makes it. */
const boto3 = (params: Record<string, string>): Promise<Answer> => queryPost(server.endpoint, { service: 'sqs', params });

async function createQueue(name: string, attributes: Record<string, string> = {}): Promise<string> {
  const params: Record<string, string> = { Action: 'CreateQueue', QueueName: name };
  Object.entries(attributes).forEach(([k, v], i) => { params[`Attribute.${i + 1}.Name`] = k; params[`Attribute.${i + 1}.Value`] = v; });
  const answer = await boto3(params);
  const url = xmlValue(answer.body, 'QueueUrl');
  if (answer.status !== 200 || url === undefined) throw new Error(answer.body);
  return url;
}

async function send(url: string, body: string): Promise<void> {
  const answer = await boto3({ Action: 'SendMessage', QueueUrl: url, MessageBody: body });
  if (answer.status !== 200) throw new Error(answer.body);
}

async function counts(url: string): Promise<Record<string, string>> {
  const answer = await boto3({ Action: 'GetQueueAttributes', QueueUrl: url, 'AttributeName.1': 'All' });
  const names = xmlValues(answer.body, 'Name');
  const values = xmlValues(answer.body, 'Value');
  const all = Object.fromEntries(names.map((n, i) => [n, values[i]!]));
  return { visible: all.ApproximateNumberOfMessages!, inFlight: all.ApproximateNumberOfMessagesNotVisible!, delayed: all.ApproximateNumberOfMessagesDelayed! };
}

/** The worker's receive, as Channel._get_from_sqs makes it with the default transport options. */
const workerReceive = (url: string, count: number, wait: number): Promise<Answer> => kombuAsync('POST', url, {
  MaxNumberOfMessages: String(count), 'AttributeName.1': 'ApproximateReceiveCount', WaitTimeSeconds: String(wait), Action: 'ReceiveMessage',
});

// ---- the pycurl path: what the worker sends --------------------------------------------------

test(`worker receive (${ASYNC}.receive_message via Channel._get_from_sqs): POST to the queue path without Version or QueueUrl, only ApproximateReceiveCount back`, async (t) => {
  const url = await createQueue(uniqueQueue('kombu-recv'), { VisibilityTimeout: '30' });
  await send(url, 'eyJib2R5IjogIlcxc3dMQ0F4TUYwIn0=');
  await send(url, 'second');
  const got = await workerReceive(url, 2, 1);
  t.is(got.status, 200, got.body);
  t.deepEqual(xmlValues(got.body, 'Body'), ['eyJib2R5IjogIlcxc3dMQ0F4TUYwIn0=', 'second']);
  // kombu reads Attributes.ApproximateReceiveCount for backoff_policy; nothing else was asked for.
  t.deepEqual(xmlValues(got.body, 'Name'), ['ApproximateReceiveCount', 'ApproximateReceiveCount'], got.body);
  t.deepEqual(xmlValues(got.body, 'Value'), ['1', '1']);
  t.false(got.body.includes('<MessageAttribute>'), got.body);
  t.deepEqual(await counts(url), { visible: '0', inFlight: '2', delayed: '0' });
});

test(`worker long poll (${ASYNC}.receive_message, wait_time_seconds): an empty queue answers <ReceiveMessageResult/> after the wait`, async (t) => {
  const url = await createQueue(uniqueQueue('kombu-poll'));
  const started = Date.now();
  const got = await workerReceive(url, 10, 1);
  t.is(got.status, 200, got.body);
  t.true(Date.now() - started >= 900, `answered after ${Date.now() - started} ms`);
  t.true(got.body.includes('<ReceiveMessageResult/>'), got.body);
});

test(`worker long poll (${ASYNC}.receive_message): a message sent during the wait is answered at once`, async (t) => {
  const url = await createQueue(uniqueQueue('kombu-wake'));
  const started = Date.now();
  const polled = workerReceive(url, 10, 10);
  await new Promise((r) => setTimeout(r, 200));
  await send(url, 'task');
  const got = await polled;
  t.true(Date.now() - started < 5000, `answered after ${Date.now() - started} ms`);
  t.deepEqual(xmlValues(got.body, 'Body'), ['task']);
});

test(`no_ack ack (${ASYNC}.delete_message via Channel._message_to_python): a signed GET to the queue path deletes the message`, async (t) => {
  const url = await createQueue(uniqueQueue('kombu-noack'));
  await send(url, 'fire and forget');
  const handle = xmlValue((await workerReceive(url, 1, 0)).body, 'ReceiptHandle')!;
  const deleted = await kombuAsync('GET', url, { ReceiptHandle: handle, Action: 'DeleteMessage' });
  t.is(deleted.status, 200, deleted.body);
  t.true(deleted.body.startsWith('<DeleteMessageResponse xmlns="http://queue.amazonaws.com/doc/2012-11-05/"><ResponseMetadata>'), deleted.body);
  t.deepEqual(await counts(url), { visible: '0', inFlight: '0', delayed: '0' });
});

test(`${ASYNC}.change_message_visibility: a signed GET with VisibilityTimeout=0 makes the message visible again, received a second time`, async (t) => {
  const url = await createQueue(uniqueQueue('kombu-cmv'));
  await send(url, 'again');
  const handle = xmlValue((await workerReceive(url, 1, 0)).body, 'ReceiptHandle')!;
  const changed = await kombuAsync('GET', url, { ReceiptHandle: handle, VisibilityTimeout: '0', Action: 'ChangeMessageVisibility' });
  t.is(changed.status, 200, changed.body);
  const again = await workerReceive(url, 1, 0);
  t.is(xmlValue(again.body, 'Body'), 'again');
  t.is(xmlValue(again.body, 'Value'), '2');
});

test(`${ASYNC}.send_message(delay_seconds=1): POST MessageBody and DelaySeconds, the message held back`, async (t) => {
  const url = await createQueue(uniqueQueue('kombu-send'));
  const sent = await kombuAsync('POST', url, { MessageBody: 'hello async', DelaySeconds: '1', Action: 'SendMessage' });
  t.is(sent.status, 200, sent.body);
  t.is(xmlValue(sent.body, 'MD5OfMessageBody'), '49ff09a8c3bd899d190d10e9f068fb2b');
  t.deepEqual(await counts(url), { visible: '0', inFlight: '0', delayed: '1' });
});

test(`${ASYNC} batches: send_message_batch (DelaySeconds=0 per entry), change_message_visibility_batch, delete_message_batch`, async (t) => {
  const url = await createQueue(uniqueQueue('kombu-batch'));
  const sent = await kombuAsync('POST', url, {
    'SendMessageBatchRequestEntry.1.Id': 'a', 'SendMessageBatchRequestEntry.1.MessageBody': 'one', 'SendMessageBatchRequestEntry.1.DelaySeconds': '0',
    'SendMessageBatchRequestEntry.2.Id': 'b', 'SendMessageBatchRequestEntry.2.MessageBody': 'two', 'SendMessageBatchRequestEntry.2.DelaySeconds': '0',
    Action: 'SendMessageBatch',
  });
  t.is(sent.status, 200, sent.body);
  t.deepEqual(xmlValues(sent.body, 'Id'), ['a', 'b']);
  const got = await workerReceive(url, 10, 0);
  const ids = xmlValues(got.body, 'MessageId');
  const handles = xmlValues(got.body, 'ReceiptHandle');
  t.is(handles.length, 2);
  // kombu uses the message id as the batch entry id.
  const changed = await kombuAsync('POST', url, {
    'ChangeMessageVisibilityBatchRequestEntry.1.Id': ids[0]!, 'ChangeMessageVisibilityBatchRequestEntry.1.ReceiptHandle': handles[0]!,
    'ChangeMessageVisibilityBatchRequestEntry.1.VisibilityTimeout': '0', Action: 'ChangeMessageVisibilityBatch',
  });
  t.deepEqual(xmlValues(changed.body, 'Id'), [ids[0]!], changed.body);
  const deleted = await kombuAsync('POST', url, {
    'DeleteMessageBatchRequestEntry.1.Id': ids[1]!, 'DeleteMessageBatchRequestEntry.1.ReceiptHandle': handles[1]!, Action: 'DeleteMessageBatch',
  });
  t.deepEqual(xmlValues(deleted.body, 'Id'), [ids[1]!], deleted.body);
  t.deepEqual(await counts(url), { visible: '1', inFlight: '0', delayed: '0' });
});

test(`${ASYNC}.set_queue_attribute: kombu's misspelt action SetQueueAttribute is InvalidAction, as AWS answers an unknown action [localstack tests/aws/services/sqs/test_sqs.py TestSqsQueryApi test_invalid_action_raises_exception (aws.validated)]`, async (t) => {
  const url = await createQueue(uniqueQueue('kombu-setattr'));
  const answer = await kombuAsync('GET', url, { 'Attribute.Name': 'VisibilityTimeout', 'Attribute.Value': '40', Action: 'SetQueueAttribute' });
  t.is(answer.status, 400, answer.body);
  t.is(xmlValue(answer.body, 'Code'), 'InvalidAction');
  t.is(xmlValue(answer.body, 'Message'), 'The action SetQueueAttribute is not valid for this endpoint.');
});

// An unindexed `Name=value` for a flattened list is that one-item list on SQS: AWS's own query
// examples of the 2009 API (`&AttributeName=All`), boto 2's SQSConnection (get_queue_attributes,
// add_permission send exactly kombu's parameters, APIVersion 2012-11-05), and elasticmq PR #448
// (2021-01-19: "MessageAttributeName (without .N) works on AWS"). Needs src/protocols/query/decode.ts
// (a flattened list read from `Name` when no `Name.1` is sent): these rows failed before it.
test(`${ASYNC}.get_queue_attributes(): GET AttributeName=All (unindexed) answers every attribute [boto 2 SQSConnection.get_queue_attributes; elasticmq#448]`, async (t) => {
  const url = await createQueue(uniqueQueue('kombu-attrs'), { VisibilityTimeout: '45' });
  const answer = await kombuAsync('GET', url, { AttributeName: 'All', Action: 'GetQueueAttributes' });
  t.is(answer.status, 200, answer.body);
  t.true(answer.body.includes('<Attribute><Name>VisibilityTimeout</Name><Value>45</Value></Attribute>'), answer.body);
  t.true(answer.body.includes('<Name>QueueArn</Name>'), answer.body);
});

test(`${ASYNC}.get_queue_attributes(q, 'ApproximateNumberOfMessages'): the one unindexed name answers that attribute [boto 2 Queue.count(); elasticmq#448]`, async (t) => {
  const url = await createQueue(uniqueQueue('kombu-count'));
  await send(url, 'one');
  const answer = await kombuAsync('GET', url, { AttributeName: 'ApproximateNumberOfMessages', Action: 'GetQueueAttributes' });
  t.is(answer.status, 200, answer.body);
  t.true(answer.body.includes('<Attribute><Name>ApproximateNumberOfMessages</Name><Value>1</Value></Attribute>'), answer.body);
});

test(`${ASYNC}.add_permission: unindexed AWSAccountId and ActionName are one-item lists, the statement added [boto 2 SQSConnection.add_permission; elasticmq#448]`, async (t) => {
  const url = await createQueue(uniqueQueue('kombu-perm'));
  const answer = await kombuAsync('GET', url, { Label: 'lbl', AWSAccountId: '123456789012', ActionName: 'SendMessage', Action: 'AddPermission' });
  t.is(answer.status, 200, answer.body);
  const policy = await boto3({ Action: 'GetQueueAttributes', QueueUrl: url, 'AttributeName.1': 'Policy' });
  t.true((xmlValue(policy.body, 'Value') ?? '').includes('"Sid":"lbl"'), policy.body);
});

// ---- the boto3 path: kombu's transport --------------------------------------------------------

test(`FIFO tasks (${TRANSPORT}._new_queue, _put): CreateQueue with VisibilityTimeout and FifoQueue attributes, MessageGroupId 'default' and a deduplication id per message`, async (t) => {
  const url = await createQueue(uniqueQueue('kombu-jobs') + '.fifo', { VisibilityTimeout: '30', FifoQueue: 'true' });
  const put = (body: string, dedup: string): Promise<Answer> => boto3({ Action: 'SendMessage', QueueUrl: url, MessageBody: body, MessageGroupId: 'default', MessageDeduplicationId: dedup });
  const first = await put('t0', 'd0');
  t.is(first.status, 200, first.body);
  t.truthy(xmlValue(first.body, 'SequenceNumber'), first.body);
  t.is((await put('t1', 'd1')).status, 200);
  // kombu passes a message's own MessageDeduplicationId property through: a repeat is deduplicated.
  const repeat = await put('t0 again', 'd0');
  t.is(xmlValue(repeat.body, 'MessageId'), xmlValue(first.body, 'MessageId'));
  const got = await workerReceive(url, 10, 0);
  t.deepEqual(xmlValues(got.body, 'Body'), ['t0', 't1']);
});

test(`restore on shutdown or Reject(requeue=True) (${TRANSPORT}._restore → _put → change_message_visibility VisibilityTimeout=0): a FIFO group is released at once`, async (t) => {
  const url = await createQueue(uniqueQueue('kombu-restore') + '.fifo', { FifoQueue: 'true', ContentBasedDeduplication: 'true' });
  await boto3({ Action: 'SendMessage', QueueUrl: url, MessageBody: 'first', MessageGroupId: 'g' });
  await boto3({ Action: 'SendMessage', QueueUrl: url, MessageBody: 'second', MessageGroupId: 'g' });
  const handle = xmlValue((await workerReceive(url, 1, 0)).body, 'ReceiptHandle')!;
  t.is(xmlValues((await workerReceive(url, 10, 0)).body, 'Body').length, 0, 'the group is locked while first is in flight');
  const restored = await boto3({ Action: 'ChangeMessageVisibility', QueueUrl: url, ReceiptHandle: handle, VisibilityTimeout: '0' });
  t.is(restored.status, 200, restored.body);
  const again = await workerReceive(url, 10, 0);
  t.deepEqual(xmlValues(again.body, 'Body'), ['first', 'second']);
  t.is(xmlValues(again.body, 'Value')[0], '2');
});

test(`celery purge (${TRANSPORT}._purge): a second PurgeQueue within 60 s is AWS.SimpleQueueService.PurgeQueueInProgress, 403 [AWS API reference, PurgeQueue]`, async (t) => {
  const url = await createQueue(uniqueQueue('kombu-purge'));
  await send(url, 'x');
  t.is((await boto3({ Action: 'PurgeQueue', QueueUrl: url })).status, 200);
  const again = await boto3({ Action: 'PurgeQueue', QueueUrl: url });
  t.is(again.status, 403, again.body);
  t.is(xmlValue(again.body, 'Code'), 'AWS.SimpleQueueService.PurgeQueueInProgress');
});

// A predefined_queues url copied from AWS's query examples ends in a slash
// (`https://sqs.us-east-2.amazonaws.com/123456789012/MyQueue/?Action=SendMessage...`, SQS API
// reference "Example" sections); the worker then POSTs to `/<account>/<name>/`. src/gateway/
// sqs-queue-url.ts takes one trailing slash (dropped from the URL); this row failed before it.
test(`predefined queue url with a trailing slash (${ASYNC}.receive_message to the url's path): the queue's messages [AWS SQS API reference query examples]`, async (t) => {
  const url = await createQueue(uniqueQueue('kombu-slash'));
  await send(url, 'slash');
  const got = await workerReceive(`${url}/`, 1, 0);
  t.is(got.status, 200, got.body);
  t.is(xmlValue(got.body, 'Body'), 'slash');
});
