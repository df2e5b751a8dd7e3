/**
 * Rebuilding queues' in-memory states from the store, for every queue not loaded yet at once:
 * messages are in SQS's log in write order, not under a prefix per queue (keys.ts), so one scan
 * of the log serves them all. Per queue, by prefix: its state records (with the FIFO receive
 * attempts of the last 5 minutes they name: receive-attempts.ts), its deduplication ids, and
 * the messages and per-message states of the earlier layout (numbers below LOG_BASE, so they
 * come before the log's in each queue's order).
 */
import type { MetaOp, MetaStore } from '../../storage/meta-store.js';
import {
  LOG_BASE, SQS_NS, dedupKey, dedupPrefix, lastPart, legacyDedupPrefix, legacyMessagePrefix, legacyStateRecordPrefix, logQueueOf, logNumberOf,
  logRange, prefixRange, seqOf, stateKey, statePrefix, stateRecordKey, stateRecordPrefix,
} from './keys.js';
import { decodeMessageHeader } from './message-codec.js';
import { LEGACY_STATE, QueueState, newMsg, type Msg } from './queue-state.js';
import { decodeState, type DedupRecord, type MessageState } from './records.js';
import type { SharedBodies } from './shared-bodies.js';
import { decodeAttemptTag, decodeStates } from './state-records.js';

/**
 * What loading needs of a queue: a Queue, or a deleted queue known only by its id (a tombstone
 * found at a start, store.ts: loaded as a standard queue, for its messages to be removed).
 */
export interface LoadTarget { readonly id: string; readonly fifo: boolean }

/** One queue's state while it loads. */
class QueueLoad<T extends LoadTarget> {
  readonly state: QueueState;
  /** Each received message's newest state, and the record it is in. */
  readonly #states = new Map<number, { state: MessageState; record: number }>();
  /** Messages whose state is under a per-message key of the earlier layout. */
  readonly #legacy = new Set<number>();
  readonly #records: number[] = [];
  /** Messages received before (a handle may delete them) need their shared body's count known. */
  readonly #refs: Array<{ msg: Msg; ref: number }> = [];

  constructor(readonly queue: T, readonly now: number) {
    this.state = new QueueState(queue.fifo);
  }

  /** Per-message keys of earlier versions first, then state records in number order (a later receive's record holds the newer state). */
  async readStates(meta: MetaStore): Promise<void> {
    for await (const [key, value] of meta.iterate(SQS_NS, prefixRange(statePrefix(this.queue.id)))) {
      const seq = seqOf(lastPart(key));
      this.#states.set(seq, { state: decodeState(value), record: LEGACY_STATE });
      this.#legacy.add(seq);
    }
    // The earlier layout's records first: their numbers are below LOG_BASE, so older.
    for (const prefix of [legacyStateRecordPrefix(this.queue.id), stateRecordPrefix(this.queue.id)]) {
      for await (const [key, value] of meta.iterate(SQS_NS, prefixRange(prefix))) {
        const number = seqOf(lastPart(key));
        this.#records.push(number);
        const states = decodeStates(value);
        for (const { seq, state } of states) this.#states.set(seq, { state, record: number });
        const attempt = decodeAttemptTag(value);
        // A retry after the restart checks, as before it, that the messages' state is still this record's.
        if (attempt !== undefined && attempt.expires > this.now) {
          this.state.attempts.set(attempt.id, { expires: attempt.expires, record: number, seqs: states.map((s) => s.seq) });
        }
      }
    }
    if (this.#records.length > 0) this.state.nextStateRecord = Math.max(LOG_BASE, this.#records[this.#records.length - 1]! + 1);
  }

  async readLegacyMessages(meta: MetaStore): Promise<void> {
    for await (const [key, value] of meta.iterate(SQS_NS, prefixRange(legacyMessagePrefix(this.queue.id)))) this.message(seqOf(lastPart(key)), value);
  }

  /** A stored message of this queue, in order. */
  message(seq: number, value: string): void {
    const state = this.state;
    const r = decodeMessageHeader(value);
    const s = this.#states.get(seq);
    if (s === undefined && r.priorReceives === undefined) {
      state.addSent(seq, r.sent, r.visibleAt, r.group, this.now);
      return;
    }
    const msg = newMsg(seq, r.sent, r.visibleAt, r.group);
    msg.count = r.priorReceives ?? 0;
    if (s !== undefined) {
      msg.count = s.state.count;
      msg.first = s.state.first;
      msg.visibleAt = s.state.visibleAt;
      msg.received = s.state.received;
      msg.stateRecord = s.record;
      if (s.record === LEGACY_STATE) this.#legacy.delete(seq);
      else state.stateRecordRefs.set(s.record, (state.stateRecordRefs.get(s.record) ?? 0) + 1);
      if (r.ref !== undefined) this.#refs.push({ msg, ref: r.ref });
    }
    state.add(msg, this.now);
  }

  /** Shared bodies counted, state no message uses any more dropped, deduplication ids read. */
  async finish(meta: MetaStore, bodies: SharedBodies): Promise<QueueState> {
    await Promise.all(this.#refs.map(({ ref }) => bodies.ensure(ref)));
    for (const { msg, ref } of this.#refs) msg.ref = ref;
    // State no message uses any more (its messages were deleted, or received again since).
    const stale: MetaOp[] = [];
    const id = this.queue.id;
    for (const seq of this.#legacy) stale.push({ type: 'del', ns: SQS_NS, key: stateKey(id, seq) });
    for (const number of this.#records) if (!this.state.stateRecordRefs.has(number)) stale.push({ type: 'del', ns: SQS_NS, key: stateRecordKey(id, number) });
    if (this.queue.fifo) {
      // Expired ones stay until the next send sweeps them (send.ts). The earlier layout's move
      // after the log, in the batch below (put and delete together: nothing lost or doubled).
      for (const prefix of [legacyDedupPrefix(id), dedupPrefix(id)]) {
        for await (const [key, value] of meta.iterate(SQS_NS, prefixRange(prefix))) {
          const name = key.slice(prefix.length);
          this.state.dedup.set(name, JSON.parse(value) as DedupRecord);
          if (prefix !== dedupPrefix(id)) stale.push({ type: 'del', ns: SQS_NS, key }, { type: 'put', ns: SQS_NS, key: dedupKey(id, name), value });
        }
      }
    }
    if (stale.length > 0) await meta.batch(stale);
    return this.state;
  }
}

/** The states of `queues`, read from the store. */
export async function loadStates<T extends LoadTarget>(meta: MetaStore, bodies: SharedBodies, queues: T[]): Promise<Map<T, QueueState>> {
  const now = Date.now();
  const loads = new Map<string, QueueLoad<T>>();
  for (const queue of queues) {
    const load = new QueueLoad(queue, now);
    loads.set(queue.id, load);
    await load.readStates(meta);
    await load.readLegacyMessages(meta);
  }
  for await (const [key, value] of meta.iterate(SQS_NS, logRange)) {
    const queueId = logQueueOf(key);
    if (queueId === undefined) continue; // a shared body
    loads.get(queueId)?.message(logNumberOf(key), value); // no queue has the empty id of a block marker
  }
  const out = new Map<T, QueueState>();
  for (const load of loads.values()) out.set(load.queue, await load.finish(meta, bodies));
  return out;
}
