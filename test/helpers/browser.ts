/**
 * Headless Chromium (the Debian package, through playwright-core) for tests that check what a
 * person would see: a rendered report's charts drew (canvas of non-zero size with coloured
 * series pixels), with no page error and no network request (the page is offline by design).
 * Needs /usr/bin/chromium (`apt-get install chromium`, as .ci/run does). Where it is missing these
 * tests are skipped with one visible line, so `npm test` passes on a fresh machine; in CI (`CI` set,
 * as .ci/run has it) they are required and fail loudly instead. BOLTSTACK_SKIP_BROWSER_TESTS=1
 * skips them on purpose (outside CI).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { inCi } from './ci.js';

export const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface ChartState {
  id: string;
  rendered: boolean;
  error: string | null;
  width: number;
  height: number;
  /** Pixels with a clearly non-grey colour: series lines and bars, not axes or grid. */
  coloured: number;
}

export async function withBrowser(run: (ctx: BrowserContext, dir: string) => Promise<void>): Promise<void> {
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

export async function chartStates(ctx: BrowserContext, file: string, problems: string[]): Promise<ChartState[]> {
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

export type BrowserPlan =
  | { run: true }
  | { run: false; skip: string }
  | { run: false; fail: string };

/**
 * Whether the browser tests run here: in CI they are required (a missing Chromium fails them);
 * elsewhere they run when Chromium is installed and are skipped, saying why and how to enable
 * them, when it is not or when BOLTSTACK_SKIP_BROWSER_TESTS=1.
 */
export function browserPlan(env: NodeJS.ProcessEnv = process.env, chromiumInstalled = existsSync(CHROMIUM)): BrowserPlan {
  const install = 'apt-get install chromium';
  if (inCi(env)) {
    return chromiumInstalled ? { run: true }
      : { run: false, fail: `${CHROMIUM} is missing and CI requires the browser tests: run \`${install}\` first (.ci/run does)` };
  }
  if (env.BOLTSTACK_SKIP_BROWSER_TESTS === '1') return { run: false, skip: 'BOLTSTACK_SKIP_BROWSER_TESTS=1' };
  if (!chromiumInstalled) return { run: false, skip: `${CHROMIUM} not found; \`${install}\` to run them (CI requires them)` };
  return { run: true };
}

/** The one line a test file prints when it skips its browser checks. */
export const browserSkipLine = (file: string, why: string): string => `${file}: browser tests skipped: ${why}`;
