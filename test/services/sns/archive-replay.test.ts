/**
 * FIFO message archiving and replay through the real clients (SNS → SQS over the real server):
 * a FIFO topic with an ArchivePolicy keeps what it accepts, and a subscription's ReplayPolicy
 * delivers it again, marked "Replayed", in publish order, with its filter policy and raw
 * delivery, then goes on live (or, after an EndingPoint, stays paused). Each row names its
 * source: native AWS captures in radkawar/stackd testdata/aws/sns/archive_replay.json
 * (2026-09-22, labels in brackets) and the AWS guide
 * https://docs.aws.amazon.com/sns/latest/dg/message-archiving-and-replay-subscriber.html.
 */
import test from 'ava';
import {
  CreateTopicCommand, GetSubscriptionAttributesCommand, GetTopicAttributesCommand, PublishCommand, SetSubscriptionAttributesCommand,
  SetTopicAttributesCommand, SNSClient, SubscribeCommand,
} from '@aws-sdk/client-sns';
import { CreateQueueCommand, DeleteMessageCommand, ReceiveMessageCommand, SQSClient, type Message } from '@aws-sdk/client-sqs';
import { CREDENTIALS, startBoltstack } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';

const CAP = 'radkawar/stackd testdata/aws/sns/archive_replay.json (2026-09-22)';

let server: Boltstack;
let sns: SNSClient;
let sqs: SQSClient;
let counter = 0;
const unique = (prefix: string): string => `${prefix}-${process.pid}-${counter++}`;

test.before(async () => {
  server = await startBoltstack();
  const config = { endpoint: server.endpoint, region: 'us-east-1', credentials: CREDENTIALS };
  sns = new SNSClient(config);
  sqs = new SQSClient(config);
});
test.after.always(async () => { sns?.destroy(); sqs?.destroy(); await server?.stop(); });

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function archivingTopic(): Promise<{ arn: string; began: string }> {
  const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: `${unique('archive')}.fifo`, Attributes: { FifoTopic: 'true' } }));
  await sns.send(new SetTopicAttributesCommand({ TopicArn, AttributeName: 'ArchivePolicy', AttributeValue: '{"MessageRetentionPeriod":1}' }));
  const began = (await sns.send(new GetTopicAttributesCommand({ TopicArn }))).Attributes!.BeginningArchiveTime!;
  return { arn: TopicArn!, began };
}

async function queue(fifo: boolean): Promise<{ url: string; arn: string }> {
  const name = fifo ? `${unique('q')}.fifo` : unique('q');
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: name, ...(fifo ? { Attributes: { FifoQueue: 'true' } } : {}) }));
  return { url: QueueUrl!, arn: `arn:aws:sqs:us-east-1:000000000000:${name}` };
}

async function publish(TopicArn: string, label: string, kind = 'keep', group = 'group-a'): Promise<{ MessageId: string; SequenceNumber: string }> {
  const out = await sns.send(new PublishCommand({
    TopicArn, Message: JSON.stringify({ label, kind }), Subject: 'archive-native', MessageGroupId: group, MessageDeduplicationId: `${label}-${counter++}`,
    MessageAttributes: { kind: { DataType: 'String', StringValue: kind }, number: { DataType: 'Number', StringValue: '12.50' } },
  }));
  return { MessageId: out.MessageId!, SequenceNumber: out.SequenceNumber! };
}

/** Receives (and deletes, so a FIFO group moves on) what `url` holds within `ms`. */
async function drain(url: string, ms = 1500): Promise<Message[]> {
  const out: Message[] = [];
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const r = await sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10, WaitTimeSeconds: 0, MessageAttributeNames: ['All'], MessageSystemAttributeNames: ['All'] }));
    out.push(...(r.Messages ?? []));
    for (const m of r.Messages ?? []) await sqs.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: m.ReceiptHandle! }));
    if ((r.Messages ?? []).length === 0) await sleep(100);
  }
  return out;
}

const status = async (SubscriptionArn: string): Promise<Record<string, string>> => (await sns.send(new GetSubscriptionAttributesCommand({ SubscriptionArn }))).Attributes!;

