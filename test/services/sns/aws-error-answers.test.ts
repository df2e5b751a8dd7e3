/**
 * SNS's answers to the mistakes users make, row by row against what real AWS answered: each row
 * is one query-protocol request and AWS's status, code and exact message, with the localstack
 * snapshot key that recorded it (tests/aws/services/sns/test_sns.snapshot.json: botocore's view
 * of AWS's XML answer, recorded against AWS on the date given).
 */
import test from 'ava';
import { startBoltstack } from '../../helpers/server.js';
import { queryPost, queryValue, xmlValue } from '../../helpers/query-client.js';
import type { Boltstack } from '../../../src/index.js';

const SNAP = 'localstack tests/aws/services/sns/test_sns.snapshot.json';

let server: Boltstack;
let counter = 0;
const unique = (prefix: string): string => `${prefix}-${process.pid}-${counter++}`;

interface Fixtures { topic: string; fifo: string; subscription: string; queueArn: string }
let fx: Fixtures;

async function sns(params: Record<string, string>): Promise<{ status: number; body: string }> {
  return queryPost(server.endpoint, { service: 'sns', params });
}

const value = (params: Record<string, string>, service: 'sns' | 'sqs', element: string): Promise<string> => queryValue(server.endpoint, service, params, element);

test.before(async () => {
  server = await startBoltstack();
  const topic = await value({ Action: 'CreateTopic', Name: unique('ans') }, 'sns', 'TopicArn');
  const fifo = await value({ Action: 'CreateTopic', Name: `${unique('ans')}.fifo`, 'Attributes.entry.1.key': 'FifoTopic', 'Attributes.entry.1.value': 'true' }, 'sns', 'TopicArn');
  const queueName = unique('ans-q');
  await value({ Action: 'CreateQueue', QueueName: queueName }, 'sqs', 'QueueUrl');
  const queueArn = `arn:aws:sqs:us-east-1:000000000000:${queueName}`;
  const subscription = await value({ Action: 'Subscribe', TopicArn: topic, Protocol: 'sqs', Endpoint: queueArn }, 'sns', 'SubscriptionArn');
  fx = { topic, fifo, subscription, queueArn };
});
test.after.always(async () => { await server?.stop(); });

/** One message attribute, as the query protocol spells it. */
const attribute = (name: string, type: string, field: 'StringValue' | 'BinaryValue', v: string): Record<string, string> => ({
  'MessageAttributes.entry.1.Name': name, 'MessageAttributes.entry.1.Value.DataType': type, [`MessageAttributes.entry.1.Value.${field}`]: v,
});
const base64 = (text: string): string => Buffer.from(text).toString('base64');

interface Row {
  name: string;
  source: string;
  params: (f: Fixtures) => Record<string, string>;
  status: number;
  code: string;
  message: string;
}

const publishWith = (attrs: Record<string, string>) => (f: Fixtures) => ({ Action: 'Publish', TopicArn: f.topic, Message: 'test message', ...attrs });
const ATTRS = `${SNAP} test_empty_or_wrong_message_attributes (2024-11-15)`;
const PVI = { status: 400, code: 'ParameterValueInvalid' };
const INVALID = { status: 400, code: 'InvalidParameter' };
const PREFIXES = "The message attribute 'attr1' has an invalid message attribute type, the set of supported type prefixes is Binary, Number, and String.";

