/**
 * What a receipt handle may do, shared by DeleteMessage(Batch) and ChangeMessageVisibility(Batch).
 * Each returns the operations to write; the caller commits them in one batch.
 *
 * Deleting with a handle from an earlier receive (the message was received again since): on a
 * standard queue AWS accepts it; boltstack then answers success but leaves the message alone while
 * it is in flight under the newer handle (it never deletes a message another consumer is working
 * on), and deletes it once it is visible again. On a FIFO queue a handle whose visibility timeout
 * has ended is refused, as AWS refuses it.
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_DeleteMessage.html
 */
import type { MetaOp } from '../../storage/meta-store.js';
import { dropMessage } from './drop-message.js';
import { sqsErrors } from './errors.js';
import type { Msg, QueueState } from './queue-state.js';
import { decodeHandle } from './receipt-handle.js';
import type { SharedBodies } from './shared-bodies.js';
import { writeStates } from './state-records.js';
import type { Queue } from './store.js';

const MAX_VISIBILITY_S = 43_200;

function current(msg: Msg, h: { count: number; received: number }): boolean {
  return msg.count === h.count && msg.received === h.received;
}

export function deleteByHandle(bodies: SharedBodies, queue: Queue, state: QueueState, handle: string, now: number): MetaOp[] {
  const h = decodeHandle(handle);
  if (h.queueId !== queue.id) throw sqsErrors.receiptHandleNotValid(handle);
  const msg = state.messages.get(h.seq);
  if (msg === undefined) return [];
  if (queue.fifo) {
    if (!current(msg, h) || msg.visibleAt <= now) throw sqsErrors.invalidValue(handle, 'ReceiptHandle', 'The receipt handle has expired.');
  } else if (!current(msg, h) && msg.visibleAt > now) {
    return [];
  }
  state.remove(msg);
  // The group of a FIFO message may now be free: long polls may find its next message.
  if (queue.fifo) state.wake();
  const ops: MetaOp[] = [];
  dropMessage(bodies, queue.id, state, msg, ops);
  return ops;
}

export function changeVisibility(queue: Queue, state: QueueState, handle: string, timeout: number | undefined, now: number): MetaOp[] {
  if (timeout === undefined) throw sqsErrors.missingParameter('VisibilityTimeout');
  const h = decodeHandle(handle);
  if (h.queueId !== queue.id) throw sqsErrors.receiptHandleNotValid(handle);
  if (!Number.isInteger(timeout) || timeout < 0 || timeout > MAX_VISIBILITY_S) {
    throw sqsErrors.invalidValue(timeout, 'VisibilityTimeout', `Must be between 0 and ${MAX_VISIBILITY_S}, if provided.`);
  }
  const msg = state.messages.get(h.seq);
  if (msg === undefined || !current(msg, h)) {
    throw sqsErrors.invalidValue(handle, 'ReceiptHandle', 'Message does not exist or is not available for visibility timeout change.');
  }
  if (msg.visibleAt <= now) {
    // On a standard queue, a handle whose timeout has passed (and no newer receive) is answered
    // OK and changes nothing: AWS's answer in localstack tests/aws/services/sqs/test_sqs.snapshot.json,
    // test_change_message_visibility_after_visibility_timeout_expiration (2024-04-30), and
    // localstack#9632 (2023, "AWS simply sends back an OK and does nothing").
    if (!queue.fifo) return [];
    throw sqsErrors.messageNotInflight();
  }
  // The 12 hours count from the receive, not from this call.
  if (now - msg.received + timeout * 1000 > MAX_VISIBILITY_S * 1000) {
    throw sqsErrors.invalidValue(timeout, 'VisibilityTimeout', `Total VisibilityTimeout for the message is beyond the limit [${MAX_VISIBILITY_S} seconds]`);
  }
  const sooner = now + timeout * 1000 < msg.visibleAt;
  msg.visibleAt = now + timeout * 1000;
  state.schedule(msg, now);
  // Long polls sleep until the earliest visibility they know of: a sooner one must wake them.
  if (sooner) state.wake();
  const ops: MetaOp[] = [];
  writeStates(queue.id, state, [msg], ops);
  return ops;
}
