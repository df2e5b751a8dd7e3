/**
 * Headless Chromium (the Debian package, through playwright-core) for tests that check what a
 * person would see: a rendered report's charts drew (canvas of non-zero size with coloured
 * series pixels), with no page error and no network request (the page is offline by design).
 * Needs /usr/bin/chromium (`apt-get install chromium`, as .ci/run does);
 * BOLTSTACK_SKIP_BROWSER_TESTS=1 skips such tests.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';

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

export const skipBrowserTests = process.env.BOLTSTACK_SKIP_BROWSER_TESTS === '1';

/** Why browser tests cannot run here, or undefined when they can. */
export function browserMissing(): string | undefined {
  return existsSync(CHROMIUM) ? undefined
    : `${CHROMIUM} is missing: run \`apt-get install chromium\` (as .ci/run does), or set BOLTSTACK_SKIP_BROWSER_TESTS=1 to skip browser tests`;
}
