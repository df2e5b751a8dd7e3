/**
 * Subscribe, Unsubscribe and DeleteTopic of one topic sent together (race26). Subscribe of an
 * endpoint already subscribed answers the existing subscription's ARN (AWS, API_Subscribe.html:
 * "the action is idempotent"); DeleteTopic removes the topic's subscriptions
 * (API_DeleteTopic.html). No capture records overlapping calls, so these rows pin the invariants.
 * Before store.ts topicChanges, each Subscribe looked for an equal subscription before another's
 * write was indexed: 8 Subscribes sent together made 8 subscriptions in every round; and a
 * Subscribe racing DeleteTopic stored its subscription after the topic's were removed, an orphan
 * in ListSubscriptions (20 of 20 rounds). SetTopicAttributes, TagResource and
 * SetSubscriptionAttributes read the record, then stored it whole: racing DeleteTopic they stored
 * the topic or its subscription again (15 of 15 rounds). CreateTopic of one name with different
 * attributes sent together all succeeded, and CreatePlatformEndpoint of one token made an endpoint
 * each; AWS refuses the different attributes and answers the existing endpoint
 * (API_CreatePlatformEndpoint.html: "the action is idempotent"). Each row fails without the sections (checked).
 */
import test from 'ava';
import {
  CreatePlatformApplicationCommand, CreatePlatformEndpointCommand, CreateTopicCommand, DeleteTopicCommand, GetTopicAttributesCommand, ListSubscriptionsByTopicCommand, ListEndpointsByPlatformApplicationCommand, ListSubscriptionsCommand, ListTagsForResourceCommand,
  SetSubscriptionAttributesCommand, SetTopicAttributesCommand, SNSClient, SubscribeCommand, TagResourceCommand, UnsubscribeCommand,
} from '@aws-sdk/client-sns';
import { CreateQueueCommand, GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { CREDENTIALS, startBoltstack, tempDir } from '../../helpers/server.js';

const ROUNDS = 8;

async function setUp(t: { teardown(fn: () => Promise<void>): void }) {
  // A persistent data dir: the store's writes take real time, as they do for users.
  const dir = await tempDir();
  const server = await startBoltstack({ dataDir: dir.dir });
  t.teardown(async () => { await server.stop(); await dir.remove(); });
  const config = { endpoint: server.endpoint, region: 'us-east-1', credentials: CREDENTIALS, maxAttempts: 1 };
  const sns = new SNSClient(config);
  const sqs = new SQSClient(config);
  const queueArn = async (name: string): Promise<string> => {
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: name }));
    return (await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }))).Attributes!.QueueArn!;
  };
  return { sns, queueArn };
}

test('8 Subscribes of one queue sent together make one subscription and all answer its ARN', async (t) => {
  const { sns, queueArn } = await setUp(t);
  const Endpoint = await queueArn('one-sink');
  for (let round = 0; round < ROUNDS; round++) {
    const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: `same-endpoint-${round}` }));
    const answers = await Promise.all(Array.from({ length: 8 }, () => sns.send(new SubscribeCommand({ TopicArn, Protocol: 'sqs', Endpoint, ReturnSubscriptionArn: true }))));
    t.is(new Set(answers.map((a) => a.SubscriptionArn)).size, 1, `round ${round}: one ARN`);
    const listed = await sns.send(new ListSubscriptionsByTopicCommand({ TopicArn }));
    t.deepEqual(listed.Subscriptions!.map((s) => s.SubscriptionArn), [answers[0]!.SubscriptionArn], `round ${round}: one subscription`);
    const attributes = (await sns.send(new GetTopicAttributesCommand({ TopicArn }))).Attributes!;
    t.is(attributes.SubscriptionsConfirmed, '1');
  }
});

test('a Subscribe and an Unsubscribe racing DeleteTopic leave no subscription of the deleted topic', async (t) => {
  const { sns, queueArn } = await setUp(t);
  const first = await queueArn('first-sink');
  const second = await queueArn('second-sink');
  for (let round = 0; round < ROUNDS; round++) {
    const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: `deleted-${round}` }));
    const { SubscriptionArn } = await sns.send(new SubscribeCommand({ TopicArn, Protocol: 'sqs', Endpoint: first, ReturnSubscriptionArn: true }));
    const outcomes = await Promise.allSettled([
      sns.send(new UnsubscribeCommand({ SubscriptionArn })),
      sns.send(new DeleteTopicCommand({ TopicArn })),
      sns.send(new SubscribeCommand({ TopicArn, Protocol: 'sqs', Endpoint: second })),
    ]);
    t.is(outcomes[0]!.status, 'fulfilled');
    t.is(outcomes[1]!.status, 'fulfilled');
    // The Subscribe ran before the delete (and went with the topic) or after it (NotFound).
    const subscribed = outcomes[2]!;
    if (subscribed.status === 'rejected') t.is((subscribed.reason as Error).name, 'NotFoundException');
    const all = await sns.send(new ListSubscriptionsCommand({}));
    t.deepEqual(all.Subscriptions!.filter((s) => s.TopicArn === TopicArn), [], `round ${round}`);
    await t.throwsAsync(sns.send(new GetTopicAttributesCommand({ TopicArn })), { name: 'NotFoundException' }, `round ${round}: the topic stays deleted`);
  }
});

