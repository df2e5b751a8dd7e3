/**
 * The archive as stored (in process, the in-memory store, a fake SQS recording deliveries): only
 * a topic that archives writes to it; messages past MessageRetentionPeriod are never replayed and
 * are removed; turning archiving off removes the archive; a replay cut short by a restart resumes
 * from where it got to. Sources: the AWS guide
 * https://docs.aws.amazon.com/sns/latest/dg/message-archiving-and-replay-topic-owner.html
 * (retention "from 1 to 365 days"), native AWS radkawar/stackd testdata/aws/sns/archive_replay.json
 * lifecycle-disable-clears-archive (2026-09-22). Serial: one row moves Date.now forward.
 */
import test from 'ava';
import { createMemoryStorage } from '../../../src/storage/memory/index.js';
import { createLogger } from '../../../src/log.js';
import { createSnsService } from '../../../src/services/sns/index.js';
import { ARCHIVE_PREFIX, REPLAY_PREFIX, SNS_NS, prefixRange } from '../../../src/services/sns/keys.js';
import type { RequestContext, Service, ServiceDeps } from '../../../src/services/types.js';
import type { MetaStore } from '../../../src/storage/meta-store.js';
import { FakeSqs } from './harness.js';
import { until } from '../../helpers/until.js';

const DAY = 86_400_000;

async function setup(): Promise<{ meta: MetaStore; sqs: FakeSqs; call: (op: string, input: Record<string, unknown>) => Promise<Record<string, unknown>>; restart(): Promise<void>; close(): Promise<void> }> {
  const storage = createMemoryStorage();
  const sqs = new FakeSqs();
  const deps = {
    meta: storage.meta, blobs: storage.blobs, pool: undefined as unknown as ServiceDeps['pool'], features: new Set([]), log: createLogger('silent'), durability: 'process',
    peer: async (name: string) => (name === 'sqs' ? { operations: {}, internal: sqs } : undefined),
  } satisfies ServiceDeps;
  let sns: Service = await createSnsService(deps);
  const ctx: RequestContext = { requestId: 'r', accountId: '000000000000', region: 'us-east-1', host: 'localhost:4566', signal: new AbortController().signal, ignored: [], accessKeyId: '000000000000' };
  return {
    meta: storage.meta, sqs,
    call: async (op, input) => (await sns.operations[op]!(ctx, input)) as Record<string, unknown>,
    restart: async () => { await sns.close?.(); sns = await createSnsService(deps); },
    close: async () => { await sns.close?.(); await storage.close(); },
  };
}

async function count(meta: MetaStore, prefix: string): Promise<number> {
  let n = 0;
  for await (const _ of meta.iterate(SNS_NS, prefixRange(prefix))) n++;
  return n;
}

const QUEUE = 'arn:aws:sqs:us-east-1:000000000000:replayed';

async function fifoTopic(h: Awaited<ReturnType<typeof setup>>, archive: boolean): Promise<{ arn: string; began?: string }> {
  const { TopicArn } = await h.call('CreateTopic', { Name: `t${Math.random().toString(36).slice(2)}.fifo`, Attributes: { FifoTopic: 'true', ContentBasedDeduplication: 'true' } }) as { TopicArn: string };
  if (!archive) return { arn: TopicArn };
  await h.call('SetTopicAttributes', { TopicArn, AttributeName: 'ArchivePolicy', AttributeValue: '{"MessageRetentionPeriod":1}' });
  const { Attributes } = await h.call('GetTopicAttributes', { TopicArn }) as { Attributes: Record<string, string> };
  return { arn: TopicArn, began: Attributes.BeginningArchiveTime! };
}

const publishN = async (h: Awaited<ReturnType<typeof setup>>, TopicArn: string, n: number): Promise<void> => {
  for (let i = 0; i < n; i++) await h.call('Publish', { TopicArn, Message: `m${i}`, MessageGroupId: 'g' });
};

test.serial('a FIFO topic without an ArchivePolicy writes nothing to the archive; one with it keeps each message', async (t) => {
  const h = await setup();
  const plain = await fifoTopic(h, false);
  await publishN(h, plain.arn, 3);
  t.is(await count(h.meta, ARCHIVE_PREFIX), 0);
  const archived = await fifoTopic(h, true);
  await publishN(h, archived.arn, 3);
  await h.call('PublishBatch', { TopicArn: archived.arn, PublishBatchRequestEntries: [{ Id: 'a', Message: 'b1', MessageGroupId: 'g' }, { Id: 'b', Message: 'b2', MessageGroupId: 'g' }] });
  t.is(await count(h.meta, ARCHIVE_PREFIX), 5);
  await h.close();
});

