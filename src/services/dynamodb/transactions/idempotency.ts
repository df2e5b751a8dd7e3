/**
 * ClientRequestToken idempotency of TransactWriteItems: within 10 minutes of the first request
 * that completes, a request with the same token and the same parameters is answered as the first
 * one was without writing again; the same token with other parameters is
 * IdempotentParameterMismatchException; a token still running is TransactionInProgressException.
 * Tokens are kept in memory (per instance, bounded): a restart forgets them.
 */
import { createHash } from 'node:crypto';
import { idempotentParameterMismatch, transactionInProgress } from './errors.js';

export const TOKEN_WINDOW_MS = 10 * 60 * 1000;
const MAX_TOKENS = 10_000;

interface Entry { fingerprint: string; expiresAt?: number; result?: unknown }

export class IdempotencyTokens {
  #entries = new Map<string, Entry>();
  #now: () => number;

  constructor(now: () => number) {
    this.#now = now;
  }

  /**
   * Runs `write` once per (token, parameters) within the window; `fingerprintOf` is the request
   * without the token and the fields that do not change the write (ReturnConsumedCapacity...).
   */
  async run<T>(key: string, parameters: unknown, write: () => Promise<T>): Promise<T> {
    const fingerprint = createHash('sha256').update(JSON.stringify(parameters, binaryAware)).digest('hex');
    const now = this.#now();
    const known = this.#entries.get(key);
    if (known && (known.expiresAt === undefined || known.expiresAt > now)) {
      if (known.fingerprint !== fingerprint) throw idempotentParameterMismatch();
      if (known.expiresAt === undefined) throw transactionInProgress();
      return known.result as T;
    }
    this.#sweep(now);
    const entry: Entry = { fingerprint };
    this.#entries.set(key, entry);
    try {
      const result = await write();
      entry.result = result;
      entry.expiresAt = this.#now() + TOKEN_WINDOW_MS;
      return result;
    } catch (err) {
      // A failed transaction did not happen: the token may be used again.
      this.#entries.delete(key);
      throw err;
    }
  }

  #sweep(now: number): void {
    for (const [k, e] of this.#entries) if (e.expiresAt !== undefined && e.expiresAt <= now) this.#entries.delete(k);
    while (this.#entries.size >= MAX_TOKENS) this.#entries.delete(this.#entries.keys().next().value!);
  }
}

function binaryAware(_key: string, v: unknown): unknown {
  return v instanceof Uint8Array ? Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64') : v;
}
