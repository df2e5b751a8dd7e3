/**
 * HTTP/S deliveries, durable: each one is an entry in the MetaStore outbox (keys.ts, in due
 * order) before Publish answers, so a restart or a kill -9 resumes it. Each entry is POSTed when
 * due; a network error, a timeout, a 5xx or a 429 schedules the next retry per the
 * subscription's delivery policy (delivery-policy.ts); any other answer (a 2xx, a 3xx, which is
 * not followed, another 4xx) is the endpoint's last word and removes it; retries used up remove
 * it too, handing a notification to `onFailed` (the subscription's dead-letter queue) and only
 * logging a confirmation. A
 * notification whose subscription is gone by the time it is due (DeleteTopic, Unsubscribe) is
 * dropped unsent.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from '../../../log.js';
import type { MetaOp, MetaStore } from '../../../storage/meta-store.js';
import { OUTBOX_PREFIX, SNS_NS, outboxKey, prefixRange } from '../keys.js';
import type { RetryPolicy } from '../delivery-policy.js';

export interface OutboxEntry {
  id: string;
  kind: 'Notification' | 'SubscriptionConfirmation' | 'UnsubscribeConfirmation';
  subscriptionArn: string;
  topicArn: string;
  url: string;
  body: string;
  headers: Record<string, string>;
  /** Retries made so far. */
  attempt: number;
  due: number;
}

export interface HttpOutboxDeps {
  meta: MetaStore;
  log: Logger;
  /** The retry policy in force for an entry; undefined when its subscription is gone. */
  retryOf(entry: OutboxEntry): RetryPolicy | undefined;
  /** Whether an entry is no longer to be sent at all (a notification to a subscription that is gone). */
  isVoid(entry: OutboxEntry): boolean;
  retryDelay(policy: RetryPolicy, attempt: number): number | undefined;
  /** A notification that failed for good: to its subscription's dead-letter queue. */
  onFailed(entry: OutboxEntry, reason: string): Promise<void>;
  /** Marks SNS as having work to resume at start (storage/background-markers.ts); once per process. */
  markBackgroundWork?: () => Promise<void>;
  /** The outbox is empty: the marker goes (background-markers.ts, drained()). */
  backgroundWorkDrained?: () => Promise<void>;
  /** How long an endpoint may take to answer (tests shorten it); SNS's 15 s by default. */
  timeoutMs?: number;
}

const TIMEOUT_MS = 15_000;
const MAX_IN_FLIGHT = 16;

export class HttpOutbox {
  readonly #deps: HttpOutboxDeps;
  /** Entries waiting, by key; the timer fires for the earliest. */
  readonly #waiting = new Map<string, OutboxEntry>();
  readonly #inFlight = new Set<Promise<void>>();
  readonly #abort = new AbortController();
  #timer: NodeJS.Timeout | undefined;
  /** enqueue() calls between their mark and their entries' arrival in #waiting. */
  #enqueuing = 0;
  /** An entry's removal or rescheduling failed: the store may hold more than #waiting, so the marker stays. */
  #unsure = false;
  #closed = false;

  constructor(deps: HttpOutboxDeps) {
    this.#deps = deps;
  }

