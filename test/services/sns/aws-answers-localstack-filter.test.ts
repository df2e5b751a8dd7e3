/**
 * Filter policies deciding deliveries, against AWS: the messages localstack's
 * tests/aws/services/sns/test_sns_filter_policy.py publishes and which of them AWS delivered
 * (its snapshot file and the assertions beside each recording). Through the SNS service with a
 * fake SQS that records deliveries (harness.ts).
 */
import test from 'ava';
import { snsHarness, type Harness } from './harness.js';

const PY = 'localstack/localstack tests/aws/services/sns/test_sns_filter_policy.py';

let h: Harness;
test.before(async () => { h = await snsHarness(); });
test.after.always(async () => { await h?.close(); });

let counter = 0;
interface Wired { topic: string; queue: string; subscription: string }
/** A topic with one SQS subscription holding `policy` in `scope` (raw delivery, as the tests set it). */
async function wire(policy: unknown, scope: 'MessageAttributes' | 'MessageBody', topic?: string): Promise<Wired> {
  const topicArn = topic ?? (await h.call<{ TopicArn: string }>('CreateTopic', { Name: `filter-${counter++}` })).TopicArn;
  const queue = `arn:aws:sqs:us-east-1:000000000000:filter-q-${counter++}`;
  const { SubscriptionArn } = await h.call<{ SubscriptionArn: string }>('Subscribe', { TopicArn: topicArn, Protocol: 'sqs', Endpoint: queue,
    Attributes: { FilterPolicyScope: scope, FilterPolicy: JSON.stringify(policy), RawMessageDelivery: 'true' } });
  return { topic: topicArn, queue, subscription: SubscriptionArn };
}
const publish = (topic: string, message: unknown, attributes?: Record<string, { DataType: string; StringValue: string }>): Promise<unknown> =>
  h.call('Publish', { TopicArn: topic, Message: typeof message === 'string' ? message : JSON.stringify(message), ...(attributes ? { MessageAttributes: attributes } : {}) });
const delivered = (queue: string): string[] => h.sqs.to(queue).map((d) => d.body);

test(`body scope: prefix or a value, and "exists": false on a nested and a top-level key; text and a JSON string never match [${PY}::TestSNSFilterPolicyBody::test_filter_policy_on_message_body (validated 2024-12-03)]`, async (t) => {
  const w = await wire({ object: { key: [{ prefix: 'auto-' }, 'hardcodedvalue'], nested_key: [{ exists: false }] }, test: [{ exists: false }] }, 'MessageBody');
  const pass = [{ object: { key: 'auto-test' } }, { object: { key: 'hardcodedvalue' } }];
  const fail = [{ object: { key: 'test-auto' } }, { object: { key: 'auto-test' }, test: 'just-exists' }, { object: { key: 'auto-test', nested_key: 'just-exists' } },
    { object: { test: 'auto-test' } }, { test: 'auto-test' }];
  for (const m of [...pass, ...fail]) await publish(w.topic, m);
  await publish(w.topic, 'Regular string message');
  await publish(w.topic, JSON.stringify('Regular string message'));
  t.deepEqual(delivered(w.queue), pass.map((m) => JSON.stringify(m)));
});

test(`body scope: a key with dots matches the nested path and the dotted key alike, at two and three levels [${PY}::TestSNSFilterPolicyBody::test_filter_policy_on_message_body_dot_attribute (validated 2024-12-03)]`, async (t) => {
  const two = await wire({ 'object.nested': ['string.value'] }, 'MessageBody');
  const twoPass = [{ object: { nested: 'string.value' } }, { 'object.nested': 'string.value' }];
  for (const m of [...twoPass, { object: { nested: 'test-auto' } }]) await publish(two.topic, m);
  t.deepEqual(delivered(two.queue), twoPass.map((m) => JSON.stringify(m)));
  const three = await wire({ 'object.nested.test': ['string.value'] }, 'MessageBody');
  const threePass = [{ object: { nested: { test: 'string.value' } } }, { 'object.nested.test': 'string.value' }, { 'object.nested': { test: 'string.value' } },
    { object: { 'nested.test': 'string.value' } }];
  for (const m of [...threePass, { object: { nested: { test: 'string.notvalue' } } }]) await publish(three.topic, m);
  t.deepEqual(delivered(three.queue), threePass.map((m) => JSON.stringify(m)));
});

test(`body scope: an array value matches when any element does; two subscriptions route by it [${PY}::TestSNSFilterPolicyBody::test_filter_policy_on_message_body_array_attributes (validated 2024-12-03)]`, async (t) => {
  const q1 = await wire({ headers: { 'route-to': ['queue1'] } }, 'MessageBody');
  const q2 = await wire({ headers: { 'route-to': ['queue2'] } }, 'MessageBody', q1.topic);
  const messages = [['queue3'], ['queue1'], ['queue2'], ['queue1', 'queue2']].map((to) => ({ headers: { 'route-to': to } }));
  for (const m of messages) await publish(q1.topic, m);
  t.deepEqual(delivered(q1.queue), [messages[1], messages[3]].map((m) => JSON.stringify(m)));
  t.deepEqual(delivered(q2.queue), [messages[2], messages[3]].map((m) => JSON.stringify(m)));
});

