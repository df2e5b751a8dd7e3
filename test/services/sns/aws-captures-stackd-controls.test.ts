/**
 * SNS topic controls (attributes, policy, permissions, tags on re-creation) against raw captures
 * of native AWS (us-east-1, 2026-09-14) in radkawar/stackd testdata/aws/sns/controls.json and
 * policy_actions.json; each test cites the labels of its `observations` entries. Query protocol,
 * as the AWS CLI spoke; status, Code and exact message.
 */
import test from 'ava';
import { startBoltstack } from '../../helpers/server.js';
import { queryPost, queryValue, xmlValue, xmlValues } from '../../helpers/query-client.js';
import type { Boltstack } from '../../../src/index.js';

const CAP = 'radkawar/stackd testdata/aws/sns';
const CONTROLS = `${CAP}/controls.json`;

let server: Boltstack;
let counter = 0;
const unique = (prefix: string): string => `${prefix}-${process.pid}-${counter++}`;
const sns = (params: Record<string, string>) => queryPost(server.endpoint, { service: 'sns', params });

test.before(async () => { server = await startBoltstack(); });
test.after.always(async () => { await server?.stop(); });

const attributes = async (arn: string): Promise<Record<string, string>> => {
  const body = (await sns({ Action: 'GetTopicAttributes', TopicArn: arn })).body;
  const values = xmlValues(body, 'value');
  return Object.fromEntries(xmlValues(body, 'key').map((k, i) => [k, values[i]!]));
};

test(`SetTopicAttributes: a Policy that is not JSON and an unknown attribute are refused and change nothing [${CONTROLS} topic-display-first, topic-invalid-policy, topic-invalid-attribute, topic-after-attribute-errors (2026-09-14)]`, async (t) => {
  const arn = await queryValue(server.endpoint, 'sns', { Action: 'CreateTopic', Name: unique('cap-controls') }, 'TopicArn');
  t.is((await sns({ Action: 'SetTopicAttributes', TopicArn: arn, AttributeName: 'DisplayName', AttributeValue: 'first-owned' })).status, 200);
  const before = await attributes(arn);
  for (const [name, value, message] of [['Policy', '{invalid-json', 'Invalid parameter: Policy Error: null'],
    ['UnknownOwnedAttribute', 'ignored?', 'Invalid parameter: AttributeName']] as const) {
    const reply = await sns({ Action: 'SetTopicAttributes', TopicArn: arn, AttributeName: name, AttributeValue: value });
    t.is(reply.status, 400, reply.body);
    t.is(xmlValue(reply.body, 'Code'), 'InvalidParameter');
    t.is(xmlValue(reply.body, 'Message'), message);
  }
  t.deepEqual(await attributes(arn), before);
  t.is(before.DisplayName, 'first-owned');
});

test(`AddPermission and RemovePermission may be repeated; the statement names one principal and one action as strings [${CONTROLS} topic-add-permission, topic-policy-after-add, topic-add-permission-repeat, topic-remove-permission, topic-remove-permission-repeat, topic-policy-after-remove (2026-09-14)]`, async (t) => {
  const arn = await queryValue(server.endpoint, 'sns', { Action: 'CreateTopic', Name: unique('cap-perm') }, 'TopicArn');
  const initial = (await attributes(arn)).Policy;
  const add = { Action: 'AddPermission', TopicArn: arn, Label: 'OwnedPublish', 'AWSAccountId.member.1': '000000000000', 'ActionName.member.1': 'Publish' };
  t.is((await sns(add)).status, 200);
  const policy = JSON.parse((await attributes(arn)).Policy!) as { Statement: unknown[] };
  t.deepEqual(policy.Statement[1], { Sid: 'OwnedPublish', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::000000000000:root' }, Action: 'SNS:Publish', Resource: arn });
  const repeat = await sns(add);
  t.is(repeat.status, 200, repeat.body);
  for (let i = 0; i < 2; i++) {
    const removed = await sns({ Action: 'RemovePermission', TopicArn: arn, Label: 'OwnedPublish' });
    t.is(removed.status, 200, removed.body);
  }
  t.is((await attributes(arn)).Policy, initial);
});

test(`CreateTopic of an existing name: conflicting DisplayName or tags are refused [${CONTROLS} topic-create-conflicting-display, topic-create-conflicting-tags (2026-09-14)]`, async (t) => {
  const name = unique('cap-conflict');
  const arn = await queryValue(server.endpoint, 'sns', { Action: 'CreateTopic', Name: name }, 'TopicArn');
  t.is((await sns({ Action: 'CreateTopic', Name: name })).status, 200);
  await sns({ Action: 'SetTopicAttributes', TopicArn: arn, AttributeName: 'DisplayName', AttributeValue: 'first-owned' });
  await sns({ Action: 'TagResource', ResourceArn: arn, 'Tags.member.1.Key': 'stage', 'Tags.member.1.Value': 'first' });
  for (const [params, message] of [
    [{ 'Attributes.entry.1.key': 'DisplayName', 'Attributes.entry.1.value': 'create-conflict' }, 'Invalid parameter: Attributes Reason: Topic already exists with different attributes'],
    [{ 'Tags.member.1.Key': 'stage', 'Tags.member.1.Value': 'create-conflict' }, 'Invalid parameter: Tags Reason: Topic already exists with different tags'],
  ] as const) {
    const reply = await sns({ Action: 'CreateTopic', Name: name, ...params });
    t.is(reply.status, 400, reply.body);
    t.is(xmlValue(reply.body, 'Code'), 'InvalidParameter');
    t.is(xmlValue(reply.body, 'Message'), message);
  }
});

const POLICY_ACTIONS = `${CAP}/policy_actions.json`;
const policyOf = (arn: string, action: string): string => JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'OwnedPolicyActionCase', Effect: 'Allow',
  Principal: { AWS: 'arn:aws:iam::000000000000:root' }, Action: action, Resource: arn }] }, null, 1);

