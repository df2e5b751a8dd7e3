/**
 * SNS's state: topics, subscriptions, platform applications and endpoints, kept in the
 * MetaStore (the source of truth) and in an in-memory index loaded once at start, so a Publish
 * finds its topic and the subscriptions to fan out to without a read (DESIGN.md §8b). Every
 * change writes through: the MetaStore first, then the index.
 */
import type { MetaOp, MetaStore } from '../../storage/meta-store.js';
import { CompiledFilter, compileSubscriptionFilter } from './filter/subscription-filter.js';
import {
  APPLICATION_PREFIX, ENDPOINT_PREFIX, SNS_NS, SUBSCRIPTION_PREFIX, TOPIC_PREFIX, applicationKey, endpointKey,
  prefixRange, subscriptionKey, topicKey,
} from './keys.js';
import { tokensOf, type ApplicationRecord, type EndpointRecord, type SubscriptionRecord, type TopicRecord } from './records.js';
import { Tombstones, type Tombstone } from './tombstones.js';
import { KeyedMutex } from '../../util/keyed-mutex.js';

/** A subscription as the fan-out needs it: the record and its compiled filter. */
export interface LiveSubscription {
  record: SubscriptionRecord;
  filter: CompiledFilter | undefined;
}

export class SnsStore {
  readonly #meta: MetaStore;
  readonly #topics = new Map<string, TopicRecord>();
  /** Subscriptions by topic ARN (a subscription may outlive its topic, as in AWS). */
  readonly #byTopic = new Map<string, Map<string, LiveSubscription>>();
  readonly #subscriptions = new Map<string, LiveSubscription>();
  readonly #applications = new Map<string, ApplicationRecord>();
  readonly #endpoints = new Map<string, EndpointRecord>();
  readonly #tombstones: Tombstones;
  /**
   * One read-modify-write of a subscription at a time (SetSubscriptionAttributes, Unsubscribe),
   * by ARN: a record is indexed only once its write is stored, so two such writes that overlapped
   * each read the record before the other's change and the second undid the first (hostile23:
   * two SetSubscriptionAttributes of different attributes lost one in 2 of 10 rounds).
   */
  readonly subscriptionChanges = new KeyedMutex();
  /**
   * One change of a topic's set of subscriptions at a time, by topic ARN: Subscribe's look-up and
   * write, DeleteTopic, and Unsubscribe's removal (which also stores the topic's deleted count).
   * Taken after a subscriptionChanges section where both are held, never before one.
   */
  readonly topicChanges = new KeyedMutex();
  /**
   * One change of a platform application or its endpoints at a time, by application ARN: race26
   * found 4 CreatePlatformEndpoint of one token sent together made 4 endpoints (AWS answers the
   * existing one's ARN).
   */
  readonly applicationChanges = new KeyedMutex();

  private constructor(meta: MetaStore, tombstones: Tombstones) {
    this.#meta = meta;
    this.#tombstones = tombstones;
  }

  static async open(meta: MetaStore): Promise<SnsStore> {
    const store = new SnsStore(meta, await Tombstones.open(meta));
    for await (const [, v] of meta.iterate(SNS_NS, prefixRange(TOPIC_PREFIX))) {
      const t = JSON.parse(v) as TopicRecord;
      store.#topics.set(t.arn, t);
    }
    for await (const [, v] of meta.iterate(SNS_NS, prefixRange(SUBSCRIPTION_PREFIX))) store.#index(JSON.parse(v) as SubscriptionRecord);
    for await (const [, v] of meta.iterate(SNS_NS, prefixRange(APPLICATION_PREFIX))) {
      const a = JSON.parse(v) as ApplicationRecord;
      store.#applications.set(a.arn, a);
    }
    for await (const [, v] of meta.iterate(SNS_NS, prefixRange(ENDPOINT_PREFIX))) {
      const e = JSON.parse(v) as EndpointRecord;
      store.#endpoints.set(e.arn, e);
    }
    return store;
  }

