/**
 * Queue semantics through the SDK: visibility timeouts and redelivery with new receipt handles,
 * ChangeMessageVisibility, old and malformed handles, delay queues and per-message delay,
 * retention, dead-letter redrive after maxReceiveCount, and PurgeQueue's 60-second rule.
 */
import test from 'ava';
import {
  ChangeMessageVisibilityBatchCommand, ChangeMessageVisibilityCommand, CreateQueueCommand, DeleteMessageCommand, GetQueueAttributesCommand,
  ListDeadLetterSourceQueuesCommand, PurgeQueueCommand, ReceiveMessageCommand, SendMessageCommand, SetQueueAttributesCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { startBoltstack } from '../../helpers/server.js';
import { sqsClient, sqsErrorOf, uniqueQueue } from '../../helpers/sqs.js';
import type { Boltstack } from '../../../src/index.js';

let server: Boltstack;
let sqs: SQSClient;
test.before(async () => { server = await startBoltstack(); sqs = sqsClient(server.endpoint); });
test.after.always(async () => { sqs?.destroy(); await server?.stop(); });

const create = async (attributes?: Record<string, string>, prefix = 'sem'): Promise<string> =>
  (await sqs.send(new CreateQueueCommand({ QueueName: uniqueQueue(prefix), Attributes: attributes }))).QueueUrl!;
const counters = async (QueueUrl: string): Promise<[string, string, string]> => {
  const a = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible', 'ApproximateNumberOfMessagesDelayed'] }))).Attributes!;
  return [a.ApproximateNumberOfMessages!, a.ApproximateNumberOfMessagesNotVisible!, a.ApproximateNumberOfMessagesDelayed!];
};

test('a message comes back after its visibility timeout, with a new handle and a higher receive count', async (t) => {
  const QueueUrl = await create({ VisibilityTimeout: '1' });
  await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'again' }));
  const first = (await sqs.send(new ReceiveMessageCommand({ QueueUrl, MessageSystemAttributeNames: ['ApproximateReceiveCount', 'ApproximateFirstReceiveTimestamp'] }))).Messages![0]!;
  t.deepEqual(await counters(QueueUrl), ['0', '1', '0']);
  t.is((await sqs.send(new ReceiveMessageCommand({ QueueUrl }))).Messages, undefined);
  const second = (await sqs.send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 3, MessageSystemAttributeNames: ['All'] }))).Messages![0]!;
  t.is(second.MessageId, first.MessageId);
  t.not(second.ReceiptHandle, first.ReceiptHandle);
  t.is(second.Attributes?.ApproximateReceiveCount, '2');
  t.is(second.Attributes?.ApproximateFirstReceiveTimestamp, first.Attributes?.ApproximateFirstReceiveTimestamp);
  // The older handle is accepted, but the message is in flight under the newer one: it stays.
  await sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: first.ReceiptHandle! }));
  t.deepEqual(await counters(QueueUrl), ['0', '1', '0']);
  await sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: second.ReceiptHandle! }));
  t.deepEqual(await counters(QueueUrl), ['0', '0', '0']);
});

test('ChangeMessageVisibility: 0 makes a message visible at once; errors for handles not in flight', async (t) => {
  const QueueUrl = await create();
  await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'vis' }));
  const m = (await sqs.send(new ReceiveMessageCommand({ QueueUrl }))).Messages![0]!;
  await sqs.send(new ChangeMessageVisibilityCommand({ QueueUrl, ReceiptHandle: m.ReceiptHandle!, VisibilityTimeout: 0 }));
  const again = (await sqs.send(new ReceiveMessageCommand({ QueueUrl, VisibilityTimeout: 0 }))).Messages![0]!;
  t.is(again.MessageId, m.MessageId);
  // A handle whose timeout has passed: OK, and nothing changes (AWS's answer, aws-answers-2025.test.ts).
  await sqs.send(new ChangeMessageVisibilityCommand({ QueueUrl, ReceiptHandle: again.ReceiptHandle!, VisibilityTimeout: 10 }));
  t.is((await sqs.send(new ReceiveMessageCommand({ QueueUrl, VisibilityTimeout: 0 }))).Messages?.[0]?.MessageId, m.MessageId);
  const tooLong = await sqsErrorOf(sqs.send(new ChangeMessageVisibilityCommand({ QueueUrl, ReceiptHandle: again.ReceiptHandle!, VisibilityTimeout: 43_201 })));
  t.is(tooLong.name, 'InvalidParameterValue');
  const malformed = await sqsErrorOf(sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: 'not-a-handle' })));
  t.is(malformed.name, 'ReceiptHandleIsInvalid');
  t.is(malformed.$metadata.httpStatusCode, 404);
  // Native AWS's words for a handle that does not decode (radkawar/stackd testdata/aws/sqs/metrics.json, 2026-09-15).
  t.is(malformed.message, 'The input receipt handle is invalid.');
  const third = (await sqs.send(new ReceiveMessageCommand({ QueueUrl }))).Messages![0]!;
  const batch = await sqs.send(new ChangeMessageVisibilityBatchCommand({ QueueUrl, Entries: [
    { Id: 'good', ReceiptHandle: third.ReceiptHandle!, VisibilityTimeout: 60 },
    { Id: 'bad', ReceiptHandle: 'garbage', VisibilityTimeout: 60 },
  ] }));
  t.deepEqual(batch.Successful, [{ Id: 'good' }]);
  t.is(batch.Failed?.[0]?.Id, 'bad');
  t.is(batch.Failed?.[0]?.Code, 'ReceiptHandleIsInvalid');
  t.true(batch.Failed?.[0]?.SenderFault);
});

