/**
 * One queue's messages in memory (DESIGN.md §8b): rebuilt from the MetaStore when the queue is
 * first used, then kept in step with every committed change. Holds no bodies (they stay in the
 * store): per message only what receiving, visibility and FIFO ordering need.
 *
 * - `fresh` (standard queues): messages visible since they were sent and never received, in send
 *   order, compactly (fresh-log.ts); a message becomes a `Msg` when it is first received.
 * - `messages`: every other message by sequence number (log-numbers.ts: drawn from one counter
 *   for all queues, so a queue's are increasing, not consecutive); a Map keeps insertion order, which is
 *   send order for FIFO queues (FIFO selection walks it from the front) and roughly send order
 *   otherwise (retention expiry walks it from the front).
 * - `ready`: standard queues' messages that became visible again (after a receive or a delay),
 *   in the order they did; taken before `fresh`.
 * - `timed`: messages that become visible later (delayed or in flight), by that time.
 * - `waiters`: long polls, woken the moment a message may have become receivable.
 */
import { FreshLog } from './fresh-log.js';
import { LOG_BASE } from './keys.js';
import { MinHeap } from './min-heap.js';
import type { DedupRecord } from './records.js';

export interface Msg {
  seq: number;
  /** SentTimestamp (ms), for retention. */
  sent: number;
  /** When it is visible (ms); in the past or now: visible. */
  visibleAt: number;
  /** ApproximateReceiveCount */
  count: number;
  /** ApproximateFirstReceiveTimestamp (ms); 0: never received. */
  first: number;
  /** When the current receive happened (ms). */
  received: number;
  group: string | undefined;
  /** Bumped on every visibility change: heap entries of an older version are stale. */
  version: number;
  /** In `ready` right now. */
  queued: boolean;
  deleted: boolean;
  /**
   * Where its current state (count, visibility) is stored: the number of a state record
   * (state-records.ts), LEGACY_STATE for a per-message state key of the earlier layout, or 0
   * when it has none (never received).
   */
  stateRecord: number;
  /**
   * The shared body its record references (shared-bodies.ts), once the record has been read and
   * that body's count is known; 0: none, or not read yet (deleting reads it: drop-message.ts).
   */
  ref: number;
}

/** Msg.stateRecord of a message whose state is under its own `s` key (written before state records). */
export const LEGACY_STATE = -1;

interface Timed { msg: Msg; version: number }

/** Whether a timed entry is still its message's (not deleted, not re-timed since). */
const current = (t: Timed): boolean => t.version === t.msg.version && !t.msg.deleted;

/** Stale timed entries tolerated before a sweep, so small queues never sweep. */
const STALE_TIMED_SLACK = 1024;

/**
 * A FIFO receive made with a ReceiveRequestAttemptId (receive-attempts.ts): its messages, and the
 * state record holding their state as that receive (or its last retry) left it. A message whose
 * state is elsewhere now was deleted, re-timed or received again: the attempt is not retryable.
 */
export interface ReceiveAttempt { readonly expires: number; record: number; readonly seqs: readonly number[] }

export class QueueState {
  readonly messages = new Map<number, Msg>();
  readonly #fresh = new FreshLog();
  readonly #ready: Msg[] = [];
  #readyHead = 0;
  readonly #timed = new MinHeap<Timed>();
  readonly #waiters = new Set<() => void>();
  /** FIFO deduplication ids (or content hashes) of the last 5 minutes. */
  readonly dedup = new Map<string, DedupRecord>();
  /** FIFO ReceiveRequestAttemptIds of the last 5 minutes, roughly oldest first. */
  readonly attempts = new Map<string, ReceiveAttempt>();
  /**
   * Receives with a ReceiveRequestAttemptId still running, by id: each resolves once its receive
   * has answered (receive-attempts.ts' oneAtATime). Empty unless such receives overlap.
   */
  readonly attemptsRunning = new Map<string, Promise<void>>();
  /** When expired deduplication ids are next dropped (ms). */
  dedupSweepAt = 0;
  /** When the last PurgeQueue was accepted (ms); 0: never. */
  purgedAt = 0;
  /** The next state record's number (state-records.ts). */
  nextStateRecord = LOG_BASE;
  /** State records by number: how many messages' current state each holds. */
  readonly stateRecordRefs = new Map<number, number>();

  constructor(readonly fifo: boolean) {}

