/**
 * SQS in service terms over the MetaStore (keys.ts has the layout). Queue records are all held
 * in memory (they are few and small); a queue's messages are loaded into a QueueState on first
 * use. Every change a handler makes is one atomic batch (a send, a receive, a delete), and the
 * in-memory state follows only once the batch is durable, so an acknowledged send survives
 * kill -9 and a message in flight at a crash is visible again when its timeout would have ended.
 */
import { randomBytes } from 'node:crypto';
import type { Logger } from '../../log.js';
import { NOT_NOW, type MetaOp, type MetaStore } from '../../storage/meta-store.js';
import {
  SQS_NS, dedupPrefix, lastPart, messageKey, messagePrefix, prefixRange, queueKey, queueRange, seqOf, seqText, stateKey,
  statePrefix, stateRecordKey, stateRecordPrefix, tombstoneKey, tombstoneRange,
} from './keys.js';
import { decodeMessage, decodeMessageHeader } from './message-codec.js';
import { SharedBodies, type FinishBody } from './shared-bodies.js';
import { UuidV4Source } from '../../util/uuid-v4.js';
import { parseQueueArn, queueArn, type QueueAddress } from './names.js';
import { intAttribute } from './queue-attributes.js';
import { QueueUrlKeys } from './queue-url-keys.js';
import { LEGACY_STATE, QueueState, newMsg, type Msg } from './queue-state.js';
import { decodeState, type DedupRecord, type MessageRecord, type MessageState, type QueueRecord } from './records.js';
import { decodeStates } from './state-records.js';

export class Queue {
  readonly key: string;
  readonly arn: string;
  #state: Promise<QueueState> | undefined;

  /** `ids`: where its MessageIds come from (one source per store). */
  constructor(public record: QueueRecord, readonly ids: UuidV4Source) {
    this.key = queueKey(record.account, record.region, record.name);
    this.arn = queueArn(record);
  }

  #sendLimits: { of: QueueRecord; maxSize: number; delaySeconds: number } | undefined;

  /**
   * MaximumMessageSize and DelaySeconds as numbers, parsed once per record (records are replaced
   * by save, never changed in place): a send reads both for every message, an SNS publish for
   * every copy, and looking them up and parsing them was 3.5% of the main thread's profile of a
   * 10-subscription fan-out.
   */
  sendLimits(): { maxSize: number; delaySeconds: number } {
    if (this.#sendLimits?.of !== this.record) {
      const attributes = this.record.attributes;
      this.#sendLimits = { of: this.record, maxSize: intAttribute(attributes, 'MaximumMessageSize'), delaySeconds: intAttribute(attributes, 'DelaySeconds') };
    }
    return this.#sendLimits;
  }

  get id(): string { return this.record.id; }
  get fifo(): boolean { return this.record.fifo; }
  get name(): string { return this.record.name; }

  /** The queue's messages, loaded from the store on first use. */
  state(store: SqsStore): Promise<QueueState> {
    if (this.loadedState !== undefined) return Promise.resolve(this.loadedState);
    this.#state ??= store.loadState(this);
    return this.#state;
  }

  /** The state if it is loaded already (no await on the hot path). */
  loadedState: QueueState | undefined;

  /** Whether its state is being loaded right now. */
  get loading(): boolean {
    return this.#state !== undefined && this.loadedState === undefined;
  }
}

const DELETE_CHUNK = 1000;

export class SqsStore {
  readonly #meta: MetaStore;
  readonly #log: Logger;
  readonly #queues = new Map<string, Queue>();
  /** Queues by id, for receipt handles and in-process lookups. */
  readonly #byId = new Map<string, Queue>();
  /** Queues by ARN, for SNS's deliveries (one lookup per copy of a publish). */
  readonly #byArn = new Map<string, Queue>();
  /** Names deleted in the last 60 s, by queue key (QueueDeletedRecently). */
  readonly recentlyDeleted = new Map<string, number>();
  readonly #background = new Set<Promise<void>>();
  readonly #ids = new UuidV4Source();
  readonly #urlKeys = new QueueUrlKeys();
  /** Bodies the copies of one SNS publish share (shared-bodies.ts). */
  readonly bodies: SharedBodies;

  private constructor(meta: MetaStore, log: Logger, bodies: SharedBodies) {
    this.#meta = meta;
    this.#log = log;
    this.bodies = bodies;
  }