  /** Resumes what a previous run left (after a restart or a crash). */
  async open(): Promise<void> {
    for await (const [key, value] of this.#deps.meta.iterate(SNS_NS, prefixRange(OUTBOX_PREFIX))) this.#waiting.set(key, JSON.parse(value) as OutboxEntry);
    // Entries left by a build that kept no marker: marked now, so the next start resumes them.
    if (this.#waiting.size > 0) await this.#deps.markBackgroundWork?.();
    this.#arm();
    this.#maybeDrained();
  }

  /** Stores the entries durably, then sends each when due. */
  async enqueue(entries: Omit<OutboxEntry, 'id' | 'attempt' | 'due'>[], ops: MetaOp[] = []): Promise<void> {
    const now = Date.now();
    const full = entries.map((e): OutboxEntry => ({ ...e, id: randomUUID(), attempt: 0, due: now }));
    // The marker first: an entry stored without it would wait for SNS's first request after a restart.
    this.#enqueuing++;
    try {
      await this.#deps.markBackgroundWork?.();
      await this.#deps.meta.batch([...ops, ...full.map((e): MetaOp => ({ type: 'put', ns: SNS_NS, key: outboxKey(e.due, e.id), value: JSON.stringify(e) }))]);
      for (const e of full) this.#waiting.set(outboxKey(e.due, e.id), e);
    } finally {
      this.#enqueuing--;
    }
    this.#arm();
  }

  /** Entries not yet delivered (tests and health). */
  get pending(): number {
    return this.#waiting.size + this.#inFlight.size;
  }

  async close(): Promise<void> {
    this.#closed = true;
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#abort.abort();
    await Promise.allSettled([...this.#inFlight]);
  }

  #arm(): void {
    if (this.#closed) return;
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#waiting.size === 0 || this.#inFlight.size >= MAX_IN_FLIGHT) return;
    let earliest = Infinity;
    for (const e of this.#waiting.values()) if (e.due < earliest) earliest = e.due;
    this.#timer = setTimeout(() => this.#run(), Math.max(0, earliest - Date.now()));
    this.#timer.unref();
  }

  #run(): void {
    this.#timer = undefined;
    const now = Date.now();
    for (const [key, entry] of this.#waiting) {
      if (this.#inFlight.size >= MAX_IN_FLIGHT) break;
      if (entry.due > now) continue;
      this.#waiting.delete(key);
      const task = this.#attempt(key, entry).catch((err: unknown) => {
        this.#unsure = true;
        this.#deps.log.error('sns http delivery failed', { err: String(err) });
      });
      this.#inFlight.add(task);
      void task.finally(() => { this.#inFlight.delete(task); this.#arm(); this.#maybeDrained(); });
    }
    this.#arm();
  }

  /** Every entry delivered or given up, its removal stored, none being added: the marker goes. */
  #maybeDrained(): void {
    if (this.#closed || this.#unsure || this.#enqueuing > 0 || this.pending > 0) return;
    this.#deps.backgroundWorkDrained?.().catch((err: unknown) => this.#deps.log.warn('sns: removing the background-work marker failed', { err: String(err) }));
  }

  async #attempt(key: string, entry: OutboxEntry): Promise<void> {
    if (this.#deps.isVoid(entry)) return this.#deps.meta.del(SNS_NS, key);
    const outcome = await this.#post(entry);
    if (this.#closed) return; // resumed from the outbox at the next start
    if (outcome === 'delivered') return this.#deps.meta.del(SNS_NS, key);
    const policy = this.#deps.retryOf(entry);
    const delay = policy === undefined ? undefined : this.#deps.retryDelay(policy, entry.attempt + 1);
    if (delay === undefined) {
      // Only a notification is dead-lettered: AWS's dead-letter queue held other subscriptions'
      // refused notifications but never the SubscriptionConfirmation an endpoint kept refusing
      // with 503 (radkawar/stackd testdata/aws/sns/external_feedback.json
      // subscribe-http-confirm503, receive-actual-dlq-0..3, 2026-09-22); an
      // UnsubscribeConfirmation is taken to go the same way.
      if (entry.kind === 'Notification') await this.#deps.onFailed(entry, outcome.reason);
      else this.#deps.log.warn('sns: confirmation not delivered', { subscriptionArn: entry.subscriptionArn, kind: entry.kind, reason: outcome.reason });
      return this.#deps.meta.del(SNS_NS, key);
    }
    const next: OutboxEntry = { ...entry, attempt: entry.attempt + 1, due: Date.now() + Math.round(delay * 1000) };
    const nextKey = outboxKey(next.due, next.id);
    await this.#deps.meta.batch([{ type: 'del', ns: SNS_NS, key }, { type: 'put', ns: SNS_NS, key: nextKey, value: JSON.stringify(next) }]);
    this.#waiting.set(nextKey, next);
  }

  async #post(entry: OutboxEntry): Promise<'delivered' | { reason: string }> {
    // A hung endpoint counts as a failure after TIMEOUT_MS, as SNS's 15 s delivery timeout.
    // The request is aborted then too (and on close): a hung endpoint must not keep a socket per
    // try. One controller linked by hand: AbortSignal.any needs Node 20.3, engines allow 20.0.
    const giveUp = new AbortController();
    const onClose = (): void => giveUp.abort();
    if (this.#abort.signal.aborted) giveUp.abort();
    else this.#abort.signal.addEventListener('abort', onClose, { once: true });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<{ reason: string }>((resolve) => {
      timer = setTimeout(() => { giveUp.abort(); resolve({ reason: 'timeout' }); }, this.#deps.timeoutMs ?? TIMEOUT_MS);
    });
    try {
      return await Promise.race([this.#send(entry, giveUp.signal), timeout]);
    } finally {
      clearTimeout(timer);
      this.#abort.signal.removeEventListener('abort', onClose);
    }
  }

  async #send(entry: OutboxEntry, signal: AbortSignal): Promise<'delivered' | { reason: string }> {
    try {
      const res = await fetch(entry.url, { method: 'POST', headers: entry.headers, body: entry.body, redirect: 'manual', signal });
      await res.arrayBuffer().catch(() => undefined);
      // Only a 5xx or a 429 is a failure: AWS logs an endpoint's 400 or 302 as SUCCESS, retries
      // neither and dead-letters neither, while its 503 went to the dead-letter queue
      // (radkawar/stackd testdata/aws/sns/external_feedback.json, 2026-09-22).
      if (res.status < 500 && res.status !== 429) return 'delivered';
      return { reason: `HTTP ${res.status}` };
    } catch (err) {
      return { reason: err instanceof Error ? err.message : String(err) };
    }
  }
}
