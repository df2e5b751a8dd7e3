/**
 * Strict by default (DESIGN.md §7) for SQS: every operation of the current model is implemented,
 * and every input member (batch entries included) is one the handlers honour. The list below is
 * what boltstack emulates; when an SDK update adds a member, this test fails until the member is
 * implemented or refused by the strict gate (rejectUnsupported), so none is ever ignored silently.
 */
import test from 'ava';
import { loadModel } from '../../../src/model/generated/index.js';
import { resolveShape } from '../../../src/protocols/shared/shape-walker.js';
import { implementedOperations } from '../../../src/services/sqs/index.js';
import type { ServiceModel, Shape } from '../../../src/model/types.js';

const EMULATED: Record<string, string[]> = {
  AddPermission: ['QueueUrl', 'Label', 'AWSAccountIds', 'Actions'],
  CancelMessageMoveTask: ['TaskHandle'],
  ChangeMessageVisibility: ['QueueUrl', 'ReceiptHandle', 'VisibilityTimeout'],
  ChangeMessageVisibilityBatch: ['QueueUrl', 'Entries', 'Entries.Id', 'Entries.ReceiptHandle', 'Entries.VisibilityTimeout'],
  CreateQueue: ['QueueName', 'Attributes', 'tags'],
  DeleteMessage: ['QueueUrl', 'ReceiptHandle'],
  DeleteMessageBatch: ['QueueUrl', 'Entries', 'Entries.Id', 'Entries.ReceiptHandle'],
  DeleteQueue: ['QueueUrl'],
  GetQueueAttributes: ['QueueUrl', 'AttributeNames'],
  GetQueueUrl: ['QueueName', 'QueueOwnerAWSAccountId'],
  ListDeadLetterSourceQueues: ['QueueUrl', 'NextToken', 'MaxResults'],
  ListMessageMoveTasks: ['SourceArn', 'MaxResults'],
  ListQueueTags: ['QueueUrl'],
  ListQueues: ['QueueNamePrefix', 'NextToken', 'MaxResults'],
  PurgeQueue: ['QueueUrl'],
  ReceiveMessage: ['QueueUrl', 'AttributeNames', 'MessageSystemAttributeNames', 'MessageAttributeNames', 'MaxNumberOfMessages', 'VisibilityTimeout', 'WaitTimeSeconds', 'ReceiveRequestAttemptId'],
  RemovePermission: ['QueueUrl', 'Label'],
  SendMessage: ['QueueUrl', 'MessageBody', 'DelaySeconds', 'MessageAttributes', 'MessageSystemAttributes', 'MessageDeduplicationId', 'MessageGroupId'],
  SendMessageBatch: ['QueueUrl', 'Entries', 'Entries.Id', 'Entries.MessageBody', 'Entries.DelaySeconds', 'Entries.MessageAttributes',
    'Entries.MessageSystemAttributes', 'Entries.MessageDeduplicationId', 'Entries.MessageGroupId'],
  SetQueueAttributes: ['QueueUrl', 'Attributes'],
  StartMessageMoveTask: ['SourceArn', 'DestinationArn', 'MaxNumberOfMessagesPerSecond'],
  TagQueue: ['QueueUrl', 'Tags'],
  UntagQueue: ['QueueUrl', 'TagKeys'],
};

function members(model: ServiceModel, shape: Shape | undefined): string[] {
  const out: string[] = [];
  for (const [name, ref] of Object.entries(shape?.members ?? {})) {
    out.push(name);
    const member = resolveShape(model, ref);
    if (name === 'Entries' && member.type === 'list') {
      const entry = resolveShape(model, member.member ?? {});
      for (const child of Object.keys(entry.members ?? {})) out.push(`Entries.${child}`);
    }
  }
  return out;
}

test('every SQS operation of the model is implemented', async (t) => {
  const model = await loadModel('sqs');
  t.deepEqual([...implementedOperations].sort(), Object.keys(model.operations).sort());
});

test('every input member of every SQS operation is one boltstack emulates', async (t) => {
  const model = await loadModel('sqs');
  const actual: Record<string, string[]> = {};
  for (const [name, op] of Object.entries(model.operations)) actual[name] = members(model, op.input);
  t.deepEqual(actual, EMULATED);
});