test(`SetTopicAttributes Policy: a wildcard action is out of service scope and changes nothing; sns:Publish in either case is kept as compact JSON [${POLICY_ACTIONS} lower-wildcard, upper-wildcard, global-wildcard, *-readback, lower-publish, upper-publish (2026-09-14)]`, async (t) => {
  const arn = await queryValue(server.endpoint, 'sns', { Action: 'CreateTopic', Name: unique('cap-policy') }, 'TopicArn');
  const initial = (await attributes(arn)).Policy;
  for (const action of ['sns:*', 'SNS:*', '*']) {
    const reply = await sns({ Action: 'SetTopicAttributes', TopicArn: arn, AttributeName: 'Policy', AttributeValue: policyOf(arn, action) });
    t.is(reply.status, 400, reply.body);
    t.is(xmlValue(reply.body, 'Code'), 'InvalidParameter');
    t.is(xmlValue(reply.body, 'Message'), 'Invalid parameter: Policy statement action out of service scope!');
    t.is((await attributes(arn)).Policy, initial);
  }
  for (const action of ['sns:Publish', 'SNS:Publish']) {
    const reply = await sns({ Action: 'SetTopicAttributes', TopicArn: arn, AttributeName: 'Policy', AttributeValue: policyOf(arn, action) });
    t.is(reply.status, 200, reply.body);
    t.is((await attributes(arn)).Policy, JSON.stringify(JSON.parse(policyOf(arn, action))));
  }
});

test(`AddPermission naming an action SNS does not have is out of service scope and changes nothing; a real one is kept [${CAP}/audit.json add-owned-permission, add-invalid-permission-action (2026-09-14)]`, async (t) => {
  const arn = await queryValue(server.endpoint, 'sns', { Action: 'CreateTopic', Name: unique('cap-audit') }, 'TopicArn');
  const before = await attributes(arn);
  const reply = await sns({ Action: 'AddPermission', TopicArn: arn, Label: 'AuditInvalidPermission', 'AWSAccountId.member.1': '000000000000', 'ActionName.member.1': 'NotAnSnsAction' });
  t.is(reply.status, 400, reply.body);
  t.deepEqual([xmlValue(reply.body, 'Code'), xmlValue(reply.body, 'Message')], ['InvalidParameter', 'Invalid parameter: Policy statement action out of service scope!']);
  t.deepEqual(await attributes(arn), before);
  const ok = await sns({ Action: 'AddPermission', TopicArn: arn, Label: 'AuditOwnedPermission', 'AWSAccountId.member.1': '000000000000', 'ActionName.member.1': 'GetTopicAttributes' });
  t.is(ok.status, 200, ok.body);
  t.true((await attributes(arn)).Policy!.includes('{"Sid":"AuditOwnedPermission","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::000000000000:root"},"Action":"SNS:GetTopicAttributes"'));
});
