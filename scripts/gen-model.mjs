// `npm run gen:model`: compile (tsc emits even when unrelated files have type errors), then run the
// compiled generator, which writes src/model/generated/*.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const tsc = spawnSync('npx', ['tsc', '-p', '.'], { cwd: root, stdio: 'inherit' });
if (tsc.status !== 0) console.warn('tsc reported errors; running the generator from what it emitted');
const gen = spawnSync(process.execPath, ['dist/src/model/codegen/main.js'], { cwd: root, stdio: 'inherit' });
process.exit(gen.status ?? 1);
