/**
 * Stale handles and races across a topic's deletion and re-creation (hostile input,
 * twenty-second pass; read-only probing: this file changes no SNS code). A pending
 * subscription's confirmation token and its ARN after DeleteTopic + CreateTopic of the same name;
 * Publish and PublishBatch racing DeleteTopic. SDK v3 clients against the real server. Every row
 * passed as first run: no defect found here.
 *
 * What is already pinned elsewhere is not repeated: a confirmed subscription after DeleteTopic
 * and the re-made topic (topic-deletion.test.ts, radkawar/stackd testdata/aws/sns/deletion.json),
 * the UnsubscribeConfirmation token of a deactivated subscription after DeleteTopic
 * (aws-captures-stackd-confirmation-scope.test.ts, confirmation_lifetime_scope.json). No capture
 * shows AWS's answer to a *pending* subscription's token once its topic was deleted, nor to the
 * races: those rows pin the invariant only (a 4xx of SNS's shape, no 5xx, nothing delivered
 * through the old subscription, nothing published twice), as each row's comment says.
 */
import test from 'ava';
import {
  ConfirmSubscriptionCommand, CreateTopicCommand, DeleteTopicCommand, GetSubscriptionAttributesCommand,
  ListSubscriptionsByTopicCommand, PublishBatchCommand, PublishCommand, type SNSClient, SubscribeCommand,
} from '@aws-sdk/client-sns';
import { CreateQueueCommand, DeleteMessageBatchCommand, ReceiveMessageCommand, type Message, type SQSClient } from '@aws-sdk/client-sqs';
import type { Boltstack } from '../../../src/index.js';
import { startBoltstack } from '../../helpers/server.js';
import { snsClient } from '../../helpers/sns.js';
import { sqsClient, uniqueQueue } from '../../helpers/sqs.js';

/** A 12-digit access key is that account (docs/sts.md): the queue's owner, not the topic's. */
const OTHER = '222233334444';

let server: Boltstack;
let sns: SNSClient;
let sqs: SQSClient;
let other: SQSClient;
test.before(async () => {
  server = await startBoltstack();
  sns = snsClient(server.endpoint);
  sqs = sqsClient(server.endpoint);
  other = sqsClient(server.endpoint, OTHER);
});
test.after.always(async () => { sns?.destroy(); sqs?.destroy(); other?.destroy(); await server?.stop(); });

let counter = 0;
const uniqueTopic = (prefix: string): string => `${prefix}-${process.pid}-${Date.now().toString(36)}-${counter++}`;
const healthy = async (): Promise<number> => (await fetch(`${server.endpoint}/_boltstack/health`)).status;

/** 'ok', or the error's status and name. */
const outcome = (p: Promise<unknown>): Promise<string> => p.then(() => 'ok', (e: { name: string; $metadata?: { httpStatusCode?: number } }) => `${e.$metadata?.httpStatusCode} ${e.name}`);

/** Every message in the queue now (short polls until an empty answer), deleted as read. */
async function drain(client: SQSClient, QueueUrl: string): Promise<Message[]> {
  const out: Message[] = [];
  for (;;) {
    const { Messages } = await client.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: out.length === 0 ? 1 : 0 }));
    if (!Messages) return out;
    out.push(...Messages);
    await client.send(new DeleteMessageBatchCommand({ QueueUrl, Entries: Messages.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle! })) }));
  }
}