test.serial('turning archiving off removes the archive (in the background)', async (t) => {
  const h = await setup();
  const topic = await fifoTopic(h, true);
  await publishN(h, topic.arn, 4);
  t.is(await count(h.meta, ARCHIVE_PREFIX), 4);
  await h.call('SetTopicAttributes', { TopicArn: topic.arn, AttributeName: 'ArchivePolicy', AttributeValue: '{}' });
  for (let i = 0; i < 100 && await count(h.meta, ARCHIVE_PREFIX) > 0; i++) await new Promise((r) => setTimeout(r, 10));
  t.is(await count(h.meta, ARCHIVE_PREFIX), 0);
  await h.close();
});

test.serial('a message past MessageRetentionPeriod is never replayed, and is removed', async (t) => {
  const h = await setup();
  const topic = await fifoTopic(h, true);
  await publishN(h, topic.arn, 2);
  const { SubscriptionArn } = await h.call('Subscribe', { TopicArn: topic.arn, Protocol: 'sqs', Endpoint: QUEUE, ReturnSubscriptionArn: true }) as { SubscriptionArn: string };
  const realNow = Date.now;
  const later = realNow() + DAY + 1000;
  Date.now = () => later;
  try {
    await h.call('SetSubscriptionAttributes', { SubscriptionArn, AttributeName: 'ReplayPolicy', AttributeValue: JSON.stringify({ PointType: 'Timestamp', StartingPoint: topic.began }) });
    for (let i = 0; i < 100; i++) {
      const { Attributes } = await h.call('GetSubscriptionAttributes', { SubscriptionArn }) as { Attributes: Record<string, string> };
      if (Attributes.ReplayStatus === 'Completed') break;
      await new Promise((r) => setTimeout(r, 10));
    }
    t.is(h.sqs.to(QUEUE).length, 0, 'nothing replayed');
    await h.restart(); // the sweep at start
    for (let i = 0; i < 100 && await count(h.meta, ARCHIVE_PREFIX) > 0; i++) await new Promise((r) => setTimeout(r, 10));
    t.is(await count(h.meta, ARCHIVE_PREFIX), 0);
  } finally {
    Date.now = realNow;
  }
  await h.close();
});

test.serial('a replay cut short by a restart resumes after the last batch delivered, and its progress key goes once it completes', async (t) => {
  const h = await setup();
  const topic = await fifoTopic(h, true);
  await publishN(h, topic.arn, 35);
  const { SubscriptionArn } = await h.call('Subscribe', { TopicArn: topic.arn, Protocol: 'sqs', Endpoint: QUEUE, ReturnSubscriptionArn: true }) as { SubscriptionArn: string };
  await h.call('SetSubscriptionAttributes', { SubscriptionArn, AttributeName: 'ReplayPolicy', AttributeValue: JSON.stringify({ PointType: 'Timestamp', StartingPoint: topic.began }) });
  t.is(await count(h.meta, REPLAY_PREFIX), 1);
  // Closed before the replay's first batch: the next service resumes it from the store.
  await h.restart();
  const messages = await until(() => {
    const got = h.sqs.to(QUEUE);
    return got.length >= 35 ? got : undefined;
  }, 10_000);
  const texts = messages.map((d) => (JSON.parse(d.body) as { Message: string; Replayed: string }));
  t.deepEqual(texts.map((m) => m.Message), Array.from({ length: 35 }, (_, i) => `m${i}`));
  t.true(texts.every((m) => m.Replayed === 'true'));
  for (let i = 0; i < 100 && await count(h.meta, REPLAY_PREFIX) > 0; i++) await new Promise((r) => setTimeout(r, 10));
  t.is(await count(h.meta, REPLAY_PREFIX), 0);
  const { Attributes } = await h.call('GetSubscriptionAttributes', { SubscriptionArn }) as { Attributes: Record<string, string> };
  t.is(Attributes.ReplayStatus, 'Completed');
  await h.close();
});

test.serial('a subscription removed while it replays takes its replay progress with it', async (t) => {
  const h = await setup();
  const topic = await fifoTopic(h, true);
  await publishN(h, topic.arn, 3);
  const { SubscriptionArn } = await h.call('Subscribe', { TopicArn: topic.arn, Protocol: 'sqs', Endpoint: QUEUE, ReturnSubscriptionArn: true }) as { SubscriptionArn: string };
  await h.call('SetSubscriptionAttributes', { SubscriptionArn, AttributeName: 'ReplayPolicy', AttributeValue: JSON.stringify({ PointType: 'Timestamp', StartingPoint: topic.began }) });
  await h.call('Unsubscribe', { SubscriptionArn });
  for (let i = 0; i < 100 && await count(h.meta, REPLAY_PREFIX) > 0; i++) await new Promise((r) => setTimeout(r, 10));
  t.is(await count(h.meta, REPLAY_PREFIX), 0);
  t.is(h.sqs.to(QUEUE).length, 0, 'nothing reaches a removed subscription');
  await h.close();
});
