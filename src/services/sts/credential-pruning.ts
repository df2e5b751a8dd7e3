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
 */
import type { Logger } from '../../log.js';
import type { MetaOp, MetaStore } from '../../storage/meta-store.js';
import { STS_NS, credentialRange } from './keys.js';

export const PRUNE_GRACE_MS = 24 * 60 * 60 * 1000;
const STEP_INTERVAL_MS = 60_000;

export interface PruningOptions {
  /** The fewest records a step reads (tests make it small to see the round robin). */
  minStep?: number;
}

export class CredentialPruner {
  readonly #meta: MetaStore;
  readonly #log: Logger;
  readonly #minStep: number;
  /** The last key the previous step read; undefined: the next step starts at the range's start. */
  #cursor: string | undefined;
  #issuedSinceStep = 0;
  #lastStep = Number.NEGATIVE_INFINITY;
  #running: Promise<void> | undefined;

  constructor(meta: MetaStore, log: Logger, options: PruningOptions = {}) {
    this.#meta = meta;
    this.#log = log;
    this.#minStep = options.minStep ?? 1000;
  }

  /** Called once per credentials issued: starts a step in the background when one is due. */
  issued(): void {
    this.#issuedSinceStep++;
    const now = Date.now();
    if (this.#running !== undefined || now - this.#lastStep < STEP_INTERVAL_MS) return;
    const budget = Math.max(this.#minStep, 2 * this.#issuedSinceStep);
    this.#issuedSinceStep = 0;
    this.#lastStep = now;
    this.#running = this.#step(budget, now)
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
