/**
 * Replays a topic's archive to a subscription (its ReplayPolicy): the archived messages from
 * StartingPoint to EndingPoint (both included: native AWS, radkawar/stackd
 * testdata/aws/sns/archive_replay.json exact-boundary-replay, 2026-09-22), or, without an
 * EndingPoint, to the newest one, live messages published meanwhile included, after which live
 * delivery resumes (takes-live.ts). Each batch goes through the fan-out (deliverer.ts) to that
 * subscription alone, in publish order, with its filter policy and raw delivery, marked
 * `"Replayed" : "true"` in the envelope, with the original MessageId, SequenceNumber, Timestamp
 * and, for a FIFO queue, MessageGroupId and MessageDeduplicationId (so a FIFO queue drops a copy
 * of a message it got in the last 5 minutes, as AWS's did: archive_replay.json limitations).
 *
 * ReplayStatus: Pending when set, In Progress from its first delivery, Completed at the end.
 * Durable: while a replay runs, `p/<subscription ARN>` holds how far it got (keys.ts) and SNS's
 * background-work marker is set, so a restart resumes it after the last batch delivered (that
 * batch may be delivered again: a FIFO queue deduplicates it).
 */
import type { Logger } from '../../../log.js';
import type { MetaStore } from '../../../storage/meta-store.js';
import type { Deliverer } from '../delivery/deliverer.js';
import type { PublishedMessage } from '../delivery/message.js';
import { REPLAY_PREFIX, SNS_NS, prefixRange, replayKey } from '../keys.js';
import type { ReplayState, SubscriptionRecord } from '../records.js';
import type { SnsStore } from '../store.js';
import type { MessageArchive } from './message-archive.js';
import type { ReplayWindow } from './replay-policy.js';

const BATCH = 10;

export interface ReplayerDeps {
  meta: MetaStore;
  store: SnsStore;
  archive: MessageArchive;
  deliverer: Deliverer;
  log: Logger;
  /** Before the first durable replay state since start (background-markers.ts). */
  mark?: () => Promise<void>;
  /** No replay is left to run. */
  drained?: () => Promise<void>;
}

export class Replayer {
  readonly #deps: ReplayerDeps;
  /** Per subscription: the generation of its running replay (a new policy starts a new one). */
  readonly #running = new Map<string, number>();
  #generation = 0;
  #closed = false;

  constructor(deps: ReplayerDeps) {
    this.#deps = deps;
  }

  /** Resumes the replays a previous run left. */
  async open(): Promise<void> {
    const left: Array<[string, string]> = [];
    for await (const [key, cursor] of this.#deps.meta.iterate(SNS_NS, prefixRange(REPLAY_PREFIX))) left.push([key.slice(REPLAY_PREFIX.length), cursor]);
    for (const [arn, cursor] of left) {
      const replay = this.#deps.store.subscription(arn)?.record.replay;
      if (replay === undefined || replay.status === 'Completed') await this.#deps.meta.del(SNS_NS, replayKey(arn));
      else this.#start(arn, cursor);
    }
    this.#maybeDrained();
  }

  close(): void {
    this.#closed = true;
  }

  /** Replays still running (tests). */
  get running(): number {
    return this.#running.size;
  }

  /**
   * Stores `record` with `attributes` and the replay `window` asks for (none: any replay stops),
   * and starts it. Resolves once stored; the replay runs in the background. The write takes the
   * topic's turn (store.ts topicChanges), as DeleteTopic and Unsubscribe do: stored outside it, a
   * ReplayPolicy racing DeleteTopic brought the deleted topic's subscription back (msg27).
   */
  async set(record: SubscriptionRecord, attributes: Record<string, string>, window: ReplayWindow | undefined, host: string): Promise<void> {
    // A replay under way stops now, before anything is stored: it writes no progress from here on.
    this.#running.delete(record.arn);
    if (window !== undefined) await this.#deps.mark?.();
    const stored = await this.#deps.store.topicChanges.run(record.topicArn, () => this.#store(record.arn, attributes, window, host));
    if (stored && window !== undefined) this.#start(record.arn, '');
    else this.#maybeDrained();
  }

  /**
   * Stores the ReplayPolicy of `attributes` and the replay `window` asks for on the subscription
   * as it is now (another attribute changed meanwhile is kept), if it is still there: false when
   * an Unsubscribe or a DeleteTopic took it, which this must not undo. The caller holds the
   * topic's turn.
   */
  async #store(arn: string, attributes: Record<string, string>, window: ReplayWindow | undefined, host: string): Promise<boolean> {
    const latest = this.#deps.store.subscription(arn)?.record;
    if (latest === undefined) return false;
    const { replay: _seen, ...current } = latest;
    const { ReplayPolicy: _before, ...others } = current.attributes;
    const withPolicy = attributes.ReplayPolicy === undefined ? others : { ...others, ReplayPolicy: attributes.ReplayPolicy };
    if (window === undefined) {
      await this.#deps.store.putSubscription({ ...current, attributes: withPolicy }, [{ type: 'del', ns: SNS_NS, key: replayKey(arn) }]);
      return true;
    }
    const replay: ReplayState = { status: 'Pending', start: window.start, host, ...(window.end === undefined ? {} : { end: window.end }) };
    await this.#deps.store.putSubscription({ ...current, attributes: withPolicy, replay }, [{ type: 'put', ns: SNS_NS, key: replayKey(arn), value: '' }]);
    return true;
  }

