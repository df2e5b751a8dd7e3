/**
 * renderHtmlReport: RunResults (and optionally a ComparisonReport) → one self-contained HTML
 * file, viewable offline: uPlot and its CSS are inlined, the data is a JSON <script> element and
 * the page script draws the charts from it. Nothing is fetched: no src/href to any URL.
 *
 * Charts (each a <figure class="bench-chart" id="chart-..."> holding a uPlot canvas):
 *   chart-throughput, chart-latency, chart-distribution, chart-rss (when the server was observed),
 *   chart-peers-ops / chart-peers-p99 (2+ targets), chart-compare-ops / chart-compare-p99.
 * Tables: table-comparison, table-operations, table-errors, table-environment.
 */
import type { ComparisonReport } from '../compare/types.js';
import type { RunResult } from '../types.js';
import { loadChartAssets, type ChartAssets } from './assets.js';
import { CLIENT_SCRIPT } from './client-script.js';
import { escapeHtml, jsonForScript, scriptText } from './escape.js';
import { buildReportData, type ReportData } from './report-data.js';
import { comparisonTable, environmentTable, errorsTable, operationsTable } from './tables.js';

export interface HtmlReportOptions {
  title?: string;
  comparison?: ComparisonReport;
  /** One label per result (e.g. "base #1", "new #1"); by default derived from target and workload. */
  runLabels?: string[];
  /** uPlot sources; read from node_modules when absent (tests may pass them to avoid the read). */
  assets?: ChartAssets;
}

const PAGE_CSS = `
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 24px auto; max-width: 1200px; padding: 0 16px; color: #111827; }
h1 { font-size: 22px; margin-bottom: 4px; } h2 { font-size: 17px; margin-top: 32px; border-bottom: 1px solid #e5e7eb; padding-bottom: 4px; }
.subtitle { color: #6b7280; margin-top: 0; }
.bench-chart { margin: 16px 0 24px; } .bench-chart figcaption { font-weight: 600; margin-bottom: 6px; }
.bench-chart .note { font-weight: 400; color: #6b7280; }
.bench-table { border-collapse: collapse; width: 100%; font-size: 13px; margin: 8px 0 16px; }
.bench-table th, .bench-table td { border-bottom: 1px solid #e5e7eb; padding: 4px 8px; text-align: left; vertical-align: top; }
.bench-table th { background: #f9fafb; } .num { text-align: right !important; font-variant-numeric: tabular-nums; }
.verdict { font-weight: 600; padding: 1px 6px; border-radius: 4px; }
.verdict-pass { background: #dcfce7; } .verdict-regression { background: #fee2e2; } .verdict-improvement { background: #dbeafe; } .verdict-inconclusive { background: #fef3c7; }
.verdict-banner { font-size: 16px; margin: 12px 0; } .warnings { color: #92400e; } .gated { color: #2563eb; }
`;

function chart(id: string, caption: string, note = ''): string {
  const n = note ? ` <span class="note">${escapeHtml(note)}</span>` : '';
  return `<figure class="bench-chart" id="${id}" data-chart="${id.slice('chart-'.length)}"><figcaption>${escapeHtml(caption)}${n}</figcaption><div class="chart-body"></div></figure>`;
}

function comparisonSection(comparison: ComparisonReport): string {
  const warnings = comparison.warnings.length
    ? `<ul class="warnings">${comparison.warnings.map((w) => `<li>${escapeHtml(w)}</li>`).join('')}</ul>` : '';
  const o = comparison.options;
  return `<section id="comparison"><h2>Comparison</h2>
<p class="verdict-banner">Verdict: <span id="comparison-verdict" class="verdict verdict-${comparison.verdict}">${comparison.verdict}</span>
 — max regression ${(o.maxRegression * 100).toFixed(1)}%, gated on ${escapeHtml(o.metrics.join(', '))} (${escapeHtml(o.scope)}), α = ${o.alpha}, medians and best-of-N of each side.</p>
${warnings}
${chart('chart-compare-ops', 'Throughput: base vs new', 'median ops/s per operation, higher is better')}
${chart('chart-compare-p99', 'p99 latency: base vs new', 'median p99 per operation, lower is better')}
${comparisonTable(comparison)}
</section>`;
}

function body(results: readonly RunResult[], data: ReportData, comparison: ComparisonReport | undefined): string {
  const workloads = [...new Set(results.map((r) => r.workload.name))].join(', ');
  const parts = [
    `<h1>${escapeHtml(data.title)}</h1>`,
    `<p class="subtitle">${results.length} run${results.length === 1 ? '' : 's'} of ${escapeHtml(workloads || 'no workload')}</p>`,
  ];
  if (comparison) parts.push(comparisonSection(comparison));
  if (data.peers) {
    parts.push('<section id="peers"><h2>Targets side by side</h2>',
      chart('chart-peers-ops', 'Throughput per target', 'median ops/s, higher is better'),
      chart('chart-peers-p99', 'p99 latency per target', 'median ms, lower is better'), '</section>');
  }
  parts.push('<section id="over-time"><h2>Over time</h2>',
    chart('chart-throughput', 'Throughput', 'ops/s per window'),
    chart('chart-latency', 'Latency', 'p50 dashed, p99 solid, per window'),
    chart('chart-distribution', 'Latency distribution', 'from the HDR histogram of all operations; log percentile axis'));
  if (data.rss) parts.push(chart('chart-rss', 'Server memory', 'resident set size'));
  parts.push('</section>',
    `<section id="operations"><h2>Operations</h2>${operationsTable(results, data.runs)}</section>`,
    `<section id="errors"><h2>Errors by code</h2>${errorsTable(results, data.runs)}</section>`,
    `<section id="environment"><h2>Environment</h2>${environmentTable(results, data.runs)}</section>`);
  return parts.join('\n');
}

export function renderHtmlReport(results: RunResult[], options: HtmlReportOptions = {}): string {
  const title = options.title ?? `boltstack bench: ${[...new Set(results.map((r) => r.workload.name))].join(', ') || 'report'}`;
  const data = buildReportData(results, title, options.comparison, options.runLabels);
  const assets = options.assets ?? loadChartAssets();
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="boltstack bench">
<title>${escapeHtml(title)}</title>
<style>${assets.css.replace(/<\/style/gi, '<\\/style')}</style>
<style>${PAGE_CSS}</style>
</head>
<body>
${body(results, data, options.comparison)}
<script type="application/json" id="bench-data">${jsonForScript(data)}</script>
<script>${scriptText(assets.js)}</script>
<script>${CLIENT_SCRIPT}</script>
</body>
</html>
`;
}
