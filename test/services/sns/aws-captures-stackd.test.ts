/**
 * SNS against raw captures of native AWS (us-east-1, 2026-09) stored in radkawar/stackd
 * testdata/aws/sns/*.json: each row cites the file and the label of its `observations` entry.
 * Query protocol (what the AWS CLI spoke); each error row compares the status, Code and exact
 * message. Where a capture disagrees with an older source pinned elsewhere, the capture wins.
 */
import test from 'ava';
import { startBoltstack } from '../../helpers/server.js';
import { queryPost, queryValue, xmlValue, xmlValues } from '../../helpers/query-client.js';
import type { Boltstack } from '../../../src/index.js';

const CAP = 'radkawar/stackd testdata/aws/sns';

let server: Boltstack;
let counter = 0;
const unique = (prefix: string): string => `${prefix}-${process.pid}-${counter++}`;

interface Fixtures { fifo: string; standard: string }
let fx: Fixtures;

const sns = (params: Record<string, string>) => queryPost(server.endpoint, { service: 'sns', params });
const value = (params: Record<string, string>, service: 'sns' | 'sqs', element: string): Promise<string> => queryValue(server.endpoint, service, params, element);
const fifoTopic = (): Promise<string> => value({ Action: 'CreateTopic', Name: `${unique('cap')}.fifo`, 'Attributes.entry.1.key': 'FifoTopic', 'Attributes.entry.1.value': 'true' }, 'sns', 'TopicArn');

test.before(async () => {
  server = await startBoltstack();
  fx = { fifo: await fifoTopic(), standard: await value({ Action: 'CreateTopic', Name: unique('cap-std') }, 'sns', 'TopicArn') };
});
test.after.always(async () => { await server?.stop(); });

interface Row { name: string; source: string; params: (f: Fixtures) => Record<string, string>; status: number; code: string; message: string }
const INVALID = { status: 400, code: 'InvalidParameter' };

/** PublishBatch entries as query parameters. */
function batch(topic: string, entries: Array<Record<string, string>>): Record<string, string> {
  const params: Record<string, string> = { Action: 'PublishBatch', TopicArn: topic };
  entries.forEach((entry, i) => {
    for (const [k, v] of Object.entries(entry)) params[`PublishBatchRequestEntries.member.${i + 1}.${k}`] = v;
  });
  return params;
}
const good = (id: string): Record<string, string> => ({ Id: 'good', Message: id, MessageGroupId: 'g', MessageDeduplicationId: id });
const EDGES = `${CAP}/fifo_edges.json`;
const FIFO = `${CAP}/fifo.json`;
const SUBJECT = `${CAP}/subject_structure.json`;
const ADMISSION = `${CAP}/admission.json`;
const cbd = (v: string): Row => ({
  name: `SetTopicAttributes ContentBasedDeduplication ${JSON.stringify(v)}`, source: `${EDGES} boolean-${v} (2026-09-22)`,
  params: (f) => ({ Action: 'SetTopicAttributes', TopicArn: f.fifo, AttributeName: 'ContentBasedDeduplication', AttributeValue: v }), ...INVALID,
  message: `Invalid parameter: ContentBasedDeduplication: Invalid value [${v}]. Must be true or false.`,
});

