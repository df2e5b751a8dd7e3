/**
 * DESIGN.md §1: imports go strictly downward, and `services/` never imports `protocols/`,
 * `gateway/` or `server/` (a handler never sees a header, an XML string or a status code). STS's
 * SAML reader once imported the protocol layer's XML parser; the parser now lives in util/.
 */
import test from 'ava';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC = fileURLToPath(new URL('../../../src/', import.meta.url));

async function sourcesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...await sourcesUnder(path));
    else if (entry.name.endsWith('.ts')) out.push(path);
  }
  return out;
}

test('services/ imports nothing from protocols/, gateway/ or server/', async (t) => {
  const offending: string[] = [];
  for (const file of await sourcesUnder(join(SRC, 'services'))) {
    const text = await readFile(file, 'utf8');
    for (const m of text.matchAll(/(?:from|import\()\s*'((?:\.\.\/)+(?:protocols|gateway|server)\/[^']*)'/g)) {
      offending.push(`${relative(SRC, file)}: ${m[1]}`);
    }
  }
  t.deepEqual(offending, []);
});
