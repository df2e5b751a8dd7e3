/**
 * HDR latency histograms (microseconds, 3 significant digits, auto-resizing), their base64
 * compressed encoding (the standard HdrHistogram V2 format, so other HdrHistogram tools read it),
 * merging, and the millisecond summary a result reports. Compare and peers merge results with these.
 */
import * as hdr from 'hdr-histogram-js';
import type { LatencySummary } from '../types.js';

export type Histogram = hdr.Histogram;

/** One hour in microseconds: the initial range; auto-resize covers anything longer. */
const HIGHEST_US = 3_600_000_000;

export function createHistogram(): Histogram {
  return hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: HIGHEST_US, numberOfSignificantValueDigits: 3, autoResize: true });
}

/** Records one latency given in milliseconds (performance.now() differences) as whole µs, ≥ 1. */
export function recordMs(h: Histogram, ms: number): void {
  h.recordValue(Math.max(1, Math.round(ms * 1000)));
}

export function encodeHistogram(h: Histogram): string {
  return hdr.encodeIntoCompressedBase64(h);
}

export function decodeHistogram(encoded: string): Histogram {
  const h = hdr.decodeFromCompressedBase64(encoded, 32, false);
  // Decoded histograms come back without auto-resize; merging a wider one into them would throw.
  h.autoResize = true;
  return h;
}

/** One histogram holding every value of all `histograms` (encoded strings or live ones). */
export function mergeHistograms(histograms: Iterable<Histogram | string>): Histogram {
  const out = createHistogram();
  for (const h of histograms) out.add(typeof h === 'string' ? decodeHistogram(h) : h);
  return out;
}

/** Merges encoded histograms into one encoded histogram. */
export function mergeEncoded(encoded: Iterable<string>): string {
  return encodeHistogram(mergeHistograms(encoded));
}

const ms = (us: number): number => Math.round(us) / 1000;

/**
 * p50..max and mean in milliseconds (µs precision); zeros for an empty histogram. Percentiles
 * are the highest value of their bucket (within 0.1 %), so they are capped at the exact max:
 * p99.9 never reads above max.
 */
export function latencySummary(h: Histogram): LatencySummary {
  if (h.totalCount === 0) return { p50: 0, p90: 0, p99: 0, p999: 0, max: 0, mean: 0 };
  const max = h.maxValue;
  const at = (p: number): number => ms(Math.min(h.getValueAtPercentile(p), max));
  return { p50: at(50), p90: at(90), p99: at(99), p999: at(99.9), max: ms(max), mean: ms(Math.min(h.mean, max)) };
}
