/**
 * ChangeMessageVisibility(Batch): a new visibility timeout for a message in flight, counted from
 * now; the total since the receive may not pass 12 hours. 0 makes it visible at once.
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_ChangeMessageVisibility.html
 */
import type {
  ChangeMessageVisibilityBatchInput, ChangeMessageVisibilityBatchOutput, ChangeMessageVisibilityInput, ChangeMessageVisibilityOutput,
} from '../../../model/generated/sqs-types.js';
import { applyByReceiptHandle, assertBatch } from '../batch.js';
import { queueWithState, required, type SqsHandler } from '../context.js';
import { changeVisibility } from '../handle-actions.js';
import { sqsErrors } from '../errors.js';

export const changeMessageVisibility: SqsHandler<ChangeMessageVisibilityInput, ChangeMessageVisibilityOutput> = async (deps, ctx, input) => {
  required(input, 'QueueUrl', 'ReceiptHandle', 'VisibilityTimeout');
  const { queue, state } = await queueWithState(deps, ctx, input.QueueUrl);
  await deps.store.commit(changeVisibility(queue, state, input.ReceiptHandle, input.VisibilityTimeout, Date.now()));
  return {};
};

export const changeMessageVisibilityBatch: SqsHandler<ChangeMessageVisibilityBatchInput, ChangeMessageVisibilityBatchOutput> = async (deps, ctx, input) => {
  required(input, 'QueueUrl');
  const { queue, state } = await queueWithState(deps, ctx, input.QueueUrl);
  assertBatch(input.Entries, 'ChangeMessageVisibilityBatchRequestEntry');
  const now = Date.now();
  return applyByReceiptHandle(input.Entries, (entry) => {
    // AWS names the entry's parameter with its 1-based place (aws/aws-sdk-go-v2#2250, 2023-08-21).
    // Go SDK v2 SQS clients before aws/aws-sdk-go-v2#2767 (2024-08-30; Debian's 1.19.12 among
    // them) drop a zero VisibilityTimeout from an entry, so their users meet this answer.
    if (entry.VisibilityTimeout === undefined) throw sqsErrors.missingParameter(`ChangeMessageVisibilityBatchRequestEntry.${input.Entries.indexOf(entry) + 1}.VisibilityTimeout`);
    return changeVisibility(queue, state, entry.ReceiptHandle, entry.VisibilityTimeout, now);
  }, (ops) => deps.store.commit(ops));
};
