/**
 * A topic in us-east-1 delivering to queues in us-west-2, against a raw capture of native AWS
 * (2026-09-22): radkawar/stackd testdata/aws/sns/regional_sqs.json; each row cites the labels of
 * its `observations` entries. SDK v3 clients over the real server, SNS in one region and SQS in
 * the other, as the capture's were. (Its queue policies' Condition order is pinned in
 * test/services/sqs/aws-captures-stackd-policy.test.ts.)
 */
import test from 'ava';
import { CreateTopicCommand, GetSubscriptionAttributesCommand, PublishCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { CreateQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { CREDENTIALS, startBoltstack } from '../../helpers/server.js';
import { snsClient } from '../../helpers/sns.js';
import type { Boltstack } from '../../../src/index.js';

const REGIONAL = 'radkawar/stackd testdata/aws/sns/regional_sqs.json';

let server: Boltstack;
let sns: SNSClient;
let west: SQSClient;
let counter = 0;
const unique = (prefix: string): string => `${prefix}-${process.pid}-${counter++}`;

test.before(async () => {
  server = await startBoltstack();
  sns = snsClient(server.endpoint);
  west = new SQSClient({ endpoint: server.endpoint, region: 'us-west-2', credentials: CREDENTIALS });
});
test.after.always(async () => { sns?.destroy(); west?.destroy(); await server?.stop(); });

async function westQueue(prefix: string): Promise<{ url: string; arn: string }> {
  const url = (await west.send(new CreateQueueCommand({ QueueName: unique(prefix) }))).QueueUrl!;
  return { url, arn: (await west.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }))).Attributes!.QueueArn! };
}
const receiveOne = async (url: string) => {
  for (let i = 0; i < 100; i++) {
    const [m] = (await west.send(new ReceiveMessageCommand({ QueueUrl: url, MessageAttributeNames: ['All'] }))).Messages ?? [];
    if (m !== undefined) return m;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('nothing delivered');
};

const MESSAGE = '{"probe": "stackd-sns-regsqs", "case": "standard-original", "value": "original payload Δ\\nline two"}';
const ATTRIBUTES = { ProbeCase: { DataType: 'String', StringValue: 'standard-original' }, Count: { DataType: 'Number', StringValue: '12.50' } };

test(`a wrapped notification writes its MessageAttributes one a line, each compact, as AWS does; the Subject, the message's "Δ" and its escaped newline as sent [${REGIONAL} subscribe-standard-wrapped, publish-standard-original, standard-wrapped-receive-1 (2026-09-22)]`, async (t) => {
  const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: unique('regional') }));
  const wrapped = await westQueue('regional-wrapped');
  await sns.send(new SubscribeCommand({ TopicArn, Protocol: 'sqs', Endpoint: wrapped.arn, ReturnSubscriptionArn: true }));
  await sns.send(new PublishCommand({ TopicArn, Subject: 'regional-original', Message: MESSAGE, MessageAttributes: ATTRIBUTES }));
  const body = (await receiveOne(wrapped.url)).Body!;
  t.true(body.includes(`  "Subject" : "regional-original",\n  "Message" : "{\\"probe\\": \\"stackd-sns-regsqs\\", \\"case\\": \\"standard-original\\", \\"value\\": \\"original payload Δ\\\\nline two\\"}",\n`), body);
  t.true(body.endsWith(',\n  "MessageAttributes" : {\n    "ProbeCase" : {"Type":"String","Value":"standard-original"},\n    "Count" : {"Type":"Number","Value":"12.50"}\n  }\n}'), body);
});

