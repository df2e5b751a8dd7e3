/**
 * GetQueueAttributes (named attributes or All, with the Approximate* counters computed from the
 * messages now) and SetQueueAttributes (validated as at creation; FifoQueue cannot change).
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_GetQueueAttributes.html
 */
import type { GetQueueAttributesInput, GetQueueAttributesOutput, SetQueueAttributesInput, SetQueueAttributesOutput } from '../../../model/generated/sqs-types.js';
import { inQueueTurn, queueWithState, required, type SqsHandler } from '../context.js';
import { sqsErrors } from '../errors.js';
import { allAttributes, isKnownAttribute, validateAttributes } from '../queue-attributes.js';
import { assertDeadLetterTarget } from '../redrive.js';

export const getQueueAttributes: SqsHandler<GetQueueAttributesInput, GetQueueAttributesOutput> = async (deps, ctx, input) => {
  required(input, 'QueueUrl');
  const { queue, state } = await queueWithState(deps, ctx, input.QueueUrl);
  const names = input.AttributeNames ?? [];
  for (const name of names) if (!isKnownAttribute(name)) throw sqsErrors.invalidAttributeName(name);
  if (names.length === 0) return {};
  state.promote(Date.now());
  const all = allAttributes({ ...queue.record, arn: queue.arn }, state.counters(Date.now()));
  if (names.includes('All')) return { Attributes: all };
  const out: Record<string, string> = {};
  for (const name of names) if (all[name] !== undefined) out[name] = all[name]!;
  return Object.keys(out).length > 0 ? { Attributes: out } : {};
};

export const setQueueAttributes: SqsHandler<SetQueueAttributesInput, SetQueueAttributesOutput> = async (deps, ctx, input) => {
  required(input, 'QueueUrl');
  // No attribute to set (none sent, an empty map, or over the query protocol only names without
  // values, which the decoder drops) is AWS's MissingParameter for the first entry's name, over
  // query and json alike (localstack's AWS-validated TestMissingParameter.test_sqs_send_message:
  // SetQueueAttributes without Attribute.* over query; real AWS answers quoted in
  // aws-controllers-k8s/community#2139, 2024-08, and pulumi/pulumi-aws#5677 and #5959, 2025).
  if (input.Attributes === undefined || Object.keys(input.Attributes).length === 0) throw sqsErrors.missingParameter('Attribute.Name');
  const { queue } = await queueWithState(deps, ctx, input.QueueUrl);
  return inQueueTurn(deps, queue, async () => {
    const given = validateAttributes(input.Attributes, queue.fifo, false);
    if (given.RedrivePolicy) assertDeadLetterTarget(deps.store, given.RedrivePolicy, queue.fifo, queue.arn);
    const attributes = { ...queue.record.attributes };
    for (const [name, value] of Object.entries(given)) {
      // An empty policy removes it; a KMS key of "" turns KMS encryption off.
      if (value === '' && ['Policy', 'RedrivePolicy', 'RedriveAllowPolicy', 'KmsMasterKeyId'].includes(name)) delete attributes[name];
      else attributes[name] = value;
    }
    // A KMS key turns SQS-managed encryption off for good: removing the key later does not turn it
    // back on (AWS's answer in localstack test_sqs.snapshot.json, test_set_queue_attributes_default_values
    // "get-queue-attributes-after-set-to-defaults", 2025-12-10).
    if ((given.KmsMasterKeyId ?? '') !== '' && given.SqsManagedSseEnabled === undefined) attributes.SqsManagedSseEnabled = 'false';
    await deps.store.save(queue, { ...queue.record, attributes, modified: Math.floor(Date.now() / 1000) });
    return {};
  });
};