test('SetTopicAttributes, TagResource and SetSubscriptionAttributes racing DeleteTopic bring back neither the topic nor its subscription', async (t) => {
  const { sns, queueArn } = await setUp(t);
  const Endpoint = await queueArn('attribute-sink');
  for (let round = 0; round < ROUNDS; round++) {
    const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: `changed-${round}` }));
    const { SubscriptionArn } = await sns.send(new SubscribeCommand({ TopicArn, Protocol: 'sqs', Endpoint, ReturnSubscriptionArn: true }));
    const outcomes = await Promise.allSettled([
      sns.send(new DeleteTopicCommand({ TopicArn })),
      sns.send(new SetSubscriptionAttributesCommand({ SubscriptionArn, AttributeName: 'RawMessageDelivery', AttributeValue: 'true' })),
      sns.send(new SetTopicAttributesCommand({ TopicArn, AttributeName: 'DisplayName', AttributeValue: 'late' })),
      sns.send(new TagResourceCommand({ ResourceArn: TopicArn, Tags: [{ Key: 'late', Value: 'yes' }] })),
    ]);
    t.is(outcomes[0]!.status, 'fulfilled');
    // Each change ran before the delete, or after it and found nothing.
    for (const o of outcomes.slice(1)) if (o.status === 'rejected') t.regex((o.reason as Error).name, /^(NotFoundException|ResourceNotFoundException)$/);
    await t.throwsAsync(sns.send(new GetTopicAttributesCommand({ TopicArn })), { name: 'NotFoundException' }, `round ${round}: the topic stays deleted`);
    const all = await sns.send(new ListSubscriptionsCommand({}));
    t.deepEqual(all.Subscriptions!.filter((s) => s.TopicArn === TopicArn), [], `round ${round}: no orphan`);
  }
});

test('SetTopicAttributes of two attributes and TagResource sent together all hold', async (t) => {
  const { sns } = await setUp(t);
  for (let round = 0; round < ROUNDS; round++) {
    const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: `together-${round}` }));
    await Promise.all([
      sns.send(new SetTopicAttributesCommand({ TopicArn, AttributeName: 'DisplayName', AttributeValue: `name-${round}` })),
      sns.send(new SetTopicAttributesCommand({ TopicArn, AttributeName: 'TracingConfig', AttributeValue: 'Active' })),
      sns.send(new TagResourceCommand({ ResourceArn: TopicArn, Tags: [{ Key: 'round', Value: String(round) }] })),
    ]);
    const attributes = (await sns.send(new GetTopicAttributesCommand({ TopicArn }))).Attributes!;
    t.is(attributes.DisplayName, `name-${round}`, `round ${round}`);
    t.is(attributes.TracingConfig, 'Active', `round ${round}`);
    t.deepEqual((await sns.send(new ListTagsForResourceCommand({ ResourceArn: TopicArn }))).Tags, [{ Key: 'round', Value: String(round) }]);
  }
});

test('CreateTopic of one name with different attributes sent together: the first made wins, the others are refused', async (t) => {
  const { sns } = await setUp(t);
  for (let round = 0; round < ROUNDS; round++) {
    const Name = `named-${round}`;
    const outcomes = await Promise.allSettled([0, 1, 2].map((i) => sns.send(new CreateTopicCommand({ Name, Attributes: { DisplayName: `display-${i}` } }))));
    const made = outcomes.flatMap((o, i) => (o.status === 'fulfilled' ? [i] : []));
    t.is(made.length, 1, `round ${round}: one CreateTopic made it`);
    // "Invalid parameter: Attributes Reason: Topic already exists with different attributes"
    // (native AWS, radkawar/stackd testdata/aws/sns/controls.json topic-create-conflicting-display, 2026-09-14).
    for (const o of outcomes) if (o.status === 'rejected') t.is((o.reason as Error).name, 'InvalidParameterException');
    const TopicArn = (outcomes[made[0]!] as PromiseFulfilledResult<{ TopicArn?: string }>).value.TopicArn!;
    t.is((await sns.send(new GetTopicAttributesCommand({ TopicArn }))).Attributes!.DisplayName, `display-${made[0]}`);
  }
});

test('CreatePlatformEndpoint of one token sent together makes one endpoint and answers its ARN to each', async (t) => {
  const { sns } = await setUp(t);
  const { PlatformApplicationArn } = await sns.send(new CreatePlatformApplicationCommand({ Name: 'race-app', Platform: 'GCM', Attributes: { PlatformCredential: 'key' } }));
  for (let round = 0; round < ROUNDS; round++) {
    const answers = await Promise.all([0, 1, 2, 3].map(() => sns.send(new CreatePlatformEndpointCommand({ PlatformApplicationArn, Token: `token-${round}` }))));
    t.is(new Set(answers.map((a) => a.EndpointArn)).size, 1, `round ${round}`);
  }
  const listed = await sns.send(new ListEndpointsByPlatformApplicationCommand({ PlatformApplicationArn }));
  t.is(listed.Endpoints!.length, ROUNDS);
});
