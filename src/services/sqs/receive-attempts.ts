/**
 * FIFO ReceiveRequestAttemptId: for 5 minutes after a receive made with one, a receive with the
 * same id is a retry of it. While none of its messages was modified since (deleted, visibility
 * changed, received again), the retry answers the same messages with the same receipt handles
 * and ApproximateReceiveCount, and starts their visibility timeout again (the retry's
 * VisibilityTimeout, or the queue's); once one was, the retry is refused with InvalidParameterValue.
 * Past the 5 minutes the id is a new attempt.
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_ReceiveMessage.html
 * ("It is possible to retry ... if none of the messages have been modified (deleted or had their
 * visibility changes). During a visibility timeout, subsequent calls with the same
 * ReceiveRequestAttemptId return the same messages and receipt handles. If a retry occurs within
 * the deduplication interval, it resets the visibility timeout.")
 *
 * Receives with the same id on one queue run one after another (oneAtATime): an SDK retries a
 * receive it gave up on while the first may still be running (a long poll), and the retry must
 * answer what the first answers, not take other messages.
 *
 * "Modified" is read off the state records (state-records.ts): the attempt's receive writes its
 * messages' state into one record tagged with the id; anything that changes one of them moves
 * its state to another record. The tag makes attempts survive a restart (load-states.ts).
 */
import type { MetaOp } from '../../storage/meta-store.js';
import { sqsErrors } from './errors.js';
import type { Msg, QueueState } from './queue-state.js';
import { encodeHandle } from './receipt-handle.js';
import type { Received } from './receive.js';
import { writeStates, type AttemptTag } from './state-records.js';
import type { Queue, SqsStore } from './store.js';

/** How long an attempt id can be retried: "only for 5 minutes after a ReceiveMessage action". */
export const ATTEMPT_WINDOW_MS = 5 * 60 * 1000;

/** The tag a receive with attempt id `id` made at `now` writes with its messages' state. */
export const attemptTag = (id: string, now: number): AttemptTag => ({ id, expires: now + ATTEMPT_WINDOW_MS });

/** Records the attempt whose messages' state was just written to state record `record`. */
export function rememberAttempt(state: QueueState, tag: AttemptTag, record: number, msgs: readonly Msg[], now: number): void {
  // Attempts are kept in the order they were made: the expired ones are at the front.
  for (const [id, a] of state.attempts) {
    if (a.expires > now) break;
    state.attempts.delete(id);
  }
  state.attempts.delete(tag.id);
  state.attempts.set(tag.id, { expires: tag.expires, record, seqs: msgs.map((m) => m.seq) });
}

/**
 * Runs `receive`, a receive with attempt id `id`, once every receive with the same id on this
 * queue that came before it has answered; receives without an id never come here. Run side by
 * side, two receives would take different messages; one after the other, the later one finds
 * the earlier one's attempt and answers its messages and handles (retryAttempt), or, when the
 * earlier one took none (it failed, its client went away, its wait ended empty), receives for
 * itself. AWS's guide: "Retry using the same receive request attempt ID if the operation fails"
 * (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/using-receiverequestattemptid-request-parameter.html).
 */
export async function oneAtATime<T>(state: QueueState, id: string, receive: () => Promise<T>, until?: GiveUp<T>): Promise<T> {
  const earlier = state.attemptsRunning.get(id);
  let answered!: () => void;
  const mine = new Promise<void>((resolve) => { answered = resolve; });
  state.attemptsRunning.set(id, mine);
  const release = (): void => {
    if (state.attemptsRunning.get(id) === mine) state.attemptsRunning.delete(id);
    answered();
  };
  if (earlier !== undefined && until !== undefined && !(await settlesBy(earlier, Math.max(until.deadline, Date.now() + FINISH_MS)))) {
    // Out of its own wait behind a longer poll: it answers now, and keeps its place in line until
    // the earlier receive answers, so a call after it still comes after that one.
    void earlier.then(release);
    return until.ranOut();
  }
  try {
    if (earlier !== undefined) await earlier;
    return await receive();
  } finally {
    release();
  }
}

/**
 * When a receive waiting behind an earlier one with its id stops waiting: at its own deadline
 * (ms), answering `ranOut()` (no messages), as any long poll answers when its WaitTimeSeconds
 * end. Without it, a 1 s poll behind a 20 s one answered after 20 s (hostile pass 20).
 */
export interface GiveUp<T> { deadline: number; ranOut: () => T }

/**
 * How long a receive behind another waits at least, whatever its own WaitTimeSeconds: an earlier
 * receive that found messages answers within milliseconds (its state write), and a retry with
 * WaitTimeSeconds 0 must answer those messages, not give up empty while they are being written.
 */
const FINISH_MS = 1000;

/** Whether `p` settles before `deadline` (epoch ms). */
async function settlesBy(p: Promise<void>, deadline: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => { timer = setTimeout(resolve, Math.max(0, deadline - Date.now()), false); });
  try {
    return await Promise.race([p.then(() => true), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** The attempt's messages, if none was modified since it (or its last retry) answered them. */
function unmodified(state: QueueState, record: number, seqs: readonly number[]): Msg[] | undefined {
  const out: Msg[] = [];
  for (const seq of seqs) {
    const msg = state.messages.get(seq);
    if (msg === undefined || msg.deleted || msg.stateRecord !== record) return undefined;
    out.push(msg);
  }
  return out;
}

/**
 * The answer to a retry of attempt `id`: its messages, made invisible for `visibilityMs` again,
 * with the same handles; undefined when `id` names no attempt of the last 5 minutes (a new one).
 * Throws when one of its messages was modified since.
 */
export async function retryAttempt(store: SqsStore, queue: Queue, state: QueueState, id: string, visibilityMs: number): Promise<Received[] | undefined> {
  const attempt = state.attempts.get(id);
  if (attempt === undefined) return undefined;
  if (attempt.expires <= Date.now()) {
    state.attempts.delete(id);
    return undefined;
  }
  if (unmodified(state, attempt.record, attempt.seqs) === undefined) throw sqsErrors.receiveAttemptNotRetryable(id);
  const records = await store.readMessages(queue, [...attempt.seqs]);
  // Checked again: the read may have let a delete or another retry in.
  const msgs = unmodified(state, attempt.record, attempt.seqs);
  if (msgs === undefined || records.includes(undefined)) throw sqsErrors.receiveAttemptNotRetryable(id);
  const now = Date.now();
  let sooner = false;
  for (const msg of msgs) {
    sooner ||= now + visibilityMs < msg.visibleAt;
    msg.visibleAt = now + visibilityMs;
    state.schedule(msg, now);
  }
  // Long polls sleep until the earliest visibility they know of: a sooner one must wake them.
  if (sooner) state.wake();
  const ops: MetaOp[] = [];
  attempt.record = writeStates(queue.id, state, msgs, ops, { id, expires: attempt.expires });
  await store.commit(ops);
  return msgs.map((msg, i) => ({ msg, record: records[i]!, handle: encodeHandle({ queueId: queue.id, seq: msg.seq, count: msg.count, received: msg.received }) }));
}
