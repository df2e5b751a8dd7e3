/**
 * The page script of the HTML report: reads the JSON data element and draws each chart with
 * uPlot into its <figure id="chart-...">. Plain ES2017 (the file is opened in any browser,
 * offline); all numbers were prepared by report-data.ts, so this only draws. Kept as a string
 * because it runs in the page, not in Node (no template literals inside: `${` would interpolate).
 */
export const CLIENT_SCRIPT = String.raw`
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('bench-data').textContent);
  var PALETTE = ['#2563eb', '#dc2626', '#16a34a', '#d97706', '#7c3aed', '#0891b2', '#db2777', '#4b5563'];
  var plots = [];
  function color(i) { return PALETTE[i % PALETTE.length]; }
  function fmt(v) {
    if (v == null || isNaN(v)) return '–';
    var a = Math.abs(v);
    return a >= 1000 ? Math.round(v).toLocaleString('en-US') : a >= 100 ? v.toFixed(0) : a >= 10 ? v.toFixed(1) : a >= 1 ? v.toFixed(2) : v === 0 ? '0' : v.toPrecision(2);
  }
  function pctLabel(x) {
    var p = 100 * (1 - 1 / x);
    var digits = Math.max(0, Math.round(Math.log(x) / Math.LN10) - 2);
    return (p >= 99 ? p.toFixed(digits) : p.toFixed(0)) + '%';
  }
  function zeroTo(factor) { return function (u, min, max) { return [0, max > 0 ? max * factor : 1]; }; }
  function mount(id, opts, aligned) {
    var el = document.getElementById(id);
    if (!el) return;
    try {
      opts.width = Math.max(320, Math.floor(el.getBoundingClientRect().width) || 800);
      opts.height = 300;
      plots.push({ el: el, plot: new uPlot(opts, aligned, el.querySelector('.chart-body')) });
      el.setAttribute('data-rendered', 'true');
    } catch (err) {
      el.setAttribute('data-error', String(err && err.message || err));
      el.querySelector('.chart-body').textContent = 'Chart failed: ' + String(err && err.message || err);
    }
  }
  function lineChart(id, set, o) {
    var series = [{ label: o.xLabel, value: function (u, v) { return v == null ? '–' : o.xFormat ? o.xFormat(v) : fmt(v); } }];
    set.series.forEach(function (s, i) {
      series.push({
        label: s.label, stroke: o.colorOf ? o.colorOf(i) : color(i), width: 2,
        dash: o.dashOf && o.dashOf(i) ? [6, 4] : undefined,
        // Runs' windows end at slightly different times, so aligning them leaves nulls between
        // each run's own points: join across them (a run's line still stops at its last point).
        spanGaps: true,
        value: function (u, v) { return fmt(v) + ' ' + o.unit; },
        points: { show: set.x.length <= 60 }
      });
    });
    mount(id, {
      scales: { x: Object.assign({ time: false }, o.xScale || {}), y: { range: zeroTo(1.05) } },
      series: series,
      axes: [Object.assign({ label: o.xLabel }, o.xAxis || {}), { label: o.unit, size: 64, values: function (u, vals) { return vals.map(fmt); } }]
    }, [set.x].concat(set.series.map(function (s) { return s.values; })));
  }
  function barChart(id, groups) {
    var C = groups.categories.length, S = groups.series.length;
    var groupW = 0.7 / C, barW = groupW / S;
    var x = groups.categories.map(function (_, c) { return c; });
    function fill(f) { return function () { return x.map(f); }; }
    var series = [{ label: 'group', value: function (u, v) { return v == null ? '–' : groups.categories[v]; } }];
    groups.series.forEach(function (s, i) {
      series.push({
        label: s.label, stroke: color(i), fill: color(i), width: 0,
        value: function (u, v) { return fmt(v) + ' ' + groups.unit; },
        points: { show: false },
        // Grouped bars: each series' bars sit at their own offset inside the category's slot
        // (uPlot "disp" facets, in fractions of the plot width).
        paths: uPlot.paths.bars({ size: [1, Infinity], disp: {
          x0: { unit: 2, values: fill(function (c) { return (c + 0.5) / C - groupW / 2 + i * barW; }) },
          size: { unit: 2, values: fill(function () { return barW; }) }
        } })
      });
    });
    mount(id, {
      scales: { x: { time: false, range: function () { return [-0.5, C - 0.5]; } }, y: { range: zeroTo(1.1) } },
      series: series,
      axes: [
        { splits: function () { return x; }, values: function (u, vals) { return vals.map(function (v) { return groups.categories[v] || ''; }); }, grid: { show: false } },
        { label: groups.unit, size: 64, values: function (u, vals) { return vals.map(fmt); } }
      ]
    }, [x].concat(groups.series.map(function (s) { return s.values; })));
  }
  var decades = function (u, axis, min, max) { var out = []; for (var v = 1; v <= max * 1.0001; v *= 10) out.push(v); return out; };
  lineChart('chart-throughput', data.throughput, { xLabel: 'seconds', unit: 'ops/s' });
  lineChart('chart-latency', data.latency, {
    xLabel: 'seconds', unit: 'ms',
    colorOf: function (i) { return color(Math.floor(i / 2)); },
    dashOf: function (i) { return i % 2 === 0; }
  });
  lineChart('chart-distribution', data.distribution, {
    xLabel: 'percentile', unit: 'ms', xFormat: pctLabel,
    xScale: { distr: 3, log: 10 },
    xAxis: { splits: decades, values: function (u, vals) { return vals.map(pctLabel); } }
  });
  if (data.rss) lineChart('chart-rss', data.rss, { xLabel: 'seconds', unit: 'MB' });
  if (data.peers) { barChart('chart-peers-ops', data.peers.ops); barChart('chart-peers-p99', data.peers.p99); }
  if (data.compare) { barChart('chart-compare-ops', data.compare.ops); barChart('chart-compare-p99', data.compare.p99); }
  window.addEventListener('resize', function () {
    plots.forEach(function (p) { p.plot.setSize({ width: Math.max(320, Math.floor(p.el.getBoundingClientRect().width)), height: 300 }); });
  });
})();
`;