const rows: Row[] = [
  { name: 'Subscribe lambda to a FIFO topic', source: `${EDGES} fifo-lambda (2026-09-22)`,
    params: (f) => ({ Action: 'Subscribe', TopicArn: f.fifo, Protocol: 'lambda', Endpoint: 'arn:aws:lambda:us-east-1:000000000000:function:missing' }), ...INVALID,
    message: 'Invalid parameter: Invalid protocol type: lambda' },
  cbd('1'), cbd('yes'), cbd('nonsense'), cbd(''),
  { name: 'PublishBatch to a FIFO topic, one entry without a deduplication id: the whole call', source: `${EDGES} batch-missing-dedup (2026-09-22)`,
    params: (f) => batch(f.fifo, [good('good-missing-dedup'), { Id: 'bad', Message: 'x', MessageGroupId: 'g' }]), ...INVALID,
    message: 'Invalid parameter: The topic should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly' },
  { name: 'PublishBatch to a FIFO topic, one entry with a deduplication id with a space: the whole call', source: `${EDGES} batch-invalid-dedup (2026-09-22)`,
    params: (f) => batch(f.fifo, [good('good-invalid-dedup'), { Id: 'bad', Message: 'x', MessageGroupId: 'g', MessageDeduplicationId: 'with space' }]), ...INVALID,
    message: 'Invalid parameter: The MessageDeduplicationId parameter can only include alphanumeric and punctuation characters. 1 to 128 in length' },
  { name: 'PublishBatch to a FIFO topic, one entry with an empty message: the whole call', source: `${EDGES} batch-empty-message (2026-09-22)`,
    params: (f) => batch(f.fifo, [good('good-empty-message'), { Id: 'bad', Message: '', MessageGroupId: 'g', MessageDeduplicationId: 'bad' }]), ...INVALID,
    message: 'Invalid parameter: Empty message' },
  { name: 'PublishBatch to a FIFO topic, one entry with an empty Subject: the whole call', source: `${EDGES} batch-subject (2026-09-22)`,
    params: (f) => batch(f.fifo, [good('good-subject'), { Id: 'bad', Message: 'x', Subject: '', MessageGroupId: 'g', MessageDeduplicationId: 'bad' }]), ...INVALID,
    message: 'Invalid parameter: Subject' },
  ...['FifoTopic', 'ContentBasedDeduplication', 'FifoThroughputScope'].map((name): Row => ({
    name: `SetTopicAttributes ${name} on a standard topic`, source: `${FIFO} standard-${name} (2026-09-22)`,
    params: (f) => ({ Action: 'SetTopicAttributes', TopicArn: f.standard, AttributeName: name, AttributeValue: name === 'FifoThroughputScope' ? 'Topic' : 'true' }),
    ...INVALID, message: 'Invalid parameter: AttributeName' })),
  { name: 'SetTopicAttributes FifoTopic false on a FIFO topic', source: `${FIFO} set-FifoTopic-false (2026-09-22)`,
    params: (f) => ({ Action: 'SetTopicAttributes', TopicArn: f.fifo, AttributeName: 'FifoTopic', AttributeValue: 'false' }), ...INVALID,
    message: 'Invalid parameter: FifoTopic: Modifying topic type is not supported' },
  { name: 'SetTopicAttributes FifoThroughputScope "bad"', source: `${FIFO} set-FifoThroughputScope-bad (2026-09-22)`,
    params: (f) => ({ Action: 'SetTopicAttributes', TopicArn: f.fifo, AttributeName: 'FifoThroughputScope', AttributeValue: 'bad' }), ...INVALID,
    message: 'Invalid parameter: Invalid FifoThroughputScope: bad' },
  { name: 'CreateTopic with a .fifo name but no FifoTopic', source: `${FIFO} create-missing.fifo (2026-09-22)`,
    params: () => ({ Action: 'CreateTopic', Name: `${unique('cap')}.fifo` }), ...INVALID, message: 'Invalid parameter: Topic Name' },
  { name: 'CreateTopic with a .fifo name and FifoTopic false', source: `${FIFO} create-false.fifo (2026-09-22)`,
    params: () => ({ Action: 'CreateTopic', Name: `${unique('cap')}.fifo`, 'Attributes.entry.1.key': 'FifoTopic', 'Attributes.entry.1.value': 'false' }),
    ...INVALID, message: 'Invalid parameter: Topic Name' },
  { name: 'Subscribe a FIFO queue to a standard topic', source: `${FIFO} standard-to-fifo (2026-09-22)`,
    params: (f) => ({ Action: 'Subscribe', TopicArn: f.standard, Protocol: 'sqs', Endpoint: 'arn:aws:sqs:us-east-1:000000000000:cap-any.fifo' }), ...INVALID,
    message: 'Invalid parameter: Invalid parameter: Endpoint Reason: FIFO SQS Queues can not be subscribed to standard SNS topics' },
  { name: 'Publish with a 101-character Subject', source: `${SUBJECT} subject-ascii-101 (2026-09-14)`,
    params: (f) => ({ Action: 'Publish', TopicArn: f.standard, Message: 'x', Subject: 'a'.repeat(101) }), ...INVALID, message: 'Invalid parameter: Subject' },
  { name: 'Publish with a Subject of 51 emoji (102 UTF-16 units)', source: `${SUBJECT} subject-emoji-51 (2026-09-14)`,
    params: (f) => ({ Action: 'Publish', TopicArn: f.standard, Message: 'x', Subject: '\u{1F600}'.repeat(51) }), ...INVALID, message: 'Invalid parameter: Subject' },
  { name: 'Publish with an empty Subject', source: `${SUBJECT} subject-empty (2026-09-14)`,
    params: (f) => ({ Action: 'Publish', TopicArn: f.standard, Message: 'x', Subject: '' }), ...INVALID, message: 'Invalid parameter: Subject' },
  ...['{"default": {"value": 17}}', '{"default": [17]}'].map((message): Row => ({
    name: `Publish json-structured ${message}`, source: `${SUBJECT} default-object / default-array (2026-09-14)`,
    params: (f) => ({ Action: 'Publish', TopicArn: f.standard, Message: message, MessageStructure: 'json' }), ...INVALID,
    message: 'Invalid parameter: Message Structure - No default entry in JSON message body' })),
  { name: 'Publish with a Number attribute 1e-100000', source: `${ADMISSION} number-admission-single-underflow (2026-09-14)`,
    params: (f) => ({ Action: 'Publish', TopicArn: f.standard, Message: 'x', 'MessageAttributes.entry.1.Name': 'numeric',
      'MessageAttributes.entry.1.Value.DataType': 'Number', 'MessageAttributes.entry.1.Value.StringValue': '1e-100000' }),
    status: 400, code: 'ParameterValueInvalid', message: "Message attribute 'numeric' number value [1e-100000] scale must be 10^-128 and 10^126." },
];