  /** `finish`: how deferred shared bodies are finished (absent: SQS takes none). */
  static async open(meta: MetaStore, log: Logger, finish?: FinishBody): Promise<SqsStore> {
    const store = new SqsStore(meta, log, await SharedBodies.open(meta, log, finish));
    for await (const [, value] of meta.iterate(SQS_NS, queueRange)) {
      const queue = new Queue(JSON.parse(value) as QueueRecord, store.#ids);
      store.#queues.set(queue.key, queue);
      store.#byId.set(queue.id, queue);
      store.#byArn.set(queue.arn, queue);
    }
    // Queues deleted before a crash: finish removing their messages.
    for await (const [key] of meta.iterate(SQS_NS, tombstoneRange)) store.#purgeDeleted(lastPart(key), undefined);
    return store;
  }

  get meta(): MetaStore { return this.#meta; }

  find(a: QueueAddress): Queue | undefined {
    return this.#queues.get(queueKey(a.account, a.region, a.name));
  }

  /** The queue a QueueUrl names (in `region` when the URL's host names none), or undefined. */
  findByUrl(url: string, region: string): Queue | undefined {
    const key = this.#urlKeys.keyOf(url, region);
    return key === undefined ? undefined : this.#queues.get(key);
  }

  byId(id: string): Queue | undefined { return this.#byId.get(id); }

  /** The queue an ARN names (arn:aws:sqs:<region>:<account>:<name>), or undefined. */
  findByArn(arn: string): Queue | undefined {
    const queue = this.#byArn.get(arn);
    if (queue !== undefined) return queue;
    const address = parseQueueArn(arn);
    return address === undefined ? undefined : this.find(address);
  }

  /** The queues of one account and region, by name. */
  list(account: string, region: string): Queue[] {
    const out: Queue[] = [];
    for (const q of this.#queues.values()) if (q.record.account === account && q.record.region === region) out.push(q);
    return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  all(): IterableIterator<Queue> { return this.#queues.values(); }

  newQueueId(): string {
    return BigInt(`0x${randomBytes(8).toString('hex')}`).toString(36);
  }

  async create(record: QueueRecord): Promise<Queue> {
    const queue = new Queue(record, this.#ids);
    await this.#meta.put(SQS_NS, queue.key, JSON.stringify(record));
    this.#queues.set(queue.key, queue);
    this.#byId.set(queue.id, queue);
    this.#byArn.set(queue.arn, queue);
    queue.loadedState = new QueueState(record.fifo);
    return queue;
  }

  async save(queue: Queue, record: QueueRecord): Promise<void> {
    await this.#meta.put(SQS_NS, queue.key, JSON.stringify(record));
    queue.record = record;
  }

  /** Deletes the queue at once; its messages are removed in the background (crash-safe via a tombstone). */
  async delete(queue: Queue): Promise<void> {
    await this.#meta.batch([
      { type: 'del', ns: SQS_NS, key: queue.key },
      { type: 'put', ns: SQS_NS, key: tombstoneKey(queue.id), value: '1' },
    ]);
    this.#queues.delete(queue.key);
    this.#byId.delete(queue.id);
    this.#byArn.delete(queue.arn);
    const now = Date.now();
    for (const [key, at] of this.recentlyDeleted) if (now - at > 60_000) this.recentlyDeleted.delete(key);
    this.recentlyDeleted.set(queue.key, now);
    // A state being loaded (an operation that found the queue just before) is emptied too, so
    // nothing is deleted both by that operation and by the purge below.
    const state = queue.loadedState ?? (queue.loading ? await queue.state(this) : undefined);
    const seqs = state?.takeAll();
    state?.wake();
    this.#purgeDeleted(queue.id, seqs);
  }

  /** Removes a deleted queue's messages (`seqs`, or all when its state was never loaded) and other records. */
  #purgeDeleted(queueId: string, seqs: number[] | undefined): void {
    const work = (async () => {
      await this.deleteMessages(queueId, seqs);
      // What is left belongs to operations that took it out of the state before the delete: they
      // delete it (and release its shared body) themselves; this only makes sure no key outlives the queue.
      for (const prefix of [messagePrefix(queueId), statePrefix(queueId), stateRecordPrefix(queueId), dedupPrefix(queueId)]) await this.deleteRange(prefix);
      await this.#meta.del(SQS_NS, tombstoneKey(queueId));
    })().catch((err: unknown) => this.#log.warn('sqs: removing a deleted queue\'s messages failed', { queueId, err: String(err) }));
    this.#background.add(work);
    void work.finally(() => this.#background.delete(work));
  }

  /** Deletes every key under `prefix` (up to sequence number `lastSeq`), in batches (not messages with bodies to release: deleteMessages). */
  async deleteRange(prefix: string, lastSeq?: number): Promise<void> {
    const range = lastSeq === undefined ? prefixRange(prefix) : { gte: prefix, lte: prefix + seqText(lastSeq) };
    for (;;) {
      const ops: MetaOp[] = [];
      for await (const [key] of this.#meta.iterate(SQS_NS, { ...range, limit: DELETE_CHUNK })) ops.push({ type: 'del', ns: SQS_NS, key });
      if (ops.length === 0) return;
      await this.#meta.batch(ops);
    }
  }

  /**
   * Deletes messages in bulk with their shares of shared bodies, in batches: `seqs`, taken out of
   * the queue's state by the caller (QueueState.takeAll), or every message of the queue (a
   * deleted queue whose state was never loaded: nothing else can delete its messages).
   */
  async deleteMessages(queueId: string, seqs: number[] | undefined): Promise<void> {
    if (seqs !== undefined) {
      for (let i = 0; i < seqs.length; i += DELETE_CHUNK) {
        const keys = seqs.slice(i, i + DELETE_CHUNK).map((seq) => messageKey(queueId, seq));
        const values = await this.#meta.getMany(SQS_NS, keys);
        await this.#deleteWithBodies(keys.map((key, j) => [key, values[j]]));
      }
      return;
    }
    for (;;) {
      const entries: Array<[string, string | undefined]> = [];
      for await (const entry of this.#meta.iterate(SQS_NS, { ...prefixRange(messagePrefix(queueId)), limit: DELETE_CHUNK })) entries.push(entry);
      if (entries.length === 0) return;
      await this.#deleteWithBodies(entries);
    }
  }

  async #deleteWithBodies(entries: Array<[key: string, value: string | undefined]>): Promise<void> {
    const refs: number[] = [];
    for (const [, value] of entries) {
      const ref = value === undefined ? undefined : decodeMessageHeader(value).ref;
      if (ref !== undefined) refs.push(ref);
    }
    await Promise.all(refs.map((ref) => this.bodies.ensure(ref)));
    const ops: MetaOp[] = [];
    for (const [key, value] of entries) if (value !== undefined) ops.push({ type: 'del', ns: SQS_NS, key });
    for (const ref of refs) this.bodies.release(ref, ops);
    if (ops.length > 0) await this.commit(ops);
  }

  /**
   * Writes `ops` atomically, durable when the promise resolves. Group commit: while one batch is
   * being written, the ops of every call that arrives are gathered and written together next,
   * so under load many sends share one LevelDB write (each call's ops stay all-or-nothing), and
   * writes reach LevelDB in call order.
   * The first batch after an idle moment waits for the rest of the event-loop turn (setImmediate:
   * the requests read in the same poll phase), not for a timer. Without it the first request
   * after a write went alone and the others waited for the next: under 16-connection SendMessage
   * replay batches alternated 1 and 15 ops (5.3 per batch on average), and each batch costs the
   * main thread a thread-pool hand-off and a completion wake-up, expensive on a shared
   * virtualised core. With it, 8-8.5 ops per batch in the same replay.
   */
  commit(ops: MetaOp[]): Promise<void> {
    return new Promise((resolve, reject) => {
      for (const op of ops) this.#queued.push(op);
      this.#waiting.push({ resolve, reject });
      if (!this.#writing) void this.#drain();
    });
  }

  readonly #queued: MetaOp[] = [];
  #waiting: Array<{ resolve: () => void; reject: (err: unknown) => void }> = [];
  #writing = false;

  async #drain(): Promise<void> {
    this.#writing = true;
    await new Promise<void>((resolve) => { setImmediate(resolve); });
    while (this.#waiting.length > 0) {
      const ops = this.#queued.splice(0);
      const waiting = this.#waiting;
      this.#waiting = [];
      try {
        await this.#meta.batch(ops);
        for (const w of waiting) w.resolve();
      } catch (err) {
        for (const w of waiting) w.reject(err);
      }
    }
    this.#writing = false;
  }

  /** Rebuilds a queue's in-memory state from its message, state and dedup records. */
  async loadState(queue: Queue): Promise<QueueState> {
    const state = new QueueState(queue.fifo);
    const now = Date.now();
    // Each message's newest state: per-message keys of earlier versions first, then state
    // records in number order (a later receive's record holds the newer state).
    const states = new Map<number, { state: MessageState; record: number }>();
    const legacy = new Set<number>();
    for await (const [key, value] of this.#meta.iterate(SQS_NS, prefixRange(statePrefix(queue.id)))) {
      const seq = seqOf(lastPart(key));
      states.set(seq, { state: decodeState(value), record: LEGACY_STATE });
      legacy.add(seq);
    }
    const records: number[] = [];
    for await (const [key, value] of this.#meta.iterate(SQS_NS, prefixRange(stateRecordPrefix(queue.id)))) {
      const number = seqOf(lastPart(key));
      records.push(number);
      for (const { seq, state: s } of decodeStates(value)) states.set(seq, { state: s, record: number });
    }
    if (records.length > 0) state.nextStateRecord = records[records.length - 1]! + 1;
    // Messages received before (a handle may delete them) need their shared body's count known.
    const refs: Array<{ msg: Msg; ref: number }> = [];
    for await (const [key, value] of this.#meta.iterate(SQS_NS, prefixRange(messagePrefix(queue.id)))) {
      const seq = seqOf(lastPart(key));
      const r = decodeMessageHeader(value);
      const s = states.get(seq);
      if (s === undefined && r.priorReceives === undefined) {
        state.addSent(seq, r.sent, r.visibleAt, r.group, now);
        continue;
      }
      const msg = newMsg(seq, r.sent, r.visibleAt, r.group);
      msg.count = r.priorReceives ?? 0;
      if (s !== undefined) {
        msg.count = s.state.count;
        msg.first = s.state.first;
        msg.visibleAt = s.state.visibleAt;
        msg.received = s.state.received;
        msg.stateRecord = s.record;
        if (s.record === LEGACY_STATE) legacy.delete(seq);
        else state.stateRecordRefs.set(s.record, (state.stateRecordRefs.get(s.record) ?? 0) + 1);
        if (r.ref !== undefined) refs.push({ msg, ref: r.ref });
      }
      state.add(msg, now);
    }
    await Promise.all(refs.map(({ ref }) => this.bodies.ensure(ref)));
    for (const { msg, ref } of refs) msg.ref = ref;
    // State no message uses any more (its messages were deleted, or received again since): drop it.
    const stale: MetaOp[] = [];
    for (const seq of legacy) stale.push({ type: 'del', ns: SQS_NS, key: stateKey(queue.id, seq) });
    for (const number of records) if (!state.stateRecordRefs.has(number)) stale.push({ type: 'del', ns: SQS_NS, key: stateRecordKey(queue.id, number) });
    if (stale.length > 0) await this.#meta.batch(stale);
    if (queue.fifo) {
      for await (const [key, value] of this.#meta.iterate(SQS_NS, prefixRange(dedupPrefix(queue.id)))) {
        const d = JSON.parse(value) as DedupRecord;
        // Expired ones stay until the next send sweeps them (send.ts).
        state.dedup.set(key.slice(dedupPrefix(queue.id).length), d);
      }
    }
    queue.loadedState = state;
    return state;
  }

  /**
   * The stored records of messages, in order, each with its whole body (shared-bodies.ts);
   * undefined for one deleted meanwhile.
   */
  async readMessages(queue: Queue, seqs: number[]): Promise<(MessageRecord | undefined)[]> {
    const out: (MessageRecord | undefined)[] = [];
    let missing: number[] | undefined;
    for (const seq of seqs) {
      const now = this.#meta.getNow(SQS_NS, messageKey(queue.id, seq));
      if (now === NOT_NOW) { (missing ??= []).push(out.length); out.push(undefined); continue; }
      out.push(now === undefined ? undefined : decodeMessage(now));
    }
    if (missing !== undefined) {
      const values = await this.#meta.getMany(SQS_NS, missing.map((i) => messageKey(queue.id, seqs[i]!)));
      missing.forEach((i, j) => { const v = values[j]; out[i] = v === undefined ? undefined : decodeMessage(v); });
    }
    await this.bodies.resolve(out);
    return out;
  }

  async close(): Promise<void> {
    await Promise.all([...this.#background]);
  }
}
