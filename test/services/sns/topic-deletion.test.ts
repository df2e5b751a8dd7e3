/**
 * What is left of a topic's subscriptions after DeleteTopic, against the raw capture of native AWS
 * in radkawar/stackd testdata/aws/sns/deletion.json (us-east-1, 2026-09-14; labels cited per
 * assertion), and that nothing is ever delivered to them afterwards — not even a notification the
 * HTTP outbox was waiting to retry. AWS keeps a deleted topic's subscription readable for a while
 * (GetSubscriptionAttributes answered Success 2 to 70 s after DeleteTopic, with no bound
 * observed) and, once the topic was made again under the same name, even delivered through it;
 * boltstack answers the settled state the API reference documents ("Deletes a topic and all its
 * subscriptions") and never delivers through such a subscription (docs/sns.md, "Deleting a
 * topic"). Official SDK v3 clients against the real server.
 */
import test from 'ava';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  CreateTopicCommand, DeleteTopicCommand, GetSubscriptionAttributesCommand, GetTopicAttributesCommand, ListSubscriptionsByTopicCommand,
  PublishCommand, SetSubscriptionAttributesCommand, SNSClient, SubscribeCommand, UnsubscribeCommand,
} from '@aws-sdk/client-sns';
import { CreateQueueCommand, DeleteMessageCommand, ReceiveMessageCommand, SQSClient, type Message } from '@aws-sdk/client-sqs';
import { startBoltstack } from '../../helpers/server.js';
import { snsClient } from '../../helpers/sns.js';
import { sqsClient, uniqueQueue } from '../../helpers/sqs.js';
import { until } from '../../helpers/until.js';
import type { Boltstack } from '../../../src/index.js';

const CAPTURE = 'radkawar/stackd testdata/aws/sns/deletion.json';

let server: Boltstack;
let sns: SNSClient;
let sqs: SQSClient;
test.before(async () => {
  server = await startBoltstack();
  sns = snsClient(server.endpoint);
  sqs = sqsClient(server.endpoint);
});
test.after.always(async () => { sns?.destroy(); sqs?.destroy(); await server?.stop(); });

interface SdkError { name: string; message: string; $metadata: { httpStatusCode?: number } }

async function refusal(call: Promise<unknown>): Promise<{ name: string; message: string; status: number | undefined }> {
  try {
    await call;
  } catch (err) {
    const e = err as SdkError;
    return { name: e.name, message: e.message, status: e.$metadata.httpStatusCode };
  }
  throw new Error('expected a refusal');
}

/** Every message in the queue within a short wait, each deleted once read. */
async function receiveAll(url: string): Promise<Message[]> {
  const out: Message[] = [];
  for (;;) {
    const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }));
    if (Messages === undefined || Messages.length === 0) return out;
    out.push(...Messages);
    for (const m of Messages) await sqs.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: m.ReceiptHandle! }));
  }
}
const unsubscribeArnOf = (m: Message): string => new URL((JSON.parse(m.Body!) as { UnsubscribeURL: string }).UnsubscribeURL).searchParams.get('SubscriptionArn')!;

test(`after DeleteTopic: the topic is NotFound, its subscription is gone and Unsubscribe of it succeeds; made again under its name, the topic is empty and only a new subscription is delivered to [${CAPTURE}]`, async (t) => {
  t.timeout(60_000);
  const name = uniqueQueue('deletion');
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: name }));
  const Endpoint = `arn:aws:sqs:us-east-1:000000000000:${name}`;
  const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: name }));
  const old = (await sns.send(new SubscribeCommand({ TopicArn, Protocol: 'sqs', Endpoint, ReturnSubscriptionArn: true }))).SubscriptionArn!;
  await sns.send(new DeleteTopicCommand({ TopicArn }));

  // deleted-topic-attributes-at-0..30, deleted-topic-members-at-0..30.
  const topicGone = { name: 'NotFoundException', message: 'Topic does not exist', status: 404 };
  t.deepEqual(await refusal(sns.send(new GetTopicAttributesCommand({ TopicArn }))), topicGone);
  t.deepEqual(await refusal(sns.send(new ListSubscriptionsByTopicCommand({ TopicArn }))), topicGone);
  // retained-subscription-at-0..30 answered Success on AWS (eventual consistency, no bound
  // observed); boltstack answers the settled state, as old-after-explicit-unsubscribe words it.
  const subscriptionGone = { name: 'NotFoundException', message: 'Subscription does not exist', status: 404 };
  t.deepEqual(await refusal(sns.send(new GetSubscriptionAttributesCommand({ SubscriptionArn: old }))), subscriptionGone);
  t.deepEqual(await refusal(sns.send(new SetSubscriptionAttributesCommand({ SubscriptionArn: old, AttributeName: 'RawMessageDelivery', AttributeValue: 'true' }))), subscriptionGone);
  // delete-topic-repeat-absent.
  await sns.send(new DeleteTopicCommand({ TopicArn }));

  // topic-recreate-same-name, recreated-topic-attributes-before-subscribe, recreated-topic-members-before-subscribe.
  t.is((await sns.send(new CreateTopicCommand({ Name: name }))).TopicArn, TopicArn);
  t.like((await sns.send(new GetTopicAttributesCommand({ TopicArn }))).Attributes, { SubscriptionsConfirmed: '0', SubscriptionsPending: '0', SubscriptionsDeleted: '0' });
  const empty = await sns.send(new ListSubscriptionsByTopicCommand({ TopicArn }));
  t.deepEqual(empty.Subscriptions, []);
  t.is(empty.NextToken, undefined);
  // publish-recreated-before-resubscribe: AWS delivered it through the old subscription
  // (recreated-before-resubscribe-receive-0); boltstack never delivers to a deleted topic's subscription.
  await sns.send(new PublishCommand({ TopicArn, Message: 'before resubscribe' }));
  t.deepEqual(await receiveAll(QueueUrl!), []);

  // subscribe-recreated-same-endpoint, recreated-topic-members-after-subscribe: a new ARN, the only one listed.
  const current = (await sns.send(new SubscribeCommand({ TopicArn, Protocol: 'sqs', Endpoint, ReturnSubscriptionArn: true }))).SubscriptionArn!;
  t.not(current, old);
  t.deepEqual((await sns.send(new ListSubscriptionsByTopicCommand({ TopicArn }))).Subscriptions!.map((s) => s.SubscriptionArn), [current]);
  // publish-recreated-after-resubscribe: AWS delivered twice, through the new ARN and the old one; boltstack once.
  await sns.send(new PublishCommand({ TopicArn, Message: 'after resubscribe' }));
  t.deepEqual((await receiveAll(QueueUrl!)).map(unsubscribeArnOf), [current]);

  // unsubscribe-retained-old, current-members-after-old-unsubscribe, current-after-old-unsubscribe.
  await sns.send(new UnsubscribeCommand({ SubscriptionArn: old }));
  t.deepEqual((await sns.send(new ListSubscriptionsByTopicCommand({ TopicArn }))).Subscriptions!.map((s) => s.SubscriptionArn), [current]);
  t.is((await sns.send(new GetSubscriptionAttributesCommand({ SubscriptionArn: current }))).Attributes!.TopicArn, TopicArn!);
  // unsubscribe-current, current-after-explicit-unsubscribe, recreated-topic-members-after-current-unsubscribe, unsubscribe-current-repeat.
  await sns.send(new UnsubscribeCommand({ SubscriptionArn: current }));
  t.deepEqual(await refusal(sns.send(new GetSubscriptionAttributesCommand({ SubscriptionArn: current }))), subscriptionGone);
  t.deepEqual((await sns.send(new ListSubscriptionsByTopicCommand({ TopicArn }))).Subscriptions, []);
  await sns.send(new UnsubscribeCommand({ SubscriptionArn: current }));
});