const ROWS: Row[] = [
  // Publish: message attributes
  { name: 'an empty String value', source: `${ATTRS} "missing_string_attr"`, params: publishWith(attribute('attr1', 'String', 'StringValue', '')), ...PVI,
    message: "The message attribute 'attr1' must contain non-empty message attribute value for message attribute type 'String'." },
  { name: 'an empty Binary value', source: `${ATTRS} "missing_binary_attr"`, params: publishWith(attribute('attr1', 'Binary', 'BinaryValue', '')), ...PVI,
    message: "The message attribute 'attr1' must contain non-empty message attribute value for message attribute type 'Binary'." },
  { name: 'a String attribute given a BinaryValue', source: `${ATTRS} "str_attr_binary_value"`, params: publishWith(attribute('attr1', 'String', 'BinaryValue', base64('123'))),
    ...PVI, message: "The message attribute 'attr1' with type 'String' must use field 'String'." },
  { name: 'a Number attribute given a BinaryValue', source: `${ATTRS} "int_attr_binary_value"`, params: publishWith(attribute('attr1', 'Number', 'BinaryValue', base64('123'))),
    ...PVI, message: "The message attribute 'attr1' with type 'Number' must use field 'String'." },
  { name: 'a Binary attribute given a StringValue', source: `${ATTRS} "binary_attr_string_value"`, params: publishWith(attribute('attr1', 'Binary', 'StringValue', '123')),
    ...PVI, message: "The message attribute 'attr1' with type 'Binary' must use field 'Binary'." },
  { name: 'an unknown type', source: `${ATTRS} "invalid_attr_string_value"`, params: publishWith(attribute('attr1', 'InvalidType', 'StringValue', '123')),
    ...PVI, message: PREFIXES },
  { name: 'a 257-character name', source: `${ATTRS} "too_long_name"`, params: publishWith(attribute('a'.repeat(257), 'String', 'StringValue', '123')),
    ...PVI, message: 'Length of message attribute name must be less than 256 bytes.' },
  { name: 'a name with ^', source: `${ATTRS} "invalid_name"`, params: publishWith(attribute('a^*?', 'String', 'StringValue', '123')), ...PVI,
    message: "Invalid non-alphanumeric character '#x5E' was found in the message attribute name. Can only include alphanumeric characters, hyphens, underscores, or dots." },
  { name: 'a name starting with a dot', source: `${ATTRS} "invalid_name_2"`, params: publishWith(attribute('.abc', 'String', 'StringValue', '123')), ...PVI,
    message: "Invalid message attribute name starting with character '.' was found." },
  { name: 'a name ending with a dot', source: `${ATTRS} "invalid_name_3"`, params: publishWith(attribute('abc.', 'String', 'StringValue', '123')), ...PVI,
    message: "Invalid message attribute name ending with character '.' was found." },
  { name: 'a name with two dots in a row', source: `${ATTRS} "invalid_name_4"`, params: publishWith(attribute('a..bc', 'String', 'StringValue', '123')), ...PVI,
    message: "Message attribute name can not have successive '.' character." },
  { name: 'type "String." (a custom type with an empty label)', source: `${SNAP} test_message_attributes_prefixes "publish-error" (2023-08-24)`,
    params: publishWith(attribute('attr1', 'String.', 'StringValue', 'prefixed-1')), ...PVI, message: PREFIXES },
  { name: 'type "Stringprefixed" (no dot)', source: `${SNAP} test_message_attributes_prefixes "publish-error-2" (2023-08-24)`,
    params: publishWith(attribute('attr1', 'Stringprefixed', 'StringValue', 'prefixed-1')), ...PVI, message: PREFIXES },
  { name: 'PublishBatch with an entry whose attribute is empty: the whole call fails', source: `${ATTRS} "batch-missing_string_attr"`,
    params: (f) => ({ Action: 'PublishBatch', TopicArn: f.topic,
      'PublishBatchRequestEntries.member.1.Id': '1', 'PublishBatchRequestEntries.member.1.Message': 'test-batch',
      'PublishBatchRequestEntries.member.1.MessageAttributes.entry.1.Name': 'attr1',
      'PublishBatchRequestEntries.member.1.MessageAttributes.entry.1.Value.DataType': 'String',
      'PublishBatchRequestEntries.member.1.MessageAttributes.entry.1.Value.StringValue': '',
      'PublishBatchRequestEntries.member.2.Id': '2', 'PublishBatchRequestEntries.member.2.Message': 'valid-batch' }), ...PVI,
    message: "The message attribute 'attr1' must contain non-empty message attribute value for message attribute type 'String'." },
  // Publish: target, message, structure, FIFO
  { name: 'a TopicArn of one element', source: `${SNAP} test_publish_wrong_arn_format "invalid-topic-arn" (2024-03-11)`,
    params: () => ({ Action: 'Publish', TopicArn: 'randomstring', Message: 'Good news everyone!' }), ...INVALID,
    message: 'Invalid parameter: TopicArn Reason: An ARN must have at least 6 elements, not 1' },
  { name: 'a TopicArn of two elements', source: `${SNAP} test_publish_wrong_arn_format "invalid-topic-arn-1" (2024-03-11)`,
    params: () => ({ Action: 'Publish', TopicArn: 'randomstring:1', Message: 'Good news everyone!' }), ...INVALID,
    message: 'Invalid parameter: TopicArn Reason: An ARN must have at least 6 elements, not 2' },
  { name: 'an empty TopicArn', source: `${SNAP} test_publish_wrong_arn_format "empty-topic" (2024-03-11)`,
    params: () => ({ Action: 'Publish', TopicArn: '', Message: 'Good news everyone!' }), ...INVALID,
    message: 'Invalid parameter: TopicArn Reason: An ARN must have at least 6 elements, not 1' },
  { name: 'a topic that does not exist', source: `${SNAP} test_unknown_topic_publish "error" (2023-08-24)`,
    params: (f) => ({ Action: 'Publish', TopicArn: `${f.topic}-fake`, Message: 'x' }), status: 404, code: 'NotFound', message: 'Topic does not exist' },
  { name: 'a platform endpoint that does not exist', source: `${SNAP} test_publish_non_existent_target (2023-08-24)`,
    params: () => ({ Action: 'Publish', TargetArn: 'arn:aws:sns:us-east-1:000000000000:endpoint/APNS/abcdef/0f7d5971-aa8b-4bd5-b585-0826e9f93a66', Message: 'push' }),
    ...INVALID, message: 'Invalid parameter: TargetArn Reason: No endpoint found for the target arn specified' },
  { name: 'an empty Subject', source: `${SNAP} test_publish_with_empty_subject (2023-08-24)`,
    params: (f) => ({ Action: 'Publish', TopicArn: f.topic, Message: 'x', Subject: '' }), ...INVALID, message: 'Invalid parameter: Subject' },
  { name: 'an empty message', source: `${SNAP} test_empty_sns_message (2023-08-24)`,
    params: (f) => ({ Action: 'Publish', TopicArn: f.topic, Message: '' }), ...INVALID, message: 'Invalid parameter: Empty message' },
  { name: 'a message over 256 KiB', source: `${SNAP} test_publish_too_long_message (2024-09-04)`,
    params: (f) => ({ Action: 'Publish', TopicArn: f.topic, Message: 'x'.repeat(262_145) }), ...INVALID, message: 'Invalid parameter: Message too long' },
  { name: 'MessageStructure json without default', source: `${SNAP} test_message_structure_json_exc "missing-default-key" (2023-08-24)`,
    params: (f) => ({ Action: 'Publish', TopicArn: f.topic, Message: '{"sqs":"x"}', MessageStructure: 'json' }), ...INVALID,
    message: 'Invalid parameter: Message Structure - No default entry in JSON message body' },
  { name: 'MessageStructure json that does not parse', source: `${SNAP} test_message_structure_json_exc "invalid-json" (2023-08-24)`,
    params: (f) => ({ Action: 'Publish', TopicArn: f.topic, Message: '{"default": "x"', MessageStructure: 'json' }), ...INVALID,
    message: 'Invalid parameter: Message Structure - JSON message body failed to parse' },
  { name: 'FIFO topic without MessageGroupId', source: `${SNAP} test_publish_batch_exceptions "no-group-id" (2023-08-24), as Publish`,
    params: (f) => ({ Action: 'Publish', TopicArn: f.fifo, Message: 'x' }), ...INVALID,
    message: 'Invalid parameter: The MessageGroupId parameter is required for FIFO topics' },
  { name: 'PublishBatch on FIFO without MessageGroupId: the whole call fails', source: `${SNAP} test_publish_batch_exceptions "no-group-id" (2023-08-24)`,
    params: (f) => ({ Action: 'PublishBatch', TopicArn: f.fifo, 'PublishBatchRequestEntries.member.1.Id': '1', 'PublishBatchRequestEntries.member.1.Message': 'no group' }),
    ...INVALID, message: 'Invalid parameter: The MessageGroupId parameter is required for FIFO topics' },
  { name: 'PublishBatch on FIFO without a deduplication id', source: `${SNAP} test_publish_batch_exceptions "no-dedup-id" (2023-08-24)`,
    params: (f) => ({ Action: 'PublishBatch', TopicArn: f.fifo, 'PublishBatchRequestEntries.member.1.Id': '1',
      'PublishBatchRequestEntries.member.1.Message': 'no dedup', 'PublishBatchRequestEntries.member.1.MessageGroupId': 'msg1' }), ...INVALID,
    message: 'Invalid parameter: The topic should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly' },
  { name: 'PublishBatch with MessageStructure json without default', source: `${SNAP} test_publish_batch_exceptions "no-default-key-json" (2023-08-24)`,
    params: (f) => ({ Action: 'PublishBatch', TopicArn: f.fifo, 'PublishBatchRequestEntries.member.1.Id': '1',
      'PublishBatchRequestEntries.member.1.Message': '{"sqs": "test sqs"}', 'PublishBatchRequestEntries.member.1.MessageStructure': 'json' }), ...INVALID,
    message: 'Invalid parameter: Message Structure - No default entry in JSON message body' },
  { name: 'PublishBatch with eleven entries', source: `${SNAP} test_publish_batch_exceptions "too-many-msg" (2023-08-24)`,
    params: (f) => {
      const p: Record<string, string> = { Action: 'PublishBatch', TopicArn: f.fifo };
      for (let i = 1; i <= 11; i++) { p[`PublishBatchRequestEntries.member.${i}.Id`] = `Id_${i}`; p[`PublishBatchRequestEntries.member.${i}.Message`] = 'Too many'; }
      return p;
    }, status: 400, code: 'TooManyEntriesInBatchRequest', message: 'The batch request contains more entries than permissible.' },
  { name: 'PublishBatch with an id twice', source: `${SNAP} test_publish_batch_exceptions "same-msg-id" (2023-08-24)`,
    params: (f) => ({ Action: 'PublishBatch', TopicArn: f.fifo, 'PublishBatchRequestEntries.member.1.Id': '1', 'PublishBatchRequestEntries.member.1.Message': 'a',
      'PublishBatchRequestEntries.member.2.Id': '1', 'PublishBatchRequestEntries.member.2.Message': 'a' }),
    status: 400, code: 'BatchEntryIdsNotDistinct', message: 'Two or more batch entries in the request have the same Id.' },
  // Topics
  { name: 'GetTopicAttributes of a topic that does not exist', source: `${SNAP} test_create_topic_with_attributes "get-attrs-nonexistent-topic" (2023-10-06)`,
    params: (f) => ({ Action: 'GetTopicAttributes', TopicArn: `${f.topic}-gone` }), status: 404, code: 'NotFound', message: 'Topic does not exist' },
  { name: 'GetTopicAttributes of a name, not an ARN', source: `${SNAP} test_create_topic_with_attributes "get-attrs-malformed-topic" (2023-10-06)`,
    params: () => ({ Action: 'GetTopicAttributes', TopicArn: 'test-topic' }), ...INVALID,
    message: 'Invalid parameter: TopicArn Reason: An ARN must have at least 6 elements, not 1' },
  { name: 'TagResource with a key twice', source: `${SNAP} test_tags "duplicate-key-error" (2023-08-24)`,
    params: (f) => ({ Action: 'TagResource', ResourceArn: f.topic, 'Tags.member.1.Key': 'k1', 'Tags.member.1.Value': 'v1',
      'Tags.member.2.Key': 'k2', 'Tags.member.2.Value': 'v2', 'Tags.member.3.Key': 'k2', 'Tags.member.3.Value': 'v2' }), ...INVALID,
    message: 'Invalid parameter: Duplicated keys are not allowed.' },
  // Subscriptions
  { name: 'Subscribe with an unknown protocol', source: `${SNAP} test_subscribe_with_invalid_protocol (2025-10-06)`,
    params: (f) => ({ Action: 'Subscribe', TopicArn: f.topic, Protocol: 'test-protocol', Endpoint: 'x' }), ...INVALID,
    message: 'Invalid parameter: Amazon SNS does not support this protocol string: test-protocol' },
  { name: 'Subscribe to a TopicArn of one element', source: `${SNAP} test_subscribe_with_invalid_topic "invalid-subscribe-arn-1" (2025-10-06)`,
    params: (f) => ({ Action: 'Subscribe', TopicArn: 'randomstring', Protocol: 'sqs', Endpoint: f.queueArn }), ...INVALID,
    message: 'Invalid parameter: TopicArn Reason: An ARN must have at least 6 elements, not 1' },
  { name: 'Subscribe to a TopicArn of five elements', source: `${SNAP} test_subscribe_with_invalid_topic "invalid-subscribe-arn-2" (2025-10-06)`,
    params: (f) => ({ Action: 'Subscribe', TopicArn: 'arn:aws:sns:us-east-1:random', Protocol: 'sqs', Endpoint: f.queueArn }), ...INVALID,
    message: 'Invalid parameter: TopicArn Reason: An ARN must have at least 6 elements, not 5' },
  { name: 'Subscribe to a topic that does not exist', source: `${SNAP} test_subscribe_unknown_topic (2025-10-06)`,
    params: (f) => ({ Action: 'Subscribe', TopicArn: `${f.topic}-gone`, Protocol: 'sqs', Endpoint: f.queueArn }), status: 404, code: 'NotFound',
    message: 'Topic does not exist' },
  { name: 'Subscribe an SQS queue by its URL', source: `${SNAP} test_subscribe_to_sqs_with_queue_url (2023-08-24)`,
    params: (f) => ({ Action: 'Subscribe', TopicArn: f.topic, Protocol: 'sqs', Endpoint: 'http://localhost:4566/000000000000/queue' }), ...INVALID,
    message: 'Invalid parameter: SQS endpoint ARN' },
  { name: 'Subscribe with RawMessageDelivery "wrongvalue"', source: `${SNAP} test_create_subscriptions_with_attributes "subscribe-wrong-attr" (2025-10-06)`,
    params: (f) => ({ Action: 'Subscribe', TopicArn: f.topic, Protocol: 'sqs', Endpoint: f.queueArn,
      'Attributes.entry.1.key': 'RawMessageDelivery', 'Attributes.entry.1.value': 'wrongvalue' }), ...INVALID,
    message: 'Invalid parameter: Attributes Reason: RawMessageDelivery: Invalid value [wrongvalue]. Must be true or false.' },
  { name: 'SetSubscriptionAttributes of an unknown name', source: `${SNAP} test_validate_set_sub_attributes "fake-attribute" (2025-10-06)`,
    params: (f) => ({ Action: 'SetSubscriptionAttributes', SubscriptionArn: f.subscription, AttributeName: 'FakeAttribute', AttributeValue: 'test-value' }), ...INVALID,
    message: 'Invalid parameter: AttributeName' },
  { name: 'RawMessageDelivery "test-ValUe"', source: `${SNAP} test_validate_set_sub_attributes "raw-message-wrong-value" (2025-10-06)`,
    params: (f) => ({ Action: 'SetSubscriptionAttributes', SubscriptionArn: f.subscription, AttributeName: 'RawMessageDelivery', AttributeValue: 'test-ValUe' }), ...INVALID,
    message: 'Invalid parameter: RawMessageDelivery: Invalid value [test-ValUe]. Must be true or false.' },
  { name: 'RawMessageDelivery empty', source: `${SNAP} test_validate_set_sub_attributes "raw-message-empty-value" (2025-10-06)`,
    params: (f) => ({ Action: 'SetSubscriptionAttributes', SubscriptionArn: f.subscription, AttributeName: 'RawMessageDelivery', AttributeValue: '' }), ...INVALID,
    message: 'Invalid parameter: RawMessageDelivery: Invalid value []. Must be true or false.' },
  { name: 'a RedrivePolicy whose target is not an ARN', source: `${SNAP} test_validate_set_sub_attributes "fake-arn-redrive-policy" (2025-10-06)`,
    params: (f) => ({ Action: 'SetSubscriptionAttributes', SubscriptionArn: f.subscription, AttributeName: 'RedrivePolicy', AttributeValue: '{"deadLetterTargetArn": "fake-arn"}' }),
    ...INVALID, message: 'Invalid parameter: RedrivePolicy: deadLetterTargetArn is an invalid arn' },
  { name: 'Subscribe again with other attributes', source: `${SNAP} test_subscribe_idempotency "subscribe-diff-attributes" (2025-10-06)`,
    params: (f) => ({ Action: 'Subscribe', TopicArn: f.topic, Protocol: 'sqs', Endpoint: f.queueArn,
      'Attributes.entry.1.key': 'RawMessageDelivery', 'Attributes.entry.1.value': 'true' }), ...INVALID,
    message: 'Invalid parameter: Attributes Reason: Subscription already exists with different attributes' },
  { name: 'Unsubscribe of a word', source: `${SNAP} test_unsubscribe_wrong_arn_format "invalid-unsubscribe-arn-1" (2025-10-06)`,
    params: () => ({ Action: 'Unsubscribe', SubscriptionArn: 'randomstring' }), ...INVALID,
    message: 'Invalid parameter: SubscriptionArn Reason: An ARN must have at least 6 elements, not 1' },
  { name: 'Unsubscribe of an ARN of five elements', source: `${SNAP} test_unsubscribe_wrong_arn_format "invalid-unsubscribe-arn-2" (2025-10-06)`,
    params: () => ({ Action: 'Unsubscribe', SubscriptionArn: 'arn:aws:sns:us-east-1:random' }), ...INVALID,
    message: 'Invalid parameter: SubscriptionArn Reason: An ARN must have at least 6 elements, not 5' },
  { name: 'Unsubscribe of an ARN without a subscription id', source: `${SNAP} test_unsubscribe_wrong_arn_format "invalid-unsubscribe-arn-3" (2025-10-06)`,
    params: () => ({ Action: 'Unsubscribe', SubscriptionArn: 'arn:aws:sns:us-east-1:111111111111:random' }), ...INVALID,
    message: 'Invalid parameter: SubscriptionId' },
  { name: 'Unsubscribe of an empty ARN', source: `${SNAP} test_unsubscribe_wrong_arn_format "invalid-unsubscribe-arn-4" (2025-10-06)`,
    params: () => ({ Action: 'Unsubscribe', SubscriptionArn: '' }), ...INVALID,
    message: 'Invalid parameter: SubscriptionArn Reason: no value for required parameter' },
  { name: 'ConfirmSubscription on a topic that does not exist', source: `${SNAP} test_sns_confirm_subscription_wrong_token "topic-not-exists" (2025-10-06)`,
    params: (f) => ({ Action: 'ConfirmSubscription', TopicArn: `${f.topic.slice(0, -1)}i`, Token: '51b2ff3edb475b7d91550e0ab6edf0c1de2a34e6ebaf6c2262a001bcb7e051c4' }),
    ...INVALID, message: 'Invalid parameter: Token' },
  { name: 'ConfirmSubscription with a token that is not hex', source: `${SNAP} test_sns_confirm_subscription_wrong_token "invalid-token" (2025-10-06)`,
    params: (f) => ({ Action: 'ConfirmSubscription', TopicArn: f.topic, Token: 'randomtoken' }), ...INVALID, message: 'Invalid token' },
  { name: 'ConfirmSubscription with a token never sent', source: `${SNAP} test_sns_confirm_subscription_wrong_token "token-not-exists" (2025-10-06)`,
    params: (f) => ({ Action: 'ConfirmSubscription', TopicArn: f.topic, Token: '51b2ff3edb475b7d91550e0ab6edf0c1de2a34e6ebaf6c2262a001bcb7e051c4' }),
    ...INVALID, message: 'Invalid parameter: Token' },
];

