/**
 * A replay of the calls Terraform's AWS provider makes for aws_sns_topic, aws_sns_topic_policy and
 * aws_sns_topic_subscription (../shared/conformance/terraform-aws-calls.md §5): create, the
 * per-attribute SetTopicAttributes (the five feedback sample rates always, as "0"), read back
 * with nothing drifting, a subscription confirmed at once, filter-policy and redrive updates as
 * the provider sends them ("{}" for an empty policy, no value for an empty redrive policy), then
 * destroy and the not-found the provider polls for.
 */
import test from 'ava';
import {
  CreateTopicCommand, DeleteTopicCommand, GetSubscriptionAttributesCommand, GetTopicAttributesCommand, ListTagsForResourceCommand,
  SetSubscriptionAttributesCommand, SetTopicAttributesCommand, SubscribeCommand, UnsubscribeCommand,
} from '@aws-sdk/client-sns';
import { startBoltstack } from '../helpers/server.js';
import { snsClient } from '../helpers/sns.js';

interface SdkError { name: string }

test('aws_sns_topic + aws_sns_topic_policy + aws_sns_topic_subscription: apply, refresh without drift, destroy', async (t) => {
  const server = await startBoltstack();
  const sns = snsClient(server.endpoint);
  try {
    // aws_sns_topic (FIFO, content-based deduplication, a display name, tags)
    const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: 'tf-events.fifo', Attributes: { FifoTopic: 'true' }, Tags: [{ Key: 'env', Value: 'ci' }] }));
    const config: Record<string, string> = {
      ApplicationSuccessFeedbackSampleRate: '0', FirehoseSuccessFeedbackSampleRate: '0', HTTPSuccessFeedbackSampleRate: '0',
      LambdaSuccessFeedbackSampleRate: '0', SQSSuccessFeedbackSampleRate: '0', DisplayName: 'Events', ContentBasedDeduplication: 'true',
      SignatureVersion: '2', TracingConfig: 'PassThrough',
    };
    for (const [AttributeName, AttributeValue] of Object.entries(config)) await sns.send(new SetTopicAttributesCommand({ TopicArn, AttributeName, AttributeValue }));
    // aws_sns_topic_policy
    const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'pub', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::000000000000:root' }, Action: 'SNS:Publish', Resource: TopicArn }] });
    await sns.send(new SetTopicAttributesCommand({ TopicArn, AttributeName: 'Policy', AttributeValue: policy }));

    const read = async (): Promise<Record<string, string>> => (await sns.send(new GetTopicAttributesCommand({ TopicArn }))).Attributes!;
    const first = await read();
    t.is(first.TopicArn, TopicArn!, 'arn is required by the provider');
    t.is(first.FifoTopic, 'true', 'a FIFO topic must read back FifoTopic=true, or the provider replaces it');
    for (const [k, v] of Object.entries(config)) t.is(first[k], v, `${k} reads back as set`);
    t.deepEqual(JSON.parse(first.Policy!), JSON.parse(policy));
    t.deepEqual((await sns.send(new ListTagsForResourceCommand({ ResourceArn: TopicArn }))).Tags, [{ Key: 'env', Value: 'ci' }]);

    // aws_sns_topic_subscription (sqs, own account): a real ARN at once, PendingConfirmation false
    const { SubscriptionArn } = await sns.send(new SubscribeCommand({
      TopicArn, Protocol: 'sqs', Endpoint: 'arn:aws:sqs:us-east-1:000000000000:tf-q.fifo', ReturnSubscriptionArn: true,
      Attributes: { RawMessageDelivery: 'true', FilterPolicy: '{"kind":["a"]}' },
    }));
    t.regex(SubscriptionArn!, /^arn:aws:sns:us-east-1:000000000000:tf-events\.fifo:[0-9a-f-]{36}$/);
    const sub = async (): Promise<Record<string, string>> => (await sns.send(new GetSubscriptionAttributesCommand({ SubscriptionArn }))).Attributes!;
    t.like(await sub(), {
      PendingConfirmation: 'false', TopicArn, Protocol: 'sqs', Endpoint: 'arn:aws:sqs:us-east-1:000000000000:tf-q.fifo',
      RawMessageDelivery: 'true', FilterPolicyScope: 'MessageAttributes', Owner: '000000000000',
    });
    // Update as the provider sends it: scope MessageBody first, then the policy; an empty policy is "{}".
    await sns.send(new SetSubscriptionAttributesCommand({ SubscriptionArn, AttributeName: 'FilterPolicyScope', AttributeValue: 'MessageBody' }));
    await sns.send(new SetSubscriptionAttributesCommand({ SubscriptionArn, AttributeName: 'FilterPolicy', AttributeValue: '{"detail":{"kind":["a"]}}' }));
    await sns.send(new SetSubscriptionAttributesCommand({ SubscriptionArn, AttributeName: 'RedrivePolicy', AttributeValue: '{"deadLetterTargetArn":"arn:aws:sqs:us-east-1:000000000000:tf-dlq.fifo"}' }));
    await sns.send(new SetSubscriptionAttributesCommand({ SubscriptionArn, AttributeName: 'RedrivePolicy' }));
    await sns.send(new SetSubscriptionAttributesCommand({ SubscriptionArn, AttributeName: 'FilterPolicy', AttributeValue: '{}' }));
    const updated = await sub();
    t.false('RedrivePolicy' in updated, 'an empty RedrivePolicy removes it');
    t.deepEqual(JSON.parse(updated.FilterPolicy!), {});

    // Refresh: a second read gives the same state (no drift).
    t.deepEqual(await read(), { ...first, SubscriptionsConfirmed: '1' });

    // Destroy: Unsubscribe, poll until NotFound; DeleteTopic (NotFound tolerated).
    await sns.send(new UnsubscribeCommand({ SubscriptionArn }));
    t.is((await t.throwsAsync(sns.send(new GetSubscriptionAttributesCommand({ SubscriptionArn }))) as unknown as SdkError).name, 'NotFoundException');
    await sns.send(new DeleteTopicCommand({ TopicArn }));
    t.is((await t.throwsAsync(read()) as unknown as SdkError).name, 'NotFoundException');
  } finally {
    sns.destroy();
    await server.stop();
  }
});
