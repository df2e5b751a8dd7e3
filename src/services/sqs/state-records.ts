/**
 * Where received messages keep their state (receive count, first receive, visibility): one state
 * record per receive (or visibility change) holding every message it touched, under
 * `DEL r\0<queueId>\0<record number>` (keys.ts: after the log), instead of one record per message. A receive of ten
 * is then one write, and a delete removes the message and, once no message's current state is
 * left in it, the state record, in the same batch: no read-modify-write, and the counts live in
 * memory (QueueState.stateRecordRefs).
 *
 * A message received again gets its state in the newer record; loading a queue reads records in
 * number order, so the newest state wins and entries of deleted messages are ignored. A record
 * whose every entry is stale by then is deleted at load. State written by earlier versions under
 * a per-message `s` key is still read, and removed when the message is received again or deleted.
 *
 * A FIFO receive with a ReceiveRequestAttemptId (receive-attempts.ts) adds a line to its record:
 * `\n<expires> <attempt id>` (an id is printable ASCII without spaces), so a retry after a restart
 * finds its attempt where the state it must match is; a receive without one writes what it did.
 */
import type { MetaOp } from '../../storage/meta-store.js';
import { decimalText } from './decimal-text.js';
import { SQS_NS, stateKey, stateRecordKey } from './keys.js';
import { LEGACY_STATE, type Msg, type QueueState } from './queue-state.js';
import type { MessageState } from './records.js';

/** A FIFO receive's ReceiveRequestAttemptId and when retrying it stops being possible (ms). */
export interface AttemptTag { readonly id: string; readonly expires: number }

/**
 * Adds to `ops` one state record with the current state of `msgs` (and `attempt`, the receive's
 * attempt id, if it had one) and what it makes obsolete; returns the record's number (0: none).
 */
export function writeStates(queueId: string, state: QueueState, msgs: Msg[], ops: MetaOp[], attempt?: AttemptTag): number {
  if (msgs.length === 0) return 0;
  const number = state.nextStateRecord++;
  let value = '';
  for (const msg of msgs) {
    release(queueId, state, msg, ops);
    msg.stateRecord = number;
    value += `${value === '' ? '' : ';'}${decimalText(msg.seq)},${msg.count},${decimalText(msg.first)},${decimalText(msg.visibleAt)},${decimalText(msg.received)}`;
  }
  if (attempt !== undefined) value += `\n${decimalText(attempt.expires)} ${attempt.id}`;
  state.stateRecordRefs.set(number, msgs.length);
  ops.push({ type: 'put', ns: SQS_NS, key: stateRecordKey(queueId, number), value });
  return number;
}

/** The message's state is no longer where it was (deleted, or written anew): adds the deletes that makes possible. */
export function release(queueId: string, state: QueueState, msg: Msg, ops: MetaOp[]): void {
  const number = msg.stateRecord;
  msg.stateRecord = 0;
  if (number === 0) return;
  if (number === LEGACY_STATE) {
    ops.push({ type: 'del', ns: SQS_NS, key: stateKey(queueId, msg.seq) });
    return;
  }
  const left = (state.stateRecordRefs.get(number) ?? 1) - 1;
  if (left > 0) {
    state.stateRecordRefs.set(number, left);
    return;
  }
  state.stateRecordRefs.delete(number);
  ops.push({ type: 'del', ns: SQS_NS, key: stateRecordKey(queueId, number) });
}

/** The states of one stored state record, by message sequence number. */
export function decodeStates(value: string): Array<{ seq: number; state: MessageState }> {
  const out: Array<{ seq: number; state: MessageState }> = [];
  const end = value.indexOf('\n');
  for (const entry of (end < 0 ? value : value.slice(0, end)).split(';')) {
    const [seq, count, first, visibleAt, received] = entry.split(',').map(Number) as [number, number, number, number, number];
    out.push({ seq, state: { count, first, visibleAt, received } });
  }
  return out;
}

/** The attempt id a state record was written with, if any. */
export function decodeAttemptTag(value: string): AttemptTag | undefined {
  const end = value.indexOf('\n');
  if (end < 0) return undefined;
  const space = value.indexOf(' ', end);
  return { expires: Number(value.slice(end + 1, space)), id: value.slice(space + 1) };
}