test('delay queues and per-message delay; counters say delayed', async (t) => {
  const QueueUrl = await create({ DelaySeconds: '1' });
  await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'queue delay' }));
  await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'no delay', DelaySeconds: 0 }));
  t.deepEqual(await counters(QueueUrl), ['1', '0', '1']);
  const now = (await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10 }))).Messages!;
  t.deepEqual(now.map((m) => m.Body), ['no delay']);
  const later = await sqs.send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 3 }));
  t.is(later.Messages?.[0]?.Body, 'queue delay');
});

// Serial: it moves the clock of the whole process, which other tests must not see.
test.serial('retention: a message older than MessageRetentionPeriod is gone', async (t) => {
  const QueueUrl = await create({ MessageRetentionPeriod: '60' });
  await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'old' }));
  // The minimum period is 60 s; the test moves the clock instead of waiting.
  const realNow = Date.now;
  Date.now = () => realNow() + 61_000;
  try {
    // The server runs in this process (startBoltstack), so its clock moved too.
    t.is((await sqs.send(new ReceiveMessageCommand({ QueueUrl }))).Messages, undefined);
  } finally {
    Date.now = realNow;
  }
  t.deepEqual(await counters(QueueUrl), ['0', '0', '0']);
});

test('dead-letter redrive after maxReceiveCount, with DeadLetterQueueSourceArn', async (t) => {
  const dlq = await create(undefined, 'dlq');
  const dlqArn = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: dlq, AttributeNames: ['QueueArn'] }))).Attributes!.QueueArn!;
  const source = await create({ RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: 2 }), VisibilityTimeout: '0' });
  const sourceArn = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: source, AttributeNames: ['QueueArn'] }))).Attributes!.QueueArn!;
  const sent = await sqs.send(new SendMessageCommand({ QueueUrl: source, MessageBody: 'poison' }));
  for (let i = 0; i < 2; i++) t.is((await sqs.send(new ReceiveMessageCommand({ QueueUrl: source }))).Messages?.[0]?.MessageId, sent.MessageId);
  t.is((await sqs.send(new ReceiveMessageCommand({ QueueUrl: source }))).Messages, undefined, 'moved on the third receive');
  const dead = (await sqs.send(new ReceiveMessageCommand({ QueueUrl: dlq, MessageSystemAttributeNames: ['All'] }))).Messages![0]!;
  t.is(dead.MessageId, sent.MessageId);
  t.is(dead.Body, 'poison');
  t.is(dead.Attributes?.DeadLetterQueueSourceArn, sourceArn);
  const sources = await sqs.send(new ListDeadLetterSourceQueuesCommand({ QueueUrl: dlq }));
  t.deepEqual(sources.queueUrls, [source]);
  const missing = await sqsErrorOf(sqs.send(new SetQueueAttributesCommand({ QueueUrl: source, Attributes: {
    RedrivePolicy: JSON.stringify({ deadLetterTargetArn: `${dlqArn}-nope`, maxReceiveCount: 2 }),
  } })));
  t.is(missing.name, 'InvalidParameterValue');
  t.regex(missing.message, /Dead-letter target does not exist/);
  const badCount = await sqsErrorOf(sqs.send(new SetQueueAttributesCommand({ QueueUrl: source, Attributes: {
    RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: 0 }),
  } })));
  t.regex(badCount.message, /valid values are from 1 to 1000 both inclusive/);
});

test('PurgeQueue deletes every message; a second purge within 60 s is PurgeQueueInProgress', async (t) => {
  const QueueUrl = await create();
  for (let i = 0; i < 5; i++) await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: `m${i}` }));
  await sqs.send(new PurgeQueueCommand({ QueueUrl }));
  t.deepEqual(await counters(QueueUrl), ['0', '0', '0']);
  const again = await sqsErrorOf(sqs.send(new PurgeQueueCommand({ QueueUrl })));
  t.is(again.name, 'PurgeQueueInProgress');
  t.is(again.Code, 'AWS.SimpleQueueService.PurgeQueueInProgress');
  t.is(again.$metadata.httpStatusCode, 403);
  await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'after' }));
  t.is((await sqs.send(new ReceiveMessageCommand({ QueueUrl }))).Messages?.[0]?.Body, 'after');
});

test('ReceiveMessage parameter ranges', async (t) => {
  const QueueUrl = await create();
  const max = await sqsErrorOf(sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 11 })));
  t.is(max.name, 'InvalidParameterValue');
  t.is(max.message, 'Value 11 for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if provided.');
  const wait = await sqsErrorOf(sqs.send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 21 })));
  t.is(wait.message, 'Value 21 for parameter WaitTimeSeconds is invalid. Reason: Must be >= 0 and <= 20, if provided.');
  const attr = await sqsErrorOf(sqs.send(new ReceiveMessageCommand({ QueueUrl, MessageSystemAttributeNames: ['Bogus' as 'All'] })));
  t.is(attr.name, 'InvalidAttributeName');
});
