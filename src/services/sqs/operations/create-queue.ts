/**
 * CreateQueue: name rules (.fifo for FIFO queues), attribute validation, tags. Creating an
 * existing queue is idempotent when every attribute given equals the queue's; a different value
 * is QueueAlreadyExists, also for calls that overlap (one makes the queue, the others wait for it).
 * A name deleted less than 60 s ago is QueueDeletedRecently, as in AWS.
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_CreateQueue.html
 */
import type { CreateQueueInput, CreateQueueOutput } from '../../../model/generated/sqs-types.js';
import { required, type SqsHandler } from '../context.js';
import { sqsErrors } from '../errors.js';
import { assertQueueName, queueUrl } from '../names.js';
import { effectiveValue, validateAttributes } from '../queue-attributes.js';
import { assertTags } from '../tags.js';
import { assertDeadLetterTarget } from '../redrive.js';

export const createQueue: SqsHandler<CreateQueueInput, CreateQueueOutput> = async (deps, ctx, input) => {
  required(input, 'QueueName');
  const given = input.Attributes ?? {};
  const fifoValue = given.FifoQueue?.toLowerCase();
  if (fifoValue !== undefined && fifoValue !== 'true' && fifoValue !== 'false') throw sqsErrors.invalidAttributeValue('FifoQueue');
  // FifoQueue may only be given as true: "false" is "Unknown Attribute FifoQueue." (AWS's answer
  // quoted in aws/aws-cdk#31922, 2024-10, and aws/aws-sdk-php#1331, 2017).
  if (fifoValue === 'false') throw sqsErrors.invalidAttributeName('FifoQueue');
  const fifo = fifoValue === 'true';
  assertQueueName(input.QueueName, fifo);
  const attributes = validateAttributes(given, fifo, true);
  if (input.tags !== undefined) assertTags(input.tags, 0);
  const address = { account: ctx.accountId, region: ctx.region, name: input.QueueName };
  const url = queueUrl(ctx.host, ctx.accountId, input.QueueName);

  // Calls of one name that overlap make one queue: a later one waits for the creation under way
  // and answers as for an existing queue (its URL, or QueueAlreadyExists), as AWS does. A creation
  // that failed leaves the name free. No await between the last look and create() below, so no
  // other call can start a queue of the name in between.
  let existing = deps.store.find(address);
  let pending = existing === undefined ? deps.store.pendingCreation(address) : undefined;
  while (pending !== undefined) {
    await pending.catch(() => undefined);
    existing = deps.store.find(address);
    pending = existing === undefined ? deps.store.pendingCreation(address) : undefined;
  }
  if (existing !== undefined) {
    for (const [name, value] of Object.entries(given)) {
      const want = name === 'FifoQueue' ? value.toLowerCase() : attributes[name];
      if (effectiveValue(existing.record, name) !== want) throw sqsErrors.queueNameExists(name);
    }
    return { QueueUrl: url };
  }
  if (deps.store.recentlyDeleted.has(address, Date.now())) throw sqsErrors.queueDeletedRecently();
  if (attributes.RedrivePolicy) assertDeadLetterTarget(deps.store, attributes.RedrivePolicy, fifo);
  const now = Math.floor(Date.now() / 1000);
  await deps.store.create({
    id: deps.store.newQueueId(), name: input.QueueName, account: ctx.accountId, region: ctx.region, fifo,
    created: now, modified: now, attributes, tags: input.tags ?? {},
  });
  return { QueueUrl: url };
};

