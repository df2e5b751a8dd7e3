/**
 * A replay from a FIFO topic's archive cut short by kill -9 resumes when the server starts, with
 * no SNS request after the restart (SNS's background-work marker and its `p/<subscription>`
 * progress key), and every archived message reaches the queue, marked "Replayed"; the replay ends
 * Completed. Replay semantics: native AWS, radkawar/stackd testdata/aws/sns/archive_replay.json
 * (2026-09-22); durability: docs/sns.md, Message archiving and replay.
 */
import test from 'ava';
import {
  CreateTopicCommand, GetSubscriptionAttributesCommand, GetTopicAttributesCommand, PublishBatchCommand, SNSClient, SetSubscriptionAttributesCommand,
  SetTopicAttributesCommand, SubscribeCommand,
} from '@aws-sdk/client-sns';
import { CreateQueueCommand, DeleteMessageBatchCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { CREDENTIALS, startChild, tempDir } from '../helpers/server.js';

const MESSAGES = 1000;

test('a replay cut short by kill -9 resumes at start and delivers every archived message', async (t) => {
  t.timeout(180_000);
  const tmp = await tempDir();
  const args = ['--port', '0', '--data-dir', tmp.dir, '--log-level', 'error'];
  let server = await startChild(args);
  const config = (endpoint: string) => ({ endpoint, region: 'us-east-1', credentials: CREDENTIALS });
  try {
    let sns = new SNSClient(config(server.endpoint));
    let sqs = new SQSClient(config(server.endpoint));
    const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: 'replayed.fifo', Attributes: { FifoTopic: 'true', ContentBasedDeduplication: 'true' } }));
    await sns.send(new SetTopicAttributesCommand({ TopicArn, AttributeName: 'ArchivePolicy', AttributeValue: '{"MessageRetentionPeriod":1}' }));
    const began = (await sns.send(new GetTopicAttributesCommand({ TopicArn }))).Attributes!.BeginningArchiveTime!;
    for (let i = 0; i < MESSAGES; i += 10) {
      await sns.send(new PublishBatchCommand({
        TopicArn, PublishBatchRequestEntries: Array.from({ length: 10 }, (_, j) => ({ Id: `e${j}`, Message: `m${i + j}`, MessageGroupId: `g${j}` })),
      }));
    }
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'replay-target' }));
    const { SubscriptionArn } = await sns.send(new SubscribeCommand({ TopicArn, Protocol: 'sqs', Endpoint: 'arn:aws:sqs:us-east-1:000000000000:replay-target', ReturnSubscriptionArn: true }));
    await sns.send(new SetSubscriptionAttributesCommand({
      SubscriptionArn, AttributeName: 'ReplayPolicy', AttributeValue: JSON.stringify({ PointType: 'Timestamp', StartingPoint: began }),
    }));
    sns.destroy();
    sqs.destroy();
    await server.kill9();

    server = await startChild(args);
    sqs = new SQSClient(config(server.endpoint));
    // SQS requests only until every message is in: SNS resumed the replay at start.
    const seen = new Set<string>();
    const deadline = Date.now() + 90_000;
    while (seen.size < MESSAGES && Date.now() < deadline) {
      const r = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }));
      for (const m of r.Messages ?? []) {
        const body = JSON.parse(m.Body!) as { Message: string; Replayed?: string };
        t.is(body.Replayed, 'true');
        seen.add(body.Message);
      }
      if ((r.Messages ?? []).length > 0) {
        await sqs.send(new DeleteMessageBatchCommand({ QueueUrl, Entries: r.Messages!.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle! })) }));
      }
    }
    t.is(seen.size, MESSAGES, 'every archived message was replayed');
    sns = new SNSClient(config(server.endpoint));
    t.is((await sns.send(new GetSubscriptionAttributesCommand({ SubscriptionArn }))).Attributes!.ReplayStatus, 'Completed');
    sns.destroy();
    sqs.destroy();
  } finally {
    await server.stop();
    await tmp.remove();
  }
});
