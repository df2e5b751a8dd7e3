/**
 * ReceiveMessage: up to MaxNumberOfMessages (1-10) messages, each made invisible for
 * VisibilityTimeout (the queue's by default); with WaitTimeSeconds (the queue's
 * ReceiveMessageWaitTimeSeconds by default) a long poll that answers the moment a message
 * arrives or becomes visible again, else after the wait with no messages. On FIFO queues a
 * ReceiveRequestAttemptId retried within 5 minutes is answered by receive-attempts.ts, and
 * receives with one id run one after another there.
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_ReceiveMessage.html
 */
import type { ReceiveMessageInput, ReceiveMessageOutput } from '../../../model/generated/sqs-types.js';
import { queueWithState, required, type SqsHandler } from '../context.js';
import { sqsErrors } from '../errors.js';
import { messageOutput, systemNames } from '../message-output.js';
import { intAttribute } from '../queue-attributes.js';
import type { QueueState } from '../queue-state.js';
import { oneAtATime, retryAttempt } from '../receive-attempts.js';
import { receiveOnce, type Received } from '../receive.js';
import type { Queue, SqsStore } from '../store.js';

function validate(input: ReceiveMessageInput): void {
  const { MaxNumberOfMessages: max, WaitTimeSeconds: wait, VisibilityTimeout: vt } = input;
  if (max !== undefined && (!Number.isInteger(max) || max < 1 || max > 10)) {
    throw sqsErrors.invalidValue(max, 'MaxNumberOfMessages', 'Must be between 1 and 10, if provided.');
  }
  if (wait !== undefined && (!Number.isInteger(wait) || wait < 0 || wait > 20)) {
    throw sqsErrors.invalidValue(wait, 'WaitTimeSeconds', 'Must be >= 0 and <= 20, if provided.');
  }
  if (vt !== undefined && (!Number.isInteger(vt) || vt < 0 || vt > 43_200)) {
    throw sqsErrors.invalidValue(vt, 'VisibilityTimeout', 'Must be >= 0 and <= 43200, if provided.');
  }
}

/**
 * Receives, waiting until `deadline` (ms) for a message. The client's signal is read only when the
 * receive has to wait: the request context makes it on first use (an AbortController and an
 * abort listener), about 1 µs of main thread per message in the send + receive + delete batches
 * of sqs-figures, whose receives never wait.
 */
async function receiveWaiting(store: SqsStore, queue: Queue, state: QueueState, max: number, visibilityMs: number, deadline: number, ctx: { readonly signal: AbortSignal }, attemptId: string | undefined): Promise<Received[]> {
  for (;;) {
    const got = await receiveOnce(store, queue, state, max, visibilityMs, attemptId);
    const now = Date.now();
    if (got.length > 0 || now >= deadline || ctx.signal.aborted || store.find(queue.record) !== queue) return got;
    await state.wait(Math.min(deadline, state.nextVisibleAt()) - now, ctx.signal);
  }
}

export const receiveMessage: SqsHandler<ReceiveMessageInput, ReceiveMessageOutput> = async (deps, ctx, input) => {
  required(input, 'QueueUrl');
  validate(input);
  const { queue, state } = await queueWithState(deps, ctx, input.QueueUrl);
  const system = systemNames(input.AttributeNames, input.MessageSystemAttributeNames);
  const attrs = queue.record.attributes;
  const max = input.MaxNumberOfMessages ?? 1;
  const visibilityMs = (input.VisibilityTimeout ?? intAttribute(attrs, 'VisibilityTimeout')) * 1000;
  const waitMs = (input.WaitTimeSeconds ?? intAttribute(attrs, 'ReceiveMessageWaitTimeSeconds')) * 1000;
  const attemptId = queue.fifo ? input.ReceiveRequestAttemptId : undefined;
  if (attemptId !== undefined && !/^[\x21-\x7e]{1,128}$/.test(attemptId)) {
    throw sqsErrors.invalidValue(attemptId, 'ReceiveRequestAttemptId', 'ReceiveRequestAttemptId can only include alphanumeric and punctuation characters. 1 to 128 in length.');
  }
  // Counted from the call's arrival: a receive that waited for an earlier one with its attempt
  // id waits only for what is left.
  const deadline = Date.now() + waitMs;
  const got = attemptId === undefined
    ? await receiveWaiting(deps.store, queue, state, max, visibilityMs, deadline, ctx, undefined)
    : await oneAtATime(state, attemptId, async () => {
      // Deleted while an earlier receive ran: no messages, as a long poll answers (receiveWaiting).
      if (deps.store.find(queue.record) !== queue) return [];
      return await retryAttempt(deps.store, queue, state, attemptId, visibilityMs)
        ?? await receiveWaiting(deps.store, queue, state, max, visibilityMs, deadline, ctx, attemptId);
    }, { deadline, ranOut: () => [] });
  if (got.length === 0) return {};
  return { Messages: got.map(({ msg, record, handle }) => messageOutput(record, msg, handle, system, input.MessageAttributeNames)) };
};
