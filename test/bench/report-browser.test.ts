/**
 * Opens rendered reports in headless Chromium (the Debian package, through playwright-core) and
 * checks that every chart drew: a canvas of non-zero size with coloured (series) pixels on it,
 * no page errors, and no network request at all (the page is offline by construction).
 * Needs /usr/bin/chromium (`apt-get install chromium`): skipped with one line where it is missing,
 * required in CI (see browserPlan in ../helpers/browser.ts).
 */
import test from 'ava';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { browserPlan, browserSkipLine, chartStates, withBrowser } from '../helpers/browser.js';
import { compareRuns } from '../../src/bench/compare/compare-runs.js';
import { renderHtmlReport } from '../../src/bench/report/html.js';
import { makeRunResult, makeRuns } from './fixtures.js';

function reports(): Record<string, { html: string; charts: string[] }> {
  const base = makeRuns([1000, 1010, 990], [10, 10.2, 9.9]);
  const next = makeRuns([760, 750, 770], [13, 13.5, 12.8], { seed: 9 });
  const comparison = compareRuns(base, next, { maxRegression: 0.05 });
  const over = ['chart-throughput', 'chart-latency', 'chart-distribution', 'chart-rss'];
  return {
    single: { html: renderHtmlReport([makeRunResult()]), charts: over },
    peers: {
      html: renderHtmlReport([
        makeRunResult({ target: 'boltstack' }), makeRunResult({ target: 's3rver', opsPerSecond: 300, p99Ms: 40, errors: { SlowDown: 4 } }),
        makeRunResult({ target: 'boltstack', workload: 's3-mixed', seed: 3 }), makeRunResult({ target: 's3rver', workload: 's3-mixed', opsPerSecond: 200, seed: 4 }),
      ]),
      charts: ['chart-peers-ops', 'chart-peers-p99', ...over],
    },
    compare: {
      html: renderHtmlReport([...base, ...next], { comparison, runLabels: ['base #1', 'base #2', 'base #3', 'new #1', 'new #2', 'new #3'] }),
      charts: ['chart-compare-ops', 'chart-compare-p99', ...over],
    },
  };
}

const plan = browserPlan();
if ('skip' in plan) console.log(browserSkipLine('report-browser', plan.skip));

('skip' in plan ? test.skip : test)('the charts render in headless Chromium, offline', async (t) => {
  if ('fail' in plan) {
    t.fail(plan.fail);
    return;
  }
  await withBrowser(async (ctx, dir) => {
    for (const [name, report] of Object.entries(reports())) {
      const file = join(dir, `${name}.html`);
      writeFileSync(file, report.html);
      const problems: string[] = [];
      const states = await chartStates(ctx, file, problems);
      t.deepEqual(problems, [], name);
      t.deepEqual(states.map((s) => s.id).sort(), [...report.charts].sort(), `${name}: the expected charts`);
      for (const s of states) {
        t.true(s.rendered, `${name}/${s.id} rendered${s.error ? `: ${s.error}` : ''}`);
        t.true(s.width >= 320 && s.height >= 100, `${name}/${s.id} canvas is ${s.width}×${s.height}`);
        t.true(s.coloured > 200, `${name}/${s.id} has drawn series (${s.coloured} coloured pixels)`);
      }
    }
  });
});
