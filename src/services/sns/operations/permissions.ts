/**
 * AddPermission / RemovePermission: statements of the topic's Policy, by label (Sid). Stored and
 * answered by GetTopicAttributes; not enforced (auth is off by default).
 * https://docs.aws.amazon.com/sns/latest/api/API_AddPermission.html
 */
import type { AddPermissionInput, AddPermissionOutput, RemovePermissionInput, RemovePermissionOutput } from '../../../model/generated/sns-types.js';
import { inTopicTurn, topicOf, type SnsHandler } from '../context.js';
import { snsErrors } from '../errors.js';
import { defaultPolicy } from '../topic-attributes.js';
import model from '../../../model/generated/sns.js';

const SNS_ACTIONS = new Set(Object.keys(model.operations).map((name) => name.toLowerCase()));

interface Policy { Statement?: { Sid?: string }[] }

/**
 * One principal or action is written as a string, several as a list: native AWS, controls.json
 * topic-policy-after-add ("Principal":{"AWS":"arn:aws:iam::…:root"},"Action":"SNS:Publish").
 */
const one = (list: string[]): string | string[] => (list.length === 1 ? list[0]! : list);

export const addPermission: SnsHandler<AddPermissionInput, AddPermissionOutput> = inTopicTurn((input) => input.TopicArn, async (deps, ctx, input) => {
  const topic = topicOf(deps, ctx, input.TopicArn);
  if (input.AWSAccountId.length === 0) throw snsErrors.invalid('AWSAccountId');
  if (input.ActionName.length === 0) throw snsErrors.invalid('ActionName');
  // Only SNS's own actions (native AWS, radkawar/stackd testdata/aws/sns/audit.json
  // add-invalid-permission-action, 2026-09-14); told apart in any case, as IAM tells actions apart.
  if (input.ActionName.some((a) => !SNS_ACTIONS.has(a.toLowerCase()))) throw snsErrors.invalidParameter('Invalid parameter: Policy statement action out of service scope!');
  const policy = JSON.parse(topic.attributes.Policy ?? defaultPolicy(topic)) as Policy;
  const statements = policy.Statement ?? [];
  // A repeated label answers 200 (native AWS, radkawar/stackd testdata/aws/sns/controls.json,
  // topic-add-permission-repeat, 2026-09-14); its statement is replaced (the capture repeated an
  // identical one, so the policy read the same either way).
  const statement = {
    Sid: input.Label, Effect: 'Allow',
    Principal: { AWS: one(input.AWSAccountId.map((a) => `arn:aws:iam::${a}:root`)) },
    Action: one(input.ActionName.map((a) => `SNS:${a}`)), Resource: topic.arn,
  };
  policy.Statement = [...statements.filter((s) => s.Sid !== input.Label), statement];
  await deps.store.putTopic({ ...topic, attributes: { ...topic.attributes, Policy: JSON.stringify(policy) } });
  return {};
});

export const removePermission: SnsHandler<RemovePermissionInput, RemovePermissionOutput> = inTopicTurn((input) => input.TopicArn, async (deps, ctx, input) => {
  const topic = topicOf(deps, ctx, input.TopicArn);
  const policy = JSON.parse(topic.attributes.Policy ?? defaultPolicy(topic)) as Policy;
  const statements = policy.Statement ?? [];
  // An absent label answers 200 and changes nothing (native AWS, controls.json,
  // topic-remove-permission-repeat, 2026-09-14).
  if (!statements.some((s) => s.Sid === input.Label)) return {};
  policy.Statement = statements.filter((s) => s.Sid !== input.Label);
  await deps.store.putTopic({ ...topic, attributes: { ...topic.attributes, Policy: JSON.stringify(policy) } });
  return {};
});
