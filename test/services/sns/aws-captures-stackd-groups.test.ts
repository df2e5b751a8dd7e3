/**
 * MessageGroupId on a standard SNS topic (handed to SQS fair queues) against raw captures of
 * native AWS (us-east-1, 2026-09-22) in radkawar/stackd testdata/aws/sns/message_groups.json;
 * each row cites the label of its `observations` entry. Query protocol, as the AWS CLI spoke.
 */
import test from 'ava';
import { startBoltstack } from '../../helpers/server.js';
import { queryPost, queryValue, xmlValue, xmlValues } from '../../helpers/query-client.js';
import type { Boltstack } from '../../../src/index.js';

const GROUPS = 'radkawar/stackd testdata/aws/sns/message_groups.json';
const BAD = 'Invalid parameter: The MessageGroupId parameter can only include alphanumeric and punctuation characters. 1 to 128 in length';

let server: Boltstack;
let topic: string;
const sns = (params: Record<string, string>) => queryPost(server.endpoint, { service: 'sns', params });

test.before(async () => {
  server = await startBoltstack();
  topic = await queryValue(server.endpoint, 'sns', { Action: 'CreateTopic', Name: `cap-groups-${process.pid}` }, 'TopicArn');
});
test.after.always(async () => { await server?.stop(); });

const rows: Array<{ label: string; group: string; ok: boolean }> = [
  { label: 'empty', group: '', ok: false },
  { label: 'tenant', group: 'tenant/a', ok: true },
  { label: 'punctuation', group: "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", ok: true },
  { label: 'max', group: 'x'.repeat(128), ok: true },
  { label: 'over', group: 'x'.repeat(129), ok: false },
  { label: 'space', group: 'tenant a', ok: false },
  { label: 'unicode', group: 'caf\u00e9', ok: false },
  { label: 'tab', group: 'tenant\ta', ok: false },
];

for (const row of rows) {
  test(`Publish to a standard topic with MessageGroupId ${JSON.stringify(row.group.length > 20 ? `${row.group.length} characters` : row.group)} [${GROUPS} ${row.label} (2026-09-22)]`, async (t) => {
    const reply = await sns({ Action: 'Publish', TopicArn: topic, Message: row.label, MessageGroupId: row.group });
    if (row.ok) { t.is(reply.status, 200, reply.body); return; }
    t.is(reply.status, 400, reply.body);
    t.is(xmlValue(reply.body, 'Code'), 'InvalidParameter');
    t.is(xmlValue(reply.body, 'Message'), BAD);
  });
}

test(`PublishBatch to a standard topic: a bad MessageGroupId fails only its entry [${GROUPS} mixed-batch (2026-09-22)]`, async (t) => {
  const entries = [['valid', 'batch-valid', 'tenant/b'], ['invalid', 'batch-invalid', 'bad group'], ['empty', 'batch-empty', '']];
  const params: Record<string, string> = { Action: 'PublishBatch', TopicArn: topic };
  entries.forEach(([id, message, group], i) => {
    params[`PublishBatchRequestEntries.member.${i + 1}.Id`] = id!;
    params[`PublishBatchRequestEntries.member.${i + 1}.Message`] = message!;
    params[`PublishBatchRequestEntries.member.${i + 1}.MessageGroupId`] = group!;
  });
  const reply = await sns(params);
  t.is(reply.status, 200, reply.body);
  const [successful, failed] = reply.body.split('<Failed>');
  t.deepEqual(xmlValues(successful!, 'Id'), ['valid']);
  t.deepEqual(xmlValues(failed!, 'Id'), ['invalid', 'empty']);
  t.deepEqual(xmlValues(failed!, 'Code'), ['InvalidParameter', 'InvalidParameter']);
  t.deepEqual(xmlValues(failed!, 'Message'), [BAD, BAD]);
  t.deepEqual(xmlValues(failed!, 'SenderFault'), ['true', 'true']);
});
