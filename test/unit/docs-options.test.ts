/**
 * Every option and environment variable is documented, from the code's own lists:
 *
 * - the `boltstack` command's options: OPTION_SPECS (src/config.ts, what parseArgv and --help use)
 *   against the table of docs/configuration.md, flag, env var and default; plus the arguments
 *   cli-main.ts handles itself (--help, --version, the bench subcommand);
 * - each option by its camelCase name in docs/embedding.md (createBoltstack() takes them all);
 * - every environment variable the code reads (`env.NAME`, `env['NAME']`, `${NAME` in scripts),
 *   found by scanning the sources: the server's in docs/configuration.md, the benchmarks' in
 *   docs/benchmarking.md, the tests' in docs/testing.md, the scripts' in docs/install.md (or, for
 *   any of them, docs/configuration.md, the page of every variable a user of the server sets).
 */
import test from 'ava';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OPTION_SPECS } from '../../src/config.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');

/** The rows of configuration.md's option table: `| \`--flag\` | \`ENV\` | \`default\` or (none) | meaning |`. */
function optionRows(markdown: string): Map<string, { env: string; default: string }> {
  const rows = new Map<string, { env: string; default: string }>();
  for (const m of markdown.matchAll(/^\| `(--[a-z-]+)` \| `([A-Z0-9_]+)` \| (`[^`]*`|\(none\)) \|/gm)) {
    rows.set(m[1]!, { env: m[2]!, default: m[3] === '(none)' ? '' : m[3]!.slice(1, -1) });
  }
  return rows;
}

/** Whether `name` appears in `text` as a whole word (BOLTSTACK_PORT is not in BOLTSTACK_PORTS). */
const mentions = (text: string, name: string): boolean => new RegExp(`(?<![\\w-])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`).test(text);

/** Source files under `dir` (relative to the repository) whose names end in one of `extensions`. */
function sourceFiles(dir: string, extensions: string[]): string[] {
  return (readdirSync(join(ROOT, dir), { recursive: true }) as string[])
    .filter((f) => extensions.some((e) => f.endsWith(e)) && !f.endsWith('.d.ts'))
    .map((f) => join(dir, f));
}

/** Environment variable names a source file reads: `env.NAME`, `env['NAME']`, and in shell `${NAME`. */
function envNamesIn(text: string, shell: boolean): string[] {
  const pattern = shell ? /\$\{?(BOLTSTACK_[A-Z0-9_]+)/g : /\benv(?:\.([A-Z][A-Z0-9_]*)(?![\w$])|\[['"]([A-Z][A-Z0-9_]*)['"]\])/g;
  return [...text.matchAll(pattern)].map((m) => (m[1] ?? m[2])!);
}

/**
 * Names that are read but are not settings: each with why. Anything else the code reads must be
 * documented.
 */
const NOT_SETTINGS: Record<string, string> = {
  // src/model/codegen/sdk-clients.ts sets it around loading the SDK clients, and restores the caller's value.
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'set by npm run gen:model itself',
  // test/fixtures/young-generation-probe.ts: test/e2e/cli-memory-flags.test.ts sets it for the probe it starts.
  YOUNG_PROBE_WORKER: 'set by the test that starts the probe',
};

/** Where the variables each part of the code reads are documented. */
const SCOPES: Array<{ dirs: string[]; doc: string; exclude?: string }> = [
  { dirs: ['src', 'workers', 'native-store'], doc: 'docs/configuration.md', exclude: 'src/bench/' },
  { dirs: ['src/bench', 'bench'], doc: 'docs/benchmarking.md' },
  // This file's own examples of the patterns are not variables.
  { dirs: ['test'], doc: 'docs/testing.md', exclude: 'test/unit/docs-options.test.ts' },
  { dirs: ['scripts'], doc: 'docs/install.md' },
];

test('every option of the command is a row of docs/configuration.md with its env var and default', (t) => {
  const rows = optionRows(read('docs/configuration.md'));
  for (const spec of OPTION_SPECS) {
    t.deepEqual(rows.get(spec.flag), { env: spec.env, default: spec.default }, `${spec.flag} (${spec.env}, default "${spec.default}")`);
  }
  // And no row for an option that is gone.
  t.deepEqual([...rows.keys()].filter((flag) => !OPTION_SPECS.some((s) => s.flag === flag)), []);
});

test('the arguments cli-main.ts handles itself are in docs/configuration.md', (t) => {
  const cli = read('src/cli-main.ts');
  const flags = [...cli.matchAll(/argv\.includes\('(-{1,2}[a-z-]+)'\)/g)].map((m) => m[1]!);
  const subcommands = [...cli.matchAll(/args\[0\] === '([a-z]+)'/g)].map((m) => `boltstack ${m[1]!}`);
  t.true(flags.includes('--help') && subcommands.includes('boltstack bench'), 'the patterns still find what cli-main.ts handles');
  const doc = read('docs/configuration.md');
  t.deepEqual([...flags, ...subcommands].filter((arg) => !mentions(doc, arg)), []);
});

test('docs/embedding.md names every option createBoltstack() takes', (t) => {
  const doc = read('docs/embedding.md');
  t.deepEqual(OPTION_SPECS.map((s) => s.key).filter((key) => !mentions(doc, key)), []);
});

test('the scan finds the variables it should (it can fail)', (t) => {
  t.deepEqual(envNamesIn("a = process.env.AWS_REGION ?? o.env['BOLTSTACK_X']; m.env.Type; env.lower", false), ['AWS_REGION', 'BOLTSTACK_X']);
  t.deepEqual(envNamesIn('node="${BOLTSTACK_IMAGE_NODE:-22}" $TMPDIR', true), ['BOLTSTACK_IMAGE_NODE']);
  t.false(mentions('`BOLTSTACK_PORTS`', 'BOLTSTACK_PORT'));
});

for (const scope of SCOPES) {
  test(`the environment variables ${scope.dirs.join(', ')} read are in ${scope.doc}`, (t) => {
    const files = scope.dirs.flatMap((dir) => sourceFiles(dir, ['.ts', '.mjs', '.sh']))
      .filter((f) => scope.exclude === undefined || !f.startsWith(scope.exclude));
    const found = new Map<string, string>();
    for (const file of files) {
      for (const name of envNamesIn(read(file), file.endsWith('.sh'))) if (!found.has(name)) found.set(name, file);
    }
    t.true(found.size > 0, 'the scan found variables');
    const docs = read(scope.doc) + read('docs/configuration.md');
    const undocumented = [...found].filter(([name]) => !(name in NOT_SETTINGS) && !mentions(docs, name)).map(([name, file]) => `${name} (${file})`);
    t.deepEqual(undocumented, []);
  });
}
