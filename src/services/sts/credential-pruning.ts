/**
 * Removes the stored records of credentials long expired (credentials.ts), so they do not pile
 * up for as long as a data directory lives.
 *
 * Bounded work in the background: issuing credentials starts a step at most once a minute, never
 * awaited by the issuer; a step reads at most `max(minStep, 2 × credentials issued since the last
 * step)` records, from where the last step stopped (round robin over the key range), and deletes
 * the stale ones in one batch. So each pass reads more records than were added meanwhile, and the
 * store stays near the number of sessions live or expired within the grace period. Nothing runs
 * while nothing is issued: records only grow by issuing.
 *
 * The grace period, 24 hours after a session's Expiration: what a record still answers once its
 * session has ended is who the key was (GetCallerIdentity, role chaining) for a request that
 * reaches STS anyway (sent without its session token; the gateway refuses the others with
 * ExpiredToken from the token alone: expired-session.ts). A day covers a host clock stepped back
 * (NTP, a resumed VM or laptop, a test that sets the clock back), under which a key pruned at
 * once would look live again yet resolve to nobody, and keeps the records of yesterday's sessions
 * for someone looking into a run. A live key's record is never touched: only records whose
 * Expiration is more than a day past are removed.
 *
 * "Past" is judged by a clock that a jump forward cannot move (trustedNow): the wall clock, but
 * never further than the time really elapsed since the pruner started (the monotonic clock) on
 * top of the wall time then. A host clock stepped ahead by days (a wrong NTP answer, a test) would
 * otherwise make every live session look a day past its end, remove their records, and, once the
 * clock came back, leave their keys live but resolving to nobody (the account root). A clock
 * stepped back only makes pruning later. What this cannot see is a clock already ahead when the
 * process started; the day of grace is the guard there.
 */
import type { Logger } from '../../log.js';
import type { MetaOp, MetaStore } from '../../storage/meta-store.js';
import { STS_NS, credentialRange } from './keys.js';

export const PRUNE_GRACE_MS = 24 * 60 * 60 * 1000;
const STEP_INTERVAL_MS = 60_000;

export interface PruningOptions {
  /** The fewest records a step reads (tests make it small to see the round robin). */
  minStep?: number;
  /** Milliseconds from a clock the host's clock steps do not move; performance.now by default. */
  monotonicNow?: () => number;
}

export class CredentialPruner {
  readonly #meta: MetaStore;
  readonly #log: Logger;
  readonly #minStep: number;
  readonly #monotonicNow: () => number;
  /** The wall clock and the monotonic clock read together when the pruner started. */
  readonly #wallAtStart: number;
  readonly #monotonicAtStart: number;
  /** The last key the previous step read; undefined: the next step starts at the range's start. */
  #cursor: string | undefined;
  #issuedSinceStep = 0;
  /** The monotonic clock when the last step started. */
  #lastStep = Number.NEGATIVE_INFINITY;
  #running: Promise<void> | undefined;

  constructor(meta: MetaStore, log: Logger, options: PruningOptions = {}) {
    this.#meta = meta;
    this.#log = log;
    this.#minStep = options.minStep ?? 1000;
    this.#monotonicNow = options.monotonicNow ?? (() => performance.now());
    this.#wallAtStart = Date.now();
    this.#monotonicAtStart = this.#monotonicNow();
  }

  /**
   * The wall clock, held back to the start's wall time plus the time really elapsed since: a
   * step forward of the host's clock does not count, a step back does (it only delays pruning).
   */
  trustedNow(): number {
    const elapsed = this.#monotonicNow() - this.#monotonicAtStart;
    return Math.min(Date.now(), this.#wallAtStart + elapsed);
  }

  /** Called once per credentials issued: starts a step in the background when one is due. */
  issued(): void {
    this.#issuedSinceStep++;
    // The interval by the monotonic clock: a wall clock stepped back does not stop the steps.
    const at = this.#monotonicNow();
    if (this.#running !== undefined || at - this.#lastStep < STEP_INTERVAL_MS) return;
    const budget = Math.max(this.#minStep, 2 * this.#issuedSinceStep);
    this.#issuedSinceStep = 0;
    this.#lastStep = at;
    this.#running = this.#step(budget, this.trustedNow())
      .catch((err: unknown) => this.#log.warn('sts: pruning expired credentials failed', { err: String(err) }))
      .finally(() => { this.#running = undefined; });
  }

  /** Waits for the step under way, if any. */
  async idle(): Promise<void> {
    await this.#running;
  }

  async #step(budget: number, now: number): Promise<void> {
    const range = this.#cursor === undefined ? { ...credentialRange, limit: budget } : { gt: this.#cursor, lt: credentialRange.lt, limit: budget };
    const stale: MetaOp[] = [];
    let read = 0;
    let last: string | undefined;
    for await (const [key, value] of this.#meta.iterate(STS_NS, range)) {
      read++;
      last = key;
      if (expirationOf(value) + PRUNE_GRACE_MS < now) stale.push({ type: 'del', ns: STS_NS, key });
    }
    if (stale.length > 0) await this.#meta.batch(stale);
    // Fewer than asked: the range's end was reached, and the next step starts over.
    this.#cursor = read < budget ? undefined : last;
  }
}

/** A record's Expiration (ms); +Infinity for one that cannot be read, so it is never removed. */
function expirationOf(value: string): number {
  try {
    const { expiration } = JSON.parse(value) as { expiration?: unknown };
    return typeof expiration === 'number' ? expiration : Number.POSITIVE_INFINITY;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}
