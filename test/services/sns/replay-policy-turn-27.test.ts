/**
 * A ReplayPolicy set through SetSubscriptionAttributes (or given to Subscribe) racing DeleteTopic
 * or Unsubscribe of the same topic. DeleteTopic "Deletes a topic and all its subscriptions"
 * (https://docs.aws.amazon.com/sns/latest/api/API_DeleteTopic.html) and Unsubscribe deletes the
 * subscription (API_Unsubscribe.html); no capture records overlapping calls, so these rows pin the
 * invariant: what is deleted stays deleted, and a ReplayPolicy answered before the delete does not
 * bring the subscription back. AWS refuses DeleteTopic of a topic that archives, so the rows that
 * start a replay turn the ArchivePolicy off first. Before msg27 the replayer stored the
 * subscription outside the topic's turn (store.ts topicChanges): a ReplayPolicy (set, or given
 * to Subscribe) racing DeleteTopic left the deleted topic's subscription in ListSubscriptions (an
 * orphan; the second and third rows failed, in round 2 and round 1). The "{}" row pins the same
 * invariant for a policy that starts no replay (its window is narrower; it passed before).
 */
import test from 'ava';
import {
  CreateTopicCommand, DeleteTopicCommand, GetTopicAttributesCommand, ListSubscriptionsCommand, SetSubscriptionAttributesCommand, SetTopicAttributesCommand,
  SNSClient, SubscribeCommand, UnsubscribeCommand,
} from '@aws-sdk/client-sns';
import { CreateQueueCommand, SQSClient } from '@aws-sdk/client-sqs';
import { CREDENTIALS, startBoltstack, tempDir } from '../../helpers/server.js';

const ROUNDS = 8;

async function setUp(t: { teardown(fn: () => Promise<void>): void }) {
  // A persistent data dir: the store's writes take real time, as they do for users.
  const dir = await tempDir();
  const server = await startBoltstack({ dataDir: dir.dir });
  t.teardown(async () => { sns.destroy(); sqs.destroy(); await server.stop(); await dir.remove(); });
  const config = { endpoint: server.endpoint, region: 'us-east-1', credentials: CREDENTIALS, maxAttempts: 1 };
  const sns = new SNSClient(config);
  const sqs = new SQSClient(config);
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'replay-sink.fifo', Attributes: { FifoQueue: 'true' } }));
  const Endpoint = `arn:aws:sqs:us-east-1:000000000000:${QueueUrl!.split('/').pop()}`;
  /** A FIFO topic (archiving or not) with `Endpoint` subscribed; the subscription's ARN. */
  const topicWithSubscription = async (name: string, archives: boolean): Promise<{ TopicArn: string; SubscriptionArn: string; since: string }> => {
    const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: `${name}.fifo`, Attributes: { FifoTopic: 'true' } }));
    if (archives) await sns.send(new SetTopicAttributesCommand({ TopicArn, AttributeName: 'ArchivePolicy', AttributeValue: '{"MessageRetentionPeriod":1}' }));
    const since = (await sns.send(new GetTopicAttributesCommand({ TopicArn }))).Attributes!.BeginningArchiveTime ?? '';
    const { SubscriptionArn } = await sns.send(new SubscribeCommand({ TopicArn, Protocol: 'sqs', Endpoint, ReturnSubscriptionArn: true }));
    return { TopicArn: TopicArn!, SubscriptionArn: SubscriptionArn!, since };
  };
  return { sns, topicWithSubscription, Endpoint };
}

const orphans = async (sns: SNSClient, TopicArn: string): Promise<string[]> =>
  (await sns.send(new ListSubscriptionsCommand({}))).Subscriptions!.filter((s) => s.TopicArn === TopicArn).map((s) => s.SubscriptionArn!);