/** An HTTP endpoint that fails the first notification it gets (500) and takes everything else. */
async function failingOnce(): Promise<{ url: string; notifications: string[]; close(): Promise<void> }> {
  const notifications: string[] = [];
  const srv = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => { body += d.toString(); });
    req.on('end', () => {
      const type = req.headers['x-amz-sns-message-type'];
      if (type === 'SubscriptionConfirmation') void fetch((JSON.parse(body) as { SubscribeURL: string }).SubscribeURL);
      if (type === 'Notification') notifications.push(body);
      res.statusCode = type === 'Notification' && notifications.length === 1 ? 500 : 200;
      res.end();
    });
  });
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(srv.address() as AddressInfo).port}/hook`, notifications, close: () => new Promise((resolve) => srv.close(() => resolve())) };
}

/** A confirmed http subscription retried once, 2 s after a failure. */
async function httpSubscription(url: string): Promise<{ TopicArn: string; SubscriptionArn: string }> {
  const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: uniqueQueue('retry') }));
  await sns.send(new SubscribeCommand({ TopicArn, Protocol: 'http', Endpoint: url }));
  const confirmed = await waitConfirmed(TopicArn!);
  await sns.send(new SetSubscriptionAttributesCommand({
    SubscriptionArn: confirmed, AttributeName: 'DeliveryPolicy',
    AttributeValue: JSON.stringify({ healthyRetryPolicy: { numRetries: 1, minDelayTarget: 2, maxDelayTarget: 2 } }),
  }));
  return { TopicArn: TopicArn!, SubscriptionArn: confirmed };
}

async function waitConfirmed(TopicArn: string): Promise<string> {
  for (let i = 0; i < 200; i++) {
    const [sub] = (await sns.send(new ListSubscriptionsByTopicCommand({ TopicArn }))).Subscriptions ?? [];
    if (sub?.SubscriptionArn?.startsWith('arn:') === true) return sub.SubscriptionArn;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the subscription was not confirmed');
}

test('a notification waiting to be retried is dropped when its topic is deleted or its subscription removed: nothing reaches them afterwards, while a live subscription gets its retry', async (t) => {
  t.timeout(60_000);
  const [deleted, unsubscribed, live] = await Promise.all([failingOnce(), failingOnce(), failingOnce()]);
  try {
    const toDelete = await httpSubscription(deleted.url);
    const toUnsubscribe = await httpSubscription(unsubscribed.url);
    const control = await httpSubscription(live.url);
    for (const { TopicArn } of [toDelete, toUnsubscribe, control]) await sns.send(new PublishCommand({ TopicArn, Message: 'once' }));
    // Each first try failed; each retry is due 2 s later.
    await until(() => (deleted.notifications.length && unsubscribed.notifications.length && live.notifications.length) || undefined);
    await sns.send(new DeleteTopicCommand({ TopicArn: toDelete.TopicArn }));
    await sns.send(new UnsubscribeCommand({ SubscriptionArn: toUnsubscribe.SubscriptionArn }));
    // The control's retry arrives, so the others' were due too; a moment more for any straggler.
    await until(() => live.notifications[1]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    t.is(live.notifications.length, 2);
    t.is(deleted.notifications.length, 1, 'nothing after DeleteTopic');
    t.is(unsubscribed.notifications.length, 1, 'nothing after Unsubscribe');
  } finally {
    await Promise.all([deleted.close(), unsubscribed.close(), live.close()]);
  }
});
