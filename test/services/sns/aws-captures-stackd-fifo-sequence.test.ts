/**
 * FIFO topics' SequenceNumber against raw captures of native AWS (us-east-1, 2026-09-22):
 * radkawar/stackd testdata/aws/sns/fifo.json (topic main.fifo) and fifo_projection.json (topic
 * json.fifo); each test cites the labels of its `observations` entries. Per topic the first
 * accepted request answers 10000000000000003000, each later request 1000 more; the new messages
 * of one PublishBatch count up by 1 from their request's number.
 */
import test from 'ava';
import { snsHarness, type Harness } from './harness.js';

const FIFO = 'radkawar/stackd testdata/aws/sns/fifo.json';
const PROJECTION = 'radkawar/stackd testdata/aws/sns/fifo_projection.json';
const QUEUE = 'arn:aws:sqs:us-east-1:000000000000:wrapped.fifo';

type Answer = { MessageId: string; SequenceNumber: string };

async function fifoTopic(h: Harness, name: string): Promise<string> {
  const { TopicArn } = await h.call<{ TopicArn: string }>('CreateTopic', { Name: name, Attributes: { FifoTopic: 'true' } });
  return TopicArn;
}

test(`SequenceNumber counts the topic's accepted requests from 3, times 1000; duplicates answer the first's and refused requests take none [${FIFO} missing-group, missing-dedup, structured, first, duplicate-same, duplicate-other-group, next, mixed-batch, scope-group1, scope-group2, scope-repeat, content1, content-attributes, explicit-content-hash, content-other-group, initial-00, content-20 (2026-09-22)]`, async (t) => {
  const h = await snsHarness();
  try {
    const TopicArn = await fifoTopic(h, 'main.fifo');
    await h.call('SetTopicAttributes', { TopicArn, AttributeName: 'FifoThroughputScope', AttributeValue: 'MessageGroup' });
    await h.call('Subscribe', { TopicArn, Protocol: 'sqs', Endpoint: QUEUE });
    const publish = (input: Record<string, unknown>) => h.call<Answer>('Publish', { TopicArn, ...input });
    const seq = async (input: Record<string, unknown>) => (await publish(input)).SequenceNumber;
    await t.throwsAsync(publish({ Message: 'x', MessageDeduplicationId: 'd' }));
    await t.throwsAsync(publish({ Message: 'x', MessageGroupId: 'g' }));
    t.is(await seq({ Message: '{"default": "x", "sqs": "y"}', MessageStructure: 'json', MessageGroupId: 'g', MessageDeduplicationId: 'structured' }), '10000000000000003000');
    const first = await publish({ Message: 'one', MessageGroupId: 'g1', MessageDeduplicationId: 'same' });
    t.is(first.SequenceNumber, '10000000000000004000');
    t.deepEqual(await publish({ Message: 'two', MessageGroupId: 'g1', MessageDeduplicationId: 'same' }), first);
    t.is(await seq({ Message: 'three', MessageGroupId: 'g2', MessageDeduplicationId: 'same' }), '10000000000000005000');
    t.is(await seq({ Message: 'next', MessageGroupId: 'g1', MessageDeduplicationId: 'next' }), '10000000000000006000');
    await t.throwsAsync(h.call('PublishBatch', { TopicArn, PublishBatchRequestEntries: [
      { Id: 'ok', Message: 'batch', MessageGroupId: 'g1', MessageDeduplicationId: 'batch' },
      { Id: 'nogroup', Message: 'x', MessageDeduplicationId: 'ng' }] }));
    t.is(await seq({ Message: 'scope1', MessageGroupId: 'g1', MessageDeduplicationId: 'group-same' }), '10000000000000007000');
    t.is(await seq({ Message: 'scope2', MessageGroupId: 'g2', MessageDeduplicationId: 'group-same' }), '10000000000000008000');
    t.is(await seq({ Message: 'scope3', MessageGroupId: 'g1', MessageDeduplicationId: 'group-same' }), '10000000000000007000');
    await h.call('SetTopicAttributes', { TopicArn, AttributeName: 'ContentBasedDeduplication', AttributeValue: 'true' });
    t.is(await seq({ Message: 'content', MessageGroupId: 'g1' }), '10000000000000009000');
    t.is(await seq({ Message: 'content', MessageGroupId: 'g1', MessageAttributes: { key: { DataType: 'String', StringValue: 'changed' } } }), '10000000000000009000');
    t.is(await seq({ Message: 'changed', MessageGroupId: 'g1', MessageDeduplicationId: 'ed7002b439e9ac845f22357d822bac1444730fbdb6016d3ec9432297b9ec9f73' }), '10000000000000009000');
    t.is(await seq({ Message: 'content', MessageGroupId: 'g2' }), '10000000000000010000');
    // The wrapped notification names the topic's number (not SQS's own SequenceNumber attribute).
    const envelopes = h.sqs.to(QUEUE).map((d) => JSON.parse(d.body) as { Message: string; SequenceNumber?: string });
    t.deepEqual(envelopes.map((e) => [e.Message, e.SequenceNumber]), [['y', undefined], ['one', '10000000000000004000'], ['three', '10000000000000005000'],
      ['next', '10000000000000006000'], ['scope1', '10000000000000007000'], ['scope2', '10000000000000008000'], ['content', '10000000000000009000'],
      ['content', '10000000000000010000']]);
  } finally {
    await h.close();
  }
});