async function completed(SubscriptionArn: string): Promise<Record<string, string>> {
  for (let i = 0; i < 100; i++) {
    const attributes = await status(SubscriptionArn);
    if (attributes.ReplayStatus === 'Completed') return attributes;
    await sleep(50);
  }
  throw new Error('the replay did not complete');
}

const label = (m: Message, raw = false): string => (JSON.parse(raw ? m.Body! : (JSON.parse(m.Body!) as { Message: string }).Message) as { label: string }).label;

test(`archived messages are replayed, marked "Replayed", with their MessageId, SequenceNumber, Timestamp, group and dedup id, in publish order; the filter policy and raw delivery apply; live messages follow unmarked [${CAP} bounded-replay-00 receipts, identity_correlations, resumed-live-proof]`, async (t) => {
  const topic = await archivingTopic();
  const keep1 = await publish(topic.arn, 'keep-1');
  await publish(topic.arn, 'drop-1', 'drop');
  const keep2 = await publish(topic.arn, 'keep-2', 'keep', 'group-b');
  const [wrapped, raw, filtered] = [await queue(true), await queue(true), await queue(false)];
  const policy = JSON.stringify({ PointType: 'Timestamp', StartingPoint: topic.began });
  const subscribe = async (endpoint: string, attributes: Record<string, string>): Promise<string> =>
    (await sns.send(new SubscribeCommand({ TopicArn: topic.arn, Protocol: 'sqs', Endpoint: endpoint, Attributes: { ReplayPolicy: policy, ...attributes }, ReturnSubscriptionArn: true }))).SubscriptionArn!;
  const subs = [await subscribe(wrapped.arn, {}), await subscribe(raw.arn, { RawMessageDelivery: 'true' }), await subscribe(filtered.arn, { FilterPolicy: '{"kind":["keep"]}' })];
  for (const s of subs) t.like(await completed(s), { ReplayPolicy: policy, ReplayStatus: 'Completed' });

  const envelopes = (await drain(wrapped.url)).map((m) => ({ body: JSON.parse(m.Body!) as Record<string, unknown>, m }));
  t.deepEqual(envelopes.map((e) => label(e.m)), ['keep-1', 'drop-1', 'keep-2']);
  t.like(envelopes[0]!.body, { Type: 'Notification', MessageId: keep1.MessageId, SequenceNumber: keep1.SequenceNumber, Replayed: 'true', Subject: 'archive-native' });
  // The field's place in the envelope: right after SequenceNumber (bounded-replay-00 wrapped.fifo receipt).
  t.regex(envelopes[0]!.m.Body!, /"SequenceNumber" : "\d{20}",\n {2}"Replayed" : "true",\n {2}"TopicArn"/);
  t.like(envelopes[2]!.m.Attributes, { MessageGroupId: 'group-b' });
  t.true(envelopes[2]!.m.Attributes!.MessageDeduplicationId!.startsWith('keep-2-'));
  t.is(envelopes[2]!.body.MessageId, keep2.MessageId);
  const raws = await drain(raw.url);
  t.deepEqual(raws.map((m) => label(m, true)), ['keep-1', 'drop-1', 'keep-2'], 'raw: the message itself, no marker (bounded-replay-00 raw.fifo)');
  t.is(raws[0]!.MessageAttributes!.kind!.StringValue, 'keep');
  t.deepEqual((await drain(filtered.url)).map((m) => label(m)), ['keep-1', 'keep-2'], 'the filter policy applies to replayed messages');

  await publish(topic.arn, 'live-after');
  const live = await drain(wrapped.url);
  t.is(live.length, 1);
  t.is((JSON.parse(live[0]!.Body!) as Record<string, unknown>).Replayed, undefined, 'a live message is not marked');
  t.deepEqual((await drain(raw.url)).map((m) => label(m, true)), ['live-after']);
});

