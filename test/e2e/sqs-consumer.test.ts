/**
 * sqs-consumer, a widely used consumer library, against boltstack with default settings: it
 * long-polls, hands each message to the handler and deletes it (DeleteMessageBatch), and a failed
 * handler's message comes back after its visibility timeout.
 */
import test from 'ava';
import { Consumer } from 'sqs-consumer';
import { CreateQueueCommand, GetQueueAttributesCommand, SendMessageBatchCommand, type Message } from '@aws-sdk/client-sqs';
import { startBoltstack } from '../helpers/server.js';
import { sqsClient, uniqueQueue } from '../helpers/sqs.js';

test('sqs-consumer receives, handles and deletes every message; a failed one is retried', async (t) => {
  const server = await startBoltstack();
  const sqs = sqsClient(server.endpoint);
  try {
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: uniqueQueue('consumer'), Attributes: { VisibilityTimeout: '1' } }));
    const bodies = Array.from({ length: 25 }, (_, i) => `job-${i}`);
    for (let i = 0; i < bodies.length; i += 10) {
      await sqs.send(new SendMessageBatchCommand({ QueueUrl, Entries: bodies.slice(i, i + 10).map((b, j) => ({ Id: `e${j}`, MessageBody: b })) }));
    }
    const handled: string[] = [];
    let failedOnce = false;
    const done = new Promise<void>((resolve, reject) => {
      const consumer = Consumer.create({
        queueUrl: QueueUrl!, sqs, batchSize: 10, waitTimeSeconds: 1,
        handleMessage: async (m: Message) => {
          if (m.Body === 'job-7' && !failedOnce) { failedOnce = true; throw new Error('first attempt fails'); }
          handled.push(m.Body!);
          if (handled.length === bodies.length) { consumer.stop(); resolve(); }
          return m;
        },
      });
      consumer.on('error', (err) => reject(err));
      consumer.start();
      setTimeout(() => { consumer.stop(); reject(new Error(`only ${handled.length} handled`)); }, 20_000).unref();
    });
    await done;
    t.deepEqual([...handled].sort(), [...bodies].sort());
    t.true(failedOnce);
    // Deleted by the library: nothing left, nothing in flight once the deletes land.
    await new Promise((r) => setTimeout(r, 300));
    const attrs = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] }))).Attributes!;
    t.is(attrs.ApproximateNumberOfMessages, '0');
    t.is(attrs.ApproximateNumberOfMessagesNotVisible, '0');
  } finally {
    sqs.destroy();
    await server.stop();
  }
});
