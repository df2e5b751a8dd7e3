/**
 * A full GC when V8's old space has grown by more than a step since the last full GC.
 *
 * Measured and NOT adopted (docs/configuration.md, "The old generation's growth step"): it did not
 * lower peak VmRSS and cost 8-68 % more server CPU per operation; the server does not start it. It
 * stays for the v8-settings bench (bench/lib/old-space-guard-preload.ts) to re-check on new Node lines.
 *
 * The idea: under `s3-small-objects` the live heap is near
 * 9 MiB, but V8 lets old space grow by its minimum step (Heap::MinimumAllocationLimitGrowingStep)
 * before it runs a full GC, so its pages reach 15-20 MiB at the peak. Asking for the GC earlier
 * keeps old space near live + `stepBytes`. It reads old space on a timer (getHeapSpaceStatistics:
 * about 1.3 us a call, measured) instead of per request, and forces at most one GC per interval.
 * A full GC V8 ran by itself shows as old space falling below the baseline, which then follows it.
 */
import { getHeapSpaceStatistics } from 'node:v8';
import { exposeGc } from '../../native-store/iterator-memory.js';

export interface OldSpaceGuardOptions {
  /** Old-space growth (bytes) since the last full GC that triggers one. */
  stepBytes: number;
  /** How often old space is read; also the least time between two forced GCs. */
  intervalMs: number;
  /** Runs a full GC (tests pass their own); V8's, exposed on first need, by default. */
  collect?: () => void;
  /** Bytes in use in old space (tests pass their own). */
  oldSpaceUsed?: () => number;
}

function v8OldSpaceUsed(): number {
  return getHeapSpaceStatistics().find((s) => s.space_name === 'old_space')?.space_used_size ?? 0;
}

export class OldSpaceGuard {
  readonly #step: number;
  readonly #interval: number;
  readonly #oldSpaceUsed: () => number;
  #collect: (() => void) | undefined;
  #baseline: number;
  #timer: NodeJS.Timeout | undefined;
  /** Full GCs this guard asked for (tests, the bench). */
  forced = 0;

  constructor(o: OldSpaceGuardOptions) {
    this.#step = o.stepBytes;
    this.#interval = o.intervalMs;
    this.#collect = o.collect;
    this.#oldSpaceUsed = o.oldSpaceUsed ?? v8OldSpaceUsed;
    this.#baseline = this.#oldSpaceUsed();
  }

  start(): void {
    // unref: the guard never keeps the process alive on its own.
    this.#timer ??= setInterval(() => this.check(), this.#interval).unref();
  }

  stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  /** One look at old space: a full GC when it grew more than the step since the last one. */
  check(): void {
    const used = this.#oldSpaceUsed();
    if (used < this.#baseline) {
      this.#baseline = used;
      return;
    }
    if (used - this.#baseline <= this.#step) return;
    (this.#collect ??= exposeGc())();
    this.forced++;
    this.#baseline = this.#oldSpaceUsed();
  }
}