test(`a PublishBatch is one request: its new messages count up by 1, a duplicate in it answers the first's; a topic made again under its name starts at 3000 [${PROJECTION} json-content, json-reordered, plain-default, plain-projected, duplicate-batch, before-recreate, delete-recreate, recreate, after-recreate (2026-09-22)]`, async (t) => {
  const h = await snsHarness();
  try {
    let TopicArn = await fifoTopic(h, 'json.fifo');
    await h.call('SetTopicAttributes', { TopicArn, AttributeName: 'ContentBasedDeduplication', AttributeValue: 'true' });
    const seq = async (input: Record<string, unknown>) => (await h.call<Answer>('Publish', { TopicArn, MessageGroupId: 'g', ...input })).SequenceNumber;
    t.is(await seq({ Message: '{"default":"x","sqs":"y"}', MessageStructure: 'json' }), '10000000000000003000');
    t.is(await seq({ Message: '{"sqs":"y","default":"x"}', MessageStructure: 'json' }), '10000000000000004000');
    t.is(await seq({ Message: 'x' }), '10000000000000005000');
    t.is(await seq({ Message: 'y' }), '10000000000000006000');
    const batch = await h.call<{ Successful: Array<{ Id: string; MessageId: string; SequenceNumber: string }> }>('PublishBatch', { TopicArn, PublishBatchRequestEntries: [
      { Id: 'first', Message: 'batch', MessageGroupId: 'g', MessageDeduplicationId: 'batch' },
      { Id: 'duplicate', Message: 'changed', MessageGroupId: 'g2', MessageDeduplicationId: 'batch' },
      { Id: 'next', Message: 'next', MessageGroupId: 'g', MessageDeduplicationId: 'next' }] });
    t.deepEqual(batch.Successful.map((s) => [s.Id, s.SequenceNumber]), [['first', '10000000000000007000'], ['duplicate', '10000000000000007000'], ['next', '10000000000000007001']]);
    t.is(await seq({ Message: 'old', MessageDeduplicationId: 'recreate' }), '10000000000000008000');
    await h.call('DeleteTopic', { TopicArn });
    TopicArn = await fifoTopic(h, 'json.fifo');
    t.is(await seq({ Message: 'new', MessageDeduplicationId: 'recreate' }), '10000000000000003000');
  } finally {
    await h.close();
  }
});

test(`after a restart a FIFO topic's numbers keep growing and none is handed out again; each topic counts on its own [${FIFO} create-upper.fifo and main.fifo (2026-09-22), boltstack's durability]`, async (t) => {
  const h = await snsHarness();
  try {
    const main = await fifoTopic(h, 'main.fifo');
    const other = await fifoTopic(h, 'other.fifo');
    const seq = async (TopicArn: string, id: string) =>
      BigInt((await h.call<Answer>('Publish', { TopicArn, Message: id, MessageGroupId: 'g', MessageDeduplicationId: id })).SequenceNumber);
    const before = [await seq(main, 'a'), await seq(main, 'b')];
    t.is(await seq(other, 'a'), 10000000000000003000n);
    await h.restart();
    const after = [await seq(main, 'c'), await seq(main, 'd')];
    t.true(after[0]! > before[1]!);
    t.true(after[1]! > after[0]!);
    t.is((after[1]! - after[0]!), 1000n);
    t.is(String(after[0]).length, 20);
    await h.restart();
    t.true(await seq(main, 'e') > after[1]!);
    t.true(await seq(other, 'b') > 10000000000000003000n);
  } finally {
    await h.close();
  }
});

test(`concurrent publishes across a reservation block (1000 counts) take distinct numbers, and a restart resumes past all of them [boltstack's durability of ${FIFO} numbering]`, async (t) => {
  const h = await snsHarness();
  try {
    const TopicArn = await fifoTopic(h, 'busy.fifo');
    const publish = (id: string) => h.call<Answer>('Publish', { TopicArn, Message: id, MessageGroupId: `g${id.length}`, MessageDeduplicationId: id });
    const answers = await Promise.all(Array.from({ length: 1205 }, (_, i) => publish(`m${i}`)));
    const numbers = answers.map((a) => BigInt(a.SequenceNumber));
    t.is(new Set(numbers).size, 1205);
    const highest = numbers.reduce((a, b) => (b > a ? b : a));
    t.is(highest, 10000000000000000000n + BigInt(1205 + 2) * 1000n);
    await h.restart();
    t.true(BigInt((await publish('after')).SequenceNumber) > highest);
  } finally {
    await h.close();
  }
});
