/**
 * Changes of one subscription that overlap apply one after another (store.ts
 * subscriptionChanges): each reads the record its predecessor left. Before, each read the record
 * before the other's change and the later write undid the earlier one: two SetSubscriptionAttributes
 * of different attributes, sent together, lost one in 2 of 10 rounds (hostile23), and an
 * Unsubscribe racing them could be undone by their write. AWS applies each accepted change
 * (API_SetSubscriptionAttributes.html); no capture records overlapping ones, so these rows pin the
 * invariant: every change answered success is in the result. The first row fails without the
 * section (checked); the second is a guard that held before as well.
 */
import test from 'ava';
import {
  CreateTopicCommand, GetSubscriptionAttributesCommand, ListSubscriptionsByTopicCommand, SetSubscriptionAttributesCommand, SNSClient,
  SubscribeCommand, UnsubscribeCommand,
} from '@aws-sdk/client-sns';
import { CreateQueueCommand, GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { CREDENTIALS, startBoltstack, tempDir } from '../../helpers/server.js';

const ROUNDS = 10;

async function setUp(t: { teardown(fn: () => Promise<void>): void }) {
  // A persistent data dir: the store's writes take real time, as they do for users.
  const dir = await tempDir();
  const server = await startBoltstack({ dataDir: dir.dir });
  t.teardown(async () => { await server.stop(); await dir.remove(); });
  const config = { endpoint: server.endpoint, region: 'us-east-1', credentials: CREDENTIALS };
  const sns = new SNSClient(config);
  const sqs = new SQSClient(config);
  const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: `races-${process.pid}` }));
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: `races-${process.pid}` }));
  const QueueArn = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }))).Attributes!.QueueArn!;
  const subscribe = async (): Promise<string> =>
    (await sns.send(new SubscribeCommand({ TopicArn, Protocol: 'sqs', Endpoint: QueueArn, ReturnSubscriptionArn: true }))).SubscriptionArn!;
  return { sns, TopicArn, subscribe };
}

test('two SetSubscriptionAttributes of different attributes sent together both hold, round after round', async (t) => {
  const { sns, subscribe } = await setUp(t);
  const SubscriptionArn = await subscribe();
  for (let round = 0; round < ROUNDS; round++) {
    const policy = JSON.stringify({ round: [String(round)] });
    const raw = round % 2 === 0 ? 'true' : 'false';
    await Promise.all([
      sns.send(new SetSubscriptionAttributesCommand({ SubscriptionArn, AttributeName: 'FilterPolicy', AttributeValue: policy })),
      sns.send(new SetSubscriptionAttributesCommand({ SubscriptionArn, AttributeName: 'RawMessageDelivery', AttributeValue: raw })),
    ]);
    const got = (await sns.send(new GetSubscriptionAttributesCommand({ SubscriptionArn }))).Attributes!;
    t.is(got.FilterPolicy, policy, `round ${round}`);
    t.is(got.RawMessageDelivery, raw, `round ${round}`);
  }
});

test('an Unsubscribe sent with a SetSubscriptionAttributes is never undone by it', async (t) => {
  const { sns, TopicArn, subscribe } = await setUp(t);
  for (let round = 0; round < ROUNDS; round++) {
    const SubscriptionArn = await subscribe();
    const results = await Promise.allSettled([
      sns.send(new SetSubscriptionAttributesCommand({ SubscriptionArn, AttributeName: 'RawMessageDelivery', AttributeValue: 'true' })),
      sns.send(new UnsubscribeCommand({ SubscriptionArn })),
    ]);
    t.is(results[1].status, 'fulfilled');
    const listed = (await sns.send(new ListSubscriptionsByTopicCommand({ TopicArn }))).Subscriptions ?? [];
    t.false(listed.some((s) => s.SubscriptionArn === SubscriptionArn), `round ${round}: the unsubscribed subscription came back`);
  }
});
