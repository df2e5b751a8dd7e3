/**
 * GetTopicAttributes as native AWS answers it on the wire (us-east-1, 2026-09-22), against raw
 * captures in radkawar/stackd testdata/aws/sns: the entries' order with user-set attributes
 * (feedback roles, KmsMasterKeyId, TracingConfig) and FIFO ones, and message archiving's
 * ArchivePolicy/BeginningArchiveTime through enabling, re-creating and disabling. Query protocol
 * over the real server; each test cites the file and the labels of its `observations` entries.
 */
import test from 'ava';
import { startBoltstack } from '../../helpers/server.js';
import { queryPost, queryValue, xmlValue, xmlValues } from '../../helpers/query-client.js';
import type { Boltstack } from '../../../src/index.js';

const CAP = 'radkawar/stackd testdata/aws/sns';
const ARCHIVE_CREATE = `${CAP}/archive_create.json`;

let server: Boltstack;
let counter = 0;
const unique = (prefix: string): string => `${prefix}-${process.pid}-${counter++}`;

test.before(async () => { server = await startBoltstack(); });
test.after.always(async () => { await server?.stop(); });

const sns = (params: Record<string, string>) => queryPost(server.endpoint, { service: 'sns', params });
const createTopic = (name: string, attributes: Record<string, string> = {}): Promise<string> => {
  const params: Record<string, string> = { Action: 'CreateTopic', Name: name };
  Object.entries(attributes).forEach(([k, v], i) => { params[`Attributes.entry.${i + 1}.key`] = k; params[`Attributes.entry.${i + 1}.value`] = v; });
  return queryValue(server.endpoint, 'sns', params, 'TopicArn');
};
const set = async (topic: string, name: string, value: string): Promise<void> => {
  const answer = await sns({ Action: 'SetTopicAttributes', TopicArn: topic, AttributeName: name, AttributeValue: value });
  if (answer.status !== 200) throw new Error(answer.body);
};
/** The attributes as the wire lists them, in that order. */
const attributes = async (topic: string): Promise<Array<[string, string]>> => {
  const { body } = await sns({ Action: 'GetTopicAttributes', TopicArn: topic });
  const values = xmlValues(body, 'value');
  return xmlValues(body, 'key').map((k, i) => [k, values[i]!]);
};
const names = async (topic: string): Promise<string[]> => (await attributes(topic)).map(([k]) => k);

const STANDARD = ['Policy', 'Owner', 'SubscriptionsPending', 'TopicArn', 'EffectiveDeliveryPolicy', 'SubscriptionsConfirmed', 'DisplayName', 'SubscriptionsDeleted'];
const FIFO = ['Policy', 'Owner', 'SubscriptionsPending', 'TopicArn', 'EffectiveDeliveryPolicy', 'SubscriptionsConfirmed', 'FifoTopic', 'DisplayName', 'ContentBasedDeduplication', 'SubscriptionsDeleted'];
const ARCHIVED = ['Policy', 'Owner', 'SubscriptionsPending', 'TopicArn', 'EffectiveDeliveryPolicy', 'SubscriptionsConfirmed', 'FifoTopic', 'BeginningArchiveTime',
  'DisplayName', 'ContentBasedDeduplication', 'SubscriptionsDeleted', 'ArchivePolicy'];

