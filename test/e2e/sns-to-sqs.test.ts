/**
 * SNS → SQS end to end through the real clients: enveloped and raw delivery received with
 * @aws-sdk/client-sqs, a filter policy, a FIFO topic into a FIFO queue (group and order kept,
 * duplicates dropped), and a queue in another account addressed by ARN.
 */
import test from 'ava';
import { CreateTopicCommand, PublishBatchCommand, PublishCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { CreateQueueCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { CREDENTIALS, startBoltstack } from '../helpers/server.js';
import { notificationVerifies } from '../helpers/sns-signature.js';

async function receiveAll(sqs: SQSClient, QueueUrl: string, count: number): Promise<{ Body?: string; MessageAttributes?: Record<string, { StringValue?: string; DataType?: string }> }[]> {
  const out: { Body?: string }[] = [];
  for (let i = 0; i < 20 && out.length < count; i++) {
    const r = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1, MessageAttributeNames: ['All'] }));
    out.push(...(r.Messages ?? []));
  }
  return out;
}

test('enveloped and raw delivery, a filter policy, FIFO order and dedup, another account by ARN', async (t) => {
  t.timeout(60_000);
  const server = await startBoltstack();
  const config = { endpoint: server.endpoint, region: 'us-east-1', credentials: CREDENTIALS };
  const sns = new SNSClient(config);
  const sqs = new SQSClient(config);
  const theirs = new SQSClient({ ...config, credentials: { accessKeyId: '111122223333', secretAccessKey: 'x' } });
  try {
    const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: 'e2e' }));
    const queue = async (client: SQSClient, name: string, account = '000000000000', attributes?: Record<string, string>) => {
      const { QueueUrl } = await client.send(new CreateQueueCommand({ QueueName: name, ...(attributes ? { Attributes: attributes } : {}) }));
      return { url: QueueUrl!, arn: `arn:aws:sqs:us-east-1:${account}:${name}` };
    };
    const env = await queue(sqs, 'env');
    const raw = await queue(sqs, 'raw');
    const red = await queue(sqs, 'red');
    await sns.send(new SubscribeCommand({ TopicArn, Protocol: 'sqs', Endpoint: env.arn }));
    await sns.send(new SubscribeCommand({ TopicArn, Protocol: 'sqs', Endpoint: raw.arn, Attributes: { RawMessageDelivery: 'true' } }));
    await sns.send(new SubscribeCommand({ TopicArn, Protocol: 'sqs', Endpoint: red.arn, Attributes: { FilterPolicy: '{"color":["red"]}' } }));
    const { MessageId } = await sns.send(new PublishCommand({ TopicArn, Message: 'blue one', MessageAttributes: { color: { DataType: 'String', StringValue: 'blue' } } }));
    await sns.send(new PublishCommand({ TopicArn, Message: 'red one', MessageAttributes: { color: { DataType: 'String', StringValue: 'red' } } }));

    const enveloped = await receiveAll(sqs, env.url, 2);
    const first = JSON.parse(enveloped.find((m) => m.Body!.includes('blue one'))!.Body!) as Record<string, unknown>;
    t.like(first, { Type: 'Notification', MessageId, TopicArn, Message: 'blue one', SignatureVersion: '1' });
    t.deepEqual(first.MessageAttributes, { color: { Type: 'String', Value: 'blue' } });
    const rawMessages = await receiveAll(sqs, raw.url, 2);
    t.deepEqual(rawMessages.map((m) => m.Body).sort(), ['blue one', 'red one']);
    t.is(rawMessages[0]!.MessageAttributes!.color!.DataType, 'String', 'raw delivery carries the attributes');
    const filtered = await receiveAll(sqs, red.url, 1);
    t.deepEqual(filtered.map((m) => (JSON.parse(m.Body!) as { Message: string }).Message), ['red one']);
    // 'blue one' went to one queue enveloped (signed at publish); 'red one' to two (signed when
    // first read, services/sns/delivery/deferred-signatures.ts): both copies carry the same
    // signature, and every envelope verifies.
    t.true(await notificationVerifies(first, server.endpoint), 'the envelope signed at publish verifies');
    const redCopies = [enveloped.find((m) => m.Body!.includes('red one'))!, filtered[0]!].map((m) => JSON.parse(m.Body!) as Record<string, unknown>);
    t.is(redCopies[0]!.Signature, redCopies[1]!.Signature);
    for (const copy of redCopies) t.true(await notificationVerifies(copy, server.endpoint), 'an envelope signed when read verifies');

    // FIFO topic → FIFO queue: order within the group, a duplicate dropped.
    const { TopicArn: fifoTopic } = await sns.send(new CreateTopicCommand({ Name: 'e2e.fifo', Attributes: { FifoTopic: 'true', ContentBasedDeduplication: 'true' } }));
    const fifo = await queue(sqs, 'e2e.fifo', '000000000000', { FifoQueue: 'true' });
    await sns.send(new SubscribeCommand({ TopicArn: fifoTopic, Protocol: 'sqs', Endpoint: fifo.arn, Attributes: { RawMessageDelivery: 'true' } }));
    await sns.send(new PublishBatchCommand({ TopicArn: fifoTopic, PublishBatchRequestEntries: ['1', '2', '3', '2'].map((m, i) => ({ Id: `e${i}`, Message: m, MessageGroupId: 'g' })) }));
    t.deepEqual((await receiveAll(sqs, fifo.url, 3)).map((m) => m.Body), ['1', '2', '3']);

    // A queue of another account: confirmed once its owner confirms the SubscriptionConfirmation.
    const other = await queue(theirs, 'theirs', '111122223333');
    await sns.send(new SubscribeCommand({ TopicArn, Protocol: 'sqs', Endpoint: other.arn }));
    const [confirmation] = await receiveAll(theirs, other.url, 1);
    const doc = JSON.parse(confirmation!.Body!) as { Type: string; SubscribeURL: string };
    t.is(doc.Type, 'SubscriptionConfirmation');
    t.is((await fetch(doc.SubscribeURL)).status, 200);
    await sns.send(new PublishCommand({ TopicArn, Message: 'cross-account' }));
    const [delivered] = await receiveAll(theirs, other.url, 1);
    t.is((JSON.parse(delivered!.Body!) as { Message: string }).Message, 'cross-account');
  } finally {
    sns.destroy(); sqs.destroy(); theirs.destroy();
    await server.stop();
  }
});