  /**
   * Stops the replays of `topicArn`'s subscriptions (its archive is gone): they take live messages
   * again. The caller holds the topic's turn (SetTopicAttributes).
   */
  async stopAll(topicArn: string): Promise<void> {
    for (const { record } of this.#deps.store.subscriptionsOf(topicArn)) {
      if (record.replay === undefined) continue;
      this.#running.delete(record.arn);
      const { ReplayPolicy: _policy, ...attributes } = record.attributes;
      await this.#store(record.arn, attributes, undefined, record.replay.host);
    }
    this.#maybeDrained();
  }

  #start(arn: string, cursor: string): void {
    const generation = ++this.#generation;
    this.#running.set(arn, generation);
    setImmediate(() => {
      this.#run(arn, generation, cursor).catch((err: unknown) => this.#deps.log.warn('sns: replay failed', { subscriptionArn: arn, err: String(err) }))
        .finally(() => {
          if (this.#running.get(arn) === generation) this.#running.delete(arn);
          this.#maybeDrained();
        });
    });
  }

  /** The subscription while this generation of its replay is current, else undefined. */
  #current(arn: string, generation: number): SubscriptionRecord & { replay: ReplayState } | undefined {
    if (this.#closed || this.#running.get(arn) !== generation) return undefined;
    const record = this.#deps.store.subscription(arn)?.record;
    return record?.replay === undefined || record.replay.status === 'Completed' ? undefined : record as SubscriptionRecord & { replay: ReplayState };
  }

  async #run(arn: string, generation: number, from: string): Promise<void> {
    const { store, archive, meta } = this.#deps;
    let cursor = from;
    for (;;) {
      const record = this.#current(arn, generation);
      const topic = record === undefined ? undefined : store.topic(record.topicArn);
      if (record === undefined || topic === undefined) {
        // Unsubscribed (or its topic gone) while replaying: its progress goes too.
        if (!this.#closed && this.#running.get(arn) === generation && store.subscription(arn) === undefined) await meta.del(SNS_NS, replayKey(arn));
        return;
      }
      const { replay } = record;
      const read = await archive.read(topic, cursor, BATCH);
      let pastEnd = false;
      const due: PublishedMessage[] = [];
      for (const entry of read) {
        const time = Date.parse(entry.message?.timestamp ?? '');
        if (entry.message !== undefined && replay.end !== undefined && time > replay.end) {
          pastEnd = true;
          break;
        }
        cursor = entry.sequence;
        if (entry.message !== undefined && time >= replay.start) due.push(entry.message);
      }
      if (due.length > 0) {
        const live = store.subscription(arn);
        if (live === undefined || this.#current(arn, generation) === undefined) return;
        await this.#deps.deliverer.publish(due, replay.host, live);
        if (replay.status === 'Pending') await this.#setStatus(arn, generation, 'In Progress');
      }
      if (!pastEnd && read.length === BATCH) {
        if (this.#current(arn, generation) === undefined) return; // replaced meanwhile: its progress is not ours
        await meta.put(SNS_NS, replayKey(arn), cursor);
        continue;
      }
      // The archive may hold newer messages whose write has not finished: wait for them.
      if (!pastEnd && archive.latest(topic.arn) > cursor) {
        await archive.settled(topic.arn);
        continue;
      }
      // Done, in the same synchronous run as the last check: a message archived from now on is
      // after `cursor`, so live delivery takes it (takes-live.ts).
      const done = this.#current(arn, generation);
      if (done === undefined) return;
      const completed: SubscriptionRecord = {
        ...done, replay: { ...done.replay, status: 'Completed', ...(done.replay.end === undefined ? { through: cursor } : {}) },
      };
      store.indexNow(completed);
      this.#running.delete(arn);
      // Stored in turn with the subscription's other changes (store.ts subscriptionChanges), from
      // the record as they left it: an Unsubscribe answered meanwhile is not undone (its removal
      // took the progress record with it).
      // In the topic's turn too, as DeleteTopic removes it.
      await store.subscriptionChanges.run(arn, () => store.topicChanges.run(done.topicArn, async () => {
        const now = store.subscription(arn)?.record;
        if (now === undefined) return;
        await store.putSubscription({ ...now, replay: completed.replay }, [{ type: 'del', ns: SNS_NS, key: replayKey(arn) }]);
      }));
      return;
    }
  }

  async #setStatus(arn: string, generation: number, status: ReplayState['status']): Promise<void> {
    // In turn with the subscription's other changes and its topic's, read inside: see the completion above.
    const { store } = this.#deps;
    const topicArn = store.subscription(arn)?.record.topicArn;
    if (topicArn === undefined) return;
    await store.subscriptionChanges.run(arn, () => store.topicChanges.run(topicArn, async () => {
      const record = this.#current(arn, generation);
      if (record === undefined) return;
      await store.putSubscription({ ...record, replay: { ...record.replay, status } });
    }));
  }

  #maybeDrained(): void {
    if (this.#running.size > 0 || this.#closed) return;
    this.#deps.drained?.().catch((err: unknown) => this.#deps.log.warn('sns: removing the background-work marker failed', { err: String(err) }));
  }
}
