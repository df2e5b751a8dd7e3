/**
 * Bodies that several messages share: the copies of one SNS publish in its subscribed queues
 * differ only in a small part (the envelope's UnsubscribeURL; nothing for raw delivery), so the
 * body is stored once, in SQS's log under its own number (keys.ts), and each copy stores `ref` and its own part
 * (message-codec.ts). A copy's body is `head + part + tail`.
 *
 * The crash rules:
 * - A body is written in the same batch as the copies that reference it, so a copy visible in a
 *   queue has its body after any crash.
 * - A body is freed only in the batch that deletes its last copy. How many copies are left is
 *   counted in memory: the copies a body was written with, less one for each copy deleted since
 *   (`release`). After a restart a body's count is unknown until `ensure` counts the copies its
 *   record lists that still exist and still reference it; no copy of a body is released before
 *   that (a message's `ref` is taken from its record only after `ensure`: store.ts, receive.ts),
 *   so a count never goes below what is stored. An unknown count never frees anything.
 * - A deferred body (internal-api.ts DeferredPart) is stored with its head unfinished and `by`
 *   in its record; each read asks that service for the finished head (`finish`), so no copy is
 *   ever read unfinished. Nothing is written back: a body is only ever written with its copies.
 * - Each copy is released once: every path that deletes a message first takes it out of the
 *   queue's in-memory state, synchronously (drop-message.ts), and bulk deletes (PurgeQueue,
 *   DeleteQueue) delete only the messages they took out of it themselves.
 */
import type { Logger } from '../../log.js';
import type { MetaOp, MetaStore } from '../../storage/meta-store.js';
import { NOT_NOW } from '../../storage/meta-store.js';
import { BodyCounts } from './body-counts.js';
import { SQS_NS, messageKey, sharedBodyKey } from './keys.js';
import type { LogNumbers } from './log-numbers.js';
import { decodeMessageHeader } from './message-codec.js';
import { md5Hex } from './message-md5.js';
import type { DeferredPart } from './internal-api.js';
import type { MessageRecord } from './records.js';

/** Finishes the head of a deferred body: the service `by` does it (BodyFinisher). */
export type FinishBody = (by: DeferredPart['by'], head: string) => Promise<string>;

const SEPARATOR = '\u0000';

/** What a shared body record holds: the copies it was written with, and where its head ends. */
interface BodyHeader {
  /** [queue id, sequence number] of each copy. */
  copies: Array<[string, number]>;
  /** head.length (UTF-16 units): the body text after the NUL is head + tail. */
  head: number;
  /** Set for a deferred body: the service that finishes its head when it is read. */
  by?: DeferredPart['by'];
}

interface StoredBody { header: BodyHeader; head: string; tail: string }

function decodeBody(value: string): StoredBody {
  const at = value.indexOf(SEPARATOR);
  const header = JSON.parse(value.slice(0, at)) as BodyHeader;
  const text = value.slice(at + 1);
  return { header, head: text.slice(0, header.head), tail: text.slice(header.head) };
}

export class SharedBodies {
  readonly #meta: MetaStore;
  readonly #log: Logger;
  /** Copies left per body, for every body whose count is known (written or counted since start). */
  readonly #counts = new BodyCounts();
  readonly #counting = new Map<number, Promise<void>>();
  readonly #finish: FinishBody | undefined;
  /** Where body ids come from: the log's numbers, shared with messages (log-numbers.ts). */
  readonly #numbers: LogNumbers;

  constructor(meta: MetaStore, log: Logger, numbers: LogNumbers, finish: FinishBody | undefined) {
    this.#meta = meta;
    this.#log = log;
    this.#numbers = numbers;
    this.#finish = finish;
  }

  /** Whether deferred bodies can be finished (there is a service to ask). */
  get finishesDeferred(): boolean {
    return this.#finish !== undefined;
  }

