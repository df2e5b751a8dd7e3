/**
 * What an HTTP/S endpoint's answer does to a notification, against a raw capture of native AWS
 * (us-east-1, 2026-09-22): radkawar/stackd testdata/aws/sns/external_feedback.json; each row cites
 * the labels of its `observations` entries. There, https subscriptions with a RedrivePolicy to one
 * queue pointed at a function answering each path's status; SNS's delivery-status log named the
 * 400 and the 302 answers "status":"SUCCESS" (each POSTed once, the 302 not followed), the 503 and
 * 429 ones "FAILURE" and retried, and the dead-letter queue then held the 503 subscription's
 * envelope (receive-actual-dlq-0), later the 429 one's (the capture's second `dlq` read), and no
 * other HTTP one. The delivery-status logs themselves (CloudWatch Logs), the
 * Firehose subscription and the IAM roles are not reproduced. Official SDK v3 clients against the
 * real server; every subscription here retries at most once, 1 s later, so the test is quick (the
 * capture's used SNS's default, 3 retries 20 s apart).
 */
import test from 'ava';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CreateTopicCommand, ListSubscriptionsByTopicCommand, PublishCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { CreateQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { startBoltstack } from '../../helpers/server.js';
import { snsClient } from '../../helpers/sns.js';
import { sqsClient, uniqueQueue } from '../../helpers/sqs.js';
import type { Boltstack } from '../../../src/index.js';

const FEEDBACK = 'radkawar/stackd testdata/aws/sns/external_feedback.json';

let server: Boltstack;
let sns: SNSClient;
let sqs: SQSClient;
test.before(async () => {
  server = await startBoltstack();
  sns = snsClient(server.endpoint);
  sqs = sqsClient(server.endpoint);
});
test.after.always(async () => { sns?.destroy(); sqs?.destroy(); await server?.stop(); });

/** Polls `probe` every 50 ms until it gives a value; fails after 20 s. */
async function eventually<T>(probe: () => Promise<T | undefined>): Promise<T> {
  for (const end = Date.now() + 20_000; Date.now() < end; await new Promise((resolve) => setTimeout(resolve, 50))) {
    const value = await probe();
    if (value !== undefined) return value;
  }
  throw new Error('timed out waiting');
}

/** The capture's function: confirms every subscription, answers a notification with its path's status (302 pointing at /200). */
async function statusEndpoint(): Promise<{ base: string; notifications: Map<string, string[]>; close(): Promise<void> }> {
  const notifications = new Map<string, string[]>();
  const srv = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => { body += d.toString(); });
    req.on('end', () => {
      const path = (req.url ?? '/').slice(1);
      if (req.headers['x-amz-sns-message-type'] === 'SubscriptionConfirmation') {
        void fetch((JSON.parse(body) as { SubscribeURL: string }).SubscribeURL);
        res.statusCode = 200;
      } else {
        notifications.set(path, [...(notifications.get(path) ?? []), body]);
        res.statusCode = Number(path);
        if (res.statusCode === 302) res.setHeader('Location', '/200');
      }
      res.end(`observed status ${res.statusCode}`);
    });
  });
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${(srv.address() as AddressInfo).port}`, notifications, close: () => new Promise((resolve) => srv.close(() => resolve())) };
}

test(`an endpoint's 400 or 302 is its last word: posted once, not retried, not dead-lettered; a 503 or a 429, retried out, sends the subscription's envelope to its dead-letter queue [${FEEDBACK} subscribe-http-200, subscribe-http-400, subscribe-http-302, subscribe-http-429, subscribe-http-503, publish-http-statuses, read-feedback-*-http, read-feedback-*-http/Failure, receive-actual-dlq-0, deliveries dlq (2026-09-22)]`, async (t) => {
  t.timeout(60_000);
  const endpoint = await statusEndpoint();
  try {
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: uniqueQueue('extfb-dlq') }));
    const dlq = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }))).Attributes!.QueueArn!;
    const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: uniqueQueue('extfb-http') }));
    const paths = ['200', '400', '302', '429', '503'];
    for (const path of paths) {
      await sns.send(new SubscribeCommand({ TopicArn, Protocol: 'http', Endpoint: `${endpoint.base}/${path}`, Attributes: {
        RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq }),
        DeliveryPolicy: JSON.stringify({ healthyRetryPolicy: { numRetries: 1, minDelayTarget: 1, maxDelayTarget: 1 } }),
      } }));
    }
    const confirmed = await eventually(async () => {
      const subs = (await sns.send(new ListSubscriptionsByTopicCommand({ TopicArn }))).Subscriptions ?? [];
      return subs.every((s) => s.SubscriptionArn!.startsWith('arn:')) && subs.length === paths.length ? subs : undefined;
    });
    const { MessageId } = await sns.send(new PublishCommand({ TopicArn, Message: 'external-feedback-http' }));

    // The 429 and the 503 are tried twice, then dead-lettered; by then every other answer was long in.
    const deadLettered: Record<string, string>[] = [];
    await eventually(async () => {
      const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }));
      deadLettered.push(...Messages.map((m) => JSON.parse(m.Body!) as Record<string, string>));
      return deadLettered.length >= 2 ? true : undefined;
    });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const late = (await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }))).Messages ?? [];
    deadLettered.push(...late.map((m) => JSON.parse(m.Body!) as Record<string, string>));
    const pathOf = new Map(confirmed.map((s) => [s.SubscriptionArn!, s.Endpoint!.slice(endpoint.base.length + 1)]));
    t.deepEqual(deadLettered.map((e) => [e.Type, e.MessageId, e.Message, pathOf.get(e.UnsubscribeURL!.split('SubscriptionArn=')[1]!)]).sort((a, b) => String(a[3]).localeCompare(String(b[3]))),
      [['Notification', MessageId, 'external-feedback-http', '429'], ['Notification', MessageId, 'external-feedback-http', '503']],
      'only the 429 and 503 subscriptions dead-letter, each its own envelope');
    t.deepEqual(Object.keys(deadLettered[0]!), ['Type', 'MessageId', 'TopicArn', 'Message', 'Timestamp', 'SignatureVersion', 'Signature', 'SigningCertURL', 'UnsubscribeURL']);
    t.deepEqual(Object.fromEntries(paths.map((p) => [p, endpoint.notifications.get(p)?.length])), { 200: 1, 400: 1, 302: 1, 429: 2, 503: 2 },
      'each posted once (the 302 not followed to /200), the 429 and 503 retried once');
  } finally {
    await endpoint.close();
  }
});