for (const row of ROWS) {
  test(`${row.name} [${row.source}]`, async (t) => {
    const answer = await sns(row.params(fx));
    t.is(answer.status, row.status, answer.body);
    t.is(xmlValue(answer.body, 'Type'), 'Sender');
    t.is(xmlValue(answer.body, 'Code'), row.code);
    t.is(xmlValue(answer.body, 'Message'), row.message);
  });
}

test(`Unsubscribe twice: the second is not an error [${SNAP} test_unsubscribe_from_non_existing_subscription "empty-unsubscribe", test_unsubscribe_idempotency (2025-10-06)]`, async (t) => {
  const queueName = unique('ans-unsub');
  await value({ Action: 'CreateQueue', QueueName: queueName }, 'sqs', 'QueueUrl');
  const arn = await value({ Action: 'Subscribe', TopicArn: fx.topic, Protocol: 'sqs', Endpoint: `arn:aws:sqs:us-east-1:000000000000:${queueName}` }, 'sns', 'SubscriptionArn');
  t.is((await sns({ Action: 'Unsubscribe', SubscriptionArn: arn })).status, 200);
  const again = await sns({ Action: 'Unsubscribe', SubscriptionArn: arn });
  t.is(again.status, 200, again.body);
  t.regex(again.body, /^<UnsubscribeResponse /);
});

