/**
 * SNS and SQS through the AWS CLI as a new user drives them: a topic fanning out to a queue (the
 * notification JSON with its message attributes, long-polled receive with every attribute,
 * delete, queue attributes), send-message-batch with bad entries, and a FIFO topic delivering
 * raw to a FIFO queue with deduplication. botocore checks MD5OfBody/MD5OfMessageAttributes itself
 * and fails the command on a mismatch. The CLI ships with this project's machine image (awscli
 * v1); where it is missing the file says so and is skipped (required in CI: test/helpers/aws-cli.ts).
 */
import { CreateQueueCommand } from '@aws-sdk/client-sqs';
import { cliSession, cliTestFor } from '../helpers/aws-cli.js';
import { sqsClient } from '../helpers/sqs.js';

const cliTest = cliTestFor('aws-cli-messaging.test');

interface Received {
  Messages?: Array<{
    MessageId: string; ReceiptHandle: string; MD5OfBody: string; Body: string; Attributes: Record<string, string>;
    MessageAttributes?: Record<string, { DataType: string; StringValue?: string }>;
  }>;
}

cliTest('aws sns topic → sqs queue: subscribe, list-subscriptions-by-topic, publish --message-attributes, receive --wait-time-seconds, delete, get-queue-attributes All', async (t) => {
  t.timeout(60_000);
  const cli = await cliSession();
  try {
    const { QueueUrl: url } = await cli.json<{ QueueUrl: string }>('sqs', 'create-queue', '--queue-name', 'fanout-q');
    t.is(url, `${cli.endpoint}/000000000000/fanout-q`);
    const { TopicArn: topic } = await cli.json<{ TopicArn: string }>('sns', 'create-topic', '--name', 'fanout-t');
    t.is(topic, 'arn:aws:sns:us-east-1:000000000000:fanout-t');
    const queueArn = 'arn:aws:sqs:us-east-1:000000000000:fanout-q';
    const { SubscriptionArn: sub } = await cli.json<{ SubscriptionArn: string }>('sns', 'subscribe', '--topic-arn', topic, '--protocol', 'sqs', '--notification-endpoint', queueArn);
    t.regex(sub, /^arn:aws:sns:us-east-1:000000000000:fanout-t:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    t.deepEqual(await cli.json('sns', 'list-subscriptions-by-topic', '--topic-arn', topic), {
      Subscriptions: [{ SubscriptionArn: sub, Owner: '000000000000', Protocol: 'sqs', Endpoint: queueArn, TopicArn: topic }],
    });

    // awscli v1 sends a blob argument's text as its bytes: BinaryValue "AAEC" is the 4 bytes
    // A A E C, which the notification shows base64-encoded.
    const attributes = { color: { DataType: 'String', StringValue: 'blue' }, n: { DataType: 'Number', StringValue: '42' }, b: { DataType: 'Binary', BinaryValue: 'AAEC' } };
    const { MessageId: published } = await cli.json<{ MessageId: string }>('sns', 'publish', '--topic-arn', topic, '--subject', 'subj',
      '--message', 'hello ✓', '--message-attributes', JSON.stringify(attributes));
    const got = await cli.json<Received>('sqs', 'receive-message', '--queue-url', url, '--attribute-names', 'All', '--message-attribute-names', 'All', '--wait-time-seconds', '5');
    t.is(got.Messages!.length, 1);
    const [m] = got.Messages!;
    t.deepEqual(Object.keys(m!.Attributes).sort(), ['ApproximateFirstReceiveTimestamp', 'ApproximateReceiveCount', 'SenderId', 'SentTimestamp']);
    t.is(m!.Attributes.ApproximateReceiveCount, '1');
    t.is(m!.MessageAttributes, undefined, 'a wrapped notification carries the attributes in its body, not as SQS attributes');
    // The notification's layout: native AWS, radkawar/stackd testdata/aws/sns/delivery.json (2026-09-14).
    t.regex(m!.Body, /^\{\n {2}"Type" : "Notification",\n {2}"MessageId" : "/);
    const body = JSON.parse(m!.Body) as Record<string, unknown>;
    t.deepEqual(Object.keys(body), ['Type', 'MessageId', 'TopicArn', 'Subject', 'Message', 'Timestamp', 'SignatureVersion', 'Signature', 'SigningCertURL', 'UnsubscribeURL', 'MessageAttributes']);
    t.like(body, {
      Type: 'Notification', MessageId: published, TopicArn: topic, Subject: 'subj', Message: 'hello ✓', SignatureVersion: '1',
      MessageAttributes: { color: { Type: 'String', Value: 'blue' }, n: { Type: 'Number', Value: '42' }, b: { Type: 'Binary', Value: 'QUFFQw==' } },
    });

    t.is(await cli.ok('sqs', 'delete-message', '--queue-url', url, '--receipt-handle', m!.ReceiptHandle), '');
    const waited = Date.now();
    t.is(await cli.ok('sqs', 'receive-message', '--queue-url', url, '--wait-time-seconds', '1'), '', 'an empty long poll prints nothing');
    t.true(Date.now() - waited >= 1000, 'and waited its second');
    const { Attributes: queue } = await cli.json<{ Attributes: Record<string, string> }>('sqs', 'get-queue-attributes', '--queue-url', url, '--attribute-names', 'All');
    t.deepEqual(Object.keys(queue).sort(), [
      'ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesDelayed', 'ApproximateNumberOfMessagesNotVisible', 'CreatedTimestamp', 'DelaySeconds',
      'LastModifiedTimestamp', 'MaximumMessageSize', 'MessageRetentionPeriod', 'QueueArn', 'ReceiveMessageWaitTimeSeconds', 'SqsManagedSseEnabled', 'VisibilityTimeout',
    ]);
    t.like(queue, { QueueArn: queueArn, ApproximateNumberOfMessages: '0', ApproximateNumberOfMessagesNotVisible: '0', VisibilityTimeout: '30' });
  } finally {
    await cli.close();
  }
});

cliTest('aws sqs send-message-batch: a bad entry fails alone, a malformed or repeated Id fails the batch', async (t) => {
  t.timeout(60_000);
  const cli = await cliSession();
  const sqs = sqsClient(cli.endpoint);
  try {
    const { QueueUrl: url } = await sqs.send(new CreateQueueCommand({ QueueName: 'batch-q' }));
    const partial = await cli.json<{ Successful: Array<Record<string, string>>; Failed: unknown[] }>('sqs', 'send-message-batch', '--queue-url', url!,
      '--entries', JSON.stringify([{ Id: 'ok1', MessageBody: 'one' }, { Id: 'late', MessageBody: 'two', DelaySeconds: 1000 }]));
    t.deepEqual(partial.Successful.map(({ Id, MD5OfMessageBody }) => ({ Id, MD5OfMessageBody })), [{ Id: 'ok1', MD5OfMessageBody: 'f97c5d29941bfb1b2fdab0874906ab82' }]);
    t.deepEqual(partial.Failed, [{
      Id: 'late', SenderFault: true, Code: 'InvalidParameterValue', Message: 'Value 1000 for parameter DelaySeconds is invalid. Reason: DelaySeconds must be >= 0 and <= 900.',
    }]);
    const badId = await cli.aws(['sqs', 'send-message-batch', '--queue-url', url!, '--entries', JSON.stringify([{ Id: 'ok1', MessageBody: 'one' }, { Id: 'bad id!', MessageBody: 'two' }])]);
    t.is(badId.code, 255);
    t.is(badId.stderr.trim(), 'An error occurred (AWS.SimpleQueueService.InvalidBatchEntryId) when calling the SendMessageBatch operation: '
      + 'A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at most 80 letters long.');
    const repeated = await cli.aws(['sqs', 'send-message-batch', '--queue-url', url!, '--entries', JSON.stringify([{ Id: 'a', MessageBody: 'one' }, { Id: 'a', MessageBody: 'two' }])]);
    t.is(repeated.code, 255);
    t.is(repeated.stderr.trim(), 'An error occurred (AWS.SimpleQueueService.BatchEntryIdsNotDistinct) when calling the SendMessageBatch operation: Id a repeated.');
  } finally {
    sqs.destroy();
    await cli.close();
  }
});

cliTest('aws sns FIFO topic → FIFO queue, raw: content-based deduplication, explicit ids, MessageGroupId required', async (t) => {
  t.timeout(60_000);
  const cli = await cliSession();
  try {
    const { QueueUrl: url } = await cli.json<{ QueueUrl: string }>('sqs', 'create-queue', '--queue-name', 'orders.fifo', '--attributes', 'FifoQueue=true');
    const { TopicArn: topic } = await cli.json<{ TopicArn: string }>('sns', 'create-topic', '--name', 'orders.fifo', '--attributes', 'FifoTopic=true,ContentBasedDeduplication=true');
    await cli.json('sns', 'subscribe', '--topic-arn', topic, '--protocol', 'sqs', '--notification-endpoint', 'arn:aws:sqs:us-east-1:000000000000:orders.fifo',
      '--attributes', 'RawMessageDelivery=true');
    const publish = (...args: string[]) => cli.json<{ MessageId: string; SequenceNumber: string }>('sns', 'publish', '--topic-arn', topic, ...args);
    const first = await publish('--message', 'm1', '--message-group-id', 'g1', '--message-attributes', '{"k":{"DataType":"String","StringValue":"v"}}');
    t.regex(first.SequenceNumber, /^\d{20}$/);
    // The same body within the deduplication window is the same message: same id, same sequence
    // number (native AWS: radkawar/stackd testdata/aws/sns/fifo.json duplicate-same, 2026-09-22).
    t.deepEqual(await publish('--message', 'm1', '--message-group-id', 'g1'), first);
    const second = await publish('--message', 'm2', '--message-group-id', 'g1', '--message-deduplication-id', 'd2');
    t.true(BigInt(second.SequenceNumber) > BigInt(first.SequenceNumber));
    const noGroup = await cli.aws(['sns', 'publish', '--topic-arn', topic, '--message', 'm3']);
    t.is(noGroup.code, 255);
    // fifo.json missing-group.
    t.is(noGroup.stderr.trim(), 'An error occurred (InvalidParameter) when calling the Publish operation: Invalid parameter: The MessageGroupId parameter is required for FIFO topics');

    const got = await cli.json<Received>('sqs', 'receive-message', '--queue-url', url, '--attribute-names', 'All', '--message-attribute-names', 'All',
      '--max-number-of-messages', '10', '--wait-time-seconds', '5');
    t.deepEqual(got.Messages!.map((m) => m.Body), ['m1', 'm2']);
    const [one, two] = got.Messages!;
    t.like(one!.Attributes, { MessageGroupId: 'g1', ApproximateReceiveCount: '1' });
    t.like(two!.Attributes, { MessageGroupId: 'g1', MessageDeduplicationId: 'd2' });
    t.deepEqual(one!.MessageAttributes, { k: { StringValue: 'v', DataType: 'String' } }, 'raw delivery carries the attributes as SQS attributes');
    t.is(two!.MessageAttributes, undefined);
  } finally {
    await cli.close();
  }
});