for (const row of rows) {
  test(`${row.name} [${row.source}]`, async (t) => {
    const reply = await sns(row.params(fx));
    t.is(reply.status, row.status, reply.body);
    t.is(xmlValue(reply.body, 'Code'), row.code);
    t.is(xmlValue(reply.body, 'Message'), row.message);
  });
}

test(`FIFO topic: ContentBasedDeduplication "FALSE" is accepted; a JSON-structured batch entry and a content-deduplicated structured publish succeed [${EDGES} boolean-FALSE, batch-structure, content-structured (2026-09-22)]`, async (t) => {
  const topic = await fifoTopic();
  const set = await sns({ Action: 'SetTopicAttributes', TopicArn: topic, AttributeName: 'ContentBasedDeduplication', AttributeValue: 'FALSE' });
  t.is(set.status, 200, set.body);
  const structured = await sns(batch(topic, [good('good-structure'),
    { Id: 'bad', Message: '{"default":"x"}', MessageStructure: 'json', MessageGroupId: 'g', MessageDeduplicationId: 'struct' }]));
  t.is(structured.status, 200, structured.body);
  t.deepEqual(xmlValues(structured.body, 'Id'), ['good', 'bad']);
  await sns({ Action: 'SetTopicAttributes', TopicArn: topic, AttributeName: 'ContentBasedDeduplication', AttributeValue: 'true' });
  const content = await sns({ Action: 'Publish', TopicArn: topic, Message: '{"default":"x","sqs":"y"}', MessageStructure: 'json', MessageGroupId: 'g' });
  t.is(content.status, 200, content.body);
  t.truthy(xmlValue(content.body, 'SequenceNumber'));
});

