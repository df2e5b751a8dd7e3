// Builds with tsc only when a source file is newer than the last build, so `npm start` is quick.
import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync, statSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const roots = ['src', 'workers', 'native-store', 'bench', 'test', 'tsconfig.json', 'package.json'];
const stamp = 'dist/.build-stamp';
function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = 0;
  for (const name of readdirSync(path)) max = Math.max(max, newest(join(path, name)));
  return max;
}
const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
const entryMissing = ['dist/src/cli.js', 'dist/src/cli-main.js'].some((f) => !existsSync(f));
// tsc is incremental: with its build info present it does not re-emit an output deleted since.
if (entryMissing) rmSync('dist/.tsbuildinfo', { force: true });
if (roots.some((r) => newest(r) > built) || entryMissing) {
  // tsc takes 10-15 s on a first start: say why nothing else is printed meanwhile.
  process.stderr.write('boltstack: compiling TypeScript into dist/ (first start, or the sources changed) ...\n');
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json'], { stdio: 'inherit' });
  writeFileSync(stamp, new Date().toISOString());
}
