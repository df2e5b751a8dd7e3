/**
 * Collects the measured phase: per operation and in total, an HDR histogram of latencies (every
 * completed operation, failed ones included, so count = histogram count), errors by code and bytes
 * moved; and, for the time series, per-interval windows closed by the engine's 1 s timer.
 */
import type { OperationStats, OpResult, WindowStats } from '../types.js';
import { createHistogram, encodeHistogram, latencySummary, recordMs, type Histogram } from './histogram.js';

interface Tally {
  histogram: Histogram;
  count: number;
  bytes: number;
  errors: Record<string, number>;
}

function tally(): Tally {
  return { histogram: createHistogram(), count: 0, bytes: 0, errors: {} };
}

function add(t: Tally, ms: number, result: OpResult): void {
  recordMs(t.histogram, ms);
  t.count++;
  t.bytes += result.bytes;
  if (!result.ok) {
    const code = result.error ?? 'Unknown';
    t.errors[code] = (t.errors[code] ?? 0) + 1;
  }
}

const round = (x: number, digits = 2): number => Math.round(x * 10 ** digits) / 10 ** digits;

function stats(t: Tally, seconds: number): OperationStats {
  return {
    count: t.count,
    errors: { ...t.errors },
    opsPerSecond: seconds > 0 ? round(t.count / seconds) : 0,
    megabytesPerSecond: seconds > 0 ? round(t.bytes / 1e6 / seconds, 3) : 0,
    latency: latencySummary(t.histogram),
    histogram: encodeHistogram(t.histogram),
  };
}

export class Recorder {
  readonly #total = tally();
  readonly #ops = new Map<string, Tally>();
  #window = tally();
  #windowStart: number;
  readonly #windows: WindowStats[] = [];
  readonly #start: number;

  /** `start` is performance.now() at the beginning of the measured phase. */
  constructor(ops: readonly string[], start: number) {
    for (const op of ops) this.#ops.set(op, tally());
    this.#start = start;
    this.#windowStart = start;
  }

  record(op: string, ms: number, result: OpResult): void {
    let t = this.#ops.get(op);
    if (!t) { t = tally(); this.#ops.set(op, t); }
    add(t, ms, result);
    add(this.#total, ms, result);
    add(this.#window, ms, result);
  }

  get count(): number { return this.#total.count; }
  get errorCount(): number { return Object.values(this.#total.errors).reduce((a, b) => a + b, 0); }

  /** Ends the current window at `now`; a final partial window with no operations is dropped. */
  closeWindow(now: number, final = false): WindowStats | undefined {
    const w = this.#window;
    const seconds = (now - this.#windowStart) / 1000;
    this.#window = tally();
    this.#windowStart = now;
    if (seconds <= 0 || (final && w.count === 0)) return undefined;
    const summary = latencySummary(w.histogram);
    const window: WindowStats = {
      t: round((now - this.#start) / 1000, 3),
      opsPerSecond: round(w.count / seconds),
      megabytesPerSecond: round(w.bytes / 1e6 / seconds, 3),
      p50: summary.p50,
      p99: summary.p99,
      errors: Object.values(w.errors).reduce((a, b) => a + b, 0),
    };
    this.#windows.push(window);
    return window;
  }

  get windows(): WindowStats[] { return [...this.#windows]; }

  result(seconds: number): { total: OperationStats; operations: Record<string, OperationStats> } {
    const operations: Record<string, OperationStats> = {};
    for (const [op, t] of this.#ops) operations[op] = stats(t, seconds);
    return { total: stats(this.#total, seconds), operations };
  }
}
