/**
 * GetDataProtectionPolicy, PutDataProtectionPolicy and CreateTopic's DataProtectionPolicy against a
 * raw capture of native AWS (us-east-1 and us-west-2, 2026-09-22): radkawar/stackd
 * testdata/aws/sns/data_protection.json; each row cites the labels of its `observations` or
 * `cleanup` entries. The capture's account could not install a non-empty policy at all ("not
 * supported in this region", AWS's April 2026 cut-off for new customers): boltstack answers as an
 * account that still has the feature, so those rows are not reproduced (docs/sns.md).
 * Query protocol over the real server (the wire's empty element), and the SDK v3 client.
 */
import test from 'ava';
import {
  CreateTopicCommand, GetDataProtectionPolicyCommand, PutDataProtectionPolicyCommand, SNSClient,
} from '@aws-sdk/client-sns';
import { startBoltstack } from '../../helpers/server.js';
import { snsClient } from '../../helpers/sns.js';
import { queryPost, queryValue, xmlValue } from '../../helpers/query-client.js';
import type { Boltstack } from '../../../src/index.js';

const DATA_PROTECTION = 'radkawar/stackd testdata/aws/sns/data_protection.json';
const POLICY = '{"Name":"stackd-synthetic-email-deny","Version":"2021-06-01","Statement":[{"Sid":"DenySyntheticEmailInbound","DataDirection":"Inbound",'
  + '"Principal":["*"],"DataIdentifier":["arn:aws:dataprotection::aws:data-identifier/EmailAddress"],"Operation":{"Deny":{}}}]}';

let server: Boltstack;
let client: SNSClient;
let counter = 0;
const unique = (prefix: string): string => `${prefix}-${process.pid}-${counter++}`;

test.before(async () => {
  server = await startBoltstack();
  client = snsClient(server.endpoint);
});
test.after.always(async () => { client?.destroy(); await server?.stop(); });

const sns = (params: Record<string, string>) => queryPost(server.endpoint, { service: 'sns', params });
const createTopic = (name: string, fifo = false): Promise<string> => queryValue(server.endpoint, 'sns',
  { Action: 'CreateTopic', Name: name, ...(fifo ? { 'Attributes.entry.1.key': 'FifoTopic', 'Attributes.entry.1.value': 'true' } : {}) }, 'TopicArn');
const answerOf = async (params: Record<string, string>): Promise<[number, string | undefined, string | undefined]> => {
  const answer = await sns(params);
  return [answer.status, xmlValue(answer.body, 'Code'), xmlValue(answer.body, 'Message')];
};

test(`GetDataProtectionPolicy of a standard topic without one answers the member, empty (<DataProtectionPolicy/>), and the SDK reads "" [${DATA_PROTECTION} get-initially-unset-policy, west-get-initially-unset-policy, get-standard-policy-after-receipts (2026-09-22)]`, async (t) => {
  const topic = await createTopic(unique('dpp'));
  const answer = await sns({ Action: 'GetDataProtectionPolicy', ResourceArn: topic });
  t.is(answer.status, 200, answer.body);
  t.regex(answer.body, /<GetDataProtectionPolicyResult>\s*<DataProtectionPolicy(\/>|><\/DataProtectionPolicy>)\s*<\/GetDataProtectionPolicyResult>/);
  t.is((await client.send(new GetDataProtectionPolicyCommand({ ResourceArn: topic }))).DataProtectionPolicy, '');
});

test(`CreateTopic with an empty DataProtectionPolicy creates the topic, which has none [${DATA_PROTECTION} create-empty, get-topic-after-create-empty, get-policy-after-create-empty (2026-09-22)]`, async (t) => {
  const name = unique('dpp-empty');
  const { TopicArn } = await client.send(new CreateTopicCommand({ Name: name, DataProtectionPolicy: '' }));
  t.true(TopicArn!.endsWith(`:${name}`));
  t.is((await client.send(new GetDataProtectionPolicyCommand({ ResourceArn: TopicArn }))).DataProtectionPolicy, '');
});

test(`PutDataProtectionPolicy with "" removes the topic's policy (the documented removal; AWS's API reference, PutDataProtectionPolicy) [${DATA_PROTECTION} put-empty-removal-on-unset-standard (its request), references "availability" (2026-09-22)]`, async (t) => {
  const topic = await createTopic(unique('dpp-remove'));
  await client.send(new PutDataProtectionPolicyCommand({ ResourceArn: topic, DataProtectionPolicy: POLICY }));
  t.is((await client.send(new GetDataProtectionPolicyCommand({ ResourceArn: topic }))).DataProtectionPolicy, POLICY);
  await client.send(new PutDataProtectionPolicyCommand({ ResourceArn: topic, DataProtectionPolicy: '' }));
  t.is((await client.send(new GetDataProtectionPolicyCommand({ ResourceArn: topic }))).DataProtectionPolicy, '');
});

// [row, request, AWS's answer: status, code, message]
const FIFO_ROWS: Array<[label: string, params: (fifo: string) => Record<string, string>, answer: [number, string, string]]> = [
  ['get-initially-unset-fifo-policy, get-fifo-policy-after-put-attempts', (arn) => ({ Action: 'GetDataProtectionPolicy', ResourceArn: arn }),
    [400, 'InvalidAction', 'Operation (GetDataProtectionPolicy) is not supported on FIFO topics']],
  ['put-valid-policy-on-fifo', (arn) => ({ Action: 'PutDataProtectionPolicy', ResourceArn: arn, DataProtectionPolicy: POLICY }),
    [400, 'InvalidAction', 'Operation (PutDataProtectionPolicy) is not supported on FIFO topics']],
  ['put-empty-removal-on-fifo', (arn) => ({ Action: 'PutDataProtectionPolicy', ResourceArn: arn, DataProtectionPolicy: '' }),
    [400, 'InvalidAction', 'Operation (PutDataProtectionPolicy) is not supported on FIFO topics']],
  // Of a FIFO ARN no topic has (never made, or deleted), the FIFO refusal still comes first.
  ['get-policy-after-create-policy.fifo, get-policy-after-deleting-fifo_topic', (arn) => ({ Action: 'GetDataProtectionPolicy', ResourceArn: arn.replace(/\.fifo$/, '-gone.fifo') }),
    [400, 'InvalidAction', 'Operation (GetDataProtectionPolicy) is not supported on FIFO topics']],
];

for (const [label, params, answer] of FIFO_ROWS) {
  test(`data protection on a FIFO topic: ${params('x.fifo').Action}${params('x.fifo').DataProtectionPolicy === '' ? ' with ""' : ''} answers ${answer.slice(0, 2).join(' ')} "${answer[2]}" [${DATA_PROTECTION} ${label} (2026-09-22)]`, async (t) => {
    const fifo = await createTopic(`${unique('dpp')}.fifo`, true);
    t.deepEqual(await answerOf(params(fifo)), answer);
  });
}

test(`data protection of a standard topic that is gone: 404 NotFound "Topic does not exist" [${DATA_PROTECTION} get-policy-after-create-policy, get-policy-after-deleting-standard_topic (2026-09-22)]`, async (t) => {
  const topic = await createTopic(unique('dpp-gone'));
  t.is((await sns({ Action: 'DeleteTopic', TopicArn: topic })).status, 200);
  t.deepEqual(await answerOf({ Action: 'GetDataProtectionPolicy', ResourceArn: topic }), [404, 'NotFound', 'Topic does not exist']);
});