test(`body scope: arrays of objects (even a list of lists) are flattened, each condition met by any element [${PY}::TestSNSFilterPolicyBody::test_filter_policy_on_message_body_array_of_object_attributes (validated 2024-12-03)]`, async (t) => {
  const w = await wire({ Records: { s3: { object: { key: [{ prefix: 'auto-' }] } }, eventName: [{ prefix: 'ObjectCreated:' }] } }, 'MessageBody');
  const record = (eventName: string, key: string) => ({ eventSource: 'aws:s3', eventTime: '2022-11-21T03:41:29.743Z', eventName,
    s3: { bucket: { name: 'insurance-bucket-demo', arn: 'arn:aws:s3:::insurance-bucket-demo' }, object: { key, size: 17 } } });
  const multiple = { Records: [
    { eventSource: 'aws:s3', eventName: 'ObjectCreated:Put', s3: { object: [[{ key: 'auto-insurance-2314.xml', size: 17 }]] } },
    { eventSource: 'aws:s3', eventName: 'ObjectRemoved:Delete', s3: { object: { key: 'home-insurance-2314.xml', size: 17 } } },
  ] };
  const autoRemoved = { Records: [record('ObjectRemoved:Delete', 'auto-insurance-2314.xml')] };
  const homeCreated = { Records: [record('ObjectCreated:Put', 'home-insurance-2314.xml')] };
  const autoCreated = { Records: [record('ObjectCreated:Put', 'auto-insurance-2314.xml')] };
  for (const m of [multiple, autoRemoved, homeCreated, autoCreated]) await publish(w.topic, m);
  t.deepEqual(delivered(w.queue), [multiple, autoCreated].map((m) => JSON.stringify(m)));
});

test(`attributes scope: "exists": true needs the attribute; a String.Array attribute matches when one element does [${PY}::TestSNSFilterPolicyAttributes::test_exists_filter_policy, test_exists_filter_policy_attributes_array (validated 2024-05-14)]`, async (t) => {
  const exists = await wire({ store: [{ exists: true }] }, 'MessageAttributes');
  await publish(exists.topic, 'message-1', { store: { DataType: 'Number', StringValue: '99' }, def: { DataType: 'Number', StringValue: '99' } });
  await publish(exists.topic, 'message-2', { attr1: { DataType: 'Number', StringValue: '111' } });
  t.deepEqual(delivered(exists.queue), ['message-1']);
  const array = await wire({ store: ['value1'] }, 'MessageAttributes');
  await publish(array.topic, 'message-1', { store: { DataType: 'String', StringValue: 'value1' } });
  await publish(array.topic, 'message-2', { store: { DataType: 'String.Array', StringValue: JSON.stringify(['value1', 'value2']) } });
  await publish(array.topic, 'message-3', { store: { DataType: 'String.Array', StringValue: JSON.stringify(['value2', 'value3']) } });
  t.deepEqual(delivered(array.queue), ['message-1', 'message-2']);
});

test(`attributes scope: a numeric range; [null, anything-but] drops a message without the attribute; an empty FilterPolicy lets all through [${PY}::TestSNSFilterPolicyAttributes::test_filter_policy (validated 2024-05-14)]`, async (t) => {
  const w = await wire({ attr1: [{ numeric: ['>', 0, '<=', 100] }] }, 'MessageAttributes');
  await publish(w.topic, 'This is a test message', { attr1: { DataType: 'Number', StringValue: '99' } });
  await publish(w.topic, 'This is another test message', { attr1: { DataType: 'Number', StringValue: '111' } });
  await h.call('SetSubscriptionAttributes', { SubscriptionArn: w.subscription, AttributeName: 'FilterPolicy', AttributeValue: JSON.stringify({ attr1: [null, { 'anything-but': 'whatever' }] }) });
  await publish(w.topic, 'This the test message for null');
  await h.call('SetSubscriptionAttributes', { SubscriptionArn: w.subscription, AttributeName: 'FilterPolicy', AttributeValue: '' });
  const attributes = await h.call<{ Attributes: Record<string, string> }>('GetSubscriptionAttributes', { SubscriptionArn: w.subscription });
  t.false('FilterPolicy' in attributes.Attributes);
  await publish(w.topic, 'This the test message for null, again');
  t.deepEqual(delivered(w.queue), ['This is a test message', 'This the test message for null, again']);
});

test(`PublishBatch entries are filtered per subscription like Publish [${PY}::TestSNSFilterPolicyBody::test_filter_policy_for_batch (validated 2024-12-03)]`, async (t) => {
  const filtered = await wire({ attr1: [{ numeric: ['>', 0, '<=', 100] }] }, 'MessageAttributes');
  const open = `arn:aws:sqs:us-east-1:000000000000:filter-open-${counter++}`;
  await h.call('Subscribe', { TopicArn: filtered.topic, Protocol: 'sqs', Endpoint: open, Attributes: { RawMessageDelivery: 'true' } });
  for (const [message, value] of [['This is a test message', '99'], ['This is another test message', '111']] as const) {
    await h.call('PublishBatch', { TopicArn: filtered.topic, PublishBatchRequestEntries: [{ Id: '1', Message: message, MessageAttributes: { attr1: { DataType: 'Number', StringValue: value } } }] });
  }
  t.deepEqual(delivered(filtered.queue), ['This is a test message']);
  t.deepEqual(delivered(open), ['This is a test message', 'This is another test message']);
});