test(`GetTopicAttributes lists a set attribute where AWS does: a feedback role after TopicArn, KmsMasterKeyId before it, TracingConfig before EffectiveDeliveryPolicy; FIFO ones among the rest [${CAP}/feedback_sampling.json role-only-attributes; encryption.json standard-attributes, fifo-attributes, get-key-0; tracing.json read-tracing-standard-'active' (2026-09-22/23)]`, async (t) => {
  const standard = await createTopic(unique('order'));
  t.deepEqual(await names(standard), STANDARD);
  await set(standard, 'SQSSuccessFeedbackRoleArn', 'arn:aws:iam::000000000000:role/feedback');
  t.deepEqual(await names(standard), ['Policy', 'Owner', 'SubscriptionsPending', 'TopicArn', 'SQSSuccessFeedbackRoleArn', 'EffectiveDeliveryPolicy',
    'SubscriptionsConfirmed', 'DisplayName', 'SubscriptionsDeleted']);
  await set(standard, 'SQSSuccessFeedbackRoleArn', '');
  await set(standard, 'KmsMasterKeyId', 'nonsense');
  t.deepEqual(await names(standard), ['Policy', 'Owner', 'SubscriptionsPending', 'KmsMasterKeyId', 'TopicArn', 'EffectiveDeliveryPolicy',
    'SubscriptionsConfirmed', 'DisplayName', 'SubscriptionsDeleted']);
  await set(standard, 'KmsMasterKeyId', '');
  t.deepEqual(await names(standard), STANDARD);
  await set(standard, 'TracingConfig', 'Active');
  t.deepEqual(await names(standard), ['Policy', 'Owner', 'SubscriptionsPending', 'TopicArn', 'TracingConfig', 'EffectiveDeliveryPolicy',
    'SubscriptionsConfirmed', 'DisplayName', 'SubscriptionsDeleted']);

  const fifo = await createTopic(`${unique('order')}.fifo`, { FifoTopic: 'true', ContentBasedDeduplication: 'true', KmsMasterKeyId: '64f34e8b-b857-49fb-ad92-f11b5af3c809' });
  const shown = await attributes(fifo);
  t.deepEqual(shown.map(([k]) => k), ['Policy', 'Owner', 'SubscriptionsPending', 'KmsMasterKeyId', 'TopicArn', 'EffectiveDeliveryPolicy', 'SubscriptionsConfirmed',
    'FifoTopic', 'DisplayName', 'ContentBasedDeduplication', 'SubscriptionsDeleted']);
  t.like(Object.fromEntries(shown), { KmsMasterKeyId: '64f34e8b-b857-49fb-ad92-f11b5af3c809', FifoTopic: 'true', ContentBasedDeduplication: 'true', DisplayName: '' });
});

const ISO_MS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const POLICY = '{"MessageRetentionPeriod":1}';

for (const mode of ['inline', 'later'] as const) {
  test(`ArchivePolicy set ${mode === 'inline' ? 'in CreateTopic' : 'by SetTopicAttributes'}: BeginningArchiveTime appears with it; CreateTopic naming any ArchivePolicy again is refused, without one it answers the ARN; "{}" turns archiving off and both go [${ARCHIVE_CREATE} ${mode}-create, ${mode}-enable, ${mode}-attributes, ${mode}-duplicate-same/string/whitespace/omitted, ${mode}-after-duplicates, ${mode}-disable, ${mode}-duplicate-disabled-empty/omitted, ${mode}-disabled-attributes (2026-09-22)]`, async (t) => {
    const name = `${unique('archive')}.fifo`;
    const before = Date.now();
    const topic = await createTopic(name, mode === 'inline' ? { FifoTopic: 'true', ArchivePolicy: POLICY } : { FifoTopic: 'true' });
    if (mode === 'later') {
      t.deepEqual(await names(topic), FIFO);
      await set(topic, 'ArchivePolicy', POLICY);
    }
    const enabled = Object.fromEntries(await attributes(topic));
    t.deepEqual(Object.keys(enabled), ARCHIVED);
    t.is(enabled.ArchivePolicy, POLICY);
    t.regex(enabled.BeginningArchiveTime!, ISO_MS);
    t.true(Date.parse(enabled.BeginningArchiveTime!) >= before - 1 && Date.parse(enabled.BeginningArchiveTime!) <= Date.now());

    for (const policy of [POLICY, '{"MessageRetentionPeriod":"1"}', '{ "MessageRetentionPeriod" : 1 }']) {
      const params: Record<string, string> = { Action: 'CreateTopic', Name: name, 'Attributes.entry.1.key': 'FifoTopic', 'Attributes.entry.1.value': 'true',
        'Attributes.entry.2.key': 'ArchivePolicy', 'Attributes.entry.2.value': policy };
      const answer = await sns(params);
      t.is(answer.status, 400, policy);
      t.deepEqual([xmlValue(answer.body, 'Code'), xmlValue(answer.body, 'Message')],
        ['InvalidParameter', 'Invalid parameter: Attributes Reason: Topic already exists with different attributes']);
    }
    t.is(await createTopic(name, { FifoTopic: 'true' }), topic);
    t.deepEqual(Object.fromEntries(await attributes(topic)), enabled);

    await set(topic, 'ArchivePolicy', '{}');
    t.is(await createTopic(name, { FifoTopic: 'true', ArchivePolicy: '{}' }), topic);
    t.is(await createTopic(name, { FifoTopic: 'true' }), topic);
    t.deepEqual(await names(topic), FIFO);
  });
}

