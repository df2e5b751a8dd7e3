/**
 * The repository's top level holds the layout of DESIGN.md §2 and nothing else: scratch scripts
 * belong in /tmp. Reads the directory itself (not git's index), so an untracked scratch file left
 * at the top level fails too; what the build, `npm start` and the bench write there (and git's
 * own directory) is allowed because .gitignore keeps it out of the repository.
 */
import test from 'ava';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** DESIGN.md §2, plus the files every npm project and its CI carry, and the container image's Dockerfile. */
const LAYOUT = new Set([
  'package.json', 'package-lock.json', 'tsconfig.json', 'src', 'workers', 'native-store', 'bench', 'test', 'docs', 'scripts',
  'README.md', 'LICENSE', 'Dockerfile', '.ci', '.gitignore',
]);

/** Written by tools at run time and ignored by git (.gitignore). */
const GENERATED = new Set(['.git', 'node_modules', 'dist', 'data', '.bench-results']);

test('the top level holds only the layout of DESIGN.md §2', (t) => {
  const unexpected = readdirSync(ROOT).filter((name) => !LAYOUT.has(name) && !GENERATED.has(name) && !name.endsWith('.log'));
  t.deepEqual(unexpected, [], `unexpected top-level entries in ${ROOT} (scratch files belong in /tmp)`);
});
