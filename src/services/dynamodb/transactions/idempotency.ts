/**
 * ClientRequestToken idempotency of TransactWriteItems: for 10 minutes after the first request
 * with a token completes, a request with the same token and the same parameters is answered as
 * the first one was, without writing again; the same token with other parameters is
 * IdempotentParameterMismatchException; a token whose first request is still running is
 * TransactionInProgressException (which the SDKs retry).
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactWriteItems.html#DDB-TransactWriteItems-request-ClientRequestToken
 *
 * Durable: the token's record (a fingerprint of the parameters, when it expires, the answer) is
 * written in the transaction's own batch, so after a kill -9 either the transaction and its token
 * are both there or neither is, and a retry after a restart is still a no-op. Records are keyed
 * by the 10-minute bucket they completed in (keys.ts), so a lookup reads two keys (this bucket
 * and the one before) and the expired ones are dropped as one range in the background.
 * A cancelled transaction (TransactionCanceledException) did not happen, but AWS still holds its
 * token's parameters: the same request runs again, another one is IdempotentParameterMismatch
 * (radkawar/stackd testdata/aws/dynamodb/transaction_tokens.json seq 170-174, 179-188, native AWS
 * 2026-09-17); that record has no answer. A request refused before it ran (ValidationException)
 * leaves no record (same capture, seq 175-177).
 */
import { createHash } from 'node:crypto';
import type { MetaOp, MetaStore } from '../../../storage/meta-store.js';
import { NOT_NOW } from '../../../storage/meta-store.js';
import { isAwsError } from '../../../errors/aws-error.js';
import { DDB_NS, tokenKey, tokensBefore } from '../keys.js';
import { idempotentParameterMismatch, transactionInProgress } from './errors.js';

export const TOKEN_WINDOW_MS = 10 * 60 * 1000;
/** Deletions per batch while sweeping expired records. */
const SWEEP_BATCH = 500;

export interface TokenScope { account: string; region: string; token: string }

/** `r` absent: the token's request was cancelled, so a repeat of it runs again. */
interface TokenRecord { f: string; at: number; r?: unknown }

export class IdempotencyTokens {
  readonly #meta: MetaStore;
  readonly #now: () => number;
  readonly #onSweepError: (err: unknown) => void;
  /** Tokens whose first request is running → its fingerprint. */
  readonly #running = new Map<string, string>();
  /** Buckets below this one hold no record any more (or a sweep is on its way). */
  #sweptBelow = 0;
  #sweeping: Promise<void> | undefined;

  constructor(meta: MetaStore, now: () => number, onSweepError: (err: unknown) => void = () => undefined) {
    this.#meta = meta;
    this.#now = now;
    this.#onSweepError = onSweepError;
  }

  /**
   * Runs `write` once per (token, parameters) within the window. `parameters` is the request
   * without the token and the fields that do not change the write (ReturnConsumedCapacity...);
   * `write` gets the operation that records the token with the answer a repeat gets and must put
   * it in the transaction's batch (it may be called with that answer once the outcome is known).
   */
  async run<T>(scope: TokenScope, parameters: unknown, write: (record: (answer: T) => MetaOp) => Promise<T>): Promise<T> {
    const fingerprint = fingerprintOf(parameters);
    const id = `${scope.account}\0${scope.region}\0${scope.token}`;
    const running = this.#running.get(id);
    if (running !== undefined) throw running === fingerprint ? transactionInProgress() : idempotentParameterMismatch();
    // Held from here, before any await: a second request with the token waits for this one's fate.
    this.#running.set(id, fingerprint);
    try {
      const known = await this.#lookup(scope);
      if (known) {
        if (known.f !== fingerprint) throw idempotentParameterMismatch();
        if (known.r !== undefined) return known.r as T;
      }
      try {
        return await write((answer) => this.#recordOp(scope, fingerprint, answer));
      } catch (err) {
        if (isAwsError(err) && err.code === 'TransactionCanceledException') await this.#meta.batch([this.#recordOp(scope, fingerprint, undefined)]);
        throw err;
      }
    } finally {
      this.#running.delete(id);
    }
  }

  /** The token's live record, in this bucket or the one before (a record lives 10 minutes). */
  async #lookup(scope: TokenScope): Promise<TokenRecord | undefined> {
    const now = this.#now();
    const bucket = bucketOf(now);
    for (const b of [bucket, bucket - 1]) {
      const text = await this.#read(tokenKey(b, scope.account, scope.region, scope.token));
      if (text === undefined) continue;
      const record = JSON.parse(text, reviveBinary) as TokenRecord;
      if (record.at > now) return record;
    }
    return undefined;
  }

  #read(key: string): string | undefined | Promise<string | undefined> {
    const now = this.#meta.getNow(DDB_NS, key);
    return now === NOT_NOW ? this.#meta.get(DDB_NS, key) : now;
  }

  #recordOp(scope: TokenScope, fingerprint: string, answer: unknown): MetaOp {
    const completed = this.#now();
    const bucket = bucketOf(completed);
    this.#sweepBefore(bucket - 1);
    const record: TokenRecord = { f: fingerprint, at: completed + TOKEN_WINDOW_MS, ...(answer !== undefined && { r: answer }) };
    return { type: 'put', ns: DDB_NS, key: tokenKey(bucket, scope.account, scope.region, scope.token), value: JSON.stringify(record, keepBinary) };
  }

  /** Drops, in the background, every record of the buckets below `bucket`: all have expired. */
  #sweepBefore(bucket: number): void {
    if (bucket <= this.#sweptBelow || this.#sweeping) return;
    this.#sweptBelow = bucket;
    this.#sweeping = this.#sweep(bucket)
      .catch((err: unknown) => { this.#sweptBelow = 0; this.#onSweepError(err); })
      .finally(() => { this.#sweeping = undefined; });
  }

  async #sweep(bucket: number): Promise<void> {
    let ops: MetaOp[] = [];
    for await (const [key] of this.#meta.iterate(DDB_NS, tokensBefore(bucket))) {
      ops.push({ type: 'del', ns: DDB_NS, key });
      if (ops.length === SWEEP_BATCH) { await this.#meta.batch(ops); ops = []; }
    }
    if (ops.length > 0) await this.#meta.batch(ops);
  }

  /** Resolves once a sweep under way has finished (tests; closing). */
  async settled(): Promise<void> {
    await this.#sweeping;
  }
}

const bucketOf = (ms: number): number => Math.floor(ms / TOKEN_WINDOW_MS);

/** A stored answer may hold binary key values (ItemCollectionMetrics): kept as {"$b": base64}. */
function keepBinary(this: unknown, key: string, value: unknown): unknown {
  const raw = (this as Record<string, unknown>)[key];
  return raw instanceof Uint8Array ? { $b: Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('base64') } : value;
}

function reviveBinary(_key: string, value: unknown): unknown {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const b = (value as { $b?: unknown }).$b;
    if (typeof b === 'string' && Object.keys(value).length === 1) return new Uint8Array(Buffer.from(b, 'base64'));
  }
  return value;
}

/**
 * The same parameters give the same fingerprint whatever the order of their JSON members (AWS
 * compares requests, not their bytes; localstack/localstack#6529 checked this against AWS).
 */
export function fingerprintOf(parameters: unknown): string {
  return createHash('sha256').update(canonicalJson(parameters)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (value instanceof Uint8Array) return JSON.stringify(Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64'));
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