const ARCHIVE_REPLAY = `${CAP}/archive_replay.json`;

test(`ArchivePolicy's MessageRetentionPeriod: "1" as a string is taken (archiving goes on from when it began), 0, -1 and 366 are refused in AWS's words; a topic with an ArchivePolicy cannot be deleted; BeginningArchiveTime cannot be set [${ARCHIVE_REPLAY} archive-enabled, delete-enabled-archive-refusal, beginning-archive-read-only, archive-retention-string, after-retention-string, archive-retention-zero, archive-retention-negative, archive-retention-above-maximum, -fractional, -boolean, -null, -maximum, after-retention-*, archive-unknown, archive-invalid-json, archive-array, standard-archive-refusal (2026-09-22)]`, async (t) => {
  const topic = await createTopic(`${unique('retention')}.fifo`, { FifoTopic: 'true' });
  await set(topic, 'ArchivePolicy', POLICY);
  const began = Object.fromEntries(await attributes(topic)).BeginningArchiveTime;
  const refused = async (params: Record<string, string>, code: string, message: string): Promise<void> => {
    const answer = await sns(params);
    t.is(answer.status, 400, answer.body);
    t.deepEqual([xmlValue(answer.body, 'Code'), xmlValue(answer.body, 'Message')], [code, message]);
  };
  await refused({ Action: 'DeleteTopic', TopicArn: topic }, 'InvalidState', 'Invalid state: Cannot delete a topic with an ArchivePolicy');
  await refused({ Action: 'SetTopicAttributes', TopicArn: topic, AttributeName: 'BeginningArchiveTime', AttributeValue: '2026-09-22T00:00:00Z' }, 'InvalidParameter', 'Invalid parameter: AttributeName');
  await set(topic, 'ArchivePolicy', '{"MessageRetentionPeriod":"1"}');
  t.like(Object.fromEntries(await attributes(topic)), { ArchivePolicy: '{"MessageRetentionPeriod":"1"}', BeginningArchiveTime: began });
  for (const days of ['0', '-1', '366']) {
    await refused({ Action: 'SetTopicAttributes', TopicArn: topic, AttributeName: 'ArchivePolicy', AttributeValue: `{"MessageRetentionPeriod":${days}}` },
      'InvalidParameter', 'Invalid parameter: ArchivePolicy: MessageRetentionPeriod value is invalid');
  }
  for (const [policy, reason] of [['{"MessageRetentionPeriod":1.5}', 'MessageRetentionPeriod value is invalid'], ['{"MessageRetentionPeriod":true}', 'MessageRetentionPeriod value is invalid'],
    ['{"MessageRetentionPeriod":null}', 'MessageRetentionPeriod value is invalid'], ['{"Other":1}', 'JSON is missing required fields'], ['[]', 'JSON is missing required fields'],
    ['{', 'Unable to parse JSON']] as const) {
    await refused({ Action: 'SetTopicAttributes', TopicArn: topic, AttributeName: 'ArchivePolicy', AttributeValue: policy }, 'InvalidParameter', `Invalid parameter: ArchivePolicy: ${reason}`);
  }
  t.is(Object.fromEntries(await attributes(topic)).ArchivePolicy, '{"MessageRetentionPeriod":"1"}');
  await set(topic, 'ArchivePolicy', '{"MessageRetentionPeriod":365}');
  t.like(Object.fromEntries(await attributes(topic)), { ArchivePolicy: '{"MessageRetentionPeriod":365}', BeginningArchiveTime: began });
  const standard = await createTopic(unique('retention'));
  await refused({ Action: 'SetTopicAttributes', TopicArn: standard, AttributeName: 'ArchivePolicy', AttributeValue: POLICY }, 'InvalidParameter', 'Invalid parameter: AttributeName');
  await set(topic, 'ArchivePolicy', '{}');
  t.is((await sns({ Action: 'DeleteTopic', TopicArn: topic })).status, 200);
});