  /** Adds a message (sent, or loaded at open) and files it as visible or timed. */
  add(msg: Msg, now: number): void {
    if (!this.fifo && msg.count === 0 && msg.visibleAt <= now && this.#fresh.push(msg.seq, msg.sent)) return;
    this.messages.set(msg.seq, msg);
    this.schedule(msg, now);
  }

  /** As `add` for a message just sent (never received), without a `Msg` when none is needed. */
  addSent(seq: number, sent: number, visibleAt: number, group: string | undefined, now: number): void {
    if (!this.fifo && visibleAt <= now && this.#fresh.push(seq, sent)) return;
    this.add(newMsg(seq, sent, visibleAt, group), now);
  }

  /** How many messages the queue holds. */
  get size(): number { return this.messages.size + this.#fresh.size; }

  /** The highest sequence number held, or 0. */
  lastSeq(): number {
    let last = this.#fresh.lastSeq();
    for (const seq of this.messages.keys()) if (seq > last) last = seq;
    return last;
  }

  /** Files a message after its visibility changed: visible now, or at `visibleAt`. */
  schedule(msg: Msg, now: number): void {
    msg.version++;
    if (msg.visibleAt <= now) {
      this.#makeReady(msg);
      return;
    }
    this.#timed.push(msg.visibleAt, { msg, version: msg.version });
    // An entry of a message deleted or re-timed since stays until its time comes, holding the
    // message: under a receive/delete load that is every message of the last visibility timeout
    // (30 s by default, tens of MiB at 3,000 messages/s). Each message has at most one current
    // entry, so past twice the messages held the stale ones go, in O(n) now and then.
    if (this.#timed.size > 2 * this.messages.size + STALE_TIMED_SLACK) this.#timed.retain(current);
  }

  remove(msg: Msg): void {
    msg.deleted = true;
    this.messages.delete(msg.seq);
  }

  /**
   * Empties the queue, as `clear`, and returns the sequence numbers of every message it held: a
   * bulk delete (PurgeQueue, DeleteQueue) deletes exactly these, so a message another operation
   * took out first (and deletes itself) is never deleted twice.
   */
  takeAll(): number[] {
    const seqs = this.#fresh.seqs();
    for (const seq of this.messages.keys()) seqs.push(seq);
    this.clear();
    return seqs;
  }

  clear(): void {
    for (const msg of this.messages.values()) msg.deleted = true;
    this.messages.clear();
    this.#fresh.clear();
    this.stateRecordRefs.clear();
    this.#ready.length = 0;
    this.#readyHead = 0;
    this.#timed.clear();
  }

  #makeReady(msg: Msg): void {
    if (this.fifo || msg.queued) return;
    msg.queued = true;
    this.#ready.push(msg);
  }

  /** Moves every timed message whose time has come to `ready`. */
  promote(now: number): void {
    while (this.#timed.peekKey() <= now) {
      const t = this.#timed.pop()!;
      if (current(t)) this.#makeReady(t.msg);
    }
  }

  /** The next visible message of a standard queue, taken off `ready` or else `fresh`, or undefined. */
  takeReady(now: number): Msg | undefined {
    while (this.#readyHead < this.#ready.length) {
      const msg = this.#ready[this.#readyHead]!;
      this.#ready[this.#readyHead++] = undefined as unknown as Msg;
      msg.queued = false;
      if (!msg.deleted && msg.visibleAt <= now) {
        this.#compact();
        return msg;
      }
    }
    this.#compact();
    return this.#takeFresh();
  }

  /** The oldest fresh message, now a `Msg` in `messages` (its visibleAt is its SentTimestamp). */
  #takeFresh(): Msg | undefined {
    if (this.#fresh.size === 0) return undefined;
    const seq = this.#fresh.frontSeq();
    const sent = this.#fresh.frontSent();
    this.#fresh.shift();
    const msg = newMsg(seq, sent, sent, undefined);
    this.messages.set(seq, msg);
    return msg;
  }

  /** Fresh messages sent at or before `cutoff` (past retention), oldest first, taken as `Msg`s. */
  takeExpiredFresh(cutoff: number, out: Msg[]): void {
    while (this.#fresh.size > 0 && this.#fresh.frontSent() <= cutoff) out.push(this.#takeFresh()!);
  }

  /** Puts messages taken by `takeReady` back at the front (a receive that took too many). */
  untake(msgs: Msg[]): void {
    for (let i = msgs.length - 1; i >= 0; i--) {
      const msg = msgs[i]!;
      if (msg.queued || msg.deleted) continue;
      msg.queued = true;
      if (this.#readyHead > 0) this.#ready[--this.#readyHead] = msg;
      else this.#ready.unshift(msg);
    }
  }

  #compact(): void {
    if (this.#readyHead > 1024 && this.#readyHead * 2 > this.#ready.length) {
      this.#ready.splice(0, this.#readyHead);
      this.#readyHead = 0;
    }
  }

  /** Entries in the timed heap, stale ones included (tests). */
  get timedEntries(): number { return this.#timed.size; }

  /** When the next timed message becomes visible (ms), or Infinity. */
  nextVisibleAt(): number {
    return this.#timed.peekKey();
  }

  /** Counters for ApproximateNumberOfMessages{,NotVisible,Delayed}. */
  counters(now: number): { visible: number; notVisible: number; delayed: number } {
    let visible = 0;
    let notVisible = 0;
    let delayed = 0;
    visible += this.#fresh.size;
    for (const msg of this.messages.values()) {
      if (msg.visibleAt <= now) visible++;
      else if (msg.count > 0) notVisible++;
      else delayed++;
    }
    return { visible, notVisible, delayed };
  }

  /** Resolves on the next `wake()` or after `ms`, whichever is first. */
  wait(ms: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.#waiters.delete(done);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, ms));
      this.#waiters.add(done);
      signal.addEventListener('abort', done, { once: true });
    });
  }

  /** Wakes every long poll: a message may have become receivable. */
  wake(): void {
    if (this.#waiters.size === 0) return;
    for (const done of [...this.#waiters]) done();
  }

  get waiting(): number { return this.#waiters.size; }
}

export function newMsg(seq: number, sent: number, visibleAt: number, group: string | undefined): Msg {
  return { seq, sent, visibleAt, count: 0, first: 0, received: 0, group, version: 0, queued: false, deleted: false, stateRecord: 0, ref: 0 };
}
