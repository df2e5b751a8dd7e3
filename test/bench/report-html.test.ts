import test from 'ava';
import { compareRuns } from '../../src/bench/compare/compare-runs.js';
import { escapeHtml, jsonForScript } from '../../src/bench/report/escape.js';
import { renderHtmlReport } from '../../src/bench/report/html.js';
import { PERCENTILE_GRID, percentileCurve } from '../../src/bench/report/percentile-curve.js';
import { alignSeries, buildReportData, runLabels, type ReportData } from '../../src/bench/report/report-data.js';
import { makeRunResult, makeRuns } from './fixtures.js';

const dataOf = (html: string): ReportData => {
  const m = /<script type="application\/json" id="bench-data">([\s\S]*?)<\/script>/.exec(html);
  if (!m) throw new Error('no data element');
  return JSON.parse(m[1]!) as ReportData;
};

test('one self-contained file: uPlot inlined, no external src or href, no external stylesheet', (t) => {
  const html = renderHtmlReport(makeRuns([1000, 1100]));
  t.true(html.startsWith('<!DOCTYPE html>'));
  t.regex(html, /var uPlot=function\(\)/);
  t.regex(html, /\.uplot\s*\{/);
  t.notRegex(html, /\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?\/\//i);
  t.notRegex(html, /<link\b/i);
  t.notRegex(html, /<script[^>]*\bsrc=/i);
  t.notRegex(html, /@import|url\(\s*["']?https?:/i);
  // Exactly one document.
  t.is(html.match(/<html\b/g)?.length, 1);
  t.is(html.match(/<\/html>/g)?.length, 1);
});

test('every chart has its stable id and class', (t) => {
  const single = renderHtmlReport([makeRunResult()]);
  for (const id of ['chart-throughput', 'chart-latency', 'chart-distribution', 'chart-rss']) t.regex(single, new RegExp(`<figure class="bench-chart" id="${id}"`));
  t.notRegex(single, /id="chart-peers-ops"/);
  t.notRegex(single, /id="chart-compare-ops"/);
  t.notRegex(renderHtmlReport([makeRunResult({ server: false })]), /id="chart-rss"/);
  const peers = renderHtmlReport([makeRunResult({ target: 'boltstack' }), makeRunResult({ target: 's3rver', opsPerSecond: 300 })]);
  t.regex(peers, /id="chart-peers-ops"/);
  t.regex(peers, /id="chart-peers-p99"/);
  const base = makeRuns([1000, 1000, 1000]);
  const next = makeRuns([700, 700, 700]);
  const cmp = renderHtmlReport([...base, ...next], { comparison: compareRuns(base, next, { maxRegression: 0.05 }) });
  t.regex(cmp, /id="chart-compare-ops"/);
  t.regex(cmp, /id="chart-compare-p99"/);
  t.regex(cmp, /<span id="comparison-verdict" class="verdict verdict-regression">regression<\/span>/);
  t.regex(cmp, /id="table-comparison"/);
});

test('names and error codes from result files are escaped in HTML and in the data JSON', (t) => {
  const evil = '</script><script>alert(1)</script>';
  const run = makeRunResult({ workload: `w<b>"&'${evil}`, target: '<img src=x onerror=alert(1)>', errors: { [evil]: 3, 'A&B': 1 } });
  const html = renderHtmlReport([run], { title: `t ${evil}` });
  t.false(html.includes('<script>alert(1)'));
  t.false(html.includes('<img src=x'));
  t.true(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
  t.true(html.includes('A&amp;B'));
  t.is(html.match(/<script\b/g)?.length, 3, 'data, uPlot and the page script only');
  const data = dataOf(html);
  t.is(data.title, `t ${evil}`);
  t.true(data.runs[0]!.includes('<img'));
});

test('escape helpers', (t) => {
  t.is(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  const s = jsonForScript({ a: '</script><!-- \u2028' });
  t.false(s.includes('<'));
  t.deepEqual(JSON.parse(s), { a: '</script><!-- \u2028' });
});

test('the data holds aligned series for every run', (t) => {
  const a = makeRunResult({ durationSeconds: 5 });
  const b = makeRunResult({ durationSeconds: 8, seed: 2, opsPerSecond: 500 });
  const data = buildReportData([a, b], 'x');
  t.deepEqual(data.throughput.x, [1, 2, 3, 4, 5, 6, 7, 8]);
  t.is(data.throughput.series.length, 2);
  t.deepEqual(data.throughput.series[0]!.values.slice(5), [null, null, null]);
  t.is(data.latency.series.length, 4);
  t.is(data.distribution.series.length, 2);
  t.is(data.rss?.series.length, 2);
  t.deepEqual(data.runs, ['boltstack', 'boltstack #2']);
});

test('alignSeries joins on the union of t and leaves gaps null', (t) => {
  const r = alignSeries([{ label: 'a', points: [[1, 10], [3, 30]] }, { label: 'b', points: [[2, 2], [3, undefined]] }]);
  t.deepEqual(r.x, [1, 2, 3]);
  t.deepEqual(r.series.map((s) => s.values), [[10, null, 30], [null, 2, null]]);
});

test('run labels say what differs between runs', (t) => {
  t.deepEqual(runLabels([makeRunResult({ target: 'a' }), makeRunResult({ target: 'b' })]), ['a', 'b']);
  t.deepEqual(runLabels([makeRunResult({ workload: 'w1' }), makeRunResult({ workload: 'w2' })]), ['w1', 'w2']);
  t.deepEqual(runLabels([makeRunResult({ target: 'a', workload: 'w1' }), makeRunResult({ target: 'b', workload: 'w2' })]), ['a · w1', 'b · w2']);
  const html = renderHtmlReport([makeRunResult(), makeRunResult()], { runLabels: ['base #1', 'new #1'] });
  t.deepEqual(dataOf(html).runs, ['base #1', 'new #1']);
  t.throws(() => renderHtmlReport([makeRunResult()], { runLabels: [] }), { instanceOf: RangeError });
});

test('the percentile curve follows the HDR histogram and ends at the max', (t) => {
  const run = makeRunResult({ opsPerSecond: 100, durationSeconds: 10, p50Ms: 2, p99Ms: 10 });
  const curve = percentileCurve(run.total.histogram);
  t.is(curve.length, PERCENTILE_GRID.length);
  const values = curve.filter((v): v is number => v !== null);
  // 1000 operations: points up to x = 1000 (99.9%), then the max, then nothing.
  t.is(values.length, PERCENTILE_GRID.filter((x) => x <= 1000).length + 1);
  for (let i = 1; i < values.length; i++) t.true(values[i]! >= values[i - 1]!, 'monotonic');
  // Log-normal with median 2 ms and p99 10 ms: p90 = 2 × exp(1.2816 × ln(5) / 2.326) ≈ 4.86 ms.
  t.true(Math.abs(values[10]! - 4.86) / 4.86 < 0.15, `p90 near the log-normal's, got ${values[10]}`);
  // The decoded max is the top of its HDR bucket (3 significant digits).
  t.true(Math.abs(values.at(-1)! - run.total.latency.max) / run.total.latency.max < 0.001);
  t.deepEqual(percentileCurve('not a histogram').filter((v) => v !== null), []);
});
