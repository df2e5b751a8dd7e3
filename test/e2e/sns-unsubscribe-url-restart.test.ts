/**
 * An SNS fan-out's SQS copies keep only the end of their UnsubscribeURL, the rest being stored
 * once with the envelope's head (services/sns/delivery/unsubscribe-parts.ts). After kill -9 and a
 * restart every copy reads back byte for byte as it was read before, with the same MD5OfBody,
 * its own subscription's exact UnsubscribeURL, and a signature that verifies.
 */
import test from 'ava';
import { createHash } from 'node:crypto';
import { CreateQueueCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { CreateTopicCommand, PublishCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { CREDENTIALS, startChild, tempDir } from '../helpers/server.js';
import { notificationVerifies } from '../helpers/sns-signature.js';

const QUEUES = ['u-1', 'u-2', 'u-3'];

test('kill -9 and a restart: every SNS copy reads back byte for byte, with its own UnsubscribeURL and MD5', async (t) => {
  t.timeout(60_000);
  const tmp = await tempDir();
  const args = ['--port', '0', '--data-dir', tmp.dir, '--log-level', 'error'];
  let server = await startChild(args);
  try {
    const first = server.endpoint;
    let sqs = new SQSClient({ endpoint: first, region: 'us-east-1', credentials: CREDENTIALS, maxAttempts: 1 });
    const sns = new SNSClient({ endpoint: first, region: 'us-east-1', credentials: CREDENTIALS, maxAttempts: 1 });
    const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: 'unsub' }));
    const subscriptions: string[] = [];
    for (const name of QUEUES) {
      await sqs.send(new CreateQueueCommand({ QueueName: name }));
      subscriptions.push((await sns.send(new SubscribeCommand({ TopicArn, Protocol: 'sqs', Endpoint: `arn:aws:sqs:us-east-1:000000000000:${name}` }))).SubscriptionArn!);
    }
    await sns.send(new PublishCommand({ TopicArn, Message: 'read before "the kill"' }));
    const before = new Map<string, { body: string; md5: string }>();
    for (const name of QUEUES) {
      const [m] = (await sqs.send(new ReceiveMessageCommand({ QueueUrl: `${first}/000000000000/${name}`, VisibilityTimeout: 0 }))).Messages!;
      before.set(name, { body: m!.Body!, md5: m!.MD5OfBody! });
    }
    await sns.send(new PublishCommand({ TopicArn, Message: 'first read after the restart' }));
    sns.destroy();
    sqs.destroy();
    await server.kill9();

    server = await startChild(args);
    sqs = new SQSClient({ endpoint: server.endpoint, region: 'us-east-1', credentials: CREDENTIALS, maxAttempts: 1 });
    for (const [i, name] of QUEUES.entries()) {
      const got = (await sqs.send(new ReceiveMessageCommand({ QueueUrl: `${server.endpoint}/000000000000/${name}`, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }))).Messages ?? [];
      t.is(got.length, 2, name);
      for (const m of got) {
        const doc = JSON.parse(m.Body!) as Record<string, string>;
        if (doc.Message === 'read before "the kill"') t.deepEqual({ body: m.Body!, md5: m.MD5OfBody! }, before.get(name), `${name}: as read before the kill`);
        t.is(m.MD5OfBody, createHash('md5').update(m.Body!).digest('hex'));
        // The host the publish came to, as stored.
        t.is(doc.UnsubscribeURL, `${first}/?Action=Unsubscribe&SubscriptionArn=${subscriptions[i]!}`); // unescaped, as AWS writes it (radkawar/stackd sns/fifo.json)
        t.true(await notificationVerifies(doc, server.endpoint), `${name}: the signature verifies`);
      }
    }
    sqs.destroy();
  } finally {
    await server.stop().catch(() => undefined);
    await tmp.remove();
  }
});