test(`Publish and PublishBatch from another region to a topic ARN of us-east-1 [${SNAP} test_topic_publish_another_region "error", "error-batch" (2023-11-17)]`, async (t) => {
  const publish = await queryPost(server.endpoint, { service: 'sns', region: 'eu-west-1', params: { Action: 'Publish', TopicArn: fx.topic, Message: 'x' } });
  t.is(publish.status, 400, publish.body);
  t.is(xmlValue(publish.body, 'Code'), 'InvalidParameter');
  t.is(xmlValue(publish.body, 'Message'), 'Invalid parameter: TopicArn');
  const batch = await queryPost(server.endpoint, { service: 'sns', region: 'eu-west-1', params: {
    Action: 'PublishBatch', TopicArn: fx.topic, 'PublishBatchRequestEntries.member.1.Id': '1', 'PublishBatchRequestEntries.member.1.Message': 'x' } });
  t.is(batch.status, 400, batch.body);
  t.is(xmlValue(batch.body, 'Message'), 'Invalid parameter: TopicArn');
});

test(`topic operations from another region to a topic ARN of us-east-1 [${SNAP} test_cross_region_access (2025-05-28)]`, async (t) => {
  const calls: Array<Record<string, string>> = [
    { Action: 'SetTopicAttributes', TopicArn: fx.topic, AttributeName: 'DisplayName', AttributeValue: 'x' },
    { Action: 'GetTopicAttributes', TopicArn: fx.topic },
    { Action: 'Subscribe', TopicArn: fx.topic, Protocol: 'sqs', Endpoint: fx.queueArn },
    { Action: 'ListSubscriptionsByTopic', TopicArn: fx.topic },
    { Action: 'DeleteTopic', TopicArn: fx.topic },
  ];
  for (const params of calls) {
    const answer = await queryPost(server.endpoint, { service: 'sns', region: 'eu-west-1', params });
    t.is(answer.status, 400, `${params.Action}: ${answer.body}`);
    t.is(xmlValue(answer.body, 'Code'), 'InvalidParameter', params.Action);
    t.is(xmlValue(answer.body, 'Message'), 'Invalid parameter: TopicArn', params.Action);
  }
  // Still there for its own region.
  t.is((await sns({ Action: 'GetTopicAttributes', TopicArn: fx.topic })).status, 200);
});