test(`FIFO topic: deduplication is topic-wide, across groups, and a filtered-out publish still claims its id [${EDGES} topic-first, topic-other-group, filtered-first, filtered-duplicate, filter-receive0 (2026-09-22)]`, async (t) => {
  const topic = await fifoTopic();
  const publish = async (message: string, group: string, dedup: string, kind?: string): Promise<{ id?: string; seq?: string }> => {
    const reply = await sns({ Action: 'Publish', TopicArn: topic, Message: message, MessageGroupId: group, MessageDeduplicationId: dedup,
      ...(kind !== undefined ? { 'MessageAttributes.entry.1.Name': 'kind', 'MessageAttributes.entry.1.Value.DataType': 'String', 'MessageAttributes.entry.1.Value.StringValue': kind } : {}) });
    t.is(reply.status, 200, reply.body);
    return { id: xmlValue(reply.body, 'MessageId'), seq: xmlValue(reply.body, 'SequenceNumber') };
  };
  const first = await publish('topic-first', 'g1', 'same');
  t.deepEqual(await publish('other', 'g2', 'same'), first);
  const queueName = `${unique('cap-q')}.fifo`;
  const url = await value({ Action: 'CreateQueue', QueueName: queueName, 'Attribute.1.Name': 'FifoQueue', 'Attribute.1.Value': 'true' }, 'sqs', 'QueueUrl');
  const sub = await sns({ Action: 'Subscribe', TopicArn: topic, Protocol: 'sqs', Endpoint: `arn:aws:sqs:us-east-1:000000000000:${queueName}`,
    'Attributes.entry.1.key': 'RawMessageDelivery', 'Attributes.entry.1.value': 'true', 'Attributes.entry.2.key': 'FilterPolicy', 'Attributes.entry.2.value': '{"kind": ["yes"]}' });
  t.is(sub.status, 200, sub.body);
  const filtered = await publish('filtered', 'g', 'filtered', 'no');
  t.deepEqual(await publish('matched-duplicate', 'g', 'filtered', 'yes'), filtered);
  await publish('matched-next', 'g', 'matched', 'yes');
  const received = await queryPost(server.endpoint, { service: 'sqs', params: { Action: 'ReceiveMessage', QueueUrl: url, MaxNumberOfMessages: '10', WaitTimeSeconds: '1' } });
  t.deepEqual(xmlValues(received.body, 'Body'), ['matched-next']);
});

test(`FIFO topic: FifoTopic "True" creates one; FifoTopic true may be set again; FifoThroughputScope MessageGroup cannot go back to Topic; GetTopicAttributes then [${FIFO} create-upper.fifo, set-FifoTopic-true, set-FifoThroughputScope-*, set-ContentBasedDeduplication-*, fifo-attributes (2026-09-22)]`, async (t) => {
  const created = await sns({ Action: 'CreateTopic', Name: `${unique('cap')}.fifo`, 'Attributes.entry.1.key': 'FifoTopic', 'Attributes.entry.1.value': 'True' });
  t.is(created.status, 200, created.body);
  const topic = xmlValue(created.body, 'TopicArn')!;
  const set = (name: string, v: string) => sns({ Action: 'SetTopicAttributes', TopicArn: topic, AttributeName: name, AttributeValue: v });
  t.is((await set('FifoTopic', 'true')).status, 200);
  for (const v of ['True', 'true', 'false']) t.is((await set('ContentBasedDeduplication', v)).status, 200);
  t.is((await set('FifoThroughputScope', 'MessageGroup')).status, 200);
  const back = await set('FifoThroughputScope', 'Topic');
  t.is(back.status, 400);
  t.is(xmlValue(back.body, 'Message'), 'Invalid parameter: Modifying FifoThroughputScope from MessageGroup to Topic is not supported');
  const attrs = await sns({ Action: 'GetTopicAttributes', TopicArn: topic });
  const keys = xmlValues(attrs.body, 'key');
  const values = xmlValues(attrs.body, 'value');
  const got = Object.fromEntries(keys.map((k, i) => [k, values[i]]));
  t.like(got, { FifoTopic: 'true', ContentBasedDeduplication: 'false', FifoThroughputScope: 'MessageGroup', SubscriptionsDeleted: '0', DisplayName: '' });
});