test(`an EndingPoint bounds the replay (both points included); the subscription then stays paused until a ReplayPolicy without EndingPoint catches it up [${CAP} exact-boundary-replay, boundary-final-status, bounded-repeat-after-completed, boundary-still-paused-before-resume, boundary-unbounded-catchup-0, boundary-live-after-resume]`, async (t) => {
  const topic = await archivingTopic();
  const boundary = await queue(false);
  const SubscriptionArn = (await sns.send(new SubscribeCommand({ TopicArn: topic.arn, Protocol: 'sqs', Endpoint: boundary.arn, ReturnSubscriptionArn: true }))).SubscriptionArn!;
  await publish(topic.arn, 'first');
  await publish(topic.arn, 'second');
  await publish(topic.arn, 'third');
  // The live copies, received to learn their Timestamps.
  const stamps = (await drain(boundary.url)).map((m) => JSON.parse(m.Body!) as { Timestamp: string; Message: string });
  t.is(stamps.length, 3);
  const [first, second] = stamps.map((s) => s.Timestamp);
  await sns.send(new SetSubscriptionAttributesCommand({ SubscriptionArn, AttributeName: 'ReplayPolicy', AttributeValue: JSON.stringify({ PointType: 'Timestamp', StartingPoint: first, EndingPoint: second }) }));
  await completed(SubscriptionArn);
  const bounded = await drain(boundary.url);
  t.deepEqual(bounded.map((m) => label(m)), ['first', 'second']);
  t.true(bounded.every((m) => (JSON.parse(m.Body!) as { Replayed?: string }).Replayed === 'true'));
  await publish(topic.arn, 'while-paused');
  t.deepEqual(await drain(boundary.url, 800), [], 'paused after a bounded replay');
  await sns.send(new SetSubscriptionAttributesCommand({ SubscriptionArn, AttributeName: 'ReplayPolicy', AttributeValue: JSON.stringify({ PointType: 'Timestamp', StartingPoint: second }) }));
  await completed(SubscriptionArn);
  const caughtUp = await drain(boundary.url);
  t.deepEqual(caughtUp.map((m) => label(m)), ['second', 'third', 'while-paused'], 'the message published while paused comes replayed');
  t.true(caughtUp.every((m) => (JSON.parse(m.Body!) as { Replayed?: string }).Replayed === 'true'));
  await publish(topic.arn, 'live-again');
  const live = await drain(boundary.url);
  t.deepEqual(live.map((m) => label(m)), ['live-again']);
  t.is((JSON.parse(live[0]!.Body!) as { Replayed?: string }).Replayed, undefined);
});