test(`RedrivePolicy: a FIFO subscription needs a FIFO dead-letter queue, a standard queue on a FIFO topic does not [${SNAP} test_validations_for_fifo (2025-08-18)]`, async (t) => {
  const fifoQueue = `${unique('ans-fq')}.fifo`;
  const plainQueue = unique('ans-pq');
  await value({ Action: 'CreateQueue', QueueName: fifoQueue, 'Attribute.1.Name': 'FifoQueue', 'Attribute.1.Value': 'true' }, 'sqs', 'QueueUrl');
  await value({ Action: 'CreateQueue', QueueName: plainQueue }, 'sqs', 'QueueUrl');
  const arnOf = (name: string): string => `arn:aws:sqs:us-east-1:000000000000:${name}`;
  const fifoSub = await value({ Action: 'Subscribe', TopicArn: fx.fifo, Protocol: 'sqs', Endpoint: arnOf(fifoQueue) }, 'sns', 'SubscriptionArn');
  const refused = await sns({ Action: 'SetSubscriptionAttributes', SubscriptionArn: fifoSub, AttributeName: 'RedrivePolicy',
    AttributeValue: JSON.stringify({ deadLetterTargetArn: fx.queueArn }) });
  t.is(refused.status, 400, refused.body);
  t.is(xmlValue(refused.body, 'Code'), 'InvalidParameter');
  t.is(xmlValue(refused.body, 'Message'), 'Invalid parameter: RedrivePolicy: must use a FIFO queue as DLQ for a FIFO Subscription to a FIFO Topic.');
  // "not-fifo-queue": a standard queue may subscribe to a FIFO topic, and keep a standard DLQ.
  const plainSub = await value({ Action: 'Subscribe', TopicArn: fx.fifo, Protocol: 'sqs', Endpoint: arnOf(plainQueue) }, 'sns', 'SubscriptionArn');
  const accepted = await sns({ Action: 'SetSubscriptionAttributes', SubscriptionArn: plainSub, AttributeName: 'RedrivePolicy',
    AttributeValue: JSON.stringify({ deadLetterTargetArn: fx.queueArn }) });
  t.is(accepted.status, 200, accepted.body);
});

