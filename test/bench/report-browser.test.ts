/**
 * Opens rendered reports in headless Chromium (the Debian package, through playwright-core) and
 * checks that every chart drew: a canvas of non-zero size with coloured (series) pixels on it,
 * no page errors, and no network request at all (the page is offline by construction).
 * Needs /usr/bin/chromium (`apt-get install chromium`); BOLTSTACK_SKIP_BROWSER_TESTS=1 skips.
 */
import test from 'ava';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { compareRuns } from '../../src/bench/compare/compare-runs.js';
import { renderHtmlReport } from '../../src/bench/report/html.js';
import { makeRunResult, makeRuns } from './fixtures.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

interface ChartState {
  id: string;
  rendered: boolean;
  error: string | null;
  width: number;
  height: number;
  /** Pixels with a clearly non-grey colour: series lines and bars, not axes or grid. */
  coloured: number;
}

async function withBrowser(run: (ctx: BrowserContext, dir: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'boltstack-report-'));
  // launchPersistentContext is playwright's form of a fresh --user-data-dir.
  const ctx = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1280, height: 900 }, offline: true,
  });
  try {
    await run(ctx, dir);
  } finally {
    await ctx.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function chartStates(ctx: BrowserContext, file: string, problems: string[]): Promise<ChartState[]> {
  const page = await ctx.newPage();
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('request', (req) => { if (!req.url().startsWith('file:')) problems.push(`request: ${req.url()}`); });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  // Runs in the page: read each chart's canvas back. The project's lib has no DOM types (Node
  // code), so playwright's element types resolve loosely here; the function is plain DOM code.
  return page.$$eval('figure.bench-chart', (figures) => figures.map((f) => {
    const canvas = f.querySelector('canvas');
    let coloured = 0;
    if (canvas && canvas.width > 0 && canvas.height > 0) {
      const px = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      for (let i = 0; i < px.length; i += 4) {
        const [r, g, b, a] = [px[i]!, px[i + 1]!, px[i + 2]!, px[i + 3]!];
        if (a > 128 && Math.max(r, g, b) - Math.min(r, g, b) > 60) coloured++;
      }
    }
    return {
      id: f.id, rendered: f.getAttribute('data-rendered') === 'true', error: f.getAttribute('data-error'),
      width: canvas?.width ?? 0, height: canvas?.height ?? 0, coloured,
    };
  }));
}

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

const skip = process.env.BOLTSTACK_SKIP_BROWSER_TESTS === '1';
if (skip) console.log('report-browser: skipped (BOLTSTACK_SKIP_BROWSER_TESTS=1)');

(skip ? test.skip : test)('the charts render in headless Chromium, offline', async (t) => {
  if (!existsSync(CHROMIUM)) {
    t.fail(`${CHROMIUM} is missing: run \`apt-get install chromium\` (as .ci/run does), or set BOLTSTACK_SKIP_BROWSER_TESTS=1 to skip this test`);
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