test(`a ReplayPolicy is refused in SNS's words; ReplayStatus cannot be set; "{}" cancels (neither attribute shown) [${CAP} invalid-replay-*, replay-invalid-json, replay-array, replay-status-read-only, cancel-empty-object, after-cancel, set-replay-archive-disabled, subscribe-replay-archive-disabled]`, async (t) => {
  const topic = await archivingTopic();
  const q = await queue(true);
  const SubscriptionArn = (await sns.send(new SubscribeCommand({ TopicArn: topic.arn, Protocol: 'sqs', Endpoint: q.arn, ReturnSubscriptionArn: true }))).SubscriptionArn!;
  const set = (AttributeName: string, AttributeValue: string) => sns.send(new SetSubscriptionAttributesCommand({ SubscriptionArn, AttributeName, AttributeValue }));
  const refused = async (name: string, value: string, message: string): Promise<void> => {
    const err = await t.throwsAsync(set(name, value));
    t.is(err?.name, 'InvalidParameterException', value);
    t.is(err?.message, message, value);
  };
  const start = topic.began;
  const later = new Date(Date.parse(start) + 50).toISOString();
  await sleep(60);
  const cases: Array<[object | string, string]> = [
    [{ StartingPoint: start }, 'JSON is missing required fields'],
    [{ PointType: 'Timestamp' }, 'JSON is missing required fields'],
    ['[]', 'JSON is missing required fields'],
    ['{', 'Unable to parse JSON'],
    [{ PointType: 'SequenceNumber', StartingPoint: start }, 'Invalid PointType'],
    [{ PointType: 'Timestamp', StartingPoint: 'yesterday' }, 'Invalid StartingPoint value'],
    [{ PointType: 'Timestamp', StartingPoint: '2099-01-01T00:00:00Z' }, 'Invalid StartingPoint value'],
    [{ PointType: 'Timestamp', StartingPoint: '2020-01-01T00:00:00Z' }, 'Invalid StartingPoint value'],
    [{ PointType: 'Timestamp', StartingPoint: 1790115600 }, 'Invalid StartingPoint value'],
    [{ PointType: 'Timestamp', StartingPoint: later, EndingPoint: start }, 'Invalid EndingPoint value'],
    [{ PointType: 'Timestamp', StartingPoint: start, EndingPoint: '2099-01-01T00:00:00Z' }, 'Invalid EndingPoint value'], // invalid-replay-future-ending
  ];
  for (const [policy, reason] of cases) await refused('ReplayPolicy', typeof policy === 'string' ? policy : JSON.stringify(policy), `Invalid parameter: ReplayPolicy: ${reason}`);
  await refused('ReplayStatus', 'Completed', 'Invalid parameter: AttributeName');
  t.false('ReplayPolicy' in await status(SubscriptionArn));

  const policy = JSON.stringify({ PointType: 'Timestamp', StartingPoint: start });
  await set('ReplayPolicy', policy);
  // The entries in AWS's order, the policy as given (bounded-initial-status-0).
  t.deepEqual(Object.entries(await completed(SubscriptionArn)).slice(0, 4), [
    ['SubscriptionPrincipal', 'arn:aws:iam::000000000000:root'], ['ReplayPolicy', policy], ['ReplayStatus', 'Completed'], ['Owner', '000000000000'],
  ]);
  await set('ReplayPolicy', '{}');
  const after = await status(SubscriptionArn);
  t.false('ReplayPolicy' in after);
  t.false('ReplayStatus' in after);

  await sns.send(new SetTopicAttributesCommand({ TopicArn: topic.arn, AttributeName: 'ArchivePolicy', AttributeValue: '{}' }));
  await refused('ReplayPolicy', JSON.stringify({ PointType: 'Timestamp', StartingPoint: start }), 'Invalid parameter: ReplayPolicy: Topic ArchivePolicy attribute is missing');
  const other = await queue(true);
  const err = await t.throwsAsync(sns.send(new SubscribeCommand({
    TopicArn: topic.arn, Protocol: 'sqs', Endpoint: other.arn, Attributes: { ReplayPolicy: JSON.stringify({ PointType: 'Timestamp', StartingPoint: start }) },
  })));
  t.is(err?.message, 'Invalid parameter: Attributes Reason: ReplayPolicy: Topic ArchivePolicy attribute is missing');
});

test(`turning archiving off and on again starts a new archive: a replay from before the new BeginningArchiveTime is refused, one after it replays only the new messages [${CAP} lifecycle-disable-clears-archive, lifecycle-second-archive-start, lifecycle-subscribe-old-range, lifecycle-subscribe-new-range, lifecycle-after-reenable-replay]`, async (t) => {
  const topic = await archivingTopic();
  await publish(topic.arn, 'old-archive');
  await sns.send(new SetTopicAttributesCommand({ TopicArn: topic.arn, AttributeName: 'ArchivePolicy', AttributeValue: '{}' }));
  await publish(topic.arn, 'gap');
  await sleep(5);
  await sns.send(new SetTopicAttributesCommand({ TopicArn: topic.arn, AttributeName: 'ArchivePolicy', AttributeValue: '{"MessageRetentionPeriod":1}' }));
  const began = (await sns.send(new GetTopicAttributesCommand({ TopicArn: topic.arn }))).Attributes!.BeginningArchiveTime!;
  t.true(began > topic.began);
  await publish(topic.arn, 'new-archive');
  const q = await queue(false);
  const old = await t.throwsAsync(sns.send(new SubscribeCommand({
    TopicArn: topic.arn, Protocol: 'sqs', Endpoint: q.arn, Attributes: { ReplayPolicy: JSON.stringify({ PointType: 'Timestamp', StartingPoint: topic.began }) },
  })));
  t.is(old?.message, 'Invalid parameter: Attributes Reason: ReplayPolicy: Invalid StartingPoint value');
  const SubscriptionArn = (await sns.send(new SubscribeCommand({
    TopicArn: topic.arn, Protocol: 'sqs', Endpoint: q.arn, ReturnSubscriptionArn: true, Attributes: { ReplayPolicy: JSON.stringify({ PointType: 'Timestamp', StartingPoint: began }) },
  }))).SubscriptionArn!;
  await completed(SubscriptionArn);
  t.deepEqual((await drain(q.url)).map((m) => label(m)), ['new-archive']);
});
