/**
 * SNS exactness, twenty-seventh pass: Subscribe's Protocol in another case than AWS lists it.
 * Before msg27 boltstack lower-cased it, so "HTTP", "Sqs" and "SQS" subscribed as http and sqs.
 *
 * Sources: the protocols are listed in lower case (https://docs.aws.amazon.com/sns/latest/api/API_Subscribe.html,
 * Protocol); real AWS answered Protocol "SQS" with a FilterPolicy by "Invalid parameter: Attributes
 * Reason: Delivery protocol SQS does not support message filtering." (quoted from AWS by the
 * reporter of aws/aws-sdk-js issue #3446, 2020-09-13): not the sqs protocol. Without attributes,
 * the answer is the one AWS gives any protocol string it does not support (localstack
 * tests/aws/services/sns/test_sns.snapshot.json test_subscribe_with_invalid_protocol, 2025-10-06:
 * "Amazon SNS does not support this protocol string: test-protocol", pinned in
 * aws-error-answers.test.ts). Every row failed
 * before (the Subscribe succeeded).
 */
import test from 'ava';
import { CreateTopicCommand, ListSubscriptionsByTopicCommand, SNSClient, SubscribeCommand, type SubscribeCommandInput } from '@aws-sdk/client-sns';
import { CreateQueueCommand, SQSClient } from '@aws-sdk/client-sqs';
import { CREDENTIALS, startBoltstack } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';

let server: Boltstack;
let sns: SNSClient;
let sqs: SQSClient;
test.before(async () => {
  server = await startBoltstack();
  const config = { endpoint: server.endpoint, region: 'us-east-1', credentials: CREDENTIALS, maxAttempts: 1 };
  sns = new SNSClient(config);
  sqs = new SQSClient(config);
});
test.after.always(async () => { sns?.destroy(); sqs?.destroy(); await server?.stop(); });

let counter = 0;
const unique = (prefix: string): string => `${prefix}-${process.pid}-${counter++}`;

async function topicAndQueue(): Promise<{ TopicArn: string; queueArn: string }> {
  const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: unique('x27') }));
  const name = unique('x27q');
  await sqs.send(new CreateQueueCommand({ QueueName: name }));
  return { TopicArn: TopicArn!, queueArn: `arn:aws:sqs:us-east-1:000000000000:${name}` };
}

const refused = async (t: import('ava').ExecutionContext, input: SubscribeCommandInput, message: string): Promise<void> => {
  const error = await t.throwsAsync(sns.send(new SubscribeCommand(input)));
  t.is(error?.name, 'InvalidParameterException', input.Protocol);
  t.is(error?.message, message, input.Protocol);
  t.is(((error as unknown) as { $metadata: { httpStatusCode?: number } }).$metadata.httpStatusCode, 400);
};

test('a Protocol in upper or mixed case is not a protocol SNS supports: nothing is subscribed', async (t) => {
  const { TopicArn, queueArn } = await topicAndQueue();
  for (const [Protocol, Endpoint] of [['HTTP', 'http://127.0.0.1:9/hook'], ['Https', 'https://127.0.0.1:9/hook'], ['Sqs', queueArn], ['SQS', queueArn]] as const) {
    await refused(t, { TopicArn, Protocol, Endpoint }, `Invalid parameter: Amazon SNS does not support this protocol string: ${Protocol}`);
  }
  t.deepEqual((await sns.send(new ListSubscriptionsByTopicCommand({ TopicArn }))).Subscriptions, []);
});

test('Protocol "SQS" with a FilterPolicy: AWS checks the attributes against the protocol as given (aws/aws-sdk-js#3446)', async (t) => {
  const { TopicArn, queueArn } = await topicAndQueue();
  await refused(t, { TopicArn, Protocol: 'SQS', Endpoint: queueArn, Attributes: { FilterPolicy: '{"store":["example_corp"]}' } },
    'Invalid parameter: Attributes Reason: Delivery protocol SQS does not support message filtering.');
  t.deepEqual((await sns.send(new ListSubscriptionsByTopicCommand({ TopicArn }))).Subscriptions, []);
});

test('the protocols as AWS lists them still subscribe', async (t) => {
  const { TopicArn, queueArn } = await topicAndQueue();
  const { SubscriptionArn } = await sns.send(new SubscribeCommand({ TopicArn, Protocol: 'sqs', Endpoint: queueArn, Attributes: { FilterPolicy: '{"store":["example_corp"]}' }, ReturnSubscriptionArn: true }));
  t.true(SubscriptionArn!.startsWith(`${TopicArn}:`));
});
