/**
 * A long poll outlasts the front ends' stall timeout: both close a socket on which nothing moved
 * for about 10 s while a request is read or an answer written (uWS's idle timeout; node:http's
 * STALL_TIMEOUT_MS, node-http-adapter.ts), but never while the answer is still being made. An SQS
 * ReceiveMessage waits up to 20 s (WaitTimeSeconds, API_ReceiveMessage.html), so a 13 s wait must
 * end with an answer: a message sent after 11 s, on a connection that was silent until then.
 */
import test from 'ava';
import { CreateQueueCommand, ReceiveMessageCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { startBoltstack } from '../helpers/server.js';
import { sqsClient, uniqueQueue } from '../helpers/sqs.js';

test('a ReceiveMessage waiting 13 s gets the message sent after 11 s on a silent connection', async (t) => {
  const server = await startBoltstack();
  t.teardown(() => server.stop());
  const sqs = sqsClient(server.endpoint);
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: uniqueQueue('stall') }));
  // One attempt: the SDK's retry of a closed connection would hide the close (a second poll gets the message).
  const once = new SQSClient({ endpoint: server.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 });
  const receiving = once.send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 13 }));
  await new Promise((resolve) => setTimeout(resolve, 11_000));
  await sqsClient(server.endpoint).send(new SendMessageCommand({ QueueUrl, MessageBody: 'late' }));
  const received = await receiving;
  t.is(received.Messages?.[0]?.Body, 'late');
});