  /** The finished head of a deferred body (the head itself when it is not deferred). */
  async finishedHead(head: string, deferred: DeferredPart | undefined): Promise<string> {
    if (deferred === undefined) return head;
    if (this.#finish === undefined) throw new Error(`sqs: no ${deferred.by} service to finish a deferred body`);
    return this.#finish(deferred.by, head);
  }

  /**
   * Adds to `ops` a body shared by `copies` (written in the same batch) and returns its id. Its
   * count is known from now; `forget` it if the batch fails.
   */
  create(head: string, tail: string, copies: Array<[string, number]>, ops: MetaOp[], deferred?: DeferredPart): number {
    const id = this.#numbers.next();
    const header: BodyHeader = { copies, head: head.length };
    if (deferred !== undefined) header.by = deferred.by;
    ops.push({ type: 'put', ns: SQS_NS, key: sharedBodyKey(id), value: JSON.stringify(header) + SEPARATOR + head + tail });
    this.#counts.set(id, copies.length);
    return id;
  }

  /** The batch that would have written body `id` failed. */
  forget(id: number): void {
    this.#counts.delete(id);
  }

  /** One copy of body `id` is deleted by `ops`: when it was the last, the body goes in the same batch. */
  release(id: number, ops: MetaOp[]): void {
    const left = this.#counts.get(id);
    if (left === undefined) {
      // Cannot happen when callers follow the rules above; keeping a body is the safe failure.
      this.#log.error('sqs: a shared body released before it was counted: kept', { id });
      return;
    }
    if (left > 1) {
      this.#counts.set(id, left - 1);
      return;
    }
    this.#counts.delete(id);
    ops.push({ type: 'del', ns: SQS_NS, key: sharedBodyKey(id) });
  }

  /** Resolves once body `id`'s count is known; undefined when it already is (no await on the hot path). */
  ensure(id: number): Promise<void> | undefined {
    if (this.#counts.has(id)) return undefined;
    let counting = this.#counting.get(id);
    if (counting === undefined) {
      counting = this.#count(id).finally(() => this.#counting.delete(id));
      this.#counting.set(id, counting);
    }
    return counting;
  }

  /** Known counts (tests and health). */
  get size(): number {
    return this.#counts.size;
  }

  /**
   * Gives each record read from the store that references a shared body its whole body (and its
   * MD5, if it was stored without), and makes sure those bodies' counts are known.
   */
  async resolve(records: (MessageRecord | undefined)[]): Promise<void> {
    let bodies: Map<number, StoredBody | undefined> | undefined;
    const waits: Promise<void>[] = [];
    for (const record of records) {
      const id = record?.ref;
      if (record === undefined || id === undefined) continue;
      bodies ??= new Map();
      let body = bodies.get(id);
      if (!bodies.has(id)) {
        body = await this.#read(id, true);
        bodies.set(id, body);
      }
      if (body === undefined) {
        this.#log.error('sqs: a message\'s shared body is missing', { id });
      } else {
        record.body = body.head + record.body + body.tail;
        if (record.md5 === '') record.md5 = md5Hex(record.body);
      }
      const counting = this.ensure(id);
      if (counting !== undefined) waits.push(counting);
    }
    if (waits.length > 0) await Promise.all(waits);
  }

  /** Body `id` as stored; `finished`: with a deferred head finished (only the copies' readers need that). */
  async #read(id: number, finished: boolean): Promise<StoredBody | undefined> {
    const now = this.#meta.getNow(SQS_NS, sharedBodyKey(id));
    const value = now === NOT_NOW ? await this.#meta.get(SQS_NS, sharedBodyKey(id)) : now;
    if (value === undefined) return undefined;
    const body = decodeBody(value);
    if (finished && body.header.by !== undefined) body.head = await this.finishedHead(body.head, { by: body.header.by, bytes: 0 });
    return body;
  }

  /** After a restart: the copies body `id` was written with that still exist and still reference it. */
  async #count(id: number): Promise<void> {
    const body = await this.#read(id, false);
    if (body === undefined) return; // missing: nothing to free, `release` keeps logging it
    const values = await this.#meta.getMany(SQS_NS, body.header.copies.map(([queueId, seq]) => messageKey(queueId, seq)));
    let left = 0;
    // A sequence number of a deleted copy may have been given to a new message since: check its ref.
    for (const value of values) if (value !== undefined && decodeMessageHeader(value).ref === id) left++;
    if (left > 0) this.#counts.set(id, left);
    else await this.#meta.del(SQS_NS, sharedBodyKey(id)); // no copy left to free it
  }
}
