/**
 * One receive attempt on a queue: expire messages past retention, select (receive-select.ts),
 * redrive messages received maxReceiveCount times to the dead-letter queue, mark the rest in
 * flight with a new receipt handle (their states in one state record: state-records.ts), and
 * write all of it as one batch before answering.
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html
 */
import type { MetaOp } from '../../storage/meta-store.js';
import { SQS_NS, messageKey } from './keys.js';
import { encodeMessage } from './message-codec.js';
import { parseQueueArn } from './names.js';
import { intAttribute } from './queue-attributes.js';
import { newMsg, type Msg, type QueueState } from './queue-state.js';
import { encodeHandle } from './receipt-handle.js';
import type { MessageRecord } from './records.js';
import { arriveFifo } from './fifo-arrival.js';
import { dropMessage } from './drop-message.js';
import { writeStates } from './state-records.js';
import { attemptTag, rememberAttempt } from './receive-attempts.js';
import { expired, selectFifo, selectStandard } from './receive-select.js';
import type { Queue, SqsStore } from './store.js';

export interface Received { msg: Msg; record: MessageRecord; handle: string }

interface DeadLetter { queue: Queue; state: QueueState; maxReceiveCount: number }

async function deadLetterOf(store: SqsStore, queue: Queue): Promise<DeadLetter | undefined> {
  const policy = queue.record.attributes.RedrivePolicy;
  if (policy === undefined || policy === '') return undefined;
  const { deadLetterTargetArn, maxReceiveCount } = JSON.parse(policy) as { deadLetterTargetArn: string; maxReceiveCount: number | string };
  const address = parseQueueArn(deadLetterTargetArn);
  const dlq = address === undefined ? undefined : store.find(address);
  if (dlq === undefined || dlq === queue) return undefined;
  return { queue: dlq, state: dlq.loadedState ?? await dlq.state(store), maxReceiveCount: Number(maxReceiveCount) };
}

/**
 * Receives up to `max` messages for `visibilityMs`. With `attemptId` (a FIFO queue's
 * ReceiveRequestAttemptId) the messages' state record says so, and the attempt is remembered for
 * retries (receive-attempts.ts); without one nothing more is done.
 */
export async function receiveOnce(store: SqsStore, queue: Queue, state: QueueState, max: number, visibilityMs: number, attemptId?: string): Promise<Received[]> {
  const dead = await deadLetterOf(store, queue);
  const now = Date.now();
  const retentionMs = intAttribute(queue.record.attributes, 'MessageRetentionPeriod') * 1000;
  const gone: Msg[] = expired(state, retentionMs, now);
  for (const msg of gone) state.remove(msg);

  const taken: Msg[] = [];
  const redriven: Msg[] = [];
  // Redriven and expired messages do not count towards `max`: select again until it is filled.
  for (let round = 0; round < 100 && taken.length < max; round++) {
    const picked = queue.fifo ? selectFifo(state, max - taken.length, now) : selectStandard(state, max - taken.length, now);
    if (picked.length === 0) break;
    for (const msg of picked) {
      if (msg.sent + retentionMs <= now) { state.remove(msg); gone.push(msg); continue; }
      if (dead !== undefined && msg.count >= dead.maxReceiveCount) { state.remove(msg); redriven.push(msg); continue; }
      msg.count++;
      if (msg.first === 0) msg.first = now;
      msg.received = now;
      // In flight for the rest of this call whatever the timeout: with VisibilityTimeout 0 a
      // later round would otherwise take it again (a FIFO receive answered each message up to
      // ten times; AWS answers each once: localstack test_sqs.py
      // test_fifo_receive_message_with_zero_visibility_timeout). Scheduled below.
      msg.visibleAt = Number.POSITIVE_INFINITY;
      taken.push(msg);
    }
    if (!queue.fifo && redriven.length === 0 && gone.length === 0) break;
  }
  for (const msg of taken) {
    msg.visibleAt = now + visibilityMs;
    state.schedule(msg, now);
  }
  if (taken.length === 0 && redriven.length === 0 && gone.length === 0) return [];

  // Expired messages are read too: deleting one releases its shared body, named in its record.
  const records = await store.readMessages(queue, [...taken, ...redriven, ...gone].map((m) => m.seq));
  const ops: MetaOp[] = [];
  gone.forEach((msg, i) => {
    msg.ref = records[taken.length + redriven.length + i]?.ref ?? 0;
    dropMessage(store.bodies, queue.id, state, msg, ops);
  });
  const out: Received[] = [];
  const stateful: Msg[] = [];
  taken.forEach((msg, i) => {
    const record = records[i];
    if (record === undefined) return; // deleted (purged) meanwhile
    msg.ref = record.ref ?? 0;
    stateful.push(msg);
    out.push({ msg, record, handle: encodeHandle({ queueId: queue.id, seq: msg.seq, count: msg.count, received: msg.received }) });
  });
  const attempt = attemptId === undefined || stateful.length === 0 ? undefined : attemptTag(attemptId, now);
  const record = writeStates(queue.id, state, stateful, ops, attempt);
  if (attempt !== undefined) rememberAttempt(state, attempt, record, stateful, now);
  const moved: Array<{ msg: Msg; record: MessageRecord }> = [];
  redriven.forEach((msg, i) => {
    const record = records[taken.length + i];
    if (record !== undefined && dead?.queue.deleted === true) {
      // The dead-letter queue was deleted during the read: no redrive, as if it had not been found.
      msg.deleted = false;
      state.add(msg, now);
      return;
    }
    msg.ref = record?.ref ?? 0;
    dropMessage(store.bodies, queue.id, state, msg, ops);
    if (record === undefined || dead === undefined) return;
    const seq = dead.queue.numbers.next();
    // The copy owns its whole body (encodeMessage never writes a shared body's ref).
    const copy: MessageRecord = { ...record, dlqSource: queue.arn, priorReceives: msg.count, visibleAt: now };
    if (dead.queue.fifo) arriveFifo(dead.queue, dead.state, copy, seq, copy.id, now, ops);
    ops.push({ type: 'put', ns: SQS_NS, key: messageKey(dead.queue.id, seq), value: encodeMessage(copy) });
    const m = newMsg(seq, copy.sent, now, copy.group);
    m.count = msg.count;
    m.first = msg.first;
    moved.push({ msg: m, record: copy });
  });
  await store.commit(ops);
  if (dead !== undefined && moved.length > 0) {
    for (const { msg } of moved) dead.state.add(msg, Date.now());
    dead.state.wake();
  }
  return out;
}

/** The earliest time something in the queue may become receivable (for long polls). */
export function nextChange(state: QueueState): number {
  return state.nextVisibleAt();
}
