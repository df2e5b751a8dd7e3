/**
 * A message SNS delivered to a queue carries SNS's delivery role session as its SenderId, as
 * native AWS showed it (radkawar/stackd testdata/aws/sns/delivery.json, us-east-1, 2026-09-14:
 * "SenderId": "AROA3TYMO3BGGTBI3MZUH:AWS-CLOUDCAST", enveloped and after a redrive to a DLQ).
 */
import test from 'ava';
import { CreateTopicCommand, PublishCommand, SubscribeCommand } from '@aws-sdk/client-sns';
import { CreateQueueCommand, ReceiveMessageCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { startBoltstack } from '../../helpers/server.js';
import { snsClient } from '../../helpers/sns.js';
import { sqsClient, uniqueQueue } from '../../helpers/sqs.js';

test('SenderId of an SNS delivery is SNS\'s role session; of a SendMessage, the caller', async (t) => {
  const server = await startBoltstack();
  try {
    const sns = snsClient(server.endpoint);
    const sqs = sqsClient(server.endpoint);
    const name = uniqueQueue('sender');
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: name }));
    const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: `${name}-topic` }));
    await sns.send(new SubscribeCommand({ TopicArn, Protocol: 'sqs', Endpoint: `arn:aws:sqs:us-east-1:000000000000:${name}` }));
    await sns.send(new PublishCommand({ TopicArn, Message: 'from sns' }));
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'direct' }));
    const got = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, MessageSystemAttributeNames: ['SenderId'] }));
    const byBody = Object.fromEntries((got.Messages ?? []).map((m) => [m.Body!.includes('from sns') ? 'sns' : 'direct', m.Attributes!.SenderId]));
    t.is(byBody.sns, 'AROA3TYMO3BGGTBI3MZUH:AWS-CLOUDCAST');
    t.not(byBody.direct, byBody.sns);
    t.truthy(byBody.direct);
  } finally {
    await server.stop();
  }
});