  get meta(): MetaStore {
    return this.#meta;
  }

  topic(arn: string): TopicRecord | undefined {
    return this.#topics.get(arn);
  }

  /** Topics whose ARN starts with `prefix` (arn:aws:sns:<region>:<account>:), in ARN order. */
  topicsWithPrefix(prefix: string): TopicRecord[] {
    return [...this.#topics.values()].filter((t) => t.arn.startsWith(prefix)).sort((a, b) => (a.arn < b.arn ? -1 : a.arn > b.arn ? 1 : 0));
  }

  async putTopic(topic: TopicRecord): Promise<void> {
    await this.#meta.put(SNS_NS, topicKey(topic.arn), JSON.stringify(topic));
    this.#topics.set(topic.arn, topic);
  }

  /** Deletes the topic and its subscriptions, as AWS does; their tokens are remembered (tombstones.ts). */
  async deleteTopic(arn: string): Promise<void> {
    const subs = [...(this.#byTopic.get(arn)?.values() ?? [])];
    // A deactivated subscription's UnsubscribeConfirmation token answers its ARN too (native AWS,
    // radkawar/stackd testdata/aws/sns/confirmation_lifetime_scope.json reactivate-without-topic, 2026-09-23).
    const stones = this.#tombstones.ops(subs.flatMap((s) => tokensOf(s.record)
      .map((token) => ({ token, arn: s.record.arn, answersArn: s.record.confirmed || s.record.deleted === true }))));
    const ops: MetaOp[] = [{ type: 'del', ns: SNS_NS, key: topicKey(arn) }, ...stones.ops];
    for (const s of subs) ops.push({ type: 'del', ns: SNS_NS, key: subscriptionKey(s.record.arn) });
    await this.#meta.batch(ops);
    stones.apply();
    this.#topics.delete(arn);
    for (const s of subs) this.#subscriptions.delete(s.record.arn);
    this.#byTopic.delete(arn);
  }

  subscription(arn: string): LiveSubscription | undefined {
    return this.#subscriptions.get(arn);
  }

  subscriptionsOf(topicArn: string): LiveSubscription[] {
    const subs = this.#byTopic.get(topicArn);
    return subs === undefined ? [] : [...subs.values()];
  }

  /** The live map of a topic's subscriptions (the fan-out iterates it without copying). */
  liveSubscriptionsOf(topicArn: string): ReadonlyMap<string, LiveSubscription> | undefined {
    return this.#byTopic.get(topicArn);
  }

  /** Every subscription, in ARN order (ListSubscriptions). */
  allSubscriptions(): SubscriptionRecord[] {
    return [...this.#subscriptions.values()].map((s) => s.record).sort((a, b) => (a.arn < b.arn ? -1 : a.arn > b.arn ? 1 : 0));
  }

  /** Stores the subscription (with `ops` in the same batch), then indexes it. */
  async putSubscription(record: SubscriptionRecord, ops: MetaOp[] = []): Promise<void> {
    const value = JSON.stringify(record);
    if (ops.length === 0) await this.#meta.put(SNS_NS, subscriptionKey(record.arn), value);
    else await this.#meta.batch([...ops, { type: 'put', ns: SNS_NS, key: subscriptionKey(record.arn), value }]);
    this.#index(record);
  }

  /**
   * Stores a change of a subscription in its topic's section (topicChanges), if it is still there:
   * false when a DeleteTopic or an Unsubscribe took it meanwhile, which the change must not undo
   * (race26: SetSubscriptionAttributes racing DeleteTopic left an orphan in 15 of 15 rounds).
   */
  async changeSubscription(record: SubscriptionRecord): Promise<boolean> {
    return this.topicChanges.run(record.topicArn, async () => {
      if (!this.#subscriptions.has(record.arn)) return false;
      await this.putSubscription(record);
      return true;
    });
  }

  /**
   * Indexes `record` now, before it is stored: a replay's end must take effect in the same
   * synchronous run as its last check (archive/replayer.ts). Its caller stores it next.
   */
  indexNow(record: SubscriptionRecord): void {
    if (this.#subscriptions.has(record.arn)) this.#index(record);
  }

  /** A removed subscription's token, if remembered (tombstones.ts). */
  tombstone(token: string): Tombstone | undefined {
    return this.#tombstones.find(token);
  }

  /** Removes a subscription; its tokens (`tokens`, beside its own) answer NotFound from then on. */
  async deleteSubscription(arn: string, tokens: string[] = []): Promise<void> {
    const live = this.#subscriptions.get(arn);
    if (live === undefined) return;
    const topic = this.#topics.get(live.record.topicArn);
    const all = [...tokensOf(live.record), ...tokens];
    const stones = this.#tombstones.ops(all.map((token) => ({ token, arn, answersArn: false })));
    const ops: MetaOp[] = [{ type: 'del', ns: SNS_NS, key: subscriptionKey(arn) }, ...stones.ops];
    const counted = topic === undefined ? undefined : { ...topic, deleted: topic.deleted + 1 };
    if (counted !== undefined) ops.push({ type: 'put', ns: SNS_NS, key: topicKey(counted.arn), value: JSON.stringify(counted) });
    await this.#meta.batch(ops);
    stones.apply();
    if (counted !== undefined) this.#topics.set(counted.arn, counted);
    this.#subscriptions.delete(arn);
    this.#byTopic.get(live.record.topicArn)?.delete(arn);
  }

  #index(record: SubscriptionRecord): void {
    // Stored policies were validated when set; compiling them again cannot fail.
    const live: LiveSubscription = { record, filter: compileSubscriptionFilter(record.attributes, false) };
    this.#subscriptions.set(record.arn, live);
    let subs = this.#byTopic.get(record.topicArn);
    if (subs === undefined) this.#byTopic.set(record.topicArn, (subs = new Map()));
    subs.set(record.arn, live);
  }

  application(arn: string): ApplicationRecord | undefined {
    return this.#applications.get(arn);
  }

  applicationsWithPrefix(prefix: string): ApplicationRecord[] {
    return [...this.#applications.values()].filter((a) => a.arn.startsWith(prefix)).sort((a, b) => (a.arn < b.arn ? -1 : 1));
  }

  async putApplication(record: ApplicationRecord): Promise<void> {
    await this.#meta.put(SNS_NS, applicationKey(record.arn), JSON.stringify(record));
    this.#applications.set(record.arn, record);
  }

  async deleteApplication(arn: string): Promise<void> {
    const endpoints = this.endpointsOf(arn);
    await this.#meta.batch([
      { type: 'del', ns: SNS_NS, key: applicationKey(arn) },
      ...endpoints.map((e): MetaOp => ({ type: 'del', ns: SNS_NS, key: endpointKey(e.arn) })),
    ]);
    this.#applications.delete(arn);
    for (const e of endpoints) this.#endpoints.delete(e.arn);
  }

  endpoint(arn: string): EndpointRecord | undefined {
    return this.#endpoints.get(arn);
  }

  endpointsOf(applicationArn: string): EndpointRecord[] {
    return [...this.#endpoints.values()].filter((e) => e.applicationArn === applicationArn).sort((a, b) => (a.arn < b.arn ? -1 : 1));
  }

  async putEndpoint(record: EndpointRecord): Promise<void> {
    await this.#meta.put(SNS_NS, endpointKey(record.arn), JSON.stringify(record));
    this.#endpoints.set(record.arn, record);
  }

  async deleteEndpoint(arn: string): Promise<void> {
    await this.#meta.del(SNS_NS, endpointKey(arn));
    this.#endpoints.delete(arn);
  }
}
