/**
 * What deleting one message writes, whichever operation deletes it (DeleteMessage, retention
 * expiry, a dead-letter redrive, a move task): its record, its share of a state record
 * (state-records.ts) and its share of a shared body (shared-bodies.ts). The caller has already
 * taken the message out of the queue's in-memory state, synchronously, when it decided to delete
 * it: that is what keeps two operations from deleting (and releasing) the same message.
 */
import type { MetaOp } from '../../storage/meta-store.js';
import { SQS_NS, messageKey } from './keys.js';
import type { Msg, QueueState } from './queue-state.js';
import type { SharedBodies } from './shared-bodies.js';
import { release } from './state-records.js';

export function dropMessage(bodies: SharedBodies, queueId: string, state: QueueState, msg: Msg, ops: MetaOp[]): void {
  ops.push({ type: 'del', ns: SQS_NS, key: messageKey(queueId, msg.seq) });
  release(queueId, state, msg, ops);
  if (msg.ref !== 0) {
    bodies.release(msg.ref, ops);
    msg.ref = 0;
  }
}