test('a pending subscription\'s confirmation token and ARN after DeleteTopic + CreateTopic: 404 NotFound, no subscription on the re-made topic, nothing delivered through it [invariant; no AWS capture]', async (t) => {
  const Name = uniqueTopic('h22-pending');
  const { TopicArn } = await sns.send(new CreateTopicCommand({ Name }));
  const queue = uniqueQueue('h22-pending');
  const { QueueUrl } = await other.send(new CreateQueueCommand({ QueueName: queue }));
  const Endpoint = `arn:aws:sqs:us-east-1:${OTHER}:${queue}`;
  // A queue of another account: pending until its token comes back (docs/sns.md, Subscriptions).
  const { SubscriptionArn } = await sns.send(new SubscribeCommand({ TopicArn, Protocol: 'sqs', Endpoint, ReturnSubscriptionArn: true }));
  const [confirmation] = await drain(other, QueueUrl!);
  const { Token, Type } = JSON.parse(confirmation!.Body!) as { Token: string; Type: string };
  t.is(Type, 'SubscriptionConfirmation');

  await sns.send(new DeleteTopicCommand({ TopicArn }));
  t.is(await outcome(sns.send(new ConfirmSubscriptionCommand({ TopicArn, Token }))), '404 NotFoundException');
  await sns.send(new CreateTopicCommand({ Name }));
  t.is(await outcome(sns.send(new ConfirmSubscriptionCommand({ TopicArn, Token }))), '404 NotFoundException');
  t.is(await outcome(sns.send(new GetSubscriptionAttributesCommand({ SubscriptionArn }))), '404 NotFoundException');
  t.deepEqual((await sns.send(new ListSubscriptionsByTopicCommand({ TopicArn }))).Subscriptions, []);
  await sns.send(new PublishCommand({ TopicArn, Message: 'to the re-made topic' }));
  t.deepEqual((await drain(other, QueueUrl!)).map((m) => m.Body), []);
});

test('Publish and PublishBatch racing DeleteTopic: each 200 or 404 NotFound, never a 5xx; each acknowledged message delivered at most once; the re-made topic reaches only its own subscription [invariant; no AWS capture]', async (t) => {
  const { QueueUrl: oldQueue } = await sqs.send(new CreateQueueCommand({ QueueName: uniqueQueue('h22-race-old') }));
  const { QueueUrl: newQueue } = await sqs.send(new CreateQueueCommand({ QueueName: uniqueQueue('h22-race-new') }));
  const arnOf = (url: string): string => `arn:aws:sqs:us-east-1:000000000000:${url.split('/').pop()}`;
  let acknowledged = 0;
  for (let round = 0; round < 8; round++) {
    const Name = uniqueTopic('h22-race');
    const { TopicArn } = await sns.send(new CreateTopicCommand({ Name }));
    await sns.send(new SubscribeCommand({ TopicArn, Protocol: 'sqs', Endpoint: arnOf(oldQueue!), Attributes: { RawMessageDelivery: 'true' } }));
    const singles = Array.from({ length: 6 }, (_, i) => outcome(sns.send(new PublishCommand({ TopicArn, Message: `${round}-single-${i}` }))));
    const batch = outcome(sns.send(new PublishBatchCommand({ TopicArn, PublishBatchRequestEntries: Array.from({ length: 10 }, (_, i) => ({ Id: `e${i}`, Message: `${round}-batch-${i}` })) })));
    t.is(await outcome(sns.send(new DeleteTopicCommand({ TopicArn }))), 'ok');
    const answers = [...await Promise.all(singles), await batch];
    for (const answer of answers) t.true(['ok', '404 NotFoundException'].includes(answer), answer);
    acknowledged += answers.slice(0, 6).filter((a) => a === 'ok').length + (answers[6] === 'ok' ? 10 : 0);
    // Made again with a new subscriber: it gets what is published to it now, and nothing else.
    await sns.send(new CreateTopicCommand({ Name }));
    await sns.send(new SubscribeCommand({ TopicArn, Protocol: 'sqs', Endpoint: arnOf(newQueue!), Attributes: { RawMessageDelivery: 'true' } }));
    await sns.send(new PublishCommand({ TopicArn, Message: `${round}-after` }));
    await sns.send(new DeleteTopicCommand({ TopicArn }));
  }
  const old = (await drain(sqs, oldQueue!)).map((m) => m.Body!);
  t.is(new Set(old).size, old.length, 'a message delivered twice');
  t.true(old.length <= acknowledged, `${old.length} delivered, ${acknowledged} acknowledged`);
  t.false(old.some((b) => b.endsWith('-after')));
  const fresh = (await drain(sqs, newQueue!)).map((m) => m.Body!);
  t.deepEqual([...fresh].sort(), Array.from({ length: 8 }, (_, r) => `${r}-after`).sort());
  t.is(await healthy(), 200);
});
