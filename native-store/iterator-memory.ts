/**
 * Native memory that classic-level iterators hold until V8 collects their JS wrappers, and a
 * full GC when it grows.
 *
 * Why: classic-level copies each batch an iterator reads into a C++ vector (a reservation of
 * 64 bytes per requested entry, plus a heap string per key and value over 15 bytes) on a
 * thread-pool thread, and frees it only when V8 collects the iterator's JS wrapper, not at
 * close. In practice that is a full GC, which comes about every 8 MiB of old-space growth: every
 * 1-2 s under load. V8 does not see the native memory, so it never hurries. The store frees the
 * last batch's strings itself before closing (LevelMetaStore #retire), so what is left is each
 * iterator's reservation and one entry; this counts it (estimated from what the iterator read; a
 * FinalizationRegistry takes it off when V8 collects the iterator) and asks for a full GC when
 * it passes LIMIT_BYTES. Before #retire this was what bounded the Query workload (scratch, Query
 * 25 of 100 at 2-5,000/s: glibc's thread arenas grew 5 -> 40-57 MiB and VmRSS to 113-124 MiB;
 * with a full GC every 500 ms the arenas stayed at 12 MiB and VmRSS at 78-86 MiB); now it is a
 * backstop that a steady Query load does not reach.
 *
 * (A chained batch would be the same case: its WriteBatch lives until its wrapper is collected.
 * The store's batches do not use one: level-meta-store.ts.)
 *
 * The GC function comes from a V8 context created with --expose-gc on the first need (about
 * 1.4 ms and a context's memory, never paid by a store that stays small); the flag is turned
 * off again at once, so no other context or worker gets a global `gc`.
 */
import { nodeV8, nodeVm } from '../src/util/node-builtins.js';

/**
 * Estimated native bytes held before a full GC is asked for, and at most one forced GC per
 * MIN_INTERVAL_MS. The interval is what costs: a forced full GC takes only 10-14 ms, but it
 * collects the maps of short-lived objects (expression cursors, class instances of a request)
 * while none is alive, and V8 then deoptimises every function whose optimised code embeds them
 * ("reason: weak objects": 638 deopts in 5 s at a 100 ms interval against 14 without forced GCs)
 * and compiles them again, on the main thread and V8's worker threads.
 * Measured together (scratch, Query 25 of 100 at 16 connections, quiet, server CPU per Query and
 * peak VmRSS): no forced GC 186-190 us / 114 MiB; 8 MiB and 500 ms 216 us / 104; 16 MiB and
 * 500 ms 245 us / 100; 8 MiB and 250 ms 296-354 us / 79-82; 4 MiB and 100 ms 417-513 us /
 * 75-83. 8 MiB and 250 ms kept the peak under the 90 MB target for the least CPU. (Measured
 * before the store freed batches itself: the forced GC then ran in a Query load; now it does not.)
 */
const LIMIT_BYTES = 8 * 1024 * 1024;
/** At most one forced GC per this many ms, whatever the estimate says (see above: this bounds the deopts). */
const MIN_INTERVAL_MS = 250;
/** sizeof(Entry) in classic-level: two std::string of 32 bytes (libstdc++, 64-bit). */
const ENTRY_BYTES = 64;
/** A std::string keeps up to 15 bytes inline; longer ones are a heap block (+ malloc's header). */
const INLINE_STRING = 15;
const MALLOC_OVERHEAD = 16;

/** What one iterator holds natively: updated as it reads, taken off when it is collected. */
export interface IteratorHold { bytes: number; reserved: number }

/** A key read with keys: false is undefined and holds nothing. */
function stringBytes(s: string | undefined): number {
  return s !== undefined && s.length > INLINE_STRING ? s.length + 1 + MALLOC_OVERHEAD : 0;
}

/**
 * V8's full-GC function, without a global `gc` (also used by bench/lib/old-space-guard.ts).
 * node:v8 and node:vm load here, on the first need, not with the store (DESIGN.md §6a). A node
 * started with --expose-gc (the container image's command line) already has one: that is used.
 */
export function exposeGc(): () => void {
  const global = (globalThis as { gc?: unknown }).gc;
  if (typeof global === 'function') return global as () => void;
  const { setFlagsFromString } = nodeV8();
  setFlagsFromString('--expose-gc');
  try {
    return nodeVm().runInNewContext('gc') as () => void;
  } finally {
    setFlagsFromString('--no-expose-gc');
  }
}

export class IteratorMemory {
  /** Estimated native bytes of iterators not yet collected. */
  #pending = 0;
  #lastGc = 0;
  #collect: (() => void) | undefined;
  readonly #limit: number;
  readonly #registry = new FinalizationRegistry<IteratorHold>((hold) => { this.#pending -= hold.bytes; });

  /** @param o.collect runs a full GC (tests pass their own); V8's, exposed on first need, by default */
  constructor(o: { limitBytes?: number; collect?: () => void } = {}) {
    this.#limit = o.limitBytes ?? LIMIT_BYTES;
    this.#collect = o.collect;
  }

  /** Starts counting for `owner` (the object whose collection frees the native memory). */
  track(owner: object): IteratorHold {
    const hold: IteratorHold = { bytes: 0, reserved: 0 };
    this.#registry.register(owner, hold);
    return hold;
  }

  /**
   * An iterator asked for a batch of `requested` entries and these came back (keys and values,
   * or values only): the native side now holds them (the previous batch's strings are freed) in
   * a vector reserved for the largest batch asked so far.
   */
  read(hold: IteratorHold, requested: number, entries: readonly (readonly [string, string])[] | readonly string[]): void {
    let bytes = 0;
    for (const e of entries) bytes += typeof e === 'string' ? stringBytes(e) : stringBytes(e[0]) + stringBytes(e[1]);
    hold.reserved = Math.max(hold.reserved, requested * ENTRY_BYTES);
    this.#set(hold, hold.reserved + bytes);
  }

  #set(hold: IteratorHold, bytes: number): void {
    this.#pending += bytes - hold.bytes;
    hold.bytes = bytes;
  }

  /** After an iterator is closed: a full GC when what iterators hold is over the limit. */
  closed(): void {
    if (this.#pending < this.#limit) return;
    const now = Date.now();
    if (now - this.#lastGc < MIN_INTERVAL_MS) return;
    this.#lastGc = now;
    (this.#collect ??= exposeGc())();
  }

  /** Estimated native bytes held by iterators V8 has not collected yet (tests, metrics). */
  get pendingBytes(): number {
    return this.#pending;
  }
}