test(`raw delivery to a queue of another region: the body as published, a Number attribute "12.50" as SQS writes numbers ("12.5"), and AWS's MD5OfMessageAttributes [${REGIONAL} subscribe-standard-raw, publish-standard-original, standard-raw-receive-1 (2026-09-22)]`, async (t) => {
  const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: unique('regional') }));
  const raw = await westQueue('regional-raw');
  await sns.send(new SubscribeCommand({ TopicArn, Protocol: 'sqs', Endpoint: raw.arn, ReturnSubscriptionArn: true, Attributes: { RawMessageDelivery: 'true' } }));
  const probe = '{"probe": "stackd-sns-regsqs-0afa19b5cca8", "case": "standard-original", "value": "original payload Δ\\nline two"}';
  await sns.send(new PublishCommand({ TopicArn, Subject: 'regional-original', Message: probe, MessageAttributes: ATTRIBUTES }));
  const m = await receiveOne(raw.url);
  t.like(m, { Body: probe, MD5OfBody: '9ca7c715ab93f9835a45e01e6ee1e25d', MD5OfMessageAttributes: '851a36934346f17b9a71b7ca6bd986b7' });
  t.deepEqual(m.MessageAttributes, { Count: { StringValue: '12.5', DataType: 'Number' }, ProbeCase: { StringValue: 'standard-original', DataType: 'String' } });
});

test(`Subscribe takes queues of another region, one never made too, confirmed at once; a RedrivePolicy is answered as written, between Endpoint and Protocol [${REGIONAL} subscribe-standard-wrapped-readback, subscribe-fifo-to-fifo, subscribe-fifo-to-standard, subscribe-policy-with-source-dlq-readback, admission-nonexistent-regional-queue-readback (2026-09-22)]`, async (t) => {
  const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: unique('regional') }));
  const fifo = (await sns.send(new CreateTopicCommand({ Name: `${unique('regional')}.fifo`, Attributes: { FifoTopic: 'true', ContentBasedDeduplication: 'false' } }))).TopicArn!;
  const read = async (SubscriptionArn: string | undefined) => (await sns.send(new GetSubscriptionAttributesCommand({ SubscriptionArn }))).Attributes!;
  const never = await sns.send(new SubscribeCommand({ TopicArn, Protocol: 'sqs', Endpoint: 'arn:aws:sqs:us-west-2:000000000000:never-created', ReturnSubscriptionArn: true }));
  t.like(await read(never.SubscriptionArn), { PendingConfirmation: 'false', ConfirmationWasAuthenticated: 'true', Endpoint: 'arn:aws:sqs:us-west-2:000000000000:never-created' });
  for (const endpoint of ['arn:aws:sqs:us-west-2:000000000000:regional.fifo', 'arn:aws:sqs:us-west-2:000000000000:regional-standard']) {
    const { SubscriptionArn } = await sns.send(new SubscribeCommand({ TopicArn: fifo, Protocol: 'sqs', Endpoint: endpoint, ReturnSubscriptionArn: true }));
    t.like(await read(SubscriptionArn), { Endpoint: endpoint, PendingConfirmation: 'false' });
  }
  const redrive = '{"deadLetterTargetArn": "arn:aws:sqs:us-east-1:000000000000:regional-subscription-dlq"}';
  const { SubscriptionArn } = await sns.send(new SubscribeCommand({ TopicArn, Protocol: 'sqs', Endpoint: 'arn:aws:sqs:us-west-2:000000000000:regional-policy',
    ReturnSubscriptionArn: true, Attributes: { RedrivePolicy: redrive } }));
  const attributes = await read(SubscriptionArn);
  t.deepEqual(Object.keys(attributes), ['SubscriptionPrincipal', 'Owner', 'RawMessageDelivery', 'TopicArn', 'Endpoint', 'RedrivePolicy', 'Protocol',
    'PendingConfirmation', 'ConfirmationWasAuthenticated', 'SubscriptionArn']);
  t.is(attributes.RedrivePolicy, redrive);
});

