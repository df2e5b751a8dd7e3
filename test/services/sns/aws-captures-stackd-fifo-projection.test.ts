/**
 * FIFO topic creation flags and content-based deduplication through to a raw FIFO queue, against
 * a raw capture of native AWS (us-east-1, 2026-09-22): radkawar/stackd
 * testdata/aws/sns/fifo_projection.json; each test cites the labels of its `observations` entries.
 */
import test from 'ava';
import { startBoltstack } from '../../helpers/server.js';
import { queryPost, queryValue, xmlValue, xmlValues } from '../../helpers/query-client.js';
import type { Boltstack } from '../../../src/index.js';

const PROJECTION = 'radkawar/stackd testdata/aws/sns/fifo_projection.json';

let server: Boltstack;
let counter = 0;
const unique = (prefix: string): string => `${prefix}-${process.pid}-${counter++}`;
const sns = (params: Record<string, string>) => queryPost(server.endpoint, { service: 'sns', params });
const sqs = (params: Record<string, string>) => queryPost(server.endpoint, { service: 'sqs', params });

test.before(async () => { server = await startBoltstack(); });
test.after.always(async () => { await server?.stop(); });

const flag = (value: string) => ({ Action: 'CreateTopic', Name: unique('cap-flag'), 'Attributes.entry.1.key': 'FifoTopic', 'Attributes.entry.1.value': value });

test(`CreateTopic FifoTopic "false" and "FALSE" make a standard topic; "garbage" and "" are refused [${PROJECTION} create-flag-false, create-flag-FALSE, create-flag-garbage, create-flag-empty (2026-09-22)]`, async (t) => {
  for (const v of ['false', 'FALSE']) t.is((await sns(flag(v))).status, 200);
  for (const v of ['garbage', '']) {
    const reply = await sns(flag(v));
    t.is(reply.status, 400, reply.body);
    t.is(xmlValue(reply.body, 'Code'), 'InvalidParameter');
    t.is(xmlValue(reply.body, 'Message'), `Invalid parameter: Attributes Reason: FifoTopic: Invalid value [${v}]. Must be true or false.`);
  }
});

test(`A content-deduplicated FIFO topic hands SQS the SHA-256 of the whole message as its deduplication id; a duplicate in one PublishBatch answers the first entry's ids [${PROJECTION} create-json.fifo, subscribe, json-content, json-reordered, plain-default, plain-projected, duplicate-batch, json-receive0 (2026-09-22)]`, async (t) => {
  const name = `${unique('cap-json')}.fifo`;
  const topic = await queryValue(server.endpoint, 'sns', { Action: 'CreateTopic', Name: name, 'Attributes.entry.1.key': 'FifoTopic', 'Attributes.entry.1.value': 'true',
    'Attributes.entry.2.key': 'ContentBasedDeduplication', 'Attributes.entry.2.value': 'true' }, 'TopicArn');
  const again = await sns({ Action: 'CreateTopic', Name: name });
  t.is(xmlValue(again.body, 'Message'), 'Invalid parameter: Topic Name');
  const url = await queryValue(server.endpoint, 'sqs', { Action: 'CreateQueue', QueueName: name, 'Attribute.1.Name': 'FifoQueue', 'Attribute.1.Value': 'true',
    'Attribute.2.Name': 'DeduplicationScope', 'Attribute.2.Value': 'messageGroup', 'Attribute.3.Name': 'FifoThroughputLimit', 'Attribute.3.Value': 'perMessageGroupId' }, 'QueueUrl');
  t.is((await sns({ Action: 'Subscribe', TopicArn: topic, Protocol: 'sqs', Endpoint: `arn:aws:sqs:us-east-1:000000000000:${name}`,
    'Attributes.entry.1.key': 'RawMessageDelivery', 'Attributes.entry.1.value': 'true' })).status, 200);
  for (const [message, structure] of [['{"default":"x","sqs":"y"}', 'json'], ['{"sqs":"y","default":"x"}', 'json'], ['x'], ['y']]) {
    const reply = await sns({ Action: 'Publish', TopicArn: topic, Message: message!, MessageGroupId: 'g', ...(structure === undefined ? {} : { MessageStructure: structure }) });
    t.is(reply.status, 200, reply.body);
  }
  const batch = await sns({ Action: 'PublishBatch', TopicArn: topic,
    'PublishBatchRequestEntries.member.1.Id': 'first', 'PublishBatchRequestEntries.member.1.Message': 'batch',
    'PublishBatchRequestEntries.member.1.MessageGroupId': 'g', 'PublishBatchRequestEntries.member.1.MessageDeduplicationId': 'batch',
    'PublishBatchRequestEntries.member.2.Id': 'duplicate', 'PublishBatchRequestEntries.member.2.Message': 'changed',
    'PublishBatchRequestEntries.member.2.MessageGroupId': 'g2', 'PublishBatchRequestEntries.member.2.MessageDeduplicationId': 'batch',
    'PublishBatchRequestEntries.member.3.Id': 'next', 'PublishBatchRequestEntries.member.3.Message': 'next',
    'PublishBatchRequestEntries.member.3.MessageGroupId': 'g', 'PublishBatchRequestEntries.member.3.MessageDeduplicationId': 'next' });
  const ids = xmlValues(batch.body, 'MessageId');
  const seqs = xmlValues(batch.body, 'SequenceNumber');
  t.is(ids[1], ids[0]);
  t.is(seqs[1], seqs[0]);
  t.not(ids[2], ids[0]);
  t.is(BigInt(seqs[2]!) - BigInt(seqs[0]!), 1n);
  const received = await sqs({ Action: 'ReceiveMessage', QueueUrl: url, MaxNumberOfMessages: '10', 'AttributeName.1': 'MessageDeduplicationId' });
  t.deepEqual(xmlValues(received.body, 'Body'), ['y', 'y', 'x', 'y', 'batch', 'next']);
  t.deepEqual(xmlValues(received.body, 'Value'), ['01dfc7a5ae758a628367dca9f6c654ecd5c76eeaff60e618d7cd45dff1ca4896',
    'd9dce79fc8bf0b67bfbdf0928c9852cafb88841e5339150dae6031d6d7938035', '2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881',
    'a1fce4363854ff888cff4b8e7875d600c2682390412a8cf79b37d0b11148b0fa', 'batch', 'next']);
});

test(`a FIFO topic deleted and made again under its name starts a new deduplication window [${PROJECTION} before-recreate, delete-recreate, recreate, after-recreate (2026-09-22)]`, async (t) => {
  const name = `${unique('cap-recreate')}.fifo`;
  const create = () => queryValue(server.endpoint, 'sns', { Action: 'CreateTopic', Name: name, 'Attributes.entry.1.key': 'FifoTopic', 'Attributes.entry.1.value': 'true' }, 'TopicArn');
  const publish = async (topic: string, message: string) => {
    const reply = await sns({ Action: 'Publish', TopicArn: topic, Message: message, MessageGroupId: 'g', MessageDeduplicationId: 'recreate' });
    t.is(reply.status, 200, reply.body);
    return xmlValue(reply.body, 'MessageId');
  };
  const topic = await create();
  const old = await publish(topic, 'old');
  t.is((await sns({ Action: 'DeleteTopic', TopicArn: topic })).status, 200);
  t.is(await create(), topic);
  t.not(await publish(topic, 'new'), old);
});
