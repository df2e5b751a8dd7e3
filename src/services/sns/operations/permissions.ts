/**
 * AddPermission / RemovePermission: statements of the topic's Policy, by label (Sid). Stored and
 * answered by GetTopicAttributes; not enforced (auth is off by default).
 * https://docs.aws.amazon.com/sns/latest/api/API_AddPermission.html
 */
import type { AddPermissionInput, AddPermissionOutput, RemovePermissionInput, RemovePermissionOutput } from '../../../model/generated/sns-types.js';
import { topicOf, type SnsHandler } from '../context.js';
import { snsErrors } from '../errors.js';
import { defaultPolicy } from '../topic-attributes.js';

interface Policy { Statement?: { Sid?: string }[] }

export const addPermission: SnsHandler<AddPermissionInput, AddPermissionOutput> = async (deps, ctx, input) => {
  const topic = topicOf(deps, ctx, input.TopicArn);
  if (input.AWSAccountId.length === 0) throw snsErrors.invalid('AWSAccountId');
  if (input.ActionName.length === 0) throw snsErrors.invalid('ActionName');
  const policy = JSON.parse(topic.attributes.Policy ?? defaultPolicy(topic)) as Policy;
  const statements = policy.Statement ?? [];
  if (statements.some((s) => s.Sid === input.Label)) throw snsErrors.invalid('Statement', 'Already exists');
  statements.push({
    Sid: input.Label, Effect: 'Allow',
    Principal: { AWS: input.AWSAccountId.map((a) => `arn:aws:iam::${a}:root`) },
    Action: input.ActionName.map((a) => `SNS:${a}`), Resource: topic.arn,
  } as { Sid: string });
  policy.Statement = statements;
  await deps.store.putTopic({ ...topic, attributes: { ...topic.attributes, Policy: JSON.stringify(policy) } });
  return {};
};

export const removePermission: SnsHandler<RemovePermissionInput, RemovePermissionOutput> = async (deps, ctx, input) => {
  const topic = topicOf(deps, ctx, input.TopicArn);
  const policy = JSON.parse(topic.attributes.Policy ?? defaultPolicy(topic)) as Policy;
  const statements = policy.Statement ?? [];
  if (!statements.some((s) => s.Sid === input.Label)) throw snsErrors.invalid('Label', `Can't remove label ${input.Label}: not found`);
  policy.Statement = statements.filter((s) => s.Sid !== input.Label);
  await deps.store.putTopic({ ...topic, attributes: { ...topic.attributes, Policy: JSON.stringify(policy) } });
  return {};
};
