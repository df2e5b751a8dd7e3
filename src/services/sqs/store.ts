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
  SQS_NS, dedupPrefix, lastPart, legacyDedupPrefix, legacyMessagePrefix, legacyStateRecordPrefix, messageKey, prefixRange,
  queueKey, queueRange, seqText, statePrefix, stateRecordPrefix, tombstoneKey, tombstoneRange,
} from './keys.js';
import { loadStates, type LoadTarget } from './load-states.js';
import { GroupCommit } from './group-commit.js';
import { LogNumbers } from './log-numbers.js';
import { decodeMessage, decodeMessageHeader } from './message-codec.js';
import { SharedBodies, type FinishBody } from './shared-bodies.js';
import { KeyedMutex } from '../../util/keyed-mutex.js';
import { UuidV4Source } from '../../util/uuid-v4.js';
import { parseQueueArn, type QueueAddress } from './names.js';
import { Queue } from './queue.js';
import { QueueUrlKeys } from './queue-url-keys.js';
import { QueueState } from './queue-state.js';
import { RecentlyDeleted } from './recently-deleted.js';
import type { MessageRecord, QueueRecord } from './records.js';

export { Queue };

const DELETE_CHUNK = 1000;

export class SqsStore {
  readonly #meta: MetaStore;
  readonly #log: Logger;
  readonly #queues = new Map<string, Queue>();
  /** Queues by id, for receipt handles and in-process lookups. */
  readonly #byId = new Map<string, Queue>();
  /** Queues by ARN, for SNS's deliveries (one lookup per copy of a publish). */
  readonly #byArn = new Map<string, Queue>();
  /** Names deleted in the last 60 s (QueueDeletedRecently), stored with each deletion. */
  readonly recentlyDeleted: RecentlyDeleted;
  readonly #background = new Set<Promise<void>>();
  /** Queues being created, by queue key (pendingCreation). */
  readonly #creating = new Map<string, Promise<Queue>>();
  /** Queues being deleted, by queue key (deletionUnderWay). */
  readonly #deleting = new Map<string, Promise<void>>();
  readonly #ids = new UuidV4Source();
  readonly #groupCommit: GroupCommit;
  readonly #numbers: LogNumbers;
  readonly #urlKeys = new QueueUrlKeys();
  /** Bodies the copies of one SNS publish share (shared-bodies.ts). */
  readonly bodies: SharedBodies;

  private constructor(meta: MetaStore, log: Logger, numbers: LogNumbers, recentlyDeleted: RecentlyDeleted, finish: FinishBody | undefined) {
    this.#meta = meta;
    this.recentlyDeleted = recentlyDeleted;
    this.#log = log;
    this.#numbers = numbers;
    this.bodies = new SharedBodies(meta, log, numbers, finish);
    this.#groupCommit = new GroupCommit(meta);
  }

