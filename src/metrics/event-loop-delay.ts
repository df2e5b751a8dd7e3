/**
 * Event-loop delay for the metrics endpoint. Node samples it with a timer
 * (perf_hooks.monitorEventLoopDelay), which would wake an idle emulator every few milliseconds,
 * so the monitor starts on the first scrape, not at start: a process nobody scrapes pays nothing.
 * Each scrape reports the delay since the previous one and starts a new interval.
 * https://nodejs.org/api/perf_hooks.html#perf_hooksmonitoreventloopdelayoptions
 */
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

/** Sampling period in ms: Node's default (10) wakes the loop twice as often for little gain here. */
const RESOLUTION_MS = 20;

export interface DelaySample {
  /** Seconds. */
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
  /** Samples taken in the interval. */
  count: number;
}

export class EventLoopDelay {
  #histogram: IntervalHistogram | undefined;

  /** The delay since the previous call; undefined on the first call (the monitor starts then). */
  sample(): DelaySample | undefined {
    const h = this.#histogram;
    if (h === undefined) {
      this.#histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
      this.#histogram.enable();
      return undefined;
    }
    const seconds = (ns: number): number => ns / 1e9;
    const count = h.count;
    const out = count === 0 ? undefined : {
      p50: seconds(h.percentile(50)), p90: seconds(h.percentile(90)), p99: seconds(h.percentile(99)),
      max: seconds(h.max), mean: seconds(h.mean), count,
    };
    h.reset();
    return out;
  }

  /** Stops the monitor's timer (instance stop). */
  close(): void {
    this.#histogram?.disable();
    this.#histogram = undefined;
  }
}
