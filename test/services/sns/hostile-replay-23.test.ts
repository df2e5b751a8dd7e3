/**
 * SNS message archiving and replay under hostile clients: ReplayPolicy values no client should
 * send, and a ReplayPolicy set racing an Unsubscribe. The first row is a guard (it held before);
 * the second pins a defect: on a persistent data dir the first ReplayPolicy set since start
 * writes SNS's background-work marker before storing the subscription, and the subscription it
 * then stored was the one read before that write, so an Unsubscribe answered meanwhile was undone
 * (the subscription came back, and its replay ran). Replay semantics: native AWS,
 * radkawar/stackd testdata/aws/sns/archive_replay.json (2026-09-22); an unsubscribed
 * subscription is gone (https://docs.aws.amazon.com/sns/latest/api/API_Unsubscribe.html).
 */
import test from 'ava';
import {
  CreateTopicCommand, GetTopicAttributesCommand, ListSubscriptionsByTopicCommand, PublishCommand, SetSubscriptionAttributesCommand,
  SetTopicAttributesCommand, SNSClient, SubscribeCommand, UnsubscribeCommand,
} from '@aws-sdk/client-sns';
import { CreateQueueCommand, SQSClient } from '@aws-sdk/client-sqs';
import { CREDENTIALS, startBoltstack, tempDir } from '../../helpers/server.js';

const CAP = 'radkawar/stackd testdata/aws/sns/archive_replay.json (2026-09-22)';

interface Fixture { sns: SNSClient; sqs: SQSClient; topicArn: string; began: string; subscriptionArn: string }

async function fixture(endpoint: string, name: string): Promise<Fixture> {
  const config = { endpoint, region: 'us-east-1', credentials: CREDENTIALS };
  const sns = new SNSClient(config);
  const sqs = new SQSClient(config);
  const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: `${name}.fifo`, Attributes: { FifoTopic: 'true' } }));
  await sns.send(new SetTopicAttributesCommand({ TopicArn, AttributeName: 'ArchivePolicy', AttributeValue: '{"MessageRetentionPeriod":1}' }));
  const began = (await sns.send(new GetTopicAttributesCommand({ TopicArn }))).Attributes!.BeginningArchiveTime!;
  await sqs.send(new CreateQueueCommand({ QueueName: `${name}.fifo`, Attributes: { FifoQueue: 'true' } }));
  const { SubscriptionArn } = await sns.send(new SubscribeCommand({
    TopicArn, Protocol: 'sqs', Endpoint: `arn:aws:sqs:us-east-1:000000000000:${name}.fifo`, ReturnSubscriptionArn: true,
  }));
  for (let i = 0; i < 20; i++) await sns.send(new PublishCommand({ TopicArn, Message: `m${i}`, MessageGroupId: 'g', MessageDeduplicationId: `d${i}` }));
  return { sns, sqs, topicArn: TopicArn!, began, subscriptionArn: SubscriptionArn! };
}

const setReplay = (f: Fixture, value: string): Promise<unknown> =>
  f.sns.send(new SetSubscriptionAttributesCommand({ SubscriptionArn: f.subscriptionArn, AttributeName: 'ReplayPolicy', AttributeValue: value }));

test(`guard: hostile ReplayPolicy values are InvalidParameter in SNS's words, never a 500 [${CAP} replay-invalid-json, replay-array, invalid-replay-bad-timestamp, -future-start, -before-archive, -numeric-time]`, async (t) => {
  const server = await startBoltstack();
  const f = await fixture(server.endpoint, 'hostile-values');
  try {
    const refused = async (value: string): Promise<string> => {
      try {
        await setReplay(f, value);
        return 'accepted';
      } catch (err) {
        return `${(err as Error).name}: ${(err as Error).message}`;
      }
    };
    const point = (StartingPoint: unknown, extra: Record<string, unknown> = {}): string => JSON.stringify({ PointType: 'Timestamp', StartingPoint, ...extra });
    const invalid = (reason: string): string => `InvalidParameterException: Invalid parameter: ReplayPolicy: ${reason}`;
    t.is(await refused('not json'), invalid('Unable to parse JSON'));
    t.is(await refused(''), invalid('Unable to parse JSON'));
    t.is(await refused('[1,2]'), invalid('JSON is missing required fields'));
    t.is(await refused('null'), invalid('JSON is missing required fields'));
    t.is(await refused(point('x'.repeat(200_000))), invalid('Invalid StartingPoint value'));
    t.is(await refused(point('1970-01-01T00:00:00Z')), invalid('Invalid StartingPoint value'), 'before the archive began');
    t.is(await refused(point('0000-01-01T00:00:00Z')), invalid('Invalid StartingPoint value'));
    t.is(await refused(point('9999-12-31T23:59:59Z')), invalid('Invalid StartingPoint value'), 'in the future');
    t.is(await refused(point(f.began.replace(/Z$/, ''))), invalid('Invalid StartingPoint value'), 'no time zone');
    t.is(await refused(point('2026-06-30T23:59:60Z')), invalid('Invalid StartingPoint value'), 'a leap second');
    t.is(await refused(point(12)), invalid('Invalid StartingPoint value'));
    // EndingPoint equal to StartingPoint is a window of one instant (both points included: exact-boundary-replay).
    t.is(await refused(point(f.began, { EndingPoint: f.began })), 'accepted');
  } finally {
    f.sns.destroy();
    f.sqs.destroy();
    await server.stop();
  }
});

test('a ReplayPolicy set racing an Unsubscribe never brings the subscription back', async (t) => {
  t.timeout(60_000);
  const ghosts: number[] = [];
  // A fresh persistent server per round: the marker is written before the first replay since start.
  for (let round = 0; round < 4; round++) {
    const dir = await tempDir();
    const server = await startBoltstack({ dataDir: dir.dir });
    const f = await fixture(server.endpoint, `race-${round}`);
    try {
      const replay = setReplay(f, JSON.stringify({ PointType: 'Timestamp', StartingPoint: f.began }));
      await new Promise((resolve) => setImmediate(resolve));
      await Promise.all([replay, f.sns.send(new UnsubscribeCommand({ SubscriptionArn: f.subscriptionArn }))]);
      await new Promise((resolve) => setTimeout(resolve, 200));
      const left = (await f.sns.send(new ListSubscriptionsByTopicCommand({ TopicArn: f.topicArn }))).Subscriptions ?? [];
      if (left.length > 0) ghosts.push(round);
    } finally {
      f.sns.destroy();
      f.sqs.destroy();
      await server.stop();
      await dir.remove();
    }
  }
  t.deepEqual(ghosts, [], 'rounds whose unsubscribed subscription came back');
});