  /** `finish`: how deferred shared bodies are finished (absent: SQS takes none). */
  static async open(meta: MetaStore, log: Logger, finish?: FinishBody): Promise<SqsStore> {
    const store = new SqsStore(meta, log, await LogNumbers.open(meta, log), await RecentlyDeleted.open(meta), finish);
    for await (const [, value] of meta.iterate(SQS_NS, queueRange)) {
      const queue = new Queue(JSON.parse(value) as QueueRecord, store.#ids, store.#numbers);
      store.#queues.set(queue.key, queue);
      store.#byId.set(queue.id, queue);
      store.#byArn.set(queue.arn, queue);
    }
    // Queues deleted before a crash: finish removing their messages.
    // Its record is gone: what its state holds is found by loading it (load-states.ts), as a
    // standard queue's (a FIFO queue's deduplication ids go with its key prefix).
    for await (const [key] of meta.iterate(SQS_NS, tombstoneRange)) store.#purgeDeleted({ id: lastPart(key), fifo: false }, undefined, []);
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

  /**
   * The creation under way of the queue at `a`, if any: CreateQueue waits for it rather than make
   * a second queue of the same name, which would replace the first and lose what was sent to it.
   */
  pendingCreation(a: QueueAddress): Promise<Queue> | undefined {
    return this.#creating.get(queueKey(a.account, a.region, a.name));
  }

  /** Writes a new queue; known to pendingCreation from this call until the write settles. */
  create(record: QueueRecord): Promise<Queue> {
    const key = queueKey(record.account, record.region, record.name);
    const creation = this.#create(record).finally(() => this.#creating.delete(key));
    this.#creating.set(key, creation);
    return creation;
  }

  async #create(record: QueueRecord): Promise<Queue> {
    const queue = new Queue(record, this.#ids, this.#numbers);
    const reuse = this.recentlyDeleted.reuseOps(record);
    await this.#meta.batch([{ type: 'put', ns: SQS_NS, key: queue.key, value: JSON.stringify(record) }, ...reuse]);
    this.recentlyDeleted.written(reuse);
    this.#queues.set(queue.key, queue);
    this.#byId.set(queue.id, queue);
    this.#byArn.set(queue.arn, queue);
    queue.loadedState = new QueueState(record.fifo);
    return queue;
  }

  /**
   * One read-modify-write of a queue's record at a time, by queue key (SetQueueAttributes,
   * TagQueue, UntagQueue, AddPermission, RemovePermission read `queue.record` inside it), and the
   * record's removal by DeleteQueue: race26 found two SetQueueAttributes or two TagQueue of one
   * queue sent together lost one change in 10 of 10 rounds, each having read the record before
   * the other's write.
   */
  readonly recordChanges = new KeyedMutex();

  /** Stores a queue's changed record, unless DeleteQueue removed the queue meanwhile; call it in recordChanges. */
  async save(queue: Queue, record: QueueRecord): Promise<void> {
    if (queue.deleted) return;
    await this.#meta.put(SQS_NS, queue.key, JSON.stringify(record));
    queue.record = record;
  }

  /**
   * The deletion under way of the queue a QueueUrl names, if any: a DeleteQueue that overlaps it
   * shares its answer rather than find the queue half gone (operations/delete-queue.ts).
   */
  deletionUnderWay(url: string, region: string): Promise<void> | undefined {
    const key = this.#urlKeys.keyOf(url, region);
    return key === undefined ? undefined : this.#deleting.get(key);
  }

  /**
   * Deletes the queue at once; its messages are removed in the background (crash-safe via a
   * tombstone). Known to deletionUnderWay from this call until it settles; a second call for the
   * same queue meanwhile waits for the first rather than write and purge a second time.
   */
  delete(queue: Queue): Promise<void> {
    const pending = this.#deleting.get(queue.key);
    if (pending !== undefined) return pending;
    const deletion = this.#delete(queue).finally(() => this.#deleting.delete(queue.key));
    this.#deleting.set(queue.key, deletion);
    return deletion;
  }

  async #delete(queue: Queue): Promise<void> {
    // In the record's section: a change of the record under way is stored before the removal,
    // and none after it (save() sees Queue.deleted), so no write brings the queue back at restart.
    await this.recordChanges.run(queue.key, async () => {
      const deletion = this.recentlyDeleted.deletionOps(queue.record, Date.now());
      await this.#meta.batch([
        { type: 'del', ns: SQS_NS, key: queue.key },
        { type: 'put', ns: SQS_NS, key: tombstoneKey(queue.id), value: '1' },
        ...deletion,
      ]);
      this.recentlyDeleted.written(deletion);
      this.#queues.delete(queue.key);
      this.#byId.delete(queue.id);
      this.#byArn.delete(queue.arn);
      queue.deleted = true;
    });
    // Deliveries under way may have drawn numbers for it before it was deleted (internal.ts).
    const deliveries = [...this.#deliveries];
    // A state being loaded (an operation that found the queue just before) is emptied too, so
    // nothing is deleted both by that operation and by the purge below.
    const state = queue.loadedState ?? (this.#loadingAll !== undefined ? await queue.state(this) : undefined);
    const seqs = state?.takeAll();
    state?.wake();
    this.#purgeDeleted(queue, state === undefined ? undefined : { state, seqs: seqs! }, deliveries);
  }

  /**
   * Removes a deleted queue's messages and other records, in the background: `taken`, what its
   * state held at the delete, or, for a queue whose state was never loaded, what loading it finds
   * (with every other queue's state, in the one scan of the log that loading them needs anyway:
   * load-states.ts). Then what writes under way at the delete added to the state (sends whose
   * batch was being written, deliveries that had drawn numbers for it) once they have settled.
   * No scan of the whole log: an operation that found the queue before the delete draws no
   * number for it after (Queue.deleted), so every message it has is in its state by then.
   */
  #purgeDeleted(target: LoadTarget, taken: { state: QueueState; seqs: number[] } | undefined, deliveries: Array<Promise<unknown>>): void {
    const queueId = target.id;
    const work = (async () => {
      const { state, seqs } = taken ?? await this.#loadDeleted(target);
      await this.deleteMessages(queueId, seqs);
      await Promise.allSettled(deliveries);
      // Every batch asked for so far is written, and its callers have run (they add what they
      // stored to the state) before this continues.
      await this.commit([]);
      await new Promise<void>((resolve) => { setImmediate(resolve); });
      const late = state.takeAll();
      if (late.length > 0) await this.deleteMessages(queueId, late);
      // Records of operations that took messages out of the state before the delete (a receive's
      // state record, a FIFO send's deduplication id): no key outlives the queue.
      for (const prefix of [
        legacyMessagePrefix(queueId), statePrefix(queueId), legacyStateRecordPrefix(queueId), stateRecordPrefix(queueId), legacyDedupPrefix(queueId), dedupPrefix(queueId),
      ]) await this.deleteRange(prefix);
      await this.#meta.del(SQS_NS, tombstoneKey(queueId));
    })().catch((err: unknown) => this.#log.warn('sqs: removing a deleted queue\'s messages failed', { queueId, err: String(err) }));
    this.#background.add(work);
    void work.finally(() => this.#background.delete(work));
  }

  /** SNS deliveries under way (internal.ts): a queue deleted meanwhile is purged once they settle. */
  readonly #deliveries = new Set<Promise<unknown>>();

  /** Tracks a delivery (internal.ts) until it settles, and answers it. */
  delivery<T>(work: Promise<T>): Promise<T> {
    this.#deliveries.add(work);
    const untrack = (): void => { this.#deliveries.delete(work); };
    work.then(untrack, untrack);
    return work;
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
   * the queue's state by the caller (QueueState.takeAll).
   */
  async deleteMessages(queueId: string, seqs: number[]): Promise<void> {
    for (let i = 0; i < seqs.length; i += DELETE_CHUNK) {
      const keys = seqs.slice(i, i + DELETE_CHUNK).map((seq) => messageKey(queueId, seq));
      const values = await this.#meta.getMany(SQS_NS, keys);
      await this.#deleteWithBodies(keys.map((key, j) => [key, values[j]]));
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

  /** Writes `ops` atomically, durable when the promise resolves; group-committed with concurrent calls (group-commit.ts). */
  commit(ops: MetaOp[]): Promise<void> {
    return this.#groupCommit.commit(ops);
  }

  /**
   * Loads the state of every queue not loaded yet (load-states.ts: one scan of the log serves
   * them all) and answers `queue`'s. Queues created meanwhile start with an empty state (create).
   */
  async loadState(queue: Queue): Promise<QueueState> {
    this.#loadingAll ??= this.#loadAll().finally(() => { this.#loadingAll = undefined; });
    await this.#loadingAll;
    // Not in that load: deleted before it began (its messages are being removed), or the next load's.
    if (queue.loadedState === undefined && !this.#byId.has(queue.id)) queue.loadedState = new QueueState(queue.fifo);
    return queue.loadedState ?? this.loadState(queue);
  }

  /** The load under way, if any. */
  #loadingAll: Promise<void> | undefined;

  async #loadAll(): Promise<void> {
    const queues = [...this.#byId.values()].filter((q) => q.loadedState === undefined);
    const deleted = new Set(this.#deletedToLoad.values());
    this.#deletedToLoad.clear();
    if (queues.length === 0 && deleted.size === 0) return;
    for (const [target, state] of await loadStates(this.#meta, this.bodies, [...queues, ...deleted])) {
      if (!deleted.has(target)) (target as Queue).loadedState ??= state;
      else this.#deletedLoaded.set(target.id, state);
    }
  }

  /** Deleted queues whose state was never loaded, for the next load (their purge waits for it). */
  readonly #deletedToLoad = new Map<string, LoadTarget>();
  readonly #deletedLoaded = new Map<string, QueueState>();

  /** A deleted queue's state, loaded (with every queue not loaded yet), and every message taken out of it. */
  async #loadDeleted(target: LoadTarget): Promise<{ state: QueueState; seqs: number[] }> {
    for (;;) {
      this.#deletedToLoad.set(target.id, target);
      this.#loadingAll ??= this.#loadAll().finally(() => { this.#loadingAll = undefined; });
      await this.#loadingAll;
      const state = this.#deletedLoaded.get(target.id);
      // Not there: the load awaited had begun before this one asked; the next one takes it.
      if (state === undefined) continue;
      this.#deletedLoaded.delete(target.id);
      // A deleted Queue keeps it too, so an operation that found the queue before sees it emptied.
      if (target instanceof Queue) target.loadedState ??= state;
      return { state, seqs: state.takeAll() };
    }
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