test(`FIFO topic with FifoThroughputScope MessageGroup: deduplication is per group; the wrapped notification of a json-structured message has no SequenceNumber [${FIFO} set-FifoThroughputScope-MessageGroup, structured, first, duplicate-same, duplicate-other-group, next, initial-00 (2026-09-22)]`, async (t) => {
  const topic = await fifoTopic();
  t.is((await sns({ Action: 'SetTopicAttributes', TopicArn: topic, AttributeName: 'FifoThroughputScope', AttributeValue: 'MessageGroup' })).status, 200);
  const queueName = `${unique('cap-w')}.fifo`;
  const url = await value({ Action: 'CreateQueue', QueueName: queueName, 'Attribute.1.Name': 'FifoQueue', 'Attribute.1.Value': 'true' }, 'sqs', 'QueueUrl');
  const sub = await sns({ Action: 'Subscribe', TopicArn: topic, Protocol: 'sqs', Endpoint: `arn:aws:sqs:us-east-1:000000000000:${queueName}` });
  const subscriptionArn = xmlValue(sub.body, 'SubscriptionArn')!;
  const publish = async (extra: Record<string, string>): Promise<{ id?: string; seq?: string }> => {
    const reply = await sns({ Action: 'Publish', TopicArn: topic, ...extra });
    t.is(reply.status, 200, reply.body);
    return { id: xmlValue(reply.body, 'MessageId'), seq: xmlValue(reply.body, 'SequenceNumber') };
  };
  const structured = await publish({ Message: '{"default": "x", "sqs": "y"}', MessageStructure: 'json', MessageGroupId: 'g', MessageDeduplicationId: 'structured' });
  const first = await publish({ Message: 'one', MessageGroupId: 'g1', MessageDeduplicationId: 'same' });
  t.deepEqual(await publish({ Message: 'two', MessageGroupId: 'g1', MessageDeduplicationId: 'same' }), first);
  const other = await publish({ Message: 'three', MessageGroupId: 'g2', MessageDeduplicationId: 'same' });
  t.not(other.id, first.id);
  t.not(other.seq, first.seq);
  const received = await queryPost(server.endpoint, { service: 'sqs', params: {
    Action: 'ReceiveMessage', QueueUrl: url, MaxNumberOfMessages: '10', 'MessageSystemAttributeName.1': 'All' } });
  const bodies = xmlValues(received.body, 'Body').map((b) => JSON.parse(b.replace(/&quot;/g, '"').replace(/&#xD;/g, '\r').replace(/&#10;/g, '\n').replace(/&amp;/g, '&')) as Record<string, unknown>);
  // The queue (deduplication scope: queue) drops "three": its deduplication id "same" came with "one".
  t.deepEqual(bodies.map((b) => b.Message), ['y', 'one']);
  t.deepEqual(Object.keys(bodies[0]!), ['Type', 'MessageId', 'TopicArn', 'Message', 'Timestamp', 'UnsubscribeURL']);
  t.like(bodies[0], { Type: 'Notification', MessageId: structured.id });
  t.deepEqual(Object.keys(bodies[1]!), ['Type', 'MessageId', 'SequenceNumber', 'TopicArn', 'Message', 'Timestamp', 'UnsubscribeURL']);
  t.like(bodies[1], { SequenceNumber: first.seq });
  // The ARN unescaped in the UnsubscribeURL, as AWS writes it.
  t.true((bodies[1]!.UnsubscribeURL as string).endsWith(`/?Action=Unsubscribe&SubscriptionArn=${subscriptionArn}`), bodies[1]!.UnsubscribeURL as string);
});

test(`Publish accepts a Subject of 100 characters, 100 CJK characters or 50 emoji, and a json-structured default that is a number, null or empty [${SUBJECT} subject-ascii-100, subject-unicode-100, subject-emoji-50, default-number, default-null, default-empty, sqs-empty (2026-09-14)]`, async (t) => {
  const cases: Array<Record<string, string>> = [{ Subject: 'a'.repeat(100) }, { Subject: '\u754c'.repeat(100) }, { Subject: '\u{1F600}'.repeat(50) },
    { Message: '{"default": 17}', MessageStructure: 'json' }, { Message: '{"default": null}', MessageStructure: 'json' },
    { Message: '{"default": ""}', MessageStructure: 'json' }, { Message: '{"default": "fallback", "sqs": ""}', MessageStructure: 'json' }];
  for (const params of cases) {
    const reply = await sns({ Action: 'Publish', TopicArn: fx.standard, Message: 'x', ...params });
    t.is(reply.status, 200, `${JSON.stringify(params)}: ${reply.body}`);
  }
});

test(`PublishBatch to a standard topic: a Subject with a newline and an empty message fail only their entries [${ADMISSION} mixed-batch-error-boundary (2026-09-14)]`, async (t) => {
  const reply = await sns(batch(fx.standard, [{ Id: 'valid', Message: 'ok' }, { Id: 'newline_subject', Message: 'x', Subject: 'invalid\nsubject' }, { Id: 'empty_message', Message: '' }]));
  t.is(reply.status, 200, reply.body);
  t.deepEqual(xmlValues(reply.body, 'Id'), ['valid', 'newline_subject', 'empty_message']);
  t.deepEqual(xmlValues(reply.body, 'Message'), ['Invalid parameter: Subject', 'Invalid parameter: Empty message']);
  t.deepEqual(xmlValues(reply.body, 'Code'), ['InvalidParameter', 'InvalidParameter']);
});
