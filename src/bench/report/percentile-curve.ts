/**
 * The latency distribution of a run as a percentile curve, from its HDR histogram: value (ms)
 * against x = 1 / (1 - percentile), so that on a log x axis 90%, 99%, 99.9% ... are evenly
 * spaced — the usual HdrHistogram plot, where the tail is as readable as the median.
 */
import hdr from 'hdr-histogram-js';

/** x = 10^(k/10) for k = 0..50: percentile 0 up to 99.999, ten points per decade (shared by all runs). */
export const PERCENTILE_GRID: readonly number[] = Array.from({ length: 51 }, (_, k) => 10 ** (k / 10));

export const percentileOfX = (x: number): number => 100 * (1 - 1 / x);

/**
 * Latency in ms at each PERCENTILE_GRID point; null past the resolution of the sample (x beyond
 * the count), except that the first such point carries the max so the curve ends at it.
 * Returns all nulls when the histogram cannot be decoded (an empty or foreign string).
 */
export function percentileCurve(histogramBase64: string): Array<number | null> {
  let h;
  try {
    h = hdr.decodeFromCompressedBase64(histogramBase64);
  } catch {
    return PERCENTILE_GRID.map(() => null);
  }
  try {
    const count = h.totalCount;
    let ended = count === 0;
    return PERCENTILE_GRID.map((x) => {
      if (ended) return null;
      if (x > count) {
        ended = true;
        return h.maxValue / 1000;
      }
      return h.getValueAtPercentile(percentileOfX(x)) / 1000;
    });
  } finally {
    h.destroy();
  }
}