test(`Publish with MessageGroupId to a standard topic reaches its standard queue with the group id [${SNAP} test_publish_message_group_id (2025-08-18); AWS what's new 2025-07-31, SNS standard topics and SQS fair queues]`, async (t) => {
  const queueName = unique('ans-fair');
  const queueUrl = await value({ Action: 'CreateQueue', QueueName: queueName }, 'sqs', 'QueueUrl');
  const topic = await value({ Action: 'CreateTopic', Name: unique('ans-fair') }, 'sns', 'TopicArn');
  await value({ Action: 'Subscribe', TopicArn: topic, Protocol: 'sqs', Endpoint: `arn:aws:sqs:us-east-1:000000000000:${queueName}` }, 'sns', 'SubscriptionArn');
  const published = await sns({ Action: 'Publish', TopicArn: topic, Message: 'fair', MessageGroupId: 'my-group-id-1' });
  t.is(published.status, 200, published.body);
  t.is(xmlValue(published.body, 'SequenceNumber'), undefined);
  const received = await queryPost(server.endpoint, { service: 'sqs', params: { Action: 'ReceiveMessage', QueueUrl: queueUrl, 'AttributeName.1': 'All' } });
  t.regex(received.body, /<Attribute><Name>MessageGroupId<\/Name><Value>my-group-id-1<\/Value><\/Attribute>/);
  const badGroup = await sns({ Action: 'Publish', TopicArn: topic, Message: 'fair', MessageGroupId: 'x'.repeat(129) });
  t.is(badGroup.status, 400, badGroup.body);
});
