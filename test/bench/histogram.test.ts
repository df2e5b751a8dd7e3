import test from 'ava';
import {
  createHistogram, decodeHistogram, encodeHistogram, latencySummary, mergeEncoded, mergeHistograms, recordMs,
} from '../../src/bench/engine/histogram.js';
import { mulberry32 } from '../../src/bench/workload/prng.js';

function values(seed: number, n: number, scaleUs: number): number[] {
  const r = mulberry32(seed);
  return Array.from({ length: n }, () => Math.max(1, Math.round(scaleUs * Math.exp(2 * (r() - 0.5) * 3))));
}

test('encode then decode keeps every count', (t) => {
  const h = createHistogram();
  for (const v of values(1, 10000, 500)) h.recordValue(v);
  const back = decodeHistogram(encodeHistogram(h));
  t.is(back.totalCount, h.totalCount);
  // The exact max is not encoded: it comes back as the highest value of its bucket (within 0.1 %).
  t.true(back.maxValue >= h.maxValue && back.maxValue <= h.maxValue * 1.001);
  for (const p of [50, 90, 99, 99.9]) t.is(back.getValueAtPercentile(p), h.getValueAtPercentile(p));
  t.regex(encodeHistogram(h), /^HISTF/, 'standard compressed V2 encoding');
});

test('merging two encoded histograms equals one histogram of all values', (t) => {
  const a = values(2, 5000, 300), b = values(3, 7000, 30_000); // b reaches far beyond a's range
  const ha = createHistogram(), hb = createHistogram(), all = createHistogram();
  for (const v of a) { ha.recordValue(v); all.recordValue(v); }
  for (const v of b) { hb.recordValue(v); all.recordValue(v); }
  const merged = mergeHistograms([encodeHistogram(ha), encodeHistogram(hb)]);
  t.is(merged.totalCount, all.totalCount);
  t.is(merged.maxValue, decodeHistogram(encodeHistogram(all)).maxValue);
  t.is(merged.minNonZeroValue, all.minNonZeroValue);
  for (const p of [1, 10, 50, 75, 90, 99, 99.9, 100]) t.is(merged.getValueAtPercentile(p), all.getValueAtPercentile(p), `p${p}`);
  t.deepEqual(latencySummary(decodeHistogram(mergeEncoded([encodeHistogram(ha), encodeHistogram(hb)]))),
    latencySummary(decodeHistogram(encodeHistogram(all))));
});

test('a decoded histogram accepts a merge of a wider one', (t) => {
  const small = createHistogram();
  small.recordValue(5);
  const wide = createHistogram();
  wide.recordValue(50 * 3_600_000_000); // 50 hours in µs: beyond the initial range
  const decoded = decodeHistogram(encodeHistogram(small));
  decoded.add(wide);
  t.is(decoded.totalCount, 2);
});

test('summaries are in milliseconds and ordered', (t) => {
  const h = createHistogram();
  for (let i = 1; i <= 1000; i++) recordMs(h, i / 10); // 0.1 .. 100 ms
  const s = latencySummary(h);
  t.true(Math.abs(s.p50 - 50) < 0.1, `p50 ${s.p50}`);
  t.true(s.p50 <= s.p90 && s.p90 <= s.p99 && s.p99 <= s.p999 && s.p999 <= s.max);
  t.true(Math.abs(s.max - 100) < 0.1);
  t.deepEqual(latencySummary(createHistogram()), { p50: 0, p90: 0, p99: 0, p999: 0, max: 0, mean: 0 });
});

test('percentiles never read above the exact max (bucket rounding)', (t) => {
  const h = createHistogram();
  for (let i = 0; i < 999; i++) h.recordValue(1000);
  h.recordValue(202_094); // p99.9's bucket top would be 202_111
  const s = latencySummary(h);
  t.true(s.p999 <= s.max && s.p99 <= s.p999, JSON.stringify(s));
  t.is(s.max, 202.094);
});