/** ArchivePolicy turned off, then DeleteTopic: AWS refuses to delete a topic that archives. */
const unarchiveAndDelete = async (sns: SNSClient, TopicArn: string): Promise<void> => {
  await sns.send(new SetTopicAttributesCommand({ TopicArn, AttributeName: 'ArchivePolicy', AttributeValue: '{}' }));
  await sns.send(new DeleteTopicCommand({ TopicArn }));
};

/** What may refuse a ReplayPolicy whose topic goes meanwhile: the topic's archive or the subscription is gone. */
const GONE = /^(NotFoundException|InvalidParameterException)$/;

test('a ReplayPolicy {} racing DeleteTopic does not bring the deleted topic\'s subscription back', async (t) => {
  const { sns, topicWithSubscription } = await setUp(t);
  for (let round = 0; round < ROUNDS; round++) {
    const { TopicArn, SubscriptionArn } = await topicWithSubscription(`replay-none-${round}`, false);
    const outcomes = await Promise.allSettled([
      // "{}": no replay, accepted whether or not the topic archives (the policy check answers it
      // before the archive's; radkawar/stackd testdata/aws/sns/archive_replay.json, 2026-09-22).
      sns.send(new SetSubscriptionAttributesCommand({ SubscriptionArn, AttributeName: 'ReplayPolicy', AttributeValue: '{}' })),
      sns.send(new DeleteTopicCommand({ TopicArn })),
    ]);
    t.is(outcomes[1]!.status, 'fulfilled');
    // The ReplayPolicy was set before the delete, or after it and found nothing.
    if (outcomes[0]!.status === 'rejected') t.is((outcomes[0]!.reason as Error).name, 'NotFoundException');
    t.deepEqual(await orphans(sns, TopicArn), [], `round ${round}: no orphan`);
    await t.throwsAsync(sns.send(new GetTopicAttributesCommand({ TopicArn })), { name: 'NotFoundException' }, `round ${round}: the topic stays deleted`);
  }
});

test('a ReplayPolicy that starts a replay, racing the archive\'s end and DeleteTopic, does not bring the subscription back', async (t) => {
  const { sns, topicWithSubscription } = await setUp(t);
  for (let round = 0; round < ROUNDS; round++) {
    const { TopicArn, SubscriptionArn, since } = await topicWithSubscription(`replay-delete-${round}`, true);
    const outcomes = await Promise.allSettled([
      sns.send(new SetSubscriptionAttributesCommand({ SubscriptionArn, AttributeName: 'ReplayPolicy', AttributeValue: JSON.stringify({ PointType: 'Timestamp', StartingPoint: since }) })),
      unarchiveAndDelete(sns, TopicArn),
    ]);
    t.is(outcomes[1]!.status, 'fulfilled');
    if (outcomes[0]!.status === 'rejected') t.regex((outcomes[0]!.reason as Error).name, GONE);
    t.deepEqual(await orphans(sns, TopicArn), [], `round ${round}: no orphan`);
  }
});

test('a Subscribe with a ReplayPolicy racing the archive\'s end and DeleteTopic leaves nothing of the deleted topic', async (t) => {
  const { sns, topicWithSubscription, Endpoint } = await setUp(t);
  for (let round = 0; round < ROUNDS; round++) {
    const { TopicArn, SubscriptionArn, since } = await topicWithSubscription(`replay-subscribe-${round}`, true);
    await sns.send(new UnsubscribeCommand({ SubscriptionArn }));
    const ReplayPolicy = JSON.stringify({ PointType: 'Timestamp', StartingPoint: since });
    const outcomes = await Promise.allSettled([
      sns.send(new SubscribeCommand({ TopicArn, Protocol: 'sqs', Endpoint, Attributes: { ReplayPolicy }, ReturnSubscriptionArn: true })),
      unarchiveAndDelete(sns, TopicArn),
    ]);
    t.is(outcomes[1]!.status, 'fulfilled');
    if (outcomes[0]!.status === 'rejected') t.regex((outcomes[0]!.reason as Error).name, GONE);
    t.deepEqual(await orphans(sns, TopicArn), [], `round ${round}: no orphan`);
  }
});