test(`a subscription with a FilterPolicy and a RedrivePolicy (12 entries) lists them as AWS does: FilterPolicy before TopicArn, RedrivePolicy after Endpoint, FilterPolicyScope before Protocol; the filter compact, the redrive policy as written [${REGIONAL} optin-subscribe-optin-to-optin-generic, optin-subscription-readback-optin-to-optin-generic, -source-regional, -target-regional (2026-09-22)]`, async (t) => {
  const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: unique('regional') }));
  const redrive = '{"deadLetterTargetArn": "arn:aws:sqs:us-east-1:000000000000:regional-opt-dlq"}';
  const { SubscriptionArn } = await sns.send(new SubscribeCommand({ TopicArn, Protocol: 'sqs', Endpoint: 'arn:aws:sqs:us-west-2:000000000000:optin-to-optin-generic',
    ReturnSubscriptionArn: true, Attributes: { RedrivePolicy: redrive, FilterPolicy: '{"ProbeCase": ["optin-to-optin-generic"]}' } }));
  const attributes = (await sns.send(new GetSubscriptionAttributesCommand({ SubscriptionArn }))).Attributes!;
  t.deepEqual(Object.keys(attributes), ['SubscriptionPrincipal', 'Owner', 'RawMessageDelivery', 'FilterPolicy', 'TopicArn', 'Endpoint', 'RedrivePolicy',
    'FilterPolicyScope', 'Protocol', 'PendingConfirmation', 'ConfirmationWasAuthenticated', 'SubscriptionArn']);
  t.like(attributes, { FilterPolicy: '{"ProbeCase":["optin-to-optin-generic"]}', RedrivePolicy: redrive, FilterPolicyScope: 'MessageAttributes' });
});

// [label, Subscribe input (the topics: a standard one in us-east-1, and that name in us-west-2 or one never made), AWS's answer]
const REFUSED: Array<[label: string, input: (topic: string) => { TopicArn: string; Protocol: string; Endpoint: string }, answer: [string, number, string]]> = [
  ['error-standard-topic-fifo-queue', (topic) => ({ TopicArn: topic, Protocol: 'sqs', Endpoint: 'arn:aws:sqs:us-west-2:000000000000:regional.fifo' }),
    ['InvalidParameterException', 400, 'Invalid parameter: Invalid parameter: Endpoint Reason: FIFO SQS Queues can not be subscribed to standard SNS topics']],
  ['error-invalid-protocol-malformed-endpoint', (topic) => ({ TopicArn: topic, Protocol: 'unsupported', Endpoint: 'not-an-arn' }),
    ['InvalidParameterException', 400, 'Invalid parameter: Amazon SNS does not support this protocol string: unsupported']],
  ['error-sqs-malformed-endpoint', (topic) => ({ TopicArn: topic, Protocol: 'sqs', Endpoint: 'not-an-arn' }),
    ['InvalidParameterException', 400, 'Invalid parameter: SQS endpoint ARN']],
  ['error-sqs-endpoint-sns-service', (topic) => ({ TopicArn: topic, Protocol: 'sqs', Endpoint: 'arn:aws:sns:us-west-2:000000000000:regional-policy' }),
    ['InvalidParameterException', 400, 'Invalid parameter: SQS endpoint ARN']],
  ['error-missing-topic-malformed-endpoint', (topic) => ({ TopicArn: `${topic}-absent`, Protocol: 'sqs', Endpoint: 'not-an-arn' }),
    ['NotFoundException', 404, 'Topic does not exist']],
  ['error-missing-topic-fifo-endpoint', (topic) => ({ TopicArn: `${topic}-absent`, Protocol: 'sqs', Endpoint: 'arn:aws:sqs:us-west-2:000000000000:regional.fifo' }),
    ['NotFoundException', 404, 'Topic does not exist']],
  ['error-topic-region-mismatch', (topic) => ({ TopicArn: topic.replace(':us-east-1:', ':us-west-2:'), Protocol: 'sqs', Endpoint: 'arn:aws:sqs:us-west-2:000000000000:regional-wrapped' }),
    ['InvalidParameterException', 400, 'Invalid parameter: TopicArn']],
];

for (const [label, input, [name, status, message]] of REFUSED) {
  test(`Subscribe refused: ${label} answers ${status} ${name.replace(/Exception$/, '')} "${message}" [${REGIONAL} ${label} (2026-09-22)]`, async (t) => {
    const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: unique('regional') }));
    const err = await t.throwsAsync(sns.send(new SubscribeCommand({ ...input(TopicArn!), ReturnSubscriptionArn: true }))) as Error & { $metadata: { httpStatusCode?: number } };
    t.deepEqual([err.name, err.$metadata.httpStatusCode, err.message], [name, status, message]);
  });
}
