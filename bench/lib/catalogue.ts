/**
 * The benchmarks that exist: macro modules (dist/bench/macro/*.js exporting `run` and
 * `description`) and micro scripts (dist/bench/micro/*.js, standalone tinybench programs that
 * print their own JSON; described by the first line of their header comment).
 */
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join, basename } from 'node:path';

export interface Entry { name: string; kind: 'macro' | 'micro'; file: string; description: string }

const benchRoot = fileURLToPath(new URL('../', import.meta.url));

async function scripts(dir: string): Promise<string[]> {
  try {
    return (await readdir(join(benchRoot, dir))).filter((f) => f.endsWith('.js')).sort().map((f) => join(benchRoot, dir, f));
  } catch {
    return [];
  }
}

/** First sentence-ish line of the leading block comment, without "Micro benchmark:". */
async function headline(file: string): Promise<string> {
  const text = await readFile(file, 'utf8');
  const m = /\/\*\*\s*\n?\s*\*?\s*(.+)/.exec(text);
  return (m?.[1] ?? '').replace(/^Micro benchmark:\s*/i, '').trim();
}

export async function catalogue(): Promise<Entry[]> {
  const out: Entry[] = [];
  for (const file of await scripts('macro')) {
    const mod = (await import(file)) as { description?: string; run?: unknown };
    if (typeof mod.run === 'function') out.push({ name: basename(file, '.js'), kind: 'macro', file, description: mod.description ?? '' });
  }
  for (const file of await scripts('micro')) {
    out.push({ name: `micro/${basename(file, '.js')}`, kind: 'micro', file, description: await headline(file) });
  }
  return out;
}
