/**
 * AddPermission / RemovePermission: statements in the queue's Policy attribute, labelled by Sid,
 * as AWS writes them (GetQueueAttributes Policy shows them). Policies are stored, not enforced
 * (auth none by default; see docs/sqs.md).
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_AddPermission.html
 */
import type { AddPermissionInput, AddPermissionOutput, RemovePermissionInput, RemovePermissionOutput } from '../../../model/generated/sqs-types.js';
import { inQueueTurn, queueOf, required, type SqsHandler } from '../context.js';
import { sqsErrors } from '../errors.js';
import type { Queue } from '../store.js';

interface Policy { Version?: string; Id?: string; Statement?: Array<Record<string, unknown>> }

const ACTIONS = new Set([
  '*', 'ChangeMessageVisibility', 'DeleteMessage', 'GetQueueAttributes', 'GetQueueUrl', 'ListDeadLetterSourceQueues',
  'PurgeQueue', 'ReceiveMessage', 'SendMessage', 'ListQueueTags', 'CancelMessageMoveTask', 'ListMessageMoveTasks', 'StartMessageMoveTask',
]);

function policyOf(queue: Queue): Policy {
  const text = queue.record.attributes.Policy;
  return text ? JSON.parse(text) as Policy : { Version: '2012-10-17', Id: `${queue.arn}/SQSDefaultPolicy`, Statement: [] };
}

export const addPermission: SqsHandler<AddPermissionInput, AddPermissionOutput> = async (deps, ctx, input) => {
  required(input, 'QueueUrl', 'Label', 'AWSAccountIds', 'Actions');
  const queue = queueOf(deps, ctx, input.QueueUrl);
  return inQueueTurn(deps, queue, async () => {
    if (!/^[A-Za-z0-9_-]{1,80}$/.test(input.Label)) throw sqsErrors.invalidValue(input.Label, 'Label', 'Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length');
    if (input.AWSAccountIds.length === 0) throw sqsErrors.missingParameter('AWSAccountId');
    if (input.Actions.length === 0) throw sqsErrors.missingParameter('ActionName');
    for (const action of input.Actions) {
      if (!ACTIONS.has(action)) throw sqsErrors.invalidValue(`SQS:${action}`, 'ActionName', 'Please refer to the appropriate WSDL for a list of valid actions.');
    }
    const policy = policyOf(queue);
    const statements = policy.Statement ??= [];
    if (statements.some((s) => s.Sid === input.Label)) throw sqsErrors.invalidValue(input.Label, 'Label', 'Already exists.');
    const principals = input.AWSAccountIds.map((id) => `arn:aws:iam::${id}:root`);
    const actions = input.Actions.map((a) => `SQS:${a}`);
    statements.push({
      Sid: input.Label, Effect: 'Allow',
      Principal: { AWS: principals.length === 1 ? principals[0] : principals },
      Action: actions.length === 1 ? actions[0] : actions,
      Resource: queue.arn,
    });
    await deps.store.save(queue, { ...queue.record, attributes: { ...queue.record.attributes, Policy: JSON.stringify(policy) } });
    return {};
  });
};

export const removePermission: SqsHandler<RemovePermissionInput, RemovePermissionOutput> = async (deps, ctx, input) => {
  required(input, 'QueueUrl', 'Label');
  const queue = queueOf(deps, ctx, input.QueueUrl);
  return inQueueTurn(deps, queue, async () => {
    const policy = policyOf(queue);
    const statements = policy.Statement ?? [];
    if (!statements.some((s) => s.Sid === input.Label)) throw sqsErrors.invalidValue(input.Label, 'Label', 'can\'t find label.');
    policy.Statement = statements.filter((s) => s.Sid !== input.Label);
    const attributes = { ...queue.record.attributes };
    if (policy.Statement.length === 0) delete attributes.Policy;
    else attributes.Policy = JSON.stringify(policy);
    await deps.store.save(queue, { ...queue.record, attributes });
    return {};
  });
};
